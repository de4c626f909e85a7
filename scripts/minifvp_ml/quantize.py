"""TFLite-style post-training int8 quantization of a sequential PyTorch model.

Scheme (TFLite's int8 quantization specification):
  - activations: asymmetric per-tensor int8, range [min(0, lo), max(0, hi)] from calibration,
    scale = range / 255, zero point = round(-128 - min / scale);
  - weights: symmetric per-output-channel int8 in [-127, 127], zero point 0;
  - biases: int32 with scale input_scale * weight_scale[c], zero point 0;
  - a ReLU that follows a Conv2d/Linear is fused as the activation clamp [zero point, 127];
  - MaxPool keeps its input's quantization; Flatten is a no-op in NHWC memory, the following
    Linear's weight columns are permuted instead (layout.fc_weights_after_nchw_flatten_to_nhwc).
Feature maps are NHWC; a network input of shape [C] (the sine MLP) is treated as 1x1xC.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn as nn

from . import fixedpoint, layout


class QuantizationError(Exception):
    pass


@dataclass
class QuantParams:
    scale: float  # a float32 value, kept as Python float
    zero_point: int

    def quantize(self, x: np.ndarray) -> np.ndarray:
        q = np.round(np.asarray(x, dtype=np.float64) / self.scale) + self.zero_point
        return np.clip(q, -128, 127).astype(np.int8)

    def dequantize(self, q: np.ndarray) -> np.ndarray:
        return (q.astype(np.float64) - self.zero_point) * self.scale


def activation_params(lo: float, hi: float) -> QuantParams:
    lo, hi = min(float(lo), 0.0), max(float(hi), 0.0)
    if hi == lo:
        hi = lo + 1.0
    scale = float(np.float32((hi - lo) / 255.0))
    zero_point = int(np.clip(round(-128 - lo / scale), -128, 127))
    return QuantParams(scale, zero_point)


@dataclass
class QLayer:
    """One int8 operator in NHWC. kind is "conv" (also fully connected: a 1x1 convolution over a
    1x1xN map), or "maxpool"."""
    kind: str
    name: str
    in_shape: tuple  # (H, W, C)
    out_shape: tuple
    input: QuantParams
    output: QuantParams
    kernel: tuple = (1, 1)  # (kh, kw)
    stride: tuple = (1, 1)
    padding: tuple = (0, 0, 0, 0)  # top, left, bottom, right
    act_min: int = -128
    act_max: int = 127
    fully_connected: bool = False
    weights: np.ndarray | None = None  # int8 [O, kh, kw, I]
    weight_scales: np.ndarray | None = None  # float32 [O]
    bias: np.ndarray | None = None  # int32 [O]
    multiplier: np.ndarray | None = None  # int64 [O], TFLite M
    shift: np.ndarray | None = None  # int64 [O], TFLite shift (positive = left)

    @property
    def macs(self) -> int:
        if self.kind != "conv":
            return 0
        oh, ow, oc = self.out_shape
        return oh * ow * oc * self.kernel[0] * self.kernel[1] * self.in_shape[2]


@dataclass
class QuantizedNetwork:
    name: str
    input_shape: tuple  # (H, W, C)
    input: QuantParams
    layers: list = field(default_factory=list)

    @property
    def output(self) -> QuantParams:
        return self.layers[-1].output

    @property
    def output_shape(self) -> tuple:
        return self.layers[-1].out_shape


def _flatten_modules(model: nn.Module) -> list:
    mods = []
    for name, m in model.named_modules():
        if len(list(m.children())) == 0:
            mods.append((name, m))
    return mods


def _quantize_weights(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric per-output-channel int8: scale = max|w| / 127 over everything but axis 0."""
    flat = w.reshape(w.shape[0], -1).astype(np.float64)
    max_abs = np.abs(flat).max(axis=1)
    scales = np.where(max_abs > 0, max_abs / 127.0, 1.0).astype(np.float32)
    q = np.round(flat / scales.astype(np.float64)[:, None])
    return np.clip(q, -127, 127).astype(np.int8).reshape(w.shape), scales


def _requant_params(in_scale: float, w_scales: np.ndarray, out_scale: float):
    mult, shift = [], []
    for ws in w_scales:
        # TFLite: double(input_scale) * double(filter_scale) / double(output_scale)
        m, s = fixedpoint.quantize_multiplier(float(in_scale) * float(ws) / float(out_scale))
        mult.append(m)
        shift.append(s)
    return np.array(mult, dtype=np.int64), np.array(shift, dtype=np.int64)


