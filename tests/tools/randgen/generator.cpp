#include "generator.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "cpu/exec/fp_common.h"

namespace minifvp::randdiff {
namespace {

using cpu::InsnClass;

constexpr std::array<std::pair<TestClass, const char*>, 12> kClassNames = {{
    {TestClass::DataProcessing, "dp"},
    {TestClass::Multiply, "mul"},
    {TestClass::Divide, "div"},
    {TestClass::Load, "load"},
    {TestClass::Store, "store"},
    {TestClass::LoadMultiple, "ldm"},
    {TestClass::StoreMultiple, "stm"},
    {TestClass::Branch, "branch"},
    {TestClass::System, "system"},
    {TestClass::Fp, "fp"},
    {TestClass::Mve, "mve"},
    {TestClass::Fp, "cp"},  // the old name of fp, accepted on input
}};

// Rows outside the MVE tables that are MVE instructions, by name (Armv8.1-M ARM: VPT, VPST,
// VCTP and the tail-predicated low-overhead loops live in other tables).
bool has_mve_name(std::string_view name) {
  static const std::regex kMveNames("^T32_(VPT|VPST|VCTP|VPNOT|VPSEL|DLSTP|WLSTP|LETP|LCTP)");
  return std::regex_search(std::string(name), kMveNames);
}

// The rows of the decoder's MVE groups (cpu/decode/table_mve_*.cpp).
const std::set<const cpu::Encoding*>& mve_table_rows() {
  static const std::set<const cpu::Encoding*> rows = [] {
    std::set<const cpu::Encoding*> out;
    for (const cpu::EncodingGroup& group : cpu::encoding_groups()) {
      if (!group.name.starts_with("mve")) continue;
      for (const cpu::Encoding& row : group.t16) out.insert(&row);
      for (const cpu::Encoding& row : group.t32) out.insert(&row);
    }
    return out;
  }();
  return rows;
}

// VPT and VPST open a VPT block of 1-4 instructions; the block length is given by the mask,
// Mask[3] in bit 22 and Mask[2:0] in bits [15:13] of the encoding in every VPT/VPST form: the
// lowest set bit of the mask ends the block (Armv8.1-M ARM, "VPT"). Rows named *VPT* may also
// hold the VCMP of the same compare (mask zero); such an encoding opens no block.
bool is_vpt_row(const cpu::Encoding& row) {
  return row.name.find("VPT") != std::string_view::npos || row.name.starts_with("T32_VPST");
}
unsigned vpt_block_length(uint32_t raw) {
  const uint32_t mask = ((raw >> 22) & 1) << 3 | ((raw >> 13) & 7);
  for (unsigned length = 4; length >= 1; --length) {
    if (mask & (1u << (4 - length))) return length;
  }
  return 0;
}

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
    // Floating-point and MVE rows: d, n, m are mostly S/D/Q numbers; the general-purpose
    // destinations (VMOV to core registers, VMRS, ...) reject SP and PC in decode (VMRS with Rt ==
    // 15 writes APSR.NZCV, not PC). What remains is writeback to an SP or PC base: VPUSH, VPOP.
    case InsnClass::Coprocessor:
    case InsnClass::Vector:
      return insn.wback && special(insn.n);
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
  if (row.klass == InsnClass::Coprocessor && row.name.starts_with("T32_VLDR")) {
    return ((insn.raw >> 16) & 0xf) == 15;
  }
  if (row.klass != InsnClass::Load && row.klass != InsnClass::LoadMultiple) return false;
  if (row.name.find("_lit") != std::string_view::npos) return true;
  return insn.is32 && ((insn.raw >> 16) & 0xf) == 15;
}

bool is_memory_class(InsnClass klass) {
  return klass == InsnClass::Load || klass == InsnClass::Store ||
         klass == InsnClass::LoadMultiple || klass == InsnClass::StoreMultiple;
}

// Scalar floating-point loads and stores: VLDR, VSTR, VLDM, VSTM and the system-register forms,
// all with the base register in hw1[3:0] = DecodedInsn::n.
bool is_fp_memory_row(const cpu::Encoding& row) {
  return row.klass == InsnClass::Coprocessor && test_class_of(row) == TestClass::Fp &&
         (row.name.starts_with("T32_VLD") || row.name.starts_with("T32_VST"));
}

// MVE loads and stores (VLDR/VSTR contiguous, widening and narrowing, gathers and scatters,
// VLD2/VLD4, VST2/VST4), recognised by name among the mve rows. The operand conventions are those
// of cpu/exec/mve_common.h: n = the general-purpose base register, m = the Q register of vector
// offsets ("gather"/"scatter" rows) or of vector base addresses ("gather_base"/"scatter_base").
bool is_mve_memory_row(const cpu::Encoding& row) {
  return test_class_of(row) == TestClass::Mve &&
         (row.name.starts_with("T32_VLD") || row.name.starts_with("T32_VST"));
}

// Values seeded into floating-point registers, by format: zeros, subnormals (smallest, largest),
// infinities, quiet and signalling NaNs with and without payloads, +-1.0, the largest and smallest
// normals, 0.5 and 1.5/2.5 (rounding ties), and the integer-conversion boundaries 2^31, 2^32.
constexpr std::array<uint32_t, 30> kF32Specials = {
    0x00000000, 0x80000000, 0x00000001, 0x007fffff, 0x80000001, 0x807fffff, 0x7f800000, 0xff800000,
    0x7fc00000, 0xffc00000, 0x7fc12345, 0xffeaaaaa, 0x7f800001, 0x7fa00000, 0xff812345, 0x3f800000,
    0xbf800000, 0x7f7fffff, 0xff7fffff, 0x00800000, 0x80800000, 0x3f000000, 0x3fc00000, 0x40200000,
    0xbfc00000, 0x4f000000, 0xcf000000, 0x4effffff, 0x4f800000, 0x5f000000};
constexpr std::array<uint16_t, 24> kF16Specials = {
    0x0000, 0x8000, 0x0001, 0x03ff, 0x8001, 0x83ff, 0x7c00, 0xfc00, 0x7e00, 0xfe00, 0x7e55, 0x7c01,
    0x7d00, 0xfd23, 0x3c00, 0xbc00, 0x7bff, 0xfbff, 0x0400, 0x8400, 0x3800, 0x3e00, 0x4100, 0x7800};
constexpr std::array<uint64_t, 22> kF64Specials = {
    0x0000000000000000, 0x8000000000000000, 0x0000000000000001, 0x000fffffffffffff,
    0x800fffffffffffff, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000,
    0xfff8000000000000, 0x7ff8000000012345, 0x7ff0000000000001, 0x7ff4000000000000,
    0xfff0000012345678, 0x3ff0000000000000, 0xbff0000000000000, 0x7fefffffffffffff,
    0x0010000000000000, 0x41e0000000000000, 0xc1e0000000000000, 0x41dfffffffc00000,
    0x41f0000000000000, 0x3ff8000000000000};
// Integer lane extremes: int8/uint8, int16/uint16, int32/uint32.
constexpr std::array<uint8_t, 6> kInt8Edges = {0x00, 0x01, 0x7f, 0x80, 0x81, 0xff};
constexpr std::array<uint16_t, 6> kInt16Edges = {0x0000, 0x0001, 0x7fff, 0x8000, 0x8001, 0xffff};
constexpr std::array<uint32_t, 6> kInt32Edges = {0x00000000, 0x00000001, 0x7fffffff,
                                                 0x80000000, 0x80000001, 0xffffffff};

}  // namespace

