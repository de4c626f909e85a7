// The Armv8-M ARM's shared pseudocode functions (chapter "Pseudocode library" and the
// "Shared pseudocode" appendix), as small inline functions. Names follow the manual so a reader can
// put the two side by side.
#pragma once

#include <cstdint>
#include <utility>

#include "cpu/decode/decoded_insn.h"
#include "cpu/state.h"

namespace minifvp::cpu {

struct ResultCarry {
  uint32_t result;
  bool carry;
};

struct AddResult {
  uint32_t result;
  bool carry;
  bool overflow;
};

// AddWithCarry(x, y, carry_in)
inline AddResult add_with_carry(uint32_t x, uint32_t y, bool carry_in) {
  const uint64_t unsigned_sum = uint64_t{x} + uint64_t{y} + uint64_t{carry_in};
  const int64_t signed_sum =
      int64_t{static_cast<int32_t>(x)} + int64_t{static_cast<int32_t>(y)} + int64_t{carry_in};
  const uint32_t result = static_cast<uint32_t>(unsigned_sum);
  return {result, uint64_t{result} != unsigned_sum,
          int64_t{static_cast<int32_t>(result)} != signed_sum};
}

// LSL_C, LSR_C, ASR_C, ROR_C, RRX_C. `amount` may be any value >= 1 for the _C forms, as produced
// by register-controlled shifts (amounts of 32 and above are handled as the pseudocode's
// extended-precision definitions give).
inline ResultCarry lsl_c(uint32_t x, unsigned amount) {
  if (amount == 0) return {x, false};
  if (amount < 32) return {x << amount, ((x >> (32 - amount)) & 1) != 0};
  if (amount == 32) return {0, (x & 1) != 0};
  return {0, false};
}
inline ResultCarry lsr_c(uint32_t x, unsigned amount) {
  if (amount == 0) return {x, false};
  if (amount < 32) return {x >> amount, ((x >> (amount - 1)) & 1) != 0};
  if (amount == 32) return {0, (x >> 31) != 0};
  return {0, false};
}
inline ResultCarry asr_c(uint32_t x, unsigned amount) {
  const auto sx = static_cast<int32_t>(x);
  if (amount == 0) return {x, false};
  if (amount < 32) return {static_cast<uint32_t>(sx >> amount), ((sx >> (amount - 1)) & 1) != 0};
  return {static_cast<uint32_t>(sx >> 31), (x >> 31) != 0};
}
inline ResultCarry ror_c(uint32_t x, unsigned amount) {
  const unsigned m = amount % 32;
  const uint32_t result = m == 0 ? x : (x >> m) | (x << (32 - m));
  return {result, (result >> 31) != 0};
}
inline ResultCarry rrx_c(uint32_t x, bool carry_in) {
  return {(uint32_t{carry_in} << 31) | (x >> 1), (x & 1) != 0};
}

// Shift_C(value, type, amount, carry_in): amount 0 returns the value and carry_in unchanged.
inline ResultCarry shift_c(uint32_t value, ShiftType type, unsigned amount, bool carry_in) {
  if (type == ShiftType::RRX) return rrx_c(value, carry_in);  // amount is 1 by construction
  if (amount == 0) return {value, carry_in};
  switch (type) {
    case ShiftType::LSL:
      return lsl_c(value, amount);
    case ShiftType::LSR:
      return lsr_c(value, amount);
    case ShiftType::ASR:
      return asr_c(value, amount);
    case ShiftType::ROR:
      return ror_c(value, amount);
    case ShiftType::RRX:
      break;
  }
  return {value, carry_in};
}
inline uint32_t shift(uint32_t value, ShiftType type, unsigned amount, bool carry_in) {
  return shift_c(value, type, amount, carry_in).result;
}

// DecodeImmShift(type, imm5)
inline std::pair<ShiftType, uint8_t> decode_imm_shift(uint32_t type, uint32_t imm5) {
  switch (type & 3) {
    case 0:
      return {ShiftType::LSL, static_cast<uint8_t>(imm5)};
    case 1:
      return {ShiftType::LSR, static_cast<uint8_t>(imm5 == 0 ? 32 : imm5)};
    case 2:
      return {ShiftType::ASR, static_cast<uint8_t>(imm5 == 0 ? 32 : imm5)};
    default:
      if (imm5 == 0) return {ShiftType::RRX, 1};
      return {ShiftType::ROR, static_cast<uint8_t>(imm5)};
  }
}

// DecodeRegShift(type)
inline ShiftType decode_reg_shift(uint32_t type) {
  return static_cast<ShiftType>(type & 3);
}

// ThumbExpandImm_C(imm12, carry_in)
inline ResultCarry thumb_expand_imm_c(uint32_t imm12, bool carry_in) {
  if ((imm12 >> 10) == 0) {
    const uint32_t imm8 = imm12 & 0xff;
    switch ((imm12 >> 8) & 3) {
      case 0:
        return {imm8, carry_in};
      case 1:
        return {(imm8 << 16) | imm8, carry_in};
      case 2:
        return {(imm8 << 24) | (imm8 << 8), carry_in};
      default:
        return {(imm8 << 24) | (imm8 << 16) | (imm8 << 8) | imm8, carry_in};
    }
  }
  const uint32_t unrotated = 0x80 | (imm12 & 0x7f);
  return ror_c(unrotated, imm12 >> 7);
}

// ConditionHolds(cond) over the APSR flags.
inline bool condition_holds(const CpuState& s, unsigned cond) {
  bool result;
  switch (cond >> 1) {
    case 0:
      result = s.z;
      break;
    case 1:
      result = s.c;
      break;
    case 2:
      result = s.n;
      break;
    case 3:
      result = s.v;
      break;
    case 4:
      result = s.c && !s.z;
      break;
    case 5:
      result = s.n == s.v;
      break;
    case 6:
      result = s.n == s.v && !s.z;
      break;
    default:
      return true;  // AL (and 0b1111, treated as AL where it is allowed at all)
  }
  return (cond & 1) ? !result : result;
}

// SignedSatQ(i, n) / UnsignedSatQ(i, n): saturate a 64-bit value to n bits; second is "saturated".
inline std::pair<int64_t, bool> signed_sat_q(int64_t i, unsigned n) {
  const int64_t max = (int64_t{1} << (n - 1)) - 1;
  const int64_t min = -(int64_t{1} << (n - 1));
  if (i > max) return {max, true};
  if (i < min) return {min, true};
  return {i, false};
}
inline std::pair<int64_t, bool> unsigned_sat_q(int64_t i, unsigned n) {
  const int64_t max = n >= 63 ? INT64_MAX : (int64_t{1} << n) - 1;
  if (i > max) return {max, true};
  if (i < 0) return {0, true};
  return {i, false};
}

// SignedSat(i, n) / UnsignedSat(i, n) for n in 1..32, returning the saturated value as the low n
// bits of a 32-bit register (sign-extended for SignedSat) and whether saturation happened.
struct SatResult {
  uint32_t value;
  bool saturated;
};
inline SatResult signed_sat(int64_t i, unsigned n) {
  const auto [value, saturated] = signed_sat_q(i, n);
  return {static_cast<uint32_t>(value), saturated};
}
inline SatResult unsigned_sat(int64_t i, unsigned n) {
  const auto [value, saturated] = unsigned_sat_q(i, n);
  return {static_cast<uint32_t>(value), saturated};
}

// Align(PC, 4) as ADR and the literal forms use it.
constexpr uint32_t align4(uint32_t x) {
  return x & ~3u;
}

// The stack limit that applies to writes of the current SP (Armv8-M ARM, LookUpSP() and
// ViolatesSPLim()): MSPLIM in Handler mode or when CONTROL.SPSEL is 0, PSPLIM otherwise. Without
// the Security Extension there is one bank of limits.
inline uint32_t current_sp_limit(const CpuState& s) {
  const bool process = s.ipsr == 0 && (s.control & 2) != 0;
  return process ? s.psplim : s.msplim;
}

// Halfword and byte lanes of a register, signed or unsigned, as the DSP pseudocode slices them.
constexpr int32_t lane16_signed(uint32_t x, unsigned lane) {
  return static_cast<int16_t>(static_cast<uint16_t>(x >> (16 * lane)));
}
constexpr int32_t lane16_unsigned(uint32_t x, unsigned lane) {
  return static_cast<int32_t>((x >> (16 * lane)) & 0xffff);
}
constexpr int32_t lane8_signed(uint32_t x, unsigned lane) {
  return static_cast<int8_t>(static_cast<uint8_t>(x >> (8 * lane)));
}
constexpr int32_t lane8_unsigned(uint32_t x, unsigned lane) {
  return static_cast<int32_t>((x >> (8 * lane)) & 0xff);
}

// SignExtend of the low `bits` bits.
constexpr int32_t sign_extend(uint32_t value, unsigned bits) {
  const uint32_t m = 1u << (bits - 1);
  value &= (bits >= 32) ? 0xffffffffu : ((1u << bits) - 1);
  return static_cast<int32_t>((value ^ m) - m);
}

}  // namespace minifvp::cpu
