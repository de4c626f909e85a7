// Decoding of the floating-point encodings: each assembled instruction (arm-none-eabi-as
// -march=armv8.1-m.main+mve.fp+fp.dp, disassembly in the comments) selects its row, every row of
// the group has an example, and the encodings this model treats as UNDEFINED in the floating-point
// coprocessor space execute exec::fp_undefined (NOCP first, then UNDEFINSTR).
#include <gtest/gtest.h>

#include <set>
#include <string_view>

#include "cpu/decode/decoder.h"
#include "cpu/exec/fp_common.h"

namespace minifvp::cpu {
namespace {

struct Example {
  uint32_t raw;
  std::string_view row;
};

// clang-format off
constexpr Example kAssembled[] = {
    {0xee300a81, "T32_VADD_T2"},  // vadd.f32 s0, s1, s2
    {0xee310b02, "T32_VADD_T2"},  // vadd.f64 d0, d1, d2
    {0xee300981, "T32_VADD_T2"},  // vadd.f16 s0, s1, s2
    {0xee300ac1, "T32_VSUB_T2"},  // vsub.f32 s0, s1, s2
    {0xee200a81, "T32_VMUL_T2"},  // vmul.f32 s0, s1, s2
    {0xee200ac1, "T32_VNMUL_T2"},  // vnmul.f32 s0, s1, s2
    {0xee800a81, "T32_VDIV_T1"},  // vdiv.f32 s0, s1, s2
    {0xeeb10ae0, "T32_VSQRT_T1"},  // vsqrt.f32 s0, s1
    {0xeea00a81, "T32_VFMA_T2"},  // vfma.f32 s0, s1, s2
    {0xeea00ac1, "T32_VFMS_T2"},  // vfms.f32 s0, s1, s2
    {0xee900ac1, "T32_VFNMA_T1"},  // vfnma.f32 s0, s1, s2
    {0xee900a81, "T32_VFNMS_T1"},  // vfnms.f32 s0, s1, s2
    {0xee000a81, "T32_VMLA_T1"},  // vmla.f32 s0, s1, s2
    {0xee000ac1, "T32_VMLS_T1"},  // vmls.f32 s0, s1, s2
    {0xee100ac1, "T32_VNMLA_T1"},  // vnmla.f32 s0, s1, s2
    {0xee100a81, "T32_VNMLS_T1"},  // vnmls.f32 s0, s1, s2
    {0xee000981, "T32_VMLA_T1"},  // vmla.f16 s0, s1, s2
    {0xeeb10a60, "T32_VNEG_T2"},  // vneg.f32 s0, s1
    {0xeeb00ae0, "T32_VABS_T2"},  // vabs.f32 s0, s1
    {0xeeb70a00, "T32_VMOV_imm_T2"},  // vmov.f32 s0, #imm
    {0xeeb70900, "T32_VMOV_imm_T2"},  // vmov.f16 s0, #imm
    {0xeeb70b00, "T32_VMOV_imm_T2"},  // vmov.f64 d0, #imm
    {0xeeb00a60, "T32_VMOV_reg_T2"},  // vmov.f32 s0, s1
    {0xeeb00b41, "T32_VMOV_reg_T2"},  // vmov.f64 d0, d1
    {0xee001a10, "T32_VMOV_core_single_T1"},  // vmov s0, r1
    {0xee101a10, "T32_VMOV_core_single_T1"},  // vmov r1, s0
    {0xee001910, "T32_VMOV_core_half_T1"},  // vmov.f16 s0, r1
    {0xee101910, "T32_VMOV_core_half_T1"},  // vmov.f16 r1, s0
    {0xec421b10, "T32_VMOV_core_double_T1"},  // vmov d0, r1, r2
    {0xec521b10, "T32_VMOV_core_double_T1"},  // vmov r1, r2, d0
    {0xec421a10, "T32_VMOV_core_singles_T1"},  // vmov s0, s1, r1, r2
    {0xec521a10, "T32_VMOV_core_singles_T1"},  // vmov r1, r2, s0, s1
    {0xee201b10, "T32_VMOV_scalar_T1"},  // vmov.32 d0[1], r1
    {0xee301b10, "T32_VMOV_scalar_T1"},  // vmov.32 r1, d0[1]
    {0xeef11a10, "T32_VMRS_VMSR_T1"},  // vmrs r1, fpscr
    {0xeef1fa10, "T32_VMRS_VMSR_T1"},  // vmrs APSR_nzcv, fpscr
    {0xeee11a10, "T32_VMRS_VMSR_T1"},  // vmsr fpscr, r1
    {0xeef21a10, "T32_VMRS_VMSR_T1"},  // vmrs r1, fpscr_nzcvqc
    {0xeee21a10, "T32_VMRS_VMSR_T1"},  // vmsr fpscr_nzcvqc, r1
    {0xeefc1a10, "T32_VMRS_VMSR_T1"},  // vmrs r1, vpr
    {0xeeec1a10, "T32_VMRS_VMSR_T1"},  // vmsr vpr, r1
    {0xeefd1a10, "T32_VMRS_VMSR_T1"},  // vmrs r1, p0
    {0xeeed1a10, "T32_VMRS_VMSR_T1"},  // vmsr p0, r1
    {0xeef81a10, "T32_VMRS_VMSR_T1"},  // vmrs r1, fpexc
    {0xeeb40a60, "T32_VCMP_T1"},  // vcmp.f32 s0, s1
    {0xeeb40ae0, "T32_VCMP_T1"},  // vcmpe.f32 s0, s1
    {0xeeb50a40, "T32_VCMP_zero_T2"},  // vcmp.f32 s0, #0.0
    {0xeeb50ac0, "T32_VCMP_zero_T2"},  // vcmpe.f32 s0, #0.0
    {0xeebd0ae0, "T32_VCVT_to_int_T1"},  // vcvt.s32.f32 s0, s1
    {0xeebd0a60, "T32_VCVT_to_int_T1"},  // vcvtr.s32.f32 s0, s1
    {0xeebc0ae0, "T32_VCVT_to_int_T1"},  // vcvt.u32.f32 s0, s1
    {0xeeb80ae0, "T32_VCVT_from_int_T1"},  // vcvt.f32.s32 s0, s1
    {0xeeb80a60, "T32_VCVT_from_int_T1"},  // vcvt.f32.u32 s0, s1
    {0xeebd0bc1, "T32_VCVT_to_int_T1"},  // vcvt.s32.f64 s0, d1
    {0xeeb80be0, "T32_VCVT_from_int_T1"},  // vcvt.f64.s32 d0, s1
    {0xeebe0a66, "T32_VCVT_to_fixed_T1"},  // vcvt.s16.f32 s0, s0, #3
    {0xeebf0aee, "T32_VCVT_to_fixed_T1"},  // vcvt.u32.f32 s0, s0, #3
    {0xeeba0a66, "T32_VCVT_from_fixed_T1"},  // vcvt.f32.s16 s0, s0, #3
    {0xeebb0bee, "T32_VCVT_from_fixed_T1"},  // vcvt.f64.u32 d0, d0, #3
    {0xeeb70ae0, "T32_VCVT_ds_T1"},  // vcvt.f64.f32 d0, s1
    {0xeeb70bc1, "T32_VCVT_ds_T1"},  // vcvt.f32.f64 s0, d1
    {0xeeb30a60, "T32_VCVTBT_to_half_T1"},  // vcvtb.f16.f32 s0, s1
    {0xeeb30ae0, "T32_VCVTBT_to_half_T1"},  // vcvtt.f16.f32 s0, s1
    {0xeeb20a60, "T32_VCVTBT_from_half_T1"},  // vcvtb.f32.f16 s0, s1
    {0xeeb20be0, "T32_VCVTBT_from_half_T1"},  // vcvtt.f64.f16 d0, s1
    {0xeeb30b41, "T32_VCVTBT_to_half_T1"},  // vcvtb.f16.f64 s0, d1
    {0xfebc0ae0, "T32_VCVT_directed_T1"},  // vcvta.s32.f32 s0, s1
    {0xeebc0bc1, "T32_VCVT_to_int_T1"},  // vcvt.u32.f64 s0, d1
    {0xfebe09e0, "T32_VCVT_directed_T1"},  // vcvtp.s32.f16 s0, s1
    {0xfebf0ae0, "T32_VCVT_directed_T1"},  // vcvtm.s32.f32 s0, s1
    {0xeebd09e0, "T32_VCVT_to_int_T1"},  // vcvt.s32.f16 s0, s1
    {0xeeb809e0, "T32_VCVT_from_int_T1"},  // vcvt.f16.s32 s0, s1
    {0xeeba09ee, "T32_VCVT_from_fixed_T1"},  // vcvt.f16.s32 s0, s0, #3
    {0xfeb80a60, "T32_VRINT_directed_T1"},  // vrinta.f32 s0, s1
    {0xfeb90a60, "T32_VRINT_directed_T1"},  // vrintn.f32 s0, s1
    {0xfeba0a60, "T32_VRINT_directed_T1"},  // vrintp.f32 s0, s1
    {0xfebb0a60, "T32_VRINT_directed_T1"},  // vrintm.f32 s0, s1
    {0xeeb70a60, "T32_VRINTX_T1"},  // vrintx.f32 s0, s1
    {0xeeb60ae0, "T32_VRINTRZ_T1"},  // vrintz.f32 s0, s1
    {0xeeb60a60, "T32_VRINTRZ_T1"},  // vrintr.f32 s0, s1
    {0xfe000a81, "T32_VSEL_T1"},  // vseleq.f32 s0, s1, s2
    {0xfe100a81, "T32_VSEL_T1"},  // vselvs.f32 s0, s1, s2
    {0xfe200a81, "T32_VSEL_T1"},  // vselge.f32 s0, s1, s2
    {0xfe310b02, "T32_VSEL_T1"},  // vselgt.f64 d0, d1, d2
    {0xfe800a81, "T32_VMAXNM_T2"},  // vmaxnm.f32 s0, s1, s2
    {0xfe800ac1, "T32_VMINNM_T2"},  // vminnm.f32 s0, s1, s2
    {0xfeb00ae0, "T32_VINS_T1"},  // vins.f16 s0, s1
    {0xfeb00a60, "T32_VMOVX_T1"},  // vmovx.f16 s0, s1
    {0xed910a01, "T32_VLDR_T1"},  // vldr s0, [r1, #4]
    {0xed110b01, "T32_VLDR_T1"},  // vldr d0, [r1, #-4]
    {0xed910901, "T32_VLDR_T1"},  // vldr.16 s0, [r1, #2]
    {0xed810a01, "T32_VSTR_T1"},  // vstr s0, [r1, #4]
    {0xed810901, "T32_VSTR_T1"},  // vstr.16 s0, [r1, #2]
    {0xecb10a04, "T32_VLDM_IA_T1"},  // vldmia r1!, {s0-s3}
    {0xed310b08, "T32_VLDM_DB_T1"},  // vldmdb r1!, {d0-d3}
    {0xec810a04, "T32_VSTM_IA_T1"},  // vstmia r1, {s0-s3}
    {0xed2d8b04, "T32_VSTM_DB_T1"},  // vpush {d8-d9}
    {0xecbd8a02, "T32_VLDM_IA_T1"},  // vpop {s16-s17}
    {0xed912f81, "T32_VLDR_sysreg_T1"},  // vldr FPSCR, [r1, #4]
    {0xed214f81, "T32_VSTR_sysreg_T1"},  // vstr FPSCR_nzcvqc, [r1, #-4]!
    {0xecf18f81, "T32_VLDR_sysreg_T1"},  // vldr VPR, [r1], #4
    {0xedc1af81, "T32_VSTR_sysreg_T1"},  // vstr P0, [r1, #4]
    {0xedd1cf80, "T32_VLDR_sysreg_T1"},  // vldr FPCXTNS, [r1]
    {0xedc1ef80, "T32_VSTR_sysreg_T1"},  // vstr FPCXTS, [r1]
    {0xec9f0a04, "T32_VLDM_IA_T1"},  // vscclrm {s0-s3, VPR}
    {0xec300a00, "T32_FP_space_1110110"},  // vlldm r0
    {0xec200a00, "T32_FP_space_1110110"},  // vlstm r0
    {0xeeb40960, "T32_VCMP_T1"},  // vcmp.f16 s0, s1
    {0xeeb50b40, "T32_VCMP_zero_T2"},  // vcmp.f64 d0, #0.0
    {0xeeb009e0, "T32_VABS_T2"},  // vabs.f16 s0, s1
    {0xeeb10bc1, "T32_VSQRT_T1"},  // vsqrt.f64 d0, d1
    {0xeeb81b04, "T32_VMOV_imm_T2"},  // vmov.f64 d1, #imm
    {0xeef61900, "T32_VMOV_imm_T2"},  // vmov.f16 s3, #imm
    {0xeef32a0f, "T32_VMOV_imm_T2"},  // vmov.f32 s5, #imm
    {0xee302b01, "T32_VADD_T2"},  // vadd.f64 d2, d0, d1
    {0xee3229c3, "T32_VSUB_T2"},  // vsub.f16 s4, s5, s6
    {0xee843b05, "T32_VDIV_T1"},  // vdiv.f64 d3, d4, d5
    {0xeef1facf, "T32_VSQRT_T1"},  // vsqrt.f32 s31, s30
    {0xeef40a41, "T32_VCMP_T1"},  // vcmp.f32 s1, s2
    {0xeeb51bc0, "T32_VCMP_zero_T2"},  // vcmpe.f64 d1, #0.0
    {0xfeb01a61, "T32_VMOVX_T1"},  // vmovx.f16 s2, s3
    {0xfeb01ae1, "T32_VINS_T1"},  // vins.f16 s2, s3
    {0xed9f1a02, "T32_VLDR_T1"},  // vldr s2, [pc, #8]
    {0xed111903, "T32_VLDR_T1"},  // vldr.16 s2, [r1, #-6]
    {0xed815bff, "T32_VSTR_T1"},  // vstr d5, [r1, #1020]
    {0xed2d0a20, "T32_VSTM_DB_T1"},  // vpush {s0-s31}
    {0xecbd0b20, "T32_VLDM_IA_T1"},  // vpop {d0-d15}
    {0xeca1eb04, "T32_VSTM_IA_T1"},  // vstmia r1!, {d14-d15}
    {0xeef20ac1, "T32_VCVTBT_from_half_T1"},  // vcvtt.f32.f16 s1, s2
    {0xeef31a42, "T32_VCVTBT_to_half_T1"},  // vcvtb.f16.f32 s3, s4
    {0xeefd0b42, "T32_VCVT_to_int_T1"},  // vcvtr.s32.f64 s1, d2
    {0xeeb81b60, "T32_VCVT_from_int_T1"},  // vcvt.f64.u32 d1, s1
    {0xeebf1b40, "T32_VCVT_to_fixed_T1"},  // vcvt.u16.f64 d1, d1, #16
    {0xeefe0aef, "T32_VCVT_to_fixed_T1"},  // vcvt.s32.f32 s1, s1, #1
    {0xfebb1b42, "T32_VRINT_directed_T1"},  // vrintm.f64 d1, d2
    {0xeef70941, "T32_VRINTX_T1"},  // vrintx.f16 s1, s2
    {0xfe610a21, "T32_VSEL_T1"},  // vselge.f32 s1, s2, s3
    {0xfec10961, "T32_VMINNM_T2"},  // vminnm.f16 s1, s2, s3
    {0xee221b43, "T32_VNMUL_T2"},  // vnmul.f64 d1, d2, d3
    {0xeed10a21, "T32_VFNMS_T1"},  // vfnms.f32 s1, s2, s3
    {0xec532b17, "T32_VMOV_core_double_T1"},  // vmov r2, r3, d7
    {0xec432b17, "T32_VMOV_core_double_T1"},  // vmov d7, r2, r3
    {0xee135b10, "T32_VMOV_scalar_T1"},  // vmov.32 r5, d3[0]
    {0xec042f03, "T32_VMOV_two_lanes_T1"},  // vmov r3, r4, q1[2], q1[0] (MVE)
    {0xee0f4a90, "T32_VMOV_core_single_T1"},  // vmov s31, r4
    {0xec554a1f, "T32_VMOV_core_singles_T1"},  // vmov r4, r5, s30, s31
    {0xeef23a10, "T32_VMRS_VMSR_T1"},  // vmrs r3, fpscr_nzcvqc
    {0xeeed2a10, "T32_VMRS_VMSR_T1"},  // vmsr p0, r2
    {0xed6d8f81, "T32_VSTR_sysreg_T1"},  // vstr VPR, [sp, #-4]!
    {0xed51af82, "T32_VLDR_sysreg_T1"},  // vldr P0, [r1, #-8]
};
// clang-format on

// Encodings that match a row but are UNDEFINED (or UNPREDICTABLE, treated as UNDEFINED) here.
constexpr uint32_t kUndefinedHere[] = {
    0xeef81a10,  // vmrs r1, fpexc: M-profile has no FPEXC
    0xedd1cf80,  // vldr FPCXTNS, [r1]: Security Extension FP context, not modelled
    0xedc1ef80,  // vstr FPCXTS, [r1]
    0xec9f0a04,  // vscclrm {s0-s3, VPR}: Security Extension, not modelled (VLDM with Rn = PC)
    0xec300a00,  // vlldm r0: Security Extension lazy state, not modelled
    0xec200a00,  // vlstm r0
    0xee300881,  // vadd with size '00' (coprocessor 8)
    0xeeb00960,  // vmov.f16 s0, s1: VMOV (register) has no half-precision form
    0xeebe0a68,  // vcvt.s16.f32 with imm4:i = 17: frac_bits = 16 - 17 < 0
    0xee10fa10,  // vmov pc, s0 (Rt = 15)
    0xec5f1b10,  // vmov r1, pc, d0
    0xec511b10,  // vmov r1, r1, d0 (same destination twice)
    0xec521a3f,  // vmov r1, r2, s31, s32: S31 is the last register
    0xeef2fa10,  // vmrs APSR_nzcv, fpscr_nzcvqc
    0xed8f0a01,  // vstr s0, [pc, #4]
    0xecb10a00,  // vldmia r1!, {} (no registers)
    0xecb10b22,  // vldmia r1!, {d0-d16}: 17 doubles
};

TEST(FloatingPointDecode, AssemblerEncodingsDecodeToTheirRows) {
  std::set<std::string_view> rows_seen;
  const std::set<uint32_t> undefined(std::begin(kUndefinedHere), std::end(kUndefinedHere));
  for (const Example& e : kAssembled) {
    DecodedInsn insn;
    const DecodeStatus status = Decoder::instance().decode(e.raw, true, insn);
    ASSERT_NE(insn.encoding, nullptr) << std::hex << e.raw;
    EXPECT_EQ(insn.encoding->name, e.row) << std::hex << e.raw;
    rows_seen.insert(e.row);
    if (undefined.contains(e.raw)) {
      EXPECT_EQ(insn.exec, exec::fp_undefined) << std::hex << e.raw;
    } else {
      EXPECT_EQ(status, DecodeStatus::Ok) << std::hex << e.raw;
      EXPECT_NE(insn.exec, exec::fp_undefined) << e.row << " " << std::hex << e.raw;
    }
  }
  for (const Encoding* e : Decoder::instance().rows(true)) {
    if (e->klass != InsnClass::Coprocessor) continue;
    if (e->name.starts_with("T32_FP_space_")) continue;
    EXPECT_TRUE(rows_seen.contains(e->name)) << e->name << " has no assembled example";
  }
}

TEST(FloatingPointDecode, UndefinedFieldValuesExecuteTheFpUndefinedFunction) {
  for (uint32_t raw : kUndefinedHere) {
    DecodedInsn insn;
    EXPECT_EQ(Decoder::instance().decode(raw, true, insn), DecodeStatus::Ok) << std::hex << raw;
    EXPECT_EQ(insn.exec, exec::fp_undefined) << std::hex << raw;
  }
}

TEST(FloatingPointDecode, OperandsAndFormats) {
  DecodedInsn insn;
  // vsqrt.f32 s31, s30: single registers are Vd:D.
  ASSERT_EQ(Decoder::instance().decode(0xeef1facf, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.d, 31);
  EXPECT_EQ(insn.m, 30);
  EXPECT_EQ(insn.imm2, static_cast<uint32_t>(fp::Format::F32));
  // vdiv.f64 d3, d4, d5: double registers are D:Vd.
  ASSERT_EQ(Decoder::instance().decode(0xee843b05, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.d, 3);
  EXPECT_EQ(insn.n, 4);
  EXPECT_EQ(insn.m, 5);
  EXPECT_EQ(insn.imm2, static_cast<uint32_t>(fp::Format::F64));
  // vmov.f64 d1, #-2.5: VFPExpandImm high word 0xc0040000.
  ASSERT_EQ(Decoder::instance().decode(0xeeb81b04, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.imm, 0xc0040000u);
  // vmov.f32 s0, #1.0 and vmov.f16 s0, #1.0.
  ASSERT_EQ(Decoder::instance().decode(0xeeb70a00, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.imm, 0x3f800000u);
  ASSERT_EQ(Decoder::instance().decode(0xeeb70900, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.imm, 0x3c00u);
  // vcvt.u16.f64 d1, d1, #16: 16 fraction bits, 16-bit unsigned.
  ASSERT_EQ(Decoder::instance().decode(0xeebf1b40, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.imm, 16u);
  EXPECT_EQ(insn.shift_n, 16);
  EXPECT_TRUE(insn.flag);
  // vstr d5, [r1, #1020]
  ASSERT_EQ(Decoder::instance().decode(0xed815bff, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.imm, 1020u);
  EXPECT_TRUE(insn.add);
  // vldr.16 s2, [r1, #-6]: half-precision offsets scale by 2.
  ASSERT_EQ(Decoder::instance().decode(0xed111903, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.imm, 6u);
  EXPECT_FALSE(insn.add);
}

}  // namespace
}  // namespace minifvp::cpu
