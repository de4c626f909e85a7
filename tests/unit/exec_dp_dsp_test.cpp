// DSP-extension saturating, parallel add/subtract and select instructions: saturation with the
// sticky APSR.Q, APSR.GE from the S and U parallel forms, SEL. Encodings from arm-none-eabi-as;
// expected values worked out from the Armv8-M ARM pseudocode.
#include "exec_test_fixture.h"

namespace minifvp::test {
namespace {

using DpDsp = ExecTest;

TEST_F(DpDsp, SignedSaturateSetsStickyQ) {
  r(1) = 200;
  s().q = false;
  run({0xf301, 0x0007});  // ssat r0, #8, r1
  EXPECT_EQ(r(0), 127u);
  EXPECT_TRUE(s().q);

  r(1) = static_cast<uint32_t>(-200);
  s().q = false;
  run({0xf301, 0x0007});
  EXPECT_EQ(r(0), 0xffffff80u);
  EXPECT_TRUE(s().q);

  r(1) = 100;  // in range: Q is sticky, not cleared
  run({0xf301, 0x0007});
  EXPECT_EQ(r(0), 100u);
  EXPECT_TRUE(s().q);
  s().q = false;
  run({0xf301, 0x0007});
  EXPECT_FALSE(s().q);

  r(1) = 0x00100000;
  run({0xf321, 0x100f});  // ssat r0, #16, r1, asr #4 : 0x10000 > 32767
  EXPECT_EQ(r(0), 0x7fffu);
  EXPECT_TRUE(s().q);

  r(1) = 0x80000000;
  s().q = false;
  run({0xf301, 0x001f});  // ssat r0, #32, r1 : never saturates
  EXPECT_EQ(r(0), 0x80000000u);
  EXPECT_FALSE(s().q);

  r(1) = 5;
  run({0xf301, 0x0000});  // ssat r0, #1, r1 : range -1..0
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().q);
  r(1) = static_cast<uint32_t>(-5);
  run({0xf301, 0x0000});
  EXPECT_EQ(r(0), 0xffffffffu);
}

TEST_F(DpDsp, UnsignedSaturate) {
  r(1) = 300;
  s().q = false;
  run({0xf381, 0x0008});  // usat r0, #8, r1
  EXPECT_EQ(r(0), 255u);
  EXPECT_TRUE(s().q);

  r(1) = 0xffffffff;
  s().q = false;
  run({0xf381, 0x0008});  // -1 saturates to 0
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().q);

  r(1) = 5;
  s().q = false;
  run({0xf381, 0x0000});  // usat r0, #0, r1 : range 0..0
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().q);

  r(1) = 0x40000000;
  s().q = false;
  run({0xf381, 0x005f});  // usat r0, #31, r1, lsl #1 : 0x80000000 is negative
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().q);

  r(1) = 0x20000000;
  s().q = false;
  run({0xf381, 0x005f});  // 0x40000000 fits in 31 bits
  EXPECT_EQ(r(0), 0x40000000u);
  EXPECT_FALSE(s().q);
}

TEST_F(DpDsp, HalfwordSaturate) {
  EXPECT_EQ(row_name(0xf3210007), "T32_SSAT16_T1");
  r(1) = 0x0100ff00;  // top 256, bottom -256
  s().q = false;
  run({0xf321, 0x0007});  // ssat16 r0, #8, r1
  EXPECT_EQ(r(0), 0x007fff80u);
  EXPECT_TRUE(s().q);

  s().q = false;
  run({0xf3a1, 0x0008});  // usat16 r0, #8, r1
  EXPECT_EQ(r(0), 0x00ff0000u);
  EXPECT_TRUE(s().q);

  r(1) = 0x00050003;
  s().q = false;
  run({0xf3a1, 0x0008});
  EXPECT_EQ(r(0), 0x00050003u);
  EXPECT_FALSE(s().q);
}

TEST_F(DpDsp, SaturatingAddSubtract) {
  r(2) = 0x7fffffff;  // Rm
  r(3) = 1;           // Rn
  s().q = false;
  run({0xfa83, 0xf182});  // qadd r1, r2, r3
  EXPECT_EQ(r(1), 0x7fffffffu);
  EXPECT_TRUE(s().q);

  r(2) = 1;
  r(3) = 2;
  s().q = false;
  run({0xfa83, 0xf182});
  EXPECT_EQ(r(1), 3u);
  EXPECT_FALSE(s().q);

  r(2) = 0x80000000;
  r(3) = 1;
  run({0xfa83, 0xf1a2});  // qsub r1, r2, r3 : Rm - Rn
  EXPECT_EQ(r(1), 0x80000000u);
  EXPECT_TRUE(s().q);

  r(2) = 0;
  r(3) = 0x40000000;
  s().q = false;
  run({0xfa83, 0xf192});  // qdadd r1, r2, r3 : doubling saturates
  EXPECT_EQ(r(1), 0x7fffffffu);
  EXPECT_TRUE(s().q);

  r(2) = 0;
  r(3) = 0xc0000000;  // doubled is exactly INT_MIN, the subtraction saturates
  s().q = false;
  run({0xfa83, 0xf1b2});  // qdsub r1, r2, r3
  EXPECT_EQ(r(1), 0x7fffffffu);
  EXPECT_TRUE(s().q);

  r(2) = 10;
  r(3) = 3;
  s().q = false;
  run({0xfa83, 0xf1b2});  // qdsub: 10 - 6
  EXPECT_EQ(r(1), 4u);
  EXPECT_FALSE(s().q);
}

