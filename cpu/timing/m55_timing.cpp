// Cortex-M55 timing table.
//
// Sources (every row below names one):
//  [M55-LLVM]  The Cortex-M55 scheduling model that Arm contributed to LLVM
//              (llvm/lib/Target/ARM/ARMScheduleM55.td), written from Arm's Cortex-M55 Software
//              Optimization Guide: single-cycle ALU, 2-cycle result latency for loads, multiplies
//              (32- and 64-bit), DSP/saturating arithmetic, LDRD/STRD, exclusives and barriers;
//              a branch refill ("MispredictPenalty") of 3 cycles; FP latencies (F16/F32 add, mul,
//              fused multiply-add 2; chained VMLA 4; VDIV/VSQRT F16 9, F32 16, F64 30; F64 add 15,
//              mul 21, VFMA 24, VMLA 36); VLDR 2.
//  [M4-TRM]    The Cortex-M4 TRM's instruction timing table, where the M55 documents we could read
//              are silent and the M55 pipeline front end is M4/M33-like: LDM/STM/PUSH/POP cost
//              1 + N cycles for N registers, TBB/TBH 2 cycles plus the refill, SDIV/UDIV 2-12
//              cycles with early termination on the operands' magnitudes.
//  [CHOSEN]    Where both are silent, a simple value of ours, said so on the row.
//
// Simplifications (documented in docs/timing-model.md): no dual issue of 16-bit pairs (the M55
// can pair some of them; we charge each instruction on its own); FP arithmetic is charged its full
// latency as issue cost (scalar FP code in compiled C is dominated by dependency chains, so this
// equals the interlocked cost of a chain; independent FP instructions are over-charged); the
// low-overhead-loop cache always hits, so a taken LE costs 1 cycle and no refill.
#include "cpu/timing/m55_timing.h"

#include <algorithm>
#include <array>
#include <bit>
#include <span>
#include <string_view>

#include "cpu/decode/encoding.h"
#include "cpu/decode/groups.h"
#include "cpu/timing/tracker.h"

