#include "devices/fpgaio.h"

namespace minifvp {
namespace {

constexpr RegisterInfo kRegisters[] = {
    {Fpgaio::kLed, "LED", RegAccess::ReadWrite, 0},
    {Fpgaio::kButton, "BUTTON", RegAccess::ReadOnly, 0},
    {Fpgaio::kClk1Hz, "CLK1HZ", RegAccess::ReadWrite, 0},
    {Fpgaio::kClk100Hz, "CLK100HZ", RegAccess::ReadWrite, 0},
    {Fpgaio::kCounter, "COUNTER", RegAccess::ReadWrite, 0},
    {Fpgaio::kPrescale, "PRESCALE", RegAccess::ReadWrite, 0},
    {Fpgaio::kPsCntr, "PSCNTR", RegAccess::ReadWrite, 0},
    {Fpgaio::kSwitches, "SWITCHES", RegAccess::ReadOnly, 0},
    {Fpgaio::kMisc, "MISC", RegAccess::ReadWrite, 0},
};

// floor(cycles * rate / clock) without overflowing 64 bits.
uint64_t scale(uint64_t cycles, uint64_t rate, uint64_t clock) {
  return (cycles / clock) * rate + (cycles % clock) * rate / clock;
}

}  // namespace

Fpgaio::Fpgaio(const Scheduler& scheduler, uint32_t core_clock_hz)
    : Device("fpgaio"),
      scheduler_(scheduler),
      core_clock_hz_(core_clock_hz == 0 ? 1 : core_clock_hz) {
  reset();
}

void Fpgaio::reset() {
  const uint64_t now = scheduler_.now();
  led_ = misc_ = 0;
  clk1hz_ = {0, now};
  clk100hz_ = {0, now};
  prescale_ = counter_ = pscntr_ = 0;
  prescaled_since_ = now;
}

uint32_t Fpgaio::rate_counter_now(const RateCounter& counter, uint32_t rate_hz) const {
  const uint64_t elapsed = scheduler_.now() - counter.since;
  return counter.value + static_cast<uint32_t>(scale(elapsed, rate_hz, core_clock_hz_));
}

void Fpgaio::settle_prescaled_counter() {
  const uint64_t now = scheduler_.now();
  const uint64_t elapsed = now - prescaled_since_;
  prescaled_since_ = now;
  if (elapsed <= pscntr_) {
    pscntr_ -= static_cast<uint32_t>(elapsed);
    return;
  }
  // The first reload happens pscntr_ + 1 cycles in, then one every prescale_ + 1 cycles.
  const uint64_t period = uint64_t{prescale_} + 1;
  const uint64_t after_first = elapsed - pscntr_ - 1;
  counter_ += static_cast<uint32_t>(1 + after_first / period);
  pscntr_ = prescale_ - static_cast<uint32_t>(after_first % period);
}

AccessStatus Fpgaio::read(uint32_t offset, unsigned size, uint32_t& value) {
  const uint32_t reg_offset = offset & ~3u;
  uint32_t reg = 0;
  switch (reg_offset) {
    case kLed:
      reg = led_;
      break;
    case kButton:
      reg = buttons_;
      break;
    case kClk1Hz:
      reg = rate_counter_now(clk1hz_, 1);
      break;
    case kClk100Hz:
      reg = rate_counter_now(clk100hz_, 100);
      break;
    case kCounter:
      settle_prescaled_counter();
      reg = counter_;
      break;
    case kPrescale:
      reg = prescale_;
      break;
    case kPsCntr:
      settle_prescaled_counter();
      reg = pscntr_;
      break;
    case kSwitches:
      reg = switches_;
      break;
    case kMisc:
      reg = misc_;
      break;
    default:
      guest_error("read of an unknown register", offset);
      break;
  }
  value = register_lanes(reg, offset, size);
  return AccessStatus::Ok;
}

AccessStatus Fpgaio::write(uint32_t offset, unsigned size, uint32_t value) {
  if ((offset & 3u) != 0 || size != 4) {
    guest_error("non-word register write ignored", offset);
    return AccessStatus::Ok;
  }
  const RegisterInfo* info = find_register(kRegisters, offset);
  if (info == nullptr) {
    guest_error("write to an unknown register ignored", offset);
    return AccessStatus::Ok;
  }
  if (info->access == RegAccess::ReadOnly) {
    guest_error("write to a read-only register ignored", offset);
    return AccessStatus::Ok;
  }
  const uint64_t now = scheduler_.now();
  switch (offset) {
    case kLed:
      led_ = value;
      break;
    case kMisc:
      misc_ = value;
      break;
    case kClk1Hz:
      clk1hz_ = {value, now};
      break;
    case kClk100Hz:
      clk100hz_ = {value, now};
      break;
    case kCounter:
      settle_prescaled_counter();
      counter_ = value;
      break;
    case kPsCntr:
      settle_prescaled_counter();
      pscntr_ = value;
      break;
    case kPrescale:
      settle_prescaled_counter();
      prescale_ = value;
      break;
    default:
      break;
  }
  return AccessStatus::Ok;
}

}  // namespace minifvp
