// Encodings of MVE floating point: vector arithmetic, fused multiply-add, conversions, VRINT,
// complex arithmetic (Armv8.1-M ARM, "MVE instructions"; the same encodings as QEMU 7.2's
// target/arm/mve.decode). Execute functions: cpu/exec/mve_float*.cpp; operand conventions:
// cpu/exec/mve_common.h and the mve_float headers.
//
// Every row is beat-wise (InsnClass::Vector). Field values that the architecture makes UNDEFINED
// or UNPREDICTABLE (a Q register number above 7 through the D/N/M bit, an element size other than
// F16/F32, Rm = SP or PC for the scalar forms, reserved VRINT operations, a half-precision
// fixed-point conversion with more than 16 fraction bits) execute exec::fp_undefined, so a
// disabled FPU still reports NOCP first; QEMU also chooses UNDEFINED for all of them.
//
// VCADD and VCMLA lie in coprocessor 8's space (bits [11:8] = '1000' of the 1111110 group) and are
// declared as specialising the floating-point table's catch-all there.
#include <array>

#include "cpu/decode/groups.h"
#include "cpu/exec/fp_common.h"
#include "cpu/exec/mve_float_arith.h"
#include "cpu/exec/mve_float_complex.h"
#include "cpu/exec/mve_float_convert.h"

