// Encodings of MVE integer arithmetic (Armv8.1-M ARM, "MVE instructions"): bitwise operations,
// one register and modified immediate, add/subtract (plain, halving, saturating, with carry),
// absolute difference, maximum/minimum, counts, multiplies (high half, long, polynomial, saturating
// doubling long, accumulate), complex add, incrementing/decrementing dups and VBRSR. Execute
// functions: cpu/exec/mve_integer_*.cpp (contracts in cpu/exec/mve_integer.h).
//
// Fields: D:Qd (d), N:Qn (n), M:Qm (m) are four-bit register numbers whose top bit must be 0 (MVE
// has Q0-Q7); s is the element size (log2 bytes), r a general-purpose Rm. Field values
// that the Arm ARM makes UNDEFINED or that are "related encodings" no row claims (size '11',
// D/N/M set, Rm = SP or PC) execute exec::fp_undefined, so that with CPACR denying CP10 they give
// NOCP first, as every MVE instruction does.
//
// Bit 28 (U, or a size or immediate bit) is part of the fixed 32-bit prefix the decoder indexes on,
// so an Arm ARM encoding with a field there is two rows: _S/_U (signedness), _P8/_P16 and _S16/_S32
// (size), _i0/_i1 (imm8<7> of the modified immediates).
//
// Rows whose size '11' form is another instruction are written with the full size field, as the
// Arm ARM draws them, where the other instruction's rows (VQDMULL scalar and VMULL polynomial here;
// VCMP floating-point scalar, VSHL scalar, VADD/VSUB/VFMA/VFMAS floating-point scalar in other MVE
// tables) are strict specialisations, declared as overlaps. VMULH/VRMULH and the
// VIDUP/VIWDUP/VDDUP/VDWDUP family are split into 8/16-bit and 32-bit rows instead, leaving size
// '11' to the rows that other MVE instructions have there (VMAXA/VMINA, VMOVN, VQMOVN, VQMOVUN,
// VSHLL T2, VCVTB/VCVTT, VMAXNMA/VMINNMA; VCMP floating-point scalar GT/LE), which cross these
// rows' bit 12 or Rm bits and could not be declared as specialisations.
#include <array>

#include "cpu/decode/groups.h"
#include "cpu/exec/fp_common.h"
#include "cpu/exec/mve_integer.h"

