"""A small Ethos-U55 compiler for minifvp's int8 networks: our stand-in for Vela.

  arch            accelerator configurations (MACs, micro-blocks, SHRAM) and the COP1 config words
  weight_codec    the compressed weight stream format (encoder and decoder) and Vela's weight order
  scale_bias      the 10-byte per-channel scale/bias entries
  command_stream  opcodes, the command emitter and a disassembler
  block_config    OFM block choice and SHRAM layout (IFM_IB_END, AB_START)
  performance     per-operation MAC, byte and cycle estimates
  compiler        lowering a QuantizedNetwork to NPU operations, memory layout, packaging
  bundle          writing a bundle directory in the layout of /work/shared/npu-vectors
"""

from .compiler import CompileError, compile_network  # noqa: F401
