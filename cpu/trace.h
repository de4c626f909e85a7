// The commit-trace hook: one record per instruction that reaches its end (executed or skipped by
// its condition). Trace files, differential tests and the debugger all consume this.
#pragma once

#include <cstdint>
#include <span>

#include "cpu/decode/decoded_insn.h"
#include "cpu/state.h"

namespace minifvp::cpu {

struct MemoryAccess {
  uint32_t addr;
  uint32_t value;
  uint8_t size;
  bool write;
};

struct CommitRecord {
  uint64_t cycle;  // clock after the instruction
  uint32_t pc;     // address of the instruction
  const DecodedInsn* insn;
  bool executed;           // false when its condition failed
  const CpuState* before;  // registers written = the differences between before and after
  const CpuState* after;
  std::span<const MemoryAccess> accesses;
};

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void commit(const CommitRecord& record) = 0;
};

}  // namespace minifvp::cpu
