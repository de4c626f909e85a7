# The firmware tests (one source file each) and the optimisation levels each is built at. Shared by
# firmware/tests/CMakeLists.txt (builds them) and tests/firmware, tests/diff (run them).
set(FIRMWARE_TESTS
  arith64 dsp_acle bits strings printf_format setjmp_longjmp switch_tables recursion qsort_bsearch
  malloc_free low_overhead_loops crc32 matrix_multiply
  exc_systick exc_context_switch exc_nested exc_faults)
set(FIRMWARE_TEST_OPTIMISATIONS O0 O2 Os)
# Extra output (besides "PASS <name>") a test must print.
set(FIRMWARE_TEST_EXTRA_OUTPUT_printf_format "printf to uart: 123 text   2.3")
