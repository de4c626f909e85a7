// SysTick (Armv8-M ARM, "The system timer, SysTick"): CSR, RVR, CVR, CALIB.
//
// The counter runs on the core clock (this implementation has no reference clock, so
// CSR.CLKSOURCE reads as one and CALIB.NOREF is set). It is not ticked: the value is computed from
// the shared clock relative to the cycle of the last change, so SysTick costs nothing per cycle.
// Counting: on each cycle the counter decrements; a decrement from 1 to 0 sets COUNTFLAG; on the
// cycle after it reads 0 it reloads from RVR. With a scheduler attached and CSR.ENABLE and
// CSR.TICKINT set, one scheduler event per wrap (at each 1 -> 0 step) calls the wrap handler,
// which pends the SysTick exception; nothing is scheduled while TICKINT is clear.
#pragma once

#include <cstdint>
#include <functional>

#include "cpu/core.h"
#include "sim/scheduler.h"

namespace minifvp::cpu {

class SysTick {
 public:
  static constexpr uint32_t kCsr = 0x010, kRvr = 0x014, kCvr = 0x018, kCalib = 0x01c;
  static constexpr uint32_t kCsrEnable = 1u << 0, kCsrTickInt = 1u << 1, kCsrClkSource = 1u << 2,
                            kCsrCountFlag = 1u << 16;
  static constexpr uint32_t kCalibNoRef = 1u << 31, kCalibSkew = 1u << 30;
  static constexpr uint32_t kCounterMask = 0x00ffffff;
  static constexpr uint64_t kNever = UINT64_MAX;

  explicit SysTick(const Core& core) : core_(core) {}
  ~SysTick();
  SysTick(const SysTick&) = default;  // copies never own the scheduled event (see settle())

  // The scheduler the wrap events go to (the one whose clock the core advances).
  void attach_scheduler(Scheduler& scheduler);
  // Called at each wrap while ENABLE and TICKINT are set (the SCS pends SysTick).
  void set_wrap_handler(std::function<void()> handler) { wrap_handler_ = std::move(handler); }

  static bool contains(uint32_t offset) { return offset >= kCsr && offset <= kCalib; }
  // Word accesses at SCS offsets 0x010..0x01C.
  uint32_t read(uint32_t offset);
  void write(uint32_t offset, uint32_t value);
  void reset();

  bool enabled() const { return (csr_ & kCsrEnable) != 0; }
  bool tick_interrupt_enabled() const { return (csr_ & kCsrTickInt) != 0; }
  // The cycle of the next 1 -> 0 step of the counter, or kNever (disabled, or stuck at zero).
  uint64_t next_wrap_cycle() const;

 private:
  // Brings current_/countflag_ up to the clock.
  void settle();
  // (Re)schedules the wrap event after a register change or a wrap.
  void reschedule();
  void on_wrap();

  const Core& core_;
  uint32_t csr_ = kCsrClkSource;
  uint32_t reload_ = 0;
  uint32_t current_ = 0;  // the counter at cycle since_
  uint64_t since_ = 0;
  bool countflag_ = false;
  Scheduler* scheduler_ = nullptr;
  uint64_t event_id_ = 0;  // 0: nothing scheduled
  std::function<void()> wrap_handler_;
};

}  // namespace minifvp::cpu
