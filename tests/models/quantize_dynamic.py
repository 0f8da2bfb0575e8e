#!/usr/bin/python3
"""Writes the int8 "_quantized" variant of every ONNX file in a model folder, the way ONNX Runtime's dynamic
quantizer does for MatMul (python onnxruntime, which ships that quantizer, is not installable here): each MatMul
whose weight is a 2-D float initializer becomes
    DynamicQuantizeLinear(x) -> MatMulInteger(x_u8, W_s8, x_zero, 0) -> Cast(float) -> Mul(x_scale * W_scale)
with W quantized symmetrically per tensor to int8. Nodes inside If branches are rewritten too; their weights are
outer-graph initializers, so the quantized weights are added to the outer graph. Everything else stays fp32 (as
in optimum's exports, whose embedding and final projection are left in float by default).
Usage: quantize_dynamic.py MODEL_FOLDER   (reads onnx/*.onnx without a variant suffix, writes *_quantized.onnx)"""
import os, sys
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto as T


def quantize(model):
    main = model.graph
    weights = {i.name: i for i in main.initializer}
    quantized = {}  # float weight name -> (int8 name, scale name)

    def quantized_weight(name):
        if name not in quantized:
            w = numpy_helper.to_array(weights[name])
            scale = max(float(np.abs(w).max()), 1e-12) / 127.0
            q = np.clip(np.rint(w / scale), -127, 127).astype(np.int8)
            main.initializer.extend([numpy_helper.from_array(q, name + "_s8"),
                                     numpy_helper.from_array(np.array(scale, np.float32), name + "_scale"),
                                     numpy_helper.from_array(np.array(0, np.int8), name + "_zero")])
            quantized[name] = (name + "_s8", name + "_scale", name + "_zero")
        return quantized[name]

    def rewrite(graph):
        nodes = []
        for node in graph.node:
            for attr in node.attribute:
                if attr.type == onnx.AttributeProto.GRAPH:
                    rewrite(attr.g)
            w = node.input[1] if node.op_type == "MatMul" else None
            if w is None or w not in weights or len(weights[w].dims) != 2:
                nodes.append(node)
                continue
            q, scale, zero = quantized_weight(w)
            x, y, p = node.input[0], node.output[0], node.output[0] + "_q"
            nodes += [helper.make_node("DynamicQuantizeLinear", [x], [p + "x", p + "xs", p + "xz"]),
                      helper.make_node("MatMulInteger", [p + "x", q, p + "xz", zero], [p + "i32"]),
                      helper.make_node("Cast", [p + "i32"], [p + "f"], to=T.FLOAT),
                      helper.make_node("Mul", [p + "xs", scale], [p + "s"]),
                      helper.make_node("Mul", [p + "f", p + "s"], [y])]
        del graph.node[:]
        graph.node.extend(nodes)

    rewrite(main)
    used = {n for node in _all_nodes(main) for n in node.input}
    kept = [i for i in main.initializer if i.name in used]
    del main.initializer[:]
    main.initializer.extend(kept)
    return model


def _all_nodes(graph):
    for node in graph.node:
        yield node
        for attr in node.attribute:
            if attr.type == onnx.AttributeProto.GRAPH:
                yield from _all_nodes(attr.g)


folder = os.path.join(sys.argv[1], "onnx")
for name in sorted(os.listdir(folder)):
    stem, ext = os.path.splitext(name)
    if ext != ".onnx" or stem.endswith(("_quantized", "_int8", "_fp16")):
        continue
    model = quantize(onnx.load(os.path.join(folder, name)))
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(folder, stem + "_quantized.onnx"))
print("ok")
