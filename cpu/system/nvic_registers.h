// The NVIC's register file (Armv8-M ARM, "Nested Vectored Interrupt Controller"): enable,
// pending, active, target-security and priority state for each external interrupt.
//
// Storage the SCS dispatcher maps at 0xE000E100..0xE000E5FF, owned and read by the exception model
// (cpu/exceptions.h), which also takes the device IRQ line levels. Priorities keep only the
// implemented bits (kPriorityBits, the M55's 3).
#pragma once

#include <array>
#include <cstdint>

namespace minifvp::cpu {

class NvicRegisters {
 public:
  static constexpr unsigned kNumIrqs = 480;  // Cortex-M55/M85 maximum; Corstone uses up to 480
  static constexpr unsigned kWords = kNumIrqs / 32;
  static constexpr unsigned kPriorityBits = 3;
  static constexpr uint8_t kPriorityMask = static_cast<uint8_t>(0xff << (8 - kPriorityBits));

  // Offsets inside the SCS.
  static constexpr uint32_t kIserBase = 0x100, kIcerBase = 0x180, kIsprBase = 0x200,
                            kIcprBase = 0x280, kIabrBase = 0x300, kItnsBase = 0x380,
                            kIprBase = 0x400, kIprEnd = kIprBase + kNumIrqs;

  // True when `offset` (SCS-relative) is one of these registers.
  static bool contains(uint32_t offset) { return offset >= kIserBase && offset < kIprEnd; }

  // Word or byte access at an SCS offset inside contains(). Returns false for offsets in the
  // range that are not registers (reserved words past the implemented interrupts).
  bool read(uint32_t offset, unsigned size, uint32_t& value) const;
  bool write(uint32_t offset, unsigned size, uint32_t value);
  void reset();

  bool enabled(unsigned irq) const { return bit(enabled_, irq); }
  bool pending(unsigned irq) const { return bit(pending_, irq); }
  bool active(unsigned irq) const { return bit(active_, irq); }
  uint8_t priority(unsigned irq) const { return irq < kNumIrqs ? priority_[irq] : 0; }
  // The 32 interrupts of word `w` (the IABR/ISPR/ISER words).
  uint32_t pending_word(unsigned w) const { return pending_[w]; }
  uint32_t enabled_word(unsigned w) const { return enabled_[w]; }
  uint32_t active_word(unsigned w) const { return active_[w]; }
  void set_pending(unsigned irq, bool pending);
  void set_active(unsigned irq, bool active);

 private:
  static bool bit(const std::array<uint32_t, kWords>& words, unsigned irq) {
    return irq < kNumIrqs && ((words[irq / 32] >> (irq % 32)) & 1) != 0;
  }

  std::array<uint32_t, kWords> enabled_{}, pending_{}, active_{}, target_nonsecure_{};
  std::array<uint8_t, kNumIrqs> priority_{};
};

}  // namespace minifvp::cpu
