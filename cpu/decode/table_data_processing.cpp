// Encodings of the data-processing group (Armv8-M ARM, chapter "The Thumb instruction set
// encoding" and the per-instruction "Encoding" sections). Each decode function is the Arm ARM's
// decode pseudocode for that encoding; the execute functions are in cpu/exec/data_processing.cpp
// and cpu/exec/saturate_parallel.cpp.
//
// CONSTRAINED UNPREDICTABLE register choices (SP or PC where the manual forbids them, Rm fields
// that must agree, imm8 == 0 in a rotated ThumbExpandImm, ...) decode as
// DecodeStatus::Unpredictable, which the core executes as UNDEFINED; each rule is commented where
// it is applied. "(0)" bits of an encoding are fixed at 0 in the patterns, so a 1 there matches no
// row and is UNDEFINED, the same choice.
//
// Where a row's pseudocode says "SEE <other encoding>" and the other encoding is a strict
// specialisation of the bit pattern, the other row is declared in kOverlaps and wins. The SP forms
// of ADD/SUB (immediate and register) share their general row's execute function and their bit
// patterns cross the compare rows (CMN SP, CMP SP), so the general row's decode function applies
// the SP encoding's decode rules itself when Rn is 13.
#include "cpu/arm_pseudocode.h"
#include "cpu/decode/groups.h"
#include "cpu/exec/data_processing.h"
#include "cpu/exec/saturate_parallel.h"

