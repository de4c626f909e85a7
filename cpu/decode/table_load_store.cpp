// Encodings of the load/store group: single loads and stores (T16 and T32, all addressing modes),
// load/store multiple and PUSH/POP, dual, exclusive, load-acquire/store-release, table branch and
// the preload hints. Each decode function is the Arm ARM's (Armv8-M) decode pseudocode for that
// encoding; the execute functions are in cpu/exec/load_store.cpp.
//
// Conventions of this table:
//  - "(0)" and "(1)" bits of the manual's encodings are fixed in the patterns. An encoding with
//    such a bit flipped is UNPREDICTABLE; matching no row makes it UNDEFINED, which is our
//    CONSTRAINED UNPREDICTABLE choice everywhere (as QEMU's decoder does).
//  - UNPREDICTABLE register choices return DecodeStatus::Unpredictable (executed as UNDEFINED).
//  - "if Rt == '1111' then SEE PLD/PLI" are declared overlaps (the hint rows fix Rt).
//  - "if Rn == '1111' then SEE <load> (literal)" is handled in the decode functions of the T32
//    load rows, which call the literal decoder. The literal encodings cannot be rows of their
//    own: a literal row (Rn fixed, the second halfword free) and an Rt == '1111' hint row (Rt
//    fixed) intersect without one containing the other, which tests/unit/decoder_table_test.cpp
//    rightly forbids. Register-offset rows therefore cover the whole "0xxxxx" op2 space of the
//    second halfword, so that every literal encoding reaches a row.
#include <bit>

#include "cpu/arm_pseudocode.h"
#include "cpu/decode/groups.h"
#include "cpu/exec/load_store.h"

