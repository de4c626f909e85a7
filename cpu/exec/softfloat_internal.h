// Building blocks shared by the soft-float operations (cpu/exec/softfloat_*.cpp): the format
// parameters, FPUnpack, FPRound and the NaN selection functions of the Armv8-M ARM pseudocode.
//
// A finite non-zero value is held exactly as sign, a significand `sig` and an exponent `exp` with
// value = sig * 2^exp; operations compute an exact (or "jammed": low bits ORed into a sticky bit
// far below the rounding point) significand and hand it to round_pack(), which is FPRound.
#pragma once

#include <bit>
#include <cstdint>

#include "cpu/exec/softfloat.h"

namespace minifvp::cpu::fp::detail {

using u128 = unsigned __int128;

struct FormatInfo {
  int exp_bits;
  int frac_bits;
  int bias;
  uint64_t sign_bit() const { return uint64_t{1} << (exp_bits + frac_bits); }
  uint64_t frac_mask() const { return (uint64_t{1} << frac_bits) - 1; }
  uint64_t exp_all_ones() const { return (uint64_t{1} << exp_bits) - 1; }
  uint64_t quiet_bit() const { return uint64_t{1} << (frac_bits - 1); }
};

constexpr FormatInfo info(Format format) {
  switch (format) {
    case Format::F16:
      return {5, 10, 15};
    case Format::F32:
      return {8, 23, 127};
    case Format::F64:
      return {11, 52, 1023};
  }
  return {11, 52, 1023};
}

enum class Kind : uint8_t { Zero, Finite, Infinity, QNaN, SNaN };

struct Unpacked {
  Kind kind = Kind::Zero;
  bool sign = false;
  int32_t exp = 0;    // Finite: value = sig * 2^exp
  uint64_t sig = 0;   // Finite: non-zero
  uint64_t bits = 0;  // the operand as given (NaN payloads)

  bool is_nan() const { return kind == Kind::QNaN || kind == Kind::SNaN; }
};

// Which of the half-precision rules apply: arithmetic (FZ16, IEEE format) or conversion (AHP, no
// FZ16). Single and double precision behave the same in both.
enum class Mode : uint8_t { Arithmetic, Conversion };

// FPUnpack. A denormal input is flushed to zero when FZ (single/double, raising Input Denormal) or
// FZ16 (half, arithmetic only, no flag) is set.
Unpacked unpack(Format format, uint64_t bits, FpEnv& env, Mode mode = Mode::Arithmetic);

// FPRound: rounds sign * sig * 2^exp (sig != 0) to `format` with `rounding`, applying output
// flushing (FZ/FZ16), overflow, underflow (tininess before rounding) and inexact as the
// pseudocode does.
uint64_t round_pack(Format format, bool sign, int32_t exp, uint64_t sig, Rounding rounding,
                    FpEnv& env, Mode mode = Mode::Arithmetic);

// Shifts right, ORing every bit shifted out into bit 0 (so inexactness is never lost).
inline uint64_t shift_right_jam(uint64_t x, int n) {
  if (n <= 0) return x;
  if (n >= 64) return x != 0 ? 1 : 0;
  return (x >> n) | ((x << (64 - n)) != 0 ? 1 : 0);
}
inline u128 shift_right_jam128(u128 x, int n) {
  if (n <= 0) return x;
  if (n >= 128) return x != 0 ? 1 : 0;
  return (x >> n) | ((x << (128 - n)) != 0 ? 1 : 0);
}
inline int leading_zeros128(u128 x) {
  const auto hi = static_cast<uint64_t>(x >> 64);
  return hi != 0 ? std::countl_zero(hi) : 64 + std::countl_zero(static_cast<uint64_t>(x));
}
// Reduces a 128-bit jammed significand to 64 bits, adjusting `exp` to keep the value.
inline uint64_t narrow(u128 x, int32_t& exp) {
  const int shift = 64 - leading_zeros128(x);
  if (shift <= 0) return static_cast<uint64_t>(x);
  exp += shift;
  return static_cast<uint64_t>(shift_right_jam128(x, shift));
}

// FPProcessNaN: quiets a NaN (Invalid Operation if it was signalling), or the default NaN when DN.
uint64_t process_nan(Format format, const Unpacked& op, FpEnv& env);
// FPProcessNaNs / FPProcessNaNs3: the first signalling NaN, else the first quiet NaN, in operand
// order. Returns false when no operand is a NaN.
bool process_nans(Format format, const Unpacked& a, const Unpacked& b, FpEnv& env,
                  uint64_t& result);
bool process_nans3(Format format, const Unpacked& a, const Unpacked& b, const Unpacked& c,
                   FpEnv& env, uint64_t& result);

// Whether a magnitude with lowest kept bit `lsb_set` and discarded part `rem` (compared with
// `half`) rounds up, for a value of sign `sign`. `rem` and `half` are on the same scale.
inline bool rounds_up(Rounding rounding, bool sign, bool lsb_set, uint64_t rem, uint64_t half) {
  switch (rounding) {
    case Rounding::TieEven:
      return rem > half || (rem == half && lsb_set);
    case Rounding::TieAway:
      return rem >= half;
    case Rounding::PosInf:
      return rem != 0 && !sign;
    case Rounding::NegInf:
      return rem != 0 && sign;
    case Rounding::Zero:
      return false;
  }
  return false;
}

}  // namespace minifvp::cpu::fp::detail
