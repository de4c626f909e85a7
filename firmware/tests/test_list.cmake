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