namespace minifvp::cpu {
namespace {

using Status = DecodeStatus;

uint8_t reg_field(Fields f, char letter) {
  return static_cast<uint8_t>(f[letter]);
}

// ---------------------------------------------------------------------------------------------
// T16
// ---------------------------------------------------------------------------------------------

// LDR (literal) T1: LDR <Rt>, <label>; imm32 = ZeroExtend(imm8:'00'); add = TRUE.
Status decode_LDR_lit_T1(Fields f, DecodedInsn& out) {
  out.t = reg_field(f, 't');
  out.imm = f['i'] << 2;
  out.add = true;
  return Status::Ok;
}

// Load/store (register) T1 forms: <op> <Rt>, [<Rn>, <Rm>]; no shift, offset, no writeback.
Status decode_T16_register_offset(Fields f, DecodedInsn& out) {
  out.t = reg_field(f, 't');
  out.n = reg_field(f, 'n');
  out.m = reg_field(f, 'm');
  out.shift_n = 0;
  return Status::Ok;
}

// Load/store (immediate) T1 forms: imm32 = ZeroExtend(imm5:<scale zeros>); offset addressing.
template <unsigned kScaleBits>
Status decode_T16_immediate(Fields f, DecodedInsn& out) {
  out.t = reg_field(f, 't');
  out.n = reg_field(f, 'n');
  out.imm = f['i'] << kScaleBits;
  out.index = true;
  out.add = true;
  out.wback = false;
  return Status::Ok;
}

// LDR/STR (immediate) T2: <op> <Rt>, [SP, #imm8*4].
Status decode_T16_sp_relative(Fields f, DecodedInsn& out) {
  out.t = reg_field(f, 't');
  out.n = 13;
  out.imm = f['i'] << 2;
  out.index = true;
  out.add = true;
  out.wback = false;
  return Status::Ok;
}

// PUSH T1: registers = '0':M:'000000':register_list; BitCount < 1 is UNPREDICTABLE.
Status decode_PUSH_T1(Fields f, DecodedInsn& out) {
  out.imm = (f['m'] << 14) | f['r'];
  out.n = 13;
  out.wback = true;
  return out.imm == 0 ? Status::Unpredictable : Status::Ok;
}

// POP T1: registers = P:'0000000':register_list; BitCount < 1 is UNPREDICTABLE. (The IT rule for
// a PC in the list is checked at execution.)
Status decode_POP_T1(Fields f, DecodedInsn& out) {
  out.imm = (f['p'] << 15) | f['r'];
  out.n = 13;
  out.wback = true;
  return out.imm == 0 ? Status::Unpredictable : Status::Ok;
}

// STM T1: STM <Rn>!, <registers>; wback = TRUE. BitCount < 1 is UNPREDICTABLE.
Status decode_STM_T1(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.imm = f['r'];
  out.wback = true;
  return out.imm == 0 ? Status::Unpredictable : Status::Ok;
}

// LDM T1: LDM <Rn>{!}, <registers>; wback = (registers<n> == '0').
Status decode_LDM_T1(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.imm = f['r'];
  out.wback = ((out.imm >> out.n) & 1) == 0;
  return out.imm == 0 ? Status::Unpredictable : Status::Ok;
}

// ---------------------------------------------------------------------------------------------
// T32 single loads and stores
// ---------------------------------------------------------------------------------------------

// What a T32 single load or store transfers; selects the UNPREDICTABLE rules and the execute
// functions of each form.
enum class Access : uint8_t { Word, Half, SignedHalf, Byte, SignedByte };

constexpr bool is_word(Access a) {
  return a == Access::Word;
}

ExecFn literal_exec(Access a) {
  switch (a) {
    case Access::Word:
      return exec::LDR_lit;
    case Access::Half:
      return exec::LDRH_lit;
    case Access::SignedHalf:
      return exec::LDRSH_lit;
    case Access::Byte:
      return exec::LDRB_lit;
    case Access::SignedByte:
      return exec::LDRSB_lit;
  }
  return nullptr;
}

// LDR{,H,SH,B,SB} (literal) T1/T2: <op> <Rt>, <label>; imm32 = ZeroExtend(imm12); add = (U == 1).
// Rt == '1111': LDR loads the PC (LoadWritePC); for the byte forms it is PLD/PLI (literal); for
// the halfword forms it is a reserved memory hint that behaves as a NOP.
// Otherwise Rt == 13 is UNPREDICTABLE except for LDR.
Status decode_literal(Access access, unsigned t, uint32_t imm12, bool add, DecodedInsn& out) {
  out.t = static_cast<uint8_t>(t);
  out.imm = imm12;
  out.add = add;
  if (t == 15 && !is_word(access)) {
    out.exec = exec::memory_hint;
    return Status::Ok;
  }
  if (t == 13 && !is_word(access)) return Status::Unpredictable;
  out.exec = literal_exec(access);
  return Status::Ok;
}

// The literal form reached from a row whose Rn is '1111': U is hw1 bit 23, imm12 is hw2<11:0>.
Status decode_literal_from_raw(Access access, uint32_t raw, DecodedInsn& out) {
  return decode_literal(access, (raw >> 12) & 0xf, raw & 0xfff, ((raw >> 23) & 1) != 0, out);
}

// Loads, imm12 form (LDR T3, LDRH/LDRB T2, LDRSH/LDRSB T1): offset addressing, add = TRUE.
template <Access kAccess>
Status decode_load_imm12(Fields f, DecodedInsn& out) {
  if (f['n'] == 15) return decode_literal_from_raw(kAccess, f.raw(), out);
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.imm = f['i'];
  out.index = true;
  out.add = true;
  out.wback = false;
  if constexpr (!is_word(kAccess)) {
    // Rt == '1111' is PLD/PLI (declared rows) for the byte forms and a reserved hint (NOP) for
    // the halfword forms; Rt == 13 is UNPREDICTABLE.
    if (out.t == 15) {
      out.exec = exec::memory_hint;
      return Status::Ok;
    }
    if (out.t == 13) return Status::Unpredictable;
  }
  return Status::Ok;
}

// Loads, imm8 form with P/U/W (LDR T4, LDRH/LDRB T3, LDRSH/LDRSB T2).
//   if P == '1' && U == '1' && W == '0' then SEE <load>T (its own row);
//   if P == '0' && W == '0' then UNDEFINED;
//   LDR: if wback && n == t then UNPREDICTABLE (t == 15 is a load to the PC);
//   others: Rt == '1111' with P:U:W == '100' is PLD/PLI (rows) or a reserved hint; any other
//   t == 15, t == 13, or wback && n == t is UNPREDICTABLE.
template <Access kAccess>
Status decode_load_imm8(Fields f, DecodedInsn& out) {
  if (f['n'] == 15) return decode_literal_from_raw(kAccess, f.raw(), out);
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.imm = f['i'];
  out.index = f['p'] != 0;
  out.add = f['u'] != 0;
  out.wback = f['w'] != 0;
  if (!out.index && !out.wback) return Status::Undefined;
  if (out.wback && out.n == out.t) return Status::Unpredictable;
  if constexpr (!is_word(kAccess)) {
    if (out.t == 15 && out.index && !out.add && !out.wback) {
      out.exec = exec::memory_hint;
      return Status::Ok;
    }
    if (out.t == 13 || out.t == 15) return Status::Unpredictable;
  }
  return Status::Ok;
}

// Unprivileged loads (LDRT, LDRHT, LDRSHT, LDRBT, LDRSBT T1): offset addressing, add = TRUE;
// t == 13 or t == 15 is UNPREDICTABLE.
template <Access kAccess>
Status decode_load_unprivileged(Fields f, DecodedInsn& out) {
  if (f['n'] == 15) return decode_literal_from_raw(kAccess, f.raw(), out);
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.imm = f['i'];
  out.index = true;
  out.add = true;
  out.wback = false;
  if (out.t == 13 || out.t == 15) return Status::Unpredictable;
  return Status::Ok;
}

// Loads, register offset (LDR T2, LDRH/LDRB T2, LDRSH/LDRSB T2): offset = LSL(R[m], imm2).
// The row also covers the non-zero "z" bits of op2 (no other instruction lives there) so that
// Rn == '1111' reaches the literal form; for any other Rn they are UNDEFINED.
// m == 13 or m == 15 is UNPREDICTABLE; Rt == '1111' is PLD/PLI (rows) or a reserved hint for the
// byte and halfword forms; t == 13 is UNPREDICTABLE except for LDR.
template <Access kAccess>
Status decode_load_register(Fields f, DecodedInsn& out) {
  if (f['n'] == 15) return decode_literal_from_raw(kAccess, f.raw(), out);
  if (f['z'] != 0) return Status::Undefined;
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.m = reg_field(f, 'm');
  out.shift_n = static_cast<uint8_t>(f['s']);
  if (out.m == 13 || out.m == 15) return Status::Unpredictable;
  if constexpr (!is_word(kAccess)) {
    if (out.t == 15) {
      out.exec = exec::memory_hint;
      return Status::Ok;
    }
    if (out.t == 13) return Status::Unpredictable;
  }
  return Status::Ok;
}

// PLD/PLI (immediate, imm12 and imm8 forms) and (register): the address is computed by nothing;
// Rn == '1111' is the literal form (also a hint). PLD/PLI (register): m in {13,15} UNPREDICTABLE.
Status decode_preload_immediate(Fields, DecodedInsn&) {
  return Status::Ok;
}
Status decode_preload_register(Fields f, DecodedInsn&) {
  if (f['n'] == 15) return Status::Ok;  // the literal form, also a hint
  const uint32_t m = f['m'];
  return (m == 13 || m == 15) ? Status::Unpredictable : Status::Ok;
}

// Stores, imm12 form (STR T3, STRH/STRB T2): Rn == '1111' is UNDEFINED; t == 15 (and for the
// byte/halfword forms t == 13) is UNPREDICTABLE.
template <Access kAccess>
Status decode_store_imm12(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.imm = f['i'];
  out.index = true;
  out.add = true;
  out.wback = false;
  if (out.n == 15) return Status::Undefined;
  if (out.t == 15 || (!is_word(kAccess) && out.t == 13)) return Status::Unpredictable;
  return Status::Ok;
}

// Stores, imm8 form (STR T4, STRH/STRB T3): Rn == '1111' or P:W == '00' is UNDEFINED;
// t == 15 (byte/halfword: t in {13,15}) or wback && n == t is UNPREDICTABLE.
template <Access kAccess>
Status decode_store_imm8(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.imm = f['i'];
  out.index = f['p'] != 0;
  out.add = f['u'] != 0;
  out.wback = f['w'] != 0;
  if (out.n == 15 || (!out.index && !out.wback)) return Status::Undefined;
  if (out.t == 15 || (!is_word(kAccess) && out.t == 13)) return Status::Unpredictable;
  if (out.wback && out.n == out.t) return Status::Unpredictable;
  return Status::Ok;
}

// Unprivileged stores (STRT, STRHT, STRBT): Rn == '1111' UNDEFINED; t in {13,15} UNPREDICTABLE.
Status decode_store_unprivileged(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.imm = f['i'];
  out.index = true;
  out.add = true;
  out.wback = false;
  if (out.n == 15) return Status::Undefined;
  if (out.t == 13 || out.t == 15) return Status::Unpredictable;
  return Status::Ok;
}

// Stores, register offset (STR T2, STRH/STRB T2): Rn == '1111' UNDEFINED; t == 15 (byte/halfword:
// t in {13,15}) or m in {13,15} UNPREDICTABLE.
template <Access kAccess>
Status decode_store_register(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.m = reg_field(f, 'm');
  out.shift_n = static_cast<uint8_t>(f['s']);
  if (out.n == 15) return Status::Undefined;
  if (out.t == 15 || (!is_word(kAccess) && out.t == 13)) return Status::Unpredictable;
  if (out.m == 13 || out.m == 15) return Status::Unpredictable;
  return Status::Ok;
}

// PUSH T3 (STR T4 with Rn = SP, P:U:W = '101', imm8 = 4): t in {13,15} UNPREDICTABLE.
Status decode_PUSH_T3(Fields f, DecodedInsn& out) {
  out.n = 13;
  out.t = reg_field(f, 't');
  out.imm = 4;
  out.index = true;
  out.add = false;
  out.wback = true;
  return (out.t == 13 || out.t == 15) ? Status::Unpredictable : Status::Ok;
}

// POP T3 (LDR T4 with Rn = SP, P:U:W = '011', imm8 = 4): t == 13 UNPREDICTABLE; t == 15 loads
// the PC (the IT rule is checked at execution).
Status decode_POP_T3(Fields f, DecodedInsn& out) {
  out.n = 13;
  out.t = reg_field(f, 't');
  out.imm = 4;
  out.index = false;
  out.add = true;
  out.wback = true;
  return out.t == 13 ? Status::Unpredictable : Status::Ok;
}

// ---------------------------------------------------------------------------------------------
// T32 load/store multiple
// ---------------------------------------------------------------------------------------------

// STM T2 / STMDB T1: registers = '0':M:'0':register_list; n == 15 or BitCount < 2 is
// UNPREDICTABLE; wback && registers<n> == '1' is UNPREDICTABLE.
Status decode_store_multiple_T32(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.imm = (f['m'] << 14) | f['r'];
  out.wback = f['w'] != 0;
  if (out.n == 15 || std::popcount(out.imm) < 2) return Status::Unpredictable;
  if (out.wback && ((out.imm >> out.n) & 1) != 0) return Status::Unpredictable;
  return Status::Ok;
}

// LDM T2 / LDMDB T1: registers = P:M:'0':register_list; n == 15, BitCount < 2 or P == M == 1 is
// UNPREDICTABLE; wback && registers<n> == '1' is UNPREDICTABLE.
Status decode_load_multiple_T32(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.imm = (f['p'] << 15) | (f['m'] << 14) | f['r'];
  out.wback = f['w'] != 0;
  if (out.n == 15 || std::popcount(out.imm) < 2) return Status::Unpredictable;
  if (f['p'] != 0 && f['m'] != 0) return Status::Unpredictable;
  if (out.wback && ((out.imm >> out.n) & 1) != 0) return Status::Unpredictable;
  return Status::Ok;
}

// PUSH T2 (STMDB SP!): registers = '0':M:'0':register_list; BitCount < 2 UNPREDICTABLE.
Status decode_PUSH_T2(Fields f, DecodedInsn& out) {
  out.n = 13;
  out.imm = (f['m'] << 14) | f['r'];
  out.wback = true;
  return std::popcount(out.imm) < 2 ? Status::Unpredictable : Status::Ok;
}

// POP T2 (LDM SP!): registers = P:M:'0':register_list; BitCount < 2 or P == M == 1 UNPREDICTABLE.
Status decode_POP_T2(Fields f, DecodedInsn& out) {
  out.n = 13;
  out.imm = (f['p'] << 15) | (f['m'] << 14) | f['r'];
  out.wback = true;
  if (std::popcount(out.imm) < 2 || (f['p'] != 0 && f['m'] != 0)) return Status::Unpredictable;
  return Status::Ok;
}

// ---------------------------------------------------------------------------------------------
// T32 dual, exclusive, acquire/release, table branch
// ---------------------------------------------------------------------------------------------

// P (bit 24), U (bit 23) and W (bit 21) of the dual encodings, read from the raw bits because the
// post-indexed rows fix P and W.
bool dual_bit(Fields f, unsigned bit) {
  return ((f.raw() >> bit) & 1) != 0;
}

// LDRD (literal) T1: imm32 = ZeroExtend(imm8:'00'); W == '1' (a "(0)" bit), t == t2, or t/t2 in
// {13,15} is UNPREDICTABLE.
Status decode_LDRD_literal(Fields f, DecodedInsn& out) {
  out.exec = exec::LDRD_lit;
  out.t = reg_field(f, 't');
  out.t2 = reg_field(f, 'T');
  out.imm = f['i'] << 2;
  out.add = dual_bit(f, 23);
  if (dual_bit(f, 21)) return Status::Unpredictable;  // W, a "(0)" bit of the literal form
  if (out.t == out.t2 || out.t == 13 || out.t == 15 || out.t2 == 13 || out.t2 == 15) {
    return Status::Unpredictable;
  }
  return Status::Ok;
}

// LDRD (immediate) T1: Rn == '1111' is LDRD (literal); wback && (n == t || n == t2), t == t2,
// t/t2 in {13,15} UNPREDICTABLE. The row is split in two because P:W == '00' belongs to the
// exclusive and table-branch encodings: P == '1' (any W), and P == '0' with W == '1'.
Status decode_LDRD_imm(Fields f, DecodedInsn& out) {
  if (f['n'] == 15) return decode_LDRD_literal(f, out);
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.t2 = reg_field(f, 'T');
  out.imm = f['i'] << 2;
  out.index = dual_bit(f, 24);
  out.add = dual_bit(f, 23);
  out.wback = dual_bit(f, 21);
  if (out.wback && (out.n == out.t || out.n == out.t2)) return Status::Unpredictable;
  if (out.t == out.t2 || out.t == 13 || out.t == 15 || out.t2 == 13 || out.t2 == 15) {
    return Status::Unpredictable;
  }
  return Status::Ok;
}

// STRD (immediate) T1: wback && (n == t || n == t2), n == 15, t/t2 in {13,15} UNPREDICTABLE.
Status decode_STRD_imm(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.t2 = reg_field(f, 'T');
  out.imm = f['i'] << 2;
  out.index = dual_bit(f, 24);
  out.add = dual_bit(f, 23);
  out.wback = dual_bit(f, 21);
  if (out.wback && (out.n == out.t || out.n == out.t2)) return Status::Unpredictable;
  if (out.n == 15 || out.t == 13 || out.t == 15 || out.t2 == 13 || out.t2 == 15) {
    return Status::Unpredictable;
  }
  return Status::Ok;
}

// LDREX T1: imm32 = ZeroExtend(imm8:'00'); t in {13,15} or n == 15 UNPREDICTABLE.
Status decode_LDREX(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.imm = f['i'] << 2;
  return (out.t == 13 || out.t == 15 || out.n == 15) ? Status::Unpredictable : Status::Ok;
}

// STREX T1: d in {13,15}, t in {13,15}, n == 15, d == n or d == t UNPREDICTABLE.
// (Rt == '1111' is TT/TTT/TTA/TTAT where those rows match; the rest is UNPREDICTABLE.)
Status decode_STREX(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.d = reg_field(f, 'd');
  out.imm = f['i'] << 2;
  if (out.d == 13 || out.d == 15 || out.t == 13 || out.t == 15 || out.n == 15) {
    return Status::Unpredictable;
  }
  return (out.d == out.n || out.d == out.t) ? Status::Unpredictable : Status::Ok;
}

// LDREXB/LDREXH/LDA*/LDAEX*: t in {13,15} or n == 15 UNPREDICTABLE; no offset.
Status decode_load_acquire_or_exclusive(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.imm = 0;
  return (out.t == 13 || out.t == 15 || out.n == 15) ? Status::Unpredictable : Status::Ok;
}

// STL*: t in {13,15} or n == 15 UNPREDICTABLE.
Status decode_store_release(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  return (out.t == 13 || out.t == 15 || out.n == 15) ? Status::Unpredictable : Status::Ok;
}

// STREXB/STREXH/STLEX*: d in {13,15}, t in {13,15}, n == 15, d == n or d == t UNPREDICTABLE.
Status decode_store_exclusive_no_offset(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.t = reg_field(f, 't');
  out.d = reg_field(f, 'd');
  out.imm = 0;
  if (out.d == 13 || out.d == 15 || out.t == 13 || out.t == 15 || out.n == 15) {
    return Status::Unpredictable;
  }
  return (out.d == out.n || out.d == out.t) ? Status::Unpredictable : Status::Ok;
}

// TBB/TBH T1 (two rows, H fixed): is_tbh = (H == '1'); n == 13 or m in {13,15} UNPREDICTABLE (n ==
// 15 is allowed: the table follows the instruction). The IT rule is checked at execution.
Status decode_TBB_TBH(Fields f, DecodedInsn& out) {
  out.n = reg_field(f, 'n');
  out.m = reg_field(f, 'm');
  out.flag = ((f.raw() >> 4) & 1) != 0;  // H
  return (out.n == 13 || out.m == 13 || out.m == 15) ? Status::Unpredictable : Status::Ok;
}

constexpr InsnClass kLoad = InsnClass::Load;
constexpr InsnClass kStore = InsnClass::Store;

constexpr Encoding kT16[] = {
    encoding("T16_LDR_lit_T1", "01001tttiiiiiiii", decode_LDR_lit_T1, exec::LDR_lit, kLoad),
    // Load/store (register offset).
    encoding("T16_STR_reg_T1", "0101000mmmnnnttt", decode_T16_register_offset, exec::STR_reg,
             kStore),
    encoding("T16_STRH_reg_T1", "0101001mmmnnnttt", decode_T16_register_offset, exec::STRH_reg,
             kStore),
    encoding("T16_STRB_reg_T1", "0101010mmmnnnttt", decode_T16_register_offset, exec::STRB_reg,
             kStore),
    encoding("T16_LDRSB_reg_T1", "0101011mmmnnnttt", decode_T16_register_offset, exec::LDRSB_reg,
             kLoad),
    encoding("T16_LDR_reg_T1", "0101100mmmnnnttt", decode_T16_register_offset, exec::LDR_reg,
             kLoad),
    encoding("T16_LDRH_reg_T1", "0101101mmmnnnttt", decode_T16_register_offset, exec::LDRH_reg,
             kLoad),
    encoding("T16_LDRB_reg_T1", "0101110mmmnnnttt", decode_T16_register_offset, exec::LDRB_reg,
             kLoad),
    encoding("T16_LDRSH_reg_T1", "0101111mmmnnnttt", decode_T16_register_offset, exec::LDRSH_reg,
             kLoad),
    // Load/store (immediate offset).
    encoding("T16_STR_imm_T1", "01100iiiiinnnttt", decode_T16_immediate<2>, exec::STR_imm, kStore),
    encoding("T16_LDR_imm_T1", "01101iiiiinnnttt", decode_T16_immediate<2>, exec::LDR_imm, kLoad),
    encoding("T16_STRB_imm_T1", "01110iiiiinnnttt", decode_T16_immediate<0>, exec::STRB_imm,
             kStore),
    encoding("T16_LDRB_imm_T1", "01111iiiiinnnttt", decode_T16_immediate<0>, exec::LDRB_imm, kLoad),
    encoding("T16_STRH_imm_T1", "10000iiiiinnnttt", decode_T16_immediate<1>, exec::STRH_imm,
             kStore),
    encoding("T16_LDRH_imm_T1", "10001iiiiinnnttt", decode_T16_immediate<1>, exec::LDRH_imm, kLoad),
    encoding("T16_STR_imm_T2", "10010tttiiiiiiii", decode_T16_sp_relative, exec::STR_imm, kStore),
    encoding("T16_LDR_imm_T2", "10011tttiiiiiiii", decode_T16_sp_relative, exec::LDR_imm, kLoad),
    // Multiple.
    encoding("T16_PUSH_T1", "1011010mrrrrrrrr", decode_PUSH_T1, exec::STMDB,
             InsnClass::StoreMultiple),
    encoding("T16_POP_T1", "1011110prrrrrrrr", decode_POP_T1, exec::LDM, InsnClass::LoadMultiple),
    encoding("T16_STM_T1", "11000nnnrrrrrrrr", decode_STM_T1, exec::STM, InsnClass::StoreMultiple),
    encoding("T16_LDM_T1", "11001nnnrrrrrrrr", decode_LDM_T1, exec::LDM, InsnClass::LoadMultiple),
};

constexpr Encoding kT32[] = {
    // Load/store multiple.
    encoding("T32_STM_T2", "1110100010w0nnnn0m0rrrrrrrrrrrrr", decode_store_multiple_T32, exec::STM,
             InsnClass::StoreMultiple),
    encoding("T32_LDM_T2", "1110100010w1nnnnpm0rrrrrrrrrrrrr", decode_load_multiple_T32, exec::LDM,
             InsnClass::LoadMultiple),
    encoding("T32_STMDB_T1", "1110100100w0nnnn0m0rrrrrrrrrrrrr", decode_store_multiple_T32,
             exec::STMDB, InsnClass::StoreMultiple),
    encoding("T32_LDMDB_T1", "1110100100w1nnnnpm0rrrrrrrrrrrrr", decode_load_multiple_T32,
             exec::LDMDB, InsnClass::LoadMultiple),
    encoding("T32_PUSH_T2", "11101001001011010m0rrrrrrrrrrrrr", decode_PUSH_T2, exec::STMDB,
             InsnClass::StoreMultiple),
    encoding("T32_POP_T2", "1110100010111101pm0rrrrrrrrrrrrr", decode_POP_T2, exec::LDM,
             InsnClass::LoadMultiple),

    // Dual (P:W != '00': two rows per instruction).
    encoding("T32_STRD_imm_T1", "11101001u1w0nnnnttttTTTTiiiiiiii", decode_STRD_imm, exec::STRD_imm,
             kStore),
    encoding("T32_STRD_imm_T1_post", "11101000u110nnnnttttTTTTiiiiiiii", decode_STRD_imm,
             exec::STRD_imm, kStore),
    encoding("T32_LDRD_imm_T1", "11101001u1w1nnnnttttTTTTiiiiiiii", decode_LDRD_imm, exec::LDRD_imm,
             kLoad),
    encoding("T32_LDRD_imm_T1_post", "11101000u111nnnnttttTTTTiiiiiiii", decode_LDRD_imm,
             exec::LDRD_imm, kLoad),

    // Exclusive, acquire/release, table branch.
    encoding("T32_STREX_T1", "111010000100nnnnttttddddiiiiiiii", decode_STREX, exec::STREX, kStore),
    encoding("T32_LDREX_T1", "111010000101nnnntttt1111iiiiiiii", decode_LDREX, exec::LDREX, kLoad),
    encoding("T32_TBB_T1", "111010001101nnnn111100000000mmmm", decode_TBB_TBH, exec::TBB_TBH,
             InsnClass::Branch),
    encoding("T32_TBH_T1", "111010001101nnnn111100000001mmmm", decode_TBB_TBH, exec::TBB_TBH,
             InsnClass::Branch),
    encoding("T32_STREXB_T1", "111010001100nnnntttt11110100dddd", decode_store_exclusive_no_offset,
             exec::STREXB, kStore),
    encoding("T32_STREXH_T1", "111010001100nnnntttt11110101dddd", decode_store_exclusive_no_offset,
             exec::STREXH, kStore),
    encoding("T32_LDREXB_T1", "111010001101nnnntttt111101001111", decode_load_acquire_or_exclusive,
             exec::LDREXB, kLoad),
    encoding("T32_LDREXH_T1", "111010001101nnnntttt111101011111", decode_load_acquire_or_exclusive,
             exec::LDREXH, kLoad),
    encoding("T32_STLB_T1", "111010001100nnnntttt111110001111", decode_store_release, exec::STLB,
             kStore),
    encoding("T32_STLH_T1", "111010001100nnnntttt111110011111", decode_store_release, exec::STLH,
             kStore),
    encoding("T32_STL_T1", "111010001100nnnntttt111110101111", decode_store_release, exec::STL,
             kStore),
    encoding("T32_STLEXB_T1", "111010001100nnnntttt11111100dddd", decode_store_exclusive_no_offset,
             exec::STREXB, kStore),
    encoding("T32_STLEXH_T1", "111010001100nnnntttt11111101dddd", decode_store_exclusive_no_offset,
             exec::STREXH, kStore),
    encoding("T32_STLEX_T1", "111010001100nnnntttt11111110dddd", decode_store_exclusive_no_offset,
             exec::STREX, kStore),
    encoding("T32_LDAB_T1", "111010001101nnnntttt111110001111", decode_load_acquire_or_exclusive,
             exec::LDAB, kLoad),
    encoding("T32_LDAH_T1", "111010001101nnnntttt111110011111", decode_load_acquire_or_exclusive,
             exec::LDAH, kLoad),
    encoding("T32_LDA_T1", "111010001101nnnntttt111110101111", decode_load_acquire_or_exclusive,
             exec::LDA, kLoad),
    encoding("T32_LDAEXB_T1", "111010001101nnnntttt111111001111", decode_load_acquire_or_exclusive,
             exec::LDREXB, kLoad),
    encoding("T32_LDAEXH_T1", "111010001101nnnntttt111111011111", decode_load_acquire_or_exclusive,
             exec::LDREXH, kLoad),
    encoding("T32_LDAEX_T1", "111010001101nnnntttt111111101111", decode_load_acquire_or_exclusive,
             exec::LDREX, kLoad),

    // Stores, single.
    encoding("T32_STR_imm_T3", "111110001100nnnnttttiiiiiiiiiiii", decode_store_imm12<Access::Word>,
             exec::STR_imm, kStore),
    encoding("T32_STR_imm_T4", "111110000100nnnntttt1puwiiiiiiii", decode_store_imm8<Access::Word>,
             exec::STR_imm, kStore),
    encoding("T32_STRT_T1", "111110000100nnnntttt1110iiiiiiii", decode_store_unprivileged,
             exec::STRT, kStore),
    encoding("T32_STR_reg_T2", "111110000100nnnntttt000000ssmmmm",
             decode_store_register<Access::Word>, exec::STR_reg, kStore),
    encoding("T32_PUSH_T3", "1111100001001101tttt110100000100", decode_PUSH_T3, exec::STR_imm,
             kStore),
    encoding("T32_STRH_imm_T2", "111110001010nnnnttttiiiiiiiiiiii",
             decode_store_imm12<Access::Half>, exec::STRH_imm, kStore),
    encoding("T32_STRH_imm_T3", "111110000010nnnntttt1puwiiiiiiii", decode_store_imm8<Access::Half>,
             exec::STRH_imm, kStore),
    encoding("T32_STRHT_T1", "111110000010nnnntttt1110iiiiiiii", decode_store_unprivileged,
             exec::STRHT, kStore),
    encoding("T32_STRH_reg_T2", "111110000010nnnntttt000000ssmmmm",
             decode_store_register<Access::Half>, exec::STRH_reg, kStore),
    encoding("T32_STRB_imm_T2", "111110001000nnnnttttiiiiiiiiiiii",
             decode_store_imm12<Access::Byte>, exec::STRB_imm, kStore),
    encoding("T32_STRB_imm_T3", "111110000000nnnntttt1puwiiiiiiii", decode_store_imm8<Access::Byte>,
             exec::STRB_imm, kStore),
    encoding("T32_STRBT_T1", "111110000000nnnntttt1110iiiiiiii", decode_store_unprivileged,
             exec::STRBT, kStore),
    encoding("T32_STRB_reg_T2", "111110000000nnnntttt000000ssmmmm",
             decode_store_register<Access::Byte>, exec::STRB_reg, kStore),

    // Loads, word.
    encoding("T32_LDR_imm_T3", "111110001101nnnnttttiiiiiiiiiiii", decode_load_imm12<Access::Word>,
             exec::LDR_imm, kLoad),
    encoding("T32_LDR_imm_T4", "111110000101nnnntttt1puwiiiiiiii", decode_load_imm8<Access::Word>,
             exec::LDR_imm, kLoad),
    encoding("T32_LDRT_T1", "111110000101nnnntttt1110iiiiiiii",
             decode_load_unprivileged<Access::Word>, exec::LDRT, kLoad),
    encoding("T32_LDR_reg_T2", "111110000101nnnntttt0zzzzzssmmmm",
             decode_load_register<Access::Word>, exec::LDR_reg, kLoad),
    encoding("T32_POP_T3", "1111100001011101tttt101100000100", decode_POP_T3, exec::LDR_imm, kLoad),

    // Loads, halfword (Rt == '1111': reserved hints, decoded as NOPs by the rows below).
    encoding("T32_LDRH_imm_T2", "111110001011nnnnttttiiiiiiiiiiii", decode_load_imm12<Access::Half>,
             exec::LDRH_imm, kLoad),
    encoding("T32_LDRH_imm_T3", "111110000011nnnntttt1puwiiiiiiii", decode_load_imm8<Access::Half>,
             exec::LDRH_imm, kLoad),
    encoding("T32_LDRHT_T1", "111110000011nnnntttt1110iiiiiiii",
             decode_load_unprivileged<Access::Half>, exec::LDRHT, kLoad),
    encoding("T32_LDRH_reg_T2", "111110000011nnnntttt0zzzzzssmmmm",
             decode_load_register<Access::Half>, exec::LDRH_reg, kLoad),
    encoding("T32_LDRSH_imm_T1", "111110011011nnnnttttiiiiiiiiiiii",
             decode_load_imm12<Access::SignedHalf>, exec::LDRSH_imm, kLoad),
    encoding("T32_LDRSH_imm_T2", "111110010011nnnntttt1puwiiiiiiii",
             decode_load_imm8<Access::SignedHalf>, exec::LDRSH_imm, kLoad),
    encoding("T32_LDRSHT_T1", "111110010011nnnntttt1110iiiiiiii",
             decode_load_unprivileged<Access::SignedHalf>, exec::LDRSHT, kLoad),
    encoding("T32_LDRSH_reg_T2", "111110010011nnnntttt0zzzzzssmmmm",
             decode_load_register<Access::SignedHalf>, exec::LDRSH_reg, kLoad),

    // Loads, byte, and the preload hints that share their space.
    encoding("T32_LDRB_imm_T2", "111110001001nnnnttttiiiiiiiiiiii", decode_load_imm12<Access::Byte>,
             exec::LDRB_imm, kLoad),
    encoding("T32_LDRB_imm_T3", "111110000001nnnntttt1puwiiiiiiii", decode_load_imm8<Access::Byte>,
             exec::LDRB_imm, kLoad),
    encoding("T32_LDRBT_T1", "111110000001nnnntttt1110iiiiiiii",
             decode_load_unprivileged<Access::Byte>, exec::LDRBT, kLoad),
    encoding("T32_LDRB_reg_T2", "111110000001nnnntttt0zzzzzssmmmm",
             decode_load_register<Access::Byte>, exec::LDRB_reg, kLoad),
    encoding("T32_PLD_imm_T1", "111110001001nnnn1111iiiiiiiiiiii", decode_preload_immediate,
             exec::memory_hint, InsnClass::System),
    encoding("T32_PLD_imm_T2", "111110000001nnnn11111100iiiiiiii", decode_preload_immediate,
             exec::memory_hint, InsnClass::System),
    encoding("T32_PLD_reg_T1", "111110000001nnnn1111000000ssmmmm", decode_preload_register,
             exec::memory_hint, InsnClass::System),
    encoding("T32_LDRSB_imm_T1", "111110011001nnnnttttiiiiiiiiiiii",
             decode_load_imm12<Access::SignedByte>, exec::LDRSB_imm, kLoad),
    encoding("T32_LDRSB_imm_T2", "111110010001nnnntttt1puwiiiiiiii",
             decode_load_imm8<Access::SignedByte>, exec::LDRSB_imm, kLoad),
    encoding("T32_LDRSBT_T1", "111110010001nnnntttt1110iiiiiiii",
             decode_load_unprivileged<Access::SignedByte>, exec::LDRSBT, kLoad),
    encoding("T32_LDRSB_reg_T2", "111110010001nnnntttt0zzzzzssmmmm",
             decode_load_register<Access::SignedByte>, exec::LDRSB_reg, kLoad),
    encoding("T32_PLI_imm_T1", "111110011001nnnn1111iiiiiiiiiiii", decode_preload_immediate,
             exec::memory_hint, InsnClass::System),
    encoding("T32_PLI_imm_T2", "111110010001nnnn11111100iiiiiiii", decode_preload_immediate,
             exec::memory_hint, InsnClass::System),
    encoding("T32_PLI_reg_T1", "111110010001nnnn1111000000ssmmmm", decode_preload_register,
             exec::memory_hint, InsnClass::System),
};

// "SEE" relationships: {specific, general}.
constexpr Overlap kOverlaps[] = {
    {"T32_PUSH_T2", "T32_STMDB_T1"},        {"T32_POP_T2", "T32_LDM_T2"},
    {"T32_STRT_T1", "T32_STR_imm_T4"},      {"T32_PUSH_T3", "T32_STR_imm_T4"},
    {"T32_STRHT_T1", "T32_STRH_imm_T3"},    {"T32_STRBT_T1", "T32_STRB_imm_T3"},
    {"T32_LDRT_T1", "T32_LDR_imm_T4"},      {"T32_POP_T3", "T32_LDR_imm_T4"},
    {"T32_LDRHT_T1", "T32_LDRH_imm_T3"},    {"T32_LDRSHT_T1", "T32_LDRSH_imm_T2"},
    {"T32_LDRBT_T1", "T32_LDRB_imm_T3"},    {"T32_LDRSBT_T1", "T32_LDRSB_imm_T2"},
    {"T32_PLD_imm_T1", "T32_LDRB_imm_T2"},  {"T32_PLD_imm_T2", "T32_LDRB_imm_T3"},
    {"T32_PLD_reg_T1", "T32_LDRB_reg_T2"},  {"T32_PLI_imm_T1", "T32_LDRSB_imm_T1"},
    {"T32_PLI_imm_T2", "T32_LDRSB_imm_T2"}, {"T32_PLI_reg_T1", "T32_LDRSB_reg_T2"},
};

}  // namespace

EncodingGroup load_store_group() {
  return {"load store", kT16, kT32, kOverlaps};
}

}  // namespace minifvp::cpu
