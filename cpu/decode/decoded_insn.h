// What decoding one encoding produces: the execute function and its pre-extracted operands.
//
// A decode function is the Arm ARM's "decode" pseudocode for one encoding (T1, T2, ...): it reads
// the raw fields and fills the operands that the instruction's shared "execute" pseudocode needs.
// The result is cached per instruction address, so the interpreter loop never decodes twice.
#pragma once

#include <cstdint>

namespace minifvp::cpu {

class Core;
struct DecodedInsn;
struct Encoding;

using ExecFn = void (*)(Core& core, const DecodedInsn& insn);

// How an instruction decides whether to update the flags.
enum class SetFlags : uint8_t {
  No,
  Yes,
  OutsideIt,  // 16-bit data-processing encodings: setflags = !InITBlock(), decided at execution
};

enum class ShiftType : uint8_t { LSL, LSR, ASR, ROR, RRX };

// Operand slots. Each execute function documents which slots it reads; decode functions fill
// exactly those. Register numbers are 0-15.
struct DecodedInsn {
  ExecFn exec = nullptr;
  const Encoding* encoding = nullptr;
  uint32_t raw = 0;   // the encoding, first halfword in bits [31:16] for 32-bit encodings
  uint32_t imm = 0;   // imm32 or another immediate (offset, register list, ...)
  uint32_t imm2 = 0;  // a second immediate where needed (bitfield width, second offset, ...)
  uint8_t size = 0;   // 2 or 4 bytes
  uint8_t esize = 0;  // MVE: element size in bytes (1, 2, 4 or 8)
  uint8_t d = 0, n = 0, m = 0, a = 0;  // Rd, Rn, Rm, Ra (or Rt, Rt2, RdLo, RdHi as documented)
  uint8_t t = 0, t2 = 0;
  ShiftType shift_type = ShiftType::LSL;
  uint8_t shift_n = 0;
  SetFlags setflags = SetFlags::No;
  uint8_t cond = 14;   // for encodings that carry a condition (B<c>, ...); 14 = AL
  bool add = true;     // load/store: U bit
  bool index = true;   // load/store: P bit
  bool wback = false;  // load/store: W bit
  bool flag = false;   // one encoding-specific boolean, documented by its execute function
  uint8_t cycles = 1;  // timing class result, filled by the timing model at decode
  // Timing model (cpu/timing), filled at decode with `cycles`: the core registers the
  // instruction reads and those whose result arrives `result_latency` cycles after issue (loads,
  // multiplies), and the pipeline refill cost when it writes the PC (0 for LE, whose loop the
  // M55 caches).
  uint16_t timing_reads = 0;
  uint16_t timing_late_writes = 0;
  uint8_t result_latency = 1;
  uint8_t taken_penalty = 0;
  bool late_from_multiply = false;  // the late results come from a multiply, not a load
  // MVE: the vector pipeline the instruction occupies (timing::VectorPipe; 0 = none).
  uint8_t vector_pipe = 0;
};

}  // namespace minifvp::cpu
