"""The whole deployment path in one command (scripts/pipeline.sh):

  data set -> train TinyRPS -> quantize -> golden-model accuracy -> compile for Ethos-U55
  (128 and 256 MACs) -> bundles in tests/npu/data/tinyrps, payloads in firmware/generated;
  train the sine MLP -> float and int8 C arrays (+ an NPU bundle).

Fixed seeds and deterministic training: on the same machine and package versions, a rerun
rewrites every artifact byte for byte. Quality bars are enforced unless --quick.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
import torch

from . import dataset as ds
from . import export_c, glyphs, quantize, reference, training, validation_golden
from .npu_compiler import bundle, compiler

FLOAT_ACCURACY_BAR = 0.99
INT8_ACCURACY_BAR = 0.98
SINE_ERROR_BAR = 0.05
REFERENCE_SOURCE = "numpy int8 golden model (scripts/minifvp_ml/reference.py), TFLite reference-kernel arithmetic"


def _float_accuracy(model, images_u8, labels) -> float:
    return training.accuracy(model, torch.from_numpy(ds.to_float(images_u8)), torch.from_numpy(labels))


def _int8_predictions(net, images_u8) -> np.ndarray:
    out = reference.run(net, quantize.quantize_rps_image(images_u8))
    return out.reshape(len(out), -1).argmax(axis=1)


def build_tinyrps(args, log) -> dict:
    data = ds.make_dataset(args.seed, args.train_per_class, args.val_per_class)
    result = training.train_tinyrps(data, epochs=args.epochs, seed=args.seed, log=log)
    float_acc = _float_accuracy(result.model, data.val.images, data.val.labels)
    net = quantize.quantize_sequential(result.model, "tinyrps", ds.to_float(data.train.images),
                                       quantize.RPS_INPUT_PARAMS)
    int8_acc = float((_int8_predictions(net, data.val.images) == data.val.labels).mean())
    log(f"TinyRPS validation accuracy: float {100 * float_acc:.2f}% | int8 golden model "
        f"{100 * int8_acc:.2f}%")
    sample = quantize.quantize_rps_image(data.val.images[args.sample_index:args.sample_index + 1])
    expected = reference.run(net, sample)
    compiled = {}
    for macs in args.macs:
        c = compiler.compile_network(net, macs)
        compiled[macs] = c
        log(compiler.format_summary(c))
        if args.tests_dir:
            bundle.write_bundle(c, os.path.join(args.tests_dir, "tinyrps", c.accelerator.name),
                                sample[0], expected[0], REFERENCE_SOURCE)
    return {"data": data, "net": net, "float_acc": float_acc, "int8_acc": int8_acc,
            "compiled": compiled, "sample": sample[0], "expected": expected[0],
            "sample_label": int(data.val.labels[args.sample_index])}


def build_sine(args, log) -> dict:
    result = training.train_sine(seed=args.seed, steps=args.sine_steps, log=log)
    grid = training.sine_grid()
    x_max = training.SINE_X_RANGE[1]
    net = quantize.quantize_sequential(result.model, "sine_mlp", grid[:, None],
                                       quantize.sine_input_params(x_max))
    xq = net.input.quantize(grid)[:, None, None, None]
    yq = reference.run(net, xq).reshape(-1)
    int8_err = float(np.abs(net.output.dequantize(yq) - np.sin(grid.astype(np.float64))).max())
    log(f"sine MLP int8 golden model: max |error| on [0, 2pi] = {int8_err:.4f}")
    compiled = {}
    sample_x = np.array([[[[net.input.quantize(np.array([np.pi / 2]))[0]]]]], dtype=np.int8)
    sample_y = reference.run(net, sample_x)
    for macs in args.macs[:1]:
        c = compiler.compile_network(net, macs)
        compiled[macs] = c
        log(compiler.format_summary(c))
        if args.tests_dir:
            bundle.write_bundle(c, os.path.join(args.tests_dir, "sine_mlp", c.accelerator.name),
                                sample_x[0], sample_y[0], REFERENCE_SOURCE)
    return {"model": result.model, "float_err": result.max_abs_error, "int8_err": int8_err,
            "net": net, "compiled": compiled}


def _write_tinyrps_firmware(out: str, rps: dict) -> None:
    net, lines, src = rps["net"], [], []
    h = ["#ifndef MINIFVP_GENERATED_TINYRPS_MODEL_H", "#define MINIFVP_GENERATED_TINYRPS_MODEL_H",
         "", "#include <stdint.h>", "",
         "/* TinyRPS compiled for Ethos-U55 by scripts/minifvp_ml/npu_compiler. Region 0 (weights)",
         " * is tinyrps_<config>_flash, region 1 (scratch) is a caller buffer of ..._SCRATCH_SIZE bytes",
         " * aligned to 16; region 2 aliases region 1. Input: int8 NHWC 28x28x1 = pixel - 128. */",
         "", "#define TINYRPS_NUM_CLASSES 3", "#define TINYRPS_IMAGE_SIZE 28",
         f"#define TINYRPS_INPUT_SCALE {export_c.c_float(net.input.scale)}",
         f"#define TINYRPS_INPUT_ZERO_POINT {export_c.c_int(net.input.zero_point)}",
         f"#define TINYRPS_OUTPUT_SCALE {export_c.c_float(net.output.scale)}",
         f"#define TINYRPS_OUTPUT_ZERO_POINT {export_c.c_int(net.output.zero_point)}", "",
         "extern const char *const tinyrps_labels[TINYRPS_NUM_CLASSES];", ""]
    src += [export_c.HEADER_NOTE, '#include "tinyrps_model.h"', "",
            'const char *const tinyrps_labels[TINYRPS_NUM_CLASSES] = {"rock", "paper", "scissors"};', ""]
    for macs, c in rps["compiled"].items():
        tag = f"u55_{macs}"
        up = tag.upper()
        blob = f"tinyrps_{tag}_flash.bin"
        export_c.write_bytes(os.path.join(out, blob), c.flash)
        export_c.write(os.path.join(out, f"tinyrps_{tag}_flash.S"),
                       export_c.incbin_source(f"tinyrps_{tag}_flash", blob, section=".model_data"))
        h += [f"/* {c.accelerator.name} */",
              f"#define TINYRPS_{up}_FLASH_SIZE {len(c.flash)}u",
              f"#define TINYRPS_{up}_SCRATCH_SIZE {c.scratch_size}u",
              f"#define TINYRPS_{up}_INPUT_OFFSET {c.input_map.offset}u",
              f"#define TINYRPS_{up}_OUTPUT_OFFSET {c.output_map.offset}u",
              f"#define TINYRPS_{up}_PAYLOAD_SIZE {len(c.driver_payload)}u",
              f"extern const uint8_t tinyrps_{tag}_flash[];  /* 16-byte aligned, from the .S */",
              f"extern const uint8_t tinyrps_{tag}_payload[TINYRPS_{up}_PAYLOAD_SIZE];", ""]
        src.append(export_c.c_array("uint8_t", f"tinyrps_{tag}_payload", c.driver_payload,
                                    fmt=export_c.hex_byte, qualifiers="__attribute__((aligned(16))) const"))
    h += ["/* One validation image (int8 input) and the golden model's logits for it. */",
          f"#define TINYRPS_SAMPLE_LABEL {rps['sample_label']}",
          "extern const int8_t tinyrps_sample_input[TINYRPS_IMAGE_SIZE * TINYRPS_IMAGE_SIZE];",
          "extern const int8_t tinyrps_sample_expected[TINYRPS_NUM_CLASSES];", "", "#endif", ""]
    src.append(export_c.c_array("int8_t", "tinyrps_sample_input", rps["sample"].reshape(-1), per_line=28))
    src.append(export_c.c_array("int8_t", "tinyrps_sample_expected", rps["expected"].reshape(-1)))
    export_c.write(os.path.join(out, "tinyrps_model.h"), export_c.HEADER_NOTE + "\n".join(h))
    export_c.write(os.path.join(out, "tinyrps_model.c"), "\n".join(src))


# The firmware's linker scripts load sections .model_data* into DDR (the weights do not fit the
# ITCM next to the code): firmware/common/corstone300_sections.ld.
MODEL_DATA_QUALIFIERS = 'static const __attribute__((section(".model_data.tinyrps_int8")))'


def _write_tinyrps_cpu_model(out: str, rps: dict) -> None:
    """The quantized TinyRPS as plain int8 tensors for the firmware's C kernels (apps/rps):
    per layer the geometry, zero points, clamp, OHWI weights, int32 bias and the TFLite
    (multiplier, shift) pairs that reference.py uses, so the C code can be bit-exact."""
    net = rps["net"]
    h = [export_c.HEADER_NOTE, "#ifndef MINIFVP_GENERATED_TINYRPS_INT8_H",
         "#define MINIFVP_GENERATED_TINYRPS_INT8_H", "", "#include <stdint.h>", "",
         "/* TinyRPS int8 layers in execution order (NHWC). kind 0: convolution (fully connected is",
         " * a 1x1 convolution over a 1x1xN map), kind 1: max pooling. Weights are OHWI. Requantisation:",
         " * TFLite MultiplyByQuantizedMultiplier(acc, multiplier[o], shift[o]) (shift > 0: left). */",
         "typedef struct {", "  uint8_t kind;", "  uint8_t kernel_h, kernel_w, stride_h, stride_w;",
         "  uint8_t pad_top, pad_left;", "  uint16_t in_h, in_w, in_c, out_h, out_w, out_c;",
         "  int8_t input_zero_point, output_zero_point, act_min, act_max;",
         "  const int8_t *weights;", "  const int32_t *bias;", "  const int32_t *multiplier;",
         "  const int8_t *shift;", "} tinyrps_int8_layer_t;", "",
         f"#define TINYRPS_INT8_LAYERS {len(net.layers)}",
         "extern const tinyrps_int8_layer_t tinyrps_int8_layers[TINYRPS_INT8_LAYERS];", "", "#endif", ""]
    src = [export_c.HEADER_NOTE, '#include "tinyrps_int8.h"', ""]
    entries = []
    for k, layer in enumerate(net.layers):
        if layer.kind == "conv":
            q = MODEL_DATA_QUALIFIERS
            src.append(export_c.c_array("int8_t", f"w{k}", layer.weights.reshape(-1), per_line=16,
                                        qualifiers=q))
            src.append(export_c.c_array("int32_t", f"b{k}", layer.bias, per_line=8, qualifiers=q))
            src.append(export_c.c_array("int32_t", f"m{k}", layer.multiplier, per_line=6, qualifiers=q))
            src.append(export_c.c_array("int8_t", f"s{k}", layer.shift, per_line=16, qualifiers=q))
            arrays, kind = f"w{k}, b{k}, m{k}, s{k}", 0
        else:
            arrays, kind = "0, 0, 0, 0", 1
        (ih, iw, ic), (oh, ow, oc) = layer.in_shape, layer.out_shape
        entries.append(f"  {{{kind}, {layer.kernel[0]}, {layer.kernel[1]}, {layer.stride[0]}, "
                       f"{layer.stride[1]}, {layer.padding[0]}, {layer.padding[1]}, {ih}, {iw}, {ic}, "
                       f"{oh}, {ow}, {oc}, {layer.input.zero_point}, {layer.output.zero_point}, "
                       f"{layer.act_min}, {layer.act_max}, {arrays}}}, /* {layer.name} */")
    src += ["const tinyrps_int8_layer_t tinyrps_int8_layers[TINYRPS_INT8_LAYERS] = {"] + entries + ["};", ""]
    export_c.write(os.path.join(out, "tinyrps_int8.h"), "\n".join(h))
    export_c.write(os.path.join(out, "tinyrps_int8.c"), "\n".join(src))


VALIDATION_PER_CLASS = 10


def _write_validation_images(out_dir: str, rps: dict) -> None:
    """The first VALIDATION_PER_CLASS validation images of each class as raw 28x28 uint8
    (rps_validation.u8, what `rps.elf classify FILE` reads) and the golden model's predictions
    for them (rps_validation_expected.txt: index, true class, predicted class, int8 logits)."""
    val = rps["data"].val
    picked = []
    for label in range(len(ds.LABELS)):
        picked += list(np.flatnonzero(val.labels == label)[:VALIDATION_PER_CLASS])
    picked.sort()
    images = val.images[picked]
    logits = reference.run(rps["net"], quantize.quantize_rps_image(images)).reshape(len(picked), -1)
    export_c.write_bytes(os.path.join(out_dir, "rps_validation.u8"), images.astype(np.uint8).tobytes())
    lines = ["# index true_class predicted_class logit_rock logit_paper logit_scissors "
             "(numpy int8 golden model)"]
    for i, (label, row) in enumerate(zip(val.labels[picked], logits)):
        lines.append(f"{i} {ds.LABELS[label]} {ds.LABELS[int(row.argmax())]} "
                     + " ".join(str(int(v)) for v in row))
    export_c.write(os.path.join(out_dir, "rps_validation_expected.txt"), "\n".join(lines) + "\n")


def _write_glyphs(out: str) -> None:
    gl = glyphs.render_glyphs()
    h = [export_c.HEADER_NOTE, "#ifndef MINIFVP_GENERATED_RPS_GLYPHS_H",
         "#define MINIFVP_GENERATED_RPS_GLYPHS_H", "", "#include <stdint.h>", "",
         "/* Liberation Sans R, P, S at sizes 18..23 px, 8-bit coverage at full intensity, cropped to",
         " * the ink. (x0, y0): top-left of the crop in the 28x28 canvas when centred as the data set",
         " * renderer centres it, before its +/-2 px jitter. */",
         "typedef struct {", "  char letter;", "  uint8_t font_size;", "  uint8_t x0, y0;",
         "  uint8_t width, height;", "  const uint8_t *pixels; /* row-major, width*height */",
         "} rps_glyph_t;", "", f"#define RPS_GLYPH_COUNT {len(gl)}",
         "extern const rps_glyph_t rps_glyphs[RPS_GLYPH_COUNT];", "", "#endif", ""]
    src = [export_c.HEADER_NOTE, '#include "rps_glyphs.h"', ""]
    entries = []
    for letter, size, x0, y0, bm in gl:
        name = f"glyph_{letter}_{size}"
        src.append(export_c.c_array("uint8_t", name, bm.reshape(-1), per_line=bm.shape[1],
                                    fmt=export_c.hex_byte, qualifiers="static const"))
        entries.append(f"  {{'{letter}', {size}, {x0}, {y0}, {bm.shape[1]}, {bm.shape[0]}, {name}}},")
    src += ["const rps_glyph_t rps_glyphs[RPS_GLYPH_COUNT] = {"] + entries + ["};", ""]
    export_c.write(os.path.join(out, "rps_glyphs.h"), "\n".join(h))
    export_c.write(os.path.join(out, "rps_glyphs.c"), "\n".join(src))


def _write_sine_firmware(out: str, sine: dict) -> None:
    model, net = sine["model"], sine["net"]
    linears = [m for m in model.net if isinstance(m, torch.nn.Linear)]
    h = [export_c.HEADER_NOTE, "#ifndef MINIFVP_GENERATED_SINE_MODEL_H",
         "#define MINIFVP_GENERATED_SINE_MODEL_H", "", "#include <stdint.h>", "",
         "/* Sine MLP 1-16-16-1 with ReLU, trained on x in [0, 2pi]. Weights are [out][in] row-major.",
         " * int8 layers follow TFLite: acc = bias + sum (x - input_zp) * w; y = zp_out +",
         " * MultiplyByQuantizedMultiplier(acc, multiplier[o], shift[o]) (shift > 0: left), clamped to",
         " * [act_min, act_max]. */", "", "#define SINE_LAYERS 3",
         f"#define SINE_FLOAT_MAX_ABS_ERROR {export_c.c_float(sine['float_err'])}",
         f"#define SINE_INT8_MAX_ABS_ERROR {export_c.c_float(sine['int8_err'])}", ""]
    src = [export_c.HEADER_NOTE, '#include "sine_model.h"', ""]
    sizes = []
    for k, lin in enumerate(linears, start=1):
        w = lin.weight.detach().numpy()
        b = lin.bias.detach().numpy()
        sizes.append(w.shape)
        h += [f"#define SINE_L{k}_IN {w.shape[1]}", f"#define SINE_L{k}_OUT {w.shape[0]}",
              f"extern const float sine_l{k}_weight[{w.size}];", f"extern const float sine_l{k}_bias[{b.size}];"]
        src.append(export_c.c_array("float", f"sine_l{k}_weight", w.reshape(-1), per_line=6, fmt=export_c.c_float))
        src.append(export_c.c_array("float", f"sine_l{k}_bias", b, per_line=6, fmt=export_c.c_float))
    h.append("")
    h += [f"#define SINE_INPUT_SCALE {export_c.c_float(net.input.scale)}",
          f"#define SINE_INPUT_ZERO_POINT {export_c.c_int(net.input.zero_point)}",
          f"#define SINE_OUTPUT_SCALE {export_c.c_float(net.output.scale)}",
          f"#define SINE_OUTPUT_ZERO_POINT {export_c.c_int(net.output.zero_point)}", ""]
    for k, layer in enumerate(net.layers, start=1):
        n_out = layer.weights.shape[0]
        h += [f"#define SINE_Q{k}_INPUT_ZERO_POINT {export_c.c_int(layer.input.zero_point)}",
              f"#define SINE_Q{k}_OUTPUT_ZERO_POINT {export_c.c_int(layer.output.zero_point)}",
              f"#define SINE_Q{k}_ACT_MIN {export_c.c_int(layer.act_min)}", f"#define SINE_Q{k}_ACT_MAX {export_c.c_int(layer.act_max)}",
              f"extern const int8_t sine_q{k}_weight[{layer.weights.size}];",
              f"extern const int32_t sine_q{k}_bias[{n_out}];",
              f"extern const int32_t sine_q{k}_multiplier[{n_out}];",
              f"extern const int8_t sine_q{k}_shift[{n_out}];", ""]
        src.append(export_c.c_array("int8_t", f"sine_q{k}_weight", layer.weights.reshape(-1), per_line=16))
        src.append(export_c.c_array("int32_t", f"sine_q{k}_bias", layer.bias, per_line=8))
        src.append(export_c.c_array("int32_t", f"sine_q{k}_multiplier", layer.multiplier, per_line=6))
        src.append(export_c.c_array("int8_t", f"sine_q{k}_shift", layer.shift, per_line=16))
    xs = np.linspace(0.0, 2 * np.pi, 9)[:-1].astype(np.float32)
    with torch.no_grad():
        yf = model(torch.from_numpy(xs)[:, None]).numpy().reshape(-1)
    xq = net.input.quantize(xs)
    yq = reference.run(net, xq[:, None, None, None]).reshape(-1)
    h += ["/* Test points: x, the float model's output, the int8 input and the golden int8 output. */",
          f"#define SINE_TEST_POINTS {len(xs)}", "extern const float sine_test_x[SINE_TEST_POINTS];",
          "extern const float sine_test_y_float[SINE_TEST_POINTS];",
          "extern const int8_t sine_test_x_int8[SINE_TEST_POINTS];",
          "extern const int8_t sine_test_y_int8[SINE_TEST_POINTS];", "", "#endif", ""]
    src.append(export_c.c_array("float", "sine_test_x", xs, per_line=4, fmt=export_c.c_float))
    src.append(export_c.c_array("float", "sine_test_y_float", yf, per_line=4, fmt=export_c.c_float))
    src.append(export_c.c_array("int8_t", "sine_test_x_int8", xq))
    src.append(export_c.c_array("int8_t", "sine_test_y_int8", yq))
    export_c.write(os.path.join(out, "sine_model.h"), "\n".join(h))
    export_c.write(os.path.join(out, "sine_model.c"), "\n".join(src))


def _report(rps: dict, sine: dict) -> str:
    lines = ["minifvp deployment pipeline report (scripts/pipeline.sh)", "",
             f"TinyRPS validation accuracy: float {100 * rps['float_acc']:.2f}%, "
             f"int8 golden model {100 * rps['int8_acc']:.2f}%",
             f"sine MLP max |error| on [0, 2pi]: float {sine['float_err']:.4f}, int8 {sine['int8_err']:.4f}",
             ""]
    for c in list(rps["compiled"].values()) + list(sine["compiled"].values()):
        lines += [compiler.format_summary(c), ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--firmware-dir", default="firmware/generated")
    p.add_argument("--tests-dir", default="tests/npu/data")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--epochs", type=int, default=8)
    p.add_argument("--train-per-class", type=int, default=1000)
    p.add_argument("--val-per-class", type=int, default=200)
    p.add_argument("--sine-steps", type=int, default=6000)
    p.add_argument("--validation-dir", default="tests/firmware/data")
    p.add_argument("--macs", type=int, nargs="+", default=[128, 256])
    p.add_argument("--sample-index", type=int, default=0, help="validation image for the bundles")
    p.add_argument("--quick", action="store_true", help="tiny run for tests: no quality bars")
    args = p.parse_args(argv)
    started = time.time()
    log = print
    rps = build_tinyrps(args, log)
    sine = build_sine(args, log)
    if args.firmware_dir:
        _write_tinyrps_firmware(args.firmware_dir, rps)
        _write_tinyrps_cpu_model(args.firmware_dir, rps)
        _write_glyphs(args.firmware_dir)
        _write_sine_firmware(args.firmware_dir, sine)
        export_c.write(os.path.join(args.firmware_dir, "pipeline_report.txt"), _report(rps, sine) + "\n")
    if args.validation_dir:
        _write_validation_images(args.validation_dir, rps)
        validation_golden.write_golden(args.validation_dir, rps["net"], args.seed,
                                       args.train_per_class, args.val_per_class, rps["data"].val)
    log(f"pipeline finished in {time.time() - started:.1f} s")
    if args.quick:
        return 0
    failures = []
    if rps["float_acc"] < FLOAT_ACCURACY_BAR:
        failures.append(f"float accuracy {rps['float_acc']:.4f} < {FLOAT_ACCURACY_BAR}")
    if rps["int8_acc"] < INT8_ACCURACY_BAR:
        failures.append(f"int8 accuracy {rps['int8_acc']:.4f} < {INT8_ACCURACY_BAR}")
    if sine["float_err"] > SINE_ERROR_BAR:
        failures.append(f"sine float error {sine['float_err']:.4f} > {SINE_ERROR_BAR}")
    for f in failures:
        print(f"pipeline: quality bar missed: {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