uint64_t Rng::next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

std::string test_class_name(TestClass klass) {
  for (const auto& [k, name] : kClassNames) {
    if (k == klass) return name;
  }
  return "?";
}

bool parse_test_class(const std::string& name, TestClass& out) {
  for (const auto& [k, n] : kClassNames) {
    if (name == n) {
      out = k;
      return true;
    }
  }
  return false;
}

TestClass test_class_of(const cpu::Encoding& row) {
  if (row.klass == InsnClass::Vector || mve_table_rows().contains(&row) || has_mve_name(row.name)) {
    return TestClass::Mve;
  }
  switch (row.klass) {
    case InsnClass::DataProcessing:
      return TestClass::DataProcessing;
    case InsnClass::Multiply:
      return TestClass::Multiply;
    case InsnClass::Divide:
      return TestClass::Divide;
    case InsnClass::Load:
      return TestClass::Load;
    case InsnClass::Store:
      return TestClass::Store;
    case InsnClass::LoadMultiple:
      return TestClass::LoadMultiple;
    case InsnClass::StoreMultiple:
      return TestClass::StoreMultiple;
    case InsnClass::Branch:
      return TestClass::Branch;
    case InsnClass::System:
      return TestClass::System;
    case InsnClass::Coprocessor:
    case InsnClass::Vector:
      break;
  }
  return TestClass::Fp;
}

