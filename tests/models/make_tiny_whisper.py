#!/usr/bin/python3
"""Builds a tiny Whisper-architecture model in Hugging Face optimum's ONNX layout, with deterministic random
weights, for end-to-end tests of the transcriber: encoder_model.onnx and decoder_model_merged.onnx (an If on
use_cache_branch between a no-past and a with-past decoder), config.json, generation_config.json and the real
tokenizer files. Every file passes python3-onnx's checker.
With --ggml-f16 FILE it also writes the same weights as a whisper.cpp ggml file in f16 (whisper.cpp's default
format; its pure-f32 format cannot run on CPU: ggml's f16 im2col asserts on f32 convolution weights), and with
--ggml-q8 FILE as q8_0 (its 8-bit format), so whisper.cpp can be benchmarked on exactly the same model.
Usage: make_tiny_whisper.py TOKENIZER_FOLDER OUTPUT_FOLDER [d_model heads layers] [--ggml-f16 FILE] [--ggml-q8 FILE]"""
import json, os, shutil, sys
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto as T

args = sys.argv[1:]
ggml_outputs = {}  # ggml ftype -> file
for flag, ftype in (("--ggml-f16", 1), ("--ggml-q8", 7)):
    if flag in args:
        i = args.index(flag)
        ggml_outputs[ftype] = args[i + 1]
        del args[i:i + 2]
tok_dir, out = args[0], args[1]
D, H, L = (int(a) for a in args[2:5]) if len(args) > 4 else (64, 2, 2)
DH, FFN, MELS, V, CTX, AUDIO = D // H, 4 * D, 80, 51865, 448, 1500
rng = np.random.default_rng(1234)
ggml = {}  # whisper.cpp tensor name -> array in ONNX layout (MatMul weights are [in, out])
os.makedirs(os.path.join(out, "onnx"), exist_ok=True)

class G:
    """A graph under construction: nodes, initializers and unique names."""
    def __init__(self, prefix):
        self.nodes, self.inits, self.prefix, self.n = [], [], prefix, 0
    def name(self, hint):
        self.n += 1
        return f"{self.prefix}{hint}_{self.n}"
    def w(self, hint, shape, scale=0.08, key=None):
        n = self.name(hint)
        array = (rng.standard_normal(shape) * scale).astype(np.float32)
        self.inits.append(numpy_helper.from_array(array, n))
        if key:
            ggml[key] = array
        return n
    def const(self, hint, array):
        n = self.name(hint)
        self.inits.append(numpy_helper.from_array(np.asarray(array), n))
        return n
    def op(self, op, inputs, **attrs):
        out = self.name(op.lower())
        self.nodes.append(helper.make_node(op, inputs, [out], **attrs))
        return out
    def linear(self, x, din, dout, bias=True, key=None):
        y = self.op("MatMul", [x, self.w("w", (din, dout), key=key and key + ".weight")])
        return self.op("Add", [y, self.w("b", (dout,), 0.02, key=key and key + ".bias")]) if bias else y
    def ln(self, x):
        return self.op("LayerNormalization", [x, self.const("g", np.ones(D, np.float32)), self.const("beta", np.zeros(D, np.float32))], axis=-1)
    def gelu(self, x):  # 0.5·x·(1 + erf(x/√2)); opset 17 has no Gelu operator
        e = self.op("Erf", [self.op("Div", [x, self.const("sqrt2", np.float32(np.sqrt(2)))])])
        return self.op("Mul", [self.op("Mul", [x, self.const("half", np.float32(0.5))]), self.op("Add", [e, self.const("one", np.float32(1))])])
    def heads(self, x):  # [B,T,D] → [B,H,T,DH]
        return self.op("Transpose", [self.op("Reshape", [x, self.const("shape", np.array([0, 0, H, DH], np.int64))])], perm=[0, 2, 1, 3])
    def merge(self, x):  # [B,H,T,DH] → [B,T,D]
        return self.op("Reshape", [self.op("Transpose", [x], perm=[0, 2, 1, 3]), self.const("shape", np.array([0, 0, D], np.int64))])
    def attend(self, q, k, v, mask=None):
        s = self.op("Mul", [self.op("MatMul", [q, self.op("Transpose", [k], perm=[0, 1, 3, 2])]), self.const("scale", np.float32(DH ** -0.5))])
        if mask is not None:
            s = self.op("Add", [s, mask])
        return self.op("MatMul", [self.op("Softmax", [s], axis=-1), v])
    def mlp(self, x, key):
        return self.linear(self.gelu(self.linear(x, D, FFN, key=key + ".0")), FFN, D, key=key + ".2")

