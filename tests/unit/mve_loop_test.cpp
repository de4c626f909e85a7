// MVE tail-predicated low-overhead loops: DLSTP, WLSTP, LETP, LCTP, and the rule that a plain LE
// may not end a tail-predicated loop. Each loop sums the active lanes of q1 into r0 with VADDVA,
// so the result shows how many elements every iteration processed; the expected sum is computed
// here from the element count. Encodings from GNU as.
#include <gtest/gtest.h>

#include "mve_pred_test_support.h"

namespace minifvp::test {
namespace {

using cpu::FaultKind;
using cpu::StopReason;

constexpr uint32_t kLetp = 0xf01fc005;  // letp lr, <back to the VADDVA>
constexpr uint32_t kLe = 0xf00fc005;    // le lr, <back to the VADDVA>
constexpr uint32_t kLctp = 0xf00fe001;
constexpr uint32_t kNop = 0xbf00;

uint32_t dlstp(unsigned size_log2) {  // dlstp.<size> lr, r3
  return 0xf003e001 | (size_log2 << 20);
}
uint32_t wlstp(unsigned size_log2) {  // wlstp.<size> lr, r3, <after the LETP>
  return 0xf003c005 | (size_log2 << 20);
}
// vaddva.u<esize> r0, q1 (the 64-bit loops sum 32-bit halves).
uint32_t vaddva(unsigned size_log2) {
  static constexpr uint32_t kForms[] = {0xfef10f22, 0xfef50f22, 0xfef90f22, 0xfef90f22};
  return kForms[size_log2];
}

class MveLoopTest : public MvePredFixture {
 protected:
  void SetUp() override {
    MvePredFixture::SetUp();
    std::array<uint8_t, 16> bytes;
    for (unsigned i = 0; i < 16; ++i) bytes[i] = static_cast<uint8_t>(i + 1);
    set_q<uint8_t>(1, bytes);
  }
  uint32_t ltpsize() { return (s().fpscr >> 16) & 7; }