RowFilter RowFilter::integer_default() {
  // Store-exclusives depend on the monitor state the driver leaves behind; table branches, PUSH
  // and POP write PC or SP by definition. System-class rows are narrowed further per encoding
  // (system_insn_usable()). The names are matched as whole mnemonics (after '_'), so that e.g.
  // the MVE VCVTT is not taken for TT.
  return RowFilter{
      {TestClass::DataProcessing, TestClass::Multiply, TestClass::Divide, TestClass::Load,
       TestClass::Store, TestClass::LoadMultiple, TestClass::StoreMultiple, TestClass::System},
      std::regex("_(STREX|STLEX|TBB|TBH|PUSH|POP|BKPT|SVC|UDF|WFI|WFE|SEV|CPS|IT|CLREX|SG|TT)"
                 "[A-Z]*_|_FP_space_|_(DLSTP|WLSTP|LETP)_")};
}

bool RowFilter::allows(const cpu::Encoding& row) const {
  if (std::find(classes.begin(), classes.end(), test_class_of(row)) == classes.end()) return false;
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
    // Floating-point and MVE decoders report UNDEFINED and UNPREDICTABLE field values alike by
    // decoding to exec::fp_undefined (so that NOCP comes first). The two cannot be told apart
    // here, and QEMU executes some UNPREDICTABLE forms (VMOV with PC, VSTR to a PC base), so such
    // encodings are drawn again, as DecodeStatus::Unpredictable integer encodings are.
    if (decoded.exec == cpu::exec::fp_undefined) continue;
    // VLDR/VSTR (System Register) with a PC base: QEMU takes every form as UNDEFINED, minifvp
    // reads the Arm ARM as allowing the offset form; not drawn (a store would also hit the code).
    if (decoded.encoding->name.find("_sysreg") != std::string_view::npos && decoded.n == 15) {
      continue;
    }
    // VLDR VPR from [SP, ...]: SP is fixed, so the loaded word cannot be steered to keep VPR's
    // reserved bits zero (avoid_vpr_reserved_bits()).
    if (decoded.encoding->name.starts_with("T32_VLDR_sysreg") && decoded.t == 12 &&
        decoded.n == 13) {
      continue;
    }
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

uint32_t CaseGenerator::random_fp_word() {
  const uint32_t kind = rng_.below(100);
  if (kind < 35) return kF32Specials[rng_.below(kF32Specials.size())];
  if (kind < 55) {
    return uint32_t{kF16Specials[rng_.below(kF16Specials.size())]} << 16 |
           kF16Specials[rng_.below(kF16Specials.size())];
  }
  if (kind < 65) {
    // Integer lanes: one 32-bit extreme, or two 16-bit or four 8-bit ones.
    switch (rng_.below(3)) {
      case 0:
        return kInt32Edges[rng_.below(kInt32Edges.size())];
      case 1:
        return uint32_t{kInt16Edges[rng_.below(kInt16Edges.size())]} << 16 |
               kInt16Edges[rng_.below(kInt16Edges.size())];
      default: {
        uint32_t word = 0;
        for (unsigned lane = 0; lane < 4; ++lane) {
          word |= uint32_t{kInt8Edges[rng_.below(kInt8Edges.size())]} << (8 * lane);
        }
        return word;
      }
    }
  }
  if (kind < 85) {
    // Ordinary numbers of moderate magnitude (so that arithmetic mostly gives normal, inexact
    // results): single precision with an exponent within 2^-12..2^12, or two half-precision ones
    // within 2^-4..2^4.
    if (rng_.chance(60)) {
      return (rng_.next32() & 0x807fffffu) | (115 + rng_.below(25)) << 23;
    }
    uint32_t word = 0;
    for (unsigned lane = 0; lane < 2; ++lane) {
      const uint32_t half = (rng_.next32() & 0x83ffu) | (11 + rng_.below(9)) << 10;
      word |= half << (16 * lane);
    }
    return word;
  }
  return rng_.next32();
}

void CaseGenerator::random_fp_pair(uint32_t& low, uint32_t& high) {
  const uint32_t kind = rng_.below(100);
  if (kind < 20) {
    const uint64_t value = kF64Specials[rng_.below(kF64Specials.size())];
    low = static_cast<uint32_t>(value);
    high = static_cast<uint32_t>(value >> 32);
  } else if (kind < 30) {
    // A double of moderate magnitude (exponent within 2^-20..2^20).
    low = rng_.next32();
    high = (rng_.next32() & 0x800fffffu) | (1003 + rng_.below(41)) << 20;
  } else {
    low = random_fp_word();
    high = random_fp_word();
  }
}

void CaseGenerator::seed_fp_state(TestCase& test_case) {
  namespace fpscr = cpu::fp::fpscr;
  for (unsigned d = 0; d < 16; ++d) random_fp_pair(test_case.s[2 * d], test_case.s[2 * d + 1]);
  // FPSCR: random controls (AHP, DN, FZ, RMode, FZ16); a quarter of the cases start with random
  // flags (NZCV, QC, cumulative exceptions), the others with none so that raised flags show.
  constexpr uint32_t kControls =
      fpscr::kAHP | fpscr::kDN | fpscr::kFZ | (3u << fpscr::kRModeShift) | fpscr::kFZ16;
  constexpr uint32_t kFlags = fpscr::kNZCV | fpscr::kQC | fpscr::kExceptionFlags;
  test_case.fpscr = (rng_.next32() & kControls) | (4u << fpscr::kLtpsizeShift);
  if (rng_.chance(25)) test_case.fpscr |= rng_.next32() & kFlags;
  // VPR: mostly 0, else a random or patterned P0 (generate() may add a VPT block state).
  test_case.vpr = 0;
  if (rng_.chance(40)) {
    static constexpr std::array<uint32_t, 6> kPatterns = {0xffff, 0x00ff, 0xff00,
                                                          0x0f0f, 0x3333, 0x0001};
    test_case.vpr = rng_.chance(50) ? rng_.next32() & 0xffff : kPatterns[rng_.below(6)];
  }
}

void CaseGenerator::avoid_vpr_reserved_bits(const cpu::DecodedInsn& insn, TestCase& test_case) {
  constexpr uint32_t kVprSysreg = 12;  // the reg field of VMSR/VLDR (System Register) for VPR
  const std::string_view name = insn.encoding->name;
  if (name.starts_with("T32_VMRS_VMSR") && ((insn.raw >> 20) & 1) == 0 && insn.imm == kVprSysreg) {
    if (insn.t < 13) test_case.r[insn.t] &= 0x00ffffffu;
    if (insn.t == 14) test_case.lr &= 0x00ffffffu;
    return;
  }
  if (!name.starts_with("T32_VLDR_sysreg") || insn.t != kVprSysreg) return;
  uint32_t* base_register = insn.n < 13    ? &test_case.r[insn.n]
                            : insn.n == 14 ? &test_case.lr
                                           : nullptr;
  if (base_register == nullptr) return;  // SP: the driver's fixed value; PC: not drawn
  // The loaded word comes from the scratch pattern: pick a base whose access address holds a
  // word with a zero top byte (a few of the scratch's words do), keeping the base itself in the
  // scratch.
  const uint32_t offset = insn.add ? insn.imm : 0u - insn.imm;
  std::vector<uint32_t> bases;
  for (uint32_t i = 0; i < RD_SCRATCH_SIZE / 4; ++i) {
    const uint32_t address = RD_SCRATCH_BASE + 4 * i;
    if (((RD_PATTERN_START + i * RD_PATTERN_STEP) >> 24) != 0 || address == RD_JUMP_SLOT) continue;
    const uint32_t base = insn.index ? address - offset : address;
    const uint32_t after = base + offset;
    if (base < RD_SCRATCH_BASE || base >= RD_SCRATCH_BASE + RD_SCRATCH_SIZE) continue;
    if (after < RD_SCRATCH_BASE || after >= RD_SCRATCH_BASE + RD_SCRATCH_SIZE) continue;
    bases.push_back(base);
  }
  if (!bases.empty()) *base_register = bases[rng_.below(static_cast<uint32_t>(bases.size()))];
}

void CaseGenerator::seed_mve_addressing(const cpu::DecodedInsn& insn, TestCase& test_case) {
  const std::string_view name = insn.encoding->name;
  auto q_words = [&test_case](unsigned q) { return &test_case.s[4 * (q & 7)]; };
  if (name.find("gather_base") != std::string_view::npos ||
      name.find("scatter_base") != std::string_view::npos) {
    // Q[m] holds one address per 32-bit lane (64-bit elements use the low word of each pair):
    // doubleword aligned, in the middle of the scratch, so that imm7 * 8 either way stays inside.
    uint32_t* lanes = q_words(insn.m);
    for (unsigned i = 0; i < 4; ++i) {
      lanes[i] = RD_BASE_LOW + 8 * rng_.below((RD_BASE_HIGH - RD_BASE_LOW) / 8 + 1);
    }
    return;
  }
  // The base: doubleword aligned, so element addresses stay aligned (offsets below too), except
  // in options_.mve_unaligned_percent of the cases (see GeneratorOptions).
  const bool misaligned = rng_.chance(options_.mve_unaligned_percent);
  const uint32_t base = RD_BASE_LOW + 8 * rng_.below((RD_BASE_HIGH - RD_BASE_LOW) / 8 + 1) +
                        (misaligned && rng_.chance(50) ? 1 + rng_.below(3) : 0);
  if (insn.n < 13) {
    test_case.r[insn.n] = base;
  } else if (insn.n == 14) {
    test_case.lr = base;
  }
  if (name.find("gather") != std::string_view::npos ||
      name.find("scatter") != std::string_view::npos) {
    // Q[m] holds the offsets, one per element (DecodedInsn::esize bytes; 32 bits if unset): each
    // below 0x200, so that even scaled by 8 it stays in the scratch, and doubleword aligned
    // unless the case is a misaligned one.
    uint32_t* lanes = q_words(insn.m);
    const uint32_t align_mask = misaligned ? 0xffffffffu : 0xfffffff8u;
    const uint32_t lane_mask =
        insn.esize == 1 ? 0xffffffffu
        : insn.esize == 2
            ? (0x01ff01ffu & (align_mask | 0xffff0000u) & (align_mask << 16 | 0xffffu))
            : (0x1ffu & align_mask);
    for (unsigned i = 0; i < 4; ++i) lanes[i] = rng_.next32() & lane_mask;
  }
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
  if (is_fp_memory_row(*insn.encoding)) {
    // m is an FP register, no index register; sometimes a misaligned base (alignment faults).
    if (uint32_t* base = slot(insn.n); base != nullptr && rng_.chance(10))
      *base += 1 + rng_.below(3);
    return;
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
      // Drawn for every case (so addressing can adjust it), kept only for cases with
      // floating-point or MVE instructions.
      seed_fp_state(tc);
      const bool it_block = it_row_ != nullptr && rng_.chance(options_.it_percent);
      unsigned count = 1 + rng_.below(it_block ? 3 : max_insns);
      bool drawn = true;
      bool in_vpt_block = false;
      std::vector<cpu::DecodedInsn> decoded_insns;
      for (unsigned k = 0; k < count; ++k) {
        const cpu::Encoding* row = live[rng_.below(static_cast<uint32_t>(live.size()))];
        if (in_vpt_block) {
          // The instructions of a VPT block: beat-wise (Vector) rows only, no nested VPT.
          std::vector<const cpu::Encoding*> vector_rows;
          for (const cpu::Encoding* candidate : live) {
            if (candidate->klass == InsnClass::Vector && !is_vpt_row(*candidate)) {
              vector_rows.push_back(candidate);
            }
          }
          if (vector_rows.empty()) {
            drawn = false;
            break;
          }
          row = vector_rows[rng_.below(static_cast<uint32_t>(vector_rows.size()))];
        }
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
        if (is_mve_memory_row(*decoded_row)) {
          seed_mve_addressing(decoded, tc);
        } else if (is_memory_class(decoded_row->klass) || is_fp_memory_row(*decoded_row)) {
          seed_addressing(decoded, tc);
        }
        decoded_insns.push_back(decoded);
        tc.insns.push_back(insn);
        generated.rows.push_back(decoded_row);
        const unsigned block = is_vpt_row(*decoded_row) ? vpt_block_length(insn.raw) : 0;
        if (block != 0) {
          // VPT/VPST only first, and followed by exactly its block (MVE instructions in an IT
          // block, and VPT inside a VPT block, are UNPREDICTABLE).
          if (in_vpt_block || k != 0 || it_block) {
            drawn = false;
            break;
          }
          in_vpt_block = true;
          count = 1 + block;
        }
      }
      if (!drawn) continue;
      // After all addressing, which may reuse the same base register.
      for (const cpu::DecodedInsn& decoded : decoded_insns) avoid_vpr_reserved_bits(decoded, tc);
      bool any_fp = false, any_mve = false, all_vector = true;
      for (const cpu::Encoding* row : generated.rows) {
        const TestClass klass = test_class_of(*row);
        any_fp = any_fp || klass == TestClass::Fp;
        any_mve = any_mve || klass == TestClass::Mve;
        all_vector = all_vector && row->klass == InsnClass::Vector && !is_vpt_row(*row);
      }
      if (it_block && any_mve) continue;
      tc.has_fp = any_fp || any_mve;
      // A VPT block state in VPR (as if a VPT had just executed) only when every instruction is
      // beat-wise: a scalar instruction inside a VPT block is UNPREDICTABLE.
      if (all_vector && (tc.vpr & 0xffff) != 0 && rng_.chance(40)) {
        tc.vpr |= (1 + rng_.below(15)) << 16 | rng_.below(16) << 20;
      }
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
