#include "cpu/exec/fp_common.h"

#include <fmt/format.h>

#include "cpu/decode/encoding.h"

namespace minifvp::cpu::exec {

void fp_undefined(Core& core, const DecodedInsn& insn) {
  check_fp_access(core);
  core.raise(
      FaultKind::UndefinedInstruction,
      fmt::format("{} (0x{:08x}) is UNDEFINED or UNPREDICTABLE with these fields",
                  insn.encoding != nullptr ? insn.encoding->name : std::string_view("FP encoding"),
                  insn.raw));
}

}  // namespace minifvp::cpu::exec
