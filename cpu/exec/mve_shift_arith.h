// Exact integer arithmetic shared by the MVE shift and saturating instructions (cpu/exec/
// mve_shift.cpp, mve_saturate.cpp) and the scalar long shifts (mve_long_shift.cpp).
//
// The Arm ARM pseudocode of these instructions shifts unbounded integers (SInt/UInt of the
// element), adds the rounding constant 1 << (n - 1) for a rounding right shift by n, and then
// either saturates (SignedSatQ/UnsignedSatQ) or keeps the low bits. A 128-bit intermediate holds
// every such value exactly for elements of up to 64 bits, so the helpers below are that
// pseudocode, with no special cases for large shift amounts.
#pragma once

#include <cstdint>
#include <cstring>

#include "cpu/exec/mve_common.h"

namespace minifvp::cpu::exec::mve {

using Wide = __int128;

// The element's bits as an unbounded integer: SInt() when `is_signed`, else UInt().
inline Wide extend(uint64_t raw, unsigned bits, bool is_signed) {
  if (bits < 64) raw &= (uint64_t{1} << bits) - 1;
  if (is_signed) {
    const unsigned unused = 64 - bits;
    return static_cast<int64_t>(raw << unused) >> unused;
  }
  return raw;
}

// `value` shifted left by `shift`, or right by -shift when negative (rounding to nearest, ties
// up, when `round`). |value| must be below 2^64. A left shift of a nonzero value by 64 or more
// gives +-2^126: out of every element's range, and 0 in its low 64 bits, as truncation wants.
inline Wide exact_shift(Wide value, int shift, bool round) {
  if (shift >= 0) {
    if (value == 0) return 0;
    if (shift >= 64) return value > 0 ? Wide{1} << 126 : -(Wide{1} << 126);
    return value << shift;
  }
  int n = -shift;
  if (n > 65) n = 65;  // beyond 65 the result no longer changes for |value| < 2^64
  if (round) return (value + (Wide{1} << (n - 1))) >> n;
  return value >> n;
}

// SignedSatQ / UnsignedSatQ to `bits` bits: the result's bit pattern (low `bits` bits, the rest
// zero) and whether it saturated.
struct Saturated {
  uint64_t bits;
  bool saturated;
};
inline uint64_t low_bits(Wide value, unsigned bits) {
  const uint64_t raw = static_cast<uint64_t>(value);
  return bits >= 64 ? raw : raw & ((uint64_t{1} << bits) - 1);
}
inline Saturated saturate(Wide value, unsigned bits, bool is_signed) {
  const Wide max = is_signed ? (Wide{1} << (bits - 1)) - 1 : (Wide{1} << bits) - 1;
  const Wide min = is_signed ? -(Wide{1} << (bits - 1)) : 0;
  if (value > max) return {low_bits(max, bits), true};
  if (value < min) return {low_bits(min, bits), true};
  return {low_bits(value, bits), false};
}

}  // namespace minifvp::cpu::exec::mve
