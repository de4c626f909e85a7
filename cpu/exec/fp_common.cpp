#include "cpu/exec/fp_common.h"

#include <fmt/format.h>

#include "cpu/decode/encoding.h"

namespace minifvp::cpu::exec {

void update_fp_context(Core& core) {
  if ((core.fpccr() & fpccr::kLspact) != 0) core.preserve_fp_state();
  core.set_fpccr(core.fpccr() | fpccr::kS);
  CpuState& s = core.state();
  if (core.fp_aspen() && (s.control & kControlFpca) == 0) {
    constexpr uint32_t kDefaulted = fp::fpscr::kAHP | fp::fpscr::kDN | fp::fpscr::kFZ |
                                    (3u << fp::fpscr::kRModeShift) | fp::fpscr::kFZ16;
    s.fpscr = (core.fp_default_status() & kDefaulted) | fp::fpscr::kResetValue;
    s.vpr = 0;
    s.control |= kControlFpca;
  }
}

void fp_undefined(Core& core, const DecodedInsn& insn) {
  check_fp_access(core);
  core.raise(
      FaultKind::UndefinedInstruction,
      fmt::format("{} (0x{:08x}) is UNDEFINED or UNPREDICTABLE with these fields",
                  insn.encoding != nullptr ? insn.encoding->name : std::string_view("FP encoding"),
                  insn.raw));
}

}  // namespace minifvp::cpu::exec
