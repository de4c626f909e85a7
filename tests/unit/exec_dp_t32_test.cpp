// 32-bit data-processing encodings: modified immediate (ThumbExpandImm_C), plain binary immediate,
// shifted register, register-controlled shifts, extend, bitfield, miscellaneous and Armv8.1-M
// conditional select. Encodings come from arm-none-eabi-as; expected values are derived from the
// Armv8-M ARM pseudocode by hand.
#include "exec_test_fixture.h"

namespace minifvp::test {
namespace {

using DpT32 = ExecTest;

TEST_F(DpT32, ThumbExpandImmPatterns) {
  run({0xf04f, 0x00ab});  // mov.w r0, #0xab  (00: 000000XY)
  EXPECT_EQ(r(0), 0x000000abu);
  run({0xf04f, 0x10ab});  // mov.w r0, #0x00ab00ab  (01)
  EXPECT_EQ(r(0), 0x00ab00abu);
  run({0xf04f, 0x20ab});  // mov.w r0, #0xab00ab00  (10)
  EXPECT_EQ(r(0), 0xab00ab00u);
  run({0xf04f, 0x30ab});  // mov.w r0, #0xabababab  (11)
  EXPECT_EQ(r(0), 0xababababu);
  run({0xf44f, 0x707f});  // mov.w r0, #0x3fc  (rotated: 0xff ror 30)
  EXPECT_EQ(r(0), 0x3fcu);
}

TEST_F(DpT32, ThumbExpandImmCarry) {
  set_nzcv(false, false, false, false);
  run({0xf05f, 0x4000});  // movs.w r0, #0x80000000 : rotated, carry = bit 31 = 1
  EXPECT_EQ(r(0), 0x80000000u);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().n);

  set_nzcv(false, false, true, false);
  run({0xf05f, 0x4080});  // movs.w r0, #0x40000000 : rotated, carry = bit 31 = 0
  EXPECT_EQ(r(0), 0x40000000u);
  EXPECT_FALSE(s().c);

  set_nzcv(false, false, true, false);
  run({0xf05f, 0x00ff});  // movs.w r0, #0xff : not rotated, carry unchanged
  EXPECT_TRUE(s().c);
  set_nzcv(false, false, false, false);
  run({0xf05f, 0x00ff});
  EXPECT_FALSE(s().c);

  r(1) = 0x12345678;
  set_nzcv(false, false, false, false);
  run({0xf011, 0x407f});  // ands.w r0, r1, #0xff000000
  EXPECT_EQ(r(0), 0x12000000u);
  EXPECT_TRUE(s().c);

  r(1) = 0x80000000;
  set_nzcv(false, false, false, false);
  run({0xf091, 0x4f00});  // teq.w r1, #0x80000000
  EXPECT_TRUE(s().z);
  EXPECT_TRUE(s().c);
  EXPECT_EQ(r(1), 0x80000000u);
}

TEST_F(DpT32, ModifiedImmediateLogicalOps) {
  run({0xf06f, 0x10ff});  // mvn.w r0, #0x00ff00ff
  EXPECT_EQ(r(0), 0xff00ff00u);
  r(1) = 0;
  run({0xf061, 0x00ff});  // orn r0, r1, #0xff
  EXPECT_EQ(r(0), 0xffffff00u);
  r(1) = 0x0f0f0f0f;
  run({0xf081, 0x10ff});  // eor.w r0, r1, #0x00ff00ff
  EXPECT_EQ(r(0), 0x0ff00ff0u);
  r(1) = 0x1234;
  run({0xf021, 0x00ff});  // bic.w r0, r1, #0xff
  EXPECT_EQ(r(0), 0x1200u);
  r(1) = 0x1;
  run({0xf441, 0x7080});  // orr.w r0, r1, #0x100
  EXPECT_EQ(r(0), 0x101u);
}

TEST_F(DpT32, ModifiedImmediateArithmetic) {
  r(1) = 0x80000000;
  set_nzcv(false, false, false, false);
  run({0xf111, 0x4000});  // adds.w r0, r1, #0x80000000
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().z);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().v);

  r(1) = 1;
  set_nzcv(false, false, true, false);
  run({0xf141, 0x0001});  // adc.w r0, r1, #1 : 1 + 1 + C
  EXPECT_EQ(r(0), 3u);
  EXPECT_TRUE(s().c);  // no S: flags unchanged
  EXPECT_FALSE(s().z);

  r(1) = 1;
  set_nzcv(false, false, false, false);
  run({0xf171, 0x0001});  // sbcs.w r0, r1, #1 : 1 - 1 - NOT(C)
  EXPECT_EQ(r(0), 0xffffffffu);
  EXPECT_FALSE(s().c);
  EXPECT_TRUE(s().n);

  r(1) = 30;
  run({0xf1c1, 0x0064});  // rsb.w r0, r1, #100
  EXPECT_EQ(r(0), 70u);

  r(1) = 0xff;
  set_nzcv(false, false, true, false);
  run({0xf5b1, 0x7f80});  // cmp.w r1, #0x100
  EXPECT_TRUE(s().n);
  EXPECT_FALSE(s().c);

  r(1) = 0xffffffff;
  set_nzcv(false, false, false, false);
  run({0xf111, 0x0f01});  // cmn.w r1, #1
  EXPECT_TRUE(s().z);
  EXPECT_TRUE(s().c);

  r(13) = 0x8000;
  run({0xf5ad, 0x7d80});  // sub.w sp, sp, #0x100
  EXPECT_EQ(r(13), 0x7f00u);
}

