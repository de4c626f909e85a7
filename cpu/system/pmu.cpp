#include "cpu/system/pmu.h"

#include "cpu/system/system_control_space.h"

namespace minifvp::cpu {
namespace {

// PMU_TYPE: N [7:0] = 8 event counters, CYCCNT_SIZE [13:8] = 31 (a 32-bit cycle counter),
// CC [14] = cycle counter present.
constexpr uint32_t kTypeValue = (1u << 14) | (31u << 8) | Pmu::kEventCounters;
constexpr uint32_t kDevarchValue = 0x47700a06;  // ARCHITECT Arm, PMU v2.0 (ARCHID 0x0A06)
constexpr uint32_t kDevtypeValue = 0x00000016;  // performance monitor, processor trace
constexpr uint32_t kCtrlStoredMask = Pmu::kCtrlEnable | Pmu::kCtrlDivider;
constexpr uint32_t kCounterMask = (1u << Pmu::kCycleCounterBit) | 0xff;
constexpr uint32_t kEvtyperMask = 0xffff;
constexpr uint32_t kDividedCycles = 64;

}  // namespace

Pmu::Pmu(Core& core, const SystemControlSpace& scs) : Device("pmu"), core_(core), scs_(scs) {
  reset();
}

void Pmu::reset() {
  ctrl_ = cntenset_ = intenset_ = overflow_ = ccfiltr_ = 0;
  evtyper_.fill(0);
  for (uint64_t& n : software_increments_) n = 0;
  counters_.fill({});
  rebase_all();
}

bool Pmu::active(unsigned index) const {
  return (ctrl_ & kCtrlEnable) != 0 && (cntenset_ & counter_bit(index)) != 0;
}

uint64_t Pmu::source(unsigned index) const {
  if (index == kCycleIndex) {
    const uint64_t cycles = scs_.trace_enabled_cycles();
    return (ctrl_ & kCtrlDivider) != 0 ? cycles / kDividedCycles : cycles;
  }
  switch (evtyper_[index] & kEvtyperMask) {
    case kEventCpuCycles:
      return core_.clock();
    case kEventInstRetired:
      return core_.instructions();
    case kEventSwIncr:
      return software_increments_[index];
    case kEventMemAccess:
    case kEventBusAccess:
      return core_.data_accesses();
    case kEventStall:
      return core_.timing().stalls().total();
    default:
      return 0;  // not modelled: the counter stays where it is
  }
}

void Pmu::settle(unsigned index) {
  Counter& c = counters_[index];
  const uint64_t now = source(index);
  if (active(index)) {
    const uint64_t sum = uint64_t{c.value} + (now - c.source_at_settle);
    if (sum > UINT32_MAX) overflow_ |= counter_bit(index);
    c.value = static_cast<uint32_t>(sum);
  }
  c.source_at_settle = now;
}

void Pmu::settle_all() {
  for (unsigned i = 0; i < counters_.size(); ++i) settle(i);
}

void Pmu::rebase_all() {
  for (unsigned i = 0; i < counters_.size(); ++i) counters_[i].source_at_settle = source(i);
}

uint32_t Pmu::cycle_counter() {
  settle(kCycleIndex);
  return counters_[kCycleIndex].value;
}

AccessStatus Pmu::read(uint32_t offset, unsigned size, uint32_t& value) {
  const uint32_t word_offset = offset & ~3u;
  uint32_t word = 0;
  if (word_offset < kEvcntr0 + 4 * kEventCounters) {
    const unsigned index = word_offset / 4;
    settle(index);
    word = counters_[index].value;
  } else if (word_offset == kCcntr) {
    word = cycle_counter();
  } else if (word_offset >= kEvtyper0 && word_offset < kEvtyper0 + 4 * kEventCounters) {
    word = evtyper_[(word_offset - kEvtyper0) / 4];
  } else {
    switch (word_offset) {
      case kCcfiltr:
        word = ccfiltr_;
        break;
      case kCntenset:
      case kCntenclr:
        word = cntenset_;
        break;
      case kIntenset:
      case kIntenclr:
        word = intenset_;
        break;
      case kOvsset:
      case kOvsclr:
        settle_all();
        word = overflow_;
        break;
      case kType:
        word = kTypeValue;
        break;
      case kCtrl:
        word = ctrl_;
        break;
      case kAuthstatus:
        word = 0;
        break;
      case kDevarch:
        word = kDevarchValue;
        break;
      case kDevtype:
        word = kDevtypeValue;
        break;
      case kSwinc:
        break;  // write-only
      default:
        guest_error("read of an unknown PMU register", offset);
        break;
    }
  }
  value = register_lanes(word, offset, size);
  return AccessStatus::Ok;
}

AccessStatus Pmu::write(uint32_t offset, unsigned size, uint32_t value) {
  if (size != 4 || (offset & 3u) != 0) {
    guest_error("sub-word PMU write ignored", offset);
    return AccessStatus::Ok;
  }
  if (offset < kEvcntr0 + 4 * kEventCounters || offset == kCcntr) {
    const unsigned index = offset == kCcntr ? kCycleIndex : offset / 4;
    settle(index);
    counters_[index].value = value;
    return AccessStatus::Ok;
  }
  if (offset >= kEvtyper0 && offset < kEvtyper0 + 4 * kEventCounters) {
    const unsigned index = (offset - kEvtyper0) / 4;
    settle(index);
    evtyper_[index] = value & kEvtyperMask;
    counters_[index].source_at_settle = source(index);
    return AccessStatus::Ok;
  }
  switch (offset) {
    case kCcfiltr:
      ccfiltr_ = value;
      break;
    case kCntenset:
      settle_all();
      cntenset_ |= value & kCounterMask;
      break;
    case kCntenclr:
      settle_all();
      cntenset_ &= ~value;
      break;
    case kIntenset:
      intenset_ |= value & kCounterMask;
      break;
    case kIntenclr:
      intenset_ &= ~value;
      break;
    case kOvsset:
      settle_all();
      overflow_ |= value & kCounterMask;
      break;
    case kOvsclr:
      settle_all();
      overflow_ &= ~value;
      break;
    case kSwinc:
      for (unsigned i = 0; i < kEventCounters; ++i) {
        if ((value >> i) & 1 && (evtyper_[i] & kEvtyperMask) == kEventSwIncr) {
          ++software_increments_[i];
        }
      }
      break;
    case kCtrl:
      settle_all();
      ctrl_ = value & kCtrlStoredMask;
      if ((value & kCtrlEventReset) != 0) {
        for (unsigned i = 0; i < kEventCounters; ++i) counters_[i].value = 0;
      }
      if ((value & kCtrlCycleReset) != 0) counters_[kCycleIndex].value = 0;
      rebase_all();  // the divider may have changed what the cycle source counts
      break;
    case kType:
    case kDevarch:
    case kDevtype:
    case kAuthstatus:
      guest_error("write to a read-only PMU register ignored", offset);
      break;
    default:
      guest_error("write to an unknown PMU register ignored", offset);
      break;
  }
  return AccessStatus::Ok;
}

}  // namespace minifvp::cpu
