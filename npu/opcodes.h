// Ethos-U55 command-stream opcodes and their field layouts.
//
// Source: the register interface of Arm's Ethos-U core driver (ethosu55_interface.h, enum
// cmd0_opcode / cmd1_opcode, as mirrored in zephyrproject-rtos/hal_ethos_u) and Vela's command
// stream generator; see /work/shared/reference/ethos-u.md section 3.2 for the table this follows.
// Only the U55 set is listed: anything else in a stream is a parse error.
#pragma once

#include <cstdint>
#include <string_view>

namespace minifvp::npu {

// Every command word: opcode [9:0], reserved [13:10], control [15:14] (0 = cmd0, 1 = cmd1 with
// one payload word), parameter [31:16].
struct CommandWord {
  uint32_t raw;
  uint16_t opcode() const { return raw & 0x3FF; }
  unsigned control() const { return (raw >> 14) & 3; }
  uint16_t param() const { return static_cast<uint16_t>(raw >> 16); }
};
inline constexpr unsigned kControlCmd0 = 0;
inline constexpr unsigned kControlCmd1 = 1;

// cmd0 operations (bit 8 of the opcode clear).
namespace op {
inline constexpr uint16_t kStop = 0;
inline constexpr uint16_t kIrq = 1;
inline constexpr uint16_t kConv = 2;
inline constexpr uint16_t kDepthwise = 3;
inline constexpr uint16_t kPool = 5;
inline constexpr uint16_t kElementwise = 6;
inline constexpr uint16_t kDmaStart = 16;
inline constexpr uint16_t kDmaWait = 17;
inline constexpr uint16_t kKernelWait = 18;
inline constexpr uint16_t kPmuMask = 19;
}  // namespace op

// cmd0 register settings: the 16-bit parameter is the register value.
namespace reg0 {
inline constexpr uint16_t kIfmPadTop = 256;
inline constexpr uint16_t kIfmPadLeft = 257;
inline constexpr uint16_t kIfmPadRight = 258;
inline constexpr uint16_t kIfmPadBottom = 259;
inline constexpr uint16_t kIfmDepthM1 = 260;
inline constexpr uint16_t kIfmPrecision = 261;
inline constexpr uint16_t kIfmUpscale = 263;
inline constexpr uint16_t kIfmZeroPoint = 265;
inline constexpr uint16_t kIfmWidth0M1 = 266;
inline constexpr uint16_t kIfmHeight0M1 = 267;
inline constexpr uint16_t kIfmHeight1M1 = 268;
inline constexpr uint16_t kIfmIbEnd = 269;
inline constexpr uint16_t kIfmRegion = 271;
inline constexpr uint16_t kOfmWidthM1 = 273;
inline constexpr uint16_t kOfmHeightM1 = 274;
inline constexpr uint16_t kOfmDepthM1 = 275;
inline constexpr uint16_t kOfmPrecision = 276;
inline constexpr uint16_t kOfmBlkWidthM1 = 277;
inline constexpr uint16_t kOfmBlkHeightM1 = 278;
inline constexpr uint16_t kOfmBlkDepthM1 = 279;
inline constexpr uint16_t kOfmZeroPoint = 280;
inline constexpr uint16_t kOfmWidth0M1 = 282;
inline constexpr uint16_t kOfmHeight0M1 = 283;
inline constexpr uint16_t kOfmHeight1M1 = 284;
inline constexpr uint16_t kOfmRegion = 287;
inline constexpr uint16_t kKernelWidthM1 = 288;
inline constexpr uint16_t kKernelHeightM1 = 289;
inline constexpr uint16_t kKernelStride = 290;
inline constexpr uint16_t kAccFormat = 292;
inline constexpr uint16_t kActivation = 293;
inline constexpr uint16_t kActivationMin = 294;
inline constexpr uint16_t kActivationMax = 295;
inline constexpr uint16_t kWeightRegion = 296;
inline constexpr uint16_t kScaleRegion = 297;
inline constexpr uint16_t kAbStart = 301;
inline constexpr uint16_t kBlockDep = 303;
inline constexpr uint16_t kDmaSrcRegion = 304;
inline constexpr uint16_t kDmaDstRegion = 305;
inline constexpr uint16_t kDmaSize0 = 306;
inline constexpr uint16_t kDmaSize1 = 307;
inline constexpr uint16_t kIfm2Broadcast = 384;
inline constexpr uint16_t kIfm2Scalar = 385;
inline constexpr uint16_t kIfm2Precision = 389;
inline constexpr uint16_t kIfm2ZeroPoint = 393;
inline constexpr uint16_t kIfm2Width0M1 = 394;
inline constexpr uint16_t kIfm2Height0M1 = 395;
inline constexpr uint16_t kIfm2Height1M1 = 396;
inline constexpr uint16_t kIfm2IbStart = 397;
inline constexpr uint16_t kIfm2Region = 399;
}  // namespace reg0

// cmd1 register settings: a 32-bit payload word plus the 16-bit parameter.
namespace reg1 {
inline constexpr uint16_t kIfmBase0 = 0;  // ..3
inline constexpr uint16_t kIfmStrideX = 4;
inline constexpr uint16_t kIfmStrideY = 5;
inline constexpr uint16_t kIfmStrideC = 6;
inline constexpr uint16_t kOfmBase0 = 16;  // ..19
inline constexpr uint16_t kOfmStrideX = 20;
inline constexpr uint16_t kOfmStrideY = 21;
inline constexpr uint16_t kOfmStrideC = 22;
inline constexpr uint16_t kWeightBase = 32;
inline constexpr uint16_t kWeightLength = 33;
inline constexpr uint16_t kScaleBase = 34;
inline constexpr uint16_t kScaleLength = 35;
inline constexpr uint16_t kOfmScale = 36;
inline constexpr uint16_t kOpaScale = 37;
inline constexpr uint16_t kOpbScale = 38;
inline constexpr uint16_t kDmaSrc = 48;
inline constexpr uint16_t kDmaDst = 49;
inline constexpr uint16_t kDmaLen = 50;
inline constexpr uint16_t kIfm2Base0 = 128;  // ..131
inline constexpr uint16_t kIfm2StrideX = 132;
inline constexpr uint16_t kIfm2StrideY = 133;
inline constexpr uint16_t kIfm2StrideC = 134;
inline constexpr uint16_t kUserDefined0 = 160;  // ..167
}  // namespace reg1

// Whether an opcode exists on the U55, for each command kind.
bool is_known_cmd0(uint16_t opcode);
bool is_known_cmd1(uint16_t opcode);
// Name for traces and error messages ("NPU_SET_IFM_BASE0", "NPU_OP_CONV"), or "unknown".
std::string_view cmd0_name(uint16_t opcode);
std::string_view cmd1_name(uint16_t opcode);

// Offset of a command-stream register's read-only shadow copy in the APB window (0x800..0xBFF),
// or 0 if it has none. cmd1 registers are 64-bit: the payload at the offset, the parameter at +4.
uint32_t shadow_offset_cmd0(uint16_t opcode);
uint32_t shadow_offset_cmd1(uint16_t opcode);

}  // namespace minifvp::npu
