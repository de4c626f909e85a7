// Encodings of the branch and system group: branches, compare-and-branch, IT, hints, barriers,
// MRS/MSR, CPS, BKPT, SVC, UDF, the Armv8.1-M low-overhead loops (WLS, DLS, LE) and branch
// future (BF, BFX, BFL, BFLX, BFCSEL), and the Security Extension encodings (recognised, UNDEFINED
// for now). Each decode function is the Arm ARM's (Armv8-M) decode pseudocode for that encoding.
//
// As in the load/store table, "(0)"/"(1)" bits are fixed in the patterns (an encoding with one
// flipped is UNPREDICTABLE and, matching no row, UNDEFINED), UNPREDICTABLE register choices return
// DecodeStatus::Unpredictable, and "SEE" relationships are declared overlaps.
//
// The MVE tail-predicated loops (DLSTP, WLSTP, LETP, LCTP) specialise the branch-future rows with
// boff == '0000'; LE is WLSTP with Rn == '1111' ("SEE LE"), LCTP is DLSTP with Rn == '1111'.
//
// Left UNDEFINED on purpose:
//  - SG, BXNS, BLXNS and TT, TTT, TTA, TTAT: rows exist so that reports name them, but this core
//    runs in Secure state with no TrustZone transitions, SAU or MPU modelled yet.
//  - MRS/MSR of the _NS aliases (SYSm 0x88-0x98), for the same reason.
#include <bit>

#include "cpu/arm_pseudocode.h"
#include "cpu/decode/groups.h"
#include "cpu/exec/branch_system.h"
#include "cpu/exec/load_store.h"
#include "cpu/exec/system_registers.h"

