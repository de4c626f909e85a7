# Differential tests against QEMU mps3-an547 (Cortex-M55).
#
# randdiff: random encodings drawn from minifvp's decode tables, run on QEMU and on minifvp
# (scripts/randdiff.py). Fixed seeds here; `scripts/randdiff.py --long` by hand for many seeds.
# The script exits 77 (SKIP) when qemu-system-arm or arm-none-eabi-gcc is missing.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  # One instruction per case.
  add_test(NAME randdiff_seed1
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/randdiff.py
            --seed 1 --cases 4095 --build-dir ${CMAKE_BINARY_DIR}
            --work-dir ${CMAKE_CURRENT_BINARY_DIR}/randdiff_seed1)
  # Sequences of up to three instructions (flags and results flowing between instructions), a
  # quarter of them whole IT blocks.
  add_test(NAME randdiff_seed2_sequences
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/randdiff.py
            --seed 2 --cases 4095 --max-insns 3 --it 25 --build-dir ${CMAKE_BINARY_DIR}
            --work-dir ${CMAKE_CURRENT_BINARY_DIR}/randdiff_seed2)
  # Scalar floating point: two seeds of single instructions from seeded S0-S31/FPSCR.
  add_test(NAME randdiff.fp
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/randdiff.py
            --classes fp --seed 1 --seeds 2 --cases 4095 --build-dir ${CMAKE_BINARY_DIR}
            --work-dir ${CMAKE_CURRENT_BINARY_DIR}/randdiff_fp)
  # MVE: two seeds from every MVE row of the decode tables (SKIP while there are none).
  add_test(NAME randdiff.mve
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/randdiff.py
            --classes mve --seed 1 --seeds 2 --cases 4095 --build-dir ${CMAKE_BINARY_DIR}
            --work-dir ${CMAKE_CURRENT_BINARY_DIR}/randdiff_mve)
  # FP and MVE sequences: up to three instructions mixing the mve, fp and integer classes (so Q
  # registers, FPSCR, VPR and flags flow between them; VPT/VPST blocks included), some in IT
  # blocks.
  add_test(NAME randdiff.fp_mve_sequences
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/randdiff.py
            --classes mve,fp,dp --seed 3 --cases 4095 --max-insns 3 --it 15
            --build-dir ${CMAKE_BINARY_DIR}
            --work-dir ${CMAKE_CURRENT_BINARY_DIR}/randdiff_fp_mve_sequences)
  set_tests_properties(randdiff_seed1 randdiff_seed2_sequences randdiff.fp randdiff.mve
                       randdiff.fp_mve_sequences PROPERTIES
    SKIP_RETURN_CODE 77
    TIMEOUT 120
    LABELS diff)
endif()

# The generator is deterministic: the same seed gives the same case file.
add_test(NAME randgen_deterministic
  COMMAND ${CMAKE_COMMAND}
          -DRANDGEN=$<TARGET_FILE:randgen>
          -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/randgen_deterministic
          -P ${CMAKE_CURRENT_SOURCE_DIR}/randdiff/check_deterministic.cmake)
set_tests_properties(randgen_deterministic PROPERTIES LABELS diff)
