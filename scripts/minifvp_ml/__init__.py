"""minifvp's ahead-of-time deployment path: our stand-in for ExecuTorch's export and Vela.

Modules, in pipeline order:
  dataset     synthetic 28x28 R/P/S letter images (the Tiny RPS learning path's recipe)
  models      TinyRPS and the sine MLP (PyTorch)
  training    deterministic training loops
  quantize    TFLite-style post-training int8 quantization
  reference   the pure-numpy int8 golden model (TFLite reference-kernel arithmetic)
  fixedpoint  the fixed-point rounding primitives the golden model and the NPU share
  export_c    C source writers for firmware/generated
  npu_compiler  lowering to an Ethos-U55 command stream and Vela-style packaging
"""
