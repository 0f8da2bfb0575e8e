#!/usr/bin/python3
"""Builds the tiny ONNX models the ONNX Runtime binding tests run (python3-onnx; checked with its checker).
Usage: make_ort_test_models.py OUTPUT_FOLDER"""
import sys, os
import onnx
from onnx import helper, TensorProto as T

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def save(graph, name):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="speechqa-tests")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out, name))

# y = (a + b) * 2 with a symbolic batch dimension; also returns the int64 input converted to float and a bool mask.
two = helper.make_tensor("two", T.FLOAT, [], [2.0])
save(helper.make_graph(
    [helper.make_node("Add", ["a", "b"], ["sum"]),
     helper.make_node("Mul", ["sum", "two"], ["y"]),
     helper.make_node("Cast", ["ids"], ["ids_float"], to=T.FLOAT),
     helper.make_node("Not", ["mask"], ["inverted"]),
     helper.make_node("Cast", ["counts"], ["counts_doubled_src"], to=T.INT32),
     helper.make_node("Add", ["counts_doubled_src", "counts"], ["counts_doubled"]),
     helper.make_node("Identity", ["half"], ["half_out"])],
    "arith",
    [helper.make_tensor_value_info("a", T.FLOAT, ["batch", 3]),
     helper.make_tensor_value_info("b", T.FLOAT, ["batch", 3]),
     helper.make_tensor_value_info("ids", T.INT64, [4]),
     helper.make_tensor_value_info("mask", T.BOOL, [2]),
     helper.make_tensor_value_info("counts", T.INT32, [2]),
     helper.make_tensor_value_info("half", T.FLOAT16, [2])],
    [helper.make_tensor_value_info("y", T.FLOAT, ["batch", 3]),
     helper.make_tensor_value_info("ids_float", T.FLOAT, [4]),
     helper.make_tensor_value_info("inverted", T.BOOL, [2]),
     helper.make_tensor_value_info("counts_doubled", T.INT32, [2]),
     helper.make_tensor_value_info("half_out", T.FLOAT16, [2])],
    [two]), "arith.onnx")

# A long chain of 1024×1024 matrix products (≈ 850 GFLOP, many seconds of work), so a run can be terminated while it is busy.
nodes, prev = [], "x"
for i in range(400):
    nodes.append(helper.make_node("MatMul", [prev, prev], [f"m{i}"]))
    nodes.append(helper.make_node("Tanh", [f"m{i}"], [f"t{i}"]))
    prev = f"t{i}"
nodes.append(helper.make_node("Identity", [prev], ["z"]))
save(helper.make_graph(nodes, "slow",
    [helper.make_tensor_value_info("x", T.FLOAT, [1024, 1024])],
    [helper.make_tensor_value_info("z", T.FLOAT, [1024, 1024])]), "slow.onnx")
print("ok")
