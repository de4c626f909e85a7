// Fixture for the MVE floating-point tests (mve_float_*_test.cpp): FPU on, an active FP context,
// Q registers set and read by lanes, one instruction executed from its encoding.
#pragma once

#include <array>
#include <cstdint>

#include "cpu/exec/mve_common.h"
#include "cpu/exec/softfloat.h"
#include "mve_test_fixture.h"

namespace minifvp::test {

class MveFloatTest : public MveFixture {
 protected:
  void set_q32(unsigned q, std::array<uint32_t, 4> lanes) {
    for (unsigned i = 0; i < 4; ++i) s().s[4 * q + i] = lanes[i];
  }
  void set_q16(unsigned q, std::array<uint16_t, 8> lanes) {
    for (unsigned i = 0; i < 4; ++i)
      s().s[4 * q + i] = lanes[2 * i] | (uint32_t{lanes[2 * i + 1]} << 16);
  }
  std::array<uint32_t, 4> q32(unsigned q) {
    return {s().s[4 * q], s().s[4 * q + 1], s().s[4 * q + 2], s().s[4 * q + 3]};
  }
  std::array<uint16_t, 8> q16(unsigned q) {
    std::array<uint16_t, 8> out{};
    for (unsigned i = 0; i < 8; ++i)
      out[i] = static_cast<uint16_t>(s().s[4 * q + i / 2] >> (16 * (i % 2)));
    return out;
  }
  void exec(uint32_t raw) { exec32(raw); }
  cpu::StopReason exec_until_stop(uint32_t raw) {
    return run_until_stop({static_cast<uint16_t>(raw >> 16), static_cast<uint16_t>(raw)});
  }
  uint32_t flags() { return s().fpscr & cpu::fp::fpscr::kExceptionFlags; }
  void clear_flags() { s().fpscr &= ~cpu::fp::fpscr::kExceptionFlags; }
};

// Bit patterns used across the tests (IEEE 754 single and half precision).
namespace f32 {
constexpr uint32_t kZero = 0x00000000, kNegZero = 0x80000000;
constexpr uint32_t kOne = 0x3f800000, kTwo = 0x40000000, kThree = 0x40400000;
constexpr uint32_t kHalf = 0x3f000000, kMinNormal = 0x00800000, kDenormal = 0x00000001;
constexpr uint32_t kInf = 0x7f800000, kNegInf = 0xff800000;
constexpr uint32_t kDefaultNaN = 0x7fc00000, kQNaN = 0x7fc12345, kSNaN = 0x7f800001;
}  // namespace f32
namespace f16 {
constexpr uint16_t kZero = 0x0000, kNegZero = 0x8000, kOne = 0x3c00, kTwo = 0x4000;
constexpr uint16_t kThree = 0x4200, kMax = 0x7bff, kInf = 0x7c00, kDenormal = 0x0001;
constexpr uint16_t kDefaultNaN = 0x7e00, kSNaN = 0x7c01;
}  // namespace f16

namespace flag {
constexpr uint32_t kIOC = cpu::fp::fpscr::kIOC, kOFC = cpu::fp::fpscr::kOFC;
constexpr uint32_t kUFC = cpu::fp::fpscr::kUFC, kIXC = cpu::fp::fpscr::kIXC;
constexpr uint32_t kIDC = cpu::fp::fpscr::kIDC;
}  // namespace flag

}  // namespace minifvp::test
