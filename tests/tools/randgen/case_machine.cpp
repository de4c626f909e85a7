#include <fmt/format.h>

#include "cpu/exceptions.h"
#include "test_case.h"

namespace minifvp::randdiff {
namespace {
constexpr unsigned kMaxReportedWords = 40;  // driver.S: RD_MAX_REPORTED_WORDS
constexpr unsigned kMaxSteps = 8;
}  // namespace

unsigned TestCase::length_bytes() const {
  unsigned total = 0;
  for (const TestInsn& insn : insns) total += insn.bytes();
  return total;
}

CaseMachine::CaseMachine() : core_(bus_, clock_) {
  bus_.add_ram("ITCM", RD_ITCM_BASE, RD_ITCM_SIZE);
  bus_.add_ram("DTCM", RD_DTCM_BASE, RD_DTCM_SIZE);
  bus_.add_ram("SRAM", RD_FP_TABLE_BASE, RD_FP_TABLE_SIZE);
  // What the driver's reset code sets up: CPACR CP10/CP11 full access, FPCCR.ASPEN (and LSPEN)
  // clear, so FPSCR is exactly what the case loads and CONTROL.FPCA stays 0.
  core_.set_fp_enabled(true);
  core_.set_fp_context_control(false, 0);
}

CaseMachine::~CaseMachine() {
  core_.set_trace_sink(nullptr);
}

void CaseMachine::set_access_checking(bool on) {
  core_.set_trace_sink(on ? this : nullptr);
}

void CaseMachine::commit(const cpu::CommitRecord& record) {
  for (const cpu::MemoryAccess& access : record.accesses) {
    const bool in_scratch = access.addr >= RD_SCRATCH_BASE &&
                            access.addr + access.size <= RD_SCRATCH_BASE + RD_SCRATCH_SIZE;
    const bool code_read = !access.write && access.addr >= RD_ITCM_BASE &&
                           access.addr + access.size <= RD_ITCM_BASE + RD_ITCM_SIZE;
    if (!in_scratch && !code_read) outside_access_ = true;
  }
}

void CaseMachine::fill_scratch(uint32_t index) {
  uint32_t value = RD_PATTERN_START;
  for (uint32_t addr = RD_SCRATCH_BASE; addr < RD_SCRATCH_BASE + RD_SCRATCH_SIZE; addr += 4) {
    bus_.write(addr, 4, value);
    value += RD_PATTERN_STEP;
  }
  bus_.write(RD_JUMP_SLOT, 4, stub_address(index) | 1);
}

void CaseMachine::place(uint32_t index, const TestCase& test_case) {
  uint32_t addr = stub_address(index);
  for (const TestInsn& insn : test_case.insns) {
    if (insn.is32) {
      bus_.write(addr, 2, insn.raw >> 16);
      bus_.write(addr + 2, 2, insn.raw & 0xffff);
    } else {
      bus_.write(addr, 2, insn.raw);
    }
    addr += insn.bytes();
  }
}

CaseOutcome CaseMachine::run(uint32_t index, const TestCase& test_case) {
  fill_scratch(index);
  cpu::CpuState& s = core_.state();
  s = cpu::CpuState{};
  for (unsigned i = 0; i < 13; ++i) s.r[i] = test_case.r[i];
  s.r[13] = RD_SP_TEST;
  s.r[14] = test_case.lr;
  s.r[15] = stub_address(index);
  s.set_apsr_nzcvq(test_case.apsr);
  s.ge = static_cast<uint8_t>((test_case.apsr >> 16) & 0xf);
  s.banked_sp = 0;  // PSP: never set by the driver, 0 from reset on QEMU
  if (test_case.has_fp) {
    s.s = test_case.s;
    s.fpscr = test_case.fpscr;
    s.vpr = test_case.vpr;
  }

  const uint32_t end = stub_address(index) + test_case.length_bytes();
  CaseOutcome outcome;
  outside_access_ = false;
  for (unsigned step = 0; step < kMaxSteps && s.r[15] != end; ++step) {
    if (s.r[15] < stub_address(index) || s.r[15] > end) break;  // left the stub: a branch
    core_.set_instruction_limit(core_.instructions() + 1);
    outcome.stop = core_.run(UINT64_MAX);
    if (outcome.stop == cpu::StopReason::Fault) {
      outcome.faulted = true;
      outcome.fault_kind = core_.last_fault().kind;
      outcome.fault_address_valid = core_.last_fault().address_valid;
      // A faulting access is not committed, so the trace never saw it.
      const uint32_t address = core_.last_fault().address;
      if (core_.last_fault().address_valid &&
          (address < RD_SCRATCH_BASE || address >= RD_SCRATCH_BASE + RD_SCRATCH_SIZE)) {
        outside_access_ = true;
      }
      break;
    }
    if (outcome.stop != cpu::StopReason::InstructionLimit) break;
  }
  outcome.reached_end = !outcome.faulted && s.r[15] == end;
  outcome.outside_access = outside_access_;
  outcome.state = s;
  outcome.has_fp = test_case.has_fp;
  return outcome;
}

std::string CaseMachine::report_line(uint32_t index, const CaseOutcome& outcome) {
  std::string line = fmt::format("C{:08x}", index);
  if (outcome.faulted) {
    line += fmt::format(" FAULT {:08x}",
                        cpu::cfsr_bits(outcome.fault_kind, outcome.fault_address_valid));
    return line;
  }
  const cpu::CpuState& s = outcome.state;
  if (!outcome.reached_end) return line + fmt::format(" STRAY {:08x}", s.r[15]);
  for (unsigned i = 0; i <= 14; ++i) {
    if (i == 13) continue;
    line += fmt::format(" {:08x}", s.r[i]);
  }
  line += fmt::format(" {:08x} {:08x}", s.r[13], s.xpsr() & kApsrMask);
  if (outcome.has_fp) {
    line += " fp";
    for (uint32_t word : s.s) line += fmt::format(" {:08x}", word);
    line += fmt::format(" {:08x} {:08x}", s.fpscr, s.vpr);
  }
  uint32_t expected = RD_PATTERN_START;
  unsigned reported = 0;
  for (uint32_t addr = RD_SCRATCH_BASE; addr < RD_SCRATCH_BASE + RD_SCRATCH_SIZE; addr += 4) {
    const uint32_t want = addr == RD_JUMP_SLOT ? (stub_address(index) | 1) : expected;
    expected += RD_PATTERN_STEP;
    uint32_t value = 0;
    bus_.read(addr, 4, value);
    if (value == want) continue;
    if (reported == kMaxReportedWords) {
      line += " +";
      break;
    }
    ++reported;
    line += fmt::format(" {:08x}={:08x}", addr, value);
  }
  return line;
}

}  // namespace minifvp::randdiff