TEST_F(DpT32, PlainBinaryImmediates) {
  r(1) = 1;
  run({0xf601, 0x70ff});  // addw r0, r1, #0xfff
  EXPECT_EQ(r(0), 0x1000u);
  run({0xf2a1, 0x0001});  // subw r0, r1, #1
  EXPECT_EQ(r(0), 0u);
  r(13) = 0x8000;
  run({0xf20d, 0x0004});  // addw r0, sp, #4
  EXPECT_EQ(r(0), 0x8004u);

  EXPECT_EQ(row_name(0xf20f0008), "T32_ADR_T3");
  run({0xf20f, 0x0008});  // addw r0, pc, #8 (ADR.W): Align(0x1004, 4) + 8
  EXPECT_EQ(r(0), CpuHarness::kCodeBase + 12);
  run({0xf2af, 0x0008});  // subw r0, pc, #8 (ADR.W, subtract)
  EXPECT_EQ(r(0), CpuHarness::kCodeBase - 4);

  r(0) = 0xffffffff;
  run({0xf241, 0x2034, 0xf2c5, 0x6078});  // movw r0, #0x1234; movt r0, #0x5678
  EXPECT_EQ(r(0), 0x56781234u);
  r(0) = 0xaaaabbbb;
  run({0xf2c5, 0x6078});  // movt keeps the bottom half
  EXPECT_EQ(r(0), 0x5678bbbbu);
}

TEST_F(DpT32, ShiftedRegisterOperands) {
  r(1) = 1;
  r(2) = 0x10;
  run({0xeb01, 0x1002});  // add.w r0, r1, r2, lsl #4
  EXPECT_EQ(r(0), 0x101u);

  r(1) = 0xffffffff;
  r(2) = 0x80000000;
  set_nzcv(false, false, false, false);
  run({0xea11, 0x0012});  // ands.w r0, r1, r2, lsr #32 : operand 0, carry = bit 31
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().z);
  EXPECT_TRUE(s().c);

  r(1) = 3;
  set_nzcv(false, false, true, false);
  run({0xea5f, 0x0031});  // rrxs r0, r1
  EXPECT_EQ(r(0), 0x80000001u);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().n);
  r(1) = 2;
  set_nzcv(false, false, false, false);
  run({0xea5f, 0x0031});  // rrxs r0, r1
  EXPECT_EQ(r(0), 1u);
  EXPECT_FALSE(s().c);

  r(1) = 0xf;
  set_nzcv(false, false, false, false);
  run({0xea5f, 0x1031});  // movs.w r0, r1, ror #4
  EXPECT_EQ(r(0), 0xf0000000u);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().n);

  r(1) = 0x40000000;
  run({0xea6f, 0x0041});  // mvn.w r0, r1, lsl #1
  EXPECT_EQ(r(0), 0x7fffffffu);

  r(1) = 10;
  r(2) = 2;
  set_nzcv(false, false, false, false);
  run({0xeb61, 0x0042});  // sbc.w r0, r1, r2, lsl #1 : 10 - 4 - 1
  EXPECT_EQ(r(0), 5u);

  r(1) = 4;
  r(2) = 1;
  set_nzcv(false, false, false, false);
  run({0xebd1, 0x0082});  // rsbs.w r0, r1, r2, lsl #2 : 4 - 4
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().z);
  EXPECT_TRUE(s().c);

  r(1) = 3;
  r(2) = 2;
  set_nzcv(false, false, false, false);
  run({0xebb1, 0x0f42});  // cmp.w r1, r2, lsl #1 : 3 - 4
  EXPECT_TRUE(s().n);
  EXPECT_FALSE(s().c);

  r(1) = 0x1234;
  r(2) = 0x1234;
  run({0xea91, 0x0f02});  // teq.w r1, r2
  EXPECT_TRUE(s().z);

  r(1) = 0x7fffffff;
  r(2) = 0x80000000;
  set_nzcv(false, false, false, false);
  run({0xea51, 0x70e2});  // orrs.w r0, r1, r2, asr #31 : operand all ones, carry bit 30 = 0
  EXPECT_EQ(r(0), 0xffffffffu);
  EXPECT_FALSE(s().c);
  EXPECT_TRUE(s().n);

  r(13) = 0x8000;
  r(1) = 3;
  run({0xeb0d, 0x0081});  // add.w r0, sp, r1, lsl #2
  EXPECT_EQ(r(0), 0x800cu);
}

