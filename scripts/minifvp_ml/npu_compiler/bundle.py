"""Writes a compiled network as a bundle directory laid out like /work/shared/npu-vectors:
cmd_stream.bin, driver_payload.bin, flash.bin (region 0), scratch_init.bin (region 1 with the
input written at its offset), input.bin, expected_output.bin, layout.json, plus cmd_stream.txt
(our disassembly) and summary.txt (per-layer MACs, bytes, estimated cycles)."""

from __future__ import annotations

import json
import os
import struct

import numpy as np

from .command_stream import disassemble
from .compiler import CompiledNetwork


def _fm_entry(name: str, shape: tuple, params, offset: int, filename: str) -> dict:
    size = int(np.prod(shape))
    return {"name": name, "dtype": "int8", "shape": [1] + [int(s) for s in shape],
            "scale": [float(params.scale)], "zero_point": [int(params.zero_point)],
            "size_bytes": size, "region": 1, "offset": int(offset), "file": filename}


def layout_dict(c: CompiledNetwork, expected_source: str) -> dict:
    acc = c.accelerator
    payload = c.driver_payload
    words = struct.unpack("<4I", payload[:16])
    stream_word_offset = (len(payload) - len(c.command_stream)) // 4
    ops: dict = {}
    for op in c.operations:
        key = "NPU_OP_CONV" if op.layer.kind == "conv" else "NPU_OP_POOL"
        ops[key] = ops.get(key, 0) + 1
    ops["NPU_OP_STOP"] = 1
    return {
        "model": c.network.name,
        "accelerator": acc.name,
        "compiler": "minifvp scripts/minifvp_ml/npu_compiler (Vela-style, weights uncompressed-mode "
                    "MLW stream, NHWC feature maps)",
        "driver_payload": {
            "fourcc": "COP1",
            "optimizer_config_word": f"0x{words[1]:08x}",
            "arch_config_word": f"0x{words[2]:08x}",
            "arch_version_word": f"0x{words[3]:08x}",
            "arch_config_decoded": {"product": 0, "product_name": "Ethos-U55",
                                    "macs_per_cc_log2": acc.macs_log2, "macs_per_cc": acc.macs,
                                    "cmd_stream_version": 0, "custom_dma": 0,
                                    "shram_size_kb": acc.shram_banks},
            "header_nops": stream_word_offset - 5,
            "cmd_stream_word_offset_in_payload": stream_word_offset,
            "cmd_stream_words": len(c.command_stream) // 4,
        },
        "cmd_stream_bytes": len(c.command_stream),
        "regions": {
            "0": {"name": "read_only (flash / weights+scales)", "size_bytes": len(c.flash),
                  "file": "flash.bin"},
            "1": {"name": "scratch (feature maps, IFM+OFM live here)", "size_bytes": c.scratch_size,
                  "init": "zero-fill, then write the input at its offset", "file": "scratch_init.bin"},
            "2": {"name": "scratch_fast", "alias_of_region": 1,
                  "note": "not referenced by the stream; pass the scratch base address"},
        },
        "inputs": [_fm_entry("input", c.input_map.shape, c.network.input, c.input_map.offset,
                             "input.bin")],
        "outputs": [_fm_entry("output", c.output_map.shape, c.network.output, c.output_map.offset,
                              "expected_output.bin")],
        "npu_ops": ops,
        "regions_referenced_by_cmd_stream": {"0": ["SCALE_REGION", "WEIGHT_REGION"],
                                             "1": ["IFM_REGION", "OFM_REGION"]},
        "expected_output_available": True,
        "expected_output_source": expected_source,
        "layers": c.summary,
    }


def write_bundle(c: CompiledNetwork, directory: str, input_int8: np.ndarray,
                 expected_int8: np.ndarray, expected_source: str) -> None:
    from .compiler import format_summary
    os.makedirs(directory, exist_ok=True)
    scratch = bytearray(c.scratch_size)
    inp = np.ascontiguousarray(input_int8, dtype=np.int8).tobytes()
    if len(inp) != c.input_map.size:
        raise ValueError(f"input has {len(inp)} bytes, the network takes {c.input_map.size}")
    scratch[c.input_map.offset:c.input_map.offset + len(inp)] = inp
    files = {
        "cmd_stream.bin": c.command_stream,
        "driver_payload.bin": c.driver_payload,
        "flash.bin": c.flash,
        "scratch_init.bin": bytes(scratch),
        "input.bin": inp,
        "expected_output.bin": np.ascontiguousarray(expected_int8, dtype=np.int8).tobytes(),
    }
    for name, data in files.items():
        with open(os.path.join(directory, name), "wb") as f:
            f.write(data)
    with open(os.path.join(directory, "layout.json"), "w", encoding="utf-8") as f:
        json.dump(layout_dict(c, expected_source), f, indent=1)
        f.write("\n")
    with open(os.path.join(directory, "cmd_stream.txt"), "w", encoding="utf-8") as f:
        f.write(disassemble(c.command_stream, c.listing))
    with open(os.path.join(directory, "summary.txt"), "w", encoding="utf-8") as f:
        f.write(format_summary(c) + "\n")
