// MPS3 FPGAIO: LEDs, buttons, switches, and the 1 Hz / 100 Hz / cycle counters derived from
// simulated time (so they are deterministic).
#pragma once

#include "devices/device.h"
#include "sim/scheduler.h"

namespace minifvp {

class Fpgaio : public Device {
 public:
  Fpgaio(const Scheduler& scheduler, uint32_t core_clock_hz);
  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;
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
