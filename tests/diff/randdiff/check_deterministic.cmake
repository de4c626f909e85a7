# Runs `randgen generate` twice with the same seed and fails unless both case files are identical.
# Used by the randgen_deterministic test (tests/diff/CMakeLists.txt).
file(MAKE_DIRECTORY ${WORK_DIR})
# The integer default, and scalar floating point (with its seeded S0-S31/FPSCR/VPR state).
foreach(classes default fp)
  set(class_args "")
  if(NOT classes STREQUAL "default")
    set(class_args --classes ${classes})
  endif()
  foreach(run a b)
    execute_process(
      COMMAND ${RANDGEN} generate --seed 7 --cases 500 --max-insns 3 ${class_args}
              --asm ${WORK_DIR}/${classes}_${run}.S --list ${WORK_DIR}/${classes}_${run}.txt
      RESULT_VARIABLE status ERROR_QUIET)
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "randgen generate ${class_args} failed (${status})")
    endif()
  endforeach()
  foreach(ext S txt)
    file(READ ${WORK_DIR}/${classes}_a.${ext} first)
    file(READ ${WORK_DIR}/${classes}_b.${ext} second)
    if(NOT first STREQUAL second)
      message(FATAL_ERROR "randgen ${class_args} is not deterministic: the two .${ext} differ")
    endif()
    string(LENGTH "${first}" size)
    if(size LESS 1000)
      message(FATAL_ERROR "randgen ${class_args} produced almost nothing in .${ext}")
    endif()
  endforeach()
endforeach()
# FP cases carry their state: the case list of the fp run has it.
file(READ ${WORK_DIR}/fp_a.txt fp_list)
string(FIND "${fp_list}" " fp " fp_marker)
if(fp_marker EQUAL -1)
  message(FATAL_ERROR "randgen --classes fp wrote no floating-point state")
endif()
