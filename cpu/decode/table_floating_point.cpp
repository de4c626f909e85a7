// Encodings of the scalar floating-point extension (Armv8-M ARM, "Floating-point data-processing",
// "Floating-point load/store" and "Floating-point register transfer" encoding tables, with the
// Armv8.1-M half-precision forms, size = '01'). Execute functions: cpu/exec/fp_*.cpp.
//
// Layering of the coprocessor space: every encoding with coprocessor field 8-11 (bits [11:10] =
// '10') that no specific row claims falls into a catch-all row whose execute function checks
// CPACR first, so a disabled FPU gives a NOCP UsageFault even for encodings that would be
// UNDEFINED (Armv8.1-M). For the same reason the decode functions below report UNDEFINED and
// UNPREDICTABLE field values by executing exec::fp_undefined rather than with DecodeStatus. The
// catch-alls are declared as the general side of an overlap with every row of this table; MVE rows
// in the same space must declare theirs. Coprocessors 14 and 15 (MVE, and the VLDR/VSTR system
// register forms here) are not covered by a catch-all.
#include <array>
#include <string_view>

#include "cpu/decode/groups.h"
#include "cpu/exec/fp_arith.h"
#include "cpu/exec/fp_common.h"
#include "cpu/exec/fp_convert.h"
#include "cpu/exec/fp_load_store.h"
#include "cpu/exec/fp_move.h"
#include "cpu/exec/mve_move.h"

