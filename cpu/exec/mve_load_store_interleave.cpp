// VLD2/VLD4 (de-interleaving loads) and VST2/VST4 (interleaving stores), contracts in
// cpu/exec/mve_load_store.h.
//
// A VLD2x/VLD4x instruction moves a quarter (VLD4) or half (VLD2) of a 64- or 32-byte block:
// each of its four beats transfers one 32-bit word of the block, and the pattern number selects
// which words. Element k of the block (esize bytes each) belongs to register Q[d + k MOD R] lane
// k DIV R, R being the number of registers. The word numbers per beat below (the same for every
// element size) are those QEMU 7.2's helpers use; the instructions of a VLD4 (or of a VLD2)
// together cover the block once. Each element is its own aligned access (MemA of the element
// size), where QEMU makes one word access per beat without an alignment check.
#include <array>

#include "cpu/exec/mve_common.h"
#include "cpu/exec/mve_load_store.h"

namespace minifvp::cpu::exec {
namespace {

using mve::Vector;

constexpr std::array<std::array<uint8_t, 4>, 2> kTwoRegisterWords = {{{0, 1, 6, 7}, {2, 3, 4, 5}}};
constexpr std::array<std::array<uint8_t, 4>, 4> kFourRegisterWords = {
    {{0, 1, 10, 11}, {2, 3, 12, 13}, {4, 5, 14, 15}, {6, 7, 8, 9}}};

unsigned word_of_beat(const DecodedInsn& insn, unsigned beat) {
  return insn.imm2 == 2 ? kTwoRegisterWords[insn.imm & 1][beat]
                        : kFourRegisterWords[insn.imm & 3][beat];
}

// Where element k of the block lives: register offset from Qd and byte offset in it.
struct Place {
  unsigned reg;
  unsigned byte;
};
Place place_of(unsigned k, unsigned registers, unsigned esize) {
  return {k % registers, (k / registers) * esize};
}

}  // namespace

void MVE_VLD2_VLD4(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const uint16_t executed = mve::unexecuted_beats(s);
  const unsigned registers = insn.imm2, esize = insn.esize;
  const uint32_t base = s.r[insn.n];
  std::array<Vector, 4> q;
  for (unsigned r = 0; r < registers; ++r) q[r] = mve::read_q(s, insn.d + r);
  for (unsigned beat = 0; beat < 4; ++beat) {
    if (((executed >> (4 * beat)) & 1) == 0) continue;
    const unsigned first_byte = 4 * word_of_beat(insn, beat);
    for (unsigned byte = first_byte; byte < first_byte + 4; byte += esize) {
      const uint32_t value = core.read_memory(base + byte, esize, Alignment::Aligned);
      const Place p = place_of(byte / esize, registers, esize);
      for (unsigned i = 0; i < esize; ++i) q[p.reg].bytes[p.byte + i] = uint8_t(value >> (8 * i));
    }
  }
  for (unsigned r = 0; r < registers; ++r) mve::write_q(s, insn.d + r, q[r]);
  if (insn.wback) s.r[insn.n] = base + 16 * registers;
  mve::advance_eci(s);
}

void MVE_VST2_VST4(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const uint16_t executed = mve::unexecuted_beats(s);
  const unsigned registers = insn.imm2, esize = insn.esize;
  const uint32_t base = s.r[insn.n];
  std::array<Vector, 4> q;
  for (unsigned r = 0; r < registers; ++r) q[r] = mve::read_q(s, insn.d + r);
  for (unsigned beat = 0; beat < 4; ++beat) {
    if (((executed >> (4 * beat)) & 1) == 0) continue;
    const unsigned first_byte = 4 * word_of_beat(insn, beat);
    for (unsigned byte = first_byte; byte < first_byte + 4; byte += esize) {
      const Place p = place_of(byte / esize, registers, esize);
      uint32_t value = 0;
      for (unsigned i = 0; i < esize; ++i) value |= uint32_t{q[p.reg].bytes[p.byte + i]} << (8 * i);
      core.write_memory(base + byte, esize, value, Alignment::Aligned);
    }
  }
  if (insn.wback) s.r[insn.n] = base + 16 * registers;
  mve::advance_eci(s);
}

}  // namespace minifvp::cpu::exec
