// The shared MVE machinery (cpu/exec/mve_common.h): lane masks from VPR, tail predication and
// ECI; the VPT block advance; masked Q register writes; the INVSTATE rule for a nonzero ECI.
#include "cpu/exec/mve_common.h"

#include <gtest/gtest.h>

#include "exec_test_fixture.h"

namespace minifvp::test {
namespace {

using cpu::CpuState;
namespace mve = cpu::exec::mve;

TEST(MveElementMask, AllLanesOutsideVptBlocksAndLoops) {
  CpuState s;
  s.vpr = 0x1234;  // P0 is ignored while both masks are zero
  EXPECT_EQ(mve::element_mask(s), 0xffff);
}

TEST(MveElementMask, VptMasksSelectP0PerBeatPair) {
  CpuState s;
  s.vpr = (0b1000u << mve::kVprMask01Shift) | 0x00f0;  // only beats 0-1 in a block
  EXPECT_EQ(mve::element_mask(s), 0xfff0);
  s.vpr = (0b1000u << mve::kVprMask01Shift) | (0b1000u << mve::kVprMask23Shift) | 0x0f0f;
  EXPECT_EQ(mve::element_mask(s), 0x0f0f);
}

TEST(MveElementMask, TailPredicationKeepsTheFirstLrElements) {
  CpuState s;
  mve::set_ltpsize(s, 1);  // 16-bit elements, 8 per vector
  s.r[14] = 3;
  EXPECT_EQ(mve::element_mask(s), 0x003f);
  s.r[14] = 8;
  EXPECT_EQ(mve::element_mask(s), 0xffff);
  s.r[14] = 100;  // not the last iteration
  EXPECT_EQ(mve::element_mask(s), 0xffff);
  s.r[14] = 0;
  EXPECT_EQ(mve::element_mask(s), 0x0000);
  mve::set_ltpsize(s, mve::kNoTailPredication);
  EXPECT_EQ(mve::element_mask(s), 0xffff);
}

TEST(MveElementMask, EciDropsBeatsAlreadyExecuted) {
  CpuState s;
  s.it.bits = static_cast<uint8_t>(mve::Eci::A0A1) << 4;
  EXPECT_EQ(mve::element_mask(s), 0xff00);
  s.it.bits = static_cast<uint8_t>(mve::Eci::A0A1A2B0) << 4;
  EXPECT_EQ(mve::element_mask(s), 0xf000);
}

TEST(MveVectorWrite, MaskedWriteKeepsInactiveBytes) {
  CpuState s;
  for (unsigned i = 0; i < 4; ++i) s.s[4 + i] = 0x11111111u * (i + 1);
  mve::Vector v;
  for (unsigned i = 0; i < 16; ++i) v.bytes[i] = static_cast<uint8_t>(0xa0 + i);
  mve::write_q(s, 1, v, 0x0f0f);
  EXPECT_EQ(s.s[4], 0xa3a2a1a0u);
  EXPECT_EQ(s.s[5], 0x22222222u);
  EXPECT_EQ(s.s[6], 0xabaaa9a8u);
  EXPECT_EQ(s.s[7], 0x44444444u);
  EXPECT_EQ(mve::read_q(s, 1).lane<uint16_t>(0), 0xa1a0);
}

TEST(MveVectorWrite, ExpandElementMask) {
  EXPECT_EQ(mve::expand_element_mask(0x0011, 4), 0x00ff);
  EXPECT_EQ(mve::expand_element_mask(0x5555, 2), 0xffff);
  EXPECT_EQ(mve::expand_element_mask(0x0004, 2), 0x000c);
}

class MveBeatwiseTest : public ExecTest {};

TEST_F(MveBeatwiseTest, VptBlockOfThenElseInvertsAndEnds) {
  // A "T E" block: mask 0b1100. After the first instruction P0 inverts and the mask shifts to
  // 0b1000; after the second the block ends with no further inversion.
  s().vpr = (0b1100u << mve::kVprMask01Shift) | (0b1100u << mve::kVprMask23Shift) | 0x00ff;
  mve::finish_beatwise(h.core());
  EXPECT_EQ(s().vpr,
            (0b1000u << mve::kVprMask01Shift) | (0b1000u << mve::kVprMask23Shift) | 0xff00);
  mve::finish_beatwise(h.core());
  EXPECT_EQ(s().vpr, 0xff00u);
}

TEST_F(MveBeatwiseTest, FinishConsumesEci) {
  s().it.bits = static_cast<uint8_t>(mve::Eci::A0A1A2B0) << 4;
  mve::finish_beatwise(h.core());
  EXPECT_EQ(s().it.bits, static_cast<uint8_t>(mve::Eci::A0) << 4);
  mve::finish_beatwise(h.core());
  EXPECT_EQ(s().it.bits, 0);
}

TEST_F(MveBeatwiseTest, NonVectorInstructionWithEciIsInvalidState) {
  s().it.bits = static_cast<uint8_t>(mve::Eci::A0) << 4;
  EXPECT_EQ(run_until_stop({0xbf00}), cpu::StopReason::Fault);  // NOP
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::InvalidState);
}

}  // namespace
}  // namespace minifvp::test
