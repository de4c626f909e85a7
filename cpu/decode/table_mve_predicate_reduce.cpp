// Encodings of MVE predication (VCMP, VPT, VPST, VPNOT, VPSEL, VCTP) and across-vector reductions
// (VADDV, VADDLV, VMLADAV, VMLALDAV, VRMLALDAVH, VMAXV, VABAV, VMAXNMV, ...) (Armv8.1-M ARM, "MVE
// instructions"). The tail-predicated loops (DLSTP, WLSTP, LETP, LCTP) are in the branch table.
// Execute functions: cpu/exec/mve_predicate.h, cpu/exec/mve_reduce.h; operand conventions there.
//
// VCMP and VPT share their encodings: VPT is VCMP with a nonzero mask field (Mkh:Mkl, bits 22 and
// 15:13), and a mask of zero is VCMP. They are one row per Arm ARM encoding (named VCMP_VPT) so
// that the VPSEL, VPST and VPNOT specialisations nest inside a single row. The floating-point
// forms are split by precision (bit 28: 0 F32, 1 F16): the F16 ones specialise the integer rows
// whose size field is '11' ("SEE Related encodings"), and the F32 scalar forms by condition class,
// so that they nest in the integer table's VADD/VSUB (scalar) rows (see the report: cross-table).
//
// UNDEFINED and UNPREDICTABLE field values (a Q register above Q7, size '11' where no row takes
// it, Rm/Rda of 13 or 15, an unsigned exchange form) execute exec::fp_undefined, so that a
// disabled FPU gives NOCP first as on hardware; our CONSTRAINED UNPREDICTABLE choice is
// UNDEFINED, as QEMU's.
#include <array>

#include "cpu/decode/groups.h"
#include "cpu/exec/fp_common.h"
#include "cpu/exec/mve_predicate.h"
#include "cpu/exec/mve_reduce.h"

