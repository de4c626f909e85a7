#include "cpu/exec/fp_load_store.h"

#include "cpu/exec/fp_common.h"
#include "cpu/exec/fp_move.h"

namespace minifvp::cpu::exec {
namespace {

uint32_t base_address(Core& core, unsigned n) {
  return n == 15 ? core.pc_read() & ~3u : core.reg(n);
}

uint32_t single_address(Core& core, const DecodedInsn& insn) {
  const uint32_t base = base_address(core, insn.n);
  return insn.add ? base + insn.imm : base - insn.imm;
}

}  // namespace

void VLDR(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  const fp::Format format = fp_format(insn);
  const uint32_t address = single_address(core, insn);
  uint64_t value = 0;
  switch (format) {
    case fp::Format::F16:
      value = core.read_memory(address, 2, Alignment::Aligned);
      break;
    case fp::Format::F32:
      value = core.read_memory(address, 4, Alignment::Aligned);
      break;
    case fp::Format::F64: {
      const uint32_t low = core.read_memory(address, 4, Alignment::Aligned);
      const uint32_t high = core.read_memory(address + 4, 4, Alignment::Aligned);
      value = low | (uint64_t{high} << 32);
      break;
    }
  }
  write_fp(core.state(), format, insn.d, value);
}

void VSTR(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  const fp::Format format = fp_format(insn);
  const uint32_t address = single_address(core, insn);
  const uint64_t value = read_fp(core.state(), format, insn.d);
  switch (format) {
    case fp::Format::F16:
      core.write_memory(address, 2, static_cast<uint32_t>(value), Alignment::Aligned);
      break;
    case fp::Format::F32:
      core.write_memory(address, 4, static_cast<uint32_t>(value), Alignment::Aligned);
      break;
    case fp::Format::F64:
      core.write_memory(address, 4, static_cast<uint32_t>(value), Alignment::Aligned);
      core.write_memory(address + 4, 4, static_cast<uint32_t>(value >> 32), Alignment::Aligned);
      break;
  }
}

namespace {

// VLDM/VSTM: imm32 = ZeroExtend(imm8:'00'), the start offset (decrement before) and the writeback
// amount. It is not always 4 * the words transferred: a double-precision list with an odd imm8 is
// the deprecated FLDMX/FSTMX form, which transfers imm8 DIV 2 doublewords but still moves the base
// by imm8 words (Armv8-M ARM, VLDM/VSTM: "regs = UInt(imm8) DIV 2", "If UInt(imm8) is odd, see
// FLDMX/FSTMX").
uint32_t transfer_offset(const DecodedInsn& insn) {
  return (insn.raw & 0xffu) << 2;
}

}  // namespace

void VLDM(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const bool dbl = fp_format(insn) == fp::Format::F64;
  const unsigned words = insn.imm * (dbl ? 2 : 1);
  const uint32_t first_word = dbl ? 2u * insn.d : insn.d;
  const uint32_t base = core.reg(insn.n);
  const uint32_t imm32 = transfer_offset(insn);
  const uint32_t start = insn.add ? base : base - imm32;
  uint32_t loaded[32];
  for (unsigned i = 0; i < words; ++i) {
    loaded[i] = core.read_memory(start + 4 * i, 4, Alignment::Aligned);
  }
  for (unsigned i = 0; i < words; ++i) s.s[first_word + i] = loaded[i];
  if (insn.wback) s.r[insn.n] = insn.add ? base + imm32 : base - imm32;
}

void VSTM(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const bool dbl = fp_format(insn) == fp::Format::F64;
  const unsigned words = insn.imm * (dbl ? 2 : 1);
  const uint32_t first_word = dbl ? 2u * insn.d : insn.d;
  const uint32_t base = core.reg(insn.n);
  const uint32_t imm32 = transfer_offset(insn);
  const uint32_t start = insn.add ? base : base - imm32;
  for (unsigned i = 0; i < words; ++i) {
    core.write_memory(start + 4 * i, 4, s.s[first_word + i], Alignment::Aligned);
  }
  if (insn.wback) s.r[insn.n] = insn.add ? base + imm32 : base - imm32;
}

void VLDR_system(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const uint32_t base = core.reg(insn.n);
  const uint32_t offset_address = insn.add ? base + insn.imm : base - insn.imm;
  const uint32_t address = insn.index ? offset_address : base;
  const uint32_t value = core.read_memory(address, 4, Alignment::Aligned);
  if (insn.wback) s.r[insn.n] = offset_address;
  write_fp_system_register(s, insn.t, value);
}

void VSTR_system(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const uint32_t base = core.reg(insn.n);
  const uint32_t offset_address = insn.add ? base + insn.imm : base - insn.imm;
  const uint32_t address = insn.index ? offset_address : base;
  core.write_memory(address, 4, read_fp_system_register(s, insn.t), Alignment::Aligned);
  if (insn.wback) s.r[insn.n] = offset_address;
}

}  // namespace minifvp::cpu::exec
