// Floating-point arithmetic exactly as the Armv8-M ARM pseudocode defines it ("Floating-point
// pseudocode": FPUnpack, FPRound, FPProcessNaNs, FPAdd, FPMulAdd, FPSqrt, FPToFixed, ...), in
// integer code: no host floating-point arithmetic, rounding mode or exception flag is used, so the
// results and the FPSCR cumulative flags are the same on every host.
//
// Values travel as raw bit patterns (uint64_t holding a half, single or double). Every operation
// takes an FpEnv built from FPSCR (rounding mode, FZ, FZ16, DN, AHP) and ORs the exceptions it
// raises into FpEnv::flags, using the FPSCR bit positions (IOC, DZC, OFC, UFC, IXC, IDC). There are
// no trap enables in M-profile, so exceptions only ever set flags.
//
// Half precision follows the Armv8.1-M rules for the FP16 extension: arithmetic uses IEEE half
// precision and FPSCR.FZ16 (flushing a half input does not set IDC); conversions to and from half
// precision (VCVTB/VCVTT) honour FPSCR.AHP (alternative half precision: no infinities or NaNs) and
// ignore FZ16. FZ applies to single and double precision everywhere.
#pragma once

#include <cstdint>

namespace minifvp::cpu::fp {

enum class Format : uint8_t { F16, F32, F64 };

// FPRounding, numbered so that FPSCR.RMode converts directly (00 RN, 01 RP, 10 RM, 11 RZ).
enum class Rounding : uint8_t { TieEven = 0, PosInf = 1, NegInf = 2, Zero = 3, TieAway = 4 };

// FPSCR bit positions (Armv8.1-M ARM, "FPSCR, Floating-point Status and Control Register").
namespace fpscr {
constexpr uint32_t kIOC = 1u << 0;
constexpr uint32_t kDZC = 1u << 1;
constexpr uint32_t kOFC = 1u << 2;
constexpr uint32_t kUFC = 1u << 3;
constexpr uint32_t kIXC = 1u << 4;
constexpr uint32_t kIDC = 1u << 7;
constexpr uint32_t kExceptionFlags = kIOC | kDZC | kOFC | kUFC | kIXC | kIDC;
constexpr uint32_t kLtpsizeShift = 16;  // LTPSIZE [18:16], 4 (no tail predication) at reset
constexpr uint32_t kLtpsizeMask = 7u << kLtpsizeShift;
constexpr uint32_t kFZ16 = 1u << 19;
constexpr uint32_t kRModeShift = 22;
constexpr uint32_t kFZ = 1u << 24;
constexpr uint32_t kDN = 1u << 25;
constexpr uint32_t kAHP = 1u << 26;
constexpr uint32_t kQC = 1u << 27;
constexpr uint32_t kNZCV = 0xf0000000u;
// The bits VMSR FPSCR writes. With MVE, LTPSIZE is writable too (as QEMU's M-profile model also
// does), besides being set by DLSTP/WLSTP.
constexpr uint32_t kWritable =
    kNZCV | kQC | kAHP | kDN | kFZ | (3u << kRModeShift) | kFZ16 | kLtpsizeMask | kExceptionFlags;
constexpr uint32_t kResetValue = 4u << kLtpsizeShift;
}  // namespace fpscr

// The controls an operation reads and the flags it accumulates.
struct FpEnv {
  Rounding rounding = Rounding::TieEven;
  bool fz = false;     // FPSCR.FZ: flush single/double denormals to zero
  bool fz16 = false;   // FPSCR.FZ16: flush half-precision denormals in arithmetic
  bool dn = false;     // FPSCR.DN: NaN results are the default NaN
  bool ahp = false;    // FPSCR.AHP: half-precision conversions use the alternative format
  uint32_t flags = 0;  // exceptions raised, FPSCR bit positions

  static FpEnv from_fpscr(uint32_t value) {
    FpEnv env;
    env.rounding = static_cast<Rounding>((value >> fpscr::kRModeShift) & 3);
    env.fz = (value & fpscr::kFZ) != 0;
    env.fz16 = (value & fpscr::kFZ16) != 0;
    env.dn = (value & fpscr::kDN) != 0;
    env.ahp = (value & fpscr::kAHP) != 0;
    return env;
  }
};

// FPDefaultNaN(), FPInfinity(), FPZero(), FPMaxNormal() for `format`.
uint64_t default_nan(Format format);
uint64_t infinity(Format format, bool sign);
uint64_t zero(Format format, bool sign);
bool is_nan(Format format, uint64_t bits);

// FPNeg / FPAbs: sign-bit operations, no exceptions, NaNs included.
uint64_t negate(Format format, uint64_t bits);
uint64_t absolute(Format format, uint64_t bits);

// Arithmetic: FPAdd, FPSub, FPMul, FPDiv, FPSqrt and FPMulAdd (addend + op1 * op2 with a single
// rounding; NaN selection order addend, op1, op2).
uint64_t add(Format format, uint64_t op1, uint64_t op2, FpEnv& env);
uint64_t sub(Format format, uint64_t op1, uint64_t op2, FpEnv& env);
uint64_t mul(Format format, uint64_t op1, uint64_t op2, FpEnv& env);
uint64_t div(Format format, uint64_t op1, uint64_t op2, FpEnv& env);
uint64_t sqrt(Format format, uint64_t op, FpEnv& env);
uint64_t mul_add(Format format, uint64_t addend, uint64_t op1, uint64_t op2, FpEnv& env);

// FPMaxNum / FPMinNum (IEEE 754-2008 maxNum/minNum: a quiet NaN loses against a number).
uint64_t max_num(Format format, uint64_t op1, uint64_t op2, FpEnv& env);
uint64_t min_num(Format format, uint64_t op1, uint64_t op2, FpEnv& env);

// FPCompare: the NZCV result (bits [31:28]): equal 0110, less 1000, greater 0010, unordered 0011.
// Invalid Operation for a signalling NaN, or for any NaN when `signal_quiet_nans` (VCMPE).
uint32_t compare(Format format, uint64_t op1, uint64_t op2, bool signal_quiet_nans, FpEnv& env);

// FPRoundInt: round to an integral value in the same format; Inexact only when `exact` (VRINTX).
uint64_t round_to_integral(Format format, uint64_t op, Rounding rounding, bool exact, FpEnv& env);

// FPToFixed: op * 2^fraction_bits rounded with `rounding`, saturated to a `width`-bit (16 or 32)
// signed or unsigned integer; NaN gives 0. Invalid Operation on NaN or saturation, Inexact
// otherwise when not exact. The result is the low `width` bits (not extended).
uint32_t to_fixed(Format format, uint64_t op, unsigned fraction_bits, bool is_unsigned,
                  unsigned width, Rounding rounding, FpEnv& env);
// FixedToFP: the low `width` bits of `value` as a signed or unsigned fixed-point number with
// `fraction_bits` fraction bits, rounded to `format` with `rounding`.
uint64_t from_fixed(Format format, uint32_t value, unsigned fraction_bits, bool is_unsigned,
                    unsigned width, Rounding rounding, FpEnv& env);

// FPConvert between formats, rounding with env.rounding. Half precision honours env.ahp.
uint64_t convert(Format to, Format from, uint64_t op, FpEnv& env);

}  // namespace minifvp::cpu::fp
