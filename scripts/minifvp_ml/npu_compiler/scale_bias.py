"""Ethos-U55 scale/bias entries (ethos-u.md §4.1, Vela weight_compressor.encode_bias): 10 bytes per
output channel, little-endian: bias as a signed 40-bit integer (bytes 0-4), scale as uint32
(bytes 5-8), right shift in the low 6 bits of byte 9. The stream is padded with zeros to 16 bytes."""

from __future__ import annotations

import numpy as np

ENTRY_BYTES = 10


def encode_entry(bias: int, scale: int, shift: int) -> bytes:
    if not -(1 << 39) <= bias < (1 << 39):
        raise ValueError(f"bias {bias} outside the signed 40-bit range")
    if not 0 <= scale < (1 << 32):
        raise ValueError(f"scale {scale} outside uint32")
    if not 0 <= shift < 64:
        raise ValueError(f"shift {shift} outside 6 bits")
    return (bias & ((1 << 40) - 1)).to_bytes(5, "little") + scale.to_bytes(4, "little") + bytes([shift])


def decode_entry(entry: bytes) -> tuple[int, int, int]:
    bias = int.from_bytes(entry[0:5], "little")
    if bias & (1 << 39):
        bias -= 1 << 40
    return bias, int.from_bytes(entry[5:9], "little"), entry[9] & 0x3F


def encode_stream(biases: np.ndarray, scales: np.ndarray, shifts: np.ndarray) -> bytes:
    data = bytearray()
    for b, s, sh in zip(biases, scales, shifts):
        data += encode_entry(int(b), int(s), int(sh))
    while len(data) % 16:
        data.append(0)
    return bytes(data)
