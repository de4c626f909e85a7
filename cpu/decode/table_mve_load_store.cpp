// Encodings of MVE loads and stores: contiguous (VLDR/VSTR, widening and narrowing),
// gather/scatter, interleaving (VLD2/VLD4/VST2/VST4) (Armv8.1-M ARM, "MVE instructions"). Execute
// functions: cpu/exec/mve_load_store*.cpp; operand conventions: cpu/exec/mve_load_store.h.
//
// The contiguous forms are split in two rows each: P = 1 (offset, or pre-index with W) and the
// post-indexed P = 0, W = 1 row (suffix _post); P = 0, W = 0 belongs to other encodings (VMOV two
// lanes, VLD2/VST2...). Register-field values the manual calls UNPREDICTABLE are UNDEFINED here,
// the choice QEMU makes: Rn = PC, Rn = SP with writeback, Qd = Qm in a gather load, Q numbers
// above 7 (D or M bit set: M-profile has Q0-Q7 only). Those execute exec::fp_undefined, so a
// disabled FPU reports NOCP first.
#include <array>

#include "cpu/decode/groups.h"
#include "cpu/exec/fp_common.h"
#include "cpu/exec/mve_load_store.h"

namespace minifvp::cpu {
namespace {

constexpr auto kVec = InsnClass::Vector;

// Bit 28 of the encoding (U: unsigned); the rows fix it, as the 32-bit prefix must be fixed.
constexpr uint32_t unsigned_bit(Fields f) {
  return (f.raw() >> 28) & 1;
}

DecodeStatus undefined(DecodedInsn& out) {
  out.exec = exec::fp_undefined;
  return DecodeStatus::Ok;
}

// Contiguous VLDR/VSTR with an Esize-byte register element and an Msize-byte memory element;
// Post selects the post-indexed row (P = 0, W = 1).
template <unsigned Esize, unsigned Msize, bool Post>
DecodeStatus decode_contiguous(Fields f, DecodedInsn& out) {
  out.d = static_cast<uint8_t>(f['d']);
  out.n = static_cast<uint8_t>(f['n']);
  out.esize = Esize;
  out.imm2 = Msize;
  out.imm = f['i'] * Msize;
  out.add = f['A'] != 0;
  out.index = !Post;
  out.wback = Post || f['W'] != 0;
  out.flag = Esize != Msize && unsigned_bit(f) == 0;  // widening loads: U = 0 sign-extends
  if (f['D'] != 0 || out.n == 15 || (out.n == 13 && out.wback)) return undefined(out);
  return DecodeStatus::Ok;
}

// The (log2 memory size, log2 element size) pairs with a gather/scatter form; `os` = scaled
// offsets. Signed loads only widen.
bool gather_form_exists(unsigned msize, unsigned size, bool os, bool sign_extend) {
  if (sign_extend) return msize < size && size <= 2 && (!os || msize == 1);
  if (size == 3 || msize == 3) return msize == size;
  return msize <= size && (!os || msize >= 1);
}

DecodeStatus decode_vector_offset(Fields f, DecodedInsn& out, bool load) {
  // msize is bits 6:4 (a row fixes them), size bits 8:7.
  const unsigned msize = ((f.raw() >> 5) & 2) | ((f.raw() >> 4) & 1), size = (f.raw() >> 7) & 3;
  const bool os = f['o'] != 0;
  out.d = static_cast<uint8_t>(f['d']);
  out.m = static_cast<uint8_t>(f['m']);
  out.n = static_cast<uint8_t>(f['n']);
  out.esize = static_cast<uint8_t>(1u << size);
  out.imm2 = static_cast<uint8_t>(1u << msize);
  out.imm = os ? msize : 0;
  out.flag = load && unsigned_bit(f) == 0;
  if (!gather_form_exists(msize, size, os, out.flag) || f['D'] != 0 || f['M'] != 0 || out.n == 15 ||
      (load && out.d == out.m)) {
    return undefined(out);
  }
  return DecodeStatus::Ok;
}
DecodeStatus decode_gather_offset(Fields f, DecodedInsn& out) {
  return decode_vector_offset(f, out, true);
}
DecodeStatus decode_scatter_offset(Fields f, DecodedInsn& out) {
  return decode_vector_offset(f, out, false);
}

DecodeStatus decode_vector_base(Fields f, DecodedInsn& out, bool load) {
  const bool doubleword = f['z'] != 0;
  out.d = static_cast<uint8_t>(f['d']);
  out.m = static_cast<uint8_t>(f['m']);
  out.esize = doubleword ? 8 : 4;
  out.imm2 = out.esize;
  out.imm = f['i'] * out.esize;
  out.add = f['A'] != 0;
  out.wback = f['W'] != 0;
  if (f['D'] != 0 || f['M'] != 0 || (load && out.d == out.m)) return undefined(out);
  return DecodeStatus::Ok;
}
DecodeStatus decode_gather_base(Fields f, DecodedInsn& out) {
  return decode_vector_base(f, out, true);
}
DecodeStatus decode_scatter_base(Fields f, DecodedInsn& out) {
  return decode_vector_base(f, out, false);
}

// VLD2/VST2 (Registers = 2, patterns 0-1) and VLD4/VST4 (Registers = 4, patterns 0-3).
template <unsigned Registers>
DecodeStatus decode_interleave(Fields f, DecodedInsn& out) {
  const unsigned qd = (f['D'] << 3) | f['d'];
  out.d = static_cast<uint8_t>(qd);
  out.n = static_cast<uint8_t>(f['n']);
  out.esize = static_cast<uint8_t>(1u << f['s']);
  out.imm = f['p'];
  out.imm2 = Registers;
  out.wback = f['W'] != 0;
  if (qd + Registers > 8 || f['s'] == 3 || f['p'] >= Registers || out.n == 15 ||
      (out.n == 13 && out.wback)) {
    return undefined(out);
  }
  return DecodeStatus::Ok;
}

// clang-format off
constexpr Encoding kT32[] = {
    // Contiguous, element size = memory size
    encoding("T32_VLDRB_T5", "11101101ADW1nnnnddd111100iiiiiii", decode_contiguous<1, 1, false>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRB_T5_post", "11101100AD11nnnnddd111100iiiiiii", decode_contiguous<1, 1, true>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRH_T6", "11101101ADW1nnnnddd111101iiiiiii", decode_contiguous<2, 2, false>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRH_T6_post", "11101100AD11nnnnddd111101iiiiiii", decode_contiguous<2, 2, true>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRW_T7", "11101101ADW1nnnnddd111110iiiiiii", decode_contiguous<4, 4, false>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRW_T7_post", "11101100AD11nnnnddd111110iiiiiii", decode_contiguous<4, 4, true>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VSTRB_T5", "11101101ADW0nnnnddd111100iiiiiii", decode_contiguous<1, 1, false>, exec::MVE_VSTR_contiguous, kVec),
    encoding("T32_VSTRB_T5_post", "11101100AD10nnnnddd111100iiiiiii", decode_contiguous<1, 1, true>, exec::MVE_VSTR_contiguous, kVec),
    encoding("T32_VSTRH_T6", "11101101ADW0nnnnddd111101iiiiiii", decode_contiguous<2, 2, false>, exec::MVE_VSTR_contiguous, kVec),
    encoding("T32_VSTRH_T6_post", "11101100AD10nnnnddd111101iiiiiii", decode_contiguous<2, 2, true>, exec::MVE_VSTR_contiguous, kVec),
    encoding("T32_VSTRW_T7", "11101101ADW0nnnnddd111110iiiiiii", decode_contiguous<4, 4, false>, exec::MVE_VSTR_contiguous, kVec),
    encoding("T32_VSTRW_T7_post", "11101100AD10nnnnddd111110iiiiiii", decode_contiguous<4, 4, true>, exec::MVE_VSTR_contiguous, kVec),

    // Widening loads (U = 1 zero-extends) and narrowing stores; Rn is R0-R7
    encoding("T32_VLDRB_S_T1", "11101101A0W10nnnddd011101iiiiiii", decode_contiguous<2, 1, false>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRB_U_T1", "11111101A0W10nnnddd011101iiiiiii", decode_contiguous<2, 1, false>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRB_S_T1_post", "11101100A0110nnnddd011101iiiiiii", decode_contiguous<2, 1, true>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRB_U_T1_post", "11111100A0110nnnddd011101iiiiiii", decode_contiguous<2, 1, true>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRB_S_T2", "11101101A0W10nnnddd011110iiiiiii", decode_contiguous<4, 1, false>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRB_U_T2", "11111101A0W10nnnddd011110iiiiiii", decode_contiguous<4, 1, false>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRB_S_T2_post", "11101100A0110nnnddd011110iiiiiii", decode_contiguous<4, 1, true>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRB_U_T2_post", "11111100A0110nnnddd011110iiiiiii", decode_contiguous<4, 1, true>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRH_S_T2", "11101101A0W11nnnddd011110iiiiiii", decode_contiguous<4, 2, false>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRH_U_T2", "11111101A0W11nnnddd011110iiiiiii", decode_contiguous<4, 2, false>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRH_S_T2_post", "11101100A0111nnnddd011110iiiiiii", decode_contiguous<4, 2, true>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VLDRH_U_T2_post", "11111100A0111nnnddd011110iiiiiii", decode_contiguous<4, 2, true>, exec::MVE_VLDR_contiguous, kVec),
    encoding("T32_VSTRB_T1", "11101101A0W00nnnddd011101iiiiiii", decode_contiguous<2, 1, false>, exec::MVE_VSTR_contiguous, kVec),
    encoding("T32_VSTRB_T1_post", "11101100A0100nnnddd011101iiiiiii", decode_contiguous<2, 1, true>, exec::MVE_VSTR_contiguous, kVec),
    encoding("T32_VSTRB_T2", "11101101A0W00nnnddd011110iiiiiii", decode_contiguous<4, 1, false>, exec::MVE_VSTR_contiguous, kVec),
    encoding("T32_VSTRB_T2_post", "11101100A0100nnnddd011110iiiiiii", decode_contiguous<4, 1, true>, exec::MVE_VSTR_contiguous, kVec),
    encoding("T32_VSTRH_T2", "11101101A0W01nnnddd011110iiiiiii", decode_contiguous<4, 2, false>, exec::MVE_VSTR_contiguous, kVec),
    encoding("T32_VSTRH_T2_post", "11101100A0101nnnddd011110iiiiiii", decode_contiguous<4, 2, true>, exec::MVE_VSTR_contiguous, kVec),

    // Gather loads and scatter stores with a vector of offsets, one row per memory size (bits 6
    // and 4) and register size (bits 8:7, 0x or 10: the _32 rows); o = 1 scales the offsets (UXTW
    // #log2 of the memory size). Size 11 is VLDRD/VSTRD only: the rest of that space (P = 0,
    // W = 0 of VLDR/VSTR System Register) stays with those rows, which make it UNDEFINED.
    encoding("T32_VLDRB_gather_S_T1", "111011001D01nnnnddd01110s0M0mmmo", decode_gather_offset, exec::MVE_VLDR_gather_offset, kVec),
    encoding("T32_VLDRB_gather_S_32_T1", "111011001D01nnnnddd0111100M0mmmo", decode_gather_offset, exec::MVE_VLDR_gather_offset, kVec),
    encoding("T32_VLDRB_gather_U_T1", "111111001D01nnnnddd01110s0M0mmmo", decode_gather_offset, exec::MVE_VLDR_gather_offset, kVec),
    encoding("T32_VLDRB_gather_U_32_T1", "111111001D01nnnnddd0111100M0mmmo", decode_gather_offset, exec::MVE_VLDR_gather_offset, kVec),
    encoding("T32_VLDRH_gather_S_T1", "111011001D01nnnnddd01110s0M1mmmo", decode_gather_offset, exec::MVE_VLDR_gather_offset, kVec),
    encoding("T32_VLDRH_gather_S_32_T1", "111011001D01nnnnddd0111100M1mmmo", decode_gather_offset, exec::MVE_VLDR_gather_offset, kVec),
    encoding("T32_VLDRH_gather_U_T1", "111111001D01nnnnddd01110s0M1mmmo", decode_gather_offset, exec::MVE_VLDR_gather_offset, kVec),
    encoding("T32_VLDRH_gather_U_32_T1", "111111001D01nnnnddd0111100M1mmmo", decode_gather_offset, exec::MVE_VLDR_gather_offset, kVec),
    encoding("T32_VLDRW_gather_T1", "111111001D01nnnnddd0111101M0mmmo", decode_gather_offset, exec::MVE_VLDR_gather_offset, kVec),
    encoding("T32_VLDRD_gather_T1", "111111001D01nnnnddd0111111M1mmmo", decode_gather_offset, exec::MVE_VLDR_gather_offset, kVec),
    encoding("T32_VSTRB_scatter_T1", "111011001D00nnnnddd01110s0M0mmmo", decode_scatter_offset, exec::MVE_VSTR_scatter_offset, kVec),
    encoding("T32_VSTRB_scatter_32_T1", "111011001D00nnnnddd0111100M0mmmo", decode_scatter_offset, exec::MVE_VSTR_scatter_offset, kVec),
    encoding("T32_VSTRH_scatter_T1", "111011001D00nnnnddd01110s0M1mmmo", decode_scatter_offset, exec::MVE_VSTR_scatter_offset, kVec),
    encoding("T32_VSTRH_scatter_32_T1", "111011001D00nnnnddd0111100M1mmmo", decode_scatter_offset, exec::MVE_VSTR_scatter_offset, kVec),
    encoding("T32_VSTRW_scatter_T1", "111011001D00nnnnddd0111101M0mmmo", decode_scatter_offset, exec::MVE_VSTR_scatter_offset, kVec),
    // VSTRD lies in the P = 0, W = 0 space that VLDR/VSTR (System Register) leaves to it.
    encoding("T32_VSTRD_scatter_T1", "111011001D00nnnnddd0111111M1mmmo", decode_scatter_offset, exec::MVE_VSTR_scatter_offset, kVec),
    // ... and vector of base addresses plus an immediate (z: VLDRD/VSTRD), W writes back Qm
    encoding("T32_VLDR_gather_base_T1", "11111101ADW1mmm0ddd1111zMiiiiiii", decode_gather_base, exec::MVE_VLDR_gather_base, kVec),
    encoding("T32_VSTR_scatter_base_T1", "11111101ADW0mmm0ddd1111zMiiiiiii", decode_scatter_base, exec::MVE_VSTR_scatter_base, kVec),

    // Interleaving (pattern p), not predicated
    encoding("T32_VLD2_T1", "111111001DW1nnnnddd1111sspp00000", decode_interleave<2>, exec::MVE_VLD2_VLD4, kVec),
    encoding("T32_VLD4_T1", "111111001DW1nnnnddd1111sspp00001", decode_interleave<4>, exec::MVE_VLD2_VLD4, kVec),
    encoding("T32_VST2_T1", "111111001DW0nnnnddd1111sspp00000", decode_interleave<2>, exec::MVE_VST2_VST4, kVec),
    encoding("T32_VST4_T1", "111111001DW0nnnnddd1111sspp00001", decode_interleave<4>, exec::MVE_VST2_VST4, kVec),
};
// clang-format on

// clang-format off
constexpr Overlap kOverlaps[] = {
    {"T32_VSTRD_scatter_T1", "T32_VSTR_sysreg_T1"},
};
// clang-format on

}  // namespace

EncodingGroup mve_load_store_group() {
  return {"mve_load_store", {}, kT32, kOverlaps};
}

}  // namespace minifvp::cpu
