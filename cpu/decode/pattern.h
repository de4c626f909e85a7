// Bit-pattern strings for encoding tables, parsed at compile time.
//
// A pattern is written most-significant bit first, exactly as the Arm ARM draws an encoding:
// 16 characters for a 16-bit Thumb encoding, 32 for a 32-bit one (first halfword in the upper 16
// bits). '0' and '1' are fixed bits; a letter names a field ("nnnn" is Rn); 'x' is a bit the
// encoding does not use. A letter may appear in several places (i:imm3:imm8 written as "i...iii
// ...iiiiiiii"); its pieces concatenate in order, most significant first.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <string_view>

namespace minifvp::cpu {

struct BitPattern {
  uint32_t mask = 0;                       // 1 where the bit is fixed
  uint32_t value = 0;                      // the fixed bits
  uint8_t width = 0;                       // 16 or 32
  std::array<uint32_t, 52> field_masks{};  // a-z then A-Z

  bool matches(uint32_t raw) const { return (raw & mask) == value; }

  static constexpr int field_index(char letter) {
    if (letter >= 'a' && letter <= 'z') return letter - 'a';
    if (letter >= 'A' && letter <= 'Z') return 26 + (letter - 'A');
    return -1;
  }
};

consteval BitPattern parse_pattern(std::string_view text) {
  BitPattern p{};
  if (text.size() != 16 && text.size() != 32) throw "pattern must have 16 or 32 characters";
  p.width = static_cast<uint8_t>(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const uint32_t bit = 1u << (text.size() - 1 - i);
    const char c = text[i];
    if (c == '0' || c == '1') {
      p.mask |= bit;
      if (c == '1') p.value |= bit;
    } else if (c == 'x') {
      // unused bit
    } else if (BitPattern::field_index(c) >= 0) {
      p.field_masks[BitPattern::field_index(c)] |= bit;
    } else {
      throw "pattern characters are 0, 1, x or a field letter";
    }
  }
  return p;
}

// Gathers the bits of `raw` selected by `mask`, packed towards bit 0 (a software PEXT).
constexpr uint32_t gather_bits(uint32_t raw, uint32_t mask) {
  uint32_t out = 0;
  int pos = 0;
  for (uint32_t m = mask; m != 0; m &= m - 1) {
    const uint32_t low = m & (~m + 1);
    if (raw & low) out |= 1u << pos;
    ++pos;
  }
  return out;
}

// The named fields of one raw encoding, as handed to a decode function.
class Fields {
 public:
  constexpr Fields(uint32_t raw, const BitPattern& pattern) : raw_(raw), pattern_(&pattern) {}

  // The value of field `letter` ('n' for Rn, 'S' for the setflags bit, ...).
  constexpr uint32_t operator[](char letter) const {
    return gather_bits(raw_, pattern_->field_masks[BitPattern::field_index(letter)]);
  }
  constexpr uint32_t raw() const { return raw_; }
  // Number of bits in field `letter`.
  constexpr int width(char letter) const {
    return std::popcount(pattern_->field_masks[BitPattern::field_index(letter)]);
  }

 private:
  uint32_t raw_;
  const BitPattern* pattern_;
};

}  // namespace minifvp::cpu
