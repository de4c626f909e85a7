"""The golden model: a pure-numpy int8 implementation of a QuantizedNetwork with TFLite
reference-kernel arithmetic (int32 accumulation of (input - input_zero_point) * weight, int32 bias,
per-channel MultiplyByQuantizedMultiplier with double rounding, output zero point, activation
clamp). The NPU bundles' expected_output.bin comes from here.

The multiply-accumulate runs as a float64 matrix product: every product is at most 255 * 127 and
every sum has at most a few thousand terms, far below 2^53, so the result is exact.
"""

from __future__ import annotations

import numpy as np

from .fixedpoint import multiply_by_quantized_multiplier
from .quantize import QLayer, QuantizedNetwork


def _im2col(x: np.ndarray, kh: int, kw: int, stride: tuple, padding: tuple) -> np.ndarray:
    """x: [N, H, W, C] (zero point already subtracted, so padding with 0 == padding with the
    zero point). Returns [N, OH, OW, kh*kw*C] in (ky, kx, c) order, matching OHWI weights."""
    n, h, w, c = x.shape
    top, left, bottom, right = padding
    xp = np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)))
    oh = (h + top + bottom - kh) // stride[0] + 1
    ow = (w + left + right - kw) // stride[1] + 1
    cols = np.empty((n, oh, ow, kh, kw, c), dtype=x.dtype)
    for ky in range(kh):
        for kx in range(kw):
            cols[:, :, :, ky, kx, :] = xp[:, ky:ky + stride[0] * oh:stride[0],
                                          kx:kx + stride[1] * ow:stride[1], :]
    return cols.reshape(n, oh, ow, kh * kw * c)


def conv(layer: QLayer, x: np.ndarray) -> np.ndarray:
    n = x.shape[0]
    xin = x.reshape((n,) + tuple(layer.in_shape)).astype(np.float64) - layer.input.zero_point
    kh, kw = layer.kernel
    cols = _im2col(xin, kh, kw, layer.stride, layer.padding)
    w = layer.weights.reshape(layer.weights.shape[0], -1).astype(np.float64)
    acc = (cols @ w.T).astype(np.int64) + layer.bias.astype(np.int64)
    out = multiply_by_quantized_multiplier(acc, layer.multiplier, layer.shift) + layer.output.zero_point
    return np.clip(out, layer.act_min, layer.act_max).astype(np.int8)


def maxpool(layer: QLayer, x: np.ndarray) -> np.ndarray:
    n = x.shape[0]
    h, w, c = layer.in_shape
    oh, ow, _ = layer.out_shape
    kh, kw = layer.kernel
    sh, sw = layer.stride
    x = x.reshape(n, h, w, c)
    out = np.full((n, oh, ow, c), -128, dtype=np.int8)
    for ky in range(kh):
        for kx in range(kw):
            out = np.maximum(out, x[:, ky:ky + sh * oh:sh, kx:kx + sw * ow:sw, :])
    return np.clip(out, layer.act_min, layer.act_max).astype(np.int8)


def run_layer(layer: QLayer, x: np.ndarray) -> np.ndarray:
    if layer.kind == "conv":
        return conv(layer, x)
    if layer.kind == "maxpool":
        return maxpool(layer, x)
    raise ValueError(f"{layer.name}: unknown layer kind {layer.kind}")


def run(net: QuantizedNetwork, x: np.ndarray, batch: int = 200, return_all: bool = False):
    """x: int8 [N, H, W, C]. Returns the int8 output [N, OH, OW, OC] (and, with return_all, every
    intermediate feature map of the first batch)."""
    outputs, trace = [], None
    for start in range(0, len(x), batch):
        y = x[start:start + batch]
        maps = [y]
        for layer in net.layers:
            y = run_layer(layer, y)
            maps.append(y)
        outputs.append(y)
        if trace is None:
            trace = maps
    result = np.concatenate(outputs)
    return (result, trace) if return_all else result