def quantize_sequential(model: nn.Module, name: str, calibration: np.ndarray,
                        input_params: QuantParams) -> QuantizedNetwork:
    """Quantizes a model made of Conv2d / Linear / ReLU / MaxPool2d / Flatten leaves in sequence.
    calibration: float32 inputs, [N, C, H, W] or [N, C]."""
    model.eval()
    mods = _flatten_modules(model)
    x = torch.from_numpy(np.asarray(calibration, dtype=np.float32))
    if x.dim() == 4:
        shape = (x.shape[2], x.shape[3], x.shape[1])
    elif x.dim() == 2:
        shape = (1, 1, x.shape[1])
    else:
        raise QuantizationError(f"{name}: calibration input of rank {x.dim()} is not supported")
    net = QuantizedNetwork(name, shape, input_params)
    current = input_params
    pending_flatten = None  # (C, H, W) of an NCHW map flattened by nn.Flatten
    i = 0
    with torch.no_grad():
        while i < len(mods):
            mod_name, m = mods[i]
            fuse_relu = i + 1 < len(mods) and isinstance(mods[i + 1][1], nn.ReLU)
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                x = m(x)
                if fuse_relu:
                    x = torch.relu(x)
                out_params = activation_params(float(x.min()), float(x.max()))
                w = m.weight.detach().numpy().astype(np.float32)
                b = (m.bias.detach().numpy() if m.bias is not None
                     else np.zeros(w.shape[0], np.float32)).astype(np.float64)
                if isinstance(m, nn.Conv2d):
                    if m.groups != 1 or m.dilation != (1, 1):
                        raise QuantizationError(f"{mod_name}: grouped or dilated Conv2d is not supported")
                    kh, kw = m.kernel_size
                    ph, pw = m.padding
                    sh, sw = m.stride
                    w_hwi = layout.conv_weights_oihw_to_ohwi(w)
                    oh = (shape[0] + 2 * ph - kh) // sh + 1
                    ow = (shape[1] + 2 * pw - kw) // sw + 1
                    layer = QLayer("conv", mod_name, shape, (oh, ow, w.shape[0]), current, out_params,
                                   kernel=(kh, kw), stride=(sh, sw), padding=(ph, pw, ph, pw))
                else:
                    if pending_flatten is not None:
                        w = layout.fc_weights_after_nchw_flatten_to_nhwc(w, *pending_flatten)
                        pending_flatten = None
                    if w.shape[1] != shape[0] * shape[1] * shape[2]:
                        raise QuantizationError(f"{mod_name}: Linear expects {w.shape[1]} inputs, "
                                                f"gets a {shape} map")
                    w_hwi = w.reshape(w.shape[0], 1, 1, w.shape[1])
                    layer = QLayer("conv", mod_name, (1, 1, w.shape[1]), (1, 1, w.shape[0]), current,
                                   out_params, fully_connected=True)
                qw, scales = _quantize_weights(w_hwi)
                layer.weights, layer.weight_scales = qw, scales
                bias_scale = np.float64(current.scale) * scales.astype(np.float64)
                layer.bias = np.clip(np.round(b / bias_scale), -(1 << 31), (1 << 31) - 1).astype(np.int32)
                layer.multiplier, layer.shift = _requant_params(current.scale, scales, out_params.scale)
                if fuse_relu:
                    layer.act_min = out_params.zero_point  # quantised 0.0
                net.layers.append(layer)
                current, shape = out_params, layer.out_shape
                i += 2 if fuse_relu else 1
            elif isinstance(m, nn.MaxPool2d):
                k = m.kernel_size if isinstance(m.kernel_size, tuple) else (m.kernel_size,) * 2
                s = m.stride if isinstance(m.stride, tuple) else (m.stride,) * 2
                p = m.padding if isinstance(m.padding, tuple) else (m.padding,) * 2
                if p != (0, 0) or m.dilation not in (1, (1, 1)) or m.ceil_mode:
                    raise QuantizationError(f"{mod_name}: only unpadded, undilated MaxPool2d is supported")
                x = m(x)
                out_shape = ((shape[0] - k[0]) // s[0] + 1, (shape[1] - k[1]) // s[1] + 1, shape[2])
                net.layers.append(QLayer("maxpool", mod_name, shape, out_shape, current, current,
                                         kernel=k, stride=s))
                shape = out_shape
                i += 1
            elif isinstance(m, nn.Flatten):
                x = m(x)
                if shape[0] * shape[1] > 1:
                    pending_flatten = (shape[2], shape[0], shape[1])
                shape = (1, 1, shape[0] * shape[1] * shape[2])
                i += 1
            elif isinstance(m, nn.ReLU):
                raise QuantizationError(f"{mod_name}: a ReLU must follow a Conv2d or Linear to be fused")
            else:
                raise QuantizationError(f"{mod_name}: {type(m).__name__} is not supported")
    return net


RPS_INPUT_PARAMS = QuantParams(float(np.float32(1.0 / 255.0)), -128)


def quantize_rps_image(images_u8: np.ndarray) -> np.ndarray:
    """uint8 pixels -> int8 input of the quantized TinyRPS (scale 1/255, zero point -128):
    round(p/255 / (1/255)) - 128 = p - 128 exactly. Returns NHWC [N, 28, 28, 1]."""
    return (images_u8.astype(np.int16) - 128).astype(np.int8)[..., None]


def sine_input_params(x_max: float) -> QuantParams:
    return activation_params(0.0, x_max)