def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)

def save(graph, name):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="speechqa-tiny-whisper")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out, "onnx", name))

# ---- encoder: two convolutions, positions, L pre-norm transformer layers, final norm
g = G("enc_")
x = g.gelu(g.op("Conv", ["input_features", g.w("conv1", (D, MELS, 3), key="encoder.conv1.weight"), g.w("cb1", (D,), 0.02, key="encoder.conv1.bias")], pads=[1, 1]))
x = g.gelu(g.op("Conv", [x, g.w("conv2", (D, D, 3), key="encoder.conv2.weight"), g.w("cb2", (D,), 0.02, key="encoder.conv2.bias")], pads=[1, 1], strides=[2]))
x = g.op("Add", [g.op("Transpose", [x], perm=[0, 2, 1]), g.w("pos", (AUDIO, D), 0.02, key="encoder.positional_embedding")])
for i in range(L):
    b = f"encoder.blocks.{i}."
    h = g.ln(x)
    q, k, v = g.linear(h, D, D, key=b + "attn.query"), g.linear(h, D, D, bias=False, key=b + "attn.key"), g.linear(h, D, D, key=b + "attn.value")
    x = g.op("Add", [x, g.linear(g.merge(g.attend(g.heads(q), g.heads(k), g.heads(v))), D, D, key=b + "attn.out")])
    x = g.op("Add", [x, g.mlp(g.ln(x), b + "mlp")])
g.nodes.append(helper.make_node("LayerNormalization", [x, g.const("g", np.ones(D, np.float32)), g.const("beta", np.zeros(D, np.float32))], ["last_hidden_state"], axis=-1))
save(helper.make_graph(g.nodes, "encoder", [vi("input_features", T.FLOAT, ["batch", MELS, 3000])],
                       [vi("last_hidden_state", T.FLOAT, ["batch", AUDIO, D])], g.inits), "encoder_model.onnx")

# ---- decoder weights shared by both branches (generated once, referenced from the outer graph)
outer_inits = []
def shared(name, shape, scale=0.08):
    array = (rng.standard_normal(shape) * scale).astype(np.float32)
    outer_inits.append(numpy_helper.from_array(array, name))
    ggml[name] = array
    return name
embed, pos = shared("embed_tokens", (V, D), 0.5), shared("embed_positions", (CTX, D), 0.02)
layers = [{k: shared(f"l{i}_{k}", s, 0.08 if k[0] == "w" else 0.02) for k, s in
           {"wq": (D, D), "bq": (D,), "wk": (D, D), "wv": (D, D), "bv": (D,), "wo": (D, D), "bo": (D,),
            "cwq": (D, D), "cbq": (D,), "cwk": (D, D), "cwv": (D, D), "cbv": (D,), "cwo": (D, D), "cbo": (D,),
            "w1": (D, FFN), "b1": (FFN,), "w2": (FFN, D), "b2": (D,)}.items()} for i in range(L)]

def shape_of(name):
    return ["batch", "decoder_sequence_length", V] if name == "logits" else ["batch", H, name.replace(".", "_") + "_length", DH]

