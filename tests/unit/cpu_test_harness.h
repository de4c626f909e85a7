// A bare core on a bus with 64 KiB of RAM at 0, for instruction tests from raw encodings.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <vector>

#include "cpu/core.h"
#include "sim/bus.h"

namespace minifvp::test {

class CpuHarness {
 public:
  static constexpr uint32_t kCodeBase = 0x1000;
  static constexpr uint32_t kDataBase = 0x8000;

  CpuHarness() : core_(bus_, clock_) { bus_.add_ram("ram", 0, 0x10000); }

  cpu::Core& core() { return core_; }
  cpu::CpuState& state() { return core_.state(); }
  Bus& bus() { return bus_; }

  // Places halfwords at kCodeBase (32-bit encodings as two entries, first halfword first) and
  // points the PC at them.
  void load(std::initializer_list<uint16_t> halfwords) {
    load(std::span<const uint16_t>(halfwords.begin(), halfwords.size()));
  }
  void load(std::span<const uint16_t> halfwords) {
    uint32_t addr = kCodeBase;
    for (uint16_t hw : halfwords) {
      bus_.write(addr, 2, hw);
      addr += 2;
    }
    end_ = addr;
    core_.state().r[15] = kCodeBase;
  }

  // Runs until the PC reaches the end of the loaded code (or `max_instructions`, or a stop).
  cpu::StopReason run(uint64_t max_instructions = 1000) {
    for (uint64_t i = 0; i < max_instructions && core_.state().r[15] != end_; ++i) {
      const cpu::StopReason reason = core_.run(clock_ + 1);
      if (reason != cpu::StopReason::Limit) return reason;
    }
    return cpu::StopReason::Limit;
  }

  // Places halfwords at `addr` without moving the PC or the end of the loaded code (code that
  // the loaded code branches to).
  void place(uint32_t addr, std::initializer_list<uint16_t> halfwords) {
    for (uint16_t hw : halfwords) {
      bus_.write(addr, 2, hw);
      addr += 2;
    }
  }

  uint32_t read32(uint32_t addr) { return read(addr, 4); }
  uint32_t read(uint32_t addr, unsigned size) {
    uint32_t v = 0;
    bus_.read(addr, size, v);
    return v;
  }
  void write32(uint32_t addr, uint32_t value) { bus_.write(addr, 4, value); }
  void write(uint32_t addr, unsigned size, uint32_t value) { bus_.write(addr, size, value); }
  uint32_t end() const { return end_; }

 private:
  Bus bus_;
  uint64_t clock_ = 0;
  cpu::Core core_;
  uint32_t end_ = kCodeBase;
};

}  // namespace minifvp::test
