// Draws random test cases from the decoder's own tables (the idea of dynarmic's fuzz_thumb, with
// QEMU as the oracle): every row of an allowed class is a template, its free bits are filled at
// random until minifvp's decoder accepts the encoding, and registers and flags are seeded with a
// mix of edge values and random words.
#pragma once

#include <cstdint>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "cpu/decode/decoder.h"
#include "test_case.h"

namespace minifvp::randdiff {

// A small, fully specified generator (splitmix64), so a seed gives the same cases on every host
// and standard library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next();
  uint32_t next32() { return static_cast<uint32_t>(next() >> 32); }
  // Uniform in [0, bound).
  uint32_t below(uint32_t bound) { return static_cast<uint32_t>((next() >> 32) * bound >> 32); }
  bool chance(unsigned percent) { return below(100) < percent; }

 private:
  uint64_t state_;
};

// The test's instruction classes (--classes): the integer InsnClass values, and two that cut
// across the decoder's classes:
//   Fp:  scalar floating point, the Coprocessor rows outside the MVE tables;
//   Mve: every InsnClass::Vector row, every row of an MVE table (cpu/decode/table_mve_*.cpp, any
//        InsnClass) and rows of other tables whose names are MVE instructions (VPT, VPST, VCTP,
//        the tail-predicated loops).
// A new MVE row is therefore picked up without a list here.
enum class TestClass : uint8_t {
  DataProcessing,
  Multiply,
  Divide,
  Load,
  Store,
  LoadMultiple,
  StoreMultiple,
  Branch,
  System,
  Fp,
  Mve,
};
TestClass test_class_of(const cpu::Encoding& row);

// Which rows take part. `exclude` matches row names (std::regex search) that are left out
// although their class is allowed.
struct RowFilter {
  std::vector<TestClass> classes;
  std::regex exclude;
  std::regex include{""};  // only rows whose name matches (std::regex search); empty: all
  // The default: integer data processing, multiply, divide, loads and stores, and the harmless
  // system instructions; no store-exclusives, table branches or anything writing PC or SP. Its
  // exclusions also cover the fp and mve classes: the coprocessor-space catch-alls (whose
  // encodings QEMU may decode as instructions minifvp does not have yet) and the tail-predicated
  // loops (branches).
  static RowFilter integer_default();
  bool allows(const cpu::Encoding& row) const;
};

struct GeneratorOptions {
  uint64_t seed = 1;
  unsigned cases = 1000;
  unsigned max_insns = 1;   // test instructions per case (1..3)
  unsigned it_percent = 0;  // cases that are a whole IT block: IT and 1-3 conditional instructions
  // MVE loads and stores whose base or gather offsets are misaligned by 1-3 bytes (0 by default:
  // QEMU 7.2 does not check MVE element alignment, minifvp raises UNALIGNED).
  unsigned mve_unaligned_percent = 0;
  RowFilter filter = RowFilter::integer_default();
};

struct GeneratedCase {
  TestCase test_case;
  std::vector<const cpu::Encoding*> rows;  // the row each instruction decoded as
};

struct GeneratorReport {
  unsigned candidate_rows = 0;                 // rows the filter allows
  std::vector<const cpu::Encoding*> used;      // rows at least one case uses
  std::vector<const cpu::Encoding*> unusable;  // allowed rows that never gave a usable encoding
  // Single-instruction cases dropped because minifvp accessed memory outside the scratch, by row.
  std::map<const cpu::Encoding*, unsigned> outside_access;
};

class CaseGenerator {
 public:
  explicit CaseGenerator(GeneratorOptions options);

  // Generates options.cases cases (fewer if no row is usable). Case i is meant to run as stub i.
  std::vector<GeneratedCase> generate(GeneratorReport& report);

 private:
  // A random encoding of `row` that the decoder accepts as Ok; false after too many tries.
  bool draw_encoding(const cpu::Encoding& row, TestInsn& out, const cpu::Encoding*& decoded_row);
  uint32_t random_register_value();
  void seed_addressing(const cpu::DecodedInsn& insn, TestCase& test_case);
  // VPR[31:24] is RES0: QEMU keeps what VMSR and VLDR write there, minifvp reads it as zero (both
  // allowed). VMSR VPR gets a source register with a zero top byte, VLDR VPR a base register whose
  // access reads a scratch word with a zero top byte.
  void avoid_vpr_reserved_bits(const cpu::DecodedInsn& insn, TestCase& test_case);
  // MVE loads and stores: the base register, and the Q register of offsets or base addresses.
  void seed_mve_addressing(const cpu::DecodedInsn& insn, TestCase& test_case);
  // S0-S31, FPSCR (random controls, LTPSIZE 4) and VPR (sometimes a P0) of a case with
  // floating-point or MVE instructions.
  void seed_fp_state(TestCase& test_case);
  uint32_t random_fp_word();
  void random_fp_pair(uint32_t& low, uint32_t& high);
  // Runs the case in-process: rejects it when it branches, writes SP, or stops the core.
  bool behaves(uint32_t index, const TestCase& test_case, bool& outside_access);

  // An IT instruction for `count` following instructions with a random condition and random
  // then/else slots (firstcond AL only with all slots "then", as the Arm ARM requires).
  TestInsn random_it(unsigned count);

  GeneratorOptions options_;
  const cpu::Encoding* it_row_ = nullptr;  // the decoder's IT row, if it has one
  Rng rng_;
  CaseMachine machine_;
  std::vector<const cpu::Encoding*> rows_;
};

std::string test_class_name(TestClass klass);
bool parse_test_class(const std::string& name, TestClass& out);

}  // namespace minifvp::randdiff
