// Encodings of the data-processing group. Each decode function is the Arm ARM's decode
// pseudocode for that encoding; the execute functions are in cpu/exec/data_processing.cpp.
#include "cpu/arm_pseudocode.h"
#include "cpu/decode/groups.h"
#include "cpu/exec/data_processing.h"

namespace minifvp::cpu {
namespace {

// MOV (immediate) T1: MOVS <Rd>, #<imm8> (setflags = !InITBlock()).
DecodeStatus decode_MOV_imm_T1(Fields f, DecodedInsn& out) {
  out.d = static_cast<uint8_t>(f['d']);
  out.imm = f['i'];
  out.setflags = SetFlags::OutsideIt;
  out.imm2 = 0;  // carry unchanged
  return DecodeStatus::Ok;
}

constexpr Encoding kT16[] = {
    encoding("T16_MOV_imm_T1", "00100dddiiiiiiii", decode_MOV_imm_T1, exec::MOV_imm,
             InsnClass::DataProcessing),
};

}  // namespace

EncodingGroup data_processing_group() {
  return {"data processing", kT16, {}, {}};
}

}  // namespace minifvp::cpu