namespace minifvp::cpu {
namespace {

// Every row is InsnClass::Coprocessor, the loads and stores included: the timing model and the
// random-instruction tests treat the floating-point instructions as one class.
constexpr auto kCop = InsnClass::Coprocessor;
using fp::Format;

DecodeStatus undefined(DecodedInsn& out) {
  out.exec = exec::fp_undefined;
  return DecodeStatus::Ok;
}
DecodeStatus ok_unless(bool unpredictable, DecodedInsn& out) {
  return unpredictable ? undefined(out) : DecodeStatus::Ok;
}

// The size field (bits [9:8]): '01' half, '10' single, '11' double; '00' is not a floating-point
// size. Returns false for '00'.
bool format_from_size(uint32_t size, Format& format) {
  switch (size) {
    case 1:
      format = Format::F16;
      return true;
    case 2:
      format = Format::F32;
      return true;
    case 3:
      format = Format::F64;
      return true;
    default:
      return false;
  }
}

// An extension register number: Vx:X for S registers, X:Vx for D registers.
uint8_t fp_reg(Fields f, char vector, char extra, Format format) {
  const uint32_t v = f[vector], x = f[extra];
  return static_cast<uint8_t>(format == Format::F64 ? (x << 4) | v : (v << 1) | x);
}
uint8_t single_reg(Fields f, char vector, char extra) {
  return fp_reg(f, vector, extra, Format::F32);
}
// Whether a double-precision operand names D16-D31: the M-profile register file has D0-D15 only,
// so such an encoding is UNDEFINED (as in QEMU, which requires the 32-D-register feature for them).
// `extras` lists the operands' D/N/M bit fields; a format other than F64 never qualifies.
bool names_d16_to_d31(Fields f, Format format, std::string_view extras) {
  if (format != Format::F64) return false;
  for (char extra : extras) {
    if (f[extra] != 0) return true;
  }
  return false;
}

void set_format(DecodedInsn& out, Format format) {
  out.imm2 = static_cast<uint32_t>(format);
}

// d, n, m and the format: VADD, VSUB, VMUL, VNMUL, VDIV, VFMA..., VMLA..., VMAXNM, VMINNM, VSEL.
DecodeStatus decode_three_regs(Fields f, DecodedInsn& out) {
  Format format{};
  if (!format_from_size(f['s'], format)) return undefined(out);
  set_format(out, format);
  if (names_d16_to_d31(f, format, "DNM")) return undefined(out);
  out.d = fp_reg(f, 'd', 'D', format);
  out.n = fp_reg(f, 'n', 'N', format);
  out.m = fp_reg(f, 'm', 'M', format);
  return DecodeStatus::Ok;
}

// VSEL<c>: cc selects EQ, VS, GE or GT.
DecodeStatus decode_VSEL(Fields f, DecodedInsn& out) {
  static constexpr uint8_t kConditions[4] = {0b0000, 0b0110, 0b1010, 0b1100};
  out.cond = kConditions[f['c']];
  return decode_three_regs(f, out);
}

// d, m and the format: VABS, VNEG, VSQRT, VMOV (register), VCMP, VRINT*.
DecodeStatus decode_two_regs(Fields f, DecodedInsn& out) {
  Format format{};
  if (!format_from_size(f['s'], format)) return undefined(out);
  set_format(out, format);
  if (names_d16_to_d31(f, format, "DM")) return undefined(out);
  out.d = fp_reg(f, 'd', 'D', format);
  out.m = fp_reg(f, 'm', 'M', format);
  out.flag = f['E'] != 0;  // VCMPE
  return DecodeStatus::Ok;
}

// VMOV (register) has no half-precision form.
DecodeStatus decode_VMOV_reg(Fields f, DecodedInsn& out) {
  if (f['s'] == 1) return undefined(out);
  return decode_two_regs(f, out);
}

// VRINTR (FPSCR rounding) / VRINTZ (towards zero), not exact.
DecodeStatus decode_VRINT_RZ(Fields f, DecodedInsn& out) {
  out.imm = f['Z'] ? static_cast<uint32_t>(fp::Rounding::Zero) : exec::kRoundingFromFpscr;
  out.flag = false;
  const DecodeStatus status = decode_two_regs(f, out);
  out.flag = false;
  return status;
}

// VRINTX: FPSCR rounding, Inexact raised.
DecodeStatus decode_VRINTX(Fields f, DecodedInsn& out) {
  const DecodeStatus status = decode_two_regs(f, out);
  out.imm = exec::kRoundingFromFpscr;
  out.flag = true;
  return status;
}

// The RM field of VRINTA/N/P/M and VCVTA/N/P/M: A (ties away), N (ties even), P, M.
fp::Rounding directed_rounding(uint32_t rm) {
  static constexpr fp::Rounding kModes[4] = {fp::Rounding::TieAway, fp::Rounding::TieEven,
                                             fp::Rounding::PosInf, fp::Rounding::NegInf};
  return kModes[rm & 3];
}

DecodeStatus decode_VRINT_directed(Fields f, DecodedInsn& out) {
  const DecodeStatus status = decode_two_regs(f, out);
  out.imm = static_cast<uint32_t>(directed_rounding(f['r']));
  out.flag = false;
  return status;
}

// VFPExpandImm(imm8) for the format; for F64 the high word.
uint32_t vfp_expand_imm(uint32_t imm8, Format format) {
  const uint32_t sign = imm8 >> 7;
  const uint32_t b6 = (imm8 >> 6) & 1;
  const uint32_t low = imm8 & 0x3f;  // imm8<5:0>: two exponent bits and four fraction bits
  switch (format) {
    case Format::F16:  // sign : NOT(b6) : b6 x2 : imm8<5:0> : Zeros(6)
      return (sign << 15) | ((b6 ^ 1) << 14) | (b6 ? 0x3000u : 0) | (low << 6);
    case Format::F32:  // sign : NOT(b6) : b6 x5 : imm8<5:0> : Zeros(19)
      return (sign << 31) | ((b6 ^ 1) << 30) | (b6 ? 0x3e000000u : 0) | (low << 19);
    case Format::F64:  // sign : NOT(b6) : b6 x8 : imm8<5:0> : Zeros(48), high word
      return (sign << 31) | ((b6 ^ 1) << 30) | (b6 ? 0x3fc00000u : 0) | (low << 16);
  }
  return 0;
}

DecodeStatus decode_VMOV_imm(Fields f, DecodedInsn& out) {
  Format format{};
  if (!format_from_size(f['s'], format)) return undefined(out);
  set_format(out, format);
  if (names_d16_to_d31(f, format, "D")) return undefined(out);
  out.d = fp_reg(f, 'd', 'D', format);
  out.imm = vfp_expand_imm(f['i'], format);
  return DecodeStatus::Ok;
}

// VCVT (floating-point to integer), T1: S[d] = to_int(m), rounding towards zero (Z) or FPSCR.
DecodeStatus decode_VCVT_to_int(Fields f, DecodedInsn& out) {
  Format format{};
  if (!format_from_size(f['s'], format)) return undefined(out);
  set_format(out, format);
  if (names_d16_to_d31(f, format, "M")) return undefined(out);
  out.d = single_reg(f, 'd', 'D');
  out.m = fp_reg(f, 'm', 'M', format);
  out.flag = f['U'] == 0;  // opc2<0> = '1' is signed
  out.imm = f['Z'] ? static_cast<uint32_t>(fp::Rounding::Zero) : exec::kRoundingFromFpscr;
  return DecodeStatus::Ok;
}

// VCVTA/N/P/M: S[d] = to_int(m) with the directed rounding; op (S) = signed.
DecodeStatus decode_VCVT_directed(Fields f, DecodedInsn& out) {
  Format format{};
  if (!format_from_size(f['s'], format)) return undefined(out);
  set_format(out, format);
  if (names_d16_to_d31(f, format, "M")) return undefined(out);
  out.d = single_reg(f, 'd', 'D');
  out.m = fp_reg(f, 'm', 'M', format);
  out.flag = f['S'] == 0;
  out.imm = static_cast<uint32_t>(directed_rounding(f['r']));
  return DecodeStatus::Ok;
}

// VCVT (integer to floating-point): d (format) = from_int(S[m]); op (S) = signed.
DecodeStatus decode_VCVT_from_int(Fields f, DecodedInsn& out) {
  Format format{};
  if (!format_from_size(f['s'], format)) return undefined(out);
  set_format(out, format);
  if (names_d16_to_d31(f, format, "D")) return undefined(out);
  out.d = fp_reg(f, 'd', 'D', format);
  out.m = single_reg(f, 'm', 'M');
  out.flag = f['S'] == 0;
  return DecodeStatus::Ok;
}

// VCVT (between floating-point and fixed-point): frac_bits = size - imm4:i.
DecodeStatus decode_VCVT_fixed(Fields f, DecodedInsn& out) {
  Format format{};
  if (!format_from_size(f['s'], format)) return undefined(out);
  set_format(out, format);
  if (names_d16_to_d31(f, format, "D")) return undefined(out);
  out.d = fp_reg(f, 'd', 'D', format);
  out.flag = f['U'] != 0;
  out.shift_n = f['X'] ? 32 : 16;
  const int imm5 = static_cast<int>((f['i'] << 1) | f['j']);
  const int frac_bits = out.shift_n - imm5;
  out.imm = static_cast<uint32_t>(frac_bits < 0 ? 0 : frac_bits);
  // "if frac_bits < 0 then UNPREDICTABLE".
  return ok_unless(frac_bits < 0, out);
}

// VCVT (between double and single): z = the source is double.
DecodeStatus decode_VCVT_fp(Fields f, DecodedInsn& out) {
  const Format from = f['z'] ? Format::F64 : Format::F32;
  const Format to = f['z'] ? Format::F32 : Format::F64;
  set_format(out, to);
  out.a = static_cast<uint8_t>(from);
  if (names_d16_to_d31(f, to, "D") || names_d16_to_d31(f, from, "M")) return undefined(out);
  out.d = fp_reg(f, 'd', 'D', to);
  out.m = fp_reg(f, 'm', 'M', from);
  return DecodeStatus::Ok;
}

// VCVTB/VCVTT from half precision to single (z = 0) or double (z = 1); T = top half.
DecodeStatus decode_VCVT_from_half(Fields f, DecodedInsn& out) {
  const Format to = f['z'] ? Format::F64 : Format::F32;
  set_format(out, to);
  out.a = static_cast<uint8_t>(Format::F16);
  if (names_d16_to_d31(f, to, "D")) return undefined(out);
  out.d = fp_reg(f, 'd', 'D', to);
  out.m = single_reg(f, 'm', 'M');
  out.flag = f['T'] != 0;
  return DecodeStatus::Ok;
}

// VCVTB/VCVTT to half precision from single (z = 0) or double (z = 1); T = top half.
DecodeStatus decode_VCVT_to_half(Fields f, DecodedInsn& out) {
  const Format from = f['z'] ? Format::F64 : Format::F32;
  set_format(out, Format::F16);
  out.a = static_cast<uint8_t>(from);
  if (names_d16_to_d31(f, from, "M")) return undefined(out);
  out.d = single_reg(f, 'd', 'D');
  out.m = fp_reg(f, 'm', 'M', from);
  out.flag = f['T'] != 0;
  return DecodeStatus::Ok;
}

// VINS / VMOVX: S registers.
DecodeStatus decode_half_insert(Fields f, DecodedInsn& out) {
  out.d = single_reg(f, 'd', 'D');
  out.m = single_reg(f, 'm', 'M');
  set_format(out, Format::F16);
  return DecodeStatus::Ok;
}

constexpr bool sp_or_pc(unsigned r) {
  return r == 13 || r == 15;
}

// VMOV (between general-purpose register and single/half-precision register).
DecodeStatus decode_VMOV_core_single(Fields f, DecodedInsn& out) {
  const uint32_t size = (f.raw() >> 8) & 3;  // '01' half (VMOV.F16), '10' single
  set_format(out, size == 1 ? Format::F16 : Format::F32);
  out.n = single_reg(f, 'n', 'N');
  out.t = static_cast<uint8_t>(f['t']);
  out.flag = f['o'] != 0;
  // "if t == 15 || t == 13 then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.t), out);
}

// VMOV (general-purpose register to vector lane) and VMOV (vector lane to general-purpose
// register), Armv8.1-M with MVE: opc1:opc2 selects the lane size and index in D[N:Vn] (1xxx
// bytes, 0xx1 halfwords, 0x00 words, 0x10 UNDEFINED); U = 1 zero-extends a byte or halfword read
// (U = 1 on a word or on a write is UNDEFINED; U = 1 writes with the VDUP bits are VDUP).
// M-profile has D0-D15 only: N = 1 is UNDEFINED, as QEMU decodes it.
DecodeStatus decode_VMOV_scalar(Fields f, DecodedInsn& out) {
  const uint32_t opc1 = f['j'], opc2 = f['k'];
  unsigned esize = 4, index = opc1 & 1;
  if ((opc1 & 2) != 0) {
    esize = 1;
    index = ((opc1 & 1) << 2) | opc2;
  } else if ((opc2 & 1) != 0) {
    esize = 2;
    index = ((opc1 & 1) << 1) | (opc2 >> 1);
  } else if (opc2 != 0) {
    return undefined(out);
  }
  const bool to_gpr = f['o'] != 0, zero_extend = f['U'] != 0;
  out.t = static_cast<uint8_t>(f['t']);
  out.esize = static_cast<uint8_t>(esize);
  out.imm = 8 * f['n'] + index * esize;
  out.flag = to_gpr;
  out.imm2 = to_gpr && !zero_extend && esize < 4 ? 1 : 0;
  if (f['N'] != 0 || (zero_extend && (!to_gpr || esize == 4))) return undefined(out);
  // Rt = SP or PC is UNPREDICTABLE. Moving it into a lane, QEMU writes its value (PC reads as
  // the instruction's address + 4), and so do we; moving a lane into SP or PC is UNDEFINED.
  return ok_unless(to_gpr && sp_or_pc(out.t), out);
}

// VMOV (between two general-purpose registers and a doubleword / two single registers).
DecodeStatus decode_VMOV_core_pair(Fields f, DecodedInsn& out, bool singles) {
  out.t = static_cast<uint8_t>(f['t']);
  out.t2 = static_cast<uint8_t>(f['u']);
  out.flag = f['o'] != 0;
  if (!singles && names_d16_to_d31(f, Format::F64, "M")) return undefined(out);
  out.m = singles ? single_reg(f, 'm', 'M') : fp_reg(f, 'm', 'M', Format::F64);
  // "if t == 15 || t2 == 15 then UNPREDICTABLE" (13 too); "if to_arm_registers && t == t2 then
  // UNPREDICTABLE"; for the singles form "if m == 31 then UNPREDICTABLE".
  return ok_unless(sp_or_pc(out.t) || sp_or_pc(out.t2) || (out.flag && out.t == out.t2) ||
                       (singles && out.m == 31),
                   out);
}
DecodeStatus decode_VMOV_core_double(Fields f, DecodedInsn& out) {
  return decode_VMOV_core_pair(f, out, false);
}
DecodeStatus decode_VMOV_core_singles(Fields f, DecodedInsn& out) {
  return decode_VMOV_core_pair(f, out, true);
}

// The FP system registers VMRS/VMSR and VLDR/VSTR (System Register) accept. FPCXT_NS and FPCXT_S
// (0b1110, 0b1111) belong to the Security Extension's floating-point context handling, which is
// not modelled yet: they are UNDEFINED here, as are the reserved numbers (and FPEXC, which
// M-profile does not have).
bool supported_fp_system_register(uint32_t reg) {
  using exec::FpSystemRegister;
  switch (static_cast<FpSystemRegister>(reg)) {
    case FpSystemRegister::FPSCR:
    case FpSystemRegister::FPSCR_nzcvqc:
    case FpSystemRegister::VPR:
    case FpSystemRegister::P0:
      return true;
  }
  return false;
}

DecodeStatus decode_VMRS_VMSR(Fields f, DecodedInsn& out) {
  out.imm = f['r'];
  out.t = static_cast<uint8_t>(f['t']);
  if (!supported_fp_system_register(out.imm)) return undefined(out);
  const bool to_core = f['o'] != 0;
  out.exec = to_core ? exec::VMRS : exec::VMSR;
  if (to_core) {
    // Rt == 15 is VMRS APSR_nzcv, FPSCR; with another register UNPREDICTABLE. Rt == 13 too.
    return ok_unless(out.t == 13 || (out.t == 15 && out.imm != 1), out);
  }
  return ok_unless(sp_or_pc(out.t), out);
}

// VLDR / VSTR: imm8 scaled by the access size, U selects add.
DecodeStatus decode_VLDR_VSTR(Fields f, DecodedInsn& out) {
  Format format{};
  if (!format_from_size(f['s'], format)) return undefined(out);
  set_format(out, format);
  if (names_d16_to_d31(f, format, "D")) return undefined(out);
  out.d = fp_reg(f, 'd', 'D', format);
  out.n = static_cast<uint8_t>(f['n']);
  out.add = f['U'] != 0;
  out.imm = f['i'] << (format == Format::F16 ? 1 : 2);
  return DecodeStatus::Ok;
}
// VSTR: "if n == 15 && CurrentInstrSet() != InstrSet_ARM then UNPREDICTABLE".
DecodeStatus decode_VSTR(Fields f, DecodedInsn& out) {
  const DecodeStatus status = decode_VLDR_VSTR(f, out);
  if (out.exec != exec::fp_undefined && out.n == 15) return undefined(out);
  return status;
}

// VLDM / VSTM (and VPUSH / VPOP): z = double registers.
DecodeStatus decode_multiple(Fields f, DecodedInsn& out, bool increment) {
  const bool dbl = f['z'] != 0;
  const Format format = dbl ? Format::F64 : Format::F32;
  set_format(out, format);
  out.d = fp_reg(f, 'd', 'D', format);
  out.n = static_cast<uint8_t>(f['n']);
  out.add = increment;
  out.wback = increment ? f['W'] != 0 : true;
  const uint32_t imm8 = f['i'];
  const uint32_t regs = dbl ? imm8 / 2 : imm8;
  out.imm = regs;
  // "if n == 15 then UNPREDICTABLE" (Thumb); "if regs == 0 || (d+regs) > 32 then UNPREDICTABLE"
  // (singles); "if regs == 0 || regs > 16 || (d+regs) > 16 then UNPREDICTABLE" (doubles).
  const uint32_t limit = dbl ? 16 : 32;
  return ok_unless(out.n == 15 || regs == 0 || out.d + regs > limit, out);
}
DecodeStatus decode_multiple_increment(Fields f, DecodedInsn& out) {
  return decode_multiple(f, out, true);
}
DecodeStatus decode_multiple_decrement(Fields f, DecodedInsn& out) {
  return decode_multiple(f, out, false);
}

// VLDR / VSTR (System Register): reg = bit 22 : bits [15:13], imm7 scaled by 4, P/U/W.
DecodeStatus decode_system_load_store(Fields f, DecodedInsn& out) {
  out.t = static_cast<uint8_t>(f['r']);
  out.n = static_cast<uint8_t>(f['n']);
  out.imm = f['i'] << 2;
  out.index = f['P'] != 0;
  out.add = f['U'] != 0;
  out.wback = f['W'] != 0;
  // "if P == '0' && W == '0' then SEE Related encodings" (none of them in this space here).
  if (!out.index && !out.wback) return undefined(out);
  if (!supported_fp_system_register(out.t)) return undefined(out);
  // "if n == 15 && (wback || P == '0') then UNPREDICTABLE".
  return ok_unless(out.n == 15 && out.wback, out);
}

DecodeStatus decode_catch_all(Fields, DecodedInsn& out) {
  return undefined(out);
}

// clang-format off
constexpr Encoding kT32[] = {
    // Floating-point data-processing, three registers
    encoding("T32_VMLA_T1", "111011100D00nnnndddd10ssN0M0mmmm", decode_three_regs, exec::VMLA, kCop),
    encoding("T32_VMLS_T1", "111011100D00nnnndddd10ssN1M0mmmm", decode_three_regs, exec::VMLS, kCop),
    encoding("T32_VNMLS_T1", "111011100D01nnnndddd10ssN0M0mmmm", decode_three_regs, exec::VNMLS, kCop),
    encoding("T32_VNMLA_T1", "111011100D01nnnndddd10ssN1M0mmmm", decode_three_regs, exec::VNMLA, kCop),
    encoding("T32_VMUL_T2", "111011100D10nnnndddd10ssN0M0mmmm", decode_three_regs, exec::VMUL, kCop),
    encoding("T32_VNMUL_T2", "111011100D10nnnndddd10ssN1M0mmmm", decode_three_regs, exec::VNMUL, kCop),
    encoding("T32_VADD_T2", "111011100D11nnnndddd10ssN0M0mmmm", decode_three_regs, exec::VADD, kCop),
    encoding("T32_VSUB_T2", "111011100D11nnnndddd10ssN1M0mmmm", decode_three_regs, exec::VSUB, kCop),
    encoding("T32_VDIV_T1", "111011101D00nnnndddd10ssN0M0mmmm", decode_three_regs, exec::VDIV, kCop),
    encoding("T32_VFNMS_T1", "111011101D01nnnndddd10ssN0M0mmmm", decode_three_regs, exec::VFNMS, kCop),
    encoding("T32_VFNMA_T1", "111011101D01nnnndddd10ssN1M0mmmm", decode_three_regs, exec::VFNMA, kCop),
    encoding("T32_VFMA_T2", "111011101D10nnnndddd10ssN0M0mmmm", decode_three_regs, exec::VFMA, kCop),
    encoding("T32_VFMS_T2", "111011101D10nnnndddd10ssN1M0mmmm", decode_three_regs, exec::VFMS, kCop),

    // Floating-point data-processing, other (opc1 = 1x11)
    encoding("T32_VMOV_imm_T2", "111011101D11iiiidddd10ss0000iiii", decode_VMOV_imm, exec::VMOV_imm, kCop),
    encoding("T32_VMOV_reg_T2", "111011101D110000dddd10ss01M0mmmm", decode_VMOV_reg, exec::VMOV_reg, kCop),
    encoding("T32_VABS_T2", "111011101D110000dddd10ss11M0mmmm", decode_two_regs, exec::VABS, kCop),
    encoding("T32_VNEG_T2", "111011101D110001dddd10ss01M0mmmm", decode_two_regs, exec::VNEG, kCop),
    encoding("T32_VSQRT_T1", "111011101D110001dddd10ss11M0mmmm", decode_two_regs, exec::VSQRT, kCop),
    encoding("T32_VCVTBT_from_half_T1", "111011101D110010dddd101zT1M0mmmm", decode_VCVT_from_half, exec::VCVT_from_half, kCop),
    encoding("T32_VCVTBT_to_half_T1", "111011101D110011dddd101zT1M0mmmm", decode_VCVT_to_half, exec::VCVT_to_half, kCop),
    encoding("T32_VCMP_T1", "111011101D110100dddd10ssE1M0mmmm", decode_two_regs, exec::VCMP, kCop),
    encoding("T32_VCMP_zero_T2", "111011101D110101dddd10ssE1000000", decode_two_regs, exec::VCMP_zero, kCop),
    encoding("T32_VRINTRZ_T1", "111011101D110110dddd10ssZ1M0mmmm", decode_VRINT_RZ, exec::VRINT, kCop),
    encoding("T32_VRINTX_T1", "111011101D110111dddd10ss01M0mmmm", decode_VRINTX, exec::VRINT, kCop),
    encoding("T32_VCVT_ds_T1", "111011101D110111dddd101z11M0mmmm", decode_VCVT_fp, exec::VCVT_fp, kCop),
    encoding("T32_VCVT_from_int_T1", "111011101D111000dddd10ssS1M0mmmm", decode_VCVT_from_int, exec::VCVT_from_int, kCop),
    encoding("T32_VCVT_to_fixed_T1", "111011101D11111Udddd10ssX1j0iiii", decode_VCVT_fixed, exec::VCVT_to_fixed, kCop),
    encoding("T32_VCVT_from_fixed_T1", "111011101D11101Udddd10ssX1j0iiii", decode_VCVT_fixed, exec::VCVT_from_fixed, kCop),
    encoding("T32_VCVT_to_int_T1", "111011101D11110Udddd10ssZ1M0mmmm", decode_VCVT_to_int, exec::VCVT_to_int, kCop),

    // Unconditional floating-point instructions (Armv8)
    encoding("T32_VSEL_T1", "111111100Dccnnnndddd10ssN0M0mmmm", decode_VSEL, exec::VSEL, kCop),
    encoding("T32_VMAXNM_T2", "111111101D00nnnndddd10ssN0M0mmmm", decode_three_regs, exec::VMAXNM, kCop),
    encoding("T32_VMINNM_T2", "111111101D00nnnndddd10ssN1M0mmmm", decode_three_regs, exec::VMINNM, kCop),
    encoding("T32_VINS_T1", "111111101D110000dddd101011M0mmmm", decode_half_insert, exec::VINS, kCop),
    encoding("T32_VMOVX_T1", "111111101D110000dddd101001M0mmmm", decode_half_insert, exec::VMOVX, kCop),
    encoding("T32_VRINT_directed_T1", "111111101D1110rrdddd10ss01M0mmmm", decode_VRINT_directed, exec::VRINT_directed, kCop),
    encoding("T32_VCVT_directed_T1", "111111101D1111rrdddd10ssS1M0mmmm", decode_VCVT_directed, exec::VCVT_to_int_directed, kCop),

    // Register transfers
    encoding("T32_VMOV_core_single_T1", "11101110000onnnntttt1010N0010000", decode_VMOV_core_single, exec::VMOV_core_single, kCop),
    encoding("T32_VMOV_core_half_T1", "11101110000onnnntttt1001N0010000", decode_VMOV_core_single, exec::VMOV_core_single, kCop),
    encoding("T32_VMOV_scalar_T1", "11101110Ujjonnnntttt1011Nkk10000", decode_VMOV_scalar, exec::MVE_VMOV_lane, kCop),
    encoding("T32_VMRS_VMSR_T1", "11101110111orrrrtttt101000010000", decode_VMRS_VMSR, exec::VMRS, kCop),
    encoding("T32_VMOV_core_double_T1", "11101100010ouuuutttt101100M1mmmm", decode_VMOV_core_double, exec::VMOV_core_pair_double, kCop),
    encoding("T32_VMOV_core_singles_T1", "11101100010ouuuutttt101000M1mmmm", decode_VMOV_core_singles, exec::VMOV_core_pair_singles, kCop),

    // Loads and stores
    encoding("T32_VLDR_T1", "11101101UD01nnnndddd10ssiiiiiiii", decode_VLDR_VSTR, exec::VLDR, kCop),
    encoding("T32_VSTR_T1", "11101101UD00nnnndddd10ssiiiiiiii", decode_VSTR, exec::VSTR, kCop),
    encoding("T32_VLDM_IA_T1", "111011001DW1nnnndddd101ziiiiiiii", decode_multiple_increment, exec::VLDM, kCop),
    encoding("T32_VSTM_IA_T1", "111011001DW0nnnndddd101ziiiiiiii", decode_multiple_increment, exec::VSTM, kCop),
    encoding("T32_VLDM_DB_T1", "111011010D11nnnndddd101ziiiiiiii", decode_multiple_decrement, exec::VLDM, kCop),
    encoding("T32_VSTM_DB_T1", "111011010D10nnnndddd101ziiiiiiii", decode_multiple_decrement, exec::VSTM, kCop),
    encoding("T32_VLDR_sysreg_T1", "1110110PUrW1nnnnrrr011111iiiiiii", decode_system_load_store, exec::VLDR_system, kCop),
    encoding("T32_VSTR_sysreg_T1", "1110110PUrW0nnnnrrr011111iiiiiii", decode_system_load_store, exec::VSTR_system, kCop),

    // Everything else with coprocessor 8-11: NOCP when disabled, else UNDEFINED.
    encoding("T32_FP_space_1110110", "1110110xxxxxxxxxxxxx10xxxxxxxxxx", decode_catch_all, exec::fp_undefined, kCop),
    encoding("T32_FP_space_1111110", "1111110xxxxxxxxxxxxx10xxxxxxxxxx", decode_catch_all, exec::fp_undefined, kCop),
    encoding("T32_FP_space_11101110", "11101110xxxxxxxxxxxx10xxxxxxxxxx", decode_catch_all, exec::fp_undefined, kCop),
    encoding("T32_FP_space_11111110", "11111110xxxxxxxxxxxx10xxxxxxxxxx", decode_catch_all, exec::fp_undefined, kCop),
};
// clang-format on

constexpr size_t kCatchAllCount = 4;
constexpr size_t kRowCount = std::size(kT32) - kCatchAllCount;

constexpr bool specialises(const BitPattern& specific, const BitPattern& general) {
  return (specific.mask & general.mask) == general.mask &&
         (specific.value & general.mask) == general.value && specific.mask != general.mask;
}

constexpr size_t count_catch_all_overlaps() {
  size_t count = 0;
  for (size_t i = 0; i < kRowCount; ++i) {
    for (size_t c = kRowCount; c < std::size(kT32); ++c) {
      if (specialises(kT32[i].pattern, kT32[c].pattern)) ++count;
    }
  }
  return count;
}

// Every row of this table that lies in a catch-all's space specialises it.
constexpr auto kOverlaps = [] {
  std::array<Overlap, count_catch_all_overlaps()> out{};
  size_t k = 0;
  for (size_t i = 0; i < kRowCount; ++i) {
    for (size_t c = kRowCount; c < std::size(kT32); ++c) {
      if (specialises(kT32[i].pattern, kT32[c].pattern)) out[k++] = {kT32[i].name, kT32[c].name};
    }
  }
  return out;
}();

}  // namespace

EncodingGroup floating_point_group() {
  return {"floating point", {}, kT32, kOverlaps};
}

}  // namespace minifvp::cpu
