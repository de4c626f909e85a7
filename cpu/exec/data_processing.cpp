#include "cpu/exec/data_processing.h"

#include <bit>

#include "cpu/exec/it_block_rules.h"
#include "cpu/exec/stack_limit.h"

namespace minifvp::cpu::exec {
namespace {

uint32_t ror(uint32_t x, unsigned amount) {
  return std::rotr(x, static_cast<int>(amount));
}

uint32_t zero_extend_reg(Core& core, unsigned n) {
  return n == 15 ? 0 : core.state().r[n];
}

}  // namespace

// Writes SP (d == 13) or PC (d == 15); every other register goes through write_result's fast path.
void write_result_high(Core& core, unsigned d, uint32_t value) {
  if (d == 15) {
    // ADD (register) T2 and MOV (register) T1: "if d == 15 && InITBlock() && !LastInITBlock() then
    // UNPREDICTABLE" (the 32-bit encodings cannot name the PC as Rd).
    require_outside_or_last_in_it_block(core, "a data-processing write to the PC");
    core.alu_write_pc(value);
    return;
  }
  const uint32_t sp = value & ~3u;
  check_stack_limit(core, sp);
  core.state().r[13] = sp;
}

void MOV_reg_T2(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "MOVS <Rd>, <Rm> (MOV (register) T2)");
  alu<AluOp::MOV, Operand2::ShiftedReg>(core, insn);
}

void ADR(Core& core, const DecodedInsn& insn) {
  write_result(core, insn.d, align4(core.pc_read()) + insn.imm);
}

void MOVT(Core& core, const DecodedInsn& insn) {
  uint32_t& rd = core.state().r[insn.d];
  rd = (insn.imm << 16) | (rd & 0xffff);
}

void PKH(Core& core, const DecodedInsn& insn) {
  const CpuState& s = core.state();
  const uint32_t operand2 = shift(s.r[insn.m], insn.shift_type, insn.shift_n, s.c);
  const uint32_t rn = s.r[insn.n];
  const uint32_t result = insn.flag ? (rn & 0xffff0000u) | (operand2 & 0xffff)
                                    : (operand2 & 0xffff0000u) | (rn & 0xffff);
  core.state().r[insn.d] = result;
}

// ---- extend ----

void SXTB(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = static_cast<uint32_t>(sign_extend(ror(s.r[insn.m], insn.imm), 8));
}
void SXTH(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = static_cast<uint32_t>(sign_extend(ror(s.r[insn.m], insn.imm), 16));
}
void UXTB(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = ror(s.r[insn.m], insn.imm) & 0xff;
}
void UXTH(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = ror(s.r[insn.m], insn.imm) & 0xffff;
}
void SXTB16(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t rotated = ror(s.r[insn.m], insn.imm);
  const uint32_t lo = static_cast<uint32_t>(sign_extend(rotated, 8)) & 0xffff;
  const uint32_t hi = static_cast<uint32_t>(sign_extend(rotated >> 16, 8)) & 0xffff;
  s.r[insn.d] = (hi << 16) | lo;
}
void UXTB16(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = ror(s.r[insn.m], insn.imm) & 0x00ff00ffu;
}
void SXTAB(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = s.r[insn.n] + static_cast<uint32_t>(sign_extend(ror(s.r[insn.m], insn.imm), 8));
}
void SXTAH(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = s.r[insn.n] + static_cast<uint32_t>(sign_extend(ror(s.r[insn.m], insn.imm), 16));
}
void UXTAB(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = s.r[insn.n] + (ror(s.r[insn.m], insn.imm) & 0xff);
}
void UXTAH(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = s.r[insn.n] + (ror(s.r[insn.m], insn.imm) & 0xffff);
}
void SXTAB16(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t rotated = ror(s.r[insn.m], insn.imm);
  const uint32_t rn = s.r[insn.n];
  const uint32_t lo = (rn + static_cast<uint32_t>(sign_extend(rotated, 8))) & 0xffff;
  const uint32_t hi = ((rn >> 16) + static_cast<uint32_t>(sign_extend(rotated >> 16, 8))) & 0xffff;
  s.r[insn.d] = (hi << 16) | lo;
}
void UXTAB16(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t rotated = ror(s.r[insn.m], insn.imm);
  const uint32_t rn = s.r[insn.n];
  const uint32_t lo = (rn + (rotated & 0xff)) & 0xffff;
  const uint32_t hi = ((rn >> 16) + ((rotated >> 16) & 0xff)) & 0xffff;
  s.r[insn.d] = (hi << 16) | lo;
}

// ---- reverse, count ----

void REV(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = __builtin_bswap32(s.r[insn.m]);
}
void REV16(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t x = s.r[insn.m];
  s.r[insn.d] = ((x & 0x00ff00ffu) << 8) | ((x >> 8) & 0x00ff00ffu);
}
void REVSH(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t x = s.r[insn.m];
  const uint32_t swapped = ((x & 0xff) << 8) | ((x >> 8) & 0xff);
  s.r[insn.d] = static_cast<uint32_t>(sign_extend(swapped, 16));
}
void RBIT(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  uint32_t x = s.r[insn.m];
  x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
  x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
  x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
  s.r[insn.d] = __builtin_bswap32(x);
}
void CLZ(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = static_cast<uint32_t>(std::countl_zero(s.r[insn.m]));
}

// ---- bitfields ----

void SBFX(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const unsigned width = insn.imm2 + 1;
  s.r[insn.d] = static_cast<uint32_t>(sign_extend(s.r[insn.n] >> insn.imm, width));
}
void UBFX(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const unsigned width = insn.imm2 + 1;
  const uint32_t mask = width >= 32 ? 0xffffffffu : (1u << width) - 1;
  s.r[insn.d] = (s.r[insn.n] >> insn.imm) & mask;
}

namespace {
// Bits msbit..lsbit set (msbit >= lsbit, checked at decode).
uint32_t field_mask(unsigned msbit, unsigned lsbit) {
  const unsigned width = msbit - lsbit + 1;
  return (width >= 32 ? 0xffffffffu : (1u << width) - 1) << lsbit;
}
}  // namespace

void BFI(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t mask = field_mask(insn.imm2, insn.imm);
  s.r[insn.d] = (s.r[insn.d] & ~mask) | ((s.r[insn.n] << insn.imm) & mask);
}
void BFC(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] &= ~field_mask(insn.imm2, insn.imm);
}

// ---- conditional select ----

void CSEL(Core& core, const DecodedInsn& insn) {
  const bool take_n = condition_holds(core.state(), insn.cond);
  core.state().r[insn.d] = take_n ? zero_extend_reg(core, insn.n) : zero_extend_reg(core, insn.m);
}
void CSINC(Core& core, const DecodedInsn& insn) {
  const bool take_n = condition_holds(core.state(), insn.cond);
  core.state().r[insn.d] =
      take_n ? zero_extend_reg(core, insn.n) : zero_extend_reg(core, insn.m) + 1;
}
void CSINV(Core& core, const DecodedInsn& insn) {
  const bool take_n = condition_holds(core.state(), insn.cond);
  core.state().r[insn.d] = take_n ? zero_extend_reg(core, insn.n) : ~zero_extend_reg(core, insn.m);
}
void CSNEG(Core& core, const DecodedInsn& insn) {
  const bool take_n = condition_holds(core.state(), insn.cond);
  core.state().r[insn.d] =
      take_n ? zero_extend_reg(core, insn.n) : 0u - zero_extend_reg(core, insn.m);
}

}  // namespace minifvp::cpu::exec
