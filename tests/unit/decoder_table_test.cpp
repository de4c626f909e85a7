// Checks the encoding tables as a whole: names are unique, every overlap between two rows is
// declared and is a strict specialisation, every halfword decodes without crashing, and every
// row's free bits decode to that row (or to a declared specialisation of it).
#include <gtest/gtest.h>

#include <bit>
#include <map>
#include <random>
#include <set>
#include <string>

#include "cpu/decode/decoder.h"

namespace minifvp::cpu {
namespace {

bool patterns_intersect(const BitPattern& a, const BitPattern& b) {
  return ((a.value ^ b.value) & a.mask & b.mask) == 0;
}

// Every encoding matched by `specific` is matched by `general`, and not the other way round.
bool strictly_more_specific(const BitPattern& specific, const BitPattern& general) {
  return (specific.mask & general.mask) == general.mask &&
         (specific.value & general.mask) == general.value && specific.mask != general.mask;
}

std::set<std::pair<std::string_view, std::string_view>> declared_overlaps() {
  std::set<std::pair<std::string_view, std::string_view>> result;
  for (const EncodingGroup& g : encoding_groups()) {
    for (const Overlap& o : g.overlaps) result.insert({o.specific, o.general});
  }
  return result;
}

TEST(DecoderTables, NamesAreUniqueAndPatternsHaveTheRightWidth) {
  std::set<std::string_view> names;
  for (const EncodingGroup& g : encoding_groups()) {
    for (const Encoding& e : g.t16) {
      EXPECT_TRUE(names.insert(e.name).second) << "duplicate name " << e.name;
      EXPECT_EQ(e.pattern.width, 16) << e.name;
      EXPECT_TRUE(e.name.starts_with("T16_")) << e.name;
    }
    for (const Encoding& e : g.t32) {
      EXPECT_TRUE(names.insert(e.name).second) << "duplicate name " << e.name;
      EXPECT_EQ(e.pattern.width, 32) << e.name;
      EXPECT_TRUE(e.name.starts_with("T32_")) << e.name;
      // The first halfword's top five bits must be a 32-bit prefix (0b11101, 0b11110, 0b11111).
      const uint32_t prefix_mask = 0xf8000000u;
      EXPECT_EQ(e.pattern.mask & prefix_mask, prefix_mask) << e.name << " leaves the prefix free";
      EXPECT_GE(e.pattern.value >> 27, 0x1du) << e.name << " is not in 32-bit space";
    }
  }
}

void check_overlaps(std::span<const Encoding* const> rows) {
  const auto declared = declared_overlaps();
  for (size_t i = 0; i < rows.size(); ++i) {
    for (size_t j = i + 1; j < rows.size(); ++j) {
      const Encoding& a = *rows[i];
      const Encoding& b = *rows[j];
      if (!patterns_intersect(a.pattern, b.pattern)) continue;
      const bool a_in_b = declared.contains({a.name, b.name});
      const bool b_in_a = declared.contains({b.name, a.name});
      EXPECT_TRUE(a_in_b || b_in_a) << "undeclared overlap: " << a.name << " and " << b.name;
      if (a_in_b) {
        EXPECT_TRUE(strictly_more_specific(a.pattern, b.pattern))
            << a.name << " is declared to specialise " << b.name << " but is not a strict subset";
      }
      if (b_in_a) {
        EXPECT_TRUE(strictly_more_specific(b.pattern, a.pattern))
            << b.name << " is declared to specialise " << a.name << " but is not a strict subset";
      }
    }
  }
}

TEST(DecoderTables, EveryOverlapIsDeclaredAndStrict) {
  check_overlaps(Decoder::instance().rows(false));
  check_overlaps(Decoder::instance().rows(true));
}

TEST(DecoderTables, EveryDeclaredOverlapIsReal) {
  std::map<std::string_view, const Encoding*> by_name;
  for (bool is32 : {false, true}) {
    for (const Encoding* e : Decoder::instance().rows(is32)) by_name[e->name] = e;
  }
  for (const auto& [specific, general] : declared_overlaps()) {
    ASSERT_TRUE(by_name.contains(specific)) << "declared overlap names unknown row " << specific;
    ASSERT_TRUE(by_name.contains(general)) << "declared overlap names unknown row " << general;
    EXPECT_TRUE(patterns_intersect(by_name[specific]->pattern, by_name[general]->pattern))
        << specific << " and " << general << " are declared to overlap but do not";
  }
}

TEST(DecoderTables, AllHalfwordsDecode) {
  const Decoder& decoder = Decoder::instance();
  int decoded = 0;
  for (uint32_t hw = 0; hw < 0x10000; ++hw) {
    if (is_32bit_thumb(static_cast<uint16_t>(hw))) {
      EXPECT_EQ(decoder.match(hw, false), nullptr) << "T16 row matches 32-bit prefix " << hw;
      continue;
    }
    DecodedInsn insn;
    if (decoder.decode(hw, false, insn) == DecodeStatus::Ok) {
      ++decoded;
      EXPECT_NE(insn.exec, nullptr);
      EXPECT_EQ(insn.size, 2);
    }
  }
  RecordProperty("decoded_halfwords", decoded);
}

// Walks a row's free bits (all of them when there are at most 16, else a fixed random sample) and
// checks that the decoder picks this row or a declared specialisation of it.
TEST(DecoderTables, EveryRowsFreeBitsDecodeToThatRow) {
  const auto declared = declared_overlaps();
  const Decoder& decoder = Decoder::instance();
  std::mt19937 rng(12345);
  for (bool is32 : {false, true}) {
    for (const Encoding* e : decoder.rows(is32)) {
      const uint32_t width_mask = is32 ? 0xffffffffu : 0xffffu;
      const uint32_t free = ~e->pattern.mask & width_mask;
      const int free_bits = std::popcount(free);
      const uint64_t samples = free_bits <= 16 ? (uint64_t{1} << free_bits) : 65536;
      for (uint64_t k = 0; k < samples; ++k) {
        uint32_t bits = 0;
        if (free_bits <= 16) {
          // Deposit k into the free positions.
          uint32_t src = static_cast<uint32_t>(k);
          for (uint32_t m = free; m != 0; m &= m - 1) {
            if (src & 1) bits |= m & (~m + 1);
            src >>= 1;
          }
        } else {
          bits = rng() & free;
        }
        const uint32_t raw = e->pattern.value | bits;
        DecodedInsn insn;
        decoder.decode(raw, is32, insn);
        ASSERT_NE(insn.encoding, nullptr) << e->name;
        if (insn.encoding != e) {
          ASSERT_TRUE(declared.contains({insn.encoding->name, e->name}))
              << std::hex << raw << " decodes as " << insn.encoding->name << ", not " << e->name;
        }
      }
    }
  }
}

}  // namespace
}  // namespace minifvp::cpu