TEST_F(DpDsp, SignedParallelSetsGe) {
  r(2) = 0x7fff0001;
  r(3) = 0x0001ffff;
  s().ge = 0;
  run({0xfa92, 0xf103});  // sadd16 r1, r2, r3 : wraps, no saturation
  EXPECT_EQ(r(1), 0x80000000u);
  EXPECT_EQ(s().ge, 0b1111);

  r(2) = 0x80000000;
  r(3) = 0xffffffff;
  run({0xfa92, 0xf103});  // top -32769 (negative), bottom -1
  EXPECT_EQ(r(1), 0x7fffffffu);
  EXPECT_EQ(s().ge, 0b0000);

  r(2) = 0x00100020;
  r(3) = 0x00030005;
  run({0xfaa2, 0xf103});  // sasx: bottom 32 - 3, top 16 + 5
  EXPECT_EQ(r(1), 0x0015001du);
  EXPECT_EQ(s().ge, 0b1111);

  r(3) = 0x00030014;
  run({0xfae2, 0xf103});  // ssax: bottom 32 + 3, top 16 - 20
  EXPECT_EQ(r(1), 0xfffc0023u);
  EXPECT_EQ(s().ge, 0b0011);

  r(2) = 0x01020304;
  r(3) = 0x02020202;
  run({0xfac2, 0xf103});  // ssub8 r1, r2, r3 : -1, 0, 1, 2
  EXPECT_EQ(r(1), 0xff000102u);
  EXPECT_EQ(s().ge, 0b0111);
}

TEST_F(DpDsp, UnsignedParallelSetsGe) {
  r(2) = 0x80ff0102;
  r(3) = 0x80010203;
  s().ge = 0;
  run({0xfa82, 0xf143});  // uadd8 r1, r2, r3
  EXPECT_EQ(r(1), 0x00000305u);
  EXPECT_EQ(s().ge, 0b1100);

  r(2) = 0x00050001;
  r(3) = 0x00030002;
  run({0xfad2, 0xf143});  // usub16 r1, r2, r3
  EXPECT_EQ(r(1), 0x0002ffffu);
  EXPECT_EQ(s().ge, 0b1100);

  r(2) = 0xffff0001;
  r(3) = 0x00010002;
  run({0xfaa2, 0xf143});  // uasx: bottom 1 - 1, top 0xffff + 2
  EXPECT_EQ(r(1), 0x00010000u);
  EXPECT_EQ(s().ge, 0b1111);
}

TEST_F(DpDsp, SaturatingAndHalvingParallelLeaveGeAndQ) {
  s().ge = 0b1010;
  s().q = false;
  r(2) = 0x7fff8000;
  r(3) = 0x00010001;
  run({0xfa92, 0xf113});  // qadd16 r1, r2, r3
  EXPECT_EQ(r(1), 0x7fff8001u);
  EXPECT_EQ(s().ge, 0b1010);
  EXPECT_FALSE(s().q);

  r(2) = 0x807f0010;
  r(3) = 0x01ff0105;
  run({0xfac2, 0xf113});  // qsub8 r1, r2, r3
  EXPECT_EQ(r(1), 0x807fff0bu);

  r(2) = 0x10203040;
  r(3) = 0x20103050;
  run({0xfac2, 0xf153});  // uqsub8 r1, r2, r3
  EXPECT_EQ(r(1), 0x00100000u);

  r(2) = 0xfff00010;
  r(3) = 0x00200020;
  run({0xfa92, 0xf153});  // uqadd16 r1, r2, r3
  EXPECT_EQ(r(1), 0xffff0030u);

  r(2) = 0x7f8001ff;
  r(3) = 0x7f8002ff;
  run({0xfa82, 0xf123});  // shadd8 r1, r2, r3
  EXPECT_EQ(r(1), 0x7f8001ffu);

  r(2) = 0x00000001;
  r(3) = 0x00010003;
  run({0xfad2, 0xf163});  // uhsub16 r1, r2, r3 : diff<16:1> of -1 and -2
  EXPECT_EQ(r(1), 0xffffffffu);

  r(2) = 0xff000000;
  r(3) = 0xff000000;
  run({0xfa82, 0xf163});  // uhadd8 r1, r2, r3 : 0x1fe >> 1
  EXPECT_EQ(r(1), 0xff000000u);

  r(2) = 0x00040010;
  r(3) = 0x00020003;
  run({0xfae2, 0xf123});  // shsax: bottom (16 + 2) / 2, top (4 - 3) / 2
  EXPECT_EQ(r(1), 0x00000009u);

  r(2) = 0x00010005;
  r(3) = 0x00070002;
  run({0xfaa2, 0xf153});  // uqasx: bottom 5 - 7 saturates to 0, top 1 + 2
  EXPECT_EQ(r(1), 0x00030000u);
  EXPECT_EQ(s().ge, 0b1010);
  EXPECT_FALSE(s().q);
}

TEST_F(DpDsp, SelPicksBytesByGe) {
  s().ge = 0b0101;
  r(2) = 0x11223344;
  r(3) = 0xaabbccdd;
  run({0xfaa2, 0xf183});  // sel r1, r2, r3
  EXPECT_EQ(r(1), 0xaa22cc44u);

  // Byte-wise maximum: usub8 sets GE where r2 >= r3, sel picks r2 there.
  r(2) = 0x10f00380;
  r(3) = 0x20e00390;
  run({0xfac2, 0xf443, 0xfaa2, 0xf183});  // usub8 r4, r2, r3; sel r1, r2, r3
  EXPECT_EQ(s().ge, 0b0110);
  EXPECT_EQ(r(1), 0x20f00390u);
}

}  // namespace
}  // namespace minifvp::test