def decoder_branch(with_past):
    g = G("past_" if with_past else "nopast_")
    def lin(x, w, b=None):
        y = g.op("MatMul", [x, w])
        return g.op("Add", [y, b]) if b else y
    ids_shape = g.op("Shape", ["input_ids"])
    seq = g.op("Gather", [ids_shape, g.const("one", np.array(1, np.int64))], axis=0)
    start = g.op("Gather", [g.op("Shape", ["past_key_values.0.decoder.key"]), g.const("two", np.array(2, np.int64))], axis=0) if with_past else g.const("zero", np.array(0, np.int64))
    positions = g.op("Range", [start, g.op("Add", [start, seq]), g.const("step", np.array(1, np.int64))])
    x = g.op("Add", [g.op("Gather", [embed, "input_ids"], axis=0), g.op("Gather", [pos, positions], axis=0)])
    mask = None
    if not with_past:  # causal mask over the prompt: -1e9 above the diagonal
        square = g.op("Concat", [g.op("Unsqueeze", [seq, g.const("ax", np.array([0], np.int64))])] * 2, axis=0)
        ones = g.op("ConstantOfShape", [square], value=helper.make_tensor("v", T.FLOAT, [1], [1.0]))
        mask = g.op("Mul", [g.op("Sub", [ones, g.op("Trilu", [ones], upper=0)]), g.const("neg", np.float32(-1e9))])
    outputs = []
    for i, w in enumerate(layers):
        h = g.ln(x)
        q, k, v = g.heads(lin(h, w["wq"], w["bq"])), g.heads(lin(h, w["wk"])), g.heads(lin(h, w["wv"], w["bv"]))
        if with_past:
            k = g.op("Concat", [f"past_key_values.{i}.decoder.key", k], axis=2)
            v = g.op("Concat", [f"past_key_values.{i}.decoder.value", v], axis=2)
        g.nodes.append(helper.make_node("Identity", [k], [f"{g.prefix}present.{i}.decoder.key"]))
        g.nodes.append(helper.make_node("Identity", [v], [f"{g.prefix}present.{i}.decoder.value"]))
        x = g.op("Add", [x, lin(g.merge(g.attend(q, k, v, mask)), w["wo"], w["bo"])])
        h = g.ln(x)
        if with_past:
            ck, cv = f"past_key_values.{i}.encoder.key", f"past_key_values.{i}.encoder.value"
        else:
            ck, cv = g.heads(lin("encoder_hidden_states", w["cwk"])), g.heads(lin("encoder_hidden_states", w["cwv"], w["cbv"]))
        g.nodes.append(helper.make_node("Identity", [ck], [f"{g.prefix}present.{i}.encoder.key"]))
        g.nodes.append(helper.make_node("Identity", [cv], [f"{g.prefix}present.{i}.encoder.value"]))
        x = g.op("Add", [x, lin(g.merge(g.attend(g.heads(lin(h, w["cwq"], w["cbq"])), ck, cv)), w["cwo"], w["cbo"])])
        x = g.op("Add", [x, lin(g.gelu(lin(g.ln(x), w["w1"], w["b1"])), w["w2"], w["b2"])])
    g.nodes.append(helper.make_node("MatMul", [g.ln(x), g.op("Transpose", [embed], perm=[1, 0])], [f"{g.prefix}logits"]))
    names = ["logits"] + [f"present.{i}.{part}.{kv}" for i in range(L) for part in ("decoder", "encoder") for kv in ("key", "value")]
    outs = [vi(g.prefix + n, T.FLOAT, shape_of(n)) for n in names]
    return helper.make_graph(g.nodes, g.prefix + "branch", [], outs, g.inits), names

then_graph, names = decoder_branch(True)
else_graph, _ = decoder_branch(False)
inputs = [vi("input_ids", T.INT64, ["batch", "decoder_sequence_length"]), vi("encoder_hidden_states", T.FLOAT, ["batch", AUDIO, D])]
for i in range(L):
    for part, length in (("decoder", "past_decoder_sequence_length"), ("encoder", "encoder_sequence_length_out")):
        for kv in ("key", "value"):
            inputs.append(vi(f"past_key_values.{i}.{part}.{kv}", T.FLOAT, ["batch", H, length, DH]))
inputs.append(vi("use_cache_branch", T.BOOL, [1]))
if_node = helper.make_node("If", ["use_cache_branch"], names, then_branch=then_graph, else_branch=else_graph)
save(helper.make_graph([if_node], "decoder_merged", inputs, [vi(n, T.FLOAT, shape_of(n)) for n in names], outer_inits), "decoder_model_merged.onnx")

for f in os.listdir(tok_dir):
    shutil.copy(os.path.join(tok_dir, f), out)
with open(os.path.join(tok_dir, "config.json")) as f:
    config = json.load(f)
config.update(d_model=D, encoder_attention_heads=H, decoder_attention_heads=H, encoder_layers=L, decoder_layers=L,
              encoder_ffn_dim=FFN, decoder_ffn_dim=FFN, num_hidden_layers=L, _name_or_path="speechqa/tiny-random-whisper")
with open(os.path.join(out, "config.json"), "w") as f:
    json.dump(config, f, indent=2)