  // The sum a tail-predicated loop over `count` elements of 1 << size_log2 bytes computes.
  uint32_t expected_sum(unsigned size_log2, uint32_t count) {
    const unsigned esize = 1u << size_log2;
    const unsigned per_vector = 16 / esize;
    uint32_t sum = 0;
    for (uint32_t left = count; left > 0;) {
      const uint32_t active = left < per_vector ? left : per_vector;
      const unsigned active_bytes = active * esize;
      // VADDVA adds lanes of min(esize, 4) bytes.
      const unsigned lane = esize < 4 ? esize : 4;
      for (unsigned b = 0; b < active_bytes; b += lane) {
        uint32_t v = 0;
        for (unsigned k = 0; k < lane; ++k)
          v |= uint32_t{static_cast<uint8_t>(b + k + 1)} << (8 * k);
        sum += v;
      }
      left -= active;
    }
    return sum;
  }
};

TEST_F(MveLoopTest, RowNames) {
  EXPECT_EQ(row_name(0xf003e001), "T32_DLSTP_T2");
  EXPECT_EQ(row_name(0xf033e001), "T32_DLSTP_T2");
  EXPECT_EQ(row_name(0xf003c003), "T32_WLSTP_T2");
  EXPECT_EQ(row_name(0xf033c003), "T32_WLSTP_T2");
  EXPECT_EQ(row_name(kLetp), "T32_LETP_T3");
  EXPECT_EQ(row_name(kLctp), "T32_LCTP_T1");
  EXPECT_EQ(row_name(kLe), "T32_LE_T1");
  EXPECT_EQ(row_name(0xf02fc007), "T32_LE_T2");
  EXPECT_EQ(row_name(0xf043e001), "T32_DLS_T1");
  EXPECT_EQ(row_name(0xf043c003), "T32_WLS_T1");
}

TEST_F(MveLoopTest, DlstpLoopsPredicateTheTailForEverySize) {
  for (unsigned size_log2 = 0; size_log2 < 4; ++size_log2) {
    for (uint32_t count : {0u, 1u, 2u, 3u, 5u, 8u, 9u, 16u, 17u, 31u, 33u}) {
      SCOPED_TRACE(testing::Message() << "size " << (8 << size_log2) << " count " << count);
      r(0) = 0;
      r(3) = count;
      exec({dlstp(size_log2), vaddva(size_log2), kLetp, kNop});
      EXPECT_EQ(r(0), expected_sum(size_log2, count));
      EXPECT_EQ(ltpsize(), 4u) << "the loop's exit resets LTPSIZE";
      const uint32_t per_vector = 16u >> size_log2;
      // LR at exit: the elements of the last iteration.
      const uint32_t last = count == 0 ? 0 : (count - 1) % per_vector + 1;
      EXPECT_EQ(r(14), last);
    }
  }
}

TEST_F(MveLoopTest, WlstpSkipsTheLoopWhenTheCountIsZero) {
  for (unsigned size_log2 = 0; size_log2 < 4; ++size_log2) {
    for (uint32_t count : {0u, 1u, 7u, 19u}) {
      SCOPED_TRACE(testing::Message() << "size " << (8 << size_log2) << " count " << count);
      r(0) = 0x55;
      r(3) = count;
      r(14) = 0x1234;
      exec({wlstp(size_log2), vaddva(size_log2), kLetp, kNop});
      EXPECT_EQ(r(0), 0x55 + expected_sum(size_log2, count));
      EXPECT_EQ(ltpsize(), 4u);
      if (count == 0) {
        EXPECT_EQ(r(14), 0x1234u) << "LR untouched when the loop is skipped";
      }
    }
  }
}

TEST_F(MveLoopTest, WlstpWithZeroCountCreatesNoFpContext) {
  s().control &= ~4u;  // no FP context yet (FPCCR.ASPEN is set at reset)
  r(3) = 0;
  exec({wlstp(2), vaddva(2), kLetp, kNop});
  EXPECT_EQ(s().control & 4, 0u);
}

TEST_F(MveLoopTest, DlstpSetsLtpsizeAndLctpClearsIt) {
  r(3) = 10;
  exec({dlstp(1)});
  EXPECT_EQ(ltpsize(), 1u);
  EXPECT_EQ(r(14), 10u);
  exec({kLctp});
  EXPECT_EQ(ltpsize(), 4u);
}

TEST_F(MveLoopTest, DlsAndWlsLeaveLtpsizeAlone) {
  // As QEMU: only the TP forms write LTPSIZE.
  s().fpscr = (s().fpscr & ~(7u << 16)) | (2u << 16);
  r(3) = 5;
  exec({0xf043e001});  // dls lr, r3
  EXPECT_EQ(ltpsize(), 2u);
  EXPECT_EQ(r(14), 5u);
}

TEST_F(MveLoopTest, PlainLeInATailPredicatedLoopIsInvalidState) {
  r(3) = 9;
  EXPECT_EQ(exec_until_stop({dlstp(2), vaddva(2), kLe, kNop}), StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, FaultKind::InvalidState);
}

TEST_F(MveLoopTest, PlainLeIgnoresLtpsizeWhileTheFpuIsOff) {
  // LTPSIZE() reads 4 when the FP state is not active.
  s().fpscr = (s().fpscr & ~(7u << 16)) | (2u << 16);
  h.core().set_fp_enabled(false);
  r(3) = 3;
  r(0) = 0;
  // A plain LE loop over ADDS r0, #1 (0x3001): three iterations.
  exec({0xf043e001, 0x3001, 0xf00fc803 /* le lr, <adds> */, kNop});
  EXPECT_EQ(r(0), 3u);
}

TEST_F(MveLoopTest, TailPredicatedLoopsNeedTheFpu) {
  h.core().set_fp_enabled(false);
  r(3) = 4;
  EXPECT_EQ(exec_until_stop({dlstp(0)}), StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, FaultKind::NoCoprocessor);
  r(3) = 0;  // even a skipped WLSTP checks access
  EXPECT_EQ(exec_until_stop({wlstp(0), vaddva(0), kLetp, kNop}), StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, FaultKind::NoCoprocessor);
  EXPECT_EQ(exec_until_stop({kLctp}), StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, FaultKind::NoCoprocessor);
  EXPECT_EQ(exec_until_stop({kLetp}), StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, FaultKind::NoCoprocessor);
}

}  // namespace
}  // namespace minifvp::test
