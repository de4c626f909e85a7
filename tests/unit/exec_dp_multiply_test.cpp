// Multiply, DSP multiply, long multiply and divide encodings. Encodings from arm-none-eabi-as;
// expected values worked out from the Armv8-M ARM pseudocode.
#include "exec_test_fixture.h"

namespace minifvp::test {
namespace {

using DpMultiply = ExecTest;

TEST_F(DpMultiply, MulMlaMls) {
  r(2) = 0x10001;
  r(3) = 0x10001;
  set_nzcv(true, true, true, true);
  run({0xfb02, 0xf103});  // mul.w r1, r2, r3 : low 32 bits of 0x100020001
  EXPECT_EQ(r(1), 0x00020001u);
  EXPECT_TRUE(s().n && s().z && s().c && s().v);  // MUL.W never sets flags

  r(2) = 3;
  r(3) = 4;
  r(4) = 5;
  run({0xfb02, 0x4103});  // mla r1, r2, r3, r4
  EXPECT_EQ(r(1), 17u);
  run({0xfb02, 0x4113});  // mls r1, r2, r3, r4
  EXPECT_EQ(r(1), 0xfffffff9u);
}

TEST_F(DpMultiply, HalfwordMultiplies) {
  r(2) = 0x1234fffe;  // bottom -2
  r(3) = 0x0003abcd;  // top 3
  r(4) = 10;
  run({0xfb12, 0x4113});  // smlabt r1, r2, r3, r4
  EXPECT_EQ(r(1), 4u);

  r(2) = 0x8000;
  r(3) = 0x8000;
  r(4) = 0x40000000;
  s().q = false;
  run({0xfb12, 0x4103});  // smlabb r1, r2, r3, r4 : 0x40000000 + 0x40000000 overflows
  EXPECT_EQ(r(1), 0x80000000u);
  EXPECT_TRUE(s().q);

  r(2) = 0xfffe0000;  // top -2
  r(3) = 5;
  s().q = false;
  run({0xfb12, 0xf123});  // smultb r1, r2, r3
  EXPECT_EQ(r(1), 0xfffffff6u);
  r(2) = 0x8000;
  r(3) = 0x8000;
  run({0xfb12, 0xf103});  // smulbb r1, r2, r3 : (-32768)^2 fits
  EXPECT_EQ(r(1), 0x40000000u);
  EXPECT_FALSE(s().q);
}

TEST_F(DpMultiply, DualMultiplies) {
  r(2) = 0x00020003;
  r(3) = 0x00040005;
  r(4) = 100;
  run({0xfb22, 0x4103});  // smlad r1, r2, r3, r4 : 3*5 + 2*4 + 100
  EXPECT_EQ(r(1), 123u);
  run({0xfb22, 0x4113});  // smladx : 3*4 + 2*5 + 100
  EXPECT_EQ(r(1), 122u);

  r(4) = 1;
  run({0xfb42, 0x4103});  // smlsd r1, r2, r3, r4 : 15 - 8 + 1
  EXPECT_EQ(r(1), 8u);
  run({0xfb42, 0xf113});  // smusdx r1, r2, r3 : 3*4 - 2*5
  EXPECT_EQ(r(1), 2u);

  r(2) = 0x80008000;
  r(3) = 0x80008000;
  s().q = false;
  run({0xfb22, 0xf103});  // smuad r1, r2, r3 : 2^30 + 2^30 overflows
  EXPECT_EQ(r(1), 0x80000000u);
  EXPECT_TRUE(s().q);
}

TEST_F(DpMultiply, WordByHalfword) {
  r(2) = 0x00010000;
  r(3) = 3;
  r(4) = 1;
  run({0xfb32, 0x4103});  // smlawb r1, r2, r3, r4 : (65536*3 + (1 << 16)) >> 16
  EXPECT_EQ(r(1), 4u);

  r(2) = 0x80000000;
  r(3) = 0x80001234;      // top -32768
  run({0xfb32, 0xf113});  // smulwt r1, r2, r3 : 2^46 >> 16
  EXPECT_EQ(r(1), 0x40000000u);
}

TEST_F(DpMultiply, MostSignificantWordAndRounding) {
  r(2) = 0x40000000;
  r(3) = 6;
  run({0xfb52, 0xf103});  // smmul r1, r2, r3 : 0x1_80000000
  EXPECT_EQ(r(1), 1u);
  run({0xfb52, 0xf113});  // smmulr : rounds up
  EXPECT_EQ(r(1), 2u);

  r(2) = 0xffffffff;  // -1
  r(3) = 1;
  run({0xfb52, 0xf103});  // smmul : -1 >> 32 is -1
  EXPECT_EQ(r(1), 0xffffffffu);
  run({0xfb52, 0xf113});  // smmulr : -1 + 0x80000000 rounds to 0
  EXPECT_EQ(r(1), 0u);

  r(2) = 0x40000000;
  r(3) = 4;  // product 2^32
  r(4) = 5;
  run({0xfb52, 0x4103});  // smmla r1, r2, r3, r4
  EXPECT_EQ(r(1), 6u);
  run({0xfb62, 0x4103});  // smmls r1, r2, r3, r4
  EXPECT_EQ(r(1), 4u);

  r(3) = 2;               // product 2^31
  run({0xfb62, 0x4103});  // smmls : 0x4_80000000
  EXPECT_EQ(r(1), 4u);
  run({0xfb62, 0x4113});  // smmlsr : 0x4_80000000 + 0x80000000
  EXPECT_EQ(r(1), 5u);
}

TEST_F(DpMultiply, SumOfAbsoluteDifferences) {
  r(2) = 0x01ff1005;
  r(3) = 0xff011502;
  run({0xfb72, 0xf103});  // usad8 r1, r2, r3 : 254 + 254 + 5 + 3
  EXPECT_EQ(r(1), 516u);
  r(4) = 1000;
  run({0xfb72, 0x4103});  // usada8 r1, r2, r3, r4
  EXPECT_EQ(r(1), 1516u);
}

TEST_F(DpMultiply, LongMultipliesSignedness) {
  r(3) = 0xffffffff;
  r(4) = 2;
  run({0xfb83, 0x1204});  // smull r1, r2, r3, r4 : -1 * 2
  EXPECT_EQ(r(1), 0xfffffffeu);
  EXPECT_EQ(r(2), 0xffffffffu);
  run({0xfba3, 0x1204});  // umull r1, r2, r3, r4 : 0xffffffff * 2
  EXPECT_EQ(r(1), 0xfffffffeu);
  EXPECT_EQ(r(2), 1u);

  r(1) = 1;
  r(2) = 0;
  run({0xfbc3, 0x1204});  // smlal r1, r2, r3, r4 : 1 + (-2)
  EXPECT_EQ(r(1), 0xffffffffu);
  EXPECT_EQ(r(2), 0xffffffffu);

  r(1) = 0xffffffff;
  r(2) = 0;
  r(3) = 1;
  r(4) = 1;
  run({0xfbe3, 0x1204});  // umlal r1, r2, r3, r4 : carry into the high word
  EXPECT_EQ(r(1), 0u);
  EXPECT_EQ(r(2), 1u);

  r(1) = 0xffffffff;
  r(2) = 0xffffffff;
  r(3) = 0xffffffff;
  r(4) = 0xffffffff;
  run({0xfbe3, 0x1264});  // umaal r1, r2, r3, r4 : (2^32-1)^2 + 2(2^32-1) = 2^64 - 1
  EXPECT_EQ(r(1), 0xffffffffu);
  EXPECT_EQ(r(2), 0xffffffffu);
}

TEST_F(DpMultiply, LongDspMultiplies) {
  r(1) = 10;
  r(2) = 0;
  r(3) = 0xfffe0000;      // top -2
  r(4) = 3;               // bottom 3
  run({0xfbc3, 0x12a4});  // smlaltb r1, r2, r3, r4 : 10 - 6
  EXPECT_EQ(r(1), 4u);
  EXPECT_EQ(r(2), 0u);

  r(1) = 0;
  r(2) = 0;
  r(3) = 0x80008000;
  r(4) = 0x80008000;
  run({0xfbc3, 0x12c4});  // smlald r1, r2, r3, r4 : 2^31 without overflow
  EXPECT_EQ(r(1), 0x80000000u);
  EXPECT_EQ(r(2), 0u);

  r(1) = 0xfffffffd;  // accumulator -3
  r(2) = 0xffffffff;
  r(3) = 0x00020003;
  r(4) = 0x00040005;
  run({0xfbd3, 0x12d4});  // smlsldx r1, r2, r3, r4 : 3*4 - 2*5 - 3
  EXPECT_EQ(r(1), 0xffffffffu);
  EXPECT_EQ(r(2), 0xffffffffu);
}

TEST_F(DpMultiply, DivideRoundsTowardsZero) {
  r(2) = 7;
  r(3) = static_cast<uint32_t>(-2);
  run({0xfb92, 0xf1f3});  // sdiv r1, r2, r3
  EXPECT_EQ(r(1), static_cast<uint32_t>(-3));
  r(2) = static_cast<uint32_t>(-7);
  r(3) = 2;
  run({0xfb92, 0xf1f3});
  EXPECT_EQ(r(1), static_cast<uint32_t>(-3));

  r(2) = 0x80000000;
  r(3) = 0xffffffff;
  run({0xfb92, 0xf1f3});  // INT_MIN / -1 = 2^31, truncated
  EXPECT_EQ(r(1), 0x80000000u);

  r(2) = 0xffffffff;
  r(3) = 2;
  run({0xfbb2, 0xf1f3});  // udiv r1, r2, r3
  EXPECT_EQ(r(1), 0x7fffffffu);
}

TEST_F(DpMultiply, DivideByZeroGivesZeroWithoutTrap) {
  r(1) = 0x1234;
  r(2) = 99;
  r(3) = 0;
  run({0xfb92, 0xf1f3});  // sdiv r1, r2, r3
  EXPECT_EQ(r(1), 0u);
  r(1) = 0x1234;
  run({0xfbb2, 0xf1f3});  // udiv r1, r2, r3
  EXPECT_EQ(r(1), 0u);
}

TEST_F(DpMultiply, DivideByZeroTrapsWhenEnabled) {
  h.core().set_divide_by_zero_trap(true);
  r(1) = 0x1234;
  r(2) = 99;
  r(3) = 0;
  EXPECT_EQ(run_until_stop({0xfb92, 0xf1f3}), cpu::StopReason::Fault);  // sdiv
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::DivideByZero);
  EXPECT_EQ(r(1), 0x1234u);
  EXPECT_EQ(r(15), CpuHarness::kCodeBase);

  EXPECT_EQ(run_until_stop({0xfbb2, 0xf1f3}), cpu::StopReason::Fault);  // udiv
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::DivideByZero);

  r(3) = 3;  // a non-zero divisor is unaffected by the trap
  run({0xfbb2, 0xf1f3});
  EXPECT_EQ(r(1), 33u);
}

}  // namespace
}  // namespace minifvp::test
