#include "cpu/system/nvic_registers.h"

namespace minifvp::cpu {

void NvicRegisters::reset() {
  enabled_.fill(0);
  pending_.fill(0);
  active_.fill(0);
  target_nonsecure_.fill(0);
  priority_.fill(0);
}

void NvicRegisters::set_pending(unsigned irq, bool pending) {
  if (irq >= kNumIrqs) return;
  const uint32_t mask = 1u << (irq % 32);
  pending_[irq / 32] = pending ? pending_[irq / 32] | mask : pending_[irq / 32] & ~mask;
}

void NvicRegisters::set_active(unsigned irq, bool active) {
  if (irq >= kNumIrqs) return;
  const uint32_t mask = 1u << (irq % 32);
  active_[irq / 32] = active ? active_[irq / 32] | mask : active_[irq / 32] & ~mask;
}

bool NvicRegisters::read(uint32_t offset, unsigned size, uint32_t& value) const {
  value = 0;
  if (offset >= kIprBase) {
    // NVIC_IPRn: byte, halfword or word accessible; one byte per interrupt.
    for (unsigned i = 0; i < size && offset + i < kIprEnd; ++i) {
      value |= uint32_t{priority_[offset - kIprBase + i]} << (8 * i);
    }
    return true;
  }
  const uint32_t bank = offset & ~0x7fu;
  const uint32_t index = (offset & 0x7f) / 4;
  if (index >= kWords || size != 4 || (offset & 3) != 0) return false;
  switch (bank) {
    case kIserBase:
    case kIcerBase:
      value = enabled_[index];
      return true;
    case kIsprBase:
    case kIcprBase:
      value = pending_[index];
      return true;
    case kIabrBase:
      value = active_[index];
      return true;
    case kItnsBase:
      value = target_nonsecure_[index];
      return true;
    default:
      return false;
  }
}

bool NvicRegisters::write(uint32_t offset, unsigned size, uint32_t value) {
  if (offset >= kIprBase) {
    for (unsigned i = 0; i < size && offset + i < kIprEnd; ++i) {
      priority_[offset - kIprBase + i] = static_cast<uint8_t>(value >> (8 * i)) & kPriorityMask;
    }
    return true;
  }
  const uint32_t bank = offset & ~0x7fu;
  const uint32_t index = (offset & 0x7f) / 4;
  if (index >= kWords || size != 4 || (offset & 3) != 0) return false;
  switch (bank) {
    case kIserBase:
      enabled_[index] |= value;
      return true;
    case kIcerBase:
      enabled_[index] &= ~value;
      return true;
    case kIsprBase:
      pending_[index] |= value;
      return true;
    case kIcprBase:
      pending_[index] &= ~value;
      return true;
    case kIabrBase:
      return true;  // read-only: writes ignored
    case kItnsBase:
      target_nonsecure_[index] = value;
      return true;
    default:
      return false;
  }
}

}  // namespace minifvp::cpu