TEST_F(DpT32, PackHalfword) {
  r(1) = 0x1111aaaa;
  r(2) = 0x0000bbbb;
  run({0xeac1, 0x4002});  // pkhbt r0, r1, r2, lsl #16
  EXPECT_EQ(r(0), 0xbbbbaaaau);
  r(1) = 0xaaaa1111;
  r(2) = 0xbbbb0000;
  run({0xeac1, 0x4022});  // pkhtb r0, r1, r2, asr #16
  EXPECT_EQ(r(0), 0xaaaabbbbu);
}

TEST_F(DpT32, RegisterControlledShifts) {
  r(1) = 1;
  r(2) = 0xff01;  // bottom byte 1
  set_nzcv(false, false, true, false);
  run({0xfa11, 0xf002});  // lsls.w r0, r1, r2
  EXPECT_EQ(r(0), 2u);
  EXPECT_FALSE(s().c);

  r(1) = 0x80000000;
  r(2) = 32;
  set_nzcv(false, false, false, false);
  run({0xfa31, 0xf002});  // lsrs.w r0, r1, r2
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().z);

  r(1) = 0x80000000;
  r(2) = 31;
  set_nzcv(false, false, false, false);
  run({0xfa41, 0xf002});  // asr.w r0, r1, r2 (no S)
  EXPECT_EQ(r(0), 0xffffffffu);
  EXPECT_FALSE(s().n);
  EXPECT_FALSE(s().c);

  r(1) = 0x80000001;
  r(2) = 0;
  set_nzcv(false, false, false, false);
  run({0xfa71, 0xf002});  // rors.w r0, r1, r2 : amount 0
  EXPECT_EQ(r(0), 0x80000001u);
  EXPECT_FALSE(s().c);
  EXPECT_TRUE(s().n);
}

TEST_F(DpT32, ExtendWithAndWithoutAdd) {
  r(1) = 0x100;
  r(2) = 0x0000ff00;
  run({0xfa41, 0xf092});  // sxtab r0, r1, r2, ror #8 : 0x100 + (-1)
  EXPECT_EQ(r(0), 0xffu);

  r(1) = 1;
  r(2) = 0x12345678;
  run({0xfa11, 0xf0a2});  // uxtah r0, r1, r2, ror #16
  EXPECT_EQ(r(0), 0x1235u);

  r(1) = 0x00800080;
  run({0xfa2f, 0xf081});  // sxtb16 r0, r1
  EXPECT_EQ(r(0), 0xff80ff80u);

  r(1) = 0x11223344;
  run({0xfa3f, 0xf091});  // uxtb16 r0, r1, ror #8
  EXPECT_EQ(r(0), 0x00110033u);

  r(1) = 0x00010001;
  r(2) = 0x00ff00ff;
  run({0xfa21, 0xf082});  // sxtab16 r0, r1, r2 : each half 1 + (-1)
  EXPECT_EQ(r(0), 0u);

  r(1) = 0xffff0001;
  r(2) = 0x00020003;
  run({0xfa31, 0xf082});  // uxtab16 r0, r1, r2 : halves wrap independently
  EXPECT_EQ(r(0), 0x00010004u);

  r(1) = 0x00018000;
  run({0xfa0f, 0xf081});  // sxth.w r0, r1
  EXPECT_EQ(r(0), 0xffff8000u);

  r(1) = 0xab000000;
  run({0xfa5f, 0xf0b1});  // uxtb.w r0, r1, ror #24
  EXPECT_EQ(r(0), 0xabu);
}

