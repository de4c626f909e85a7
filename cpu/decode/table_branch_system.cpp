// Encodings of the branch and system group.
#include "cpu/arm_pseudocode.h"
#include "cpu/decode/groups.h"
#include "cpu/exec/branch_system.h"

namespace minifvp::cpu {
namespace {

// B T2: B<c> <label> outside or last in IT block; imm32 = SignExtend(imm11:'0', 32).
DecodeStatus decode_B_T2(Fields f, DecodedInsn& out) {
  out.imm = static_cast<uint32_t>(sign_extend(f['i'] << 1, 12));
  out.cond = 14;
  return DecodeStatus::Ok;
}

// BKPT T1: BKPT #<imm8>.
DecodeStatus decode_BKPT_T1(Fields f, DecodedInsn& out) {
  out.imm = f['i'];
  return DecodeStatus::Ok;
}

constexpr Encoding kT16[] = {
    encoding("T16_B_T2", "11100iiiiiiiiiii", decode_B_T2, exec::B, InsnClass::Branch),
    encoding("T16_BKPT_T1", "10111110iiiiiiii", decode_BKPT_T1, exec::BKPT, InsnClass::System),
};

}  // namespace

EncodingGroup branch_system_group() { return {"branch and system", kT16, {}, {}}; }

}  // namespace minifvp::cpu