namespace minifvp::cpu::timing {
namespace {

// How a row's late results (if any) are found in the encoding.
enum class Results : uint8_t {
  None,      // no core result arrives late
  Rd,        // field d (multiplies, DSP arithmetic)
  RdLoRdHi,  // fields l and h (long multiplies)
  Rt,        // fields t and T (loads, LDRD)
  List,      // the register list in insn.imm (LDM, POP), PC excluded
};

struct Row {
  std::string_view stem;  // encoding name without the T16_/T32_ prefix, up to a '_' boundary
  bool prefix;            // stem matches any name starting with it (DSP families)
  uint8_t issue;          // cycles before the next instruction can issue
  uint8_t latency;        // cycles from issue to a usable result (for Results != None)
  Results results;
};

constexpr uint8_t kMul = kMultiplyLatency;

// Rows are searched in order; the first match wins. Classes not listed use class defaults (see
// class_default below).
constexpr Row kRows[] = {
    // ---- multiplies [M55-LLVM: WriteMUL16/32, WriteMAC16/32 = 2-cycle latency, single issue] --
    {"MUL", false, 1, kMul, Results::Rd},
    {"MLA", false, 1, kMul, Results::Rd},
    {"MLS", false, 1, kMul, Results::Rd},
    {"SMLAxy", false, 1, kMul, Results::Rd},
    {"SMULxy", false, 1, kMul, Results::Rd},
    {"SMLAD", false, 1, kMul, Results::Rd},
    {"SMUAD", false, 1, kMul, Results::Rd},
    {"SMLAWy", false, 1, kMul, Results::Rd},
    {"SMULWy", false, 1, kMul, Results::Rd},
    {"SMLSD", false, 1, kMul, Results::Rd},
    {"SMUSD", false, 1, kMul, Results::Rd},
    {"SMMLA", false, 1, kMul, Results::Rd},
    {"SMMUL", false, 1, kMul, Results::Rd},
    {"SMMLS", false, 1, kMul, Results::Rd},
    {"USADA8", false, 1, kMul, Results::Rd},
    {"USAD8", false, 1, kMul, Results::Rd},
    // ---- long multiplies [M55-LLVM: WriteMUL64Lo/Hi, WriteMAC64Lo/Hi = 2] ----
    {"SMULL", false, 1, kMul, Results::RdLoRdHi},
    {"UMULL", false, 1, kMul, Results::RdLoRdHi},
    {"SMLAL", false, 1, kMul, Results::RdLoRdHi},
    {"SMLALxy", false, 1, kMul, Results::RdLoRdHi},
    {"SMLALD", false, 1, kMul, Results::RdLoRdHi},
    {"SMLSLD", false, 1, kMul, Results::RdLoRdHi},
    {"UMLAL", false, 1, kMul, Results::RdLoRdHi},
    {"UMAAL", false, 1, kMul, Results::RdLoRdHi},
    // ---- divide: the base cost; execution adds the operand-dependent part [M4-TRM] ----
    {"SDIV", false, kDivideMinCycles, 0, Results::None},
    {"UDIV", false, kDivideMinCycles, 0, Results::None},
    // ---- DSP and saturating arithmetic [M55-LLVM: "t2Q", "t2[SU](ADD|ASX|BFX)",
    //      "t2[SU]H(ADD|ASX|SUB|SAX)", "t2S(SAT|SUB|SAX)", "t2UQ", "t2USA", "t2USUB",
    //      "t2UXTA[BH]" are 2-cycle CX instructions] ----
    {"Q", true, 1, 2, Results::Rd},
    {"SADD", true, 1, 2, Results::Rd},
    {"UADD", true, 1, 2, Results::Rd},
    {"SASX", true, 1, 2, Results::Rd},
    {"UASX", true, 1, 2, Results::Rd},
    {"SBFX", true, 1, 2, Results::Rd},
    {"UBFX", true, 1, 2, Results::Rd},
    {"SHADD", true, 1, 2, Results::Rd},
    {"SHASX", true, 1, 2, Results::Rd},
    {"SHSUB", true, 1, 2, Results::Rd},
    {"SHSAX", true, 1, 2, Results::Rd},
    {"UHADD", true, 1, 2, Results::Rd},
    {"UHASX", true, 1, 2, Results::Rd},
    {"UHSUB", true, 1, 2, Results::Rd},
    {"UHSAX", true, 1, 2, Results::Rd},
    {"SSAT", true, 1, 2, Results::Rd},
    {"SSUB", true, 1, 2, Results::Rd},
    {"SSAX", true, 1, 2, Results::Rd},
    {"UQ", true, 1, 2, Results::Rd},
    {"USAT", true, 1, 2, Results::Rd},
    {"USAX", true, 1, 2, Results::Rd},
    {"USUB", true, 1, 2, Results::Rd},
    {"UXTAB", true, 1, 2, Results::Rd},
    {"UXTAH", true, 1, 2, Results::Rd},
    // ---- memory: dual-word, exclusive and ordered accesses [M55-LLVM: t2LDA, t2STL, t2STRD
    //      are 2-cycle; LDRD and the exclusives: CHOSEN the same] ----
    {"LDRD", false, 2, kLoadLatency, Results::Rt},
    {"STRD", false, 2, 0, Results::None},
    {"LDREX", true, 2, kLoadLatency, Results::Rt},
    {"LDA", true, 2, kLoadLatency, Results::Rt},
    {"STREX", true, 2, 0, Results::None},
    {"STL", true, 2, 0, Results::None},
    // ---- table branch: a load then a branch [M4-TRM: 2 + refill] ----
    {"TBB", false, 2, 0, Results::None},
    {"TBH", false, 2, 0, Results::None},
    // ---- barriers and CLREX [M55-LLVM: "t2CLREX", "t2[DI][MS]B" are 2-cycle] ----
    {"DSB", false, 2, 0, Results::None},
    {"DMB", false, 2, 0, Results::None},
    {"ISB", false, 2, 0, Results::None},
    {"CLREX", false, 2, 0, Results::None},
};

// FP data processing: cycles by precision (F16, F32, F64), charged as issue cost.
struct FpRow {
  std::string_view stem;
  uint8_t f16, f32, f64;
};

constexpr FpRow kFpRows[] = {
    // [M55-LLVM: WriteFPALU32 = FloatE3 (2), WriteFPALU64 = E3Plus13 (15)]
    {"VADD", 2, 2, 15},
    {"VSUB", 2, 2, 15},
    // [M55-LLVM: WriteFPMUL32 = 2, WriteFPMUL64 = E3Plus19 (21)]
    {"VMUL", 2, 2, 21},
    {"VNMUL", 2, 2, 21},
    // [M55-LLVM: VFMA H/S FloatE3 (2), VFMA D E3Plus22 (24)]
    {"VFMA", 2, 2, 24},
    {"VFMS", 2, 2, 24},
    {"VFNMA", 2, 2, 24},
    {"VFNMS", 2, 2, 24},
    // [M55-LLVM: VMLAH and WriteFPMAC32 E3Plus2 (4), WriteFPMAC64 E3Plus34 (36)]
    {"VMLA", 4, 4, 36},
    {"VMLS", 4, 4, 36},
    {"VNMLA", 4, 4, 36},
    {"VNMLS", 4, 4, 36},
    // [M55-LLVM: VDIVH/VSQRTH E3Plus7 (9), WriteFPDIV32/SQRT32 E3Plus14 (16), 64: E3Plus28 (30)]
    {"VDIV", 9, 16, 30},
    {"VSQRT", 9, 16, 30},
    // [M55-LLVM: VCMP FloatE2 (1); VMOV reg/imm (FCONST) E2 (1); VMRS/VMSR E2 (1)]
    {"VCMP", 1, 1, 1},
    {"VMOV_imm", 1, 1, 1},
    {"VMOV_reg", 1, 1, 1},
    {"VMRS", 1, 1, 1},
    {"VMOV_core", 1, 1, 1},    // [CHOSEN: core <-> FP transfers 1]
    {"VMOV_scalar", 1, 1, 1},  // [CHOSEN]
    // [M55-LLVM: VLD* LSE3 (2, charged as issue), VST* LSE2 (1)]
    {"VLDR_sysreg", 1, 1, 1},
    {"VSTR_sysreg", 1, 1, 1},
    {"VLDR", 2, 2, 2},
    {"VSTR", 1, 1, 1},
    // Everything else in the FP space (VABS, VNEG, VCVT*, VRINT*, VSEL, VMAXNM, VMINNM, VINS,
    // VMOVX) [M55-LLVM: FloatE3 (2)]: see kFpDefault.
};
constexpr uint8_t kFpDefault = 2;
// A beat-wise MVE instruction issues in one cycle; its second beat (the M55's vector datapath is
// 64 bits wide, two 32-bit beats per cycle) overlaps the next instruction unless that one needs
// the same vector pipeline (cpu/timing/tracker.h charges the wait) [M55-LLVM].
constexpr uint8_t kVectorCycles = 1;

// The vector pipeline of an MVE row [M55-LLVM, which assigns each MVE instruction to the
// load/store, integer, float/multiply or control ("sys") pipe]: loads and stores use the
// load/store pipe; VPST, VCTP and VPNOT the control pipe (one beat); floating point, the
// multiplies, multiply-accumulate reductions, VADDV/VADDLV, compares (VCMP/VPT) and VMOV to or
// from general-purpose registers the float/multiply pipe; everything else the integer pipe.
// `is_float_row` says whether the row is in the MVE floating-point table.
VectorPipe vector_pipe_of(std::string_view stem, bool is_float_row) {
  constexpr std::string_view kLoadStore[] = {"VLD", "VST"};
  constexpr std::string_view kControl[] = {"VPST", "VCTP", "VPNOT"};
  constexpr std::string_view kFloatMultiply[] = {
      "VMUL",  "VRMUL", "VMLA",  "VMLS",   "VQDMUL", "VQRDMUL", "VQDML", "VQRDML",
      "VRMLA", "VRMLS", "VADDV", "VADDLV", "VCMP",   "VPT",     "VMOV",  "VFMA",
      "VFMS",  "VCMUL", "VCMLA", "VCVT",   "VRINT",  "VMAXNM",  "VMINNM"};
  const auto starts_with_any = [&](std::span<const std::string_view> prefixes) {
    return std::ranges::any_of(prefixes, [&](std::string_view p) { return stem.starts_with(p); });
  };
  if (starts_with_any(kLoadStore)) return VectorPipe::LoadStore;
  if (starts_with_any(kControl)) return VectorPipe::Control;
  // Polynomial VMULL and the narrowing/lengthening VMOVs run on the integer pipe [M55-LLVM].
  if (stem.starts_with("VMULL_poly") || stem.starts_with("VMOVN") || stem.starts_with("VMOVL")) {
    return VectorPipe::Integer;
  }
  if (is_float_row || starts_with_any(kFloatMultiply)) return VectorPipe::FloatMultiply;
  return VectorPipe::Integer;
}

bool in_group(const Encoding* e, const EncodingGroup& group) {
  return e >= group.t32.data() && e < group.t32.data() + group.t32.size();
}

// T16 encodings whose d field is also a source (the Rdn forms) or names Rn.
constexpr std::string_view kT16ReadsD[] = {
    "T16_AND_reg_T1", "T16_EOR_reg_T1", "T16_LSL_reg_T1", "T16_LSR_reg_T1", "T16_ASR_reg_T1",
    "T16_ADC_reg_T1", "T16_SBC_reg_T1", "T16_ROR_reg_T1", "T16_TST_reg_T1", "T16_CMP_reg_T1",
    "T16_CMN_reg_T1", "T16_ORR_reg_T1", "T16_BIC_reg_T1", "T16_MUL_T1",     "T16_ADD_reg_T2",
    "T16_ADD_imm_T2", "T16_SUB_imm_T2",
};

bool stem_matches(std::string_view name, std::string_view stem, bool prefix) {
  if (!name.starts_with(stem)) return false;
  return prefix || name.size() == stem.size() || name[stem.size()] == '_';
}

std::string_view stem_of(std::string_view name) {
  if (name.starts_with("T16_") || name.starts_with("T32_")) name.remove_prefix(4);
  return name;
}

uint32_t field_mask(const Encoding& e, char letter) {
  const int index = BitPattern::field_index(letter);
  return index < 0 ? 0 : e.pattern.field_masks[static_cast<size_t>(index)];
}

bool has_field(const Encoding& e, char letter) {
  return field_mask(e, letter) != 0;
}

uint16_t reg_bit(uint32_t r) {
  return static_cast<uint16_t>(1u << (r & 15));
}

uint16_t field_reg(const Encoding& e, const Fields& f, char letter) {
  return has_field(e, letter) ? reg_bit(f[letter]) : 0;
}

// Core registers the instruction reads, for the result-use interlock.
uint16_t source_registers(const Encoding& e, const Fields& f, const DecodedInsn& insn) {
  switch (e.klass) {
    case InsnClass::LoadMultiple:
      return reg_bit(insn.n);
    case InsnClass::StoreMultiple:
      return static_cast<uint16_t>(reg_bit(insn.n) | (insn.imm & 0xFFFF));
    case InsnClass::Vector:
      return 0;  // Q registers are not tracked by the core-register interlock
    case InsnClass::Coprocessor: {
      const std::string_view stem = stem_of(e.name);
      if (stem.starts_with("VLDR") || stem.starts_with("VSTR") || stem.starts_with("VLDM") ||
          stem.starts_with("VSTM")) {
        return field_reg(e, f, 'n');
      }
      return 0;
    }
    case InsnClass::System:
      return stem_of(e.name).starts_with("MSR") ? field_reg(e, f, 'n') : 0;
    default:
      break;
  }
  uint16_t reads = field_reg(e, f, 'n') | field_reg(e, f, 'm') | field_reg(e, f, 'a');
  if (e.klass == InsnClass::Store) reads |= field_reg(e, f, 't') | field_reg(e, f, 'T');
  const std::string_view stem = stem_of(e.name);
  if (stem.find("MLAL") != std::string_view::npos || stem.find("MAAL") != std::string_view::npos ||
      stem.find("MLSL") != std::string_view::npos) {
    reads |= field_reg(e, f, 'l') | field_reg(e, f, 'h');
  }
  for (std::string_view name : kT16ReadsD) {
    if (e.name == name) reads |= field_reg(e, f, 'd');
  }
  return reads;
}

uint16_t late_registers(Results results, const Encoding& e, const Fields& f,
                        const DecodedInsn& insn) {
  switch (results) {
    case Results::None:
      return 0;
    case Results::Rd:
      return field_reg(e, f, 'd');
    case Results::RdLoRdHi:
      return field_reg(e, f, 'l') | field_reg(e, f, 'h');
    case Results::Rt:
      return static_cast<uint16_t>((field_reg(e, f, 't') | field_reg(e, f, 'T')) & ~reg_bit(15));
    case Results::List:
      return static_cast<uint16_t>(insn.imm & 0x7FFF);
  }
  return 0;
}

uint8_t fp_cycles(const Encoding& e, const Fields& f) {
  const std::string_view stem = stem_of(e.name);
  // VLDM/VSTM: one cycle plus one per transferred word [M4-TRM-like, CHOSEN for the M55].
  if (stem.starts_with("VLDM") || stem.starts_with("VSTM")) {
    return static_cast<uint8_t>(1 + std::min<uint32_t>(f['i'], 64));
  }
  // Precision from the size field where the encoding has one: 01 half, 10 single, 11 double.
  const uint32_t size = std::popcount(field_mask(e, 's')) == 2 ? f['s'] : 2;
  for (const FpRow& row : kFpRows) {
    if (!stem_matches(stem, row.stem, true)) continue;
    return size == 3 ? row.f64 : size == 1 ? row.f16 : row.f32;
  }
  return kFpDefault;
}

}  // namespace

void annotate(DecodedInsn& insn) {
  const Encoding* e = insn.encoding;
  if (e == nullptr || insn.exec == nullptr) return;
  const Fields f(insn.raw, e->pattern);
  const std::string_view stem = stem_of(e->name);

  insn.timing_reads = source_registers(*e, f, insn);
  insn.timing_late_writes = 0;
  insn.result_latency = 1;
  insn.late_from_multiply = false;
  // Any instruction may write the PC (ALU, loads); the refill is charged when it does.
  insn.taken_penalty = kTakenBranchPenalty;
  // LE: the M55 caches the loop body, so the branch back costs no refill [CHOSEN: the cache
  // always hits, including the first iteration].
  if (stem.starts_with("LE_")) insn.taken_penalty = 0;

  if (e->klass == InsnClass::Coprocessor) {
    insn.cycles = fp_cycles(*e, f);
    return;
  }
  if (e->klass == InsnClass::Vector) {
    insn.cycles = kVectorCycles;
    static const EncodingGroup float_group = mve_float_group();
    insn.vector_pipe = static_cast<uint8_t>(vector_pipe_of(stem, in_group(e, float_group)));
    return;
  }
  for (const Row& row : kRows) {
    if (!stem_matches(stem, row.stem, row.prefix)) continue;
    insn.cycles = row.issue;
    insn.timing_late_writes = late_registers(row.results, *e, f, insn);
    insn.result_latency = row.latency;
    insn.late_from_multiply = row.results == Results::Rd || row.results == Results::RdLoRdHi;
    return;
  }
  // Class defaults [M55-LLVM: ALU, stores, branches 1 cycle; WriteLd latency 2] and
  // LDM/STM/PUSH/POP 1 + N [M4-TRM].
  switch (e->klass) {
    case InsnClass::Load:
      insn.cycles = 1;
      insn.result_latency = kLoadLatency;
      insn.timing_late_writes = late_registers(Results::Rt, *e, f, insn);
      break;
    case InsnClass::LoadMultiple:
      insn.cycles = static_cast<uint8_t>(1 + std::popcount(insn.imm & 0xFFFF));
      insn.result_latency = kLoadLatency;
      insn.timing_late_writes = late_registers(Results::List, *e, f, insn);
      break;
    case InsnClass::StoreMultiple:
      insn.cycles = static_cast<uint8_t>(1 + std::popcount(insn.imm & 0xFFFF));
      break;
    default:
      insn.cycles = 1;
      break;
  }
}

uint32_t divide_cycles(uint32_t dividend, uint32_t divisor) {
  // Early termination [M4-TRM: "2 to 12 cycles", the count depending on the operands; the M55
  // documents we could read give no formula]. Our rule [CHOSEN]: the divider retires 3 quotient
  // bits per cycle after a 2-cycle setup, and the quotient has
  // max(0, clz(divisor) - clz(dividend) + 1) significant bits; the total is capped at 11.
  if (divisor == 0 || dividend < divisor) return kDivideMinCycles;
  const int quotient_bits = std::countl_zero(divisor) - std::countl_zero(dividend) + 1;
  const uint32_t cycles = kDivideMinCycles + static_cast<uint32_t>(quotient_bits + 2) / 3;
  return std::min(cycles, kDivideMaxCycles);
}

}  // namespace minifvp::cpu::timing
