// MVE contiguous and gather/scatter loads and stores (contracts in cpu/exec/mve_load_store.h).
#include "cpu/exec/mve_load_store.h"

#include "cpu/exec/mve_common.h"

namespace minifvp::cpu::exec {
namespace {

using mve::Vector;

// One element read from memory, sign- or zero-extended from `msize` bytes.
uint32_t load_element(Core& core, uint32_t address, unsigned msize, bool sign_extend) {
  const uint32_t value = core.read_memory(address, msize, Alignment::Aligned);
  if (!sign_extend || msize == 4) return value;
  const unsigned shift = 32 - 8 * msize;
  return static_cast<uint32_t>(static_cast<int32_t>(value << shift) >> shift);
}

bool byte_set(uint16_t mask, unsigned byte) {
  return (mask >> byte) & 1;
}

// The common case of a contiguous load: every lane active and executed, the elements in plain RAM
// (Core::read_block). Fills `result` and returns true, or returns false for the element-by-element
// path.
bool load_whole_vector(Core& core, const DecodedInsn& insn, uint32_t start, Vector& result) {
  const unsigned esize = insn.esize, msize = insn.imm2, lanes = mve::kVectorBytes / esize;
  if (esize == msize) return core.read_block(start, msize, lanes, result.bytes.data());
  uint8_t memory[mve::kVectorBytes];
  if (!core.read_block(start, msize, lanes, memory)) return false;
  for (unsigned e = 0; e < lanes; ++e) {
    uint32_t value = msize == 1 ? memory[e] : uint32_t{memory[2 * e]} | memory[2 * e + 1] << 8;
    if (insn.flag) {
      const unsigned shift = 32 - 8 * msize;
      value = static_cast<uint32_t>(static_cast<int32_t>(value << shift) >> shift);
    }
    result.set_element(e, esize, value);
  }
  return true;
}

}  // namespace

// VLDR{B,H,W} (Arm ARM: for each element of each executed beat, Elem[Q[d]] = the loaded value
// if the element is active, else zero; then the writeback).
void MVE_VLDR_contiguous(Core& core, const DecodedInsn& insn) {
  const uint16_t active = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint16_t executed = mve::unexecuted_beats(s);
  const uint32_t base = s.r[insn.n];
  const uint32_t offset_address = insn.add ? base + insn.imm : base - insn.imm;
  const uint32_t start = insn.index ? offset_address : base;
  const unsigned esize = insn.esize, msize = insn.imm2;
  Vector result = mve::read_q(s, insn.d);
  if ((active & executed) == 0xffff && load_whole_vector(core, insn, start, result)) {
    mve::write_q(s, insn.d, result);
    if (insn.wback) s.r[insn.n] = offset_address;
    mve::finish_beatwise(core);
    return;
  }
  for (unsigned e = 0; e < mve::kVectorBytes / esize; ++e) {
    const unsigned byte = e * esize;
    if (!byte_set(executed, byte)) continue;
    const uint32_t value =
        byte_set(active, byte) ? load_element(core, start + e * msize, msize, insn.flag) : 0;
    result.set_element(e, esize, value);
  }
  mve::write_q(s, insn.d, result);
  if (insn.wback) s.r[insn.n] = offset_address;
  mve::finish_beatwise(core);
}

void MVE_VSTR_contiguous(Core& core, const DecodedInsn& insn) {
  const uint16_t active = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint32_t base = s.r[insn.n];
  const uint32_t offset_address = insn.add ? base + insn.imm : base - insn.imm;
  const uint32_t start = insn.index ? offset_address : base;
  const unsigned esize = insn.esize, msize = insn.imm2;
  const Vector source = mve::read_q(s, insn.d);
  // The common case: every lane active, a plain (not narrowing) store to plain RAM.
  if (active == 0xffff && esize == msize &&
      core.write_block(start, msize, mve::kVectorBytes / esize, source.bytes.data())) {
    if (insn.wback) s.r[insn.n] = offset_address;
    mve::finish_beatwise(core);
    return;
  }
  for (unsigned e = 0; e < mve::kVectorBytes / esize; ++e) {
    if (!byte_set(active, e * esize)) continue;
    core.write_memory(start + e * msize, msize, static_cast<uint32_t>(source.element(e, esize)),
                      Alignment::Aligned);
  }
  if (insn.wback) s.r[insn.n] = offset_address;
  mve::finish_beatwise(core);
}

// Gather load with vector offsets. For 64-bit elements (esize 8) each doubleword is two word
// accesses at R[n] + (low word of the Qm doubleword << imm) and +4, predicated per word.
void MVE_VLDR_gather_offset(Core& core, const DecodedInsn& insn) {
  const uint16_t active = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint16_t executed = mve::unexecuted_beats(s);
  const uint32_t base = s.r[insn.n];
  const Vector offsets = mve::read_q(s, insn.m);
  Vector result = mve::read_q(s, insn.d);
  if (insn.esize == 8) {
    for (unsigned word = 0; word < 4; ++word) {
      if (!byte_set(executed, 4 * word)) continue;
      const uint32_t address =
          base + (offsets.lane<uint32_t>(word & ~1u) << insn.imm) + 4 * (word & 1);
      const uint32_t value =
          byte_set(active, 4 * word) ? core.read_memory(address, 4, Alignment::Aligned) : 0;
      result.set_lane<uint32_t>(word, value);
    }
  } else {
    const unsigned esize = insn.esize;
    for (unsigned e = 0; e < mve::kVectorBytes / esize; ++e) {
      const unsigned byte = e * esize;
      if (!byte_set(executed, byte)) continue;
      const uint32_t address =
          base + (static_cast<uint32_t>(offsets.element(e, esize)) << insn.imm);
      const uint32_t value =
          byte_set(active, byte) ? load_element(core, address, insn.imm2, insn.flag) : 0;
      result.set_element(e, esize, value);
    }
  }
  mve::write_q(s, insn.d, result);
  mve::finish_beatwise(core);
}

void MVE_VSTR_scatter_offset(Core& core, const DecodedInsn& insn) {
  const uint16_t active = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint32_t base = s.r[insn.n];
  const Vector offsets = mve::read_q(s, insn.m);
  const Vector source = mve::read_q(s, insn.d);
  if (insn.esize == 8) {
    for (unsigned word = 0; word < 4; ++word) {
      if (!byte_set(active, 4 * word)) continue;
      const uint32_t address =
          base + (offsets.lane<uint32_t>(word & ~1u) << insn.imm) + 4 * (word & 1);
      core.write_memory(address, 4, source.lane<uint32_t>(word), Alignment::Aligned);
    }
  } else {
    const unsigned esize = insn.esize;
    for (unsigned e = 0; e < mve::kVectorBytes / esize; ++e) {
      if (!byte_set(active, e * esize)) continue;
      const uint32_t address =
          base + (static_cast<uint32_t>(offsets.element(e, esize)) << insn.imm);
      core.write_memory(address, insn.imm2, static_cast<uint32_t>(source.element(e, esize)),
                        Alignment::Aligned);
    }
  }
  mve::finish_beatwise(core);
}

namespace {

// The address of word `word` of a vector-base access: Qm element +/- offset (64-bit elements:
// the low word of the doubleword, +4 for its high word).
uint32_t vector_base_address(const Vector& bases, const DecodedInsn& insn, unsigned word) {
  const unsigned element_word = insn.esize == 8 ? (word & ~1u) : word;
  const uint32_t base = bases.lane<uint32_t>(element_word);
  const uint32_t address = insn.add ? base + insn.imm : base - insn.imm;
  return insn.esize == 8 ? address + 4 * (word & 1) : address;
}

// The written-back Qm of a vector-base access: each executed element gets its address, for
// 64-bit elements only the low word (once its second beat executed), as QEMU does.
void write_back_bases(CpuState& s, const DecodedInsn& insn, uint16_t executed) {
  Vector bases = mve::read_q(s, insn.m);
  const Vector old = bases;
  for (unsigned word = 0; word < 4; ++word) {
    if (!byte_set(executed, 4 * word)) continue;
    if (insn.esize == 8) {
      if ((word & 1) != 0)
        bases.set_lane<uint32_t>(word - 1, vector_base_address(old, insn, word - 1));
    } else {
      bases.set_lane<uint32_t>(word, vector_base_address(old, insn, word));
    }
  }
  mve::write_q(s, insn.m, bases);
}

}  // namespace

void MVE_VLDR_gather_base(Core& core, const DecodedInsn& insn) {
  const uint16_t active = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint16_t executed = mve::unexecuted_beats(s);
  const Vector bases = mve::read_q(s, insn.m);
  Vector result = mve::read_q(s, insn.d);
  for (unsigned word = 0; word < 4; ++word) {
    if (!byte_set(executed, 4 * word)) continue;
    const uint32_t value =
        byte_set(active, 4 * word)
            ? core.read_memory(vector_base_address(bases, insn, word), 4, Alignment::Aligned)
            : 0;
    result.set_lane<uint32_t>(word, value);
  }
  mve::write_q(s, insn.d, result);
  if (insn.wback) write_back_bases(s, insn, executed);
  mve::finish_beatwise(core);
}

void MVE_VSTR_scatter_base(Core& core, const DecodedInsn& insn) {
  const uint16_t active = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint16_t executed = mve::unexecuted_beats(s);
  const Vector bases = mve::read_q(s, insn.m);
  const Vector source = mve::read_q(s, insn.d);
  for (unsigned word = 0; word < 4; ++word) {
    if (!byte_set(active, 4 * word)) continue;
    core.write_memory(vector_base_address(bases, insn, word), 4, source.lane<uint32_t>(word),
                      Alignment::Aligned);
  }
  if (insn.wback) write_back_bases(s, insn, executed);
  mve::finish_beatwise(core);
}

}  // namespace minifvp::cpu::exec
