// The NPU performance monitor: PMCR, counter enable/overflow/interrupt set-clear pairs, a 48-bit
// cycle counter gated by start/stop events (PMCCNTR_CFG), and four event counters (PMEVTYPER /
// PMEVCNTR). Register layout from ethosu55_interface.h (reference notes section 1.3).
//
// The model feeds it what it does: elapsed cycles tagged active or idle (events NPU_ACTIVE,
// NPU_IDLE, CYCLE) and per-operation counts (AXI data beats per port and direction, MAC, output
// (AO) and weight-decoder activity cycles). The cycle counter follows the driver's usual set-up
// (start on NPU_ACTIVE, stop on NPU_IDLE): an event "occurring" opens or closes the gate.
#pragma once

#include <array>
#include <cstdint>

namespace minifvp::npu {

// Hardware event numbers (enum pmu_event in the U55 interface header).
namespace pmu_event {
inline constexpr uint16_t kNoEvent = 0x00;
inline constexpr uint16_t kCycle = 0x11;
inline constexpr uint16_t kNpuIdle = 0x20;
inline constexpr uint16_t kNpuActive = 0x23;
inline constexpr uint16_t kMacActive = 0x30;
inline constexpr uint16_t kAoActive = 0x40;
inline constexpr uint16_t kWdActive = 0x50;
inline constexpr uint16_t kAxi0RdDataBeatReceived = 0x82;
inline constexpr uint16_t kAxi0WrDataBeatWritten = 0x87;
inline constexpr uint16_t kAxi1RdDataBeatReceived = 0x182;
inline constexpr uint16_t kAxi1WrDataBeatWritten = 0x187;
}  // namespace pmu_event

class Pmu {
 public:
  static constexpr unsigned kEventCounters = 4;
  static constexpr uint32_t kCycleCounterBit = 1u << 31;
  static constexpr uint32_t kPmcrReset = kEventCounters << 11;  // num_event_cnt [15:11]

  Pmu() { reset(); }
  void reset();

  // Register access at the NPU's APB offsets 0x180..0x3FF. Return false for offsets that are not
  // PMU registers.
  bool read(uint32_t offset, uint32_t& value) const;
  bool write(uint32_t offset, uint32_t value);

  // `cycles` elapsed with the NPU active (running a stream) or idle.
  void advance(uint64_t cycles, bool active);
  // `count` occurrences of a discrete event.
  void count(uint16_t event, uint64_t count);
  // NPU_OP_PMU_MASK: with PMCR.mask_en set, counting happens only while the mask is enabled.
  void set_mask(bool enabled) { mask_enabled_ = enabled; }

  // PMU interrupt request: an overflow whose interrupt is enabled.
  bool irq_pending() const { return (overflow_ & interrupt_enable_) != 0; }

  uint64_t cycle_counter() const { return cycle_counter_; }
  uint32_t event_counter(unsigned i) const { return event_counters_[i]; }

 private:
  bool counting() const;
  void occur(uint16_t event);
  void add_to_counter(unsigned i, uint64_t n);

  uint32_t pmcr_ = kPmcrReset;
  uint32_t counter_enable_ = 0;
  uint32_t overflow_ = 0;
  uint32_t interrupt_enable_ = 0;
  uint64_t cycle_counter_ = 0;
  uint32_t cycle_cfg_ = 0;
  uint32_t axi_chan_ = 0;
  bool cycle_gate_open_ = false;
  bool mask_enabled_ = true;
  std::array<uint32_t, kEventCounters> event_counters_{};
  std::array<uint32_t, kEventCounters> event_types_{};
};

}  // namespace minifvp::npu
