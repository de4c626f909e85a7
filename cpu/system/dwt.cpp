// Data Watchpoint and Trace unit (Armv8-M ARM, "DWT"): DWT_CTRL, the cycle counter and the
// comparator registers (held; watchpoints are not modelled).
#include "cpu/system/system_control_space.h"

namespace minifvp::cpu {

namespace {

constexpr uint32_t kDwtCtrlWritableMask = 0x00ff1fff;

}  // namespace

Dwt::Dwt(Core& core, const SystemControlSpace& scs) : Device("dwt"), core_(core), scs_(scs) {
  reset();
}

void Dwt::reset() {
  ctrl_ = kCtrlReset;
  cyccnt_base_ = 0;
  cyccnt_since_ = scs_.trace_enabled_cycles();
  event_counters_.fill(0);
  comparators_.fill(0);
}

uint32_t Dwt::cycle_count() const {
  if (!counting()) return cyccnt_base_;
  return cyccnt_base_ + static_cast<uint32_t>(scs_.trace_enabled_cycles() - cyccnt_since_);
}

AccessStatus Dwt::read(uint32_t offset, unsigned size, uint32_t& value) {
  const uint32_t word_offset = offset & ~3u;
  uint32_t word = 0;
  if (word_offset == kCtrl) {
    word = ctrl_;
  } else if (word_offset == kCyccnt) {
    word = cycle_count();
  } else if (word_offset >= kCpicnt && word_offset <= kFoldcnt) {
    word = event_counters_[(word_offset - kCpicnt) / 4];
  } else if (word_offset == kPcsr) {
    word = core_.current_pc();
  } else if (word_offset >= kComp0 && word_offset < kComp0 + 0x10 * kComparators) {
    word = comparators_[(word_offset - kComp0) / 4];
  } else if (word_offset == kDevarch) {
    word = kDevarchValue;
  } else {
    guest_error("read of an unknown DWT register", offset);
  }
  value = register_lanes(word, offset, size);
  return AccessStatus::Ok;
}

AccessStatus Dwt::write(uint32_t offset, unsigned size, uint32_t value) {
  if (size != 4 || (offset & 3u) != 0) {
    guest_error("sub-word DWT write ignored", offset);
    return AccessStatus::Ok;
  }
  if (offset == kCtrl) {
    // Freeze or restart CYCCNT at the current count when CYCCNTENA changes.
    const uint32_t current = cycle_count();
    ctrl_ = (ctrl_ & ~kDwtCtrlWritableMask) | (value & kDwtCtrlWritableMask);
    cyccnt_base_ = current;
    cyccnt_since_ = scs_.trace_enabled_cycles();
  } else if (offset == kCyccnt) {
    cyccnt_base_ = value;
    cyccnt_since_ = scs_.trace_enabled_cycles();
  } else if (offset >= kCpicnt && offset <= kFoldcnt) {
    event_counters_[(offset - kCpicnt) / 4] = static_cast<uint8_t>(value);
  } else if (offset >= kComp0 && offset < kComp0 + 0x10 * kComparators) {
    comparators_[(offset - kComp0) / 4] = value;
  } else if (offset == kPcsr || offset == kDevarch) {
    guest_error("write to a read-only DWT register ignored", offset);
  } else {
    guest_error("write to an unknown DWT register ignored", offset);
  }
  return AccessStatus::Ok;
}

}  // namespace minifvp::cpu
