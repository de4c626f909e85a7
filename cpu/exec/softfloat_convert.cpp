// FPCompare, FPRoundInt, FPToFixed, FixedToFP and FPConvert (Armv8-M ARM, "Floating-point
// pseudocode").
#include "cpu/exec/softfloat_internal.h"

namespace minifvp::cpu::fp {

using namespace detail;

namespace {

// A finite or infinite unpacked value's magnitude rounded to an integer: the integer part of
// sig * 2^(exp + scale) and the rounding decision. Saturates the magnitude at 2^64 - 1 (callers
// only need to know that it is out of their range).
struct IntegerMagnitude {
  uint64_t magnitude = 0;
  bool inexact = false;
  bool huge = false;  // does not fit in 64 bits
};

IntegerMagnitude round_magnitude(const Unpacked& u, int32_t scale, Rounding rounding) {
  IntegerMagnitude out;
  if (u.kind == Kind::Zero) return out;
  if (u.kind == Kind::Infinity) {
    out.huge = true;
    out.magnitude = ~uint64_t{0};
    return out;
  }
  const int32_t exp = u.exp + scale;
  if (exp >= 0) {
    if (exp >= 64 || (exp != 0 && (u.sig >> (64 - exp)) != 0)) {
      out.huge = true;
      out.magnitude = ~uint64_t{0};
    } else {
      out.magnitude = u.sig << exp;
    }
    return out;
  }
  // Below the binary point: a half bit and a sticky bit decide the rounding (guard 0-3, 2 = half).
  const int n = -exp;
  uint64_t magnitude = n >= 64 ? 0 : u.sig >> n;
  const bool half_bit = n <= 64 && ((u.sig >> (n - 1)) & 1) != 0;
  const bool sticky = n - 1 >= 64 ? u.sig != 0 : (u.sig & ((uint64_t{1} << (n - 1)) - 1)) != 0;
  const uint64_t guard = (half_bit ? 2 : 0) | (sticky ? 1 : 0);
  out.inexact = guard != 0;
  if (rounds_up(rounding, u.sign, (magnitude & 1) != 0, guard, 2)) {
    ++magnitude;
    if (magnitude == 0) out.huge = true;
  }
  out.magnitude = magnitude;
  return out;
}

}  // namespace

uint32_t compare(Format format, uint64_t op1, uint64_t op2, bool signal_quiet_nans, FpEnv& env) {
  const Unpacked a = unpack(format, op1, env);
  const Unpacked b = unpack(format, op2, env);
  if (a.is_nan() || b.is_nan()) {
    if (a.kind == Kind::SNaN || b.kind == Kind::SNaN || signal_quiet_nans) {
      env.flags |= fpscr::kIOC;
    }
    return 0x30000000u;
  }
  // Non-NaN encodings order like sign-magnitude integers; flushed denormals compare as zeros.
  const uint64_t magnitude_mask = info(format).sign_bit() - 1;
  const uint64_t mag_a = a.kind == Kind::Zero ? 0 : a.bits & magnitude_mask;
  const uint64_t mag_b = b.kind == Kind::Zero ? 0 : b.bits & magnitude_mask;
  const int64_t key_a = a.sign ? -static_cast<int64_t>(mag_a) : static_cast<int64_t>(mag_a);
  const int64_t key_b = b.sign ? -static_cast<int64_t>(mag_b) : static_cast<int64_t>(mag_b);
  if (key_a == key_b) return 0x60000000u;
  return key_a < key_b ? 0x80000000u : 0x20000000u;
}

uint64_t round_to_integral(Format format, uint64_t op, Rounding rounding, bool exact, FpEnv& env) {
  const Unpacked a = unpack(format, op, env);
  if (a.is_nan()) return process_nan(format, a, env);
  if (a.kind == Kind::Infinity) return infinity(format, a.sign);
  if (a.kind == Kind::Zero) return zero(format, a.sign);
  if (a.exp >= 0) return a.bits;  // already integral
  const IntegerMagnitude r = round_magnitude(a, 0, rounding);
  if (r.inexact && exact) env.flags |= fpscr::kIXC;
  if (r.magnitude == 0) return zero(format, a.sign);
  // The rounded integer is representable: FPRound is exact and raises nothing.
  return round_pack(format, a.sign, 0, r.magnitude, Rounding::Zero, env);
}

uint32_t to_fixed(Format format, uint64_t op, unsigned fraction_bits, bool is_unsigned,
                  unsigned width, Rounding rounding, FpEnv& env) {
  const Unpacked a = unpack(format, op, env);
  if (a.is_nan()) {
    env.flags |= fpscr::kIOC;
    return 0;
  }
  const IntegerMagnitude r = round_magnitude(a, static_cast<int32_t>(fraction_bits), rounding);
  const uint64_t unsigned_max = (uint64_t{1} << width) - 1;
  const uint64_t signed_max = (uint64_t{1} << (width - 1)) - 1;
  uint64_t result = 0;
  bool overflow = false;
  if (is_unsigned) {
    if (a.sign && r.magnitude != 0) {
      overflow = true;
      result = 0;
    } else if (r.huge || r.magnitude > unsigned_max) {
      overflow = true;
      result = unsigned_max;
    } else {
      result = r.magnitude;
    }
  } else if (a.sign) {
    if (r.huge || r.magnitude > signed_max + 1) {
      overflow = true;
      result = signed_max + 1;  // the most negative value, as a width-bit pattern
    } else {
      result = (~r.magnitude + 1) & unsigned_max;
    }
  } else if (r.huge || r.magnitude > signed_max) {
    overflow = true;
    result = signed_max;
  } else {
    result = r.magnitude;
  }
  if (overflow) {
    env.flags |= fpscr::kIOC;
  } else if (r.inexact) {
    env.flags |= fpscr::kIXC;
  }
  return static_cast<uint32_t>(result);
}

uint64_t from_fixed(Format format, uint32_t value, unsigned fraction_bits, bool is_unsigned,
                    unsigned width, Rounding rounding, FpEnv& env) {
  const uint32_t mask = width >= 32 ? ~0u : (1u << width) - 1;
  value &= mask;
  bool sign = false;
  uint64_t magnitude = value;
  if (!is_unsigned && (value >> (width - 1)) != 0) {
    sign = true;
    magnitude = (~uint64_t{value} + 1) & mask;
    if (magnitude == 0) magnitude = uint64_t{1} << (width - 1);  // the most negative value
  }
  if (magnitude == 0) return zero(format, false);
  return round_pack(format, sign, -static_cast<int32_t>(fraction_bits), magnitude, rounding, env);
}

uint64_t convert(Format to, Format from, uint64_t op, FpEnv& env) {
  const Unpacked a = unpack(from, op, env, Mode::Conversion);
  const bool alternative_half = to == Format::F16 && env.ahp;
  const FormatInfo fi = info(from), ti = info(to);
  if (a.is_nan()) {
    uint64_t result = 0;
    if (alternative_half) {
      result = zero(to, a.sign);
    } else if (env.dn) {
      result = default_nan(to);
    } else {
      // FPConvertNaN: sign, quiet bit set, payload's most significant bits kept.
      const uint64_t payload = a.bits & (fi.frac_mask() >> 1);
      const int shift = ti.frac_bits - fi.frac_bits;
      const uint64_t moved = shift >= 0 ? payload << shift : payload >> -shift;
      result = (a.sign ? ti.sign_bit() : 0) | (ti.exp_all_ones() << ti.frac_bits) | ti.quiet_bit() |
               (moved & (ti.frac_mask() >> 1));
    }
    if (a.kind == Kind::SNaN || alternative_half) env.flags |= fpscr::kIOC;
    return result;
  }
  if (a.kind == Kind::Infinity) {
    if (alternative_half) {
      env.flags |= fpscr::kIOC;
      return (a.sign ? ti.sign_bit() : 0) | 0x7fff;
    }
    return infinity(to, a.sign);
  }
  if (a.kind == Kind::Zero) return zero(to, a.sign);
  return round_pack(to, a.sign, a.exp, a.sig, env.rounding, env, Mode::Conversion);
}

}  // namespace minifvp::cpu::fp
