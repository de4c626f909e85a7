// MPS3 FPGAIO: LEDs, buttons, switches, and the 1 Hz / 100 Hz / cycle counters derived from
// simulated time (so they are deterministic).
//
// The counters are not ticked: each keeps the value it had at a reference cycle and is computed
// from scheduler.now() when read. A write (MLEK zeroes CLK1HZ, CLK100HZ and COUNTER at start-up)
// stores a new value and moves the reference to now. COUNTER counts at the core clock divided by
// (PRESCALE + 1): PSCNTR counts down every cycle and, on a cycle where it is zero, is reloaded
// from PRESCALE and COUNTER increments.
#pragma once

#include <cstdint>

#include "devices/device.h"
#include "sim/scheduler.h"

namespace minifvp {

class Fpgaio : public Device {
 public:
  static constexpr uint32_t kLed = 0x000, kButton = 0x008, kClk1Hz = 0x010, kClk100Hz = 0x014,
                            kCounter = 0x018, kPrescale = 0x01c, kPsCntr = 0x020, kSwitches = 0x028,
                            kMisc = 0x04c;

  Fpgaio(const Scheduler& scheduler, uint32_t core_clock_hz);
  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;

  // Board inputs (no user interface yet: both read as zero unless set).
  void set_switches(uint32_t value) { switches_ = value; }
  void set_buttons(uint32_t value) { buttons_ = value; }
  uint32_t leds() const { return led_; }

 private:
  // A counter at `rate_hz` that held `value` at cycle `since`.
  struct RateCounter {
    uint32_t value = 0;
    uint64_t since = 0;
  };
  uint32_t rate_counter_now(const RateCounter& counter, uint32_t rate_hz) const;
  // Brings COUNTER/PSCNTR up to now (before PRESCALE, COUNTER or PSCNTR change).
  void settle_prescaled_counter();

  const Scheduler& scheduler_;
  uint32_t core_clock_hz_;
  uint32_t led_ = 0, buttons_ = 0, switches_ = 0, misc_ = 0;
  RateCounter clk1hz_, clk100hz_;
  uint32_t prescale_ = 0;
  uint32_t counter_ = 0;  // COUNTER and PSCNTR at cycle prescaled_since_
  uint32_t pscntr_ = 0;
  uint64_t prescaled_since_ = 0;
};

// A window that reads as zero and ignores writes (the NPU timing adapters, unmodelled blocks).
class ReadAsZeroDevice : public Device {
 public:
  using Device::Device;
  AccessStatus read(uint32_t, unsigned, uint32_t& value) override {
    value = 0;
    return AccessStatus::Ok;
  }
  AccessStatus write(uint32_t, unsigned, uint32_t) override { return AccessStatus::Ok; }
};

}  // namespace minifvp
