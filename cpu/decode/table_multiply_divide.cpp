// Encodings of the multiply, multiply-accumulate, long multiply and divide group (Armv8-M ARM,
// "Multiply, multiply accumulate, and absolute difference" and "Long multiply, long multiply
// accumulate, and divide" encoding tables). The execute functions are in
// cpu/exec/multiply_divide.cpp. The accumulating forms with Ra == '1111' are the non-accumulating
// instructions ("SEE SMUL<x><y>" ...), declared as overlaps. UNPREDICTABLE register choices decode
// as DecodeStatus::Unpredictable (executed as UNDEFINED); each rule is quoted where it is applied.
#include "cpu/decode/groups.h"
#include "cpu/exec/multiply_divide.h"

namespace minifvp::cpu {
namespace {

constexpr auto kMul = InsnClass::Multiply;
constexpr auto kDiv = InsnClass::Divide;

uint8_t reg(Fields f, char letter) {
  return static_cast<uint8_t>(f[letter]);
}
constexpr bool sp_or_pc(unsigned r) {
  return r == 13 || r == 15;
}
DecodeStatus ok_unless(bool unpredictable) {
  return unpredictable ? DecodeStatus::Unpredictable : DecodeStatus::Ok;
}

// MUL T1: MULS <Rdm>, <Rn>, <Rdm>; setflags = !InITBlock().
DecodeStatus decode_MUL_T1(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.m = out.d;
  out.n = reg(f, 'n');
  out.setflags = SetFlags::OutsideIt;
  return DecodeStatus::Ok;
}

// Fills the optional fields the halfword and dual forms share: N (imm), M (imm2), the X/R bit
// (flag); the letters absent from a pattern read as 0. ('x' in a pattern means an unused bit, so
// the <x><y> selectors are the letters N and M, as the manual names those bits.)
void halfword_selectors(Fields f, DecodedInsn& out) {
  out.imm = f['N'];
  out.imm2 = f['M'];
  out.flag = f['r'] != 0;
}

// 32-bit result without accumulator: MUL T2, SMUL<x><y>, SMULW<y>, SMUAD(X), SMUSD(X), SMMUL(R),
// USAD8, SDIV, UDIV.
DecodeStatus decode_three_regs(Fields f, DecodedInsn& out) {
  out.d = reg(f, 'd');
  out.n = reg(f, 'n');
  out.m = reg(f, 'm');
  halfword_selectors(f, out);
  // "if d IN {13,15} || n IN {13,15} || m IN {13,15} then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.d) || sp_or_pc(out.n) || sp_or_pc(out.m));
}

// 32-bit result with accumulator Ra: MLA, MLS, SMLA<x><y>, SMLAW<y>, SMLAD(X), SMLSD(X),
// SMMLA(R), SMMLS(R), USADA8.
DecodeStatus decode_four_regs(Fields f, DecodedInsn& out) {
  out.a = reg(f, 'a');
  const DecodeStatus status = decode_three_regs(f, out);
  // "if ... a == 13 then UNPREDICTABLE" (a == 15 is the non-accumulating row).
  return status == DecodeStatus::Ok ? ok_unless(out.a == 13) : status;
}

// MLS T1 and SMMLS(R) T1 have no non-accumulating form: "if ... a IN {13,15} then UNPREDICTABLE".
DecodeStatus decode_four_regs_no_zr(Fields f, DecodedInsn& out) {
  const DecodeStatus status = decode_four_regs(f, out);
  return status == DecodeStatus::Ok ? ok_unless(out.a == 15) : status;
}

// 64-bit result in RdHi:RdLo: SMULL, UMULL, SMLAL, UMLAL, UMAAL, SMLAL<x><y>, SMLALD(X),
// SMLSLD(X).
DecodeStatus decode_long(Fields f, DecodedInsn& out) {
  out.t = reg(f, 'l');
  out.t2 = reg(f, 'h');
  out.n = reg(f, 'n');
  out.m = reg(f, 'm');
  halfword_selectors(f, out);
  // "if dLo IN {13,15} || dHi IN {13,15} || n IN {13,15} || m IN {13,15} then UNPREDICTABLE;
  //  if dHi == dLo then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.t) || sp_or_pc(out.t2) || sp_or_pc(out.n) || sp_or_pc(out.m) ||
                   out.t == out.t2);
}

constexpr Encoding kT16[] = {
    encoding("T16_MUL_T1", "0100001101nnnddd", decode_MUL_T1, exec::MUL, kMul),
};

// clang-format off
constexpr Encoding kT32[] = {
    // Multiply, multiply accumulate, and absolute difference
    encoding("T32_MLA_T1", "111110110000nnnnaaaadddd0000mmmm", decode_four_regs, exec::MLA, kMul),
    encoding("T32_MUL_T2", "111110110000nnnn1111dddd0000mmmm", decode_three_regs, exec::MUL, kMul),
    encoding("T32_MLS_T1", "111110110000nnnnaaaadddd0001mmmm", decode_four_regs_no_zr, exec::MLS, kMul),
    encoding("T32_SMLAxy_T1", "111110110001nnnnaaaadddd00NMmmmm", decode_four_regs, exec::SMLAxy, kMul),
    encoding("T32_SMULxy_T1", "111110110001nnnn1111dddd00NMmmmm", decode_three_regs, exec::SMULxy, kMul),
    encoding("T32_SMLAD_T1", "111110110010nnnnaaaadddd000rmmmm", decode_four_regs, exec::SMLAD, kMul),
    encoding("T32_SMUAD_T1", "111110110010nnnn1111dddd000rmmmm", decode_three_regs, exec::SMUAD, kMul),
    encoding("T32_SMLAWy_T1", "111110110011nnnnaaaadddd000Mmmmm", decode_four_regs, exec::SMLAWy, kMul),
    encoding("T32_SMULWy_T1", "111110110011nnnn1111dddd000Mmmmm", decode_three_regs, exec::SMULWy, kMul),
    encoding("T32_SMLSD_T1", "111110110100nnnnaaaadddd000rmmmm", decode_four_regs, exec::SMLSD, kMul),
    encoding("T32_SMUSD_T1", "111110110100nnnn1111dddd000rmmmm", decode_three_regs, exec::SMUSD, kMul),
    encoding("T32_SMMLA_T1", "111110110101nnnnaaaadddd000rmmmm", decode_four_regs, exec::SMMLA, kMul),
    encoding("T32_SMMUL_T1", "111110110101nnnn1111dddd000rmmmm", decode_three_regs, exec::SMMUL, kMul),
    encoding("T32_SMMLS_T1", "111110110110nnnnaaaadddd000rmmmm", decode_four_regs_no_zr, exec::SMMLS, kMul),
    encoding("T32_USADA8_T1", "111110110111nnnnaaaadddd0000mmmm", decode_four_regs, exec::USADA8, kMul),
    encoding("T32_USAD8_T1", "111110110111nnnn1111dddd0000mmmm", decode_three_regs, exec::USAD8, kMul),

    // Long multiply, long multiply accumulate, and divide
    encoding("T32_SMULL_T1", "111110111000nnnnllllhhhh0000mmmm", decode_long, exec::SMULL, kMul),
    encoding("T32_SDIV_T1", "111110111001nnnn1111dddd1111mmmm", decode_three_regs, exec::SDIV, kDiv),
    encoding("T32_UMULL_T1", "111110111010nnnnllllhhhh0000mmmm", decode_long, exec::UMULL, kMul),
    encoding("T32_UDIV_T1", "111110111011nnnn1111dddd1111mmmm", decode_three_regs, exec::UDIV, kDiv),
    encoding("T32_SMLAL_T1", "111110111100nnnnllllhhhh0000mmmm", decode_long, exec::SMLAL, kMul),
    encoding("T32_SMLALxy_T1", "111110111100nnnnllllhhhh10NMmmmm", decode_long, exec::SMLALxy, kMul),
    encoding("T32_SMLALD_T1", "111110111100nnnnllllhhhh110rmmmm", decode_long, exec::SMLALD, kMul),
    encoding("T32_SMLSLD_T1", "111110111101nnnnllllhhhh110rmmmm", decode_long, exec::SMLSLD, kMul),
    encoding("T32_UMLAL_T1", "111110111110nnnnllllhhhh0000mmmm", decode_long, exec::UMLAL, kMul),
    encoding("T32_UMAAL_T1", "111110111110nnnnllllhhhh0110mmmm", decode_long, exec::UMAAL, kMul),
};
// clang-format on

constexpr Overlap kOverlaps[] = {
    {"T32_MUL_T2", "T32_MLA_T1"},      {"T32_SMULxy_T1", "T32_SMLAxy_T1"},
    {"T32_SMUAD_T1", "T32_SMLAD_T1"},  {"T32_SMULWy_T1", "T32_SMLAWy_T1"},
    {"T32_SMUSD_T1", "T32_SMLSD_T1"},  {"T32_SMMUL_T1", "T32_SMMLA_T1"},
    {"T32_USAD8_T1", "T32_USADA8_T1"},
};

}  // namespace

EncodingGroup multiply_divide_group() {
  return {"multiply divide", kT16, kT32, kOverlaps};
}

}  // namespace minifvp::cpu
