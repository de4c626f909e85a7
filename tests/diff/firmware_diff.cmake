# Differential runs of whole firmware ELFs: minifvp and QEMU (mps3-an547, Cortex-M55) must give
# the same console output and exit status. Skipped (status 77) when qemu-system-arm is absent.
# Label: diff.
if(NOT MINIFVP_FIRMWARE)
  return()
endif()
include(${CMAKE_SOURCE_DIR}/firmware/tests/test_list.cmake)
find_package(Python3 REQUIRED COMPONENTS Interpreter)

set(FIRMWARE_OUT "${CMAKE_BINARY_DIR}/firmware/cross")  # see firmware/CMakeLists.txt
set(RUN_ELF_TEST ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/run_elf_test.py
    --compare --minifvp $<TARGET_FILE:minifvp> --timeout 60)

# The firmware tests on QEMU alone (label qemu): validates the firmware itself, independently of
# minifvp, so that a diff failure can be attributed.
set(ON_QEMU ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/run_elf_test.py --sim qemu
    --timeout 60)
# FIRMWARE_TEST_INPUT_<name>: the console input a test reads (none by default).
function(firmware_test_input out_var test_name)
  set(input "")
  if(DEFINED FIRMWARE_TEST_INPUT_${test_name})
    set(input --input "${FIRMWARE_TEST_INPUT_${test_name}}")
  endif()
  set(${out_var} ${input} PARENT_SCOPE)
endfunction()
foreach(test_name IN LISTS FIRMWARE_TESTS)
  firmware_test_input(input ${test_name})
  foreach(opt IN LISTS FIRMWARE_TEST_OPTIMISATIONS)
    add_test(NAME qemu.${test_name}.${opt}
      COMMAND ${ON_QEMU} --elf ${FIRMWARE_OUT}/tests/test_${test_name}_${opt}.elf ${input}
              --expect-status 0 --expect-output "PASS ${test_name}")
    set_tests_properties(qemu.${test_name}.${opt} PROPERTIES
      LABELS qemu SKIP_RETURN_CODE 77 TIMEOUT 90)
  endforeach()
endforeach()
# The FP and MVE tests (hard-float ABI), on QEMU alone and compared.
foreach(test_name IN LISTS FIRMWARE_HARD_FLOAT_TESTS)
  foreach(opt IN LISTS FIRMWARE_HARD_FLOAT_TEST_OPTIMISATIONS_${test_name})
    set(elf ${FIRMWARE_OUT}/tests/test_${test_name}_${opt}.elf)
    add_test(NAME qemu.${test_name}.${opt}
      COMMAND ${ON_QEMU} --elf ${elf} --expect-status 0 --expect-output "PASS ${test_name}")
    add_test(NAME diff.qemu.${test_name}.${opt}
      COMMAND ${RUN_ELF_TEST} --elf ${elf} --expect-status 0 --expect-output "PASS ${test_name}")
    set_tests_properties(qemu.${test_name}.${opt} PROPERTIES
      LABELS "qemu;mve" SKIP_RETURN_CODE 77 TIMEOUT 90)
    set_tests_properties(diff.qemu.${test_name}.${opt} PROPERTIES
      LABELS "diff;mve" SKIP_RETURN_CODE 77 TIMEOUT 150)
  endforeach()
endforeach()

add_test(NAME qemu.hello
  COMMAND ${ON_QEMU} --elf ${FIRMWARE_OUT}/apps/hello/hello.elf
          --input "hi\\nthere\\nexit 7\\n" --expect-status 7
          --expect-output "echo: hi\necho: there\nexiting with status 7\n")
set_tests_properties(qemu.hello PROPERTIES LABELS qemu SKIP_RETURN_CODE 77 TIMEOUT 90)

foreach(test_name IN LISTS FIRMWARE_TESTS)
  firmware_test_input(input ${test_name})
  foreach(opt IN LISTS FIRMWARE_TEST_OPTIMISATIONS)
    add_test(NAME diff.qemu.${test_name}.${opt}
      COMMAND ${RUN_ELF_TEST} --elf ${FIRMWARE_OUT}/tests/test_${test_name}_${opt}.elf ${input}
              --expect-status 0 --expect-output "PASS ${test_name}")
    set_tests_properties(diff.qemu.${test_name}.${opt} PROPERTIES
      LABELS diff SKIP_RETURN_CODE 77 TIMEOUT 150)
  endforeach()
endforeach()

add_test(NAME diff.qemu.hello
  COMMAND ${RUN_ELF_TEST} --elf ${FIRMWARE_OUT}/apps/hello/hello.elf
          --input "first\\n\\nthird line\\nexit 42\\n" --expect-status 42
          # QEMU models a Cortex-M55 r0p1, minifvp the FVP's r1p0: the banner's CPUID differs.
          --diff-ignore "^minifvp hello: ")
add_test(NAME diff.qemu.bench_cpu
  COMMAND ${RUN_ELF_TEST} --elf ${FIRMWARE_OUT}/apps/bench_cpu/bench_cpu.elf
          --input "" --expect-status 0 --expect-output "bench_cpu checksum")
add_test(NAME diff.qemu.bench_mve
  COMMAND ${RUN_ELF_TEST} --elf ${FIRMWARE_OUT}/apps/bench_mve/bench_mve.elf
          --input "" --expect-status 0 --expect-output "bench_mve: self-check ok")
set_tests_properties(diff.qemu.bench_mve PROPERTIES LABELS "diff;mve" SKIP_RETURN_CODE 77
  TIMEOUT 300)
set_tests_properties(diff.qemu.hello diff.qemu.bench_cpu PROPERTIES
  LABELS diff SKIP_RETURN_CODE 77 TIMEOUT 300)
