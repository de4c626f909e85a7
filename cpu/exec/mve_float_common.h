// Shared pieces of the MVE floating-point execute functions (cpu/exec/mve_float_*.cpp).
//
// Which FPSCR controls MVE floating point uses. The Armv8.1-M pseudocode of every MVE
// floating-point instruction computes with StandardFPSCRValue() rather than FPSCR: round to
// nearest even, flush-to-zero for single precision (FZ = 1), default NaN (DN = 1), with FPSCR.FZ16
// and FPSCR.AHP taken from FPSCR. QEMU 7.2 does the same: its MVE helpers
// (target/arm/mve_helper.c) compute F32 lanes with vfp.standard_fp_status (flush inputs and
// outputs, default NaN, nearest even) and F16 lanes with vfp.standard_fp_status_f16 (flushing
// controlled by FZ16, default NaN, nearest even); conversions to and from half precision observe
// AHP and ignore FZ16. FPSCR.RMode, FPSCR.FZ and FPSCR.DN therefore have no effect here.
//
// Exceptions do set the FPSCR cumulative flags (IOC, DZC, OFC, UFC, IXC, IDC), as for any
// floating-point instruction: QEMU ORs the standard statuses' flags into FPSCR when it is read
// (flushing a half-precision input sets no IDC, as in scalar code). A lane contributes flags only
// when the lowest byte of its element is active in the lane mask; a lane whose lowest byte is
// predicated off but another byte is active is still computed (the active bytes are written) and
// raises nothing. This matches QEMU's per-element rule and the architecture's for whole-element
// predication (a VPT compare always predicates whole elements).
#pragma once

#include <cstdint>

#include "cpu/exec/fp_common.h"
#include "cpu/exec/mve_common.h"

namespace minifvp::cpu::exec::mve {

// The controls of StandardFPSCRValue() with the FZ16 and AHP bits of `fpscr`.
inline fp::FpEnv standard_fp_env(uint32_t fpscr) {
  fp::FpEnv env;
  env.rounding = fp::Rounding::TieEven;
  env.fz = true;
  env.dn = true;
  env.fz16 = (fpscr & fp::fpscr::kFZ16) != 0;
  env.ahp = (fpscr & fp::fpscr::kAHP) != 0;
  return env;
}

template <typename T>
constexpr fp::Format lane_format() {
  static_assert(sizeof(T) == 2 || sizeof(T) == 4, "MVE floating point has F16 and F32 lanes");
  return sizeof(T) == 2 ? fp::Format::F16 : fp::Format::F32;
}

// The byte-mask bits of element `i` of T-sized elements.
template <typename T>
constexpr uint16_t element_bytes(unsigned i) {
  return static_cast<uint16_t>(((1u << sizeof(T)) - 1) << (i * sizeof(T)));
}

// The common body of the lane-wise instructions: result lane i = lane_op(env, i) for every lane
// with an active byte, each with its own copy of the standard controls; the flags of lanes whose
// first byte is active go to FPSCR; Qd is written under the byte mask. `lane_op` must have read
// its inputs already (Qd may be one of them).
template <typename T, typename LaneOp>
void float_lanes(Core& core, unsigned qd, uint16_t mask, LaneOp&& lane_op) {
  CpuState& s = core.state();
  const fp::FpEnv base = standard_fp_env(s.fpscr);
  Vector result;
  uint32_t flags = 0;
  for (unsigned i = 0; i < kVectorBytes / sizeof(T); ++i) {
    if ((mask & element_bytes<T>(i)) == 0) continue;
    fp::FpEnv env = base;
    result.set_lane<T>(i, static_cast<T>(lane_op(env, i)));
    if (lane_active<T>(mask, i)) flags |= env.flags;
  }
  write_q(s, qd, result, mask);
  s.fpscr |= flags;
}

}  // namespace minifvp::cpu::exec::mve
