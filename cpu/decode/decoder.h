// The Thumb decoder: every encoding table of the core, searched most-specific first.
//
// Tables live in one file per instruction group (cpu/decode/table_*.cpp), each exporting its 16-bit
// and 32-bit rows and its declared overlaps. When two rows can match the same bits, one must be a
// strict specialisation of the other and the pair must be declared; tests/unit/decoder_test.cpp
// fails on any other overlap. Because of that rule, trying rows in order of decreasing number of
// fixed bits gives the Arm ARM's answer without relying on the order rows are written in.
#pragma once

#include <span>
#include <vector>

#include "cpu/decode/encoding.h"

namespace minifvp::cpu {

struct EncodingGroup {
  std::string_view name;
  std::span<const Encoding> t16;
  std::span<const Encoding> t32;
  std::span<const Overlap> overlaps;
};

// All groups of the core (defined in cpu/decode/tables.cpp).
std::span<const EncodingGroup> encoding_groups();

// True when the halfword starts a 32-bit encoding (Armv8-M ARM, "Thumb instruction set encoding").
constexpr bool is_32bit_thumb(uint16_t first_halfword) {
  return (first_halfword >> 11) >= 0x1d;
}

class Decoder {
 public:
  static const Decoder& instance();

  // Decodes one encoding. `raw` is the halfword (16-bit) or hw1 << 16 | hw2 (32-bit). On success
  // `out` holds the execute function and operands; `out.encoding` is set whenever a row matched.
  DecodeStatus decode(uint32_t raw, bool is32, DecodedInsn& out) const;

  // The most specific row matching `raw`, or nullptr.
  const Encoding* match(uint32_t raw, bool is32) const;

  std::span<const Encoding* const> rows(bool is32) const { return is32 ? t32_ : t16_; }

 private:
  Decoder();
  std::vector<const Encoding*> t16_;
  std::vector<const Encoding*> t32_;
};

}  // namespace minifvp::cpu
