// Encodings of MVE shifts (vector, immediate, widening, narrowing, VSLI/VSRI, VSHLC), saturating
// doubling multiplies (VQDMULH family, VQDMLAH family, VQDMLADH family), and the scalar long
// shifts (LSLL, ASRL, SQRSHRL, ...) (Armv8.1-M ARM, "MVE instructions"). Execute functions:
// cpu/exec/mve_shift.cpp, mve_saturate.cpp, mve_long_shift.cpp; operand conventions in their
// headers and cpu/exec/mve_common.h.
//
// Vector rows: Q register numbers are D:Qd, N:Qn, M:Qm; a set D, N or M names Q8-Q15, which do
// not exist, and size '11' is not an element size of these instructions: both execute
// exec::fp_undefined (NOCP first when the FPU is disabled, else UNDEFINED; QEMU UNDEFs too).
// The immediate shifts split by element size (the imm6 prefix 001/01/1): 000 is another
// instruction (VMOV/VORR... immediate), so one row per size keeps the rows disjoint.
//
// Long shifts: they live in the "MOV/ORR (register), S = 1, Rm = SP/PC" and "CSEL, Rm = SP"
// corners of the data-processing space (Armv8.1-M ARM; QEMU t32.decode groups them before
// MOV_rxri/ORR_rrri/CSEL). Their register fields cut across the rows of
// cpu/decode/table_data_processing.cpp: RdaLo = LR with the odd selector bit makes Rn = PC (MOV,
// not ORR), and Rm = R8-R11 of the register forms sits in CSEL/CSINC/CSINV/CSNEG. Each
// instruction therefore has one row per piece of that partition (suffixes _RdaLo_..., _Rm_...),
// so that every row is a strict specialisation of the data-processing row it overlaps. The
// single-register forms (UQSHL Rda...) are the RdaHi = '111' corner of the long forms and
// specialise them. UNPREDICTABLE register choices (RdaHi = SP, Rda = SP/PC, Rm = SP/PC, Rm equal
// to an operand register) decode as UNPREDICTABLE (our choice: UNDEFINED), as QEMU UNDEFs them.
#include <array>

#include "cpu/decode/groups.h"
#include "cpu/exec/fp_common.h"
#include "cpu/exec/mve_long_shift.h"
#include "cpu/exec/mve_saturate.h"
#include "cpu/exec/mve_shift.h"

