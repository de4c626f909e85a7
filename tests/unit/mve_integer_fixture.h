// A fixture for the MVE integer instruction tests (mve_integer_*_test.cpp): FPU enabled, Q
// register lane access, and runners that fill the sources with edge values and compare every lane
// with a reference formula written in the test.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "cpu/exec/mve_common.h"
#include "mve_test_fixture.h"

namespace minifvp::test {

namespace mve = cpu::exec::mve;

class MveIntTest : public MveFixture {
 protected:
  void exec(uint32_t raw) { exec32(raw); }
  void set_bytes(unsigned q, uint8_t first, uint8_t step) {
    for (unsigned i = 0; i < 16; ++i)
      set_lane<uint8_t>(q, i, static_cast<uint8_t>(first + step * i));
  }

  // Edge values of T: the extremes, around zero, and bit patterns.
  template <typename T>
  static std::vector<T> edges() {
    using L = std::numeric_limits<T>;
    return {L::min(),
            L::max(),
            T(0),
            T(1),
            static_cast<T>(-1),
            static_cast<T>(L::min() + 1),
            static_cast<T>(L::max() - 1),
            static_cast<T>(0x5a5a5a5a),
            static_cast<T>(0xa5a5a5a5),
            T(2),
            static_cast<T>(-2),
            static_cast<T>(L::max() / 2 + 1),
            static_cast<T>(3),
            static_cast<T>(0x80808081),
            static_cast<T>(0x7f7f7f7e),
            static_cast<T>(100)};
  }

  // Fills Qn (q2) and Qm (q3) with edge values in `rounds` arrangements, runs `raw` each time
  // (Qd = q1) and checks every lane of Qd against ref(n, m). Returns whether any lane expected
  // saturation by ref_saturates (for the QC checks), after checking QC matches it each round.
  template <typename T, typename Ref, typename Sat>
  void check_binary(uint32_t raw, Ref ref, Sat saturates) {
    const std::vector<T> values = edges<T>();
    constexpr unsigned kLanes = 16 / sizeof(T);
    for (unsigned round = 0; round < values.size(); ++round) {
      bool expect_qc = false;
      for (unsigned i = 0; i < kLanes; ++i) {
        const T a = values[(i + round) % values.size()];
        const T b = values[(3 * i + 5 * round + 1) % values.size()];
        set_lane<T>(2, i, a);
        set_lane<T>(3, i, b);
        expect_qc = expect_qc || saturates(a, b);
      }
      clear_qc();
      exec(raw);
      for (unsigned i = 0; i < kLanes; ++i) {
        const T a = lane<T>(2, i), b = lane<T>(3, i);
        EXPECT_EQ(lane<T>(1, i), ref(a, b))
            << "lane " << i << " a=" << +a << " b=" << +b << " raw=" << std::hex << raw;
      }
      EXPECT_EQ(qc(), expect_qc) << "round " << round << " raw=" << std::hex << raw;
    }
  }
  template <typename T, typename Ref>
  void check_binary(uint32_t raw, Ref ref) {
    check_binary<T>(raw, ref, [](T, T) { return false; });
  }

  // The same with a scalar: Qd = op(Qn, r3), for several r3 values.
  template <typename T, typename Ref, typename Sat>
  void check_scalar(uint32_t raw, Ref ref, Sat saturates) {
    const std::vector<T> values = edges<T>();
    constexpr unsigned kLanes = 16 / sizeof(T);
    for (unsigned round = 0; round < values.size(); ++round) {
      const T b = values[round];
      // The upper bits of the register are ignored for narrow elements.
      r(3) = static_cast<uint32_t>(static_cast<std::make_unsigned_t<T>>(b)) |
             (sizeof(T) < 4 ? 0xdead0000u & ~((1u << (8 * sizeof(T))) - 1) : 0);
      bool expect_qc = false;
      for (unsigned i = 0; i < kLanes; ++i) {
        const T a = values[(i + 2 * round) % values.size()];
        set_lane<T>(2, i, a);
        expect_qc = expect_qc || saturates(a, b);
      }
      clear_qc();
      exec(raw);
      for (unsigned i = 0; i < kLanes; ++i) {
        const T a = lane<T>(2, i);
        EXPECT_EQ(lane<T>(1, i), ref(a, b))
            << "lane " << i << " a=" << +a << " b=" << +b << " raw=" << std::hex << raw;
      }
      EXPECT_EQ(qc(), expect_qc) << "round " << round << " raw=" << std::hex << raw;
    }
  }
  template <typename T, typename Ref>
  void check_scalar(uint32_t raw, Ref ref) {
    check_scalar<T>(raw, ref, [](T, T) { return false; });
  }

  // One source: Qd (q1) = op(Qm (q3)).
  template <typename T, typename Ref, typename Sat>
  void check_unary(uint32_t raw, Ref ref, Sat saturates) {
    const std::vector<T> values = edges<T>();
    constexpr unsigned kLanes = 16 / sizeof(T);
    for (unsigned round = 0; round < 4; ++round) {
      bool expect_qc = false;
      for (unsigned i = 0; i < kLanes; ++i) {
        const T a = values[(i + kLanes * round) % values.size()];
        set_lane<T>(3, i, a);
        expect_qc = expect_qc || saturates(a);
      }
      clear_qc();
      exec(raw);
      for (unsigned i = 0; i < kLanes; ++i) {
        const T a = lane<T>(3, i);
        EXPECT_EQ(lane<T>(1, i), ref(a))
            << "lane " << i << " a=" << +a << " raw=" << std::hex << raw;
      }
      EXPECT_EQ(qc(), expect_qc) << "round " << round << " raw=" << std::hex << raw;
    }
  }
  template <typename T, typename Ref>
  void check_unary(uint32_t raw, Ref ref) {
    check_unary<T>(raw, ref, [](T) { return false; });
  }
};

// The encoding with its two-bit size field at `shift` replaced.
constexpr uint32_t with_size(uint32_t raw, uint32_t size, unsigned shift = 20) {
  return (raw & ~(3u << shift)) | (size << shift);
}

}  // namespace minifvp::test