namespace minifvp::cpu {
namespace {

constexpr auto kVec = InsnClass::Vector;

DecodeStatus undefined(DecodedInsn& out) {
  out.exec = exec::fp_undefined;
  return DecodeStatus::Ok;
}

// Q registers: D:Qd, N:Qn, M:Qm with the top bit required to be 0 (Q0-Q7 only).
bool q_registers(Fields f, bool has_n, DecodedInsn& out) {
  if (f['D'] != 0 || f['M'] != 0 || (has_n && f['N'] != 0)) return false;
  out.d = static_cast<uint8_t>(f['d']);
  out.m = static_cast<uint8_t>(f['m']);
  if (has_n) out.n = static_cast<uint8_t>(f['n']);
  return true;
}

// Bit 28 of the encoding: the size (or U) bit of the forms that have it there. Those forms have one
// row per value of the bit, since a 32-bit row must fix the first five bits.
uint32_t bit28(Fields f) {
  return (f.raw() >> 28) & 1;
}

// A two-bit size field (bits [19:18] of the one-register forms): '01' F16, '10' F32.
bool esize_from_size2(uint32_t size, DecodedInsn& out) {
  if (size != 1 && size != 2) return false;
  out.esize = static_cast<uint8_t>(2 * size);
  return true;
}

// Three Q registers, bit 20 = sz with 1 meaning F16 (VADD, VSUB, VMUL, VABD, VFMA, VFMS, VMAXNM,
// VMINNM).
DecodeStatus decode_three_sz1_half(Fields f, DecodedInsn& out) {
  if (!q_registers(f, true, out)) return undefined(out);
  out.esize = f['s'] ? 2 : 4;
  return DecodeStatus::Ok;
}

// VMAXNMA/VMINNMA: Qda and Qm; bit 28 = 1 means F16.
DecodeStatus decode_max_min_magnitude(Fields f, DecodedInsn& out) {
  if (!q_registers(f, false, out)) return undefined(out);
  out.n = out.d;
  out.esize = bit28(f) ? 2 : 4;
  return DecodeStatus::Ok;
}

// VABS, VNEG, VRINT and the integer VCVT forms: Qd, Qm and a two-bit size.
bool two_regs_size2(Fields f, DecodedInsn& out) {
  return q_registers(f, false, out) && esize_from_size2(f['s'], out);
}
DecodeStatus decode_two_size2(Fields f, DecodedInsn& out) {
  return two_regs_size2(f, out) ? DecodeStatus::Ok : undefined(out);
}

// Scalar forms: Qd, Qn, Rm; bit 28 = 1 means F16. Rm = SP or PC is UNPREDICTABLE.
DecodeStatus decode_scalar(Fields f, DecodedInsn& out) {
  if (!q_registers(f, true, out)) return undefined(out);
  out.t = static_cast<uint8_t>(f['r']);
  if (out.t == 13 || out.t == 15) return undefined(out);
  out.esize = bit28(f) ? 2 : 4;
  return DecodeStatus::Ok;
}

// VCVT between floating point and integer (no fraction bits): op = 1 converts to integer.
DecodeStatus decode_VCVT_int(Fields f, DecodedInsn& out) {
  if (!two_regs_size2(f, out)) return undefined(out);
  out.imm = 0;
  out.flag = f['U'] != 0;
  out.exec = f['o'] ? exec::mve::VCVT_fp_to_fixed : exec::mve::VCVT_fixed_to_fp;
  return DecodeStatus::Ok;
}

// VCVT between floating point and fixed point: imm6 = '1':imm5 (bit 21 fixed), fbits = 64 - imm6;
// sz (bit 9) = 1 means F32. Half precision allows 1-16 fraction bits only (imm6 = '11xxxx').
DecodeStatus decode_VCVT_fixed(Fields f, DecodedInsn& out) {
  if (!q_registers(f, false, out)) return undefined(out);
  const uint32_t imm6 = 0x20 | f['i'];
  const bool single = f['z'] != 0;
  if (!single && imm6 < 0x30) return undefined(out);
  out.esize = single ? 4 : 2;
  out.imm = 64 - imm6;
  out.flag = bit28(f) != 0;
  out.exec = f['o'] ? exec::mve::VCVT_fp_to_fixed : exec::mve::VCVT_fixed_to_fp;
  return DecodeStatus::Ok;
}

// The RM field of VCVTA/N/P/M: A (ties away), N (ties even), P, M.
DecodeStatus decode_VCVT_directed(Fields f, DecodedInsn& out) {
  static constexpr fp::Rounding kModes[4] = {fp::Rounding::TieAway, fp::Rounding::TieEven,
                                             fp::Rounding::PosInf, fp::Rounding::NegInf};
  if (!two_regs_size2(f, out)) return undefined(out);
  out.imm = static_cast<uint32_t>(kModes[f['r']]);
  out.flag = f['U'] != 0;
  return DecodeStatus::Ok;
}

// VRINT op (bits [9:7]): 000 N, 001 X, 010 A, 011 Z, 101 M, 111 P; 100 and 110 are UNDEFINED.
DecodeStatus decode_VRINT(Fields f, DecodedInsn& out) {
  if (!two_regs_size2(f, out)) return undefined(out);
  const uint32_t op = f['o'];
  out.flag = op == 0b001;
  switch (op) {
    case 0b000:
    case 0b001:
      out.imm = static_cast<uint32_t>(fp::Rounding::TieEven);
      break;
    case 0b010:
      out.imm = static_cast<uint32_t>(fp::Rounding::TieAway);
      break;
    case 0b011:
      out.imm = static_cast<uint32_t>(fp::Rounding::Zero);
      break;
    case 0b101:
      out.imm = static_cast<uint32_t>(fp::Rounding::NegInf);
      break;
    case 0b111:
      out.imm = static_cast<uint32_t>(fp::Rounding::PosInf);
      break;
    default:
      return undefined(out);
  }
  return DecodeStatus::Ok;
}

// VCVTB/VCVTT between F16 and F32, one row per direction (bit 28 = 1 widens from F16) and per
// half (bit 12 = T selects the top halves).
DecodeStatus decode_VCVT_half_single(Fields f, DecodedInsn& out) {
  if (!q_registers(f, false, out)) return undefined(out);
  out.esize = 4;
  out.flag = ((f.raw() >> 12) & 1) != 0;
  return DecodeStatus::Ok;
}

// VCADD: rotation bit 24 (0: 90, 1: 270); bit 20 = 1 means F32.
DecodeStatus decode_VCADD(Fields f, DecodedInsn& out) {
  if (!q_registers(f, true, out)) return undefined(out);
  out.esize = f['s'] ? 4 : 2;
  out.imm = f['r'] ? 270 : 90;
  return DecodeStatus::Ok;
}

// VCMLA: rotation bits [24:23] times 90; bit 20 = 1 means F32.
DecodeStatus decode_VCMLA(Fields f, DecodedInsn& out) {
  if (!q_registers(f, true, out)) return undefined(out);
  out.esize = f['s'] ? 4 : 2;
  out.imm = 90 * f['r'];
  return DecodeStatus::Ok;
}

// VCMUL: rotation bit 12 : bit 0 times 90; bit 28 = 1 means F32. One row per value of bit 28 and of
// bit 0, so that each row strictly specialises one of the integer VQ(R)DMLADH/VQ(R)DMLSDH rows.
DecodeStatus decode_VCMUL(Fields f, DecodedInsn& out) {
  if (!q_registers(f, true, out)) return undefined(out);
  out.esize = bit28(f) ? 4 : 2;
  out.imm = 90 * (2 * f['r'] + (f.raw() & 1));
  return DecodeStatus::Ok;
}

// clang-format off
constexpr Encoding kT32[] = {
    // Three vectors
    encoding("T32_VADD_fp_T1", "111011110D0snnn0ddd01101N1M0mmm0", decode_three_sz1_half, exec::mve::VADD_fp, kVec),
    encoding("T32_VSUB_fp_T1", "111011110D1snnn0ddd01101N1M0mmm0", decode_three_sz1_half, exec::mve::VSUB_fp, kVec),
    encoding("T32_VMUL_fp_T1", "111111110D0snnn0ddd01101N1M1mmm0", decode_three_sz1_half, exec::mve::VMUL_fp, kVec),
    encoding("T32_VABD_fp_T1", "111111110D1snnn0ddd01101N1M0mmm0", decode_three_sz1_half, exec::mve::VABD_fp, kVec),
    encoding("T32_VFMA_vec_T1", "111011110D0snnn0ddd01100N1M1mmm0", decode_three_sz1_half, exec::mve::VFMA_fp, kVec),
    encoding("T32_VFMS_T1", "111011110D1snnn0ddd01100N1M1mmm0", decode_three_sz1_half, exec::mve::VFMS_fp, kVec),
    encoding("T32_VMAXNM_T1", "111111110D0snnn0ddd01111N1M1mmm0", decode_three_sz1_half, exec::mve::VMAXNM_fp, kVec),
    encoding("T32_VMINNM_T1", "111111110D1snnn0ddd01111N1M1mmm0", decode_three_sz1_half, exec::mve::VMINNM_fp, kVec),
    encoding("T32_VMAXNMA_T1_F32", "111011100D111111ddd0111010M0mmm1", decode_max_min_magnitude, exec::mve::VMAXNMA_fp, kVec),
    encoding("T32_VMAXNMA_T1_F16", "111111100D111111ddd0111010M0mmm1", decode_max_min_magnitude, exec::mve::VMAXNMA_fp, kVec),
    encoding("T32_VMINNMA_T1_F32", "111011100D111111ddd1111010M0mmm1", decode_max_min_magnitude, exec::mve::VMINNMA_fp, kVec),
    encoding("T32_VMINNMA_T1_F16", "111111100D111111ddd1111010M0mmm1", decode_max_min_magnitude, exec::mve::VMINNMA_fp, kVec),

    // One vector
    encoding("T32_VABS_fp_T2", "111111111D11ss01ddd0011101M0mmm0", decode_two_size2, exec::mve::VABS_fp, kVec),
    encoding("T32_VNEG_fp_T2", "111111111D11ss01ddd0011111M0mmm0", decode_two_size2, exec::mve::VNEG_fp, kVec),
    encoding("T32_VRINT_T1", "111111111D11ss10ddd001ooo1M0mmm0", decode_VRINT, exec::mve::VRINT_fp, kVec),
    encoding("T32_VCVT_fp_int_T1", "111111111D11ss11ddd0011oU1M0mmm0", decode_VCVT_int, exec::mve::VCVT_fp_to_fixed, kVec),
    encoding("T32_VCVT_vec_directed_T1", "111111111D11ss11ddd000rrU1M0mmm0", decode_VCVT_directed, exec::mve::VCVT_fp_to_int_directed, kVec),
    encoding("T32_VCVT_fp_fixed_T1_S", "111011111D1iiiiiddd011zo01M1mmm0", decode_VCVT_fixed, exec::mve::VCVT_fp_to_fixed, kVec),
    encoding("T32_VCVT_fp_fixed_T1_U", "111111111D1iiiiiddd011zo01M1mmm0", decode_VCVT_fixed, exec::mve::VCVT_fp_to_fixed, kVec),
    encoding("T32_VCVTB_vec_T1_F32_to_F16", "111011100D111111ddd0111000M0mmm1", decode_VCVT_half_single, exec::mve::VCVT_f32_to_f16, kVec),
    encoding("T32_VCVTT_vec_T1_F32_to_F16", "111011100D111111ddd1111000M0mmm1", decode_VCVT_half_single, exec::mve::VCVT_f32_to_f16, kVec),
    encoding("T32_VCVTB_vec_T1_F16_to_F32", "111111100D111111ddd0111000M0mmm1", decode_VCVT_half_single, exec::mve::VCVT_f16_to_f32, kVec),
    encoding("T32_VCVTT_vec_T1_F16_to_F32", "111111100D111111ddd1111000M0mmm1", decode_VCVT_half_single, exec::mve::VCVT_f16_to_f32, kVec),

    // Vector and general-purpose register scalar
    encoding("T32_VADD_fp_scalar_T2_F32", "111011100D11nnn0ddd01111N100rrrr", decode_scalar, exec::mve::VADD_fp_scalar, kVec),
    encoding("T32_VADD_fp_scalar_T2_F16", "111111100D11nnn0ddd01111N100rrrr", decode_scalar, exec::mve::VADD_fp_scalar, kVec),
    encoding("T32_VSUB_fp_scalar_T2_F32", "111011100D11nnn0ddd11111N100rrrr", decode_scalar, exec::mve::VSUB_fp_scalar, kVec),
    encoding("T32_VSUB_fp_scalar_T2_F16", "111111100D11nnn0ddd11111N100rrrr", decode_scalar, exec::mve::VSUB_fp_scalar, kVec),
    encoding("T32_VMUL_fp_scalar_T2_F32", "111011100D11nnn1ddd01110N110rrrr", decode_scalar, exec::mve::VMUL_fp_scalar, kVec),
    encoding("T32_VMUL_fp_scalar_T2_F16", "111111100D11nnn1ddd01110N110rrrr", decode_scalar, exec::mve::VMUL_fp_scalar, kVec),
    encoding("T32_VFMA_scalar_T1_F32", "111011100D11nnn1ddd01110N100rrrr", decode_scalar, exec::mve::VFMA_fp_scalar, kVec),
    encoding("T32_VFMA_scalar_T1_F16", "111111100D11nnn1ddd01110N100rrrr", decode_scalar, exec::mve::VFMA_fp_scalar, kVec),
    encoding("T32_VFMAS_scalar_T1_F32", "111011100D11nnn1ddd11110N100rrrr", decode_scalar, exec::mve::VFMAS_fp_scalar, kVec),
    encoding("T32_VFMAS_scalar_T1_F16", "111111100D11nnn1ddd11110N100rrrr", decode_scalar, exec::mve::VFMAS_fp_scalar, kVec),

    // Complex arithmetic
    encoding("T32_VCADD_fp_T1", "1111110r1D0snnn0ddd01000N1M0mmm0", decode_VCADD, exec::mve::VCADD_fp, kVec),
    encoding("T32_VCMLA_T1", "1111110rrD1snnn0ddd01000N1M0mmm0", decode_VCMLA, exec::mve::VCMLA_fp, kVec),
    encoding("T32_VCMUL_T1_F16_rot0_180", "111011100D11nnn0dddr1110N0M0mmm0", decode_VCMUL, exec::mve::VCMUL_fp, kVec),
    encoding("T32_VCMUL_T1_F16_rot90_270", "111011100D11nnn0dddr1110N0M0mmm1", decode_VCMUL, exec::mve::VCMUL_fp, kVec),
    encoding("T32_VCMUL_T1_F32_rot0_180", "111111100D11nnn0dddr1110N0M0mmm0", decode_VCMUL, exec::mve::VCMUL_fp, kVec),
    encoding("T32_VCMUL_T1_F32_rot90_270", "111111100D11nnn0dddr1110N0M0mmm1", decode_VCMUL, exec::mve::VCMUL_fp, kVec),
};
// clang-format on

// VCADD and VCMLA are coprocessor-8 encodings of the 1111110 group (floating-point table).
constexpr Overlap kOverlaps[] = {
    {"T32_VCADD_fp_T1", "T32_FP_space_1111110"},
    {"T32_VCMLA_T1", "T32_FP_space_1111110"},
};

}  // namespace

EncodingGroup mve_float_group() {
  return {"mve_float", {}, kT32, kOverlaps};
}

}  // namespace minifvp::cpu
