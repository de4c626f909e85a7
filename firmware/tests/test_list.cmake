# The firmware tests (one source file each) and the optimisation levels each is built at. Shared by
# firmware/tests/CMakeLists.txt (builds them) and tests/firmware, tests/diff (run them).
set(FIRMWARE_TESTS
  arith64 dsp_acle bits strings printf_format setjmp_longjmp switch_tables recursion qsort_bsearch
  malloc_free low_overhead_loops crc32 matrix_multiply
  exc_systick exc_context_switch exc_nested exc_faults exc_usage_state stack_limit mpu_regions uart_rx_irq
  exc_lazy_fp)
set(FIRMWARE_TEST_OPTIMISATIONS O0 O2 Os)
# Extra compile options of a test. exc_lazy_fp executes FP and MVE instructions: -mfloat-abi=softfp
# lets the assembler accept them while keeping the soft-float calling convention of the runtime and
# newlib it links with (to become -mfloat-abi=hard with the firmware's hard-float flavour); its C
# code must not be vectorised, so that its only FP/MVE instructions are those it places itself.
set(FIRMWARE_TEST_FLAGS_exc_lazy_fp -mfloat-abi=softfp -fno-tree-vectorize)
# Extra output (besides "PASS <name>") a test must print.
set(FIRMWARE_TEST_EXTRA_OUTPUT_printf_format "printf to uart: 123 text   2.3")
# Console input (\n escapes allowed) a test reads; the runner ends it with EOT.
set(FIRMWARE_TEST_INPUT_uart_rx_irq "hello from stdin\\nsecond line\\n")
set(FIRMWARE_TEST_EXTRA_OUTPUT_uart_rx_irq "hello from stdin")

# NPU tests: built at -O2 with the Ethos-U driver (firmware/drivers/ethosu) and run on the
# simulated Ethos-U55-128. npu_all_ops and npu_errors embed unit vectors of tests/npu/data.
set(FIRMWARE_NPU_TESTS npu_tinyrps npu_errors npu_all_ops)
set(FIRMWARE_TEST_EXTRA_OUTPUT_npu_tinyrps "tinyrps: NPU cycles")
set(FIRMWARE_TEST_EXTRA_OUTPUT_npu_errors
    "E: ethosu: NPU config mismatch: MACs 128, the command stream was compiled for 256")

# FP and MVE tests, built with the hard-float ABI (FP and MVE enabled), each at its own
# optimisation levels (FIRMWARE_HARD_FLOAT_TEST_OPTIMISATIONS_<name>). mve_autovec compares gcc's
# auto-vectorised loops with scalar copies; mve_intrinsics and mve_dsp compare hand-written
# arm_mve.h kernels with scalar C; fp_hard is scalar FP; fp_context is FP state across exceptions
# (lazy stacking, SFPA). FIRMWARE_TEST_MVE_MNEMONICS_<name>: instructions the image must contain
# (objdump), so that a test cannot silently lose its FP/MVE code.
set(FIRMWARE_HARD_FLOAT_TESTS mve_autovec mve_intrinsics mve_dsp fp_hard fp_context)
set(FIRMWARE_HARD_FLOAT_TEST_OPTIMISATIONS_mve_autovec O3)
set(FIRMWARE_HARD_FLOAT_TEST_OPTIMISATIONS_mve_intrinsics O0 O2 O3)
set(FIRMWARE_HARD_FLOAT_TEST_OPTIMISATIONS_mve_dsp O0 O2)
set(FIRMWARE_HARD_FLOAT_TEST_OPTIMISATIONS_fp_hard O0 O2)
set(FIRMWARE_HARD_FLOAT_TEST_OPTIMISATIONS_fp_context O2)
set(FIRMWARE_TEST_MVE_MNEMONICS_mve_autovec
  vldrb.u8 vldrh.u16 vldrw.u32 vstrb.8 vstrh.16 vstrw.32 vadd.i8 vmul.i32 vmax.s8 vmin.u16
  vrhadd.u8 vpsel vaddv.s32 vshl.u32 vclz.i32 vmul.f32 vabs.f32)
# objdump prints VMLADAV(A) and VMLALDAV(A) as their aliases vmlav(a) and vmlalv(a); a "t" suffix is
# a VPT-predicated instruction.
set(FIRMWARE_TEST_MVE_MNEMONICS_mve_intrinsics
  vctp.8 vctp.16 vctp.32 vpst vldrbt.u8 vldrbt.s16 vldrwt.u32 vstrbt.8 vstrbt.32 vstrwt.32
  vmlava.s8 vmlavat.s8 vmlavat.s16 vqrdmulh.s32 vrshl.s32 vqshl.s32 vld20.32 vld21.32
  vqmovnb.s32 vqmovnt.s32 vfma.f32 vcvta.s32.f32 vcvtn.s32.f32 vpsel dlstp.8 wlstp.32 letp)
set(FIRMWARE_TEST_MVE_MNEMONICS_fp_hard vfma.f64 vsqrt.f32 vsqrt.f64 vcvtb.f16.f32 vdiv.f64)
set(FIRMWARE_TEST_MVE_MNEMONICS_fp_context vldmia vstmia vmrs vmsr)
set(FIRMWARE_TEST_MVE_MNEMONICS_mve_dsp
  vmlalva.s16 vaddlva.s32 vabav.u8 vmaxav.s8 vmovlb.s8 vmovlt.s8 vshllb.s8 vqdmulh.s16
  vqdmullb.s16 vidup.u32 vbrsr.32 vstrw.32 vld40.8 vst43.8 vadci.i32 vadc.i32 vcmul.f32 vcmla.f32
  vrinta.f32 vrintn.f32 vrintm.f32 vrintp.f32 vrintz.f32 vcvtb.f16.f32 vcvtt.f32.f16 vmaxnmv.f32)
