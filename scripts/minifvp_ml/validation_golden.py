"""The numpy golden model's int8 logits for the whole TinyRPS validation split, committed as
tests/firmware/data/tinyrps_val_golden.txt for the end-to-end test
firmware.rps.validation_bit_exact (tests/firmware/ml_apps_test.py `validation`): minifvp runs the
NPU command stream on every validation image and must reproduce these logits bit for bit.

File format (text, one record per line):
  # comment lines
  seed S                      data set seed (dataset.make_dataset)
  train_per_class T           training images per class (rendered first from the same generator)
  val_per_class V             validation images per class
  images_sha256 H             SHA-256 of the validation images as one raw uint8 file (N x 784)
  I LABEL L0 L1 L2            per image: index, true class (0 rock, 1 paper, 2 scissors) and the
                              golden model's int8 logits (rock, paper, scissors)

scripts/pipeline.sh writes it from the network it has just quantized. Without rerunning the
training, `python3 -m minifvp_ml.validation_golden` rebuilds the same network from the committed
firmware/generated/tinyrps_int8.c (every parameter the golden model reads: geometry, zero
points, clamps, int8 weights, int32 biases, TFLite multipliers and shifts) and rewrites the file.
Neither path imports torch.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys

import numpy as np

from . import dataset as ds

# reference.py and quantize.py import torch (quantize.py quantizes PyTorch modules): they are
# imported only where the golden model runs, so the test side (parse_golden,
# regenerate_validation) needs numpy and Pillow alone.

GOLDEN_NAME = "tinyrps_val_golden.txt"
HEADER_KEYS = ("seed", "train_per_class", "val_per_class", "images_sha256")


def images_sha256(images_u8: np.ndarray) -> str:
    """Hash of the images exactly as they are written for `rps.elf classify FILE`."""
    return hashlib.sha256(np.ascontiguousarray(images_u8, dtype=np.uint8).tobytes()).hexdigest()


def quantize_rps_image(images_u8: np.ndarray) -> np.ndarray:
    """uint8 [N,28,28] -> int8 NHWC network input (pixel - 128), as quantize.quantize_rps_image."""
    return (images_u8.astype(np.int16) - 128).astype(np.int8)[..., None]


def golden_logits(net, images_u8: np.ndarray) -> np.ndarray:
    from . import reference
    out = reference.run(net, quantize_rps_image(images_u8))
    return out.reshape(len(images_u8), -1)


def format_golden(seed: int, train_per_class: int, val_per_class: int, images_u8: np.ndarray,
                  labels: np.ndarray, logits: np.ndarray) -> str:
    correct, count = int((logits.argmax(axis=1) == labels).sum()), len(labels)
    lines = ["# TinyRPS validation split: the numpy int8 golden model's logits per image",
             "# (scripts/minifvp_ml/validation_golden.py; written by scripts/pipeline.sh).",
             f"# golden model accuracy {100 * correct / count:.2f}% ({correct}/{count})",
             "# index true_class(0 rock, 1 paper, 2 scissors) logit_rock logit_paper "
             "logit_scissors",
             f"seed {seed}", f"train_per_class {train_per_class}", f"val_per_class {val_per_class}",
             f"images_sha256 {images_sha256(images_u8)}"]
    for i, (label, row) in enumerate(zip(labels, logits)):
        lines.append(f"{i} {int(label)} " + " ".join(str(int(v)) for v in row))
    return "\n".join(lines) + "\n"


def write_golden(out_dir: str, net, seed: int, train_per_class: int,
                 val_per_class: int, val: ds.Split) -> str:
    text = format_golden(seed, train_per_class, val_per_class, val.images, val.labels,
                         golden_logits(net, val.images))
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, GOLDEN_NAME)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def parse_golden(text: str) -> dict:
    """Returns {"seed", "train_per_class", "val_per_class", "images_sha256", "labels" [N],
    "logits" [N,3]}; raises ValueError on a malformed file."""
    header, labels, logits = {}, [], []
    for number, line in enumerate(text.splitlines(), start=1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if fields[0] in HEADER_KEYS and len(fields) == 2:
            header[fields[0]] = fields[1] if fields[0] == "images_sha256" else int(fields[1])
        elif len(fields) == 5 and int(fields[0]) == len(labels):
            labels.append(int(fields[1]))
            logits.append([int(v) for v in fields[2:]])
        else:
            raise ValueError(f"line {number}: unexpected {line!r}")
    missing = [k for k in HEADER_KEYS if k not in header]
    if missing:
        raise ValueError(f"missing header fields {missing}")
    if len(labels) != header["val_per_class"] * len(ds.LABELS):
        expected = header["val_per_class"] * len(ds.LABELS)
        raise ValueError(f"{len(labels)} records, expected {expected}")
    header["labels"] = np.array(labels, dtype=np.int64)
    header["logits"] = np.array(logits, dtype=np.int64)
    return header


def regenerate_validation(seed: int, train_per_class: int, val_per_class: int) -> ds.Split:
    """The validation split exactly as the pipeline renders it (after the training split, from
    the same generator). numpy and Pillow only."""
    return ds.make_dataset(seed, train_per_class, val_per_class).val


# --- Rebuilding the quantized network from firmware/generated/tinyrps_int8.c ---------------------

_ARRAY = re.compile(r"\b(int8_t|int32_t)\s+(\w+)\[(\d+)\]\s*=\s*\{([^}]*)\};")
_TABLE = re.compile(r"tinyrps_int8_layers\[TINYRPS_INT8_LAYERS\]\s*=\s*\{(.*?)\n\};", re.S)
_ENTRY = re.compile(r"\{([^{}]*)\},\s*/\*\s*(\S+)\s*\*/")
_DEFINE = re.compile(r"#define\s+(TINYRPS_\w+)\s+\(?(-?[0-9.e+-]+)f?\)?")


def load_network_from_c(generated_dir: str):
    """The quantize.QuantizedNetwork that pipeline.py exported as tinyrps_int8.c (and
    tinyrps_model.h for the network's output quantization)."""
    from .quantize import RPS_INPUT_PARAMS, QLayer, QuantizedNetwork, QuantParams
    with open(os.path.join(generated_dir, "tinyrps_int8.c"), encoding="utf-8") as f:
        source = f.read()
    with open(os.path.join(generated_dir, "tinyrps_model.h"), encoding="utf-8") as f:
        defines = {m.group(1): m.group(2) for m in _DEFINE.finditer(f.read())}
    arrays = {}
    for ctype, name, size, body in _ARRAY.findall(source):
        values = np.array([int(v) for v in body.replace(",", " ").split()], dtype=np.int64)
        if len(values) != int(size):
            raise ValueError(f"tinyrps_int8.c: {name} has {len(values)} values, declared {size}")
        arrays[name] = values
    table = _TABLE.search(source)
    if table is None:
        raise ValueError("tinyrps_int8.c: no tinyrps_int8_layers table")
    net = QuantizedNetwork("tinyrps", (28, 28, 1), RPS_INPUT_PARAMS)
    for body, name in _ENTRY.findall(table.group(1)):
        f = [v.strip() for v in body.split(",")]
        kind, kh, kw, sh, sw, pt, pl = (int(v) for v in f[:7])
        ih, iw, ic, oh, ow, oc = (int(v) for v in f[7:13])
        in_zp, out_zp, act_min, act_max = (int(v) for v in f[13:17])
        # Scales are not part of the integer arithmetic; only the network output's is known here.
        layer = QLayer("conv" if kind == 0 else "maxpool", name, (ih, iw, ic), (oh, ow, oc),
                       QuantParams(float("nan"), in_zp), QuantParams(float("nan"), out_zp),
                       kernel=(kh, kw), stride=(sh, sw), padding=(pt, pl, pt, pl),
                       act_min=act_min, act_max=act_max)
        if kind == 0:
            w, b, m, s = f[17:21]
            layer.weights = arrays[w].astype(np.int8).reshape(oc, kh, kw, ic)
            layer.bias = arrays[b].astype(np.int32)
            layer.multiplier = arrays[m]
            layer.shift = arrays[s]
            layer.fully_connected = (ih, iw) == (1, 1)
        elif kind != 1:
            raise ValueError(f"tinyrps_int8.c: {name} has unknown kind {kind}")
        net.layers.append(layer)
    if not net.layers:
        raise ValueError("tinyrps_int8.c: empty layer table")
    net.layers[-1].output = QuantParams(float(defines["TINYRPS_OUTPUT_SCALE"]),
                                        int(defines["TINYRPS_OUTPUT_ZERO_POINT"]))
    return net


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Rewrite " + GOLDEN_NAME + " from the committed "
                                "int8 model (firmware/generated/tinyrps_int8.c), without training.")
    p.add_argument("--generated-dir", default="firmware/generated")
    p.add_argument("--out-dir", default="tests/firmware/data")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--train-per-class", type=int, default=1000)
    p.add_argument("--val-per-class", type=int, default=200)
    args = p.parse_args(argv)
    net = load_network_from_c(args.generated_dir)
    val = regenerate_validation(args.seed, args.train_per_class, args.val_per_class)
    path = write_golden(args.out_dir, net, args.seed, args.train_per_class, args.val_per_class, val)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
