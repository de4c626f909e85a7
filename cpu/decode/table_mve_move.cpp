// Encodings of MVE data movement: VDUP, VMOV between general-purpose registers and vector lanes,
// VREV16/32/64, VMOVN and VQMOVN/VQMOVUN, VMOVL (Armv8.1-M ARM, "MVE instructions"). Execute
// functions: cpu/exec/mve_move*.cpp; operand conventions: cpu/exec/mve_move.h. The single-lane
// VMOV rows live in cpu/decode/table_floating_point.cpp (T32_VMOV_scalar_T1), which they share
// with the scalar floating-point VMOV.32.
//
// UNDEFINED field values (and the UNPREDICTABLE ones, UNDEFINED here as in QEMU: Q numbers above
// 7, Rt = SP or PC) execute exec::fp_undefined, so a disabled FPU reports NOCP first.
#include <array>

#include "cpu/decode/groups.h"
#include "cpu/exec/fp_common.h"
#include "cpu/exec/mve_move.h"

namespace minifvp::cpu {
namespace {

constexpr auto kVec = InsnClass::Vector;
constexpr auto kCop = InsnClass::Coprocessor;

// Bit 28 of the encoding (U: unsigned); the rows fix it, as the 32-bit prefix must be fixed.
constexpr uint32_t unsigned_bit(Fields f) {
  return (f.raw() >> 28) & 1;
}

DecodeStatus undefined(DecodedInsn& out) {
  out.exec = exec::fp_undefined;
  return DecodeStatus::Ok;
}

constexpr bool sp_or_pc(unsigned r) {
  return r == 13 || r == 15;
}

// VDUP: B:E = 10 bytes, 01 halfwords, 00 words, 11 UNDEFINED.
DecodeStatus decode_VDUP(Fields f, DecodedInsn& out) {
  static constexpr uint8_t kSizes[4] = {4, 2, 1, 0};
  out.esize = kSizes[(f['b'] << 1) | f['e']];
  out.d = static_cast<uint8_t>(f['d']);
  out.t = static_cast<uint8_t>(f['t']);
  if (out.esize == 0 || f['D'] != 0 || sp_or_pc(out.t)) return undefined(out);
  return DecodeStatus::Ok;
}

// VMOV two 32-bit lanes: o = 0 to the general-purpose registers.
DecodeStatus decode_VMOV_two_lanes(Fields f, DecodedInsn& out) {
  out.d = static_cast<uint8_t>(f['d']);
  out.t = static_cast<uint8_t>(f['t']);
  out.t2 = static_cast<uint8_t>(f['u']);
  out.imm = f['i'];
  out.flag = f['o'] == 0;
  if (sp_or_pc(out.t) || sp_or_pc(out.t2) || (out.flag && out.t == out.t2)) return undefined(out);
  return DecodeStatus::Ok;
}

// One source and one destination Q register (D and M bits must be 0).
bool decode_qd_qm(Fields f, DecodedInsn& out) {
  out.d = static_cast<uint8_t>(f['d']);
  out.m = static_cast<uint8_t>(f['m']);
  return f['D'] == 0 && f['M'] == 0;
}

// VREV<Container*8>: elements smaller than the container (size 00 bytes, 01 halfwords, 10 words).
template <unsigned Container>
DecodeStatus decode_VREV(Fields f, DecodedInsn& out) {
  out.esize = static_cast<uint8_t>(1u << f['s']);
  out.imm = Container;
  if (!decode_qd_qm(f, out) || out.esize >= Container) return undefined(out);
  return DecodeStatus::Ok;
}

// VMOVN (U = 1), VQMOVUN (U = 0), VQMOVN: size 00 narrows 16-bit lanes, 01 32-bit lanes. The
// rows fix size<1> = 0: VQMOVN's size 11 space is VCVTB/VCVTT between F16 and F32 (mve-fp).
DecodeStatus decode_narrow(Fields f, DecodedInsn& out, exec::NarrowKind kind) {
  out.esize = static_cast<uint8_t>(1u << f['s']);
  out.flag = ((f.raw() >> 12) & 1) != 0;  // T: the rows fix bit 12
  out.imm = static_cast<uint32_t>(kind);
  if (!decode_qd_qm(f, out)) return undefined(out);
  return DecodeStatus::Ok;
}
DecodeStatus decode_VMOVN(Fields f, DecodedInsn& out) {
  return decode_narrow(
      f, out, unsigned_bit(f) ? exec::NarrowKind::Truncate : exec::NarrowKind::SignedToUnsigned);
}
DecodeStatus decode_VQMOVN(Fields f, DecodedInsn& out) {
  return decode_narrow(
      f, out,
      unsigned_bit(f) ? exec::NarrowKind::UnsignedSaturate : exec::NarrowKind::SignedSaturate);
}

template <unsigned Narrow>
DecodeStatus decode_VMOVL(Fields f, DecodedInsn& out) {
  out.esize = Narrow;
  out.flag = f['T'] != 0;
  out.imm2 = unsigned_bit(f) == 0 ? 1 : 0;
  if (!decode_qd_qm(f, out)) return undefined(out);
  return DecodeStatus::Ok;
}

// clang-format off
constexpr Encoding kT32[] = {
    encoding("T32_VDUP_T1", "111011101b10ddd0tttt1011D0e10000", decode_VDUP, exec::MVE_VDUP, kVec),
    // VMOV Rt, Rt2, Qd[idx+2], Qd[idx] (o = 0) and its reverse (o = 1). D = 1 would be a Q number
    // above 7 (and the MCRR/MRRC space), so it is not part of the row.
    encoding("T32_VMOV_two_lanes_T1", "11101100000ouuuuddd01111000itttt", decode_VMOV_two_lanes, exec::MVE_VMOV_two_lanes, kCop),
    encoding("T32_VREV16_T1", "111111111D11ss00ddd0000101M0mmm0", decode_VREV<2>, exec::MVE_VREV, kVec),
    encoding("T32_VREV32_T1", "111111111D11ss00ddd0000011M0mmm0", decode_VREV<4>, exec::MVE_VREV, kVec),
    encoding("T32_VREV64_T1", "111111111D11ss00ddd0000001M0mmm0", decode_VREV<8>, exec::MVE_VREV, kVec),
    // VMOVNB/T (U = 1) and VQMOVUNB/T (U = 0), then VQMOVNB/T. One row per B/T form: with bit 12
    // fixed each is a strict specialisation of mve-int's VMULH (B) or VRMULH (T) row at size 11.
    encoding("T32_VQMOVUNB_T1", "111011100D110s01ddd0111010M0mmm1", decode_VMOVN, exec::MVE_VMOVN, kVec),
    encoding("T32_VQMOVUNT_T1", "111011100D110s01ddd1111010M0mmm1", decode_VMOVN, exec::MVE_VMOVN, kVec),
    encoding("T32_VMOVNB_T1", "111111100D110s01ddd0111010M0mmm1", decode_VMOVN, exec::MVE_VMOVN, kVec),
    encoding("T32_VMOVNT_T1", "111111100D110s01ddd1111010M0mmm1", decode_VMOVN, exec::MVE_VMOVN, kVec),
    encoding("T32_VQMOVNB_S_T1", "111011100D110s11ddd0111000M0mmm1", decode_VQMOVN, exec::MVE_VMOVN, kVec),
    encoding("T32_VQMOVNT_S_T1", "111011100D110s11ddd1111000M0mmm1", decode_VQMOVN, exec::MVE_VMOVN, kVec),
    encoding("T32_VQMOVNB_U_T1", "111111100D110s11ddd0111000M0mmm1", decode_VQMOVN, exec::MVE_VMOVN, kVec),
    encoding("T32_VQMOVNT_U_T1", "111111100D110s11ddd1111000M0mmm1", decode_VQMOVN, exec::MVE_VMOVN, kVec),
    // VMOVLB/T: the VSHLL encoding with a zero shift (imm3 = 000), 8-bit and 16-bit sources
    encoding("T32_VMOVL_8_S_T1", "111011101D101000dddT111101M0mmm0", decode_VMOVL<1>, exec::MVE_VMOVL, kVec),
    encoding("T32_VMOVL_8_U_T1", "111111101D101000dddT111101M0mmm0", decode_VMOVL<1>, exec::MVE_VMOVL, kVec),
    encoding("T32_VMOVL_16_S_T1", "111011101D110000dddT111101M0mmm0", decode_VMOVL<2>, exec::MVE_VMOVL, kVec),
    encoding("T32_VMOVL_16_U_T1", "111111101D110000dddT111101M0mmm0", decode_VMOVL<2>, exec::MVE_VMOVL, kVec),
};

constexpr Overlap kOverlaps[] = {
    // VDUP is a specialisation of the lane-move row and lies in the coprocessor 11 space.
    {"T32_VDUP_T1", "T32_VMOV_scalar_T1"},
    {"T32_VDUP_T1", "T32_FP_space_11101110"},
};
// clang-format on

}  // namespace

EncodingGroup mve_move_group() {
  return {"mve_move", {}, kT32, kOverlaps};
}

}  // namespace minifvp::cpu
