"""Ethos-U55 configurations as Vela describes them (ethos-u.md §5.1; Vela architecture_features.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    width: int
    height: int
    depth: int


@dataclass(frozen=True)
class Accelerator:
    name: str
    macs: int
    ofm_ublock: Block
    ifm_ublock: Block
    shram_banks: int  # 1 KiB banks
    ifm8_granule: int  # bank granule for 8-bit IFM blocks
    acc32_granule: int  # bank granule for 32-bit accumulators
    output_cycles_conv: float  # output cycles per element, index 7 ("other")
    output_cycles_maxpool: float  # index 6
    activation_cycles_relu: float
    shram_bank_bytes: int = 1024
    reserved_output_banks: int = 2
    max_ofm_block: Block = Block(64, 32, 128)

    @property
    def usable_banks(self) -> int:
        # Vela keeps 2 banks unused on configurations with more than 16 banks.
        return self.shram_banks - (2 if self.shram_banks > 16 else 0)

    @property
    def macs_log2(self) -> int:
        return self.macs.bit_length() - 1

    def config_word(self) -> int:
        """The CONFIG register value Vela records in the COP1 payload: macs_per_cc (log2) in [3:0],
        cmd_stream_version 0 in [7:4], shram_size (KiB) in [15:8], product 0 (U55) in [31:28]."""
        return self.macs_log2 | (0 << 4) | (self.shram_banks << 8) | (0 << 28)


ETHOS_U55_128 = Accelerator("ethos-u55-128", 128, Block(2, 1, 8), Block(2, 1, 8), 24, 4, 8,
                            0.5, 0.25, 0.5)
ETHOS_U55_256 = Accelerator("ethos-u55-256", 256, Block(2, 2, 8), Block(2, 2, 8), 48, 8, 16,
                            0.25, 0.125, 0.25)

ACCELERATORS = {a.macs: a for a in (ETHOS_U55_128, ETHOS_U55_256)}

# The ID word Vela 5.1 writes after CONFIG (architecture 1.0.6, product_major 6, version_status 1).
VELA_ID_WORD = 0x10066001


def accelerator(macs: int) -> Accelerator:
    if macs not in ACCELERATORS:
        raise ValueError(f"no Ethos-U55 configuration with {macs} MACs (supported: "
                         f"{sorted(ACCELERATORS)})")
    return ACCELERATORS[macs]
