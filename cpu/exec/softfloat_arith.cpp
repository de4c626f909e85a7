// FPAdd, FPSub, FPMul, FPDiv, FPSqrt, FPMulAdd, FPMaxNum and FPMinNum (Armv8-M ARM, "Floating-point
// pseudocode"), with exact integer significand arithmetic and a single FPRound per result.
#include <utility>

#include "cpu/exec/softfloat_internal.h"

namespace minifvp::cpu::fp {

using namespace detail;

namespace {

// sign * (sig_a * 2^exp_a) + sign_b * (sig_b * 2^exp_b) for non-zero 128-bit significands, rounded.
// Both are first normalised to bit 125 so that aligning the smaller one only loses bits (into the
// sticky bit) far below any rounding point; an exact zero sum follows the pseudocode's sign rule.
uint64_t add_exact(Format format, bool sign_a, int32_t exp_a, u128 sig_a, bool sign_b,
                   int32_t exp_b, u128 sig_b, FpEnv& env) {
  const int shift_a = leading_zeros128(sig_a) - 2;
  sig_a <<= shift_a;
  exp_a -= shift_a;
  const int shift_b = leading_zeros128(sig_b) - 2;
  sig_b <<= shift_b;
  exp_b -= shift_b;
  if (exp_a < exp_b) {
    std::swap(sign_a, sign_b);
    std::swap(exp_a, exp_b);
    std::swap(sig_a, sig_b);
  }
  const int64_t distance = int64_t{exp_a} - exp_b;
  sig_b = shift_right_jam128(sig_b, distance > 200 ? 200 : static_cast<int>(distance));
  u128 sum = 0;
  bool sign = sign_a;
  if (sign_a == sign_b) {
    sum = sig_a + sig_b;
  } else if (sig_a >= sig_b) {
    sum = sig_a - sig_b;
  } else {
    sum = sig_b - sig_a;
    sign = sign_b;
  }
  if (sum == 0) return zero(format, env.rounding == Rounding::NegInf);
  int32_t exp = exp_a;
  const uint64_t sig = narrow(sum, exp);
  return round_pack(format, sign, exp, sig, env.rounding, env);
}

uint64_t add_unpacked(Format format, const Unpacked& a, const Unpacked& b, FpEnv& env) {
  uint64_t result = 0;
  if (process_nans(format, a, b, env, result)) return result;
  const bool inf_a = a.kind == Kind::Infinity, inf_b = b.kind == Kind::Infinity;
  const bool zero_a = a.kind == Kind::Zero, zero_b = b.kind == Kind::Zero;
  if (inf_a && inf_b && a.sign != b.sign) {
    env.flags |= fpscr::kIOC;
    return default_nan(format);
  }
  if (inf_a || inf_b) return infinity(format, inf_a ? a.sign : b.sign);
  if (zero_a && zero_b) {
    return zero(format, a.sign == b.sign ? a.sign : env.rounding == Rounding::NegInf);
  }
  if (zero_a) return round_pack(format, b.sign, b.exp, b.sig, env.rounding, env);
  if (zero_b) return round_pack(format, a.sign, a.exp, a.sig, env.rounding, env);
  return add_exact(format, a.sign, a.exp, a.sig, b.sign, b.exp, b.sig, env);
}

// floor(sqrt(radicand)) by the bit-by-bit method; `remainder` = radicand - root^2.
template <typename U>
U integer_sqrt(U radicand, U& remainder) {
  U root = 0;
  U bit = U{1} << (sizeof(U) * 8 - 2);
  while (bit > radicand) bit >>= 2;
  while (bit != 0) {
    if (radicand >= root + bit) {
      radicand -= root + bit;
      root = (root >> 1) + bit;
    } else {
      root >>= 1;
    }
    bit >>= 2;
  }
  remainder = radicand;
  return root;
}

enum class Extremum : uint8_t { Max, Min };

// FPMax / FPMin once NaNs are settled: the larger (smaller) value; for two zeros +0 (-0) wins.
uint64_t extremum(Format format, uint64_t op1, uint64_t op2, Extremum which, FpEnv& env) {
  const Unpacked a = unpack(format, op1, env);
  const Unpacked b = unpack(format, op2, env);
  uint64_t result = 0;
  if (process_nans(format, a, b, env, result)) return result;
  if (a.kind == Kind::Zero && b.kind == Kind::Zero) {
    return zero(format, which == Extremum::Max ? (a.sign && b.sign) : (a.sign || b.sign));
  }
  const uint32_t nzcv = compare(format, op1, op2, false, env);
  const bool first_greater = nzcv == 0x20000000u;
  const bool pick_first = which == Extremum::Max ? first_greater : !first_greater;
  const Unpacked& chosen = pick_first ? a : b;
  // The chosen operand re-encoded: a flushed denormal is a zero, anything else is unchanged.
  if (chosen.kind == Kind::Zero) return zero(format, chosen.sign);
  return chosen.bits;
}

uint64_t extremum_num(Format format, uint64_t op1, uint64_t op2, Extremum which, FpEnv& env) {
  const bool qnan1 = is_nan(format, op1) && (op1 & info(format).quiet_bit()) != 0;
  const bool qnan2 = is_nan(format, op2) && (op2 & info(format).quiet_bit()) != 0;
  // A quiet NaN against a number becomes the infinity that loses.
  const bool losing_sign = which == Extremum::Max;
  if (qnan1 && !qnan2) op1 = infinity(format, losing_sign);
  if (!qnan1 && qnan2) op2 = infinity(format, losing_sign);
  return extremum(format, op1, op2, which, env);
}

}  // namespace

uint64_t add(Format format, uint64_t op1, uint64_t op2, FpEnv& env) {
  return add_unpacked(format, unpack(format, op1, env), unpack(format, op2, env), env);
}

uint64_t sub(Format format, uint64_t op1, uint64_t op2, FpEnv& env) {
  const Unpacked a = unpack(format, op1, env);
  Unpacked b = unpack(format, op2, env);
  // FPSub is FPAdd with the second operand's sign inverted, NaNs excepted (their sign is kept).
  if (!b.is_nan()) b.sign = !b.sign;
  return add_unpacked(format, a, b, env);
}

uint64_t mul(Format format, uint64_t op1, uint64_t op2, FpEnv& env) {
  const Unpacked a = unpack(format, op1, env);
  const Unpacked b = unpack(format, op2, env);
  uint64_t result = 0;
  if (process_nans(format, a, b, env, result)) return result;
  const bool sign = a.sign != b.sign;
  const bool inf_a = a.kind == Kind::Infinity, inf_b = b.kind == Kind::Infinity;
  const bool zero_a = a.kind == Kind::Zero, zero_b = b.kind == Kind::Zero;
  if ((inf_a && zero_b) || (zero_a && inf_b)) {
    env.flags |= fpscr::kIOC;
    return default_nan(format);
  }
  if (inf_a || inf_b) return infinity(format, sign);
  if (zero_a || zero_b) return zero(format, sign);
  int32_t exp = a.exp + b.exp;
  const uint64_t sig = narrow(u128{a.sig} * b.sig, exp);
  return round_pack(format, sign, exp, sig, env.rounding, env);
}

uint64_t div(Format format, uint64_t op1, uint64_t op2, FpEnv& env) {
  const Unpacked a = unpack(format, op1, env);
  const Unpacked b = unpack(format, op2, env);
  uint64_t result = 0;
  if (process_nans(format, a, b, env, result)) return result;
  const bool sign = a.sign != b.sign;
  const bool inf_a = a.kind == Kind::Infinity, inf_b = b.kind == Kind::Infinity;
  const bool zero_a = a.kind == Kind::Zero, zero_b = b.kind == Kind::Zero;
  if ((inf_a && inf_b) || (zero_a && zero_b)) {
    env.flags |= fpscr::kIOC;
    return default_nan(format);
  }
  if (inf_a || zero_b) {
    if (!inf_a) env.flags |= fpscr::kDZC;
    return infinity(format, sign);
  }
  if (zero_a || inf_b) return zero(format, sign);
  // Both significands normalised to bit 63: the 128-bit quotient has 64 or 65 significant bits,
  // and a non-zero remainder is folded into its lowest bit.
  const int lz_a = std::countl_zero(a.sig), lz_b = std::countl_zero(b.sig);
  const uint64_t divisor = b.sig << lz_b;
  const u128 dividend = u128{a.sig << lz_a} << 64;
  u128 quotient = dividend / divisor;
  if (dividend % divisor != 0) quotient |= 1;
  int32_t exp = (a.exp - lz_a) - (b.exp - lz_b) - 64;
  const uint64_t sig = narrow(quotient, exp);
  return round_pack(format, sign, exp, sig, env.rounding, env);
}

uint64_t sqrt(Format format, uint64_t op, FpEnv& env) {
  const Unpacked a = unpack(format, op, env);
  if (a.is_nan()) return process_nan(format, a, env);
  if (a.kind == Kind::Zero) return zero(format, a.sign);
  if (a.sign) {
    env.flags |= fpscr::kIOC;
    return default_nan(format);
  }
  if (a.kind == Kind::Infinity) return infinity(format, false);
  // Radicand sig * 2^exp with an even exponent, scaled so that its top bit is at bit 124 or 125
  // (double: a 63-bit root) or 60 or 61 (half and single: a 31-bit root), well beyond the
  // format's precision plus a rounding bit; a non-zero remainder goes to the sticky bit.
  int32_t exp = a.exp;
  uint64_t sig = 0;
  const int top = 63 - std::countl_zero(a.sig);
  if (format == Format::F64) {
    int shift = 124 - top;
    if (((exp - shift) & 1) != 0) ++shift;
    u128 remainder = 0;
    sig = static_cast<uint64_t>(integer_sqrt(u128{a.sig} << shift, remainder));
    if (remainder != 0) sig |= 1;
    exp -= shift;
  } else {
    int shift = 60 - top;
    if (((exp - shift) & 1) != 0) ++shift;
    uint64_t remainder = 0;
    sig = integer_sqrt(a.sig << shift, remainder);
    if (remainder != 0) sig |= 1;
    exp -= shift;
  }
  return round_pack(format, false, exp / 2, sig, env.rounding, env);
}

uint64_t mul_add(Format format, uint64_t addend, uint64_t op1, uint64_t op2, FpEnv& env) {
  const Unpacked c = unpack(format, addend, env);
  const Unpacked a = unpack(format, op1, env);
  const Unpacked b = unpack(format, op2, env);
  uint64_t result = 0;
  const bool inf_a = a.kind == Kind::Infinity, inf_b = b.kind == Kind::Infinity;
  const bool zero_a = a.kind == Kind::Zero, zero_b = b.kind == Kind::Zero;
  const bool invalid_product = (inf_a && zero_b) || (zero_a && inf_b);
  if (process_nans3(format, c, a, b, env, result)) {
    // A quiet NaN addend does not hide an invalid 0 * infinity product.
    if (c.kind == Kind::QNaN && invalid_product) {
      env.flags |= fpscr::kIOC;
      return default_nan(format);
    }
    return result;
  }
  const bool sign_p = a.sign != b.sign;
  const bool inf_p = inf_a || inf_b, zero_p = zero_a || zero_b;
  const bool inf_c = c.kind == Kind::Infinity, zero_c = c.kind == Kind::Zero;
  if (invalid_product || (inf_c && inf_p && c.sign != sign_p)) {
    env.flags |= fpscr::kIOC;
    return default_nan(format);
  }
  if (inf_c || inf_p) return infinity(format, inf_c ? c.sign : sign_p);
  if (zero_c && zero_p) {
    return zero(format, c.sign == sign_p ? c.sign : env.rounding == Rounding::NegInf);
  }
  if (zero_p) return round_pack(format, c.sign, c.exp, c.sig, env.rounding, env);
  const u128 product = u128{a.sig} * b.sig;
  const int32_t exp_p = a.exp + b.exp;
  if (zero_c) {
    int32_t exp = exp_p;
    const uint64_t sig = narrow(product, exp);
    return round_pack(format, sign_p, exp, sig, env.rounding, env);
  }
  return add_exact(format, sign_p, exp_p, product, c.sign, c.exp, c.sig, env);
}

uint64_t max_num(Format format, uint64_t op1, uint64_t op2, FpEnv& env) {
  return extremum_num(format, op1, op2, Extremum::Max, env);
}

uint64_t min_num(Format format, uint64_t op1, uint64_t op2, FpEnv& env) {
  return extremum_num(format, op1, op2, Extremum::Min, env);
}

}  // namespace minifvp::cpu::fp
