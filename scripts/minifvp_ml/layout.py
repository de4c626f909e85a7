"""Tensor layout conversions between PyTorch (NCHW) and the NHWC order TFLite and Ethos-U use."""

from __future__ import annotations

import numpy as np


def conv_weights_oihw_to_ohwi(weights: np.ndarray) -> np.ndarray:
    """PyTorch Conv2d weights [O, I, kh, kw] -> TFLite/Vela order [O, kh, kw, I]."""
    return np.ascontiguousarray(weights.transpose(0, 2, 3, 1))


def fc_weights_after_nchw_flatten_to_nhwc(weights: np.ndarray, channels: int, height: int,
                                         width: int) -> np.ndarray:
    """A Linear layer that follows nn.Flatten on an NCHW map indexes its inputs as c*H*W + y*W + x.
    In NHWC memory the same activation sits at y*W*C + x*C + c, so permute the weight columns to
    that order; the flatten itself then costs nothing on the device."""
    out_features, in_features = weights.shape
    if in_features != channels * height * width:
        raise ValueError(f"Linear has {in_features} inputs, flatten gives "
                         f"{channels}x{height}x{width} = {channels * height * width}")
    w = weights.reshape(out_features, channels, height, width).transpose(0, 2, 3, 1)
    return np.ascontiguousarray(w.reshape(out_features, in_features))


def nchw_to_nhwc(x: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(x.transpose(0, 2, 3, 1))


def nhwc_to_nchw(x: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(x.transpose(0, 3, 1, 2))