namespace minifvp::cpu {
namespace {

constexpr auto kVec = InsnClass::Vector;
constexpr auto kDP = InsnClass::DataProcessing;

DecodeStatus undefined(DecodedInsn& out) {
  out.exec = exec::fp_undefined;
  return DecodeStatus::Ok;
}

// Q register numbers from D:Qd, N:Qn, M:Qm (fields absent from a pattern read as 0). False when
// one names Q8-Q15.
bool q_registers(Fields f, DecodedInsn& out) {
  out.d = static_cast<uint8_t>(f['d']);
  out.n = static_cast<uint8_t>(f['n']);
  out.m = static_cast<uint8_t>(f['m']);
  return f['D'] == 0 && f['N'] == 0 && f['M'] == 0;
}

// Element size in bytes from a two-bit size field; false for '11'.
bool element_size(uint32_t size, DecodedInsn& out) {
  if (size == 3) return false;
  out.esize = static_cast<uint8_t>(1u << size);
  return true;
}

// Bit 28 of the shift encodings: U, unsigned elements (the rows fix it, one per signedness).
bool unsigned_bit(Fields f) {
  return ((f.raw() >> 28) & 1) != 0;
}

// VQDMULH/VQRDMULH (vector), VQDMLADH family: d, n, m, size; X (exchange) into flag.
DecodeStatus decode_three_vectors(Fields f, DecodedInsn& out) {
  if (!q_registers(f, out) || !element_size(f['s'], out)) return undefined(out);
  out.flag = f['X'] != 0;
  return DecodeStatus::Ok;
}

// VSHL/VRSHL/VQSHL/VQRSHL (vector): d, n, m, size, U.
DecodeStatus decode_shift_by_vector(Fields f, DecodedInsn& out) {
  if (!q_registers(f, out) || !element_size(f['s'], out)) return undefined(out);
  out.flag = unsigned_bit(f);
  return DecodeStatus::Ok;
}

// Rm of the scalar forms: SP and PC are UNPREDICTABLE (QEMU UNDEFs).
bool scalar_register(Fields f, DecodedInsn& out) {
  out.t = static_cast<uint8_t>(f['r']);
  return out.t != 13 && out.t != 15;
}

// VSHL/VRSHL/VQSHL/VQRSHL (register): Qda, Rm, size, U.
DecodeStatus decode_shift_by_register(Fields f, DecodedInsn& out) {
  if (!q_registers(f, out) || !element_size(f['s'], out) || !scalar_register(f, out)) {
    return undefined(out);
  }
  out.flag = unsigned_bit(f);
  return DecodeStatus::Ok;
}

// VQDMULH/VQRDMULH (scalar), VQDMLAH family: Qd/Qda, Qn, Rm, size.
DecodeStatus decode_vector_scalar(Fields f, DecodedInsn& out) {
  if (!q_registers(f, out) || !element_size(f['s'], out) || !scalar_register(f, out)) {
    return undefined(out);
  }
  return DecodeStatus::Ok;
}

// Immediate shifts, one decode per element size: left shifts by imm (0..esize*8-1), right
// shifts by esize*8 - imm (1..esize*8). U into flag.
template <unsigned kEsize, bool kRight>
DecodeStatus decode_shift_imm(Fields f, DecodedInsn& out) {
  if (!q_registers(f, out)) return undefined(out);
  out.esize = kEsize;
  out.imm = kRight ? kEsize * 8 - f['i'] : f['i'];
  out.flag = unsigned_bit(f);
  return DecodeStatus::Ok;
}

// VSHLL T1: shift by imm (0..esize*8-1) from elements of kEsize; T into imm2.
template <unsigned kEsize>
DecodeStatus decode_VSHLL_T1(Fields f, DecodedInsn& out) {
  if (!q_registers(f, out)) return undefined(out);
  out.esize = kEsize;
  out.imm = f['i'];
  out.imm2 = f['T'];
  out.flag = unsigned_bit(f);
  return DecodeStatus::Ok;
}

// VSHLL T2: the shift is the element size; size '0x' selects 8 or 16 bits. One row per half
// (bit 12, T) so that each specialises VMULH or VRMULH (size '11'), which share the space.
DecodeStatus decode_VSHLL_T2(Fields f, DecodedInsn& out) {
  if (!q_registers(f, out)) return undefined(out);
  out.esize = static_cast<uint8_t>(1u << f['s']);
  out.imm = out.esize * 8u;
  out.imm2 = (f.raw() >> 12) & 1;
  out.flag = unsigned_bit(f);
  return DecodeStatus::Ok;
}

// Narrowing shifts: kEsize is the destination element size; shift = kEsize*8 - imm.
template <unsigned kEsize>
DecodeStatus decode_shift_narrow(Fields f, DecodedInsn& out) {
  if (!q_registers(f, out)) return undefined(out);
  out.esize = kEsize;
  out.imm = kEsize * 8 - f['i'];
  out.imm2 = f['T'];
  out.flag = unsigned_bit(f);
  return DecodeStatus::Ok;
}

// VSHLC: Qda, Rdm (not SP/PC), imm 1..32 (0 encodes 32).
DecodeStatus decode_VSHLC(Fields f, DecodedInsn& out) {
  if (!q_registers(f, out) || !scalar_register(f, out)) return undefined(out);
  out.imm = f['i'] == 0 ? 32 : f['i'];
  return DecodeStatus::Ok;
}

// ---- long shifts (fields read from the raw bits: the rows fix some of them) ----

uint32_t raw_bits(Fields f, unsigned high, unsigned low) {
  return (f.raw() >> low) & ((1u << (high - low + 1)) - 1);
}
uint8_t rda_lo(Fields f) {
  return static_cast<uint8_t>(raw_bits(f, 19, 17) << 1);
}
uint8_t rda_hi(Fields f) {
  return static_cast<uint8_t>((raw_bits(f, 11, 9) << 1) | 1);
}
uint8_t shift_rm(Fields f) {
  return static_cast<uint8_t>(raw_bits(f, 15, 12));
}
// imm3:imm2, 0 encoding 32.
uint32_t shift_immediate(Fields f) {
  const uint32_t amount = (raw_bits(f, 14, 12) << 2) | raw_bits(f, 7, 6);
  return amount == 0 ? 32 : amount;
}

// LSLL/LSRL/ASRL/UQSHLL/URSHRL/SRSHRL/SQSHLL (immediate): t = RdaLo, t2 = RdaHi, imm.
// RdaHi = '111' is the single-register form with Rda = RdaLo + 1, reaching this row only for Rda
// = SP or PC (UNPREDICTABLE); RdaHi = SP is UNPREDICTABLE.
DecodeStatus decode_long_shift_imm(Fields f, DecodedInsn& out) {
  out.t = rda_lo(f);
  out.t2 = rda_hi(f);
  out.imm = shift_immediate(f);
  if (out.t2 == 13 || out.t2 == 15) return DecodeStatus::Unpredictable;
  return DecodeStatus::Ok;
}

// LSLL/ASRL/UQRSHLL/SQRSHRL (register): t = RdaLo, t2 = RdaHi, m = Rm, imm2 = saturation width.
DecodeStatus decode_long_shift_reg_width(Fields f, DecodedInsn& out, uint32_t width) {
  out.t = rda_lo(f);
  out.t2 = rda_hi(f);
  out.m = shift_rm(f);
  out.imm2 = width;
  if (out.t2 == 13 || out.t2 == 15 || out.m == 13 || out.m == 15 || out.m == out.t ||
      out.m == out.t2) {
    return DecodeStatus::Unpredictable;
  }
  return DecodeStatus::Ok;
}
DecodeStatus decode_long_shift_reg(Fields f, DecodedInsn& out) {
  return decode_long_shift_reg_width(f, out, 64);
}
DecodeStatus decode_long_shift_reg48(Fields f, DecodedInsn& out) {
  return decode_long_shift_reg_width(f, out, 48);
}

// UQSHL/URSHR/SRSHR/SQSHL (immediate): t = Rda (not SP/PC), imm.
DecodeStatus decode_short_shift_imm(Fields f, DecodedInsn& out) {
  out.t = static_cast<uint8_t>(raw_bits(f, 19, 16));
  out.imm = shift_immediate(f);
  if (out.t == 13 || out.t == 15) return DecodeStatus::Unpredictable;
  return DecodeStatus::Ok;
}

// UQRSHL/SQRSHR (register): t = Rda, m = Rm; SP, PC and Rm == Rda are UNPREDICTABLE.
DecodeStatus decode_short_shift_reg(Fields f, DecodedInsn& out) {
  out.t = static_cast<uint8_t>(raw_bits(f, 19, 16));
  out.m = shift_rm(f);
  if (out.t == 13 || out.t == 15 || out.m == 13 || out.m == 15 || out.m == out.t) {
    return DecodeStatus::Unpredictable;
  }
  return DecodeStatus::Ok;
}

// clang-format off
constexpr Encoding kT32[] = {
    // Shifts by vector (the shifted vector is Qm, the amounts Qn) and by register
    encoding("T32_VSHL_vec_T1_S", "111011110Dssnnn0ddd00100N1M0mmm0", decode_shift_by_vector, exec::VSHL_vec, kVec),
    encoding("T32_VSHL_vec_T1_U", "111111110Dssnnn0ddd00100N1M0mmm0", decode_shift_by_vector, exec::VSHL_vec, kVec),
    encoding("T32_VQSHL_vec_T1_S", "111011110Dssnnn0ddd00100N1M1mmm0", decode_shift_by_vector, exec::VQSHL_vec, kVec),
    encoding("T32_VQSHL_vec_T1_U", "111111110Dssnnn0ddd00100N1M1mmm0", decode_shift_by_vector, exec::VQSHL_vec, kVec),
    encoding("T32_VRSHL_vec_T1_S", "111011110Dssnnn0ddd00101N1M0mmm0", decode_shift_by_vector, exec::VRSHL_vec, kVec),
    encoding("T32_VRSHL_vec_T1_U", "111111110Dssnnn0ddd00101N1M0mmm0", decode_shift_by_vector, exec::VRSHL_vec, kVec),
    encoding("T32_VQRSHL_vec_T1_S", "111011110Dssnnn0ddd00101N1M1mmm0", decode_shift_by_vector, exec::VQRSHL_vec, kVec),
    encoding("T32_VQRSHL_vec_T1_U", "111111110Dssnnn0ddd00101N1M1mmm0", decode_shift_by_vector, exec::VQRSHL_vec, kVec),
    encoding("T32_VSHL_reg_T1_S", "111011100D11ss01ddd111100110rrrr", decode_shift_by_register, exec::VSHL_reg, kVec),
    encoding("T32_VSHL_reg_T1_U", "111111100D11ss01ddd111100110rrrr", decode_shift_by_register, exec::VSHL_reg, kVec),
    encoding("T32_VRSHL_reg_T1_S", "111011100D11ss11ddd111100110rrrr", decode_shift_by_register, exec::VRSHL_reg, kVec),
    encoding("T32_VRSHL_reg_T1_U", "111111100D11ss11ddd111100110rrrr", decode_shift_by_register, exec::VRSHL_reg, kVec),
    encoding("T32_VQSHL_reg_T1_S", "111011100D11ss01ddd111101110rrrr", decode_shift_by_register, exec::VQSHL_reg, kVec),
    encoding("T32_VQSHL_reg_T1_U", "111111100D11ss01ddd111101110rrrr", decode_shift_by_register, exec::VQSHL_reg, kVec),
    encoding("T32_VQRSHL_reg_T1_S", "111011100D11ss11ddd111101110rrrr", decode_shift_by_register, exec::VQRSHL_reg, kVec),
    encoding("T32_VQRSHL_reg_T1_U", "111111100D11ss11ddd111101110rrrr", decode_shift_by_register, exec::VQRSHL_reg, kVec),

    // Shifts by immediate, one row per element size (imm6 = 001iii, 01iiii, 1iiiii)
    encoding("T32_VSHL_imm_T1_8", "111011111D001iiiddd0010101M1mmm0", (decode_shift_imm<1, false>), exec::VSHL_imm, kVec),
    encoding("T32_VSHL_imm_T1_16", "111011111D01iiiiddd0010101M1mmm0", (decode_shift_imm<2, false>), exec::VSHL_imm, kVec),
    encoding("T32_VSHL_imm_T1_32", "111011111D1iiiiiddd0010101M1mmm0", (decode_shift_imm<4, false>), exec::VSHL_imm, kVec),
    encoding("T32_VQSHL_imm_T1_8_S", "111011111D001iiiddd0011101M1mmm0", (decode_shift_imm<1, false>), exec::VQSHL_imm, kVec),
    encoding("T32_VQSHL_imm_T1_8_U", "111111111D001iiiddd0011101M1mmm0", (decode_shift_imm<1, false>), exec::VQSHL_imm, kVec),
    encoding("T32_VQSHL_imm_T1_16_S", "111011111D01iiiiddd0011101M1mmm0", (decode_shift_imm<2, false>), exec::VQSHL_imm, kVec),
    encoding("T32_VQSHL_imm_T1_16_U", "111111111D01iiiiddd0011101M1mmm0", (decode_shift_imm<2, false>), exec::VQSHL_imm, kVec),
    encoding("T32_VQSHL_imm_T1_32_S", "111011111D1iiiiiddd0011101M1mmm0", (decode_shift_imm<4, false>), exec::VQSHL_imm, kVec),
    encoding("T32_VQSHL_imm_T1_32_U", "111111111D1iiiiiddd0011101M1mmm0", (decode_shift_imm<4, false>), exec::VQSHL_imm, kVec),
    encoding("T32_VQSHLU_T1_8", "111111111D001iiiddd0011001M1mmm0", (decode_shift_imm<1, false>), exec::VQSHLU_imm, kVec),
    encoding("T32_VQSHLU_T1_16", "111111111D01iiiiddd0011001M1mmm0", (decode_shift_imm<2, false>), exec::VQSHLU_imm, kVec),
    encoding("T32_VQSHLU_T1_32", "111111111D1iiiiiddd0011001M1mmm0", (decode_shift_imm<4, false>), exec::VQSHLU_imm, kVec),
    encoding("T32_VSHR_T1_8_S", "111011111D001iiiddd0000001M1mmm0", (decode_shift_imm<1, true>), exec::VSHR_imm, kVec),
    encoding("T32_VSHR_T1_8_U", "111111111D001iiiddd0000001M1mmm0", (decode_shift_imm<1, true>), exec::VSHR_imm, kVec),
    encoding("T32_VSHR_T1_16_S", "111011111D01iiiiddd0000001M1mmm0", (decode_shift_imm<2, true>), exec::VSHR_imm, kVec),
    encoding("T32_VSHR_T1_16_U", "111111111D01iiiiddd0000001M1mmm0", (decode_shift_imm<2, true>), exec::VSHR_imm, kVec),
    encoding("T32_VSHR_T1_32_S", "111011111D1iiiiiddd0000001M1mmm0", (decode_shift_imm<4, true>), exec::VSHR_imm, kVec),
    encoding("T32_VSHR_T1_32_U", "111111111D1iiiiiddd0000001M1mmm0", (decode_shift_imm<4, true>), exec::VSHR_imm, kVec),
    encoding("T32_VRSHR_T1_8_S", "111011111D001iiiddd0001001M1mmm0", (decode_shift_imm<1, true>), exec::VRSHR_imm, kVec),
    encoding("T32_VRSHR_T1_8_U", "111111111D001iiiddd0001001M1mmm0", (decode_shift_imm<1, true>), exec::VRSHR_imm, kVec),
    encoding("T32_VRSHR_T1_16_S", "111011111D01iiiiddd0001001M1mmm0", (decode_shift_imm<2, true>), exec::VRSHR_imm, kVec),
    encoding("T32_VRSHR_T1_16_U", "111111111D01iiiiddd0001001M1mmm0", (decode_shift_imm<2, true>), exec::VRSHR_imm, kVec),
    encoding("T32_VRSHR_T1_32_S", "111011111D1iiiiiddd0001001M1mmm0", (decode_shift_imm<4, true>), exec::VRSHR_imm, kVec),
    encoding("T32_VRSHR_T1_32_U", "111111111D1iiiiiddd0001001M1mmm0", (decode_shift_imm<4, true>), exec::VRSHR_imm, kVec),
    encoding("T32_VSRI_T1_8", "111111111D001iiiddd0010001M1mmm0", (decode_shift_imm<1, true>), exec::VSRI, kVec),
    encoding("T32_VSRI_T1_16", "111111111D01iiiiddd0010001M1mmm0", (decode_shift_imm<2, true>), exec::VSRI, kVec),
    encoding("T32_VSRI_T1_32", "111111111D1iiiiiddd0010001M1mmm0", (decode_shift_imm<4, true>), exec::VSRI, kVec),
    encoding("T32_VSLI_T1_8", "111111111D001iiiddd0010101M1mmm0", (decode_shift_imm<1, false>), exec::VSLI, kVec),
    encoding("T32_VSLI_T1_16", "111111111D01iiiiddd0010101M1mmm0", (decode_shift_imm<2, false>), exec::VSLI, kVec),
    encoding("T32_VSLI_T1_32", "111111111D1iiiiiddd0010101M1mmm0", (decode_shift_imm<4, false>), exec::VSLI, kVec),

    // Widening and narrowing shifts (T = top half)
    encoding("T32_VSHLL_T1_8_S", "111011101D101iiidddT111101M0mmm0", decode_VSHLL_T1<1>, exec::VSHLL, kVec),
    encoding("T32_VSHLL_T1_8_U", "111111101D101iiidddT111101M0mmm0", decode_VSHLL_T1<1>, exec::VSHLL, kVec),
    encoding("T32_VSHLL_T1_16_S", "111011101D11iiiidddT111101M0mmm0", decode_VSHLL_T1<2>, exec::VSHLL, kVec),
    encoding("T32_VSHLL_T1_16_U", "111111101D11iiiidddT111101M0mmm0", decode_VSHLL_T1<2>, exec::VSHLL, kVec),
    encoding("T32_VSHLLB_T2_S", "111011100D110s01ddd0111000M0mmm1", decode_VSHLL_T2, exec::VSHLL, kVec),
    encoding("T32_VSHLLT_T2_S", "111011100D110s01ddd1111000M0mmm1", decode_VSHLL_T2, exec::VSHLL, kVec),
    encoding("T32_VSHLLB_T2_U", "111111100D110s01ddd0111000M0mmm1", decode_VSHLL_T2, exec::VSHLL, kVec),
    encoding("T32_VSHLLT_T2_U", "111111100D110s01ddd1111000M0mmm1", decode_VSHLL_T2, exec::VSHLL, kVec),
    encoding("T32_VSHRN_T1_8", "111011101D001iiidddT111111M0mmm1", decode_shift_narrow<1>, exec::VSHRN, kVec),
    encoding("T32_VSHRN_T1_16", "111011101D01iiiidddT111111M0mmm1", decode_shift_narrow<2>, exec::VSHRN, kVec),
    encoding("T32_VRSHRN_T1_8", "111111101D001iiidddT111111M0mmm1", decode_shift_narrow<1>, exec::VRSHRN, kVec),
    encoding("T32_VRSHRN_T1_16", "111111101D01iiiidddT111111M0mmm1", decode_shift_narrow<2>, exec::VRSHRN, kVec),
    encoding("T32_VQSHRN_T1_8_S", "111011101D001iiidddT111101M0mmm0", decode_shift_narrow<1>, exec::VQSHRN, kVec),
    encoding("T32_VQSHRN_T1_8_U", "111111101D001iiidddT111101M0mmm0", decode_shift_narrow<1>, exec::VQSHRN, kVec),
    encoding("T32_VQSHRN_T1_16_S", "111011101D01iiiidddT111101M0mmm0", decode_shift_narrow<2>, exec::VQSHRN, kVec),
    encoding("T32_VQSHRN_T1_16_U", "111111101D01iiiidddT111101M0mmm0", decode_shift_narrow<2>, exec::VQSHRN, kVec),
    encoding("T32_VQRSHRN_T1_8_S", "111011101D001iiidddT111101M0mmm1", decode_shift_narrow<1>, exec::VQRSHRN, kVec),
    encoding("T32_VQRSHRN_T1_8_U", "111111101D001iiidddT111101M0mmm1", decode_shift_narrow<1>, exec::VQRSHRN, kVec),
    encoding("T32_VQRSHRN_T1_16_S", "111011101D01iiiidddT111101M0mmm1", decode_shift_narrow<2>, exec::VQRSHRN, kVec),
    encoding("T32_VQRSHRN_T1_16_U", "111111101D01iiiidddT111101M0mmm1", decode_shift_narrow<2>, exec::VQRSHRN, kVec),
    encoding("T32_VQSHRUN_T1_8", "111011101D001iiidddT111111M0mmm0", decode_shift_narrow<1>, exec::VQSHRUN, kVec),
    encoding("T32_VQSHRUN_T1_16", "111011101D01iiiidddT111111M0mmm0", decode_shift_narrow<2>, exec::VQSHRUN, kVec),
    encoding("T32_VQRSHRUN_T1_8", "111111101D001iiidddT111111M0mmm0", decode_shift_narrow<1>, exec::VQRSHRUN, kVec),
    encoding("T32_VQRSHRUN_T1_16", "111111101D01iiiidddT111111M0mmm0", decode_shift_narrow<2>, exec::VQRSHRUN, kVec),
    encoding("T32_VSHLC_T1", "111011101D1iiiiiddd011111100rrrr", decode_VSHLC, exec::VSHLC, kVec),

    // Saturating doubling multiplies returning the high half
    encoding("T32_VQDMULH_vec_T1", "111011110Dssnnn0ddd01011N1M0mmm0", decode_three_vectors, exec::VQDMULH_vec, kVec),
    encoding("T32_VQRDMULH_vec_T1", "111111110Dssnnn0ddd01011N1M0mmm0", decode_three_vectors, exec::VQRDMULH_vec, kVec),
    encoding("T32_VQDMULH_scalar_T1", "111011100Dssnnn1ddd01110N110rrrr", decode_vector_scalar, exec::VQDMULH_scalar, kVec),
    encoding("T32_VQRDMULH_scalar_T1", "111111100Dssnnn1ddd01110N110rrrr", decode_vector_scalar, exec::VQRDMULH_scalar, kVec),
    encoding("T32_VQDMLAH_T1", "111011100Dssnnn0ddd01110N110rrrr", decode_vector_scalar, exec::VQDMLAH, kVec),
    encoding("T32_VQRDMLAH_T1", "111011100Dssnnn0ddd01110N100rrrr", decode_vector_scalar, exec::VQRDMLAH, kVec),
    encoding("T32_VQDMLASH_T1", "111011100Dssnnn0ddd11110N110rrrr", decode_vector_scalar, exec::VQDMLASH, kVec),
    encoding("T32_VQRDMLASH_T1", "111011100Dssnnn0ddd11110N100rrrr", decode_vector_scalar, exec::VQRDMLASH, kVec),
    encoding("T32_VQDMLADH_T1", "111011100Dssnnn0dddX1110N0M0mmm0", decode_three_vectors, exec::VQDMLADH, kVec),
    encoding("T32_VQRDMLADH_T1", "111011100Dssnnn0dddX1110N0M0mmm1", decode_three_vectors, exec::VQRDMLADH, kVec),
    encoding("T32_VQDMLSDH_T1", "111111100Dssnnn0dddX1110N0M0mmm0", decode_three_vectors, exec::VQDMLSDH, kVec),
    encoding("T32_VQRDMLSDH_T1", "111111100Dssnnn0dddX1110N0M0mmm1", decode_three_vectors, exec::VQRDMLSDH, kVec),

    // Scalar long shifts (generated partition, see the header comment)
    encoding("T32_LSLL_imm_T1", "111010100101lll00iiihhh1ii001111", decode_long_shift_imm, exec::LSLL_imm, kDP),
    encoding("T32_LSRL_imm_T1", "111010100101lll00iiihhh1ii011111", decode_long_shift_imm, exec::LSRL_imm, kDP),
    encoding("T32_ASRL_imm_T1", "111010100101lll00iiihhh1ii101111", decode_long_shift_imm, exec::ASRL_imm, kDP),
    encoding("T32_UQSHLL_T1", "1110101001010ll10iiihhh1ii001111", decode_long_shift_imm, exec::UQSHLL, kDP),
    encoding("T32_UQSHLL_T1_RdaLo_r8_r10", "11101010010110l10iiihhh1ii001111", decode_long_shift_imm, exec::UQSHLL, kDP),
    encoding("T32_UQSHLL_T1_RdaLo_r12", "11101010010111010iiihhh1ii001111", decode_long_shift_imm, exec::UQSHLL, kDP),
    encoding("T32_UQSHLL_T1_RdaLo_lr", "11101010010111110iiihhh1ii001111", decode_long_shift_imm, exec::UQSHLL, kDP),
    encoding("T32_URSHRL_T1", "1110101001010ll10iiihhh1ii011111", decode_long_shift_imm, exec::URSHRL, kDP),
    encoding("T32_URSHRL_T1_RdaLo_r8_r10", "11101010010110l10iiihhh1ii011111", decode_long_shift_imm, exec::URSHRL, kDP),
    encoding("T32_URSHRL_T1_RdaLo_r12", "11101010010111010iiihhh1ii011111", decode_long_shift_imm, exec::URSHRL, kDP),
    encoding("T32_URSHRL_T1_RdaLo_lr", "11101010010111110iiihhh1ii011111", decode_long_shift_imm, exec::URSHRL, kDP),
    encoding("T32_SRSHRL_T1", "1110101001010ll10iiihhh1ii101111", decode_long_shift_imm, exec::SRSHRL, kDP),
    encoding("T32_SRSHRL_T1_RdaLo_r8_r10", "11101010010110l10iiihhh1ii101111", decode_long_shift_imm, exec::SRSHRL, kDP),
    encoding("T32_SRSHRL_T1_RdaLo_r12", "11101010010111010iiihhh1ii101111", decode_long_shift_imm, exec::SRSHRL, kDP),
    encoding("T32_SRSHRL_T1_RdaLo_lr", "11101010010111110iiihhh1ii101111", decode_long_shift_imm, exec::SRSHRL, kDP),
    encoding("T32_SQSHLL_T1", "1110101001010ll10iiihhh1ii111111", decode_long_shift_imm, exec::SQSHLL, kDP),
    encoding("T32_SQSHLL_T1_RdaLo_r8_r10", "11101010010110l10iiihhh1ii111111", decode_long_shift_imm, exec::SQSHLL, kDP),
    encoding("T32_SQSHLL_T1_RdaLo_r12", "11101010010111010iiihhh1ii111111", decode_long_shift_imm, exec::SQSHLL, kDP),
    encoding("T32_SQSHLL_T1_RdaLo_lr", "11101010010111110iiihhh1ii111111", decode_long_shift_imm, exec::SQSHLL, kDP),
    encoding("T32_UQSHL_T1", "111010100101aaa00iii1111ii001111", decode_short_shift_imm, exec::UQSHL, kDP),
    encoding("T32_UQSHL_T1_Rda_r1_r7", "1110101001010aa10iii1111ii001111", decode_short_shift_imm, exec::UQSHL, kDP),
    encoding("T32_UQSHL_T1_Rda_r9_r11", "11101010010110a10iii1111ii001111", decode_short_shift_imm, exec::UQSHL, kDP),
    encoding("T32_URSHR_T1", "111010100101aaa00iii1111ii011111", decode_short_shift_imm, exec::URSHR, kDP),
    encoding("T32_URSHR_T1_Rda_r1_r7", "1110101001010aa10iii1111ii011111", decode_short_shift_imm, exec::URSHR, kDP),
    encoding("T32_URSHR_T1_Rda_r9_r11", "11101010010110a10iii1111ii011111", decode_short_shift_imm, exec::URSHR, kDP),
    encoding("T32_SRSHR_T1", "111010100101aaa00iii1111ii101111", decode_short_shift_imm, exec::SRSHR, kDP),
    encoding("T32_SRSHR_T1_Rda_r1_r7", "1110101001010aa10iii1111ii101111", decode_short_shift_imm, exec::SRSHR, kDP),
    encoding("T32_SRSHR_T1_Rda_r9_r11", "11101010010110a10iii1111ii101111", decode_short_shift_imm, exec::SRSHR, kDP),
    encoding("T32_SQSHL_T1", "111010100101aaa00iii1111ii111111", decode_short_shift_imm, exec::SQSHL, kDP),
    encoding("T32_SQSHL_T1_Rda_r1_r7", "1110101001010aa10iii1111ii111111", decode_short_shift_imm, exec::SQSHL, kDP),
    encoding("T32_SQSHL_T1_Rda_r9_r11", "11101010010110a10iii1111ii111111", decode_short_shift_imm, exec::SQSHL, kDP),
    encoding("T32_LSLL_reg_T1", "111010100101lll00mmmhhh100001101", decode_long_shift_reg, exec::LSLL_reg, kDP),
    encoding("T32_LSLL_reg_T1_Rm_r8", "111010100101lll01000hhh100001101", decode_long_shift_reg, exec::LSLL_reg, kDP),
    encoding("T32_LSLL_reg_T1_Rm_r9", "111010100101lll01001hhh100001101", decode_long_shift_reg, exec::LSLL_reg, kDP),
    encoding("T32_LSLL_reg_T1_Rm_r10", "111010100101lll01010hhh100001101", decode_long_shift_reg, exec::LSLL_reg, kDP),
    encoding("T32_LSLL_reg_T1_Rm_r11", "111010100101lll01011hhh100001101", decode_long_shift_reg, exec::LSLL_reg, kDP),
    encoding("T32_LSLL_reg_T1_Rm_r12_r14", "111010100101lll011mmhhh100001101", decode_long_shift_reg, exec::LSLL_reg, kDP),
    encoding("T32_ASRL_reg_T1", "111010100101lll00mmmhhh100101101", decode_long_shift_reg, exec::ASRL_reg, kDP),
    encoding("T32_ASRL_reg_T1_Rm_r8", "111010100101lll01000hhh100101101", decode_long_shift_reg, exec::ASRL_reg, kDP),
    encoding("T32_ASRL_reg_T1_Rm_r9", "111010100101lll01001hhh100101101", decode_long_shift_reg, exec::ASRL_reg, kDP),
    encoding("T32_ASRL_reg_T1_Rm_r10", "111010100101lll01010hhh100101101", decode_long_shift_reg, exec::ASRL_reg, kDP),
    encoding("T32_ASRL_reg_T1_Rm_r11", "111010100101lll01011hhh100101101", decode_long_shift_reg, exec::ASRL_reg, kDP),
    encoding("T32_ASRL_reg_T1_Rm_r12_r14", "111010100101lll011mmhhh100101101", decode_long_shift_reg, exec::ASRL_reg, kDP),
    encoding("T32_UQRSHLL_64_T1", "1110101001010ll10mmmhhh100001101", decode_long_shift_reg, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_64_T1_RdaLo_r8_r10", "11101010010110l10mmmhhh100001101", decode_long_shift_reg, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_64_T1_RdaLo_r12", "11101010010111010mmmhhh100001101", decode_long_shift_reg, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_64_T1_RdaLo_lr", "11101010010111110mmmhhh100001101", decode_long_shift_reg, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_64_T1_Rm_r8", "111010100101lll11000hhh100001101", decode_long_shift_reg, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_64_T1_Rm_r9", "111010100101lll11001hhh100001101", decode_long_shift_reg, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_64_T1_Rm_r10", "111010100101lll11010hhh100001101", decode_long_shift_reg, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_64_T1_Rm_r11", "111010100101lll11011hhh100001101", decode_long_shift_reg, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_64_T1_Rm_r12_r14", "111010100101lll111mmhhh100001101", decode_long_shift_reg, exec::UQRSHLL, kDP),
    encoding("T32_SQRSHRL_64_T1", "1110101001010ll10mmmhhh100101101", decode_long_shift_reg, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_64_T1_RdaLo_r8_r10", "11101010010110l10mmmhhh100101101", decode_long_shift_reg, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_64_T1_RdaLo_r12", "11101010010111010mmmhhh100101101", decode_long_shift_reg, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_64_T1_RdaLo_lr", "11101010010111110mmmhhh100101101", decode_long_shift_reg, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_64_T1_Rm_r8", "111010100101lll11000hhh100101101", decode_long_shift_reg, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_64_T1_Rm_r9", "111010100101lll11001hhh100101101", decode_long_shift_reg, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_64_T1_Rm_r10", "111010100101lll11010hhh100101101", decode_long_shift_reg, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_64_T1_Rm_r11", "111010100101lll11011hhh100101101", decode_long_shift_reg, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_64_T1_Rm_r12_r14", "111010100101lll111mmhhh100101101", decode_long_shift_reg, exec::SQRSHRL, kDP),
    encoding("T32_UQRSHLL_48_T1", "1110101001010ll10mmmhhh110001101", decode_long_shift_reg48, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_48_T1_RdaLo_r8_r10", "11101010010110l10mmmhhh110001101", decode_long_shift_reg48, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_48_T1_RdaLo_r12", "11101010010111010mmmhhh110001101", decode_long_shift_reg48, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_48_T1_RdaLo_lr", "11101010010111110mmmhhh110001101", decode_long_shift_reg48, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_48_T1_Rm_r8", "111010100101lll11000hhh110001101", decode_long_shift_reg48, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_48_T1_Rm_r9", "111010100101lll11001hhh110001101", decode_long_shift_reg48, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_48_T1_Rm_r10", "111010100101lll11010hhh110001101", decode_long_shift_reg48, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_48_T1_Rm_r11", "111010100101lll11011hhh110001101", decode_long_shift_reg48, exec::UQRSHLL, kDP),
    encoding("T32_UQRSHLL_48_T1_Rm_r12_r14", "111010100101lll111mmhhh110001101", decode_long_shift_reg48, exec::UQRSHLL, kDP),
    encoding("T32_SQRSHRL_48_T1", "1110101001010ll10mmmhhh110101101", decode_long_shift_reg48, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_48_T1_RdaLo_r8_r10", "11101010010110l10mmmhhh110101101", decode_long_shift_reg48, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_48_T1_RdaLo_r12", "11101010010111010mmmhhh110101101", decode_long_shift_reg48, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_48_T1_RdaLo_lr", "11101010010111110mmmhhh110101101", decode_long_shift_reg48, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_48_T1_Rm_r8", "111010100101lll11000hhh110101101", decode_long_shift_reg48, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_48_T1_Rm_r9", "111010100101lll11001hhh110101101", decode_long_shift_reg48, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_48_T1_Rm_r10", "111010100101lll11010hhh110101101", decode_long_shift_reg48, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_48_T1_Rm_r11", "111010100101lll11011hhh110101101", decode_long_shift_reg48, exec::SQRSHRL, kDP),
    encoding("T32_SQRSHRL_48_T1_Rm_r12_r14", "111010100101lll111mmhhh110101101", decode_long_shift_reg48, exec::SQRSHRL, kDP),
    encoding("T32_UQRSHL_T1", "111010100101aaa00mmm111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rda_r1_r7", "1110101001010aa10mmm111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rda_r9_r11", "11101010010110a10mmm111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rm_r8", "111010100101aaa01000111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rm_r8_Rda_odd", "111010100101aaa11000111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rm_r9", "111010100101aaa01001111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rm_r9_Rda_odd", "111010100101aaa11001111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rm_r10", "111010100101aaa01010111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rm_r10_Rda_odd", "111010100101aaa11010111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rm_r11", "111010100101aaa01011111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rm_r11_Rda_odd", "111010100101aaa11011111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rm_r12_r14", "111010100101aaa011mm111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_UQRSHL_T1_Rm_r12_r14_Rda_odd", "111010100101aaa111mm111100001101", decode_short_shift_reg, exec::UQRSHL, kDP),
    encoding("T32_SQRSHR_T1", "111010100101aaa00mmm111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rda_r1_r7", "1110101001010aa10mmm111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rda_r9_r11", "11101010010110a10mmm111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rm_r8", "111010100101aaa01000111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rm_r8_Rda_odd", "111010100101aaa11000111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rm_r9", "111010100101aaa01001111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rm_r9_Rda_odd", "111010100101aaa11001111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rm_r10", "111010100101aaa01010111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rm_r10_Rda_odd", "111010100101aaa11010111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rm_r11", "111010100101aaa01011111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rm_r11_Rda_odd", "111010100101aaa11011111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rm_r12_r14", "111010100101aaa011mm111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
    encoding("T32_SQRSHR_T1_Rm_r12_r14_Rda_odd", "111010100101aaa111mm111100101101", decode_short_shift_reg, exec::SQRSHR, kDP),
};

// Every long-shift row specialises the data-processing row (ORR/MOV register, CSEL family) whose
// UNPREDICTABLE corner it occupies, and the single-register forms specialise the long forms.
constexpr Overlap kOverlaps[] = {
    {"T32_LSLL_imm_T1", "T32_ORR_reg_T2"},
    {"T32_UQSHL_T1", "T32_LSLL_imm_T1"},
    {"T32_LSRL_imm_T1", "T32_ORR_reg_T2"},
    {"T32_URSHR_T1", "T32_LSRL_imm_T1"},
    {"T32_ASRL_imm_T1", "T32_ORR_reg_T2"},
    {"T32_SRSHR_T1", "T32_ASRL_imm_T1"},
    {"T32_UQSHLL_T1", "T32_ORR_reg_T2"},
    {"T32_UQSHL_T1_Rda_r1_r7", "T32_UQSHLL_T1"},
    {"T32_UQSHLL_T1_RdaLo_r8_r10", "T32_ORR_reg_T2"},
    {"T32_UQSHL_T1_Rda_r9_r11", "T32_UQSHLL_T1_RdaLo_r8_r10"},
    {"T32_UQSHLL_T1_RdaLo_r12", "T32_ORR_reg_T2"},
    {"T32_UQSHLL_T1_RdaLo_lr", "T32_ORR_reg_T2"},
    {"T32_UQSHLL_T1_RdaLo_lr", "T32_MOV_reg_T3"},
    {"T32_URSHRL_T1", "T32_ORR_reg_T2"},
    {"T32_URSHR_T1_Rda_r1_r7", "T32_URSHRL_T1"},
    {"T32_URSHRL_T1_RdaLo_r8_r10", "T32_ORR_reg_T2"},
    {"T32_URSHR_T1_Rda_r9_r11", "T32_URSHRL_T1_RdaLo_r8_r10"},
    {"T32_URSHRL_T1_RdaLo_r12", "T32_ORR_reg_T2"},
    {"T32_URSHRL_T1_RdaLo_lr", "T32_ORR_reg_T2"},
    {"T32_URSHRL_T1_RdaLo_lr", "T32_MOV_reg_T3"},
    {"T32_SRSHRL_T1", "T32_ORR_reg_T2"},
    {"T32_SRSHR_T1_Rda_r1_r7", "T32_SRSHRL_T1"},
    {"T32_SRSHRL_T1_RdaLo_r8_r10", "T32_ORR_reg_T2"},
    {"T32_SRSHR_T1_Rda_r9_r11", "T32_SRSHRL_T1_RdaLo_r8_r10"},
    {"T32_SRSHRL_T1_RdaLo_r12", "T32_ORR_reg_T2"},
    {"T32_SRSHRL_T1_RdaLo_lr", "T32_ORR_reg_T2"},
    {"T32_SRSHRL_T1_RdaLo_lr", "T32_MOV_reg_T3"},
    {"T32_SQSHLL_T1", "T32_ORR_reg_T2"},
    {"T32_SQSHL_T1_Rda_r1_r7", "T32_SQSHLL_T1"},
    {"T32_SQSHLL_T1_RdaLo_r8_r10", "T32_ORR_reg_T2"},
    {"T32_SQSHL_T1_Rda_r9_r11", "T32_SQSHLL_T1_RdaLo_r8_r10"},
    {"T32_SQSHLL_T1_RdaLo_r12", "T32_ORR_reg_T2"},
    {"T32_SQSHLL_T1_RdaLo_lr", "T32_ORR_reg_T2"},
    {"T32_SQSHLL_T1_RdaLo_lr", "T32_MOV_reg_T3"},
    {"T32_UQSHL_T1", "T32_ORR_reg_T2"},
    {"T32_UQSHL_T1_Rda_r1_r7", "T32_ORR_reg_T2"},
    {"T32_UQSHL_T1_Rda_r9_r11", "T32_ORR_reg_T2"},
    {"T32_URSHR_T1", "T32_ORR_reg_T2"},
    {"T32_URSHR_T1_Rda_r1_r7", "T32_ORR_reg_T2"},
    {"T32_URSHR_T1_Rda_r9_r11", "T32_ORR_reg_T2"},
    {"T32_SRSHR_T1", "T32_ORR_reg_T2"},
    {"T32_SRSHR_T1_Rda_r1_r7", "T32_ORR_reg_T2"},
    {"T32_SRSHR_T1_Rda_r9_r11", "T32_ORR_reg_T2"},
    {"T32_SQSHL_T1", "T32_ORR_reg_T2"},
    {"T32_SQSHL_T1_Rda_r1_r7", "T32_ORR_reg_T2"},
    {"T32_SQSHL_T1_Rda_r9_r11", "T32_ORR_reg_T2"},
    {"T32_LSLL_reg_T1", "T32_ORR_reg_T2"},
    {"T32_UQRSHL_T1", "T32_LSLL_reg_T1"},
    {"T32_LSLL_reg_T1_Rm_r8", "T32_CSEL_T1"},
    {"T32_UQRSHL_T1_Rm_r8", "T32_LSLL_reg_T1_Rm_r8"},
    {"T32_LSLL_reg_T1_Rm_r9", "T32_CSINC_T1"},
    {"T32_UQRSHL_T1_Rm_r9", "T32_LSLL_reg_T1_Rm_r9"},
    {"T32_LSLL_reg_T1_Rm_r10", "T32_CSINV_T1"},
    {"T32_UQRSHL_T1_Rm_r10", "T32_LSLL_reg_T1_Rm_r10"},
    {"T32_LSLL_reg_T1_Rm_r11", "T32_CSNEG_T1"},
    {"T32_UQRSHL_T1_Rm_r11", "T32_LSLL_reg_T1_Rm_r11"},
    {"T32_UQRSHL_T1_Rm_r12_r14", "T32_LSLL_reg_T1_Rm_r12_r14"},
    {"T32_ASRL_reg_T1", "T32_ORR_reg_T2"},
    {"T32_SQRSHR_T1", "T32_ASRL_reg_T1"},
    {"T32_ASRL_reg_T1_Rm_r8", "T32_CSEL_T1"},
    {"T32_SQRSHR_T1_Rm_r8", "T32_ASRL_reg_T1_Rm_r8"},
    {"T32_ASRL_reg_T1_Rm_r9", "T32_CSINC_T1"},
    {"T32_SQRSHR_T1_Rm_r9", "T32_ASRL_reg_T1_Rm_r9"},
    {"T32_ASRL_reg_T1_Rm_r10", "T32_CSINV_T1"},
    {"T32_SQRSHR_T1_Rm_r10", "T32_ASRL_reg_T1_Rm_r10"},
    {"T32_ASRL_reg_T1_Rm_r11", "T32_CSNEG_T1"},
    {"T32_SQRSHR_T1_Rm_r11", "T32_ASRL_reg_T1_Rm_r11"},
    {"T32_SQRSHR_T1_Rm_r12_r14", "T32_ASRL_reg_T1_Rm_r12_r14"},
    {"T32_UQRSHLL_64_T1", "T32_ORR_reg_T2"},
    {"T32_UQRSHL_T1_Rda_r1_r7", "T32_UQRSHLL_64_T1"},
    {"T32_UQRSHLL_64_T1_RdaLo_r8_r10", "T32_ORR_reg_T2"},
    {"T32_UQRSHL_T1_Rda_r9_r11", "T32_UQRSHLL_64_T1_RdaLo_r8_r10"},
    {"T32_UQRSHLL_64_T1_RdaLo_r12", "T32_ORR_reg_T2"},
    {"T32_UQRSHLL_64_T1_RdaLo_lr", "T32_ORR_reg_T2"},
    {"T32_UQRSHLL_64_T1_RdaLo_lr", "T32_MOV_reg_T3"},
    {"T32_UQRSHLL_64_T1_Rm_r8", "T32_CSEL_T1"},
    {"T32_UQRSHL_T1_Rm_r8_Rda_odd", "T32_UQRSHLL_64_T1_Rm_r8"},
    {"T32_UQRSHLL_64_T1_Rm_r9", "T32_CSINC_T1"},
    {"T32_UQRSHL_T1_Rm_r9_Rda_odd", "T32_UQRSHLL_64_T1_Rm_r9"},
    {"T32_UQRSHLL_64_T1_Rm_r10", "T32_CSINV_T1"},
    {"T32_UQRSHL_T1_Rm_r10_Rda_odd", "T32_UQRSHLL_64_T1_Rm_r10"},
    {"T32_UQRSHLL_64_T1_Rm_r11", "T32_CSNEG_T1"},
    {"T32_UQRSHL_T1_Rm_r11_Rda_odd", "T32_UQRSHLL_64_T1_Rm_r11"},
    {"T32_UQRSHL_T1_Rm_r12_r14_Rda_odd", "T32_UQRSHLL_64_T1_Rm_r12_r14"},
    {"T32_SQRSHRL_64_T1", "T32_ORR_reg_T2"},
    {"T32_SQRSHR_T1_Rda_r1_r7", "T32_SQRSHRL_64_T1"},
    {"T32_SQRSHRL_64_T1_RdaLo_r8_r10", "T32_ORR_reg_T2"},
    {"T32_SQRSHR_T1_Rda_r9_r11", "T32_SQRSHRL_64_T1_RdaLo_r8_r10"},
    {"T32_SQRSHRL_64_T1_RdaLo_r12", "T32_ORR_reg_T2"},
    {"T32_SQRSHRL_64_T1_RdaLo_lr", "T32_ORR_reg_T2"},
    {"T32_SQRSHRL_64_T1_RdaLo_lr", "T32_MOV_reg_T3"},
    {"T32_SQRSHRL_64_T1_Rm_r8", "T32_CSEL_T1"},
    {"T32_SQRSHR_T1_Rm_r8_Rda_odd", "T32_SQRSHRL_64_T1_Rm_r8"},
    {"T32_SQRSHRL_64_T1_Rm_r9", "T32_CSINC_T1"},
    {"T32_SQRSHR_T1_Rm_r9_Rda_odd", "T32_SQRSHRL_64_T1_Rm_r9"},
    {"T32_SQRSHRL_64_T1_Rm_r10", "T32_CSINV_T1"},
    {"T32_SQRSHR_T1_Rm_r10_Rda_odd", "T32_SQRSHRL_64_T1_Rm_r10"},
    {"T32_SQRSHRL_64_T1_Rm_r11", "T32_CSNEG_T1"},
    {"T32_SQRSHR_T1_Rm_r11_Rda_odd", "T32_SQRSHRL_64_T1_Rm_r11"},
    {"T32_SQRSHR_T1_Rm_r12_r14_Rda_odd", "T32_SQRSHRL_64_T1_Rm_r12_r14"},
    {"T32_UQRSHLL_48_T1", "T32_ORR_reg_T2"},
    {"T32_UQRSHLL_48_T1_RdaLo_r8_r10", "T32_ORR_reg_T2"},
    {"T32_UQRSHLL_48_T1_RdaLo_r12", "T32_ORR_reg_T2"},
    {"T32_UQRSHLL_48_T1_RdaLo_lr", "T32_ORR_reg_T2"},
    {"T32_UQRSHLL_48_T1_RdaLo_lr", "T32_MOV_reg_T3"},
    {"T32_UQRSHLL_48_T1_Rm_r8", "T32_CSEL_T1"},
    {"T32_UQRSHLL_48_T1_Rm_r9", "T32_CSINC_T1"},
    {"T32_UQRSHLL_48_T1_Rm_r10", "T32_CSINV_T1"},
    {"T32_UQRSHLL_48_T1_Rm_r11", "T32_CSNEG_T1"},
    {"T32_SQRSHRL_48_T1", "T32_ORR_reg_T2"},
    {"T32_SQRSHRL_48_T1_RdaLo_r8_r10", "T32_ORR_reg_T2"},
    {"T32_SQRSHRL_48_T1_RdaLo_r12", "T32_ORR_reg_T2"},
    {"T32_SQRSHRL_48_T1_RdaLo_lr", "T32_ORR_reg_T2"},
    {"T32_SQRSHRL_48_T1_RdaLo_lr", "T32_MOV_reg_T3"},
    {"T32_SQRSHRL_48_T1_Rm_r8", "T32_CSEL_T1"},
    {"T32_SQRSHRL_48_T1_Rm_r9", "T32_CSINC_T1"},
    {"T32_SQRSHRL_48_T1_Rm_r10", "T32_CSINV_T1"},
    {"T32_SQRSHRL_48_T1_Rm_r11", "T32_CSNEG_T1"},
    {"T32_UQRSHL_T1", "T32_ORR_reg_T2"},
    {"T32_UQRSHL_T1_Rda_r1_r7", "T32_ORR_reg_T2"},
    {"T32_UQRSHL_T1_Rda_r9_r11", "T32_ORR_reg_T2"},
    {"T32_UQRSHL_T1_Rm_r8", "T32_CSEL_T1"},
    {"T32_UQRSHL_T1_Rm_r8_Rda_odd", "T32_CSEL_T1"},
    {"T32_UQRSHL_T1_Rm_r9", "T32_CSINC_T1"},
    {"T32_UQRSHL_T1_Rm_r9_Rda_odd", "T32_CSINC_T1"},
    {"T32_UQRSHL_T1_Rm_r10", "T32_CSINV_T1"},
    {"T32_UQRSHL_T1_Rm_r10_Rda_odd", "T32_CSINV_T1"},
    {"T32_UQRSHL_T1_Rm_r11", "T32_CSNEG_T1"},
    {"T32_UQRSHL_T1_Rm_r11_Rda_odd", "T32_CSNEG_T1"},
    {"T32_SQRSHR_T1", "T32_ORR_reg_T2"},
    {"T32_SQRSHR_T1_Rda_r1_r7", "T32_ORR_reg_T2"},
    {"T32_SQRSHR_T1_Rda_r9_r11", "T32_ORR_reg_T2"},
    {"T32_SQRSHR_T1_Rm_r8", "T32_CSEL_T1"},
    {"T32_SQRSHR_T1_Rm_r8_Rda_odd", "T32_CSEL_T1"},
    {"T32_SQRSHR_T1_Rm_r9", "T32_CSINC_T1"},
    {"T32_SQRSHR_T1_Rm_r9_Rda_odd", "T32_CSINC_T1"},
    {"T32_SQRSHR_T1_Rm_r10", "T32_CSINV_T1"},
    {"T32_SQRSHR_T1_Rm_r10_Rda_odd", "T32_CSINV_T1"},
    {"T32_SQRSHR_T1_Rm_r11", "T32_CSNEG_T1"},
    {"T32_SQRSHR_T1_Rm_r11_Rda_odd", "T32_CSNEG_T1"},
};
// clang-format on

}  // namespace

EncodingGroup mve_shift_saturate_group() {
  return {"mve_shift_saturate", {}, kT32, kOverlaps};
}

}  // namespace minifvp::cpu
