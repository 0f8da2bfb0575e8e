#!/usr/bin/python3
"""Writes a Whisper model with deterministic random weights in whisper.cpp's ggml file format (the layout of
whisper.cpp's convert-pt-to-ggml.py, read by whisper_model_load), with the real multilingual vocabulary and
OpenAI's mel filters from tests/models/whisper-assets (MIT, see LICENSE there). It is used by the tests and
the benchmark: no pretrained weights can be downloaded where they run, and the architecture, file format,
vocabulary and mel filters are what matter for loading, timing and speed.

Usage: make_ggml_whisper.py OUTPUT [--size test|tiny|base|small] [--type f16|q8_0|q5_0|f32] [--seed N]
  --type f16   whisper.cpp's default (matrices and convolutions f16, the rest f32)
  --type q8_0 / q5_0   quantised matrices, as whisper.cpp's quantize tool writes them
  --type f32   everything f32: a file whisper.cpp accepts at load time but aborts on when it runs (ggml's
               f16 im2col asserts on f32 convolution weights); the product must refuse it before loading
The same --size and --seed give the same weights in every type."""
import base64, os, struct, sys
import numpy as np

SIZES = {"test": (64, 2, 2), "tiny": (384, 6, 4), "base": (512, 8, 6), "small": (768, 12, 12)}
# The "test" size keeps a short text context: whisper.cpp decodes at most half of it per window, and random
# weights never stop early, so tests stay quick while every code path is the real one.
TEXT_CONTEXT = {"test": 64}
TYPES = {"f32": 0, "f16": 1, "q8_0": 7, "q5_0": 8}  # ggml file types (ftype) whisper.cpp reads
ASSETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "whisper-assets")
MELS, VOCAB, AUDIO_CTX = 80, 51865, 1500


def option(args, name, default):
    if name in args:
        i = args.index(name)
        value = args[i + 1]
        del args[i:i + 2]
        return value
    return default


def tensors(d, layers, text_ctx, rng):
    """(name, array in PyTorch layout) for every tensor whisper_model_load expects; layer norms are the identity."""
    def w(*shape, scale=0.08):
        return (rng.standard_normal(shape) * scale).astype(np.float32)
    ones, zeros = np.ones(d, np.float32), np.zeros(d, np.float32)
    yield "encoder.positional_embedding", w(AUDIO_CTX, d, scale=0.02)
    yield "encoder.conv1.weight", w(d, MELS, 3)
    yield "encoder.conv1.bias", w(d, 1, scale=0.02)
    yield "encoder.conv2.weight", w(d, d, 3)
    yield "encoder.conv2.bias", w(d, 1, scale=0.02)
    yield "encoder.ln_post.weight", ones
    yield "encoder.ln_post.bias", zeros
    yield "decoder.positional_embedding", w(text_ctx, d, scale=0.02)
    yield "decoder.token_embedding.weight", w(VOCAB, d, scale=0.5)
    yield "decoder.ln.weight", ones
    yield "decoder.ln.bias", zeros
    for part in ("encoder", "decoder"):
        for i in range(layers):
            b = f"{part}.blocks.{i}."
            attentions = ("attn", "cross_attn") if part == "decoder" else ("attn",)
            for ln in ("attn_ln", "mlp_ln") + (("cross_attn_ln",) if part == "decoder" else ()):
                yield b + ln + ".weight", ones
                yield b + ln + ".bias", zeros
            for attn in attentions:
                yield b + attn + ".query.weight", w(d, d)
                yield b + attn + ".query.bias", w(d, scale=0.02)
                yield b + attn + ".key.weight", w(d, d)  # Whisper's key projection has no bias
                yield b + attn + ".value.weight", w(d, d)
                yield b + attn + ".value.bias", w(d, scale=0.02)
                yield b + attn + ".out.weight", w(d, d)
                yield b + attn + ".out.bias", w(d, scale=0.02)
            yield b + "mlp.0.weight", w(4 * d, d)
            yield b + "mlp.0.bias", w(4 * d, scale=0.02)
            yield b + "mlp.2.weight", w(d, 4 * d)
            yield b + "mlp.2.bias", w(d, scale=0.02)