namespace minifvp::cpu {
namespace {

using exec::AluOp;
using exec::Operand2;
constexpr auto kDP = InsnClass::DataProcessing;

uint8_t reg(Fields f, char letter) {
  return static_cast<uint8_t>(f[letter]);
}
constexpr bool sp_or_pc(unsigned r) {
  return r == 13 || r == 15;
}
DecodeStatus ok_unless(bool unpredictable) {
  return unpredictable ? DecodeStatus::Unpredictable : DecodeStatus::Ok;
}

template <AluOp op>
constexpr ExecFn kImm = exec::alu<op, Operand2::Imm>;
template <AluOp op>
constexpr ExecFn kExpandedImm = exec::alu<op, Operand2::ExpandedImm>;
template <AluOp op>
constexpr ExecFn kShiftedReg = exec::alu<op, Operand2::ShiftedReg>;
template <AluOp op>
constexpr ExecFn kRegShiftedReg = exec::alu<op, Operand2::RegShiftedReg>;

void no_shift(DecodedInsn& out) {
  out.shift_type = ShiftType::LSL;
  out.shift_n = 0;
}

// ================================ 16-bit encodings ================================

// LSL/LSR/ASR (immediate) T1: <op>S <Rd>, <Rm>, #<imm5>; setflags = !InITBlock(). (A zero LSL
// amount is MOV (register) T2, declared as an overlap.)
template <uint32_t type>
DecodeStatus decode_shift_imm_T1(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.m = reg(f, 'm');
  const auto [shift_type, amount] = decode_imm_shift(type, f['i']);
  out.shift_type = shift_type;
  out.shift_n = amount;
  out.setflags = SetFlags::OutsideIt;
  return DecodeStatus::Ok;
}

// MOV (register) T2: MOVS <Rd>, <Rm> (the LSL #0 form). Inside an IT block it is UNPREDICTABLE,
// which exec::MOV_reg_T2 checks at execution; outside, the flags are set.
DecodeStatus decode_MOV_reg_T2(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.m = reg(f, 'm');
  no_shift(out);
  out.setflags = SetFlags::Yes;
  return DecodeStatus::Ok;
}

// ADD/SUB (register) T1: <op>S <Rd>, <Rn>, <Rm>.
DecodeStatus decode_add_sub_reg_T1(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = reg(f, 'n');
  out.m = reg(f, 'm');
  no_shift(out);
  out.setflags = SetFlags::OutsideIt;
  return DecodeStatus::Ok;
}

// ADD/SUB (immediate) T1: <op>S <Rd>, <Rn>, #<imm3>.
DecodeStatus decode_add_sub_imm_T1(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = reg(f, 'n');
  out.imm = f['i'];
  out.setflags = SetFlags::OutsideIt;
  return DecodeStatus::Ok;
}

// MOV (immediate) T1, ADD/SUB (immediate) T2: <op>S <Rdn>, #<imm8>; CMP (immediate) T1 uses the
// same layout with Rn (its flags are always set).
DecodeStatus decode_imm8_T(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = out.d;
  out.imm = f['i'];
  out.setflags = SetFlags::OutsideIt;
  return DecodeStatus::Ok;
}

// Data-processing (register) T1 forms with the Rdn, Rm layout: AND, EOR, ADC, SBC, ORR, BIC
// (<op>S <Rdn>, <Rm>), TST, CMP, CMN (<op> <Rn>, <Rm>) and MVN (MVNS <Rd>, <Rm>).
DecodeStatus decode_dp_reg_T1(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = out.d;
  out.m = reg(f, 'm');
  no_shift(out);
  out.setflags = SetFlags::OutsideIt;
  return DecodeStatus::Ok;
}

// LSL/LSR/ASR/ROR (register) T1: <op>S <Rdn>, <Rm>: Shift_C(R[dn], type, UInt(R[m]<7:0>), C).
// Operand slots: m = the shifted register (Rdn), a = the amount register (Rm).
template <ShiftType type>
DecodeStatus decode_shift_reg_T1(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.m = out.d;
  out.a = reg(f, 'm');
  out.shift_type = type;
  out.setflags = SetFlags::OutsideIt;
  return DecodeStatus::Ok;
}

// RSB (immediate) T1: RSBS <Rd>, <Rn>, #0.
DecodeStatus decode_RSB_imm_T1(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = reg(f, 'n');
  out.imm = 0;
  out.setflags = SetFlags::OutsideIt;
  return DecodeStatus::Ok;
}

// ADD (register) T2: ADD <Rdn>, <Rm> with high registers, no flags. When Rdn is SP this is ADD (SP
// plus register) T2 (ADD SP, <Rm>: d = 13, m = Rm), which computes the same sum; the Rm == SP forms
// are the declared T16_ADD_SP_reg_T1 row.
DecodeStatus decode_ADD_reg_T2(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = out.d;
  out.m = reg(f, 'm');
  no_shift(out);
  out.setflags = SetFlags::No;
  // "if n == 15 && m == 15 then UNPREDICTABLE". The other rule, d == 15 inside an IT block but not
  // last, depends on run-time state and is checked by exec::write_result_high.
  return ok_unless(out.n == 15 && out.m == 15);
}

// ADD (SP plus register) T1: ADD <Rdm>, SP, <Rdm>.
DecodeStatus decode_ADD_SP_reg_T1(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = 13;
  out.m = out.d;
  no_shift(out);
  out.setflags = SetFlags::No;
  return DecodeStatus::Ok;
}

// CMP (register) T2: CMP <Rn>, <Rm> with high registers.
DecodeStatus decode_CMP_reg_T2(Fields f, DecodedInsn& out) {
  out.n = reg(f, 'n');
  out.m = reg(f, 'm');
  no_shift(out);
  // "if n < 8 && m < 8 then UNPREDICTABLE; if n == 15 || m == 15 then UNPREDICTABLE".
  return ok_unless((out.n < 8 && out.m < 8) || out.n == 15 || out.m == 15);
}

// MOV (register) T1: MOV <Rd>, <Rm> with high registers, no flags; Rd == PC is a branch
// (ALUWritePC). The rule "d == 15 inside an IT block but not last" is a run-time condition, checked
// by exec::write_result_high.
DecodeStatus decode_MOV_reg_T1(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.m = reg(f, 'm');
  no_shift(out);
  out.setflags = SetFlags::No;
  return DecodeStatus::Ok;
}

// ADR T1: ADR <Rd>, <label>; imm32 = ZeroExtend(imm8:'00').
DecodeStatus decode_ADR_T1(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.imm = f['i'] << 2;
  return DecodeStatus::Ok;
}

// ADD (SP plus immediate) T1: ADD <Rd>, SP, #<imm8:'00'>.
DecodeStatus decode_ADD_SP_imm_T1(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = 13;
  out.imm = f['i'] << 2;
  out.setflags = SetFlags::No;
  return DecodeStatus::Ok;
}

// ADD (SP plus immediate) T2 and SUB (SP minus immediate) T1: <op> SP, SP, #<imm7:'00'>.
DecodeStatus decode_SP_imm7(Fields f, DecodedInsn& out) {
  out.d = 13;
  out.n = 13;
  out.imm = f['i'] << 2;
  out.setflags = SetFlags::No;
  return DecodeStatus::Ok;
}

// SXTB/SXTH/UXTB/UXTH T1 and REV/REV16/REVSH T1: <op> <Rd>, <Rm> (rotation 0).
DecodeStatus decode_low_rd_rm(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.m = reg(f, 'm');
  out.imm = 0;
  return DecodeStatus::Ok;
}

// clang-format off
constexpr Encoding kT16[] = {
    encoding("T16_LSL_imm_T1", "00000iiiiimmmddd", decode_shift_imm_T1<0>, kShiftedReg<AluOp::MOV>, kDP),
    encoding("T16_MOV_reg_T2", "0000000000mmmddd", decode_MOV_reg_T2, exec::MOV_reg_T2, kDP),
    encoding("T16_LSR_imm_T1", "00001iiiiimmmddd", decode_shift_imm_T1<1>, kShiftedReg<AluOp::MOV>, kDP),
    encoding("T16_ASR_imm_T1", "00010iiiiimmmddd", decode_shift_imm_T1<2>, kShiftedReg<AluOp::MOV>, kDP),
    encoding("T16_ADD_reg_T1", "0001100mmmnnnddd", decode_add_sub_reg_T1, kShiftedReg<AluOp::ADD>, kDP),
    encoding("T16_SUB_reg_T1", "0001101mmmnnnddd", decode_add_sub_reg_T1, kShiftedReg<AluOp::SUB>, kDP),
    encoding("T16_ADD_imm_T1", "0001110iiinnnddd", decode_add_sub_imm_T1, kImm<AluOp::ADD>, kDP),
    encoding("T16_SUB_imm_T1", "0001111iiinnnddd", decode_add_sub_imm_T1, kImm<AluOp::SUB>, kDP),
    encoding("T16_MOV_imm_T1", "00100dddiiiiiiii", decode_imm8_T, kImm<AluOp::MOV>, kDP),
    encoding("T16_CMP_imm_T1", "00101dddiiiiiiii", decode_imm8_T, kImm<AluOp::CMP>, kDP),
    encoding("T16_ADD_imm_T2", "00110dddiiiiiiii", decode_imm8_T, kImm<AluOp::ADD>, kDP),
    encoding("T16_SUB_imm_T2", "00111dddiiiiiiii", decode_imm8_T, kImm<AluOp::SUB>, kDP),
    encoding("T16_AND_reg_T1", "0100000000mmmddd", decode_dp_reg_T1, kShiftedReg<AluOp::AND>, kDP),
    encoding("T16_EOR_reg_T1", "0100000001mmmddd", decode_dp_reg_T1, kShiftedReg<AluOp::EOR>, kDP),
    encoding("T16_LSL_reg_T1", "0100000010mmmddd", decode_shift_reg_T1<ShiftType::LSL>, kRegShiftedReg<AluOp::MOV>, kDP),
    encoding("T16_LSR_reg_T1", "0100000011mmmddd", decode_shift_reg_T1<ShiftType::LSR>, kRegShiftedReg<AluOp::MOV>, kDP),
    encoding("T16_ASR_reg_T1", "0100000100mmmddd", decode_shift_reg_T1<ShiftType::ASR>, kRegShiftedReg<AluOp::MOV>, kDP),
    encoding("T16_ADC_reg_T1", "0100000101mmmddd", decode_dp_reg_T1, kShiftedReg<AluOp::ADC>, kDP),
    encoding("T16_SBC_reg_T1", "0100000110mmmddd", decode_dp_reg_T1, kShiftedReg<AluOp::SBC>, kDP),
    encoding("T16_ROR_reg_T1", "0100000111mmmddd", decode_shift_reg_T1<ShiftType::ROR>, kRegShiftedReg<AluOp::MOV>, kDP),
    encoding("T16_TST_reg_T1", "0100001000mmmddd", decode_dp_reg_T1, kShiftedReg<AluOp::TST>, kDP),
    encoding("T16_RSB_imm_T1", "0100001001nnnddd", decode_RSB_imm_T1, kImm<AluOp::RSB>, kDP),
    encoding("T16_CMP_reg_T1", "0100001010mmmddd", decode_dp_reg_T1, kShiftedReg<AluOp::CMP>, kDP),
    encoding("T16_CMN_reg_T1", "0100001011mmmddd", decode_dp_reg_T1, kShiftedReg<AluOp::CMN>, kDP),
    encoding("T16_ORR_reg_T1", "0100001100mmmddd", decode_dp_reg_T1, kShiftedReg<AluOp::ORR>, kDP),
    encoding("T16_BIC_reg_T1", "0100001110mmmddd", decode_dp_reg_T1, kShiftedReg<AluOp::BIC>, kDP),
    encoding("T16_MVN_reg_T1", "0100001111mmmddd", decode_dp_reg_T1, kShiftedReg<AluOp::MVN>, kDP),
    encoding("T16_ADD_reg_T2", "01000100dmmmmddd", decode_ADD_reg_T2, kShiftedReg<AluOp::ADD>, kDP),
    encoding("T16_ADD_SP_reg_T1", "01000100d1101ddd", decode_ADD_SP_reg_T1, kShiftedReg<AluOp::ADD>, kDP),
    encoding("T16_CMP_reg_T2", "01000101nmmmmnnn", decode_CMP_reg_T2, kShiftedReg<AluOp::CMP>, kDP),
    encoding("T16_MOV_reg_T1", "01000110dmmmmddd", decode_MOV_reg_T1, kShiftedReg<AluOp::MOV>, kDP),
    encoding("T16_ADR_T1", "10100dddiiiiiiii", decode_ADR_T1, exec::ADR, kDP),
    encoding("T16_ADD_SP_imm_T1", "10101dddiiiiiiii", decode_ADD_SP_imm_T1, kImm<AluOp::ADD>, kDP),
    encoding("T16_ADD_SP_imm_T2", "101100000iiiiiii", decode_SP_imm7, kImm<AluOp::ADD>, kDP),
    encoding("T16_SUB_SP_imm_T1", "101100001iiiiiii", decode_SP_imm7, kImm<AluOp::SUB>, kDP),
    encoding("T16_SXTH_T1", "1011001000mmmddd", decode_low_rd_rm, exec::SXTH, kDP),
    encoding("T16_SXTB_T1", "1011001001mmmddd", decode_low_rd_rm, exec::SXTB, kDP),
    encoding("T16_UXTH_T1", "1011001010mmmddd", decode_low_rd_rm, exec::UXTH, kDP),
    encoding("T16_UXTB_T1", "1011001011mmmddd", decode_low_rd_rm, exec::UXTB, kDP),
    encoding("T16_REV_T1", "1011101000mmmddd", decode_low_rd_rm, exec::REV, kDP),
    encoding("T16_REV16_T1", "1011101001mmmddd", decode_low_rd_rm, exec::REV16, kDP),
    encoding("T16_REVSH_T1", "1011101011mmmddd", decode_low_rd_rm, exec::REVSH, kDP),
};
// clang-format on

// ================================ 32-bit encodings ================================

// ---- Data processing (modified immediate) ----

// Fills imm with ThumbExpandImm(i:imm3:imm8) and flag with "the carry out is imm32<31>" (a rotated
// constant); an unrotated constant leaves the carry unchanged. Returns false for the UNPREDICTABLE
// imm8 == 0 with a replicated pattern.
bool expand_modified_imm(Fields f, DecodedInsn& out) {
  const uint32_t imm12 = f['i'];
  out.imm = thumb_expand_imm_c(imm12, false).result;
  out.flag = (imm12 >> 10) != 0;
  return (imm12 >> 10) != 0 || (imm12 >> 8) == 0 || (imm12 & 0xff) != 0;
}

// The register rules of one modified-immediate or shifted-register encoding.
enum class RegRule : uint8_t {
  DnNotSpPc,     // AND, BIC, EOR, ADC, SBC, RSB: d and n not SP or PC
  OrrOrn,        // ORR, ORN: d not SP/PC, n not SP (n == PC is MOV/MVN)
  MovMvn,        // MOV, MVN: d not SP/PC
  Test,          // TST, TEQ: n not SP/PC
  Compare,       // CMN, CMP: n not PC (CMP/CMN SP is allowed)
  AddSubWithSp,  // ADD, SUB: see check_add_sub
};

bool rule_violated(RegRule rule, unsigned d, unsigned n) {
  switch (rule) {
    case RegRule::DnNotSpPc:
      return sp_or_pc(d) || sp_or_pc(n);
    case RegRule::OrrOrn:
      return sp_or_pc(d) || n == 13;
    case RegRule::MovMvn:
      return sp_or_pc(d);
    case RegRule::Test:
      return sp_or_pc(n);
    case RegRule::Compare:
      return n == 15;
    case RegRule::AddSubWithSp:
      // ADD/SUB (immediate) T3 and (register) T3/T2: "d == 13 || (d == 15 && S == '0') || n == 15"
      // (d == 15 with S == '1' is CMN/CMP). With Rn == SP they are ADD (SP plus immediate) T3 /
      // SUB (SP minus immediate) T2, which allow d == 13 and forbid d == 15.
      if (n == 15 || d == 15) return true;
      return d == 13 && n != 13;
  }
  return true;
}

template <RegRule rule>
DecodeStatus decode_modified_imm(Fields f, DecodedInsn& out) {
  out.d = rule == RegRule::Test || rule == RegRule::Compare ? 0 : reg(f, 'd');
  out.n = rule == RegRule::MovMvn ? 0 : reg(f, 'n');
  out.setflags = f['s'] ? SetFlags::Yes : SetFlags::No;
  if (!expand_modified_imm(f, out)) return DecodeStatus::Unpredictable;
  return ok_unless(rule_violated(rule, out.d, out.n));
}

// ---- Data processing (plain binary immediate) ----

// ADD (immediate) T4 / SUB (immediate) T4: ADDW/SUBW <Rd>, <Rn>, #<imm12>. Rn == PC is ADR
// (declared); Rn == SP is ADD (SP plus immediate) T4 / SUB (SP minus immediate) T3.
DecodeStatus decode_addw_subw(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = reg(f, 'n');
  out.imm = f['i'];
  out.setflags = SetFlags::No;
  // "if d IN {13,15} then UNPREDICTABLE"; the SP forms: "if d == 15 then UNPREDICTABLE".
  return ok_unless(out.d == 15 || (out.d == 13 && out.n != 13));
}

// ADR T3 (add) and T2 (subtract): ADR.W <Rd>, <label>; imm is stored negated for T2.
template <bool add>
DecodeStatus decode_ADR_T32(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.imm = add ? f['i'] : 0u - f['i'];
  // "if d IN {13,15} then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.d));
}

// MOV (immediate) T3 (MOVW) and MOVT T1: imm16 = imm4:i:imm3:imm8.
DecodeStatus decode_imm16(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.imm = (f['k'] << 12) | f['i'];
  out.setflags = SetFlags::No;
  out.flag = false;
  // "if d IN {13,15} then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.d));
}

// SSAT T1 / USAT T1: <op> <Rd>, #<imm>, <Rn>{, <shift>}; shift = DecodeImmShift(sh:'0', imm3:imm2).
// SSAT saturates to sat_imm + 1 bits, USAT to sat_imm bits. (sh == 1 with a zero amount is
// SSAT16/USAT16, declared.)
template <bool is_signed>
DecodeStatus decode_sat(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = reg(f, 'n');
  const auto [shift_type, amount] = decode_imm_shift(f['h'] << 1, f['i']);
  out.shift_type = shift_type;
  out.shift_n = amount;
  out.imm = f['s'] + (is_signed ? 1 : 0);
  // sh == 1 with a zero amount is the SSAT16/USAT16 encoding; arriving here means one of its (0)
  // bits [5:4] is set, which is UNPREDICTABLE.
  if (f['h'] != 0 && f['i'] == 0) return DecodeStatus::Unpredictable;
  // "if d IN {13,15} || n IN {13,15} then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.d) || sp_or_pc(out.n));
}

// SSAT16 T1 / USAT16 T1: saturate to sat_imm + 1 (signed) or sat_imm (unsigned) bits.
template <bool is_signed>
DecodeStatus decode_sat16(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = reg(f, 'n');
  out.imm = f['s'] + (is_signed ? 1 : 0);
  // "if d IN {13,15} || n IN {13,15} then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.d) || sp_or_pc(out.n));
}

// SBFX / UBFX T1: lsbit = imm3:imm2, widthminus1.
DecodeStatus decode_bitfield_extract(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = reg(f, 'n');
  out.imm = f['i'];
  out.imm2 = f['w'];
  // "if d IN {13,15} || n IN {13,15} then UNPREDICTABLE"; "if msbit > 31 then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.d) || sp_or_pc(out.n) || out.imm + out.imm2 > 31);
}

// BFI T1 / BFC T1: lsbit = imm3:imm2, msbit = msb.
template <bool insert>
DecodeStatus decode_bitfield_insert(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = insert ? reg(f, 'n') : 15;
  out.imm = f['i'];
  out.imm2 = f['k'];
  // "if d IN {13,15} || n == 13 then UNPREDICTABLE" (BFI's n == 15 is BFC); "if msbit < lsbit then
  // UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.d) || (insert && out.n == 13) || out.imm2 < out.imm);
}

// ---- Data processing (shifted register) ----

template <RegRule rule>
DecodeStatus decode_shifted_reg(Fields f, DecodedInsn& out) {
  out.d = rule == RegRule::Test || rule == RegRule::Compare ? 0 : reg(f, 'd');
  out.n = rule == RegRule::MovMvn ? 0 : reg(f, 'n');
  out.m = reg(f, 'm');
  out.setflags = f['s'] ? SetFlags::Yes : SetFlags::No;
  const auto [shift_type, amount] = decode_imm_shift(f['t'], f['i']);
  out.shift_type = shift_type;
  out.shift_n = amount;
  if (rule == RegRule::AddSubWithSp && out.n == 13) {
    // ADD (SP plus register) T3 / SUB (SP minus register) T1: "if d == 13 && (shift_t != LSL ||
    // shift_n > 3) then UNPREDICTABLE; if d == 15 || m IN {13,15} then UNPREDICTABLE".
    if (out.d == 13 && (shift_type != ShiftType::LSL || amount > 3)) {
      return DecodeStatus::Unpredictable;
    }
    return ok_unless(out.d == 15 || sp_or_pc(out.m));
  }
  // Every shifted-register form forbids m IN {13,15}.
  return ok_unless(rule_violated(rule, out.d, out.n) || sp_or_pc(out.m));
}

// MOV (register) T3: MOV{S}.W <Rd>, <Rm>{, <shift> #<amount>} (the immediate shifts and RRX are
// its aliases).
DecodeStatus decode_MOV_reg_T3(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.m = reg(f, 'm');
  out.setflags = f['s'] ? SetFlags::Yes : SetFlags::No;
  const auto [shift_type, amount] = decode_imm_shift(f['t'], f['i']);
  out.shift_type = shift_type;
  out.shift_n = amount;
  const bool plain_move = shift_type == ShiftType::LSL && amount == 0 && !f['s'];
  if (plain_move) {
    // "if !setflags && (d == 15 || m == 15 || (d == 13 && m == 13)) then UNPREDICTABLE".
    return ok_unless(out.d == 15 || out.m == 15 || (out.d == 13 && out.m == 13));
  }
  // Shifted or flag-setting: "if d IN {13,15} || m IN {13,15} then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.d) || sp_or_pc(out.m));
}

// PKHBT / PKHTB T1: tbform = tb; shift = DecodeImmShift(tb:'0', imm3:imm2).
DecodeStatus decode_PKH(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = reg(f, 'n');
  out.m = reg(f, 'm');
  out.flag = f['b'] != 0;
  const auto [shift_type, amount] = decode_imm_shift(f['b'] << 1, f['i']);
  out.shift_type = shift_type;
  out.shift_n = amount;
  // "if d IN {13,15} || n IN {13,15} || m IN {13,15} then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.d) || sp_or_pc(out.n) || sp_or_pc(out.m));
}

// ---- Register-controlled shifts, extends, parallel and miscellaneous ----

// MOV (register-shifted register) T2 (LSL/LSR/ASR/ROR (register) T2): <op>{S}.W <Rd>, <Rm>, <Rs>.
// Operand slots: m = shifted register, a = amount register.
DecodeStatus decode_shift_reg_T2(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.m = reg(f, 'm');
  out.a = reg(f, 'a');
  out.shift_type = decode_reg_shift(f['t']);
  out.setflags = f['s'] ? SetFlags::Yes : SetFlags::No;
  // "if d IN {13,15} || m IN {13,15} || s IN {13,15} then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.d) || sp_or_pc(out.m) || sp_or_pc(out.a));
}

// SXTAB/SXTAB16/SXTAH/UXTAB/UXTAB16/UXTAH T1 (add forms) and SXTB/SXTB16/SXTH/UXTB/UXTB16/UXTH T2
// (Rn == '1111', declared): rotation = rotate:'000'.
template <bool add>
DecodeStatus decode_extend_T32(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = add ? reg(f, 'n') : 15;
  out.m = reg(f, 'm');
  out.imm = f['r'] << 3;
  // "if d IN {13,15} || n == 13 || m IN {13,15} then UNPREDICTABLE" (n == 15 is the non-add form).
  return ok_unless(sp_or_pc(out.d) || (add && out.n == 13) || sp_or_pc(out.m));
}

// Three-register forms: parallel add/subtract, QADD/QSUB/QDADD/QDSUB, SEL.
DecodeStatus decode_three_regs(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = reg(f, 'n');
  out.m = reg(f, 'm');
  // "if d IN {13,15} || n IN {13,15} || m IN {13,15} then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.d) || sp_or_pc(out.n) || sp_or_pc(out.m));
}

// REV/REV16/REVSH/RBIT/CLZ T2/T1: Rm appears twice in the encoding.
DecodeStatus decode_two_regs_consistent(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.m = reg(f, 'm');
  // "if !Consistent(Rm) then UNPREDICTABLE"; "if d IN {13,15} || m IN {13,15} then UNPREDICTABLE".
  return ok_unless(reg(f, 'n') != out.m || sp_or_pc(out.d) || sp_or_pc(out.m));
}

// CSEL/CSINC/CSINV/CSNEG T1 (Armv8.1-M): Rn/Rm == '1111' read as zero (ZR).
DecodeStatus decode_conditional_select(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = reg(f, 'n');
  out.m = reg(f, 'm');
  out.cond = static_cast<uint8_t>(f['c']);
  // "if d IN {13,15} || n == 13 || m == 13 then UNPREDICTABLE". A condition of AL or 0b1111 is
  // also CONSTRAINED UNPREDICTABLE: we choose UNDEFINED.
  return ok_unless(sp_or_pc(out.d) || out.n == 13 || out.m == 13 || out.cond >= 14);
}

template <exec::ParallelKind kind, exec::ParallelOp op>
constexpr ExecFn kParallel = exec::parallel<kind, op>;
using PK = exec::ParallelKind;
using PO = exec::ParallelOp;

// clang-format off
constexpr Encoding kT32[] = {
    // Data processing (modified immediate)
    encoding("T32_AND_imm_T1", "11110i00000snnnn0iiiddddiiiiiiii", decode_modified_imm<RegRule::DnNotSpPc>, kExpandedImm<AluOp::AND>, kDP),
    encoding("T32_TST_imm_T1", "11110i000001nnnn0iii1111iiiiiiii", decode_modified_imm<RegRule::Test>, kExpandedImm<AluOp::TST>, kDP),
    encoding("T32_BIC_imm_T1", "11110i00001snnnn0iiiddddiiiiiiii", decode_modified_imm<RegRule::DnNotSpPc>, kExpandedImm<AluOp::BIC>, kDP),
    encoding("T32_ORR_imm_T1", "11110i00010snnnn0iiiddddiiiiiiii", decode_modified_imm<RegRule::OrrOrn>, kExpandedImm<AluOp::ORR>, kDP),
    encoding("T32_MOV_imm_T2", "11110i00010s11110iiiddddiiiiiiii", decode_modified_imm<RegRule::MovMvn>, kExpandedImm<AluOp::MOV>, kDP),
    encoding("T32_ORN_imm_T1", "11110i00011snnnn0iiiddddiiiiiiii", decode_modified_imm<RegRule::OrrOrn>, kExpandedImm<AluOp::ORN>, kDP),
    encoding("T32_MVN_imm_T1", "11110i00011s11110iiiddddiiiiiiii", decode_modified_imm<RegRule::MovMvn>, kExpandedImm<AluOp::MVN>, kDP),
    encoding("T32_EOR_imm_T1", "11110i00100snnnn0iiiddddiiiiiiii", decode_modified_imm<RegRule::DnNotSpPc>, kExpandedImm<AluOp::EOR>, kDP),
    encoding("T32_TEQ_imm_T1", "11110i001001nnnn0iii1111iiiiiiii", decode_modified_imm<RegRule::Test>, kExpandedImm<AluOp::TEQ>, kDP),
    encoding("T32_ADD_imm_T3", "11110i01000snnnn0iiiddddiiiiiiii", decode_modified_imm<RegRule::AddSubWithSp>, kImm<AluOp::ADD>, kDP),
    encoding("T32_CMN_imm_T1", "11110i010001nnnn0iii1111iiiiiiii", decode_modified_imm<RegRule::Compare>, kImm<AluOp::CMN>, kDP),
    encoding("T32_ADC_imm_T1", "11110i01010snnnn0iiiddddiiiiiiii", decode_modified_imm<RegRule::DnNotSpPc>, kImm<AluOp::ADC>, kDP),
    encoding("T32_SBC_imm_T1", "11110i01011snnnn0iiiddddiiiiiiii", decode_modified_imm<RegRule::DnNotSpPc>, kImm<AluOp::SBC>, kDP),
    encoding("T32_SUB_imm_T3", "11110i01101snnnn0iiiddddiiiiiiii", decode_modified_imm<RegRule::AddSubWithSp>, kImm<AluOp::SUB>, kDP),
    encoding("T32_CMP_imm_T2", "11110i011011nnnn0iii1111iiiiiiii", decode_modified_imm<RegRule::Compare>, kImm<AluOp::CMP>, kDP),
    encoding("T32_RSB_imm_T2", "11110i01110snnnn0iiiddddiiiiiiii", decode_modified_imm<RegRule::DnNotSpPc>, kImm<AluOp::RSB>, kDP),

    // Data processing (plain binary immediate)
    encoding("T32_ADD_imm_T4", "11110i100000nnnn0iiiddddiiiiiiii", decode_addw_subw, kImm<AluOp::ADD>, kDP),
    encoding("T32_ADR_T3", "11110i10000011110iiiddddiiiiiiii", decode_ADR_T32<true>, exec::ADR, kDP),
    encoding("T32_SUB_imm_T4", "11110i101010nnnn0iiiddddiiiiiiii", decode_addw_subw, kImm<AluOp::SUB>, kDP),
    encoding("T32_ADR_T2", "11110i10101011110iiiddddiiiiiiii", decode_ADR_T32<false>, exec::ADR, kDP),
    encoding("T32_MOV_imm_T3", "11110i100100kkkk0iiiddddiiiiiiii", decode_imm16, kImm<AluOp::MOV>, kDP),
    encoding("T32_MOVT_T1", "11110i101100kkkk0iiiddddiiiiiiii", decode_imm16, exec::MOVT, kDP),
    encoding("T32_SSAT_T1", "1111001100h0nnnn0iiiddddii0sssss", decode_sat<true>, exec::SSAT, kDP),
    encoding("T32_SSAT16_T1", "111100110010nnnn0000dddd0000ssss", decode_sat16<true>, exec::SSAT16, kDP),
    encoding("T32_SBFX_T1", "111100110100nnnn0iiiddddii0wwwww", decode_bitfield_extract, exec::SBFX, kDP),
    encoding("T32_BFI_T1", "111100110110nnnn0iiiddddii0kkkkk", decode_bitfield_insert<true>, exec::BFI, kDP),
    encoding("T32_BFC_T1", "11110011011011110iiiddddii0kkkkk", decode_bitfield_insert<false>, exec::BFC, kDP),
    encoding("T32_USAT_T1", "1111001110h0nnnn0iiiddddii0sssss", decode_sat<false>, exec::USAT, kDP),
    encoding("T32_USAT16_T1", "111100111010nnnn0000dddd0000ssss", decode_sat16<false>, exec::USAT16, kDP),
    encoding("T32_UBFX_T1", "111100111100nnnn0iiiddddii0wwwww", decode_bitfield_extract, exec::UBFX, kDP),

    // Data processing (shifted register)
    encoding("T32_AND_reg_T2", "11101010000snnnn0iiiddddiittmmmm", decode_shifted_reg<RegRule::DnNotSpPc>, kShiftedReg<AluOp::AND>, kDP),
    encoding("T32_TST_reg_T2", "111010100001nnnn0iii1111iittmmmm", decode_shifted_reg<RegRule::Test>, kShiftedReg<AluOp::TST>, kDP),
    encoding("T32_BIC_reg_T2", "11101010001snnnn0iiiddddiittmmmm", decode_shifted_reg<RegRule::DnNotSpPc>, kShiftedReg<AluOp::BIC>, kDP),
    encoding("T32_ORR_reg_T2", "11101010010snnnn0iiiddddiittmmmm", decode_shifted_reg<RegRule::OrrOrn>, kShiftedReg<AluOp::ORR>, kDP),
    encoding("T32_MOV_reg_T3", "11101010010s11110iiiddddiittmmmm", decode_MOV_reg_T3, kShiftedReg<AluOp::MOV>, kDP),
    encoding("T32_ORN_reg_T1", "11101010011snnnn0iiiddddiittmmmm", decode_shifted_reg<RegRule::OrrOrn>, kShiftedReg<AluOp::ORN>, kDP),
    encoding("T32_MVN_reg_T2", "11101010011s11110iiiddddiittmmmm", decode_shifted_reg<RegRule::MovMvn>, kShiftedReg<AluOp::MVN>, kDP),
    encoding("T32_EOR_reg_T2", "11101010100snnnn0iiiddddiittmmmm", decode_shifted_reg<RegRule::DnNotSpPc>, kShiftedReg<AluOp::EOR>, kDP),
    encoding("T32_TEQ_reg_T1", "111010101001nnnn0iii1111iittmmmm", decode_shifted_reg<RegRule::Test>, kShiftedReg<AluOp::TEQ>, kDP),
    encoding("T32_PKH_T1", "111010101100nnnn0iiiddddiib0mmmm", decode_PKH, exec::PKH, kDP),
    encoding("T32_ADD_reg_T3", "11101011000snnnn0iiiddddiittmmmm", decode_shifted_reg<RegRule::AddSubWithSp>, kShiftedReg<AluOp::ADD>, kDP),
    encoding("T32_CMN_reg_T2", "111010110001nnnn0iii1111iittmmmm", decode_shifted_reg<RegRule::Compare>, kShiftedReg<AluOp::CMN>, kDP),
    encoding("T32_ADC_reg_T2", "11101011010snnnn0iiiddddiittmmmm", decode_shifted_reg<RegRule::DnNotSpPc>, kShiftedReg<AluOp::ADC>, kDP),
    encoding("T32_SBC_reg_T2", "11101011011snnnn0iiiddddiittmmmm", decode_shifted_reg<RegRule::DnNotSpPc>, kShiftedReg<AluOp::SBC>, kDP),
    encoding("T32_SUB_reg_T2", "11101011101snnnn0iiiddddiittmmmm", decode_shifted_reg<RegRule::AddSubWithSp>, kShiftedReg<AluOp::SUB>, kDP),
    encoding("T32_CMP_reg_T3", "111010111011nnnn0iii1111iittmmmm", decode_shifted_reg<RegRule::Compare>, kShiftedReg<AluOp::CMP>, kDP),
    encoding("T32_RSB_reg_T1", "11101011110snnnn0iiiddddiittmmmm", decode_shifted_reg<RegRule::DnNotSpPc>, kShiftedReg<AluOp::RSB>, kDP),

    // Armv8.1-M conditional select (in the ORRS shifted-register space with bit 15 set)
    encoding("T32_CSEL_T1", "111010100101nnnn1000ddddccccmmmm", decode_conditional_select, exec::CSEL, kDP),
    encoding("T32_CSINC_T1", "111010100101nnnn1001ddddccccmmmm", decode_conditional_select, exec::CSINC, kDP),
    encoding("T32_CSINV_T1", "111010100101nnnn1010ddddccccmmmm", decode_conditional_select, exec::CSINV, kDP),
    encoding("T32_CSNEG_T1", "111010100101nnnn1011ddddccccmmmm", decode_conditional_select, exec::CSNEG, kDP),

    // Register-controlled shifts
    encoding("T32_MOV_rsr_T2", "111110100ttsmmmm1111dddd0000aaaa", decode_shift_reg_T2, kRegShiftedReg<AluOp::MOV>, kDP),

    // Extend and extend-with-add
    encoding("T32_SXTAH_T1", "111110100000nnnn1111dddd10rrmmmm", decode_extend_T32<true>, exec::SXTAH, kDP),
    encoding("T32_SXTH_T2", "11111010000011111111dddd10rrmmmm", decode_extend_T32<false>, exec::SXTH, kDP),
    encoding("T32_UXTAH_T1", "111110100001nnnn1111dddd10rrmmmm", decode_extend_T32<true>, exec::UXTAH, kDP),
    encoding("T32_UXTH_T2", "11111010000111111111dddd10rrmmmm", decode_extend_T32<false>, exec::UXTH, kDP),
    encoding("T32_SXTAB16_T1", "111110100010nnnn1111dddd10rrmmmm", decode_extend_T32<true>, exec::SXTAB16, kDP),
    encoding("T32_SXTB16_T1", "11111010001011111111dddd10rrmmmm", decode_extend_T32<false>, exec::SXTB16, kDP),
    encoding("T32_UXTAB16_T1", "111110100011nnnn1111dddd10rrmmmm", decode_extend_T32<true>, exec::UXTAB16, kDP),
    encoding("T32_UXTB16_T1", "11111010001111111111dddd10rrmmmm", decode_extend_T32<false>, exec::UXTB16, kDP),
    encoding("T32_SXTAB_T1", "111110100100nnnn1111dddd10rrmmmm", decode_extend_T32<true>, exec::SXTAB, kDP),
    encoding("T32_SXTB_T2", "11111010010011111111dddd10rrmmmm", decode_extend_T32<false>, exec::SXTB, kDP),
    encoding("T32_UXTAB_T1", "111110100101nnnn1111dddd10rrmmmm", decode_extend_T32<true>, exec::UXTAB, kDP),
    encoding("T32_UXTB_T2", "11111010010111111111dddd10rrmmmm", decode_extend_T32<false>, exec::UXTB, kDP),

    // Parallel addition and subtraction, signed
    encoding("T32_SADD16_T1", "111110101001nnnn1111dddd0000mmmm", decode_three_regs, kParallel<PK::Signed, PO::ADD16>, kDP),
    encoding("T32_SASX_T1", "111110101010nnnn1111dddd0000mmmm", decode_three_regs, kParallel<PK::Signed, PO::ASX>, kDP),
    encoding("T32_SSAX_T1", "111110101110nnnn1111dddd0000mmmm", decode_three_regs, kParallel<PK::Signed, PO::SAX>, kDP),
    encoding("T32_SSUB16_T1", "111110101101nnnn1111dddd0000mmmm", decode_three_regs, kParallel<PK::Signed, PO::SUB16>, kDP),
    encoding("T32_SADD8_T1", "111110101000nnnn1111dddd0000mmmm", decode_three_regs, kParallel<PK::Signed, PO::ADD8>, kDP),
    encoding("T32_SSUB8_T1", "111110101100nnnn1111dddd0000mmmm", decode_three_regs, kParallel<PK::Signed, PO::SUB8>, kDP),
    encoding("T32_QADD16_T1", "111110101001nnnn1111dddd0001mmmm", decode_three_regs, kParallel<PK::SignedSaturating, PO::ADD16>, kDP),
    encoding("T32_QASX_T1", "111110101010nnnn1111dddd0001mmmm", decode_three_regs, kParallel<PK::SignedSaturating, PO::ASX>, kDP),
    encoding("T32_QSAX_T1", "111110101110nnnn1111dddd0001mmmm", decode_three_regs, kParallel<PK::SignedSaturating, PO::SAX>, kDP),
    encoding("T32_QSUB16_T1", "111110101101nnnn1111dddd0001mmmm", decode_three_regs, kParallel<PK::SignedSaturating, PO::SUB16>, kDP),
    encoding("T32_QADD8_T1", "111110101000nnnn1111dddd0001mmmm", decode_three_regs, kParallel<PK::SignedSaturating, PO::ADD8>, kDP),
    encoding("T32_QSUB8_T1", "111110101100nnnn1111dddd0001mmmm", decode_three_regs, kParallel<PK::SignedSaturating, PO::SUB8>, kDP),
    encoding("T32_SHADD16_T1", "111110101001nnnn1111dddd0010mmmm", decode_three_regs, kParallel<PK::SignedHalving, PO::ADD16>, kDP),
    encoding("T32_SHASX_T1", "111110101010nnnn1111dddd0010mmmm", decode_three_regs, kParallel<PK::SignedHalving, PO::ASX>, kDP),
    encoding("T32_SHSAX_T1", "111110101110nnnn1111dddd0010mmmm", decode_three_regs, kParallel<PK::SignedHalving, PO::SAX>, kDP),
    encoding("T32_SHSUB16_T1", "111110101101nnnn1111dddd0010mmmm", decode_three_regs, kParallel<PK::SignedHalving, PO::SUB16>, kDP),
    encoding("T32_SHADD8_T1", "111110101000nnnn1111dddd0010mmmm", decode_three_regs, kParallel<PK::SignedHalving, PO::ADD8>, kDP),
    encoding("T32_SHSUB8_T1", "111110101100nnnn1111dddd0010mmmm", decode_three_regs, kParallel<PK::SignedHalving, PO::SUB8>, kDP),
    // Parallel addition and subtraction, unsigned
    encoding("T32_UADD16_T1", "111110101001nnnn1111dddd0100mmmm", decode_three_regs, kParallel<PK::Unsigned, PO::ADD16>, kDP),
    encoding("T32_UASX_T1", "111110101010nnnn1111dddd0100mmmm", decode_three_regs, kParallel<PK::Unsigned, PO::ASX>, kDP),
    encoding("T32_USAX_T1", "111110101110nnnn1111dddd0100mmmm", decode_three_regs, kParallel<PK::Unsigned, PO::SAX>, kDP),
    encoding("T32_USUB16_T1", "111110101101nnnn1111dddd0100mmmm", decode_three_regs, kParallel<PK::Unsigned, PO::SUB16>, kDP),
    encoding("T32_UADD8_T1", "111110101000nnnn1111dddd0100mmmm", decode_three_regs, kParallel<PK::Unsigned, PO::ADD8>, kDP),
    encoding("T32_USUB8_T1", "111110101100nnnn1111dddd0100mmmm", decode_three_regs, kParallel<PK::Unsigned, PO::SUB8>, kDP),
    encoding("T32_UQADD16_T1", "111110101001nnnn1111dddd0101mmmm", decode_three_regs, kParallel<PK::UnsignedSaturating, PO::ADD16>, kDP),
    encoding("T32_UQASX_T1", "111110101010nnnn1111dddd0101mmmm", decode_three_regs, kParallel<PK::UnsignedSaturating, PO::ASX>, kDP),
    encoding("T32_UQSAX_T1", "111110101110nnnn1111dddd0101mmmm", decode_three_regs, kParallel<PK::UnsignedSaturating, PO::SAX>, kDP),
    encoding("T32_UQSUB16_T1", "111110101101nnnn1111dddd0101mmmm", decode_three_regs, kParallel<PK::UnsignedSaturating, PO::SUB16>, kDP),
    encoding("T32_UQADD8_T1", "111110101000nnnn1111dddd0101mmmm", decode_three_regs, kParallel<PK::UnsignedSaturating, PO::ADD8>, kDP),
    encoding("T32_UQSUB8_T1", "111110101100nnnn1111dddd0101mmmm", decode_three_regs, kParallel<PK::UnsignedSaturating, PO::SUB8>, kDP),
    encoding("T32_UHADD16_T1", "111110101001nnnn1111dddd0110mmmm", decode_three_regs, kParallel<PK::UnsignedHalving, PO::ADD16>, kDP),
    encoding("T32_UHASX_T1", "111110101010nnnn1111dddd0110mmmm", decode_three_regs, kParallel<PK::UnsignedHalving, PO::ASX>, kDP),
    encoding("T32_UHSAX_T1", "111110101110nnnn1111dddd0110mmmm", decode_three_regs, kParallel<PK::UnsignedHalving, PO::SAX>, kDP),
    encoding("T32_UHSUB16_T1", "111110101101nnnn1111dddd0110mmmm", decode_three_regs, kParallel<PK::UnsignedHalving, PO::SUB16>, kDP),
    encoding("T32_UHADD8_T1", "111110101000nnnn1111dddd0110mmmm", decode_three_regs, kParallel<PK::UnsignedHalving, PO::ADD8>, kDP),
    encoding("T32_UHSUB8_T1", "111110101100nnnn1111dddd0110mmmm", decode_three_regs, kParallel<PK::UnsignedHalving, PO::SUB8>, kDP),

    // Miscellaneous operations
    encoding("T32_QADD_T1", "111110101000nnnn1111dddd1000mmmm", decode_three_regs, exec::QADD, kDP),
    encoding("T32_QDADD_T1", "111110101000nnnn1111dddd1001mmmm", decode_three_regs, exec::QDADD, kDP),
    encoding("T32_QSUB_T1", "111110101000nnnn1111dddd1010mmmm", decode_three_regs, exec::QSUB, kDP),
    encoding("T32_QDSUB_T1", "111110101000nnnn1111dddd1011mmmm", decode_three_regs, exec::QDSUB, kDP),
    encoding("T32_REV_T2", "111110101001nnnn1111dddd1000mmmm", decode_two_regs_consistent, exec::REV, kDP),
    encoding("T32_REV16_T2", "111110101001nnnn1111dddd1001mmmm", decode_two_regs_consistent, exec::REV16, kDP),
    encoding("T32_RBIT_T1", "111110101001nnnn1111dddd1010mmmm", decode_two_regs_consistent, exec::RBIT, kDP),
    encoding("T32_REVSH_T2", "111110101001nnnn1111dddd1011mmmm", decode_two_regs_consistent, exec::REVSH, kDP),
    encoding("T32_SEL_T1", "111110101010nnnn1111dddd1000mmmm", decode_three_regs, exec::SEL, kDP),
    encoding("T32_CLZ_T1", "111110101011nnnn1111dddd1000mmmm", decode_two_regs_consistent, exec::CLZ, kDP),
};
// clang-format on

constexpr Overlap kOverlaps[] = {
    // 16-bit
    {"T16_MOV_reg_T2", "T16_LSL_imm_T1"},     // LSL #0 is MOVS <Rd>, <Rm>
    {"T16_ADD_SP_reg_T1", "T16_ADD_reg_T2"},  // Rm == SP
    // Modified immediate
    {"T32_TST_imm_T1", "T32_AND_imm_T1"},
    {"T32_MOV_imm_T2", "T32_ORR_imm_T1"},
    {"T32_MVN_imm_T1", "T32_ORN_imm_T1"},
    {"T32_TEQ_imm_T1", "T32_EOR_imm_T1"},
    {"T32_CMN_imm_T1", "T32_ADD_imm_T3"},
    {"T32_CMP_imm_T2", "T32_SUB_imm_T3"},
    // Plain binary immediate
    {"T32_ADR_T3", "T32_ADD_imm_T4"},
    {"T32_ADR_T2", "T32_SUB_imm_T4"},
    {"T32_SSAT16_T1", "T32_SSAT_T1"},
    {"T32_USAT16_T1", "T32_USAT_T1"},
    {"T32_BFC_T1", "T32_BFI_T1"},
    // Shifted register
    {"T32_TST_reg_T2", "T32_AND_reg_T2"},
    {"T32_MOV_reg_T3", "T32_ORR_reg_T2"},
    {"T32_MVN_reg_T2", "T32_ORN_reg_T1"},
    {"T32_TEQ_reg_T1", "T32_EOR_reg_T2"},
    {"T32_CMN_reg_T2", "T32_ADD_reg_T3"},
    {"T32_CMP_reg_T3", "T32_SUB_reg_T2"},
    // Extend: Rn == '1111' is the form without add
    {"T32_SXTH_T2", "T32_SXTAH_T1"},
    {"T32_UXTH_T2", "T32_UXTAH_T1"},
    {"T32_SXTB16_T1", "T32_SXTAB16_T1"},
    {"T32_UXTB16_T1", "T32_UXTAB16_T1"},
    {"T32_SXTB_T2", "T32_SXTAB_T1"},
    {"T32_UXTB_T2", "T32_UXTAB_T1"},
};

}  // namespace

EncodingGroup data_processing_group() {
  return {"data processing", kT16, kT32, kOverlaps};
}

}  // namespace minifvp::cpu