TEST_F(DpT32, BitfieldExtremes) {
  r(1) = 0x87654321;
  run({0xf341, 0x001f});  // sbfx r0, r1, #0, #32
  EXPECT_EQ(r(0), 0x87654321u);
  run({0xf3c1, 0x001f});  // ubfx r0, r1, #0, #32
  EXPECT_EQ(r(0), 0x87654321u);
  run({0xf3c1, 0x7003});  // ubfx r0, r1, #28, #4
  EXPECT_EQ(r(0), 8u);
  run({0xf341, 0x7003});  // sbfx r0, r1, #28, #4
  EXPECT_EQ(r(0), 0xfffffff8u);

  r(0) = 0x11111111;
  run({0xf361, 0x001f});  // bfi r0, r1, #0, #32
  EXPECT_EQ(r(0), 0x87654321u);
  r(0) = 0xffffffff;
  r(1) = 0x5;
  run({0xf361, 0x200b});  // bfi r0, r1, #8, #4
  EXPECT_EQ(r(0), 0xfffff5ffu);
  run({0xf36f, 0x001f});  // bfc r0, #0, #32
  EXPECT_EQ(r(0), 0u);
  r(0) = 0xffffffff;
  run({0xf36f, 0x70df});  // bfc r0, #31, #1
  EXPECT_EQ(r(0), 0x7fffffffu);
}

TEST_F(DpT32, CountLeadingZerosAndReverse) {
  r(1) = 0;
  run({0xfab1, 0xf081});  // clz r0, r1
  EXPECT_EQ(r(0), 32u);
  r(1) = 1;
  run({0xfab1, 0xf081});
  EXPECT_EQ(r(0), 31u);
  r(1) = 0x80000000;
  run({0xfab1, 0xf081});
  EXPECT_EQ(r(0), 0u);

  r(1) = 1;
  run({0xfa91, 0xf0a1});  // rbit r0, r1
  EXPECT_EQ(r(0), 0x80000000u);
  r(1) = 0x12345678;
  run({0xfa91, 0xf0a1});
  EXPECT_EQ(r(0), 0x1e6a2c48u);

  run({0xfa91, 0xf081});  // rev.w r0, r1
  EXPECT_EQ(r(0), 0x78563412u);
  run({0xfa91, 0xf091});  // rev16.w r0, r1
  EXPECT_EQ(r(0), 0x34127856u);
  r(1) = 0x000012ff;
  run({0xfa91, 0xf0b1});  // revsh.w r0, r1
  EXPECT_EQ(r(0), 0xffffff12u);
}

TEST_F(DpT32, ConditionalSelect) {
  r(1) = 10;
  r(2) = 20;
  set_nzcv(false, true, false, false);
  run({0xea51, 0x8002});  // csel r0, r1, r2, eq
  EXPECT_EQ(r(0), 10u);
  set_nzcv(false, false, false, false);
  run({0xea51, 0x8002});
  EXPECT_EQ(r(0), 20u);

  set_nzcv(false, true, false, false);  // NE fails: the m operand, transformed
  run({0xea51, 0x9012});                // csinc r0, r1, r2, ne
  EXPECT_EQ(r(0), 21u);
  run({0xea51, 0xa012});  // csinv r0, r1, r2, ne
  EXPECT_EQ(r(0), ~20u);
  run({0xea51, 0xb012});  // csneg r0, r1, r2, ne
  EXPECT_EQ(r(0), 0u - 20u);
  set_nzcv(false, false, false, false);  // NE holds: r1
  run({0xea51, 0xb012});
  EXPECT_EQ(r(0), 10u);

  // Aliases with the zero register (Rn/Rm = 1111).
  set_nzcv(false, true, false, false);
  run({0xea5f, 0x901f});  // cset r0, eq
  EXPECT_EQ(r(0), 1u);
  run({0xea5f, 0xa01f});  // csetm r0, eq
  EXPECT_EQ(r(0), 0xffffffffu);
  run({0xea51, 0x9011});  // cinc r0, r1, eq
  EXPECT_EQ(r(0), 11u);
  run({0xea51, 0xb011});  // cneg r0, r1, eq
  EXPECT_EQ(r(0), 0u - 10u);
  set_nzcv(false, false, false, false);
  run({0xea5f, 0x901f});  // cset r0, eq
  EXPECT_EQ(r(0), 0u);
  run({0xea51, 0x9011});  // cinc r0, r1, eq : condition false, r1 unchanged
  EXPECT_EQ(r(0), 10u);
}

}  // namespace
}  // namespace minifvp::test
