// The Armv8.1-M Performance Monitoring Unit at 0xE0003000 (Armv8-M ARM, "Performance Monitoring
// Unit"): the cycle counter PMU_CCNTR and eight event counters, as CMSIS's pmu_armv8.h drives
// them (ExecuTorch and TFLM read ARM_PMU_Get_CCNTR() for their CPU cycle reports).
//
// Counting rules: a counter counts while PMU_CTRL.E and its PMU_CNTENSET bit are set; the cycle
// counter also needs DEMCR.TRCENA (it counts the SCS's trace-enabled cycles), and counts every
// 64th cycle when PMU_CTRL.D is set. Event counters count (event numbers from the Armv8.1-M
// common architectural and microarchitectural events list):
//   SW_INCR (0x00)      writes of the counter's bit to PMU_SWINC
//   INST_RETIRED (0x08) retired instructions
//   CPU_CYCLES (0x11)   core clock cycles
//   MEM_ACCESS (0x13)   data memory accesses (Core::data_accesses: one per access or beat)
//   BUS_ACCESS (0x19)   the same count: this model has no data cache and routes every data
//                       access, TCM or not, through the bus, so every data access is a bus access
//   STALL (0x3C)        stall cycles of the timing model (timing::Tracker, all causes)
// Other events (LD_RETIRED/ST_RETIRED among them) are accepted but do not count. Values are
// computed from running totals with per-counter offsets when read (no per-instruction work).
// A 32-bit wrap of a counter sets its PMU_OVSSET bit when observed; the overflow interrupt is not
// raised yet.
#pragma once

#include <array>
#include <cstdint>

#include "cpu/core.h"
#include "devices/device.h"

namespace minifvp::cpu {

class SystemControlSpace;

class Pmu : public Device {
 public:
  static constexpr unsigned kEventCounters = 8;
  static constexpr unsigned kCycleCounterBit = 31;
  static constexpr uint32_t kEvcntr0 = 0x000, kCcntr = 0x07c, kEvtyper0 = 0x400, kCcfiltr = 0x47c,
                            kCntenset = 0xc00, kCntenclr = 0xc20, kIntenset = 0xc40,
                            kIntenclr = 0xc60, kOvsclr = 0xc80, kSwinc = 0xca0, kOvsset = 0xcc0,
                            kType = 0xe00, kCtrl = 0xe04, kAuthstatus = 0xfb8, kDevarch = 0xfbc,
                            kDevtype = 0xfcc;
  static constexpr uint32_t kCtrlEnable = 1u << 0, kCtrlEventReset = 1u << 1,
                            kCtrlCycleReset = 1u << 2, kCtrlDivider = 1u << 3;
  static constexpr uint32_t kEventSwIncr = 0x00, kEventInstRetired = 0x08, kEventCpuCycles = 0x11,
                            kEventMemAccess = 0x13, kEventBusAccess = 0x19, kEventStall = 0x3c;

  Pmu(Core& core, const SystemControlSpace& scs);
  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;

  uint32_t cycle_counter();

 private:
  // A counter: value at the last settle plus what its source counted since.
  struct Counter {
    uint32_t value = 0;
    uint64_t source_at_settle = 0;
  };
  static constexpr unsigned kCycleIndex = kEventCounters;  // counters_[8] is PMU_CCNTR

  bool active(unsigned index) const;
  uint64_t source(unsigned index) const;  // monotonic count of what the counter counts
  void settle(unsigned index);
  void settle_all();
  void rebase_all();  // after a change of what or whether counters count
  uint32_t counter_bit(unsigned index) const {
    return index == kCycleIndex ? 1u << kCycleCounterBit : 1u << index;
  }

  Core& core_;
  const SystemControlSpace& scs_;
  uint32_t ctrl_ = 0, cntenset_ = 0, intenset_ = 0, overflow_ = 0, ccfiltr_ = 0;
  std::array<uint32_t, kEventCounters> evtyper_{};
  std::array<Counter, kEventCounters + 1> counters_{};
  uint64_t software_increments_[kEventCounters] = {};
};

}  // namespace minifvp::cpu
