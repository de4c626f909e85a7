#include "generator.h"

#include <algorithm>
#include <array>
#include <utility>

namespace minifvp::randdiff {
namespace {

using cpu::InsnClass;

constexpr std::array<std::pair<InsnClass, const char*>, 10> kClassNames = {{
    {InsnClass::DataProcessing, "dp"},
    {InsnClass::Multiply, "mul"},
    {InsnClass::Divide, "div"},
    {InsnClass::Load, "load"},
    {InsnClass::Store, "store"},
    {InsnClass::LoadMultiple, "ldm"},
    {InsnClass::StoreMultiple, "stm"},
    {InsnClass::Branch, "branch"},
    {InsnClass::System, "system"},
    {InsnClass::Coprocessor, "cp"},
}};

constexpr std::array<uint32_t, 12> kEdgeValues = {
    0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff};

// Tries per row before the row counts as unusable (its encodings never decode as Ok or never run).
constexpr unsigned kDrawsPerEncoding = 64;
constexpr unsigned kFailedDrawsBeforeGivingUp = 8;
constexpr unsigned kTriesPerCase = 32;

// Whether the Arm ARM says this instruction writes SP or PC (a branch, a stack adjustment,
// writeback to SP, a load of PC or SP). Such cases would take the firmware driver off its rails, so
// they are not generated; an instruction that writes SP or PC in minifvp only by mistake is kept,
// since the comparison then shows the mistake.
bool writes_sp_or_pc(const cpu::DecodedInsn& insn) {
  const auto special = [](unsigned r) { return r == 13 || r == 15; };
  switch (insn.encoding->klass) {
    case InsnClass::Load:
      return special(insn.t) || special(insn.t2) || (insn.wback && special(insn.n));
    case InsnClass::Store:
    case InsnClass::StoreMultiple:
      return insn.wback && special(insn.n);
    case InsnClass::LoadMultiple:
      return (insn.imm & 0xa000) != 0 || (insn.wback && special(insn.n));
    default:
      return special(insn.d) || special(insn.t) || special(insn.t2);
  }
}

// System-class instructions the driver survives and whose results do not depend on how the
// platform set up the system: hints, barriers, preload hints, MRS of the special registers that
// are the same on QEMU and minifvp at this point (APSR views, IPSR/EPSR, MSP, PSP, the stack
// limits, the masks, CONTROL), MSR to the APSR only. (MRS of SYSm values not listed, e.g. the
// Non-secure aliases, and MSR to anything else are left out: they read reset values the two
// platforms may legitimately choose differently, or would break the driver.)
bool system_insn_usable(const cpu::DecodedInsn& insn) {
  static const std::regex kHints("NOP|YIELD|hint|CSDB|ESB|DBG|DSB|DMB|ISB|PLD|PLI");
  const std::string name(insn.encoding->name);
  if (std::regex_search(name, kHints)) return true;
  if (name.find("MRS") != std::string::npos) {
    const uint32_t sysm = insn.imm;
    return sysm <= 3 || (sysm >= 5 && sysm <= 11) || (sysm >= 16 && sysm <= 20);
  }
  if (name.find("MSR") != std::string::npos) return insn.imm <= 3;
  return false;
}

// A load whose address is PC-relative: the T16 literal row, or a 32-bit load/store encoding with
// Rn (hw1<3:0> in every T32 load/store encoding) == PC, which the decoder maps to its literal
// form.
bool is_literal_load(const TestInsn& insn, const cpu::Encoding& row) {
  if (row.klass != InsnClass::Load && row.klass != InsnClass::LoadMultiple) return false;
  if (row.name.find("_lit") != std::string_view::npos) return true;
  return insn.is32 && ((insn.raw >> 16) & 0xf) == 15;
}

bool is_memory_class(InsnClass klass) {
  return klass == InsnClass::Load || klass == InsnClass::Store ||
         klass == InsnClass::LoadMultiple || klass == InsnClass::StoreMultiple;
}

}  // namespace

uint64_t Rng::next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

std::string insn_class_name(InsnClass klass) {
  for (const auto& [k, name] : kClassNames) {
    if (k == klass) return name;
  }
  return "?";
}

bool parse_insn_class(const std::string& name, InsnClass& out) {
  for (const auto& [k, n] : kClassNames) {
    if (name == n) {
      out = k;
      return true;
    }
  }
  return false;
}

RowFilter RowFilter::integer_default() {
  // Store-exclusives depend on the monitor state the driver leaves behind; table branches, PUSH
  // and POP write PC or SP by definition. System-class rows are narrowed further per encoding
  // (system_insn_usable()).
  return RowFilter{
      {InsnClass::DataProcessing, InsnClass::Multiply, InsnClass::Divide, InsnClass::Load,
       InsnClass::Store, InsnClass::LoadMultiple, InsnClass::StoreMultiple, InsnClass::System},
      std::regex("STREX|STLEX|TBB|TBH|PUSH|POP|BKPT|SVC|UDF|WFI|WFE|SEV|CPS|IT_|"
                 "CLREX|SG_|TT")};
}

bool RowFilter::allows(const cpu::Encoding& row) const {
  if (std::find(classes.begin(), classes.end(), row.klass) == classes.end()) return false;
  const std::string name(row.name);
  return std::regex_search(name, include) && !std::regex_search(name, exclude);
}

CaseGenerator::CaseGenerator(GeneratorOptions options)
    : options_(std::move(options)), rng_(options_.seed) {
  machine_.set_access_checking(true);
  for (bool is32 : {false, true}) {
    for (const cpu::Encoding* row : cpu::Decoder::instance().rows(is32)) {
      if (options_.filter.allows(*row)) rows_.push_back(row);
    }
  }
  // IT is generated only as a whole block (random_it()), never drawn as a row of its own.
  cpu::DecodedInsn decoded;
  if (cpu::Decoder::instance().decode(0xbf08, false, decoded) == cpu::DecodeStatus::Ok) {
    it_row_ = decoded.encoding;  // IT EQ
  }
}

TestInsn CaseGenerator::random_it(unsigned count) {
  // ITSTATE = firstcond:mask; slot k (2..count) is "then" when mask<5-k> == firstcond<0>, and the
  // lowest set bit of mask ends the block (Armv8-M ARM, IT).
  const uint32_t firstcond = rng_.below(15);
  uint32_t mask = 0;
  for (unsigned slot = 2; slot <= count; ++slot) {
    const bool else_slot = firstcond != 14 && rng_.chance(50);
    mask |= ((firstcond & 1) ^ (else_slot ? 1u : 0u)) << (5 - slot);
  }
  mask |= 1u << (4 - count);
  return TestInsn{0xbf00 | (firstcond << 4) | mask, false};
}

bool CaseGenerator::draw_encoding(const cpu::Encoding& row, TestInsn& out,
                                  const cpu::Encoding*& decoded_row) {
  const bool is32 = row.pattern.width == 32;
  const uint32_t width_mask = is32 ? 0xffffffffu : 0xffffu;
  for (unsigned attempt = 0; attempt < kDrawsPerEncoding; ++attempt) {
    const uint32_t raw = row.pattern.value | (rng_.next32() & ~row.pattern.mask & width_mask);
    if (!is32 && cpu::is_32bit_thumb(static_cast<uint16_t>(raw))) continue;
    cpu::DecodedInsn decoded;
    if (cpu::Decoder::instance().decode(raw, is32, decoded) != cpu::DecodeStatus::Ok) continue;
    if (decoded.encoding == nullptr || !options_.filter.allows(*decoded.encoding)) continue;
    if (writes_sp_or_pc(decoded)) continue;
    if (decoded.encoding->klass == InsnClass::System && !system_insn_usable(decoded)) continue;
    out = TestInsn{raw, is32};
    decoded_row = decoded.encoding;
    return true;
  }
  return false;
}

uint32_t CaseGenerator::random_register_value() {
  const uint32_t kind = rng_.below(100);
  if (kind < 30) return kEdgeValues[rng_.below(kEdgeValues.size())];
  if (kind < 45) return rng_.below(65);
  if (kind < 55) return 0u - (1 + rng_.below(64));
  return rng_.next32();
}

void CaseGenerator::seed_addressing(const cpu::DecodedInsn& insn, TestCase& test_case) {
  // Base register somewhere in the middle of the scratch, word aligned; an index register small
  // and word aligned (LDRD/LDM/STM need aligned addresses, word loads then stay aligned too; the
  // immediate offsets supply the unaligned cases). SP as a base already points into the scratch.
  auto slot = [&test_case](unsigned r) -> uint32_t* {
    if (r < 13) return &test_case.r[r];
    return r == 14 ? &test_case.lr : nullptr;
  };
  const uint32_t target = RD_BASE_LOW + 4 * rng_.below((RD_BASE_HIGH - RD_BASE_LOW) / 4 + 1);
  const bool register_offset = insn.encoding->name.find("_reg") != std::string_view::npos;
  if (uint32_t* base = slot(insn.n)) {
    // [Rn, Rn, LSL #s] addresses Rn * (1 + 2^s): pick Rn so that this lands near the target.
    *base =
        register_offset && insn.m == insn.n ? (target / (1u + (1u << insn.shift_n))) & ~3u : target;
  }
  if (insn.m != insn.n) {
    if (uint32_t* index = slot(insn.m)) *index = 4 * rng_.below(17);
  }
}

bool CaseGenerator::behaves(uint32_t index, const TestCase& test_case, bool& outside_access) {
  // A data access outside the scratch could reach a peripheral or the system control space on
  // QEMU, or an address QEMU maps and minifvp's test machine does not: such cases are dropped
  // (and counted, since for a single instruction whose operands were set up to be valid it points
  // at a minifvp bug). A single instruction is otherwise kept whatever minifvp does with it: a
  // fault or a stray branch is a finding. In a sequence an earlier instruction may legitimately
  // break a later one's addressing, so sequences are also dropped when minifvp faults or strays.
  machine_.place(index, test_case);
  const CaseOutcome outcome = machine_.run(index, test_case);
  outside_access = outcome.outside_access;
  if (outcome.outside_access) return false;
  return test_case.insns.size() == 1 || outcome.reached_end;
}

std::vector<GeneratedCase> CaseGenerator::generate(GeneratorReport& report) {
  report = GeneratorReport{};
  report.candidate_rows = static_cast<unsigned>(rows_.size());
  std::vector<const cpu::Encoding*> live = rows_;
  std::vector<unsigned> failures(rows_.size(), 0);
  std::vector<bool> succeeded(rows_.size(), false);
  auto index_of = [&](const cpu::Encoding* row) {
    return static_cast<size_t>(std::find(rows_.begin(), rows_.end(), row) - rows_.begin());
  };
  auto give_up_on = [&](const cpu::Encoding* row) {
    live.erase(std::find(live.begin(), live.end(), row));
    report.unusable.push_back(row);
  };

  std::vector<GeneratedCase> cases;
  const unsigned max_insns = std::clamp(options_.max_insns, 1u, 3u);
  // Bounds the work when the remaining rows only rarely give a usable case.
  uint64_t budget = uint64_t{options_.cases} * kTriesPerCase * 4;
  while (cases.size() < options_.cases && !live.empty() && budget > 0) {
    const auto index = static_cast<uint32_t>(cases.size());
    GeneratedCase generated;
    bool accepted = false;
    for (unsigned attempt = 0; attempt < kTriesPerCase && !accepted && !live.empty(); ++attempt) {
      --budget;
      generated = GeneratedCase{};
      TestCase& tc = generated.test_case;
      for (uint32_t& value : tc.r) value = random_register_value();
      tc.lr = random_register_value();
      tc.apsr = rng_.next32() & kApsrMask;
      const bool it_block = it_row_ != nullptr && rng_.chance(options_.it_percent);
      const unsigned count = 1 + rng_.below(it_block ? 3 : max_insns);
      bool drawn = true;
      for (unsigned k = 0; k < count; ++k) {
        const cpu::Encoding* row = live[rng_.below(static_cast<uint32_t>(live.size()))];
        TestInsn insn;
        const cpu::Encoding* decoded_row = nullptr;
        if (!draw_encoding(*row, insn, decoded_row)) {
          const size_t i = index_of(row);
          if (!succeeded[i] && ++failures[i] >= kFailedDrawsBeforeGivingUp) give_up_on(row);
          drawn = false;
          break;
        }
        cpu::DecodedInsn decoded;
        cpu::Decoder::instance().decode(insn.raw, insn.is32, decoded);
        // A literal load may read a stub not generated yet, whose contents the in-process check
        // cannot know; in a sequence it comes last, so its value is never used as an address.
        if (k + 1 < count && is_literal_load(insn, *decoded_row)) {
          drawn = false;
          break;
        }
        if (is_memory_class(decoded_row->klass)) seed_addressing(decoded, tc);
        tc.insns.push_back(insn);
        generated.rows.push_back(decoded_row);
      }
      if (!drawn) continue;
      if (it_block) {
        if (tc.length_bytes() + 2 > RD_STUB_MAX_BYTES) continue;
        tc.insns.insert(tc.insns.begin(), random_it(count));
        generated.rows.insert(generated.rows.begin(), it_row_);
      }
      bool outside_access = false;
      if (behaves(index, tc, outside_access)) {
        accepted = true;
        for (const cpu::Encoding* row : generated.rows) {
          if (row != it_row_) succeeded[index_of(row)] = true;
        }
      } else if (outside_access && tc.insns.size() == 1) {
        ++report.outside_access[generated.rows[0]];
      }
    }
    if (accepted) cases.push_back(std::move(generated));
  }
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (succeeded[i]) report.used.push_back(rows_[i]);
  }
  return cases;
}

}  // namespace minifvp::randdiff
