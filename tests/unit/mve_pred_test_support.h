// Shared helpers of the MVE predication, reduction and loop tests (on top of MveFixture): whole Q
// registers as lane arrays, and runs of mixed 16/32-bit encodings given as hw1 << 16 | hw2.
#pragma once

#include <array>
#include <cstring>
#include <initializer_list>
#include <vector>

#include "mve_test_fixture.h"

namespace minifvp::test {

class MvePredFixture : public MveFixture {
 protected:
  // Encodings: 32-bit ones as hw1 << 16 | hw2, 16-bit ones as values below 0x10000 that are not
  // a 32-bit prefix.
  static std::vector<uint16_t> halfwords(std::initializer_list<uint32_t> code) {
    std::vector<uint16_t> out;
    for (uint32_t insn : code) {
      if (insn > 0xffff) {
        out.push_back(static_cast<uint16_t>(insn >> 16));
        out.push_back(static_cast<uint16_t>(insn));
      } else {
        out.push_back(static_cast<uint16_t>(insn));
      }
    }
    return out;
  }
  void exec(std::initializer_list<uint32_t> code) {
    const std::vector<uint16_t> hw = halfwords(code);
    h.load(hw);
    const cpu::StopReason reason = h.run();
    EXPECT_EQ(reason, cpu::StopReason::Limit) << "stopped early: " << h.core().last_fault().detail;
  }
  cpu::StopReason exec_until_stop(std::initializer_list<uint32_t> code) {
    const std::vector<uint16_t> hw = halfwords(code);
    h.load(hw);
    return h.run();
  }

  template <typename T>
  void set_q(unsigned q, const std::array<T, 16 / sizeof(T)>& lanes) {
    std::memcpy(&s().s[4 * q], lanes.data(), 16);
  }
  template <typename T>
  std::array<T, 16 / sizeof(T)> get_q(unsigned q) {
    std::array<T, 16 / sizeof(T)> lanes;
    std::memcpy(lanes.data(), &s().s[4 * q], 16);
    return lanes;
  }
  uint16_t p0() { return static_cast<uint16_t>(s().vpr & 0xffff); }
};

}  // namespace minifvp::test
