#include "cpu/system/systick.h"

namespace minifvp::cpu {

SysTick::~SysTick() {
  if (scheduler_ != nullptr && event_id_ != 0) scheduler_->cancel(event_id_);
}

void SysTick::attach_scheduler(Scheduler& scheduler) {
  scheduler_ = &scheduler;
  reschedule();
}

void SysTick::reschedule() {
  if (scheduler_ == nullptr) return;
  if (event_id_ != 0) scheduler_->cancel(event_id_);
  event_id_ = 0;
  if (!enabled() || !tick_interrupt_enabled()) return;
  const uint64_t when = next_wrap_cycle();
  if (when == kNever) return;
  event_id_ = scheduler_->schedule_at(when, [this] { on_wrap(); });
}

void SysTick::on_wrap() {
  event_id_ = 0;
  if (wrap_handler_) wrap_handler_();
  reschedule();
}

void SysTick::reset() {
  csr_ = kCsrClkSource;
  reload_ = 0;
  current_ = 0;
  since_ = core_.clock();
  countflag_ = false;
  reschedule();
}

void SysTick::settle() {
  const uint64_t now = core_.clock();
  const uint64_t elapsed = now - since_;
  since_ = now;
  if (!enabled() || elapsed == 0) return;
  if (elapsed <= current_) {
    if (elapsed == current_) countflag_ = true;  // stepped from 1 to 0 on the last cycle
    current_ -= static_cast<uint32_t>(elapsed);
    return;
  }
  // Reached 0 (a 1 -> 0 step if it was not already 0), reloaded one cycle later, then a period
  // of reload_ + 1 cycles per wrap.
  if (current_ != 0) countflag_ = true;
  const uint64_t after_reload = elapsed - current_ - 1;
  if (reload_ == 0) {
    current_ = 0;
    return;
  }
  const uint64_t period = uint64_t{reload_} + 1;
  if (after_reload >= reload_) countflag_ = true;
  current_ = reload_ - static_cast<uint32_t>(after_reload % period);
}

uint64_t SysTick::next_wrap_cycle() const {
  if (!enabled()) return kNever;
  // Where the counter is now, without changing state.
  SysTick copy = *this;
  copy.scheduler_ = nullptr;  // the copy must not cancel our event when it goes
  copy.event_id_ = 0;
  copy.settle();
  if (copy.current_ != 0) return core_.clock() + copy.current_;
  if (reload_ == 0) return kNever;
  return core_.clock() + 1 + reload_;  // reload on the next cycle, then count reload_ steps to zero
}

uint32_t SysTick::read(uint32_t offset) {
  settle();
  switch (offset) {
    case kCsr: {
      const uint32_t value = csr_ | (countflag_ ? kCsrCountFlag : 0);
      countflag_ = false;  // COUNTFLAG clears on read
      return value;
    }
    case kRvr:
      return reload_;
    case kCvr:
      return current_;
    case kCalib:
      return kCalibNoRef | kCalibSkew;
    default:
      return 0;
  }
}

void SysTick::write(uint32_t offset, uint32_t value) {
  settle();
  switch (offset) {
    case kCsr:
      csr_ = (value & (kCsrEnable | kCsrTickInt)) | kCsrClkSource;
      break;
    case kRvr:
      reload_ = value & kCounterMask;
      break;
    case kCvr:
      current_ = 0;  // any write clears the counter and COUNTFLAG
      countflag_ = false;
      break;
    default:
      break;  // CALIB is read-only
  }
  reschedule();
}

}  // namespace minifvp::cpu
