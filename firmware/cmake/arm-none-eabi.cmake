# CMake toolchain file for bare-metal Arm Cortex-M firmware built with Debian's arm-none-eabi-gcc
# and newlib. Variables a configuring project may set (e.g. -DMINIFVP_FW_CPU=cortex-m85):
#   MINIFVP_FW_CPU        -mcpu value (default cortex-m55)
#   MINIFVP_FW_FLOAT_ABI  -mfloat-abi value: soft (default), softfp or hard
#   MINIFVP_FW_FPU        -mfpu value when the float ABI is not soft (default auto: from -mcpu)
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

find_program(ARM_NONE_EABI_GCC arm-none-eabi-gcc)
if(NOT ARM_NONE_EABI_GCC)
  message(FATAL_ERROR "arm-none-eabi-gcc was not found. Install Debian's gcc-arm-none-eabi and "
                      "libnewlib-arm-none-eabi (scripts/install_deps.sh does), or configure with "
                      "-DMINIFVP_FIRMWARE=OFF.")
endif()
get_filename_component(ARM_NONE_EABI_BIN_DIR "${ARM_NONE_EABI_GCC}" DIRECTORY)

set(CMAKE_C_COMPILER "${ARM_NONE_EABI_BIN_DIR}/arm-none-eabi-gcc")
set(CMAKE_CXX_COMPILER "${ARM_NONE_EABI_BIN_DIR}/arm-none-eabi-g++")
set(CMAKE_ASM_COMPILER "${ARM_NONE_EABI_BIN_DIR}/arm-none-eabi-gcc")
set(CMAKE_OBJCOPY "${ARM_NONE_EABI_BIN_DIR}/arm-none-eabi-objcopy" CACHE FILEPATH "objcopy")
set(CMAKE_OBJDUMP "${ARM_NONE_EABI_BIN_DIR}/arm-none-eabi-objdump" CACHE FILEPATH "objdump")
set(CMAKE_SIZE "${ARM_NONE_EABI_BIN_DIR}/arm-none-eabi-size" CACHE FILEPATH "size")

# Compiler checks link a static library: there is no default startup code to link a program with.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(MINIFVP_FW_CPU "cortex-m55" CACHE STRING "Target CPU (-mcpu)")
set(MINIFVP_FW_FLOAT_ABI "soft" CACHE STRING "Float ABI (-mfloat-abi): soft, softfp or hard")
set_property(CACHE MINIFVP_FW_FLOAT_ABI PROPERTY STRINGS soft softfp hard)
set(MINIFVP_FW_FPU "auto" CACHE STRING "FPU (-mfpu) when the float ABI is not soft")

# The float ABI is not part of the CMAKE_<LANG>_FLAGS: the firmware project adds it per target
# (MINIFVP_FW_FLOAT_OPTIONS by default, hard-float for the targets that ask for it), because gcc
# picks the newlib multilib only when the link line has a single -mfloat-abi.
set(MINIFVP_FW_ARCH_FLAGS "-mcpu=${MINIFVP_FW_CPU} -mthumb")
set(MINIFVP_FW_FLOAT_OPTIONS "-mfloat-abi=${MINIFVP_FW_FLOAT_ABI}")
if(NOT MINIFVP_FW_FLOAT_ABI STREQUAL "soft")
  list(APPEND MINIFVP_FW_FLOAT_OPTIONS "-mfpu=${MINIFVP_FW_FPU}")
endif()

set(CMAKE_C_FLAGS_INIT "${MINIFVP_FW_ARCH_FLAGS} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${MINIFVP_FW_ARCH_FLAGS} -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "${MINIFVP_FW_ARCH_FLAGS}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${MINIFVP_FW_ARCH_FLAGS} -nostartfiles -Wl,--gc-sections")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
