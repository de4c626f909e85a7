// Decode-level checks of the data-processing and multiply tables: the "SEE other encoding" rows
// win, UNPREDICTABLE register choices decode as DecodeStatus::Unpredictable (our documented
// CONSTRAINED UNPREDICTABLE choice), and decode pre-computes the operands execute needs.
#include "exec_test_fixture.h"

namespace minifvp::test {
namespace {

using cpu::DecodeStatus;
using DpDecode = ExecTest;

TEST_F(DpDecode, SpecificRowsWin) {
  EXPECT_EQ(row_name(0xf0100f01), "T32_TST_imm_T1");  // tst.w r0, #1
  EXPECT_EQ(row_name(0xf5b17f80), "T32_CMP_imm_T2");  // cmp.w r1, #0x100
  EXPECT_EQ(row_name(0xea4f0081), "T32_MOV_reg_T3");  // mov.w r0, r1, lsl #2
  EXPECT_EQ(row_name(0xea910f02), "T32_TEQ_reg_T1");  // teq.w r1, r2
  EXPECT_EQ(row_name(0xf36f001f), "T32_BFC_T1");      // bfc r0, #0, #32
  EXPECT_EQ(row_name(0xf3a10008), "T32_USAT16_T1");   // usat16 r0, #8, r1
  EXPECT_EQ(row_name(0xfb12f103), "T32_SMULxy_T1");   // smulbb r1, r2, r3
  EXPECT_EQ(row_name(0xfb02f103), "T32_MUL_T2");      // mul.w r1, r2, r3
  EXPECT_EQ(row_name(0xfb72f103), "T32_USAD8_T1");    // usad8 r1, r2, r3
  EXPECT_EQ(row_name(0xfa5ff0b1), "T32_UXTB_T2");     // uxtb.w r0, r1, ror #24
  EXPECT_EQ(row_name(0xea5f901f), "T32_CSINC_T1");    // cset r0, eq
  EXPECT_EQ(row_name(0xf2af0008), "T32_ADR_T2");      // subw r0, pc, #8
  EXPECT_EQ(row_name(0x4348), "T16_MUL_T1");          // muls r0, r1, r0
  EXPECT_EQ(row_name(0x4248), "T16_RSB_imm_T1");      // rsbs r0, r1, #0
}

TEST_F(DpDecode, UnpredictableRegisterChoices) {
  EXPECT_EQ(decode_status(0x4508), DecodeStatus::Unpredictable);      // cmp r0, r1 as T2 (both low)
  EXPECT_EQ(decode_status(0x44ff), DecodeStatus::Unpredictable);      // add pc, pc
  EXPECT_EQ(decode_status(0xea000d01), DecodeStatus::Unpredictable);  // and.w sp, r0, r1
  EXPECT_EQ(decode_status(0xf1010d04), DecodeStatus::Unpredictable);  // add.w sp, r1, #4
  EXPECT_EQ(decode_status(0xf10d0d04), DecodeStatus::Ok);             // add.w sp, sp, #4
  EXPECT_EQ(decode_status(0xeb0d1d01), DecodeStatus::Unpredictable);  // add.w sp, sp, r1, lsl #4
  EXPECT_EQ(decode_status(0xeb0d0d81), DecodeStatus::Ok);             // add.w sp, sp, r1, lsl #2
  EXPECT_EQ(decode_status(0xea4f0d0d), DecodeStatus::Unpredictable);  // mov.w sp, sp
  EXPECT_EQ(decode_status(0xea5f000d), DecodeStatus::Unpredictable);  // movs.w r0, sp
  EXPECT_EQ(decode_status(0xea4f000d), DecodeStatus::Ok);             // mov.w r0, sp
  EXPECT_EQ(decode_status(0xfab1f082), DecodeStatus::Unpredictable);  // clz with Rm fields 1 and 2
  EXPECT_EQ(decode_status(0xfb92fff3), DecodeStatus::Unpredictable);  // sdiv pc, r2, r3
  EXPECT_EQ(decode_status(0xfb831104), DecodeStatus::Unpredictable);  // smull r1, r1, r3, r4
  EXPECT_EQ(decode_status(0xfb02d103), DecodeStatus::Unpredictable);  // mla with Ra = sp
  EXPECT_EQ(decode_status(0xfb02f113), DecodeStatus::Unpredictable);  // mls with Ra = pc
}

TEST_F(DpDecode, UnpredictableImmediateAndConditionChoices) {
  // ThumbExpandImm with a replicated pattern and imm8 == 0.
  EXPECT_EQ(decode_status(0xf04f1000), DecodeStatus::Unpredictable);
  EXPECT_EQ(decode_status(0xf04f0000), DecodeStatus::Ok);  // mov.w r0, #0
  // CSEL with condition AL.
  EXPECT_EQ(decode_status(0xea5180e2), DecodeStatus::Unpredictable);
  // SBFX with lsb 30 and width 4 (msbit 33).
  EXPECT_EQ(decode_status(0xf3417083), DecodeStatus::Unpredictable);
  // BFI with msb 4 below lsb 8.
  EXPECT_EQ(decode_status(0xf3612004), DecodeStatus::Unpredictable);
  // SSAT with its (0) bit 5 set matches no row.
  EXPECT_EQ(decode_status(0xf3010027), DecodeStatus::Undefined);
  // SSAT16 with its (0) bit 4 set lands in the SSAT row as "ASR #0", which is SSAT16's space.
  EXPECT_EQ(decode_status(0xf3210017), DecodeStatus::Unpredictable);
}

TEST_F(DpDecode, OperandsArePrecomputed) {
  cpu::DecodedInsn insn;
  ASSERT_EQ(decode(0xf05f4000, insn), DecodeStatus::Ok);  // movs.w r0, #0x80000000
  EXPECT_EQ(insn.imm, 0x80000000u);
  EXPECT_TRUE(insn.flag);  // rotated: carry = imm32<31>
  EXPECT_EQ(insn.setflags, cpu::SetFlags::Yes);

  ASSERT_EQ(decode(0xf05f00ff, insn), DecodeStatus::Ok);  // movs.w r0, #0xff
  EXPECT_FALSE(insn.flag);                                // not rotated: carry unchanged

  ASSERT_EQ(decode(0x0808, insn), DecodeStatus::Ok);  // lsrs r0, r1, #32
  EXPECT_EQ(insn.shift_type, cpu::ShiftType::LSR);
  EXPECT_EQ(insn.shift_n, 32);
  EXPECT_EQ(insn.setflags, cpu::SetFlags::OutsideIt);

  ASSERT_EQ(decode(0xea5f0031, insn), DecodeStatus::Ok);  // rrxs r0, r1
  EXPECT_EQ(insn.shift_type, cpu::ShiftType::RRX);

  ASSERT_EQ(decode(0xf3210007, insn), DecodeStatus::Ok);  // ssat16 r0, #8, r1
  EXPECT_EQ(insn.imm, 8u);
  ASSERT_EQ(decode(0xf3810008, insn), DecodeStatus::Ok);  // usat r0, #8, r1
  EXPECT_EQ(insn.imm, 8u);
  ASSERT_EQ(decode(0xf3010007, insn), DecodeStatus::Ok);  // ssat r0, #8, r1
  EXPECT_EQ(insn.imm, 8u);
}

}  // namespace
}  // namespace minifvp::test
