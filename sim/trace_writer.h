// `--trace FILE`: one text line per retired instruction, from the core's commit-trace hook.
//
//   <cycle> <pc> <encoding> <name> [<registers written>] [<memory accesses>]
//   1234 0x10000240 0xf8d01000 T32_LDR_imm_T3 r1=0x00000007 R4[0x20000000]=0x00000007
//   1236 0x10000244 0x2800 T16_CMP_imm_T1 n=0 z=0 c=1 v=0
//   1237 0x10000246 0xd001 T16_B_T1 (condition failed)
//
// cycle is the clock after the instruction. Registers written are the differences between the
// state before and after (r0-r14, the flags, GE, CONTROL, masks, the banked SP and limits, IPSR,
// ITSTATE); PC is implied by the next line. Memory accesses are R<size>[addr]=value for reads and
// W<size>[addr]=value for writes, in program order.
#pragma once

#include <cstdio>
#include <string>

#include "cpu/trace.h"

namespace minifvp {

class TraceWriter final : public cpu::TraceSink {
 public:
  // Opens (truncates) `path`. Throws std::runtime_error when it cannot.
  explicit TraceWriter(const std::string& path);
  ~TraceWriter() override;
  TraceWriter(const TraceWriter&) = delete;
  TraceWriter& operator=(const TraceWriter&) = delete;

  void commit(const cpu::CommitRecord& record) override;
  void flush();

  // The line commit() writes, without the newline (for tests).
  static std::string format(const cpu::CommitRecord& record);

 private:
  std::FILE* file_;
};

}  // namespace minifvp