namespace minifvp::cpu {
namespace {

using Status = DecodeStatus;

uint8_t reg_field(Fields f, char letter) {
  return static_cast<uint8_t>(f[letter]);
}

// ---------------------------------------------------------------------------------------------
// Branches
// ---------------------------------------------------------------------------------------------

// B T1: B<c> <label>; imm32 = SignExtend(imm8:'0', 32). cond == '1110' is UDF and '1111' is SVC
// (declared rows); the IT rule is checked at execution.
Status decode_B_T1(Fields f, DecodedInsn& out) {
  out.cond = static_cast<uint8_t>(f['c']);
  out.imm = static_cast<uint32_t>(sign_extend(f['i'] << 1, 9));
  return out.cond >= 14 ? Status::Undefined : Status::Ok;
}

// B T2: B <label>; imm32 = SignExtend(imm11:'0', 32).
Status decode_B_T2(Fields f, DecodedInsn& out) {
  out.imm = static_cast<uint32_t>(sign_extend(f['i'] << 1, 12));
  out.cond = 14;
  return Status::Ok;
}

// B T3: B<c>.W <label>; imm32 = SignExtend(S:J2:J1:imm6:imm11:'0', 32). cond<3:1> == '111' is
// the miscellaneous-control space (MSR, MRS, hints, barriers, UDF: declared rows); whatever of it
// no row claims is UNDEFINED.
Status decode_B_T3(Fields f, DecodedInsn& out) {
  out.cond = static_cast<uint8_t>(f['c']);
  const uint32_t bits = (f['s'] << 20) | (f['k'] << 19) | (f['j'] << 18) | (f['i'] << 1);
  out.imm = static_cast<uint32_t>(sign_extend(bits, 21));
  return (out.cond >> 1) == 7 ? Status::Undefined : Status::Ok;
}

// B T4 and BL T1: I1 = NOT(J1 EOR S); I2 = NOT(J2 EOR S);
// imm32 = SignExtend(S:I1:I2:imm10:imm11:'0', 32).
uint32_t branch_t4_offset(Fields f) {
  const uint32_t s = f['s'];
  const uint32_t i1 = (f['j'] ^ s ^ 1) & 1;
  const uint32_t i2 = (f['k'] ^ s ^ 1) & 1;
  const uint32_t bits = (s << 24) | (i1 << 23) | (i2 << 22) | (f['i'] << 1);
  return static_cast<uint32_t>(sign_extend(bits, 25));
}

Status decode_B_T4(Fields f, DecodedInsn& out) {
  out.imm = branch_t4_offset(f);
  out.cond = 14;
  return Status::Ok;
}

Status decode_BL_T1(Fields f, DecodedInsn& out) {
  out.imm = branch_t4_offset(f);
  return Status::Ok;
}

// BX T1: m = UInt(Rm). (The IT rule is checked at execution.)
Status decode_BX_T1(Fields f, DecodedInsn& out) {
  out.m = reg_field(f, 'm');
  return Status::Ok;
}

// BLX (register) T1: m == 15 is UNPREDICTABLE.
Status decode_BLX_T1(Fields f, DecodedInsn& out) {
  out.m = reg_field(f, 'm');
  return out.m == 15 ? Status::Unpredictable : Status::Ok;
}

// CBNZ, CBZ T1: nonzero = (op == '1'); imm32 = ZeroExtend(i:imm5:'0', 32).
Status decode_CBZ_CBNZ_T1(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.imm = f['i'] << 1;
  out.flag = f['o'] != 0;
  return Status::Ok;
}

// ---------------------------------------------------------------------------------------------
// IT, hints, barriers, CPS, BKPT, SVC, UDF
// ---------------------------------------------------------------------------------------------

// IT T1: mask == '0000' is a hint (declared rows); firstcond == '1111', or firstcond == '1110'
// with BitCount(mask) != 1, is UNPREDICTABLE. (InITBlock() is checked at execution.)
Status decode_IT_T1(Fields f, DecodedInsn& out) {
  const uint32_t firstcond = f['c'];
  const uint32_t mask = f['m'];
  out.imm = (firstcond << 4) | mask;
  if (mask == 0) return Status::Undefined;  // only reached if a hint row were missing
  if (firstcond == 15) return Status::Unpredictable;
  if (firstcond == 14 && std::popcount(mask) != 1) return Status::Unpredictable;
  return Status::Ok;
}

Status decode_no_operands(Fields, DecodedInsn&) {
  return Status::Ok;
}

// BKPT T1 / SVC T1 / UDF T1 / UDF T2: imm32 = ZeroExtend(imm8 or imm4:imm12).
Status decode_imm_only(Fields f, DecodedInsn& out) {
  out.imm = f['i'];
  return Status::Ok;
}

// CPS T1: CPS<effect> <iflags>; enable = (im == '0'); I == F == '0' is UNPREDICTABLE.
Status decode_CPS_T1(Fields f, DecodedInsn& out) {
  out.flag = f['m'] != 0;
  out.imm = (f['i'] << 1) | f['f'];
  return out.imm == 0 ? Status::Unpredictable : Status::Ok;
}

// ---------------------------------------------------------------------------------------------
// MRS / MSR
// ---------------------------------------------------------------------------------------------

bool is_nonsecure_alias(uint32_t sysm) {
  return (sysm >= 0x88 && sysm <= 0x8b) || (sysm >= 0x90 && sysm <= 0x94) || sysm == 0x98;
}

// MRS T1: d in {13,15} or an unknown SYSm is UNPREDICTABLE; the _NS aliases are UNDEFINED here.
Status decode_MRS_T1(Fields f, DecodedInsn& out) {
  out.d = reg_field(f, 'd');
  out.imm = f['s'];
  if (is_nonsecure_alias(out.imm)) return Status::Undefined;
  if (out.d == 13 || out.d == 15 || !exec::is_special_register(out.imm)) {
    return Status::Unpredictable;
  }
  return Status::Ok;
}

// MSR (register) T1: n in {13,15} or an unknown SYSm is UNPREDICTABLE; mask == '00', or mask !=
// '10' for a register other than the APSR-including views (SYSm 0-3), is UNPREDICTABLE.
Status decode_MSR_T1(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.imm = f['s'];
  out.imm2 = f['k'];
  if (is_nonsecure_alias(out.imm)) return Status::Undefined;
  if (out.n == 13 || out.n == 15 || !exec::is_special_register(out.imm)) {
    return Status::Unpredictable;
  }
  if (out.imm2 == 0 || (out.imm2 != 2 && out.imm > 3)) return Status::Unpredictable;
  return Status::Ok;
}

// ---------------------------------------------------------------------------------------------
// Armv8.1-M low-overhead loops and branch future
// ---------------------------------------------------------------------------------------------

// The loop-branch offset: imm32 = ZeroExtend(immh:imml:'0', 32), immh = hw2<10:1>, imml = hw2<11>.
uint32_t loop_offset(Fields f) {
  return (f['h'] << 2) | (f['l'] << 1);
}

// WLS T1: n in {13,15} is UNPREDICTABLE.
Status decode_WLS_T1(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.imm = loop_offset(f);
  return (out.n == 13 || out.n == 15) ? Status::Unpredictable : Status::Ok;
}

// DLS T1: n in {13,15} is UNPREDICTABLE.
Status decode_DLS_T1(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  return (out.n == 13 || out.n == 15) ? Status::Unpredictable : Status::Ok;
}

// LE: the backward distance; flag = the loop-forever form (no LR decrement).
Status decode_LE_T1(Fields f, DecodedInsn& out) {
  out.imm = loop_offset(f);
  out.flag = false;
  return Status::Ok;
}
Status decode_LE_T2(Fields f, DecodedInsn& out) {
  out.imm = loop_offset(f);
  out.flag = true;
  return Status::Ok;
}

// DLSTP T2: size = log2 of the element size in bytes; Rn in {13,15} is UNPREDICTABLE (size
// '00' with Rn == 15 is LCTP, a declared row).
Status decode_DLSTP_T2(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.esize = static_cast<uint8_t>(1u << f['s']);
  return (out.n == 13 || out.n == 15) ? Status::Unpredictable : Status::Ok;
}

// WLSTP T2: as DLSTP, with the forward offset; Rn == 15 is LE/LETP (declared rows).
Status decode_WLSTP_T2(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.esize = static_cast<uint8_t>(1u << f['s']);
  out.imm = loop_offset(f);
  return (out.n == 13 || out.n == 15) ? Status::Unpredictable : Status::Ok;
}

// LETP T3: the backward distance.
Status decode_LETP_T3(Fields f, DecodedInsn& out) {
  out.imm = loop_offset(f);
  return Status::Ok;
}

// BF, BFL, BFCSEL: boff == '0000' is the low-overhead-loop space ("SEE Related encodings"):
// WLS, DLS, LE, DLSTP, WLSTP, LETP, LCTP (and VCTP, in the MVE table) have declared rows; what
// they leave of it is UNDEFINED.
Status decode_branch_future(Fields f, DecodedInsn&) {
  return f['b'] == 0 ? Status::Undefined : Status::Ok;
}

// BFX, BFLX: as above; Rn in {13,15} is UNPREDICTABLE.
Status decode_branch_future_register(Fields f, DecodedInsn& out) {
  if (f['b'] == 0) return Status::Undefined;
  out.n = reg_field(f, 'n');
  return (out.n == 13 || out.n == 15) ? Status::Unpredictable : Status::Ok;
}

// ---------------------------------------------------------------------------------------------
// Security Extension: recognised, UNDEFINED until TrustZone is modelled
// ---------------------------------------------------------------------------------------------

Status decode_security_extension(Fields, DecodedInsn&) {
  return Status::Undefined;
}

constexpr InsnClass kBranch = InsnClass::Branch;
constexpr InsnClass kSystem = InsnClass::System;

constexpr Encoding kT16[] = {
    encoding("T16_B_T1", "1101cccciiiiiiii", decode_B_T1, exec::B_conditional, kBranch),
    encoding("T16_UDF_T1", "11011110iiiiiiii", decode_imm_only, exec::UDF, kSystem),
    encoding("T16_SVC_T1", "11011111iiiiiiii", decode_imm_only, exec::SVC, kSystem),
    encoding("T16_B_T2", "11100iiiiiiiiiii", decode_B_T2, exec::B, kBranch),
    encoding("T16_BX_T1", "010001110mmmm000", decode_BX_T1, exec::BX, kBranch),
    encoding("T16_BLX_reg_T1", "010001111mmmm000", decode_BLX_T1, exec::BLX_reg, kBranch),
    encoding("T16_BXNS_T1", "010001110mmmm100", decode_security_extension, exec::BX, kBranch),
    encoding("T16_BLXNS_T1", "010001111mmmm100", decode_security_extension, exec::BLX_reg, kBranch),
    encoding("T16_CBNZ_CBZ_T1", "1011o0i1iiiiinnn", decode_CBZ_CBNZ_T1, exec::CBZ_CBNZ, kBranch),
    encoding("T16_IT_T1", "10111111ccccmmmm", decode_IT_T1, exec::IT, kSystem),
    encoding("T16_hint_T1", "10111111hhhh0000", decode_no_operands, exec::no_operation, kSystem),
    encoding("T16_NOP_T1", "1011111100000000", decode_no_operands, exec::no_operation, kSystem),
    encoding("T16_YIELD_T1", "1011111100010000", decode_no_operands, exec::no_operation, kSystem),
    encoding("T16_WFE_T1", "1011111100100000", decode_no_operands, exec::WFE, kSystem),
    encoding("T16_WFI_T1", "1011111100110000", decode_no_operands, exec::WFI, kSystem),
    encoding("T16_SEV_T1", "1011111101000000", decode_no_operands, exec::SEV, kSystem),
    encoding("T16_BKPT_T1", "10111110iiiiiiii", decode_imm_only, exec::BKPT, kSystem),
    encoding("T16_CPS_T1", "10110110011m00if", decode_CPS_T1, exec::CPS, kSystem),
};

constexpr Encoding kT32[] = {
    // Branches.
    encoding("T32_B_T3", "11110scccciiiiii10j0kiiiiiiiiiii", decode_B_T3, exec::B_conditional,
             kBranch),
    encoding("T32_B_T4", "11110siiiiiiiiii10j1kiiiiiiiiiii", decode_B_T4, exec::B, kBranch),
    encoding("T32_BL_T1", "11110siiiiiiiiii11j1kiiiiiiiiiii", decode_BL_T1, exec::BL, kBranch),

    // Miscellaneous control (inside B T3's cond == '111x' space).
    encoding("T32_MSR_reg_T1", "111100111000nnnn1000kk00ssssssss", decode_MSR_T1, exec::MSR,
             kSystem),
    encoding("T32_MRS_T1", "11110011111011111000ddddssssssss", decode_MRS_T1, exec::MRS, kSystem),
    encoding("T32_hint_T2", "111100111010111110000000hhhhhhhh", decode_no_operands,
             exec::no_operation, kSystem),
    encoding("T32_NOP_T2", "11110011101011111000000000000000", decode_no_operands,
             exec::no_operation, kSystem),
    encoding("T32_YIELD_T2", "11110011101011111000000000000001", decode_no_operands,
             exec::no_operation, kSystem),
    encoding("T32_WFE_T2", "11110011101011111000000000000010", decode_no_operands, exec::WFE,
             kSystem),
    encoding("T32_WFI_T2", "11110011101011111000000000000011", decode_no_operands, exec::WFI,
             kSystem),
    encoding("T32_SEV_T2", "11110011101011111000000000000100", decode_no_operands, exec::SEV,
             kSystem),
    encoding("T32_CSDB_T1", "11110011101011111000000000010100", decode_no_operands,
             exec::no_operation, kSystem),
    encoding("T32_ESB_T1", "11110011101011111000000000010000", decode_no_operands,
             exec::no_operation, kSystem),
    encoding("T32_DBG_T1", "1111001110101111100000001111oooo", decode_no_operands,
             exec::no_operation, kSystem),
    encoding("T32_CLREX_T1", "11110011101111111000111100101111", decode_no_operands, exec::CLREX,
             kSystem),
    encoding("T32_DSB_T1", "1111001110111111100011110100oooo", decode_no_operands,
             exec::no_operation, kSystem),
    encoding("T32_DMB_T1", "1111001110111111100011110101oooo", decode_no_operands,
             exec::no_operation, kSystem),
    encoding("T32_ISB_T1", "1111001110111111100011110110oooo", decode_no_operands,
             exec::no_operation, kSystem),
    encoding("T32_UDF_T2", "111101111111iiii1010iiiiiiiiiiii", decode_imm_only, exec::UDF, kSystem),

    // Armv8.1-M low-overhead loops and branch future.
    encoding("T32_WLS_T1", "111100000100nnnn1100lhhhhhhhhhh1", decode_WLS_T1, exec::WLS, kBranch),
    encoding("T32_DLS_T1", "111100000100nnnn1110000000000001", decode_DLS_T1, exec::DLS, kBranch),
    encoding("T32_LE_T1", "11110000000011111100lhhhhhhhhhh1", decode_LE_T1, exec::LE, kBranch),
    encoding("T32_LE_T2", "11110000001011111100lhhhhhhhhhh1", decode_LE_T2, exec::LE, kBranch),
    encoding("T32_DLSTP_T2", "1111000000ssnnnn1110000000000001", decode_DLSTP_T2, exec::DLSTP,
             kBranch),
    encoding("T32_WLSTP_T2", "1111000000ssnnnn1100lhhhhhhhhhh1", decode_WLSTP_T2, exec::WLSTP,
             kBranch),
    encoding("T32_LETP_T3", "11110000000111111100lhhhhhhhhhh1", decode_LETP_T3, exec::LETP,
             kBranch),
    encoding("T32_LCTP_T1", "11110000000011111110000000000001", decode_no_operands, exec::LCTP,
             kBranch),
    encoding("T32_BF_T1", "11110bbbb10xxxxx1110xxxxxxxxxxx1", decode_branch_future,
             exec::branch_future, kBranch),
    encoding("T32_BFX_T1", "11110bbbb110nnnn1110000000000001", decode_branch_future_register,
             exec::branch_future, kBranch),
    encoding("T32_BFL_T1", "11110bbbbxxxxxxx1100xxxxxxxxxxx1", decode_branch_future,
             exec::branch_future, kBranch),
    encoding("T32_BFLX_T1", "11110bbbb111nnnn1110000000000001", decode_branch_future_register,
             exec::branch_future, kBranch),
    encoding("T32_BFCSEL_T1", "11110bbbb0xxxxxx1110xxxxxxxxxxx1", decode_branch_future,
             exec::branch_future, kBranch),

    // Security Extension (in the exclusive and dual load/store space).
    encoding("T32_TT_T1", "111010000100nnnn1111dddd00000000", decode_security_extension,
             exec::no_operation, kSystem),
    encoding("T32_TTT_T1", "111010000100nnnn1111dddd01000000", decode_security_extension,
             exec::no_operation, kSystem),
    encoding("T32_TTA_T1", "111010000100nnnn1111dddd10000000", decode_security_extension,
             exec::no_operation, kSystem),
    encoding("T32_TTAT_T1", "111010000100nnnn1111dddd11000000", decode_security_extension,
             exec::no_operation, kSystem),
    encoding("T32_SG_T1", "11101001011111111110100101111111", decode_security_extension,
             exec::no_operation, kSystem),
};

// "SEE" relationships: {specific, general}.
constexpr Overlap kOverlaps[] = {
    {"T16_UDF_T1", "T16_B_T1"},        {"T16_SVC_T1", "T16_B_T1"},
    {"T16_hint_T1", "T16_IT_T1"},      {"T16_NOP_T1", "T16_IT_T1"},
    {"T16_YIELD_T1", "T16_IT_T1"},     {"T16_WFE_T1", "T16_IT_T1"},
    {"T16_WFI_T1", "T16_IT_T1"},       {"T16_SEV_T1", "T16_IT_T1"},
    {"T16_NOP_T1", "T16_hint_T1"},     {"T16_YIELD_T1", "T16_hint_T1"},
    {"T16_WFE_T1", "T16_hint_T1"},     {"T16_WFI_T1", "T16_hint_T1"},
    {"T16_SEV_T1", "T16_hint_T1"},

    {"T32_MSR_reg_T1", "T32_B_T3"},    {"T32_MRS_T1", "T32_B_T3"},
    {"T32_hint_T2", "T32_B_T3"},       {"T32_NOP_T2", "T32_B_T3"},
    {"T32_YIELD_T2", "T32_B_T3"},      {"T32_WFE_T2", "T32_B_T3"},
    {"T32_WFI_T2", "T32_B_T3"},        {"T32_SEV_T2", "T32_B_T3"},
    {"T32_CSDB_T1", "T32_B_T3"},       {"T32_ESB_T1", "T32_B_T3"},
    {"T32_DBG_T1", "T32_B_T3"},        {"T32_NOP_T2", "T32_hint_T2"},
    {"T32_YIELD_T2", "T32_hint_T2"},   {"T32_WFE_T2", "T32_hint_T2"},
    {"T32_WFI_T2", "T32_hint_T2"},     {"T32_SEV_T2", "T32_hint_T2"},
    {"T32_CSDB_T1", "T32_hint_T2"},    {"T32_ESB_T1", "T32_hint_T2"},
    {"T32_DBG_T1", "T32_hint_T2"},     {"T32_CLREX_T1", "T32_B_T3"},
    {"T32_DSB_T1", "T32_B_T3"},        {"T32_DMB_T1", "T32_B_T3"},
    {"T32_ISB_T1", "T32_B_T3"},        {"T32_UDF_T2", "T32_B_T3"},

    {"T32_WLS_T1", "T32_BFL_T1"},      {"T32_LE_T1", "T32_BFL_T1"},
    {"T32_LE_T2", "T32_BFL_T1"},       {"T32_DLS_T1", "T32_BF_T1"},
    {"T32_DLSTP_T2", "T32_BFCSEL_T1"}, {"T32_LCTP_T1", "T32_BFCSEL_T1"},
    {"T32_LCTP_T1", "T32_DLSTP_T2"},   {"T32_WLSTP_T2", "T32_BFL_T1"},
    {"T32_LETP_T3", "T32_BFL_T1"},     {"T32_LETP_T3", "T32_WLSTP_T2"},
    {"T32_LE_T1", "T32_WLSTP_T2"},     {"T32_LE_T2", "T32_WLSTP_T2"},

    {"T32_TT_T1", "T32_STREX_T1"},     {"T32_TTT_T1", "T32_STREX_T1"},
    {"T32_TTA_T1", "T32_STREX_T1"},    {"T32_TTAT_T1", "T32_STREX_T1"},
    {"T32_SG_T1", "T32_LDRD_imm_T1"},
};

}  // namespace

EncodingGroup branch_system_group() {
  return {"branch and system", kT16, kT32, kOverlaps};
}

}  // namespace minifvp::cpu