# ---- the same weights as a whisper.cpp ggml file (layout of whisper.cpp's convert-pt-to-ggml.py and whisper_model_load)
GGML_NAMES = {"wq": "attn.query.weight", "bq": "attn.query.bias", "wk": "attn.key.weight", "wv": "attn.value.weight",
              "bv": "attn.value.bias", "wo": "attn.out.weight", "bo": "attn.out.bias", "cwq": "cross_attn.query.weight",
              "cbq": "cross_attn.query.bias", "cwk": "cross_attn.key.weight", "cwv": "cross_attn.value.weight",
              "cbv": "cross_attn.value.bias", "cwo": "cross_attn.out.weight", "cbo": "cross_attn.out.bias",
              "w1": "mlp.0.weight", "b1": "mlp.0.bias", "w2": "mlp.2.weight", "b2": "mlp.2.bias"}

def ggml_tensors():
    """(name, array in PyTorch layout) in whisper.cpp naming; layer norms are the identity, as in the ONNX graphs."""
    ones, zeros = np.ones(D, np.float32), np.zeros(D, np.float32)
    for name, array in ggml.items():
        if name.startswith("encoder."):
            if name.endswith("conv1.bias") or name.endswith("conv2.bias"):
                array = array.reshape(D, 1)
            elif array.ndim == 2 and name.endswith(".weight"):
                array = array.T  # ONNX MatMul [in, out] -> torch Linear [out, in]
            yield name, array
        elif name == "embed_tokens":
            yield "decoder.token_embedding.weight", array
        elif name == "embed_positions":
            yield "decoder.positional_embedding", array
        else:
            layer, key = name[1:].split("_", 1)
            yield f"decoder.blocks.{layer}.{GGML_NAMES[key]}", array.T if array.ndim == 2 else array
    for i in range(L):
        for part in ("encoder", "decoder"):
            for ln in ("attn_ln", "mlp_ln") + (("cross_attn_ln",) if part == "decoder" else ()):
                yield f"{part}.blocks.{i}.{ln}.weight", ones
                yield f"{part}.blocks.{i}.{ln}.bias", zeros
    yield from (("encoder.ln_post.weight", ones), ("encoder.ln_post.bias", zeros), ("decoder.ln.weight", ones), ("decoder.ln.bias", zeros))

def q8_0(array):
    """ggml block_q8_0: per 32 consecutive values one fp16 scale and 32 int8."""
    blocks = array.reshape(-1, 32).astype(np.float32)
    scale = np.abs(blocks).max(axis=1, keepdims=True) / 127.0
    q = np.rint(np.divide(blocks, scale, out=np.zeros_like(blocks), where=scale > 0)).astype(np.int8)
    packed = np.empty((blocks.shape[0], 34), np.uint8)
    packed[:, :2] = scale.astype(np.float16).view(np.uint8)
    packed[:, 2:] = q.view(np.uint8)
    return packed.tobytes()

def write_ggml(path, ftype):
    import base64, struct
    assets = os.path.join(os.path.dirname(os.path.abspath(tok_dir)), "whisper-assets")
    filters = np.load(os.path.join(assets, "mel_filters.npz"))[f"mel_{MELS}"].astype(np.float32)
    with open(os.path.join(assets, "multilingual.tiktoken"), "rb") as f:
        tokens = [base64.b64decode(line.split()[0]) for line in f if line.strip()]
    with open(path, "wb") as f:
        f.write(struct.pack("<I", 0x67676D6C))
        f.write(struct.pack("<11i", V, AUDIO, D, H, L, CTX, D, H, L, MELS, ftype))
        f.write(struct.pack("<2i", *filters.shape) + filters.tobytes())
        f.write(struct.pack("<i", len(tokens)))
        for token in tokens:
            f.write(struct.pack("<I", len(token)) + token)
        for name, array in ggml_tensors():
            array = np.ascontiguousarray(array, np.float32)
            # whisper_model_load: matrices (token embedding included) in the file's type, convolutions in f16,
            # positional embeddings, biases and norms in f32
            matrix = array.ndim == 2 and name.endswith(".weight") and "conv" not in name and "positional" not in name
            conv = "conv" in name and name.endswith(".weight")
            if matrix and ftype == 7:
                ttype, data = 8, q8_0(array)
            elif matrix or conv:
                ttype, data = 1, array.astype(np.float16).tobytes()
            else:
                ttype, data = 0, array.tobytes()
            encoded = name.encode()
            f.write(struct.pack("<3i", array.ndim, len(encoded), ttype) + struct.pack(f"<{array.ndim}i", *reversed(array.shape)))
            f.write(encoded + data)

for ftype, path in ggml_outputs.items():
    write_ggml(path, ftype)
print("ok")