def q8_0(array):
    """ggml block_q8_0: per 32 consecutive values one f16 scale and 32 int8."""
    blocks = array.reshape(-1, 32).astype(np.float32)
    scale = np.abs(blocks).max(axis=1, keepdims=True) / 127.0
    q = np.rint(np.divide(blocks, scale, out=np.zeros_like(blocks), where=scale > 0)).astype(np.int8)
    packed = np.empty((blocks.shape[0], 34), np.uint8)
    packed[:, :2] = scale.astype(np.float16).view(np.uint8)
    packed[:, 2:] = q.view(np.uint8)
    return packed.tobytes()


def q5_0(array):
    """ggml block_q5_0 (quantize_row_q5_0_ref): f16 scale d = max/-16, 32 high bits, 16 bytes of low nibbles."""
    blocks = array.reshape(-1, 32).astype(np.float32)
    index = np.abs(blocks).argmax(axis=1)
    extreme = blocks[np.arange(len(blocks)), index]
    d = extreme / -16.0
    inv = np.divide(1.0, d, out=np.zeros_like(d), where=d != 0)
    q = np.minimum(31, (blocks * inv[:, None] + 16.5).astype(np.int8)).astype(np.uint32)
    low = (q[:, :16] & 0x0F) | ((q[:, 16:] & 0x0F) << 4)
    high = np.zeros(len(blocks), np.uint32)
    for j in range(16):
        high |= ((q[:, j] & 0x10) >> 4) << j
        high |= ((q[:, j + 16] & 0x10) >> 4) << (j + 16)
    packed = np.empty((len(blocks), 22), np.uint8)
    packed[:, :2] = d.astype(np.float16).reshape(-1, 1).view(np.uint8)
    packed[:, 2:6] = high.astype("<u4").reshape(-1, 1).view(np.uint8)
    packed[:, 6:] = low.astype(np.uint8)
    return packed.tobytes()


def encode(name, array, ftype):
    """whisper_model_load: matrices (token embedding included) in the file's type, convolutions f16 (f32 in an
    f32 file), positional embeddings, biases and norms f32. Returns (ggml tensor type, bytes)."""
    matrix = array.ndim == 2 and name.endswith(".weight") and "conv" not in name and "positional" not in name
    conv = "conv" in name and name.endswith(".weight")
    if matrix and ftype == 7:
        return 8, q8_0(array)
    if matrix and ftype == 8:
        return 6, q5_0(array)
    if (matrix or conv) and ftype != 0:
        return 1, array.astype(np.float16).tobytes()
    return 0, np.ascontiguousarray(array, np.float32).tobytes()


def main():
    args = sys.argv[1:]
    size = option(args, "--size", "test")
    kind = option(args, "--type", "f16")
    seed = int(option(args, "--seed", "1234"))
    if len(args) != 1 or size not in SIZES or kind not in TYPES:
        sys.exit(__doc__)
    d, heads, layers = SIZES[size]
    text_ctx = TEXT_CONTEXT.get(size, 448)
    ftype = TYPES[kind]
    filters = np.load(os.path.join(ASSETS, "mel_filters.npz"))[f"mel_{MELS}"].astype(np.float32)
    with open(os.path.join(ASSETS, "multilingual.tiktoken"), "rb") as f:
        vocabulary = [base64.b64decode(line.split()[0]) for line in f if line.strip()]
    with open(args[0], "wb") as f:
        f.write(struct.pack("<I", 0x67676D6C))  # "ggml"
        f.write(struct.pack("<11i", VOCAB, AUDIO_CTX, d, heads, layers, text_ctx, d, heads, layers, MELS, ftype))
        f.write(struct.pack("<2i", *filters.shape) + filters.tobytes())
        f.write(struct.pack("<i", len(vocabulary)))
        for token in vocabulary:
            f.write(struct.pack("<I", len(token)) + token)
        for name, array in tensors(d, layers, text_ctx, np.random.default_rng(seed)):
            ttype, data = encode(name, array, ftype)
            encoded = name.encode()
            f.write(struct.pack("<3i", array.ndim, len(encoded), ttype) + struct.pack(f"<{array.ndim}i", *reversed(array.shape)))
            f.write(encoded + data)
    print(args[0])


if __name__ == "__main__":
    main()