namespace minifvp::cpu {
namespace {

using Status = DecodeStatus;
using exec::mve::Compare;

Status undefined(DecodedInsn& out) {
  out.exec = exec::fp_undefined;
  return Status::Ok;
}

// Bit 28 (U, or the floating-point size): fixed per row, since it is part of the 32-bit prefix.
bool bit28(Fields f) {
  return ((f.raw() >> 28) & 1) != 0;
}

uint8_t esize_from_size(uint32_t size) {
  return static_cast<uint8_t>(1u << size);
}

// ---------------------------------------------------------------------------------------------
// VCMP / VPT
// ---------------------------------------------------------------------------------------------

// The fields every compare row shares: Qn (3 bits), the mask, and for the vector forms Qm = M:Qm.
Status decode_compare_common(Fields f, DecodedInsn& out, bool vector) {
  out.n = static_cast<uint8_t>(f['n']);
  out.imm = f['k'];
  if (vector) {
    if (f['M'] != 0) return undefined(out);
    out.m = static_cast<uint8_t>(f['m']);
  } else {
    out.t = static_cast<uint8_t>(f['r']);
    if (out.t == 13) return undefined(out);
  }
  return Status::Ok;
}

Status decode_compare_integer(Fields f, DecodedInsn& out, bool vector, Compare cmp) {
  if (f['s'] == 3) return undefined(out);
  out.esize = esize_from_size(f['s']);
  out.cond = static_cast<uint8_t>(cmp);
  return decode_compare_common(f, out, vector);
}

// T1 (i): fc<0> = bit 7 selects EQ/NE; T2 (u): CS/HI; T3 (s): bit 7 and the low fc bit (bit 0 of
// the vector forms, bit 5 of the scalar ones) select GE, LT, GT, LE.
Compare signed_compare(uint32_t bit7, uint32_t low) {
  static constexpr Compare kSigned[4] = {Compare::GE, Compare::GT, Compare::LT, Compare::LE};
  return kSigned[(bit7 << 1) | low];
}

Status decode_VCMP_VPT_vec_i(Fields f, DecodedInsn& out) {
  return decode_compare_integer(f, out, true, f['f'] ? Compare::NE : Compare::EQ);
}
Status decode_VCMP_VPT_vec_u(Fields f, DecodedInsn& out) {
  return decode_compare_integer(f, out, true, f['f'] ? Compare::HI : Compare::CS);
}
Status decode_VCMP_VPT_vec_s(Fields f, DecodedInsn& out) {
  return decode_compare_integer(f, out, true, signed_compare(f['f'], f['g']));
}
Status decode_VCMP_VPT_scalar_i(Fields f, DecodedInsn& out) {
  return decode_compare_integer(f, out, false, f['f'] ? Compare::NE : Compare::EQ);
}
Status decode_VCMP_VPT_scalar_u(Fields f, DecodedInsn& out) {
  return decode_compare_integer(f, out, false, f['f'] ? Compare::HI : Compare::CS);
}
Status decode_VCMP_VPT_scalar_s(Fields f, DecodedInsn& out) {
  return decode_compare_integer(f, out, false, signed_compare(f['f'], f['g']));
}

// Floating point: the row fixes the precision (bit 28) and the condition class.
template <uint8_t kEsize>
Status decode_VCMP_VPT_fp_vec_eq(Fields f, DecodedInsn& out) {
  out.esize = kEsize;
  out.cond = static_cast<uint8_t>(f['f'] ? Compare::NE : Compare::EQ);
  return decode_compare_common(f, out, true);
}
template <uint8_t kEsize>
Status decode_VCMP_VPT_fp_vec_ordered(Fields f, DecodedInsn& out) {
  out.esize = kEsize;
  out.cond = static_cast<uint8_t>(signed_compare(f['f'], f['g']));
  return decode_compare_common(f, out, true);
}
template <uint8_t kEsize>
Status decode_VCMP_VPT_fp_scalar_eq(Fields f, DecodedInsn& out) {
  out.esize = kEsize;
  out.cond = static_cast<uint8_t>(f['f'] ? Compare::NE : Compare::EQ);
  return decode_compare_common(f, out, false);
}
template <uint8_t kEsize, uint32_t kLow>
Status decode_VCMP_VPT_fp_scalar_ordered(Fields f, DecodedInsn& out) {
  out.esize = kEsize;
  out.cond = static_cast<uint8_t>(signed_compare(f['f'], kLow));
  return decode_compare_common(f, out, false);
}

// VPST T1: mask = Mkh:Mkl (never zero here: that is VPNOT).
Status decode_VPST_T1(Fields f, DecodedInsn& out) {
  out.imm = f['k'];
  return Status::Ok;
}

Status decode_no_operands(Fields, DecodedInsn&) {
  return Status::Ok;
}

// VPSEL T1: Qd = D:Qd, Qn = N:Qn, Qm = M:Qm; a register above Q7 is UNDEFINED.
Status decode_VPSEL_T1(Fields f, DecodedInsn& out) {
  if (f['D'] != 0 || f['N'] != 0 || f['M'] != 0) return undefined(out);
  out.d = static_cast<uint8_t>(f['d']);
  out.n = static_cast<uint8_t>(f['n']);
  out.m = static_cast<uint8_t>(f['m']);
  return Status::Ok;
}

// VCTP T1: Rn of 13 or 15 is UNPREDICTABLE.
Status decode_VCTP_T1(Fields f, DecodedInsn& out) {
  out.n = static_cast<uint8_t>(f['n']);
  out.esize = esize_from_size(f['s']);
  if (out.n == 13 || out.n == 15) return undefined(out);
  return Status::Ok;
}

// ---------------------------------------------------------------------------------------------
// Reductions
// ---------------------------------------------------------------------------------------------

// VADDV T1: Rda = Rda<3:1>:'0'; size '11' is UNDEFINED (the 32-bit row is separate because
// VADDLV with RdaHi '111' is VADDV.32).
Status decode_VADDV(Fields f, DecodedInsn& out, uint32_t size) {
  out.t = static_cast<uint8_t>(f['d'] << 1);
  out.m = static_cast<uint8_t>(f['m']);
  out.esize = esize_from_size(size);
  out.flag = bit28(f);
  out.imm = f['a'];
  return Status::Ok;
}
Status decode_VADDV_T1(Fields f, DecodedInsn& out) {
  return decode_VADDV(f, out, f['s']);
}
Status decode_VADDV_T1_32bit(Fields f, DecodedInsn& out) {
  return decode_VADDV(f, out, 2);
}

// VADDLV T1: RdaLo = lo<2:0>:'0', RdaHi = hi<2:0>:'1'; RdaHi 13 is UNPREDICTABLE.
Status decode_VADDLV_T1(Fields f, DecodedInsn& out) {
  out.t = static_cast<uint8_t>(f['l'] << 1);
  out.t2 = static_cast<uint8_t>((f['h'] << 1) | 1);
  out.m = static_cast<uint8_t>(f['m']);
  out.esize = 4;
  out.flag = bit28(f);
  out.imm = f['a'];
  if (out.t2 == 13) return undefined(out);
  return Status::Ok;
}

// The dual multiply-accumulates: Qn = N:Qn (Q8+ UNDEFINED), Qm (3 bits), A, X; the unsigned
// forms have no exchange variant (UNDEFINED).
Status decode_dual(Fields f, DecodedInsn& out, unsigned esize, bool is_unsigned, bool subtract) {
  out.n = static_cast<uint8_t>(f['n']);
  out.m = static_cast<uint8_t>(f['m']);
  out.esize = static_cast<uint8_t>(esize);
  out.flag = is_unsigned;
  out.imm = f['a'];
  out.imm2 = f['X'];
  out.a = subtract ? 1 : 0;
  if (f['N'] != 0 || (is_unsigned && out.imm2 != 0)) return undefined(out);
  return Status::Ok;
}
Status decode_dual_32bit_result(Fields f, DecodedInsn& out, unsigned esize, bool is_unsigned,
                                bool subtract) {
  out.t = static_cast<uint8_t>(f['d'] << 1);
  return decode_dual(f, out, esize, is_unsigned, subtract);
}
Status decode_dual_64bit_result(Fields f, DecodedInsn& out, unsigned esize, bool is_unsigned,
                                bool subtract) {
  out.t = static_cast<uint8_t>(f['l'] << 1);
  out.t2 = static_cast<uint8_t>((f['h'] << 1) | 1);
  const Status status = decode_dual(f, out, esize, is_unsigned, subtract);
  if (out.t2 == 13) return undefined(out);
  return status;
}

// VMLADAV T1 (16/32-bit: sz = bit 16), T2 (8-bit); VMLSDAV T1 (16/32-bit), T2 (8-bit, bit 28).
Status decode_VMLADAV_T1(Fields f, DecodedInsn& out) {
  return decode_dual_32bit_result(f, out, f['z'] ? 4 : 2, bit28(f), false);
}
Status decode_VMLADAV_T2(Fields f, DecodedInsn& out) {
  return decode_dual_32bit_result(f, out, 1, bit28(f), false);
}
Status decode_VMLSDAV_T1(Fields f, DecodedInsn& out) {
  return decode_dual_32bit_result(f, out, f['z'] ? 4 : 2, false, true);
}
Status decode_VMLSDAV_T2(Fields f, DecodedInsn& out) {
  return decode_dual_32bit_result(f, out, 1, false, true);
}
Status decode_VMLALDAV_T1(Fields f, DecodedInsn& out) {
  return decode_dual_64bit_result(f, out, f['z'] ? 4 : 2, bit28(f), false);
}
Status decode_VMLSLDAV_T1(Fields f, DecodedInsn& out) {
  return decode_dual_64bit_result(f, out, f['z'] ? 4 : 2, false, true);
}
Status decode_VRMLALDAVH_T1(Fields f, DecodedInsn& out) {
  return decode_dual_64bit_result(f, out, 4, bit28(f), false);
}
Status decode_VRMLSLDAVH_T1(Fields f, DecodedInsn& out) {
  return decode_dual_64bit_result(f, out, 4, false, true);
}

// VMAXV/VMINV/VMAXAV/VMINAV T1: Rda (4 bits; 13 and 15 UNPREDICTABLE), Qm = M:Qm. VMAXAV and
// VMINAV have no unsigned form; size '11' is the floating-point rows.
Status decode_max_min(Fields f, DecodedInsn& out, bool absolute) {
  out.t = static_cast<uint8_t>(f['d']);
  out.m = static_cast<uint8_t>(f['m']);
  out.esize = esize_from_size(f['s']);
  out.flag = bit28(f);
  if (f['M'] != 0 || f['s'] == 3 || out.t == 13 || out.t == 15) return undefined(out);
  if (absolute && out.flag) return undefined(out);
  return Status::Ok;
}
Status decode_VMAXV_VMINV_T1(Fields f, DecodedInsn& out) {
  return decode_max_min(f, out, false);
}
Status decode_VMAXAV_VMINAV_T1(Fields f, DecodedInsn& out) {
  return decode_max_min(f, out, true);
}

// VMAXNMV, VMINNMV, VMAXNMAV, VMINNMAV T1: sz = bit 28 (0 F32, 1 F16).
Status decode_fp_max_min(Fields f, DecodedInsn& out) {
  out.t = static_cast<uint8_t>(f['d']);
  out.m = static_cast<uint8_t>(f['m']);
  out.esize = bit28(f) ? 2 : 4;
  if (f['M'] != 0 || out.t == 13 || out.t == 15) return undefined(out);
  return Status::Ok;
}

// VABAV T1: Rda (4 bits; 13 and 15 UNPREDICTABLE), Qn = N:Qn, Qm = M:Qm; size '11' UNDEFINED.
Status decode_VABAV_T1(Fields f, DecodedInsn& out) {
  out.t = static_cast<uint8_t>(f['d']);
  out.n = static_cast<uint8_t>(f['n']);
  out.m = static_cast<uint8_t>(f['m']);
  out.esize = esize_from_size(f['s']);
  out.flag = bit28(f);
  if (f['N'] != 0 || f['M'] != 0 || f['s'] == 3 || out.t == 13 || out.t == 15) {
    return undefined(out);
  }
  return Status::Ok;
}

constexpr InsnClass kVector = InsnClass::Vector;

// Field letters: k mask, s size, n Qn, m Qm, M/N/D the high bits of Qm/Qn/Qd, f and g condition
// bits, r Rm, d Rda (or Qd for VPSEL), h/l RdaHi/RdaLo, z size (bit 16), a accumulate, X exchange.
// Bit 28 (U, or the floating-point size) is part of the 32-bit prefix and so fixed per row: the
// _S/_U and _F32/_F16 rows are one Arm ARM encoding each.
constexpr Encoding kT32[] = {
    // VCMP / VPT, integer.
    encoding("T32_VCMP_VPT_vec_i_T1", "111111100kssnnn1kkk01111f0M0mmm0", decode_VCMP_VPT_vec_i,
             exec::MVE_VCMP_vector, kVector),
    encoding("T32_VCMP_VPT_vec_u_T2", "111111100kssnnn1kkk01111f0M0mmm1", decode_VCMP_VPT_vec_u,
             exec::MVE_VCMP_vector, kVector),
    encoding("T32_VCMP_VPT_vec_s_T3", "111111100kssnnn1kkk11111f0M0mmmg", decode_VCMP_VPT_vec_s,
             exec::MVE_VCMP_vector, kVector),
    encoding("T32_VCMP_VPT_scalar_i_T1", "111111100kssnnn1kkk01111f100rrrr",
             decode_VCMP_VPT_scalar_i, exec::MVE_VCMP_scalar, kVector),
    encoding("T32_VCMP_VPT_scalar_u_T2", "111111100kssnnn1kkk01111f110rrrr",
             decode_VCMP_VPT_scalar_u, exec::MVE_VCMP_scalar, kVector),
    encoding("T32_VCMP_VPT_scalar_s_T3", "111111100kssnnn1kkk11111f1g0rrrr",
             decode_VCMP_VPT_scalar_s, exec::MVE_VCMP_scalar, kVector),

    // VCMP / VPT, floating point (F32: bit 28 = 0; F16: bit 28 = 1).
    encoding("T32_VCMP_VPT_fp_vec_F32_T1", "111011100k11nnn1kkk01111f0M0mmm0",
             decode_VCMP_VPT_fp_vec_eq<4>, exec::MVE_VCMP_fp_vector, kVector),
    encoding("T32_VCMP_VPT_fp_vec_F16_T1", "111111100k11nnn1kkk01111f0M0mmm0",
             decode_VCMP_VPT_fp_vec_eq<2>, exec::MVE_VCMP_fp_vector, kVector),
    encoding("T32_VCMP_VPT_fp_vec_ordered_F32_T1", "111011100k11nnn1kkk11111f0M0mmmg",
             decode_VCMP_VPT_fp_vec_ordered<4>, exec::MVE_VCMP_fp_vector, kVector),
    encoding("T32_VCMP_VPT_fp_vec_ordered_F16_T1", "111111100k11nnn1kkk11111f0M0mmmg",
             decode_VCMP_VPT_fp_vec_ordered<2>, exec::MVE_VCMP_fp_vector, kVector),
    encoding("T32_VCMP_VPT_fp_scalar_F32_T2", "111011100k11nnn1kkk01111f100rrrr",
             decode_VCMP_VPT_fp_scalar_eq<4>, exec::MVE_VCMP_fp_scalar, kVector),
    encoding("T32_VCMP_VPT_fp_scalar_F16_T2", "111111100k11nnn1kkk01111f100rrrr",
             decode_VCMP_VPT_fp_scalar_eq<2>, exec::MVE_VCMP_fp_scalar, kVector),
    encoding("T32_VCMP_VPT_fp_scalar_ge_lt_F32_T2", "111011100k11nnn1kkk11111f100rrrr",
             decode_VCMP_VPT_fp_scalar_ordered<4, 0>, exec::MVE_VCMP_fp_scalar, kVector),
    encoding("T32_VCMP_VPT_fp_scalar_ge_lt_F16_T2", "111111100k11nnn1kkk11111f100rrrr",
             decode_VCMP_VPT_fp_scalar_ordered<2, 0>, exec::MVE_VCMP_fp_scalar, kVector),
    encoding("T32_VCMP_VPT_fp_scalar_gt_le_F32_T2", "111011100k11nnn1kkk11111f110rrrr",
             decode_VCMP_VPT_fp_scalar_ordered<4, 1>, exec::MVE_VCMP_fp_scalar, kVector),
    encoding("T32_VCMP_VPT_fp_scalar_gt_le_F16_T2", "111111100k11nnn1kkk11111f110rrrr",
             decode_VCMP_VPT_fp_scalar_ordered<2, 1>, exec::MVE_VCMP_fp_scalar, kVector),

    // VPST, VPNOT, VPSEL, VCTP.
    encoding("T32_VPST_T1", "111111100k110001kkk0111101001101", decode_VPST_T1, exec::MVE_VPST,
             kVector),
    encoding("T32_VPNOT_T1", "11111110001100010000111101001101", decode_no_operands,
             exec::MVE_VPNOT, kVector),
    encoding("T32_VPSEL_T1", "111111100D11nnn1ddd01111N0M0mmm1", decode_VPSEL_T1, exec::MVE_VPSEL,
             kVector),
    encoding("T32_VCTP_T1", "1111000000ssnnnn1110100000000001", decode_VCTP_T1, exec::MVE_VCTP,
             kVector),

    // Reductions.
    encoding("T32_VADDV_S_T1", "1110111011110s01ddd0111100a0mmm0", decode_VADDV_T1, exec::MVE_VADDV,
             kVector),
    encoding("T32_VADDV_U_T1", "1111111011110s01ddd0111100a0mmm0", decode_VADDV_T1, exec::MVE_VADDV,
             kVector),
    encoding("T32_VADDV_32bit_S_T1", "1110111011111001ddd0111100a0mmm0", decode_VADDV_T1_32bit,
             exec::MVE_VADDV, kVector),
    encoding("T32_VADDV_32bit_U_T1", "1111111011111001ddd0111100a0mmm0", decode_VADDV_T1_32bit,
             exec::MVE_VADDV, kVector),
    encoding("T32_VADDLV_S_T1", "111011101hhh1001lll0111100a0mmm0", decode_VADDLV_T1,
             exec::MVE_VADDLV, kVector),
    encoding("T32_VADDLV_U_T1", "111111101hhh1001lll0111100a0mmm0", decode_VADDLV_T1,
             exec::MVE_VADDLV, kVector),
    encoding("T32_VMLADAV_S_T1", "111011101111nnnzdddX1110N0a0mmm0", decode_VMLADAV_T1,
             exec::MVE_VMLADAV, kVector),
    encoding("T32_VMLADAV_U_T1", "111111101111nnnzdddX1110N0a0mmm0", decode_VMLADAV_T1,
             exec::MVE_VMLADAV, kVector),
    encoding("T32_VMLADAV_S_T2", "111011101111nnn0dddX1111N0a0mmm0", decode_VMLADAV_T2,
             exec::MVE_VMLADAV, kVector),
    encoding("T32_VMLADAV_U_T2", "111111101111nnn0dddX1111N0a0mmm0", decode_VMLADAV_T2,
             exec::MVE_VMLADAV, kVector),
    // VMLADAV T2 with bit 0 set, which GNU as and LLVM never emit: QEMU executes it as the same
    // 8-bit VMLADAV (its decoder lists both values), and so do we.
    encoding("T32_VMLADAV_S_T2_bit0", "111011101111nnn0dddX1111N0a0mmm1", decode_VMLADAV_T2,
             exec::MVE_VMLADAV, kVector),
    encoding("T32_VMLADAV_U_T2_bit0", "111111101111nnn0dddX1111N0a0mmm1", decode_VMLADAV_T2,
             exec::MVE_VMLADAV, kVector),
    encoding("T32_VMLSDAV_T1", "111011101111nnnzdddX1110N0a0mmm1", decode_VMLSDAV_T1,
             exec::MVE_VMLADAV, kVector),
    encoding("T32_VMLSDAV_T2", "111111101111nnn0dddX1110N0a0mmm1", decode_VMLSDAV_T2,
             exec::MVE_VMLADAV, kVector),
    encoding("T32_VMLALDAV_S_T1", "111011101hhhnnnzlllX1110N0a0mmm0", decode_VMLALDAV_T1,
             exec::MVE_VMLALDAV, kVector),
    encoding("T32_VMLALDAV_U_T1", "111111101hhhnnnzlllX1110N0a0mmm0", decode_VMLALDAV_T1,
             exec::MVE_VMLALDAV, kVector),
    encoding("T32_VMLSLDAV_T1", "111011101hhhnnnzlllX1110N0a0mmm1", decode_VMLSLDAV_T1,
             exec::MVE_VMLALDAV, kVector),
    encoding("T32_VRMLALDAVH_S_T1", "111011101hhhnnn0lllX1111N0a0mmm0", decode_VRMLALDAVH_T1,
             exec::MVE_VRMLALDAVH, kVector),
    encoding("T32_VRMLALDAVH_U_T1", "111111101hhhnnn0lllX1111N0a0mmm0", decode_VRMLALDAVH_T1,
             exec::MVE_VRMLALDAVH, kVector),
    encoding("T32_VRMLSLDAVH_T1", "111111101hhhnnn0lllX1110N0a0mmm1", decode_VRMLSLDAVH_T1,
             exec::MVE_VRMLALDAVH, kVector),
    encoding("T32_VMAXV_S_T1", "111011101110ss10dddd111100M0mmm0", decode_VMAXV_VMINV_T1,
             exec::MVE_VMAXV, kVector),
    encoding("T32_VMAXV_U_T1", "111111101110ss10dddd111100M0mmm0", decode_VMAXV_VMINV_T1,
             exec::MVE_VMAXV, kVector),
    encoding("T32_VMINV_S_T1", "111011101110ss10dddd111110M0mmm0", decode_VMAXV_VMINV_T1,
             exec::MVE_VMINV, kVector),
    encoding("T32_VMINV_U_T1", "111111101110ss10dddd111110M0mmm0", decode_VMAXV_VMINV_T1,
             exec::MVE_VMINV, kVector),
    encoding("T32_VMAXAV_S_T1", "111011101110ss00dddd111100M0mmm0", decode_VMAXAV_VMINAV_T1,
             exec::MVE_VMAXAV, kVector),
    encoding("T32_VMINAV_S_T1", "111011101110ss00dddd111110M0mmm0", decode_VMAXAV_VMINAV_T1,
             exec::MVE_VMINAV, kVector),
    encoding("T32_VMAXNMV_F32_T1", "1110111011101110dddd111100M0mmm0", decode_fp_max_min,
             exec::MVE_VMAXNMV, kVector),
    encoding("T32_VMAXNMV_F16_T1", "1111111011101110dddd111100M0mmm0", decode_fp_max_min,
             exec::MVE_VMAXNMV, kVector),
    encoding("T32_VMINNMV_F32_T1", "1110111011101110dddd111110M0mmm0", decode_fp_max_min,
             exec::MVE_VMINNMV, kVector),
    encoding("T32_VMINNMV_F16_T1", "1111111011101110dddd111110M0mmm0", decode_fp_max_min,
             exec::MVE_VMINNMV, kVector),
    encoding("T32_VMAXNMAV_F32_T1", "1110111011101100dddd111100M0mmm0", decode_fp_max_min,
             exec::MVE_VMAXNMAV, kVector),
    encoding("T32_VMAXNMAV_F16_T1", "1111111011101100dddd111100M0mmm0", decode_fp_max_min,
             exec::MVE_VMAXNMAV, kVector),
    encoding("T32_VMINNMAV_F32_T1", "1110111011101100dddd111110M0mmm0", decode_fp_max_min,
             exec::MVE_VMINNMAV, kVector),
    encoding("T32_VMINNMAV_F16_T1", "1111111011101100dddd111110M0mmm0", decode_fp_max_min,
             exec::MVE_VMINNMAV, kVector),
    encoding("T32_VABAV_S_T1", "1110111010ssnnn0dddd1111N0M0mmm1", decode_VABAV_T1, exec::MVE_VABAV,
             kVector),
    encoding("T32_VABAV_U_T1", "1111111010ssnnn0dddd1111N0M0mmm1", decode_VABAV_T1, exec::MVE_VABAV,
             kVector),
};

// {specific, general}.
constexpr Overlap kOverlaps[] = {
    // Size '11' of the integer compares is floating point, VPSEL, VPST or VPNOT.
    {"T32_VCMP_VPT_fp_vec_F16_T1", "T32_VCMP_VPT_vec_i_T1"},
    {"T32_VCMP_VPT_fp_vec_ordered_F16_T1", "T32_VCMP_VPT_vec_s_T3"},
    {"T32_VCMP_VPT_fp_scalar_F16_T2", "T32_VCMP_VPT_scalar_i_T1"},
    {"T32_VCMP_VPT_fp_scalar_ge_lt_F16_T2", "T32_VCMP_VPT_scalar_s_T3"},
    {"T32_VCMP_VPT_fp_scalar_gt_le_F16_T2", "T32_VCMP_VPT_scalar_s_T3"},
    {"T32_VPSEL_T1", "T32_VCMP_VPT_vec_u_T2"},
    {"T32_VPST_T1", "T32_VCMP_VPT_fp_scalar_F16_T2"},
    {"T32_VPST_T1", "T32_VCMP_VPT_scalar_i_T1"},
    {"T32_VPNOT_T1", "T32_VPST_T1"},
    {"T32_VPNOT_T1", "T32_VCMP_VPT_fp_scalar_F16_T2"},
    {"T32_VPNOT_T1", "T32_VCMP_VPT_scalar_i_T1"},
    // VCTP sits in the branch-future space with boff == '0000'.
    {"T32_VCTP_T1", "T32_BFCSEL_T1"},

    // RdaHi == '111' of the long forms is the 32-bit form; RdaHi == '110' of VRMLALDAVH is the
    // VMAXV family (and size '11' of that family is floating point).
    {"T32_VADDV_32bit_S_T1", "T32_VADDLV_S_T1"},
    {"T32_VADDV_32bit_U_T1", "T32_VADDLV_U_T1"},
    {"T32_VMLADAV_S_T1", "T32_VMLALDAV_S_T1"},
    {"T32_VMLADAV_U_T1", "T32_VMLALDAV_U_T1"},
    {"T32_VMLSDAV_T1", "T32_VMLSLDAV_T1"},
    {"T32_VMLADAV_S_T2", "T32_VRMLALDAVH_S_T1"},
    {"T32_VMLADAV_U_T2", "T32_VRMLALDAVH_U_T1"},
    {"T32_VMLSDAV_T2", "T32_VRMLSLDAVH_T1"},
    {"T32_VMAXV_S_T1", "T32_VRMLALDAVH_S_T1"},
    {"T32_VMAXV_U_T1", "T32_VRMLALDAVH_U_T1"},
    {"T32_VMINV_S_T1", "T32_VRMLALDAVH_S_T1"},
    {"T32_VMINV_U_T1", "T32_VRMLALDAVH_U_T1"},
    {"T32_VMAXAV_S_T1", "T32_VRMLALDAVH_S_T1"},
    {"T32_VMINAV_S_T1", "T32_VRMLALDAVH_S_T1"},
    {"T32_VMAXNMV_F32_T1", "T32_VRMLALDAVH_S_T1"},
    {"T32_VMAXNMV_F16_T1", "T32_VRMLALDAVH_U_T1"},
    {"T32_VMINNMV_F32_T1", "T32_VRMLALDAVH_S_T1"},
    {"T32_VMINNMV_F16_T1", "T32_VRMLALDAVH_U_T1"},
    {"T32_VMAXNMAV_F32_T1", "T32_VRMLALDAVH_S_T1"},
    {"T32_VMAXNMAV_F16_T1", "T32_VRMLALDAVH_U_T1"},
    {"T32_VMINNMAV_F32_T1", "T32_VRMLALDAVH_S_T1"},
    {"T32_VMINNMAV_F16_T1", "T32_VRMLALDAVH_U_T1"},
    {"T32_VMAXNMV_F32_T1", "T32_VMAXV_S_T1"},
    {"T32_VMAXNMV_F16_T1", "T32_VMAXV_U_T1"},
    {"T32_VMINNMV_F32_T1", "T32_VMINV_S_T1"},
    {"T32_VMINNMV_F16_T1", "T32_VMINV_U_T1"},
    {"T32_VMAXNMAV_F32_T1", "T32_VMAXAV_S_T1"},
    {"T32_VMINNMAV_F32_T1", "T32_VMINAV_S_T1"},
};

}  // namespace

EncodingGroup mve_predicate_reduce_group() {
  return {"mve_predicate_reduce", {}, kT32, kOverlaps};
}

}  // namespace minifvp::cpu
