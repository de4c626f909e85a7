// The floating-point context control registers (Armv8-M ARM, "FPCCR", "FPCAR", "FPDSCR"; the
// Armv8.1-M additions for MVE): their fields, reset values on the Cortex-M55 and access masks.
//
// The core keeps the three registers (Core::fpccr() ...) because every FP and MVE instruction
// consults FPCCR in ExecuteFPCheck(); the SCS maps them at 0xE000EF34-0xE000EF3C and the exception
// model updates them on exception entry (UpdateFPCCR()) and return.
//
// Only the Secure view exists in this model (the Security Extension is not modelled): FPCCR.S
// reads as the state that owns the FP context, always Secure, and the Security Extension's fields
// (SFRDY, TS, CLRONRETS, CLRONRET, LSPENS) are RAZ/WI.
#pragma once

#include <cstdint>

namespace minifvp::cpu::fpccr {

inline constexpr uint32_t kLspact = 1u << 0;     // lazy state preservation active
inline constexpr uint32_t kUser = 1u << 1;       // the frame's owner was unprivileged
inline constexpr uint32_t kS = 1u << 2;          // the FP context belongs to Secure state
inline constexpr uint32_t kThread = 1u << 3;     // the frame's owner ran in Thread mode
inline constexpr uint32_t kHfrdy = 1u << 4;      // HardFault could preempt the owner
inline constexpr uint32_t kMmrdy = 1u << 5;      // MemManage could preempt the owner
inline constexpr uint32_t kBfrdy = 1u << 6;      // BusFault could preempt the owner
inline constexpr uint32_t kMonrdy = 1u << 8;     // DebugMonitor could preempt the owner
inline constexpr uint32_t kSplimviol = 1u << 9;  // the FP slots lie below the stack limit
inline constexpr uint32_t kUfrdy = 1u << 10;     // UsageFault could preempt the owner
inline constexpr uint32_t kLspen = 1u << 30;     // lazy state preservation enabled
inline constexpr uint32_t kAspen = 1u << 31;     // automatic CONTROL.FPCA setting enabled
// ASPEN and LSPEN set: the M55 preserves lazily by default; S set: the context is Secure (as in
// QEMU's mps3-an547, whose reset value is 0xC0000004).
inline constexpr uint32_t kReset = kAspen | kLspen | kS;
inline constexpr uint32_t kWritable = kLspact | kUser | kS | kThread | kHfrdy | kMmrdy | kBfrdy |
                                      kMonrdy | kSplimviol | kUfrdy | kLspen | kAspen;
// The fields UpdateFPCCR() rewrites at each lazy stacking.
inline constexpr uint32_t kFrameOwner =
    kLspact | kUser | kS | kThread | kHfrdy | kMmrdy | kBfrdy | kMonrdy | kSplimviol | kUfrdy;

}  // namespace minifvp::cpu::fpccr

namespace minifvp::cpu::fpdscr {

// FPDSCR holds the FPSCR a new FP context starts with: AHP [26], DN [25], FZ [24], RMode [23:22],
// FZ16 [19] are writable; LTPSIZE [18:16] is read-only 4 (no tail predication) on a core with
// MVE; everything else RAZ/WI.
inline constexpr uint32_t kWritable = 0x07c80000;
inline constexpr uint32_t kLtpsizeFixed = 4u << 16;
inline constexpr uint32_t kReset = kLtpsizeFixed;

}  // namespace minifvp::cpu::fpdscr

namespace minifvp::cpu::fpcar {

// FPCAR.ADDRESS [31:3]: the double-word aligned address of the reserved S0-S15/FPSCR/VPR slots.
inline constexpr uint32_t kAddressMask = 0xfffffff8;

}  // namespace minifvp::cpu::fpcar
