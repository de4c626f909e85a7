// Every load/store, branch and system row decodes the encodings the GNU assembler produces for
// it (arm-none-eabi-as -march=armv8.1-m.main+mve+dsp, listing from arm-none-eabi-objdump -d), and
// the UNPREDICTABLE/UNDEFINED rules of the decode pseudocode hold for chosen encodings.
#include <gtest/gtest.h>

#include <set>
#include <string_view>

#include "cpu/decode/decoder.h"
#include "cpu/exec/load_store.h"

namespace minifvp::cpu {
namespace {

struct Expected {
  uint32_t raw;
  bool is32;
  std::string_view row;
};

constexpr Expected kAssembled[] = {
    {0x4b83, false, "T16_LDR_lit_T1"},      // ldr	r3, [pc, #524]	@ (210 <lit>)
    {0x50d1, false, "T16_STR_reg_T1"},      // str	r1, [r2, r3]
    {0x52d1, false, "T16_STRH_reg_T1"},     // strh	r1, [r2, r3]
    {0x54d1, false, "T16_STRB_reg_T1"},     // strb	r1, [r2, r3]
    {0x56d1, false, "T16_LDRSB_reg_T1"},    // ldrsb	r1, [r2, r3]
    {0x58d1, false, "T16_LDR_reg_T1"},      // ldr	r1, [r2, r3]
    {0x5ad1, false, "T16_LDRH_reg_T1"},     // ldrh	r1, [r2, r3]
    {0x5cd1, false, "T16_LDRB_reg_T1"},     // ldrb	r1, [r2, r3]
    {0x5ed1, false, "T16_LDRSH_reg_T1"},    // ldrsh	r1, [r2, r3]
    {0x6051, false, "T16_STR_imm_T1"},      // str	r1, [r2, #4]
    {0x6fd1, false, "T16_LDR_imm_T1"},      // ldr	r1, [r2, #124]	@ 0x7c
    {0x77d1, false, "T16_STRB_imm_T1"},     // strb	r1, [r2, #31]
    {0x7851, false, "T16_LDRB_imm_T1"},     // ldrb	r1, [r2, #1]
    {0x87d1, false, "T16_STRH_imm_T1"},     // strh	r1, [r2, #62]	@ 0x3e
    {0x8851, false, "T16_LDRH_imm_T1"},     // ldrh	r1, [r2, #2]
    {0x91ff, false, "T16_STR_imm_T2"},      // str	r1, [sp, #1020]	@ 0x3fc
    {0x9902, false, "T16_LDR_imm_T2"},      // ldr	r1, [sp, #8]
    {0xb510, false, "T16_PUSH_T1"},         // push	{r4, lr}
    {0xbd10, false, "T16_POP_T1"},          // pop	{r4, pc}
    {0xc10c, false, "T16_STM_T1"},          // stmia	r1!, {r2, r3}
    {0xc906, false, "T16_LDM_T1"},          // ldmia	r1, {r1, r2}
    {0xe8a1400c, true, "T32_STM_T2"},       // stmia.w	r1!, {r2, r3, lr}
    {0xe891800c, true, "T32_LDM_T2"},       // ldmia.w	r1, {r2, r3, pc}
    {0xe921000c, true, "T32_STMDB_T1"},     // stmdb	r1!, {r2, r3}
    {0xe911000c, true, "T32_LDMDB_T1"},     // ldmdb	r1, {r2, r3}
    {0xe92d4ff0, true, "T32_PUSH_T2"},      // stmdb	sp!, {r4, r5, r6, r7, r8, r9, sl, fp, lr}
    {0xe8bd8ff0, true, "T32_POP_T2"},       // ldmia.w	sp!, {r4, r5, r6, r7, r8, r9, sl, fp, pc}
    {0xe9631202, true, "T32_STRD_imm_T1"},  // strd	r1, r2, [r3, #-8]!
    {0xe8e31202, true, "T32_STRD_imm_T1_post"},  // strd	r1, r2, [r3], #8
    {0xe9d312ff, true, "T32_LDRD_imm_T1"},       // ldrd	r1, r2, [r3, #1020]	@ 0x3fc
    {0xe8731201, true, "T32_LDRD_imm_T1_post"},  // ldrd	r1, r2, [r3], #-4
    {0xe9df126f, true,
     "T32_LDRD_imm_T1"},                     // ldrd	r1, r2, [pc, #444]	@ 210 <lit>	@ 0x1bc
    {0xe8421302, true, "T32_STREX_T1"},      // strex	r3, r1, [r2, #8]
    {0xe8521f02, true, "T32_LDREX_T1"},      // ldrex	r1, [r2, #8]
    {0xe8d1f002, true, "T32_TBB_T1"},        // tbb	[r1, r2]
    {0xe8dff012, true, "T32_TBH_T1"},        // tbh	[pc, r2, lsl #1]
    {0xe8c21f43, true, "T32_STREXB_T1"},     // strexb	r3, r1, [r2]
    {0xe8c21f53, true, "T32_STREXH_T1"},     // strexh	r3, r1, [r2]
    {0xe8d21f4f, true, "T32_LDREXB_T1"},     // ldrexb	r1, [r2]
    {0xe8d21f5f, true, "T32_LDREXH_T1"},     // ldrexh	r1, [r2]
    {0xe8c21f8f, true, "T32_STLB_T1"},       // stlb	r1, [r2]
    {0xe8c21f9f, true, "T32_STLH_T1"},       // stlh	r1, [r2]
    {0xe8c21faf, true, "T32_STL_T1"},        // stl	r1, [r2]
    {0xe8c21fc3, true, "T32_STLEXB_T1"},     // stlexb	r3, r1, [r2]
    {0xe8c21fd3, true, "T32_STLEXH_T1"},     // stlexh	r3, r1, [r2]
    {0xe8c21fe3, true, "T32_STLEX_T1"},      // stlex	r3, r1, [r2]
    {0xe8d21f8f, true, "T32_LDAB_T1"},       // ldab	r1, [r2]
    {0xe8d21f9f, true, "T32_LDAH_T1"},       // ldah	r1, [r2]
    {0xe8d21faf, true, "T32_LDA_T1"},        // lda	r1, [r2]
    {0xe8d21fcf, true, "T32_LDAEXB_T1"},     // ldaexb	r1, [r2]
    {0xe8d21fdf, true, "T32_LDAEXH_T1"},     // ldaexh	r1, [r2]
    {0xe8d21fef, true, "T32_LDAEX_T1"},      // ldaex	r1, [r2]
    {0xf8c21fff, true, "T32_STR_imm_T3"},    // str.w	r1, [r2, #4095]	@ 0xfff
    {0xf8421cff, true, "T32_STR_imm_T4"},    // str.w	r1, [r2, #-255]
    {0xf8421e04, true, "T32_STRT_T1"},       // strt	r1, [r2, #4]
    {0xf8421023, true, "T32_STR_reg_T2"},    // str.w	r1, [r2, r3, lsl #2]
    {0xf84d8d04, true, "T32_PUSH_T3"},       // str.w	r8, [sp, #-4]!
    {0xf8a21ffe, true, "T32_STRH_imm_T2"},   // strh.w	r1, [r2, #4094]	@ 0xffe
    {0xf8221902, true, "T32_STRH_imm_T3"},   // strh.w	r1, [r2], #-2
    {0xf8221e02, true, "T32_STRHT_T1"},      // strht	r1, [r2, #2]
    {0xf8221013, true, "T32_STRH_reg_T2"},   // strh.w	r1, [r2, r3, lsl #1]
    {0xf8821064, true, "T32_STRB_imm_T2"},   // strb.w	r1, [r2, #100]	@ 0x64
    {0xf8021f01, true, "T32_STRB_imm_T3"},   // strb.w	r1, [r2, #1]!
    {0xf8021e04, true, "T32_STRBT_T1"},      // strbt	r1, [r2, #4]
    {0xf8021033, true, "T32_STRB_reg_T2"},   // strb.w	r1, [r2, r3, lsl #3]
    {0xf8d21fff, true, "T32_LDR_imm_T3"},    // ldr.w	r1, [r2, #4095]	@ 0xfff
    {0xf8521d04, true, "T32_LDR_imm_T4"},    // ldr.w	r1, [r2, #-4]!
    {0xf8521e04, true, "T32_LDRT_T1"},       // ldrt	r1, [r2, #4]
    {0xf8521033, true, "T32_LDR_reg_T2"},    // ldr.w	r1, [r2, r3, lsl #3]
    {0xf85d8b04, true, "T32_POP_T3"},        // ldr.w	r8, [sp], #4
    {0xf8df1120, true, "T32_LDR_imm_T3"},    // ldr.w	r1, [pc, #288]	@ 210 <lit>
    {0xf85f1010, true, "T32_LDR_reg_T2"},    // ldr.w	r1, [pc, #-16]	@ e4 <near1-0x7e>
    {0xf8b21004, true, "T32_LDRH_imm_T2"},   // ldrh.w	r1, [r2, #4]
    {0xf8321c04, true, "T32_LDRH_imm_T3"},   // ldrh.w	r1, [r2, #-4]
    {0xf8321e00, true, "T32_LDRHT_T1"},      // ldrht	r1, [r2]
    {0xf8321003, true, "T32_LDRH_reg_T2"},   // ldrh.w	r1, [r2, r3]
    {0xf9b21006, true, "T32_LDRSH_imm_T1"},  // ldrsh.w	r1, [r2, #6]
    {0xf9321b06, true, "T32_LDRSH_imm_T2"},  // ldrsh.w	r1, [r2], #6
    {0xf9321e06, true, "T32_LDRSHT_T1"},     // ldrsht	r1, [r2, #6]
    {0xf9321013, true, "T32_LDRSH_reg_T2"},  // ldrsh.w	r1, [r2, r3, lsl #1]
    {0xf8921004, true, "T32_LDRB_imm_T2"},   // ldrb.w	r1, [r2, #4]
    {0xf8121c04, true, "T32_LDRB_imm_T3"},   // ldrb.w	r1, [r2, #-4]
    {0xf8121e04, true, "T32_LDRBT_T1"},      // ldrbt	r1, [r2, #4]
    {0xf8121003, true, "T32_LDRB_reg_T2"},   // ldrb.w	r1, [r2, r3]
    {0xf891f004, true, "T32_PLD_imm_T1"},    // pld	[r1, #4]
    {0xf811fc04, true, "T32_PLD_imm_T2"},    // pld	[r1, #-4]
    {0xf811f022, true, "T32_PLD_reg_T1"},    // pld	[r1, r2, lsl #2]
    {0xf9921004, true, "T32_LDRSB_imm_T1"},  // ldrsb.w	r1, [r2, #4]
    {0xf9121c04, true, "T32_LDRSB_imm_T2"},  // ldrsb.w	r1, [r2, #-4]
    {0xf9121e04, true, "T32_LDRSBT_T1"},     // ldrsbt	r1, [r2, #4]
    {0xf9121003, true, "T32_LDRSB_reg_T2"},  // ldrsb.w	r1, [r2, r3]
    {0xf991f004, true, "T32_PLI_imm_T1"},    // pli	[r1, #4]
    {0xf911fc04, true, "T32_PLI_imm_T2"},    // pli	[r1, #-4]
    {0xf911f002, true, "T32_PLI_reg_T1"},    // pli	[r1, r2]
    {0xd15f, false, "T16_B_T1"},             // bne.n	210 <lit>
    {0xde07, false, "T16_UDF_T1"},           // udf	#7
    {0xdf09, false, "T16_SVC_T1"},           // svc	9
    {0xe05c, false, "T16_B_T2"},             // b.n	210 <lit>
    {0x4770, false, "T16_BX_T1"},            // bx	lr
    {0x4798, false, "T16_BLX_reg_T1"},       // blx	r3
    {0x4774, false, "T16_BXNS_T1"},          // bxns	lr
    {0x479c, false, "T16_BLXNS_T1"},         // blxns	r3
    {0xb101, false, "T16_CBNZ_CBZ_T1"},      // cbz	r1, 162 <near1>
    {0xb909, false, "T16_CBNZ_CBZ_T1"},      // cbnz r1, +2 (hand-encoded: op=1 i=0 imm5=1 Rn=1)
    {0xbf1b, false, "T16_IT_T1"},            // ittet	ne
    {0xbf00, false, "T16_NOP_T1"},           // nop
    {0xbf10, false, "T16_YIELD_T1"},         // yield
    {0xbf20, false, "T16_WFE_T1"},           // wfe
    {0xbf30, false, "T16_WFI_T1"},           // wfi
    {0xbf40, false, "T16_SEV_T1"},           // sev
    {0xbeab, false, "T16_BKPT_T1"},          // bkpt	0x00ab
    {0xb672, false, "T16_CPS_T1"},           // cpsid	i
    {0xb663, false, "T16_CPS_T1"},           // cpsie	if
    {0xf3008048, true, "T32_B_T3"},          // bgt.w	210 <lit>
    {0xf000b87a, true, "T32_B_T4"},          // b.w	278 <far>
    {0xf000f878, true, "T32_BL_T1"},         // bl	278 <far>
    {0xf3828800, true, "T32_MSR_reg_T1"},    // msr	CPSR_f, r2
    {0xf3828812, true, "T32_MSR_reg_T1"},    // msr	BASEPRI_MAX, r2
    {0xf3ef8109, true, "T32_MRS_T1"},        // mrs	r1, PSP
    {0xf3af8005, true, "T32_hint_T2"},       // sevl.w
    {0xf3af8000, true, "T32_NOP_T2"},        // nop.w
    {0xf3af8001, true, "T32_YIELD_T2"},      // yield.w
    {0xf3af8002, true, "T32_WFE_T2"},        // wfe.w
    {0xf3af8003, true, "T32_WFI_T2"},        // wfi.w
    {0xf3af8004, true, "T32_SEV_T2"},        // sev.w
    {0xf3af8014, true, "T32_CSDB_T1"},       // csdb
    {0xf3af8010, true, "T32_ESB_T1"},        // esb
    {0xf3af80f3, true, "T32_DBG_T1"},        // dbg	#3
    {0xf3bf8f2f, true, "T32_CLREX_T1"},      // clrex
    {0xf3bf8f4f, true, "T32_DSB_T1"},        // dsb	sy
    {0xf3bf8f5b, true, "T32_DMB_T1"},        // dmb	ish
    {0xf3bf8f6f, true, "T32_ISB_T1"},        // isb	sy
    {0xf7f1a234, true, "T32_UDF_T2"},        // udf.w	#4660	@ 0x1234
    {0xf043c021, true, "T32_WLS_T1"},        // wls	lr, r3, 210 <lit>
    {0xf044e001, true, "T32_DLS_T1"},        // dls	lr, r4
    {0xf00fc007, true, "T32_LE_T1"},         // le	lr, 1cc <back>
    {0xf02fc009, true, "T32_LE_T2"},         // le	1cc <back>
    {0xf023e001, true, "T32_DLSTP_T2"},      // dlstp.32	lr, r3
    {0xf023c005, true, "T32_WLSTP_T2"},      // wlstp.32	lr, r3, <fwd>
    {0xf01fc005, true, "T32_LETP_T3"},       // letp	lr, <back>
    {0xf00fe001, true, "T32_LCTP_T1"},       // lctp
    {0xf4c0e00b, true, "T32_BF_T1"},         // bf	12, 1f4 <bp2>
    {0xf3e3e001, true, "T32_BFX_T1"},        // @ <UNDEFINED> instruction: 0xf3e3e001
    {0xf280c007, true, "T32_BFL_T1"},        // bfl	a, 1f4 <bp2>
    {0xf1f3e001, true, "T32_BFLX_T1"},       // @ <UNDEFINED> instruction: 0xf1f3e001
    {0xf080e005, true, "T32_BFCSEL_T1"},     // bfcsel	2, 1f8 <tgt>, 4, eq
    {0xe842f100, true, "T32_TT_T1"},         // tt	r1, r2
    {0xe842f140, true, "T32_TTT_T1"},        // ttt	r1, r2
    {0xe842f180, true, "T32_TTA_T1"},        // tta	r1, r2
    {0xe842f1c0, true, "T32_TTAT_T1"},       // ttat	r1, r2
    {0xe97fe97f, true, "T32_SG_T1"},         // sg
};

TEST(LoadStoreBranchDecode, AssemblerEncodingsDecodeToTheirRows) {
  std::set<std::string_view> rows_seen;
  for (const Expected& e : kAssembled) {
    DecodedInsn insn;
    const DecodeStatus status = Decoder::instance().decode(e.raw, e.is32, insn);
    ASSERT_NE(insn.encoding, nullptr) << std::hex << e.raw;
    EXPECT_EQ(insn.encoding->name, e.row) << std::hex << e.raw;
    rows_seen.insert(e.row);
    const bool security_row = e.row.find("TT") != std::string_view::npos ||
                              e.row.find("NS_") != std::string_view::npos || e.row == "T32_SG_T1";
    if (security_row) {
      EXPECT_EQ(status, DecodeStatus::Undefined) << e.row;
    } else {
      EXPECT_EQ(status, DecodeStatus::Ok) << e.row << " " << std::hex << e.raw;
    }
  }
  // Every row of the two groups appears in the list above.
  for (const EncodingGroup& group : encoding_groups()) {
    if (group.name != "load store" && group.name != "branch and system") continue;
    for (std::span<const Encoding> rows : {group.t16, group.t32}) {
      for (const Encoding& e : rows) {
        if (e.name == "T16_hint_T1") continue;  // reserved 16-bit hints have no mnemonic
        EXPECT_TRUE(rows_seen.contains(e.name)) << e.name << " has no assembled example";
      }
    }
  }
}

DecodeStatus decode(uint32_t raw, bool is32 = true) {
  DecodedInsn insn;
  return Decoder::instance().decode(raw, is32, insn);
}

std::string_view row_of(uint32_t raw, bool is32 = true) {
  const Encoding* e = Decoder::instance().match(raw, is32);
  return e == nullptr ? std::string_view{"(none)"} : e->name;
}

TEST(LoadStoreBranchDecode, UnpredictableChoicesAreRejected) {
  EXPECT_EQ(decode(0xbc00, false), DecodeStatus::Unpredictable);  // POP {} (empty list)
  EXPECT_EQ(decode(0xe8b10006), DecodeStatus::Unpredictable);     // LDM r1!, {r1, r2}
  EXPECT_EQ(decode(0xe891c002), DecodeStatus::Unpredictable);     // LDM r1, {r1, lr, pc}: P, M
  EXPECT_EQ(decode(0xe8910004), DecodeStatus::Unpredictable);     // LDM.W r1, {r2}: one reg
  EXPECT_EQ(decode(0xf8522d04), DecodeStatus::Unpredictable);     // LDR r2, [r2, #-4]!
  EXPECT_EQ(decode(0xe9733202), DecodeStatus::Unpredictable);     // LDRD r3, r2, [r3, #-8]!
  EXPECT_EQ(decode(0xe9731102), DecodeStatus::Unpredictable);     // LDRD r1, r1, ...: t == t2
  EXPECT_EQ(decode(0xe8d2dfaf), DecodeStatus::Unpredictable);     // LDA sp, [r2]
  EXPECT_EQ(decode(0xe8421200), DecodeStatus::Unpredictable);     // STREX r2, r1, [r2]: d == n
  EXPECT_EQ(decode(0x47f8, false), DecodeStatus::Unpredictable);  // BLX pc
  EXPECT_EQ(decode(0xf3ef8d00), DecodeStatus::Unpredictable);     // MRS sp, APSR
  EXPECT_EQ(decode(0xf3828000), DecodeStatus::Unpredictable);     // MSR with mask '00'
  EXPECT_EQ(decode(0xf3828408), DecodeStatus::Unpredictable);     // MSR MSP with mask '01'
  EXPECT_EQ(decode(0xf3ef8104), DecodeStatus::Unpredictable);     // MRS r1, SYSm 4 (reserved)
  EXPECT_EQ(decode(0xbfec, false), DecodeStatus::Unpredictable);  // ITE AL
  EXPECT_EQ(decode(0xbff8, false), DecodeStatus::Unpredictable);  // IT with firstcond '1111'
  EXPECT_EQ(decode(0xbfe8, false), DecodeStatus::Ok);             // IT AL
  EXPECT_EQ(decode(0xb670, false), DecodeStatus::Unpredictable);  // CPSID with no flag
  EXPECT_EQ(decode(0xf04dc001), DecodeStatus::Unpredictable);     // WLS lr, sp
  EXPECT_EQ(decode(0xf811fd04), DecodeStatus::Unpredictable);     // LDRB pc, [r1, #4]!
  EXPECT_EQ(decode(0xf811100d), DecodeStatus::Unpredictable);     // LDRB r1, [r1, sp]
  EXPECT_EQ(decode(0xf84f1d04), DecodeStatus::Undefined);         // STR r1, [pc, #-4]!
  EXPECT_EQ(decode(0xf8421804), DecodeStatus::Undefined);         // STR T4 with P == W == 0
  EXPECT_EQ(decode(0xf8521040), DecodeStatus::Undefined);         // LDR register, op2 '000001'
  EXPECT_EQ(decode(0xf3c08000), DecodeStatus::Undefined);         // B T3 space, cond '1111'
  EXPECT_EQ(decode(0xf3828888), DecodeStatus::Undefined);         // MSR MSP_NS
  EXPECT_EQ(decode(0xf02de001), DecodeStatus::Unpredictable);     // DLSTP.32 lr, sp
  EXPECT_EQ(decode(0xf02dc001), DecodeStatus::Unpredictable);     // WLSTP.32 lr, sp
  EXPECT_EQ(decode(0xf03fe001), DecodeStatus::Unpredictable);     // DLSTP.64 lr, pc (not LCTP)
  EXPECT_EQ(decode(0x4701, false), DecodeStatus::Undefined);      // BX with a '(0)' bit set
}

TEST(LoadStoreBranchDecode, LiteralFormsAndHintsSelectedByRegisterFields) {
  DecodedInsn insn;
  // LDR.W r1, [pc, #-16]: the LDR (register) row with Rn == '1111' is LDR (literal), U == 0.
  ASSERT_EQ(Decoder::instance().decode(0xf85f1010, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(row_of(0xf85f1010), "T32_LDR_reg_T2");  // op2 = 0x010 >> 6 == 0
  EXPECT_EQ(insn.exec, &exec::LDR_lit);
  EXPECT_EQ(insn.imm, 16u);
  EXPECT_FALSE(insn.add);
  // LDR r1, [pc, #-0x400]: op2 '010000' (no register or immediate form) is still literal.
  ASSERT_EQ(Decoder::instance().decode(0xf85f1400, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.exec, &exec::LDR_lit);
  EXPECT_EQ(insn.imm, 0x400u);
  // LDRSB r1, [pc, #7]: U == 1.
  ASSERT_EQ(Decoder::instance().decode(0xf99f1007, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.exec, &exec::LDRSB_lit);
  EXPECT_TRUE(insn.add);
  // PLD [pc, #76] and LDRH pc, [r1, #4] (a reserved hint) have no effect.
  ASSERT_EQ(Decoder::instance().decode(0xf89ff04c, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.exec, &exec::memory_hint);
  ASSERT_EQ(Decoder::instance().decode(0xf8b1f004, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.exec, &exec::memory_hint);
  // LDRD r1, r2, [pc, #96] through the LDRD (immediate) row.
  ASSERT_EQ(Decoder::instance().decode(0xe9df1218, true, insn), DecodeStatus::Ok);
  EXPECT_EQ(insn.exec, &exec::LDRD_lit);
  EXPECT_EQ(insn.imm, 96u);
}

}  // namespace
}  // namespace minifvp::cpu
