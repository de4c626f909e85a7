// FPUnpack, FPRound, NaN processing and the constant values (Armv8-M ARM, "Floating-point
// pseudocode").
#include <initializer_list>

#include "cpu/exec/softfloat_internal.h"

namespace minifvp::cpu::fp {

using detail::info;

uint64_t default_nan(Format format) {
  const detail::FormatInfo f = info(format);
  return (f.exp_all_ones() << f.frac_bits) | f.quiet_bit();
}

uint64_t infinity(Format format, bool sign) {
  const detail::FormatInfo f = info(format);
  return (sign ? f.sign_bit() : 0) | (f.exp_all_ones() << f.frac_bits);
}

uint64_t zero(Format format, bool sign) {
  return sign ? info(format).sign_bit() : 0;
}

bool is_nan(Format format, uint64_t bits) {
  const detail::FormatInfo f = info(format);
  return ((bits >> f.frac_bits) & f.exp_all_ones()) == f.exp_all_ones() &&
         (bits & f.frac_mask()) != 0;
}

uint64_t negate(Format format, uint64_t bits) {
  return bits ^ info(format).sign_bit();
}

uint64_t absolute(Format format, uint64_t bits) {
  return bits & ~info(format).sign_bit();
}

namespace detail {

Unpacked unpack(Format format, uint64_t bits, FpEnv& env, Mode mode) {
  const FormatInfo f = info(format);
  Unpacked u;
  u.bits = bits;
  u.sign = (bits & f.sign_bit()) != 0;
  const uint64_t exp_field = (bits >> f.frac_bits) & f.exp_all_ones();
  const uint64_t frac = bits & f.frac_mask();
  const bool alternative_half = format == Format::F16 && mode == Mode::Conversion && env.ahp;
  if (exp_field == 0) {
    if (frac == 0) {
      u.kind = Kind::Zero;
    } else if (format == Format::F16 ? (env.fz16 && mode == Mode::Arithmetic) : env.fz) {
      // Flushed input denormal. Only single and double precision report it (FPSCR.IDC).
      u.kind = Kind::Zero;
      if (format != Format::F16) env.flags |= fpscr::kIDC;
    } else {
      u.kind = Kind::Finite;
      u.exp = 1 - f.bias - f.frac_bits;
      u.sig = frac;
    }
  } else if (exp_field == f.exp_all_ones() && !alternative_half) {
    if (frac == 0) {
      u.kind = Kind::Infinity;
    } else {
      u.kind = (frac & f.quiet_bit()) != 0 ? Kind::QNaN : Kind::SNaN;
    }
  } else {
    u.kind = Kind::Finite;
    u.exp = static_cast<int32_t>(exp_field) - f.bias - f.frac_bits;
    u.sig = frac | (uint64_t{1} << f.frac_bits);
  }
  return u;
}

uint64_t round_pack(Format format, bool sign, int32_t exp, uint64_t sig, Rounding rounding,
                    FpEnv& env, Mode mode) {
  const FormatInfo f = info(format);
  const uint64_t sign_bits = sign ? f.sign_bit() : 0;
  // Normalise: leading one at bit 63, value = 1.xxx * 2^exponent.
  const int lz = std::countl_zero(sig);
  sig <<= lz;
  const int32_t exponent = exp + 63 - lz;
  const int32_t minimum_exp = 1 - f.bias;
  const bool flush = format == Format::F16 ? (env.fz16 && mode == Mode::Arithmetic) : env.fz;
  if (flush && exponent < minimum_exp) {
    env.flags |= fpscr::kUFC;  // flushed output: Underflow, not Inexact
    return sign_bits;
  }
  int32_t biased_exp = exponent - minimum_exp + 1;
  if (biased_exp <= 0) {
    sig = shift_right_jam(sig, 1 - biased_exp);
    biased_exp = 0;
  }
  // int_mant holds F+1 bits (the hidden bit included for normal numbers); rem is the error.
  const int dropped = 63 - f.frac_bits;
  uint64_t int_mant = sig >> dropped;
  const uint64_t rem = sig & ((uint64_t{1} << dropped) - 1);
  const uint64_t half = uint64_t{1} << (dropped - 1);
  if (biased_exp == 0 && rem != 0) env.flags |= fpscr::kUFC;  // tiny before rounding, inexact
  bool overflow_to_inf = false;
  switch (rounding) {
    case Rounding::TieEven:
    case Rounding::TieAway:
      overflow_to_inf = true;
      break;
    case Rounding::PosInf:
      overflow_to_inf = !sign;
      break;
    case Rounding::NegInf:
      overflow_to_inf = sign;
      break;
    case Rounding::Zero:
      overflow_to_inf = false;
      break;
  }
  if (rounds_up(rounding, sign, (int_mant & 1) != 0, rem, half)) {
    ++int_mant;
    if (int_mant == (uint64_t{1} << f.frac_bits)) biased_exp = 1;  // denormal became normal
    if (int_mant == (uint64_t{1} << (f.frac_bits + 1))) {          // carried out
      ++biased_exp;
      int_mant >>= 1;
    }
  }
  bool inexact = rem != 0;
  uint64_t result = 0;
  if (format == Format::F16 && mode == Mode::Conversion && env.ahp) {
    // Alternative half precision: exponent 31 is a normal exponent, there is no infinity.
    if (biased_exp >= 32) {
      result = sign_bits | 0x7fff;
      env.flags |= fpscr::kIOC;
      inexact = false;
    } else {
      result = sign_bits | (uint64_t(biased_exp) << f.frac_bits) | (int_mant & f.frac_mask());
    }
  } else if (biased_exp >= static_cast<int32_t>(f.exp_all_ones())) {
    result = overflow_to_inf ? infinity(format, sign)
                             : sign_bits | ((f.exp_all_ones() - 1) << f.frac_bits) | f.frac_mask();
    env.flags |= fpscr::kOFC;
    inexact = true;
  } else {
    result = sign_bits | (uint64_t(biased_exp) << f.frac_bits) | (int_mant & f.frac_mask());
  }
  if (inexact) env.flags |= fpscr::kIXC;
  return result;
}

uint64_t process_nan(Format format, const Unpacked& op, FpEnv& env) {
  if (op.kind == Kind::SNaN) env.flags |= fpscr::kIOC;
  if (env.dn) return default_nan(format);
  return op.bits | info(format).quiet_bit();
}

bool process_nans(Format format, const Unpacked& a, const Unpacked& b, FpEnv& env,
                  uint64_t& result) {
  if (!a.is_nan() && !b.is_nan()) [[likely]]
    return false;
  return process_nans3(format, a, b, Unpacked{}, env, result);
}

bool process_nans3(Format format, const Unpacked& a, const Unpacked& b, const Unpacked& c,
                   FpEnv& env, uint64_t& result) {
  if (!a.is_nan() && !b.is_nan() && !c.is_nan()) [[likely]]
    return false;
  for (const Unpacked* op : {&a, &b, &c}) {
    if (op->kind == Kind::SNaN) {
      result = process_nan(format, *op, env);
      return true;
    }
  }
  for (const Unpacked* op : {&a, &b, &c}) {
    if (op->kind == Kind::QNaN) {
      result = process_nan(format, *op, env);
      return true;
    }
  }
  return false;
}

}  // namespace detail
}  // namespace minifvp::cpu::fp
