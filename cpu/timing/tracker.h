// The dynamic half of the Cortex-M55 timing model: costs that depend on what actually executes.
//
// Static per-encoding costs are in DecodedInsn::cycles (cpu/timing/m55_timing.cpp fills them at
// decode). After each instruction the core calls Tracker::retire(), which returns the extra cycles
// of that instruction:
//  - result-use interlocks: an instruction that reads a core register whose producer (a load, a
//    multiply) has not delivered it yet waits until it has (a scoreboard of ready times);
//  - the pipeline refill after a taken branch or any other PC write (DecodedInsn::taken_penalty);
//  - cycles the execute functions reported while running (divide early termination);
//  - MVE beat overlap: a vector instruction issues in one cycle and keeps its pipeline (load/store,
//    integer, float/multiply, or control) busy for its beats (2 for a 128-bit instruction on the
//    M55's 64-bit datapath, 1 for VPST/VCTP/VPNOT). The next instruction overlaps the second
//    beat unless it needs the same pipeline, when it waits. [M55-LLVM: ARMScheduleM55.td's MVE
//    model, ReleaseAtCycles = 2 per vector pipe.]
// Every extra cycle is also counted by cause for --stats. Everything is a function of the
// instruction stream and register values, so the model is deterministic.
#pragma once

#include <array>
#include <bit>
#include <cstdint>

#include "cpu/decode/decoded_insn.h"

namespace minifvp::cpu::timing {

enum class StallCause : uint8_t {
  LoadUse,        // a load's result read by the next instruction(s)
  ResultLatency,  // a multiply's (or DSP instruction's) result read before it is ready
  Branch,         // pipeline refill after a taken branch or PC write
  Divide,         // SDIV/UDIV iterations beyond the base cost
  MemoryWait,     // wait states of the memory region accessed
  VectorPipe,     // an MVE instruction waiting for its pipeline (the previous one's second beat)
  Count,
};

inline constexpr const char* kStallCauseNames[] = {"load_use", "result_latency", "branch",
                                                   "divide",   "memory_wait",    "vector_pipe"};

// The M55's vector (EPU) pipelines; DecodedInsn::vector_pipe holds one of these.
enum class VectorPipe : uint8_t { None, LoadStore, Integer, FloatMultiply, Control, Count };

struct StallCounters {
  std::array<uint64_t, static_cast<size_t>(StallCause::Count)> cycles{};

  uint64_t operator[](StallCause cause) const { return cycles[static_cast<size_t>(cause)]; }
  uint64_t total() const {
    uint64_t sum = 0;
    for (uint64_t c : cycles) sum += c;
    return sum;
  }
};

class Tracker {
 public:
  // Extra cycles (beyond insn.cycles) of an instruction that issued when the clock read
  // `issue_clock`; `wrote_pc` says whether it changed the flow of control.
  uint32_t retire(const DecodedInsn& insn, uint64_t issue_clock, bool wrote_pc) {
    const uint32_t refill = wrote_pc ? insn.taken_penalty : 0;
    stalls_.cycles[static_cast<size_t>(StallCause::Branch)] += refill;
    // Most instructions read nothing in flight, produce no late result and report nothing.
    if (((insn.timing_reads & pending_) | insn.timing_late_writes | reported_ | insn.vector_pipe) ==
        0) [[likely]] {
      return refill;
    }
    return refill + retire_slow(insn, issue_clock, refill);
  }

  // Extra cycles found while executing the current instruction (divide, memory wait states).
  void report(StallCause cause, uint32_t cycles) {
    reported_ += cycles;
    add(cause, cycles);
  }

  const StallCounters& stalls() const { return stalls_; }
  // Forgets in-flight results (after a reset or a pipeline flush such as exception entry).
  void flush() { pending_ = 0; }

 private:
  uint32_t retire_slow(const DecodedInsn& insn, uint64_t issue_clock, uint32_t refill) {
    uint32_t extra = reported_;
    reported_ = 0;
    if (insn.vector_pipe != 0) extra += occupy_vector_pipe(insn.vector_pipe, issue_clock);
    if ((insn.timing_reads & pending_) != 0) extra += interlock(insn.timing_reads, issue_clock);
    if (insn.timing_late_writes != 0) note_late_results(insn, issue_clock + extra + refill);
    return extra;
  }

  void add(StallCause cause, uint64_t cycles) {
    stalls_.cycles[static_cast<size_t>(cause)] += cycles;
  }

  uint32_t interlock(uint16_t reads, uint64_t issue_clock) {
    uint64_t ready = issue_clock;
    StallCause cause = StallCause::LoadUse;
    for (uint32_t m = reads & pending_; m != 0; m &= m - 1) {
      const int r = std::countr_zero(m);
      if (ready_at_[r] > ready) {
        ready = ready_at_[r];
        cause = cause_[r];
      }
    }
    const auto stall = static_cast<uint32_t>(ready - issue_clock);
    add(cause, stall);
    // Results delivered by the time this instruction issues no longer need checking.
    for (uint32_t m = pending_; m != 0; m &= m - 1) {
      const int r = std::countr_zero(m);
      if (ready_at_[r] <= ready) pending_ &= static_cast<uint16_t>(~(1u << r));
    }
    return stall;
  }

  // Waits for the pipeline if the previous instruction on it still has a beat to run, then holds
  // it for this instruction's beats. Returns the wait.
  uint32_t occupy_vector_pipe(uint8_t pipe, uint64_t issue_clock) {
    uint64_t& free_at = vector_pipe_free_at_[pipe];
    const uint32_t wait = free_at > issue_clock ? static_cast<uint32_t>(free_at - issue_clock) : 0;
    const uint32_t beats = pipe == static_cast<uint8_t>(VectorPipe::Control) ? 1 : 2;
    free_at = issue_clock + wait + beats;
    add(StallCause::VectorPipe, wait);
    return wait;
  }

  void note_late_results(const DecodedInsn& insn, uint64_t issue_clock) {
    const uint64_t ready = issue_clock + insn.result_latency;
    const StallCause cause =
        insn.late_from_multiply ? StallCause::ResultLatency : StallCause::LoadUse;
    for (uint32_t m = insn.timing_late_writes; m != 0; m &= m - 1) {
      const int r = std::countr_zero(m);
      ready_at_[r] = ready;
      cause_[r] = cause;
    }
    pending_ |= insn.timing_late_writes;
  }

  std::array<uint64_t, 16> ready_at_{};
  std::array<StallCause, 16> cause_{};
  std::array<uint64_t, static_cast<size_t>(VectorPipe::Count)> vector_pipe_free_at_{};
  uint16_t pending_ = 0;
  uint32_t reported_ = 0;
  StallCounters stalls_;
};

}  // namespace minifvp::cpu::timing
