#include "cpu/exec/load_store.h"

#include <bit>

#include "cpu/arm_pseudocode.h"
#include "cpu/exec/it_block_rules.h"
#include "cpu/exec/stack_limit.h"

namespace minifvp::cpu::exec {
namespace {

// MemU[] reads of 1, 2 or 4 bytes, zero- or sign-extended to 32 bits.
template <unsigned kSize, bool kSigned>
uint32_t load_extended(Core& core, uint32_t address, bool unprivileged) {
  const uint32_t value = core.read_memory(address, kSize, Alignment::Any, unprivileged);
  if constexpr (kSigned) {
    return static_cast<uint32_t>(sign_extend(value, kSize * 8));
  } else {
    return value;
  }
}

// The end of every LDR (word) form: R[t] = data, or for t == 15
//   if address<1:0> == '00' then LoadWritePC(data) else UNPREDICTABLE;
// For the UNPREDICTABLE case we choose an UNALIGNED UsageFault, the fault a load to the PC from
// that address would take if it were MemA.
void write_loaded_word(Core& core, unsigned t, uint32_t address, uint32_t data) {
  if (t != 15) [[likely]] {
    core.set_reg(t, data);
    return;
  }
  if ((address & 3) != 0) {
    core.raise_data_fault(FaultKind::Unaligned, address,
                          "LDR to the PC from an unaligned address is UNPREDICTABLE");
  }
  core.load_write_pc(data);
}

// Checked at the start of every word load that may target the PC (before any access).
void check_load_to_pc(Core& core, unsigned t) {
  if (t == 15) require_outside_or_last_in_it_block(core, "a load to the PC");
}

uint32_t offset_address(uint32_t base, uint32_t imm, bool add) {
  return add ? base + imm : base - imm;
}

// Writeback to SP is stack-limit checked before the instruction's memory accesses.
void check_writeback(Core& core, const DecodedInsn& insn, uint32_t new_base) {
  if (insn.n == 13 && insn.wback) check_stack_limit(core, new_base);
}

// LDR{B,H,SB,SH}{,T} (immediate): the shared execute pseudocode.
//   offset_addr = if add then (R[n] + imm32) else (R[n] - imm32);
//   address = if index then offset_addr else R[n];
//   data = MemU[address, size]; if wback then R[n] = offset_addr; R[t] = Extend(data);
template <unsigned kSize, bool kSigned, bool kUnprivileged>
void load_immediate(Core& core, const DecodedInsn& insn) {
  if constexpr (kSize == 4) check_load_to_pc(core, insn.t);
  const uint32_t base = core.reg(insn.n);
  const uint32_t offset_addr = offset_address(base, insn.imm, insn.add);
  const uint32_t address = insn.index ? offset_addr : base;
  check_writeback(core, insn, offset_addr);
  const uint32_t data = load_extended<kSize, kSigned>(core, address, kUnprivileged);
  if (insn.wback) core.set_reg(insn.n, offset_addr);
  if constexpr (kSize == 4) {
    write_loaded_word(core, insn.t, address, data);
  } else {
    core.set_reg(insn.t, data);
  }
}

// STR{B,H}{,T} (immediate): MemU[address, size] = R[t]<size*8-1:0>; then writeback.
template <unsigned kSize, bool kUnprivileged>
void store_immediate(Core& core, const DecodedInsn& insn) {
  const uint32_t base = core.reg(insn.n);
  const uint32_t offset_addr = offset_address(base, insn.imm, insn.add);
  const uint32_t address = insn.index ? offset_addr : base;
  check_writeback(core, insn, offset_addr);
  core.write_memory(address, kSize, core.reg(insn.t), Alignment::Any, kUnprivileged);
  if (insn.wback) core.set_reg(insn.n, offset_addr);
}

// LDR{B,H,SB,SH} (register): offset = Shift(R[m], LSL, shift_n); address = R[n] + offset.
template <unsigned kSize, bool kSigned>
void load_register(Core& core, const DecodedInsn& insn) {
  if constexpr (kSize == 4) check_load_to_pc(core, insn.t);
  const uint32_t address = core.reg(insn.n) + (core.reg(insn.m) << insn.shift_n);
  const uint32_t data = load_extended<kSize, kSigned>(core, address, false);
  if constexpr (kSize == 4) {
    write_loaded_word(core, insn.t, address, data);
  } else {
    core.set_reg(insn.t, data);
  }
}

template <unsigned kSize>
void store_register(Core& core, const DecodedInsn& insn) {
  const uint32_t address = core.reg(insn.n) + (core.reg(insn.m) << insn.shift_n);
  core.write_memory(address, kSize, core.reg(insn.t), Alignment::Any);
}

// LDR{B,H,SB,SH} (literal): base = Align(PC, 4); address = base +/- imm32.
template <unsigned kSize, bool kSigned>
void load_literal(Core& core, const DecodedInsn& insn) {
  if constexpr (kSize == 4) check_load_to_pc(core, insn.t);
  const uint32_t address = offset_address(core.pc_read() & ~3u, insn.imm, insn.add);
  const uint32_t data = load_extended<kSize, kSigned>(core, address, false);
  if constexpr (kSize == 4) {
    write_loaded_word(core, insn.t, address, data);
  } else {
    core.set_reg(insn.t, data);
  }
}

// Loads registers from consecutive words at `address` (MemA) and commits them, PC last
// (LoadWritePC). Returns nothing; writeback is the caller's.
void load_register_list(Core& core, uint32_t registers, uint32_t address) {
  if ((registers & 0x8000) != 0)
    require_outside_or_last_in_it_block(core, "LDM/POP loading the PC");
  uint32_t values[16];
  for (uint32_t list = registers; list != 0; list &= list - 1) {
    const int i = std::countr_zero(list);
    values[i] = core.read_memory(address, 4, Alignment::Aligned);
    address += 4;
  }
  for (uint32_t list = registers & 0x7fff; list != 0; list &= list - 1) {
    const int i = std::countr_zero(list);
    core.set_reg(static_cast<unsigned>(i), values[i]);
  }
  if ((registers & 0x8000) != 0) core.load_write_pc(values[15]);
}

// Stores registers to consecutive words at `address` (MemA), lowest register first. A base
// register in the list stores its value from before the instruction: where the pseudocode
// stores UNKNOWN (STM T1 with the base not lowest in the list) this is our choice.
void store_register_list(Core& core, uint32_t registers, uint32_t address) {
  for (uint32_t list = registers; list != 0; list &= list - 1) {
    const int i = std::countr_zero(list);
    core.write_memory(address, 4, core.reg(static_cast<unsigned>(i)), Alignment::Aligned);
    address += 4;
  }
}

// LDREX{B,H}: R[t] = ZeroExtend(MemA[address, size]); SetExclusiveMonitors(address, size).
template <unsigned kSize>
void load_exclusive(Core& core, const DecodedInsn& insn) {
  const uint32_t address = core.reg(insn.n) + insn.imm;
  const uint32_t data = core.read_memory(address, kSize, Alignment::Aligned);
  CpuState& s = core.state();
  s.exclusive_open = true;
  s.exclusive_addr = address;
  core.set_reg(insn.t, data);
}

// STREX{B,H}: if ExclusiveMonitorsPass(address, size) then MemA[address, size] = R[t]; R[d] = 0
// else R[d] = 1. ExclusiveMonitorsPass checks the alignment first (UNALIGNED UsageFault even when
// the monitor would fail). The local monitor passes when it is open and tags this address (we tag
// exact addresses, a granule of one byte, which the architecture allows). Every STREX returns the
// local monitor to Open Access, as the Arm ARM's local monitor state machine gives.
template <unsigned kSize>
void store_exclusive(Core& core, const DecodedInsn& insn) {
  const uint32_t address = core.reg(insn.n) + insn.imm;
  if ((address & (kSize - 1)) != 0) {
    core.raise_data_fault(FaultKind::Unaligned, address, "unaligned store exclusive");
  }
  CpuState& s = core.state();
  const bool passed = s.exclusive_open && s.exclusive_addr == address;
  if (passed) core.write_memory(address, kSize, core.reg(insn.t), Alignment::Aligned);
  s.exclusive_open = false;
  core.set_reg(insn.d, passed ? 0 : 1);
}

template <unsigned kSize>
void load_acquire(Core& core, const DecodedInsn& insn) {
  core.set_reg(insn.t, core.read_memory(core.reg(insn.n), kSize, Alignment::Aligned));
}

template <unsigned kSize>
void store_release(Core& core, const DecodedInsn& insn) {
  core.write_memory(core.reg(insn.n), kSize, core.reg(insn.t), Alignment::Aligned);
}

}  // namespace

void LDR_imm(Core& core, const DecodedInsn& insn) {
  load_immediate<4, false, false>(core, insn);
}
void LDRH_imm(Core& core, const DecodedInsn& insn) {
  load_immediate<2, false, false>(core, insn);
}
void LDRSH_imm(Core& core, const DecodedInsn& insn) {
  load_immediate<2, true, false>(core, insn);
}
void LDRB_imm(Core& core, const DecodedInsn& insn) {
  load_immediate<1, false, false>(core, insn);
}
void LDRSB_imm(Core& core, const DecodedInsn& insn) {
  load_immediate<1, true, false>(core, insn);
}
void STR_imm(Core& core, const DecodedInsn& insn) {
  store_immediate<4, false>(core, insn);
}
void STRH_imm(Core& core, const DecodedInsn& insn) {
  store_immediate<2, false>(core, insn);
}
void STRB_imm(Core& core, const DecodedInsn& insn) {
  store_immediate<1, false>(core, insn);
}

void LDRT(Core& core, const DecodedInsn& insn) {
  load_immediate<4, false, true>(core, insn);
}
void LDRHT(Core& core, const DecodedInsn& insn) {
  load_immediate<2, false, true>(core, insn);
}
void LDRSHT(Core& core, const DecodedInsn& insn) {
  load_immediate<2, true, true>(core, insn);
}
void LDRBT(Core& core, const DecodedInsn& insn) {
  load_immediate<1, false, true>(core, insn);
}
void LDRSBT(Core& core, const DecodedInsn& insn) {
  load_immediate<1, true, true>(core, insn);
}
void STRT(Core& core, const DecodedInsn& insn) {
  store_immediate<4, true>(core, insn);
}
void STRHT(Core& core, const DecodedInsn& insn) {
  store_immediate<2, true>(core, insn);
}
void STRBT(Core& core, const DecodedInsn& insn) {
  store_immediate<1, true>(core, insn);
}

void LDR_reg(Core& core, const DecodedInsn& insn) {
  load_register<4, false>(core, insn);
}
void LDRH_reg(Core& core, const DecodedInsn& insn) {
  load_register<2, false>(core, insn);
}
void LDRSH_reg(Core& core, const DecodedInsn& insn) {
  load_register<2, true>(core, insn);
}
void LDRB_reg(Core& core, const DecodedInsn& insn) {
  load_register<1, false>(core, insn);
}
void LDRSB_reg(Core& core, const DecodedInsn& insn) {
  load_register<1, true>(core, insn);
}
void STR_reg(Core& core, const DecodedInsn& insn) {
  store_register<4>(core, insn);
}
void STRH_reg(Core& core, const DecodedInsn& insn) {
  store_register<2>(core, insn);
}
void STRB_reg(Core& core, const DecodedInsn& insn) {
  store_register<1>(core, insn);
}

void LDR_lit(Core& core, const DecodedInsn& insn) {
  load_literal<4, false>(core, insn);
}
void LDRH_lit(Core& core, const DecodedInsn& insn) {
  load_literal<2, false>(core, insn);
}
void LDRSH_lit(Core& core, const DecodedInsn& insn) {
  load_literal<2, true>(core, insn);
}
void LDRB_lit(Core& core, const DecodedInsn& insn) {
  load_literal<1, false>(core, insn);
}
void LDRSB_lit(Core& core, const DecodedInsn& insn) {
  load_literal<1, true>(core, insn);
}

void memory_hint(Core&, const DecodedInsn&) {}

// LDM: loads from R[n] upwards; if wback && registers<n> == '0' then R[n] += 4*BitCount.
void LDM(Core& core, const DecodedInsn& insn) {
  const uint32_t registers = insn.imm;
  const uint32_t base = core.reg(insn.n);
  const uint32_t new_base = base + 4 * static_cast<uint32_t>(std::popcount(registers));
  const bool wback = insn.wback && ((registers >> insn.n) & 1) == 0;
  if (wback) check_writeback(core, insn, new_base);
  load_register_list(core, registers, base);
  if (wback) core.set_reg(insn.n, new_base);
}

// LDMDB: address = R[n] - 4*BitCount; if wback && registers<n> == '0' then R[n] = address.
void LDMDB(Core& core, const DecodedInsn& insn) {
  const uint32_t registers = insn.imm;
  const uint32_t address = core.reg(insn.n) - 4 * static_cast<uint32_t>(std::popcount(registers));
  const bool wback = insn.wback && ((registers >> insn.n) & 1) == 0;
  if (wback) check_writeback(core, insn, address);
  load_register_list(core, registers, address);
  if (wback) core.set_reg(insn.n, address);
}

// STM: stores from R[n] upwards; if wback then R[n] += 4*BitCount.
void STM(Core& core, const DecodedInsn& insn) {
  const uint32_t base = core.reg(insn.n);
  const uint32_t new_base = base + 4 * static_cast<uint32_t>(std::popcount(insn.imm));
  check_writeback(core, insn, new_base);
  store_register_list(core, insn.imm, base);
  if (insn.wback) core.set_reg(insn.n, new_base);
}

// STMDB/PUSH: address = R[n] - 4*BitCount; stores upwards from there; if wback R[n] = address.
void STMDB(Core& core, const DecodedInsn& insn) {
  const uint32_t address = core.reg(insn.n) - 4 * static_cast<uint32_t>(std::popcount(insn.imm));
  check_writeback(core, insn, address);
  store_register_list(core, insn.imm, address);
  if (insn.wback) core.set_reg(insn.n, address);
}

// LDRD (immediate): R[t] = MemA[address,4]; R[t2] = MemA[address+4,4]; writeback.
void LDRD_imm(Core& core, const DecodedInsn& insn) {
  const uint32_t base = core.reg(insn.n);
  const uint32_t offset_addr = offset_address(base, insn.imm, insn.add);
  const uint32_t address = insn.index ? offset_addr : base;
  check_writeback(core, insn, offset_addr);
  const uint32_t first = core.read_memory(address, 4, Alignment::Aligned);
  const uint32_t second = core.read_memory(address + 4, 4, Alignment::Aligned);
  if (insn.wback) core.set_reg(insn.n, offset_addr);
  core.set_reg(insn.t, first);
  core.set_reg(insn.t2, second);
}

// LDRD (literal): address = Align(PC, 4) +/- imm32.
void LDRD_lit(Core& core, const DecodedInsn& insn) {
  const uint32_t address = offset_address(core.pc_read() & ~3u, insn.imm, insn.add);
  const uint32_t first = core.read_memory(address, 4, Alignment::Aligned);
  const uint32_t second = core.read_memory(address + 4, 4, Alignment::Aligned);
  core.set_reg(insn.t, first);
  core.set_reg(insn.t2, second);
}

// STRD (immediate): MemA[address,4] = R[t]; MemA[address+4,4] = R[t2]; writeback.
void STRD_imm(Core& core, const DecodedInsn& insn) {
  const uint32_t base = core.reg(insn.n);
  const uint32_t offset_addr = offset_address(base, insn.imm, insn.add);
  const uint32_t address = insn.index ? offset_addr : base;
  check_writeback(core, insn, offset_addr);
  if ((address & 3) != 0) {
    // MemA checks each access; checking the first before either write keeps memory unchanged.
    core.raise_data_fault(FaultKind::Unaligned, address, "unaligned STRD");
  }
  core.write_memory(address, 4, core.reg(insn.t), Alignment::Aligned);
  core.write_memory(address + 4, 4, core.reg(insn.t2), Alignment::Aligned);
  if (insn.wback) core.set_reg(insn.n, offset_addr);
}

void LDREX(Core& core, const DecodedInsn& insn) {
  load_exclusive<4>(core, insn);
}
void LDREXH(Core& core, const DecodedInsn& insn) {
  load_exclusive<2>(core, insn);
}
void LDREXB(Core& core, const DecodedInsn& insn) {
  load_exclusive<1>(core, insn);
}
void STREX(Core& core, const DecodedInsn& insn) {
  store_exclusive<4>(core, insn);
}
void STREXH(Core& core, const DecodedInsn& insn) {
  store_exclusive<2>(core, insn);
}
void STREXB(Core& core, const DecodedInsn& insn) {
  store_exclusive<1>(core, insn);
}

void LDA(Core& core, const DecodedInsn& insn) {
  load_acquire<4>(core, insn);
}
void LDAH(Core& core, const DecodedInsn& insn) {
  load_acquire<2>(core, insn);
}
void LDAB(Core& core, const DecodedInsn& insn) {
  load_acquire<1>(core, insn);
}
void STL(Core& core, const DecodedInsn& insn) {
  store_release<4>(core, insn);
}
void STLH(Core& core, const DecodedInsn& insn) {
  store_release<2>(core, insn);
}
void STLB(Core& core, const DecodedInsn& insn) {
  store_release<1>(core, insn);
}

// TBB: halfwords = UInt(MemU[R[n]+R[m], 1]); TBH: halfwords = UInt(MemU[R[n]+LSL(R[m],1), 2]);
// BranchWritePC(PC + 2*halfwords).
void TBB_TBH(Core& core, const DecodedInsn& insn) {
  require_outside_or_last_in_it_block(core, "TBB/TBH");
  const bool is_tbh = insn.flag;
  const uint32_t address = core.reg(insn.n) + (is_tbh ? core.reg(insn.m) << 1 : core.reg(insn.m));
  const uint32_t halfwords = core.read_memory(address, is_tbh ? 2 : 1, Alignment::Any);
  core.branch_write_pc(core.pc_read() + 2 * halfwords);
}

}  // namespace minifvp::cpu::exec