namespace minifvp::cpu {
namespace {

constexpr auto kVec = InsnClass::Vector;
namespace mvi = exec::mve_int;

DecodeStatus undefined(DecodedInsn& out) {
  out.exec = exec::fp_undefined;
  return DecodeStatus::Ok;
}

uint32_t raw_bit(Fields f, unsigned bit) {
  return (f.raw() >> bit) & 1;
}

// Qd, Qn, Qm from the fields that the row has (absent fields read as 0). False when one names a
// register above Q7.
bool set_q_registers(Fields f, DecodedInsn& out) {
  if ((f['D'] | f['N'] | f['M']) != 0) return false;
  out.d = static_cast<uint8_t>(f['d']);
  out.n = static_cast<uint8_t>(f['n']);
  out.m = static_cast<uint8_t>(f['m']);
  return true;
}

// Rm of a vector-by-scalar form: SP and PC are UNPREDICTABLE (QEMU: UNDEFINED, our choice too).
bool set_scalar_register(Fields f, DecodedInsn& out) {
  out.t = static_cast<uint8_t>(f['r']);
  return out.t != 13 && out.t != 15;
}

// Element size from the size field; '11' is not an element size here. Rows split by size (the
// 8/16-bit rows have one free size bit, the 32-bit rows none) read bits 21:20 whole.
bool set_element_size(Fields f, DecodedInsn& out) {
  const uint32_t size = f.width('s') == 2 ? f['s'] : (f.raw() >> 20) & 3;
  if (size == 3) return false;
  out.esize = static_cast<uint8_t>(1u << size);
  return true;
}

DecodeStatus decode_bitwise(Fields f, DecodedInsn& out) {
  if (!set_q_registers(f, out)) return undefined(out);
  out.esize = 8;
  return DecodeStatus::Ok;
}

// Two vector sources with a size field; U (where the row has it) selects unsigned elements.
DecodeStatus decode_two_vectors(Fields f, DecodedInsn& out) {
  if (!set_q_registers(f, out) || !set_element_size(f, out)) return undefined(out);
  out.flag = raw_bit(f, 28) != 0;  // U
  return DecodeStatus::Ok;
}

DecodeStatus decode_vector_scalar(Fields f, DecodedInsn& out) {
  if (!set_q_registers(f, out) || !set_element_size(f, out) || !set_scalar_register(f, out)) {
    return undefined(out);
  }
  out.flag = raw_bit(f, 28) != 0;  // U
  return DecodeStatus::Ok;
}

// One vector source (Qm), signed elements.
DecodeStatus decode_one_vector(Fields f, DecodedInsn& out) {
  if (!set_q_registers(f, out) || !set_element_size(f, out)) return undefined(out);
  out.flag = false;
  return DecodeStatus::Ok;
}

// VMULL (integer): T (bit 12) selects the odd source elements.
DecodeStatus decode_VMULL(Fields f, DecodedInsn& out) {
  const DecodeStatus status = decode_two_vectors(f, out);
  out.imm = raw_bit(f, 12);
  return status;
}

// VMULL (polynomial): bit 28 is the size, 0 for 8-bit and 1 for 16-bit sources.
DecodeStatus decode_VMULL_poly(Fields f, DecodedInsn& out) {
  if (!set_q_registers(f, out)) return undefined(out);
  out.esize = raw_bit(f, 28) ? 2 : 1;
  out.imm = raw_bit(f, 12);
  return DecodeStatus::Ok;
}

// VQDMULL: bit 28 is the size, 0 for 16-bit and 1 for 32-bit sources. With 32-bit sources the
// Arm ARM makes Qd == Qn (and, vector form, Qd == Qm) CONSTRAINED UNPREDICTABLE; QEMU UNDEFs, so do
// we.
DecodeStatus decode_VQDMULL(Fields f, DecodedInsn& out) {
  if (!set_q_registers(f, out)) return undefined(out);
  out.esize = raw_bit(f, 28) ? 4 : 2;
  out.imm = raw_bit(f, 12);
  if (out.esize == 4 && (out.d == out.n || out.d == out.m)) return undefined(out);
  return DecodeStatus::Ok;
}

DecodeStatus decode_VQDMULL_scalar(Fields f, DecodedInsn& out) {
  if (!set_q_registers(f, out) || !set_scalar_register(f, out)) return undefined(out);
  out.esize = raw_bit(f, 28) ? 4 : 2;
  out.imm = raw_bit(f, 12);
  if (out.esize == 4 && out.d == out.n) return undefined(out);
  return DecodeStatus::Ok;
}

// VADC/VADCI/VSBC/VSBCI: bit 28 subtract, bit 12 the fixed-carry (I) forms.
DecodeStatus decode_VADC(Fields f, DecodedInsn& out) {
  if (!set_q_registers(f, out)) return undefined(out);
  out.esize = 4;
  out.imm = raw_bit(f, 28);
  out.flag = raw_bit(f, 12) != 0;
  return DecodeStatus::Ok;
}

// VCADD (bit 28 = 1) and VHCADD (bit 28 = 0): R (bit 12) is the rotation, 0 = #90, 1 = #270.
DecodeStatus decode_VCADD(Fields f, DecodedInsn& out) {
  if (!set_q_registers(f, out) || !set_element_size(f, out)) return undefined(out);
  out.imm = raw_bit(f, 12);
  out.flag = raw_bit(f, 28) == 0;
  return DecodeStatus::Ok;
}

// VIDUP/VDDUP: Rn = g:'0', step = 1 << i:j.
DecodeStatus decode_VIDUP(Fields f, DecodedInsn& out) {
  if (!set_q_registers(f, out) || !set_element_size(f, out)) return undefined(out);
  out.t = static_cast<uint8_t>(f['g'] << 1);
  out.imm = 1u << ((f['i'] << 1) | f['j']);
  return DecodeStatus::Ok;
}

// VIWDUP/VDWDUP: also the wrap register Rm = w:'1' (PC is VIDUP/VDDUP, SP UNPREDICTABLE: UNDEFINED
// as in QEMU).
DecodeStatus decode_VIWDUP(Fields f, DecodedInsn& out) {
  const DecodeStatus status = decode_VIDUP(f, out);
  out.t2 = static_cast<uint8_t>((f['w'] << 1) | 1);
  if (out.t2 == 13 || out.t2 == 15) return undefined(out);
  return status;
}

// AdvSIMDExpandImm(op, cmode, imm8) for the MVE one-register-and-modified-immediate encodings.
// op = 1 with cmode = '1111' has no meaning (the caller rejects it).
uint64_t expand_modified_immediate(uint32_t op, uint32_t cmode, uint32_t imm8) {
  const uint64_t byte = imm8;
  auto replicate32 = [](uint64_t word) { return (word << 32) | word; };
  auto replicate16 = [](uint64_t half) { return half * 0x0001000100010001ull; };
  switch (cmode >> 1) {
    case 0:
      return replicate32(byte);
    case 1:
      return replicate32(byte << 8);
    case 2:
      return replicate32(byte << 16);
    case 3:
      return replicate32(byte << 24);
    case 4:
      return replicate16(byte);
    case 5:
      return replicate16(byte << 8);
    case 6:  // shifted ones: imm8:Ones(8) or imm8:Ones(16)
      return replicate32((cmode & 1) == 0 ? (byte << 8) | 0xff : (byte << 16) | 0xffff);
    default:
      break;
  }
  if ((cmode & 1) == 0 && op == 0) return byte * 0x0101010101010101ull;
  if ((cmode & 1) == 0) {  // op = 1: each bit of imm8 a whole byte
    uint64_t mask = 0;
    for (unsigned i = 0; i < 8; ++i) {
      if ((imm8 >> i) & 1) mask |= uint64_t{0xff} << (8 * i);
    }
    return mask;
  }
  // cmode '1111', op 0: the single-precision VFPExpandImm(imm8), in both words.
  const uint64_t sign = (imm8 >> 7) & 1;
  const uint64_t b6 = (imm8 >> 6) & 1;
  const uint64_t single =
      (sign << 31) | ((b6 ^ 1) << 30) | (b6 ? 0x3e000000ull : 0) | (uint64_t{imm8 & 0x3f} << 19);
  return replicate32(single);
}

void set_immediate(DecodedInsn& out, uint64_t value) {
  out.imm = static_cast<uint32_t>(value);
  out.imm2 = static_cast<uint32_t>(value >> 32);
}

// VMOV/VMVN/VORR/VBIC (immediate): imm8 = i:j:k, cmode c, op = bit 5. The row names the
// instruction; VMVN rows store the inverted immediate and execute as VMOV.
DecodeStatus decode_modified_immediate(Fields f, DecodedInsn& out) {
  if (!set_q_registers(f, out)) return undefined(out);
  const uint32_t op = raw_bit(f, 5);
  const uint32_t cmode = (f.raw() >> 8) & 0xf;
  const uint32_t imm8 = (raw_bit(f, 28) << 7) | (f['j'] << 4) | f['k'];
  if (op == 1 && cmode == 0xf) return undefined(out);
  uint64_t value = expand_modified_immediate(op, cmode, imm8);
  const bool is_vbic = op == 1 && (cmode & 1) != 0 && cmode < 12;
  const bool is_vmvn = op == 1 && !is_vbic && cmode != 0xe;
  if (is_vmvn) value = ~value;
  set_immediate(out, value);
  out.esize = 8;
  return DecodeStatus::Ok;
}

// clang-format off
constexpr Encoding kT32[] = {
    // Bitwise (register)
    encoding("T32_VAND_T1", "111011110D00nnn0ddd00001N1M1mmm0", decode_bitwise, mvi::VAND, kVec),
    encoding("T32_VBIC_reg_T1", "111011110D01nnn0ddd00001N1M1mmm0", decode_bitwise, mvi::VBIC, kVec),
    encoding("T32_VORR_reg_T1", "111011110D10nnn0ddd00001N1M1mmm0", decode_bitwise, mvi::VORR, kVec),
    encoding("T32_VORN_T1", "111011110D11nnn0ddd00001N1M1mmm0", decode_bitwise, mvi::VORN, kVec),
    encoding("T32_VEOR_T1", "111111110D00nnn0ddd00001N1M1mmm0", decode_bitwise, mvi::VEOR, kVec),

    // One register and modified immediate (op = bit 5, cmode = bits 11:8)
    encoding("T32_VMOV_imm_i0_T1", "111011111D000jjjddd0cccc0101kkkk", decode_modified_immediate, mvi::VMOV_imm, kVec),
    encoding("T32_VMOV_imm_i1_T1", "111111111D000jjjddd0cccc0101kkkk", decode_modified_immediate, mvi::VMOV_imm, kVec),
    encoding("T32_VMVN_imm_i0_T1", "111011111D000jjjddd0cccc0111kkkk", decode_modified_immediate, mvi::VMOV_imm, kVec),
    encoding("T32_VMVN_imm_i1_T1", "111111111D000jjjddd0cccc0111kkkk", decode_modified_immediate, mvi::VMOV_imm, kVec),
    encoding("T32_VMOV_imm_i64_i0_T1", "111011111D000jjjddd011100111kkkk", decode_modified_immediate, mvi::VMOV_imm, kVec),
    encoding("T32_VMOV_imm_i64_i1_T1", "111111111D000jjjddd011100111kkkk", decode_modified_immediate, mvi::VMOV_imm, kVec),
    encoding("T32_VORR_imm_i0_T1", "111011111D000jjjddd00cc10101kkkk", decode_modified_immediate, mvi::VORR_imm, kVec),
    encoding("T32_VORR_imm_i1_T1", "111111111D000jjjddd00cc10101kkkk", decode_modified_immediate, mvi::VORR_imm, kVec),
    encoding("T32_VORR_imm_i0_T2", "111011111D000jjjddd010c10101kkkk", decode_modified_immediate, mvi::VORR_imm, kVec),
    encoding("T32_VORR_imm_i1_T2", "111111111D000jjjddd010c10101kkkk", decode_modified_immediate, mvi::VORR_imm, kVec),
    encoding("T32_VBIC_imm_i0_T1", "111011111D000jjjddd00cc10111kkkk", decode_modified_immediate, mvi::VBIC_imm, kVec),
    encoding("T32_VBIC_imm_i1_T1", "111111111D000jjjddd00cc10111kkkk", decode_modified_immediate, mvi::VBIC_imm, kVec),
    encoding("T32_VBIC_imm_i0_T2", "111011111D000jjjddd010c10111kkkk", decode_modified_immediate, mvi::VBIC_imm, kVec),
    encoding("T32_VBIC_imm_i1_T2", "111111111D000jjjddd010c10111kkkk", decode_modified_immediate, mvi::VBIC_imm, kVec),

    // Add, subtract, halving, saturating, absolute difference, maximum/minimum (vector)
    encoding("T32_VADD_vec_T1", "111011110Dssnnn0ddd01000N1M0mmm0", decode_two_vectors, mvi::VADD, kVec),
    encoding("T32_VSUB_vec_T1", "111111110Dssnnn0ddd01000N1M0mmm0", decode_two_vectors, mvi::VSUB, kVec),
    encoding("T32_VHADD_S_T1", "111011110Dssnnn0ddd00000N1M0mmm0", decode_two_vectors, mvi::VHADD, kVec),
    encoding("T32_VHADD_U_T1", "111111110Dssnnn0ddd00000N1M0mmm0", decode_two_vectors, mvi::VHADD, kVec),
    encoding("T32_VHSUB_S_T1", "111011110Dssnnn0ddd00010N1M0mmm0", decode_two_vectors, mvi::VHSUB, kVec),
    encoding("T32_VHSUB_U_T1", "111111110Dssnnn0ddd00010N1M0mmm0", decode_two_vectors, mvi::VHSUB, kVec),
    encoding("T32_VRHADD_S_T1", "111011110Dssnnn0ddd00001N1M0mmm0", decode_two_vectors, mvi::VRHADD, kVec),
    encoding("T32_VRHADD_U_T1", "111111110Dssnnn0ddd00001N1M0mmm0", decode_two_vectors, mvi::VRHADD, kVec),
    encoding("T32_VQADD_S_T1", "111011110Dssnnn0ddd00000N1M1mmm0", decode_two_vectors, mvi::VQADD, kVec),
    encoding("T32_VQADD_U_T1", "111111110Dssnnn0ddd00000N1M1mmm0", decode_two_vectors, mvi::VQADD, kVec),
    encoding("T32_VQSUB_S_T1", "111011110Dssnnn0ddd00010N1M1mmm0", decode_two_vectors, mvi::VQSUB, kVec),
    encoding("T32_VQSUB_U_T1", "111111110Dssnnn0ddd00010N1M1mmm0", decode_two_vectors, mvi::VQSUB, kVec),
    encoding("T32_VABD_S_T1", "111011110Dssnnn0ddd00111N1M0mmm0", decode_two_vectors, mvi::VABD, kVec),
    encoding("T32_VABD_U_T1", "111111110Dssnnn0ddd00111N1M0mmm0", decode_two_vectors, mvi::VABD, kVec),
    encoding("T32_VMAX_S_T1", "111011110Dssnnn0ddd00110N1M0mmm0", decode_two_vectors, mvi::VMAX, kVec),
    encoding("T32_VMAX_U_T1", "111111110Dssnnn0ddd00110N1M0mmm0", decode_two_vectors, mvi::VMAX, kVec),
    encoding("T32_VMIN_S_T1", "111011110Dssnnn0ddd00110N1M1mmm0", decode_two_vectors, mvi::VMIN, kVec),
    encoding("T32_VMIN_U_T1", "111111110Dssnnn0ddd00110N1M1mmm0", decode_two_vectors, mvi::VMIN, kVec),

    // Vector by scalar (general-purpose Rm)
    encoding("T32_VADD_scalar_T2", "111011100Dssnnn1ddd01111N100rrrr", decode_vector_scalar, mvi::VADD_scalar, kVec),
    encoding("T32_VSUB_scalar_T2", "111011100Dssnnn1ddd11111N100rrrr", decode_vector_scalar, mvi::VSUB_scalar, kVec),
    encoding("T32_VHADD_scalar_S_T2", "111011100Dssnnn0ddd01111N100rrrr", decode_vector_scalar, mvi::VHADD_scalar, kVec),
    encoding("T32_VHADD_scalar_U_T2", "111111100Dssnnn0ddd01111N100rrrr", decode_vector_scalar, mvi::VHADD_scalar, kVec),
    encoding("T32_VHSUB_scalar_S_T2", "111011100Dssnnn0ddd11111N100rrrr", decode_vector_scalar, mvi::VHSUB_scalar, kVec),
    encoding("T32_VHSUB_scalar_U_T2", "111111100Dssnnn0ddd11111N100rrrr", decode_vector_scalar, mvi::VHSUB_scalar, kVec),
    encoding("T32_VQADD_scalar_S_T2", "111011100Dssnnn0ddd01111N110rrrr", decode_vector_scalar, mvi::VQADD_scalar, kVec),
    encoding("T32_VQADD_scalar_U_T2", "111111100Dssnnn0ddd01111N110rrrr", decode_vector_scalar, mvi::VQADD_scalar, kVec),
    encoding("T32_VQSUB_scalar_S_T2", "111011100Dssnnn0ddd11111N110rrrr", decode_vector_scalar, mvi::VQSUB_scalar, kVec),
    encoding("T32_VQSUB_scalar_U_T2", "111111100Dssnnn0ddd11111N110rrrr", decode_vector_scalar, mvi::VQSUB_scalar, kVec),
    encoding("T32_VMUL_scalar_T2", "111011100Dssnnn1ddd11110N110rrrr", decode_vector_scalar, mvi::VMUL_scalar, kVec),
    encoding("T32_VBRSR_T1", "111111100Dssnnn1ddd11110N110rrrr", decode_vector_scalar, mvi::VBRSR, kVec),
    encoding("T32_VMLA_S_T1", "111011100Dssnnn1ddd01110N100rrrr", decode_vector_scalar, mvi::VMLA, kVec),
    encoding("T32_VMLA_U_T1", "111111100Dssnnn1ddd01110N100rrrr", decode_vector_scalar, mvi::VMLA, kVec),
    encoding("T32_VMLAS_S_T1", "111011100Dssnnn1ddd11110N100rrrr", decode_vector_scalar, mvi::VMLAS, kVec),
    encoding("T32_VMLAS_U_T1", "111111100Dssnnn1ddd11110N100rrrr", decode_vector_scalar, mvi::VMLAS, kVec),
    encoding("T32_VQDMULLB_scalar_S16_T2", "111011100D11nnn0ddd01111N110rrrr", decode_VQDMULL_scalar, mvi::VQDMULL_scalar, kVec),
    encoding("T32_VQDMULLB_scalar_S32_T2", "111111100D11nnn0ddd01111N110rrrr", decode_VQDMULL_scalar, mvi::VQDMULL_scalar, kVec),
    encoding("T32_VQDMULLT_scalar_S16_T2", "111011100D11nnn0ddd11111N110rrrr", decode_VQDMULL_scalar, mvi::VQDMULL_scalar, kVec),
    encoding("T32_VQDMULLT_scalar_S32_T2", "111111100D11nnn0ddd11111N110rrrr", decode_VQDMULL_scalar, mvi::VQDMULL_scalar, kVec),

    // One source
    encoding("T32_VABS_T1", "111111111D11ss01ddd0001101M0mmm0", decode_one_vector, mvi::VABS, kVec),
    encoding("T32_VNEG_T1", "111111111D11ss01ddd0001111M0mmm0", decode_one_vector, mvi::VNEG, kVec),
    encoding("T32_VQABS_T1", "111111111D11ss00ddd0011101M0mmm0", decode_one_vector, mvi::VQABS, kVec),
    encoding("T32_VQNEG_T1", "111111111D11ss00ddd0011111M0mmm0", decode_one_vector, mvi::VQNEG, kVec),
    encoding("T32_VCLS_T1", "111111111D11ss00ddd0010001M0mmm0", decode_one_vector, mvi::VCLS, kVec),
    encoding("T32_VCLZ_T1", "111111111D11ss00ddd0010011M0mmm0", decode_one_vector, mvi::VCLZ, kVec),
    encoding("T32_VMVN_reg_T1", "111111111D110000ddd0010111M0mmm0", decode_bitwise, mvi::VMVN, kVec),
    encoding("T32_VMAXA_T1", "111011100D11ss11ddd0111010M0mmm1", decode_one_vector, mvi::VMAXA, kVec),
    encoding("T32_VMINA_T1", "111011100D11ss11ddd1111010M0mmm1", decode_one_vector, mvi::VMINA, kVec),

    // Multiplies
    encoding("T32_VMUL_vec_T1", "111011110Dssnnn0ddd01001N1M1mmm0", decode_two_vectors, mvi::VMUL, kVec),
    encoding("T32_VMULH_S_8_16_T1", "111011100D0snnn1ddd01110N0M0mmm1", decode_two_vectors, mvi::VMULH, kVec),
    encoding("T32_VMULH_S_32_T1", "111011100D10nnn1ddd01110N0M0mmm1", decode_two_vectors, mvi::VMULH, kVec),
    encoding("T32_VMULH_U_8_16_T1", "111111100D0snnn1ddd01110N0M0mmm1", decode_two_vectors, mvi::VMULH, kVec),
    encoding("T32_VMULH_U_32_T1", "111111100D10nnn1ddd01110N0M0mmm1", decode_two_vectors, mvi::VMULH, kVec),
    encoding("T32_VRMULH_S_8_16_T1", "111011100D0snnn1ddd11110N0M0mmm1", decode_two_vectors, mvi::VRMULH, kVec),
    encoding("T32_VRMULH_S_32_T1", "111011100D10nnn1ddd11110N0M0mmm1", decode_two_vectors, mvi::VRMULH, kVec),
    encoding("T32_VRMULH_U_8_16_T1", "111111100D0snnn1ddd11110N0M0mmm1", decode_two_vectors, mvi::VRMULH, kVec),
    encoding("T32_VRMULH_U_32_T1", "111111100D10nnn1ddd11110N0M0mmm1", decode_two_vectors, mvi::VRMULH, kVec),
    encoding("T32_VMULL_int_S_T1", "111011100Dssnnn1dddT1110N0M0mmm0", decode_VMULL, mvi::VMULL, kVec),
    encoding("T32_VMULL_int_U_T1", "111111100Dssnnn1dddT1110N0M0mmm0", decode_VMULL, mvi::VMULL, kVec),
    encoding("T32_VMULL_poly_P8_T1", "111011100D11nnn1dddT1110N0M0mmm0", decode_VMULL_poly, mvi::VMULL_poly, kVec),
    encoding("T32_VMULL_poly_P16_T1", "111111100D11nnn1dddT1110N0M0mmm0", decode_VMULL_poly, mvi::VMULL_poly, kVec),
    encoding("T32_VQDMULL_S16_T1", "111011100D11nnn0dddT1111N0M0mmm1", decode_VQDMULL, mvi::VQDMULL, kVec),
    encoding("T32_VQDMULL_S32_T1", "111111100D11nnn0dddT1111N0M0mmm1", decode_VQDMULL, mvi::VQDMULL, kVec),

    // Add/subtract with carry, complex add
    encoding("T32_VADC_T1", "111011100D11nnn0ddd01111N0M0mmm0", decode_VADC, mvi::VADC, kVec),
    encoding("T32_VADCI_T1", "111011100D11nnn0ddd11111N0M0mmm0", decode_VADC, mvi::VADC, kVec),
    encoding("T32_VSBC_T1", "111111100D11nnn0ddd01111N0M0mmm0", decode_VADC, mvi::VADC, kVec),
    encoding("T32_VSBCI_T1", "111111100D11nnn0ddd11111N0M0mmm0", decode_VADC, mvi::VADC, kVec),
    encoding("T32_VHCADD_T1", "111011100Dssnnn0dddR1111N0M0mmm0", decode_VCADD, mvi::VCADD, kVec),
    encoding("T32_VCADD_int_T1", "111111100Dssnnn0dddR1111N0M0mmm0", decode_VCADD, mvi::VCADD, kVec),

    // Incrementing/decrementing dups (Rn = g:'0', Rm = w:'1')
    encoding("T32_VIDUP_8_16_T1", "111011100D0sggg1ddd01111i110111j", decode_VIDUP, mvi::VIDUP, kVec),
    encoding("T32_VIDUP_32_T1", "111011100D10ggg1ddd01111i110111j", decode_VIDUP, mvi::VIDUP, kVec),
    encoding("T32_VIWDUP_8_16_T1", "111011100D0sggg1ddd01111i110wwwj", decode_VIWDUP, mvi::VIWDUP, kVec),
    encoding("T32_VIWDUP_32_T1", "111011100D10ggg1ddd01111i110wwwj", decode_VIWDUP, mvi::VIWDUP, kVec),
    encoding("T32_VDDUP_8_16_T1", "111011100D0sggg1ddd11111i110111j", decode_VIDUP, mvi::VDDUP, kVec),
    encoding("T32_VDDUP_32_T1", "111011100D10ggg1ddd11111i110111j", decode_VIDUP, mvi::VDDUP, kVec),
    encoding("T32_VDWDUP_8_16_T1", "111011100D0sggg1ddd11111i110wwwj", decode_VIWDUP, mvi::VDWDUP, kVec),
    encoding("T32_VDWDUP_32_T1", "111011100D10ggg1ddd11111i110wwwj", decode_VIWDUP, mvi::VDWDUP, kVec),
};

constexpr Overlap kOverlaps[] = {
    {"T32_VMOV_imm_i64_i0_T1", "T32_VMVN_imm_i0_T1"},
    {"T32_VMOV_imm_i64_i1_T1", "T32_VMVN_imm_i1_T1"},
    {"T32_VORR_imm_i0_T1", "T32_VMOV_imm_i0_T1"},
    {"T32_VORR_imm_i1_T1", "T32_VMOV_imm_i1_T1"},
    {"T32_VORR_imm_i0_T2", "T32_VMOV_imm_i0_T1"},
    {"T32_VORR_imm_i1_T2", "T32_VMOV_imm_i1_T1"},
    {"T32_VBIC_imm_i0_T1", "T32_VMVN_imm_i0_T1"},
    {"T32_VBIC_imm_i1_T1", "T32_VMVN_imm_i1_T1"},
    {"T32_VBIC_imm_i0_T2", "T32_VMVN_imm_i0_T1"},
    {"T32_VBIC_imm_i1_T2", "T32_VMVN_imm_i1_T1"},
    // size '11' of the general row is the specific instruction
    {"T32_VQDMULLB_scalar_S16_T2", "T32_VQADD_scalar_S_T2"},
    {"T32_VQDMULLB_scalar_S32_T2", "T32_VQADD_scalar_U_T2"},
    {"T32_VQDMULLT_scalar_S16_T2", "T32_VQSUB_scalar_S_T2"},
    {"T32_VQDMULLT_scalar_S32_T2", "T32_VQSUB_scalar_U_T2"},
    {"T32_VMULL_poly_P8_T1", "T32_VMULL_int_S_T1"},
    {"T32_VMULL_poly_P16_T1", "T32_VMULL_int_U_T1"},
    {"T32_VADC_T1", "T32_VHCADD_T1"},
    {"T32_VADCI_T1", "T32_VHCADD_T1"},
    {"T32_VSBC_T1", "T32_VCADD_int_T1"},
    {"T32_VSBCI_T1", "T32_VCADD_int_T1"},
    // Rm = PC is the non-wrapping form
    {"T32_VIDUP_8_16_T1", "T32_VIWDUP_8_16_T1"},
    {"T32_VIDUP_32_T1", "T32_VIWDUP_32_T1"},
    {"T32_VDDUP_8_16_T1", "T32_VDWDUP_8_16_T1"},
    {"T32_VDDUP_32_T1", "T32_VDWDUP_32_T1"},
};
// clang-format on

}  // namespace

EncodingGroup mve_integer_group() {
  return {"mve_integer", {}, kT32, kOverlaps};
}

}  // namespace minifvp::cpu
