# Runs `randgen generate` twice with the same seed and fails unless both case files are identical.
# Used by the randgen_deterministic test (tests/diff/CMakeLists.txt).
file(MAKE_DIRECTORY ${WORK_DIR})
foreach(run a b)
  execute_process(
    COMMAND ${RANDGEN} generate --seed 7 --cases 500 --max-insns 3
            --asm ${WORK_DIR}/${run}.S --list ${WORK_DIR}/${run}.txt
    RESULT_VARIABLE status ERROR_QUIET)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "randgen generate failed (${status})")
  endif()
endforeach()
foreach(ext S txt)
  file(READ ${WORK_DIR}/a.${ext} first)
  file(READ ${WORK_DIR}/b.${ext} second)
  if(NOT first STREQUAL second)
    message(FATAL_ERROR "randgen is not deterministic: a.${ext} and b.${ext} differ")
  endif()
  string(LENGTH "${first}" size)
  if(size LESS 1000)
    message(FATAL_ERROR "randgen produced almost nothing in a.${ext}")
  endif()
endforeach()
