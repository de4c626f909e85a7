#include "npu/pmu.h"

namespace minifvp::npu {
namespace {

constexpr uint32_t kPmcr = 0x180;
constexpr uint32_t kPmcntenset = 0x184;
constexpr uint32_t kPmcntenclr = 0x188;
constexpr uint32_t kPmovsset = 0x18C;
constexpr uint32_t kPmovsclr = 0x190;
constexpr uint32_t kPmintset = 0x194;
constexpr uint32_t kPmintclr = 0x198;
constexpr uint32_t kPmccntrLo = 0x1A0;
constexpr uint32_t kPmccntrHi = 0x1A4;
constexpr uint32_t kPmccntrCfg = 0x1A8;
constexpr uint32_t kPmcaxiChan = 0x1AC;
constexpr uint32_t kPmevcntr = 0x300;
constexpr uint32_t kPmevtyper = 0x380;

constexpr uint32_t kPmcrCntEn = 1u << 0;
constexpr uint32_t kPmcrEventCntRst = 1u << 1;
constexpr uint32_t kPmcrCycleCntRst = 1u << 2;
constexpr uint32_t kPmcrMaskEn = 1u << 3;
constexpr uint32_t kCounterMask = Pmu::kCycleCounterBit | ((1u << Pmu::kEventCounters) - 1);
constexpr uint64_t kCycleCounterMask = (uint64_t{1} << 48) - 1;

}  // namespace

void Pmu::reset() {
  pmcr_ = kPmcrReset;
  counter_enable_ = overflow_ = interrupt_enable_ = 0;
  cycle_counter_ = 0;
  cycle_cfg_ = axi_chan_ = 0;
  cycle_gate_open_ = false;
  mask_enabled_ = true;
  event_counters_.fill(0);
  event_types_.fill(0);
}

bool Pmu::read(uint32_t offset, uint32_t& value) const {
  switch (offset) {
    case kPmcr:
      value = pmcr_;
      return true;
    case kPmcntenset:
    case kPmcntenclr:
      value = counter_enable_;
      return true;
    case kPmovsset:
    case kPmovsclr:
      value = overflow_;
      return true;
    case kPmintset:
    case kPmintclr:
      value = interrupt_enable_;
      return true;
    case kPmccntrLo:
      value = static_cast<uint32_t>(cycle_counter_);
      return true;
    case kPmccntrHi:
      value = static_cast<uint32_t>(cycle_counter_ >> 32) & 0xFFFF;
      return true;
    case kPmccntrCfg:
      value = cycle_cfg_;
      return true;
    case kPmcaxiChan:
      value = axi_chan_;
      return true;
    default:
      break;
  }
  if (offset >= kPmevcntr && offset < kPmevcntr + 4 * kEventCounters && offset % 4 == 0) {
    value = event_counters_[(offset - kPmevcntr) / 4];
    return true;
  }
  if (offset >= kPmevtyper && offset < kPmevtyper + 4 * kEventCounters && offset % 4 == 0) {
    value = event_types_[(offset - kPmevtyper) / 4];
    return true;
  }
  return false;
}

bool Pmu::write(uint32_t offset, uint32_t value) {
  switch (offset) {
    case kPmcr:
      if (value & kPmcrEventCntRst) event_counters_.fill(0);
      if (value & kPmcrCycleCntRst) cycle_counter_ = 0;
      // The reset bits are self-clearing; num_event_cnt is read-only.
      pmcr_ = (value & (kPmcrCntEn | kPmcrMaskEn)) | kPmcrReset;
      return true;
    case kPmcntenset:
      counter_enable_ |= value & kCounterMask;
      return true;
    case kPmcntenclr:
      counter_enable_ &= ~value;
      return true;
    case kPmovsset:
      overflow_ |= value & kCounterMask;
      return true;
    case kPmovsclr:
      overflow_ &= ~value;
      return true;
    case kPmintset:
      interrupt_enable_ |= value & kCounterMask;
      return true;
    case kPmintclr:
      interrupt_enable_ &= ~value;
      return true;
    case kPmccntrLo:
      cycle_counter_ = (cycle_counter_ & ~uint64_t{0xFFFFFFFF}) | value;
      return true;
    case kPmccntrHi:
      cycle_counter_ = (cycle_counter_ & 0xFFFFFFFF) | (uint64_t{value & 0xFFFF} << 32);
      return true;
    case kPmccntrCfg:
      cycle_cfg_ = value & 0x03FF03FF;
      return true;
    case kPmcaxiChan:
      axi_chan_ = value & 0x70F;
      return true;
    default:
      break;
  }
  if (offset >= kPmevcntr && offset < kPmevcntr + 4 * kEventCounters && offset % 4 == 0) {
    event_counters_[(offset - kPmevcntr) / 4] = value;
    return true;
  }
  if (offset >= kPmevtyper && offset < kPmevtyper + 4 * kEventCounters && offset % 4 == 0) {
    event_types_[(offset - kPmevtyper) / 4] = value & 0x3FF;
    return true;
  }
  return false;
}

bool Pmu::counting() const {
  if (!(pmcr_ & kPmcrCntEn)) return false;
  return !(pmcr_ & kPmcrMaskEn) || mask_enabled_;
}

// An event occurring opens the cycle counter's gate (start event) or closes it (stop event).
// With no start event configured the gate is always open.
void Pmu::occur(uint16_t event) {
  const uint32_t start = cycle_cfg_ & 0x3FF;
  const uint32_t stop = (cycle_cfg_ >> 16) & 0x3FF;
  if (start != pmu_event::kNoEvent && event == start) cycle_gate_open_ = true;
  if (stop != pmu_event::kNoEvent && event == stop) cycle_gate_open_ = false;
}

void Pmu::add_to_counter(unsigned i, uint64_t n) {
  const uint64_t sum = uint64_t{event_counters_[i]} + n;
  if (sum > 0xFFFFFFFFu) overflow_ |= 1u << i;
  event_counters_[i] = static_cast<uint32_t>(sum);
}

void Pmu::advance(uint64_t cycles, bool active) {
  const uint16_t event = active ? pmu_event::kNpuActive : pmu_event::kNpuIdle;
  occur(event);
  if (cycles == 0 || !counting()) return;
  const bool gate = (cycle_cfg_ & 0x3FF) == pmu_event::kNoEvent || cycle_gate_open_;
  if ((counter_enable_ & kCycleCounterBit) && gate) {
    const uint64_t sum = cycle_counter_ + cycles;
    if (sum > kCycleCounterMask) overflow_ |= kCycleCounterBit;
    cycle_counter_ = sum & kCycleCounterMask;
  }
  for (unsigned i = 0; i < kEventCounters; ++i) {
    if (!(counter_enable_ & (1u << i))) continue;
    if (event_types_[i] == pmu_event::kCycle || event_types_[i] == event) add_to_counter(i, cycles);
  }
}

void Pmu::count(uint16_t event, uint64_t n) {
  if (n == 0) return;
  occur(event);
  if (!counting()) return;
  for (unsigned i = 0; i < kEventCounters; ++i) {
    if ((counter_enable_ & (1u << i)) && event_types_[i] == event) add_to_counter(i, n);
  }
}

}  // namespace minifvp::npu
