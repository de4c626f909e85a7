// Register storage for the MPU (PMSAv8) and the SAU at 0xE000ED90..0xE000EDEB.
//
// The MPU registers form an MpuConfig (cpu/system/mpu.h) that the core checks accesses against;
// the owner (the SCS) tells the core after every MPU register write. The SAU registers are storage
// only (the Security Extension is not modelled).
#pragma once

#include <array>
#include <cstdint>

#include "cpu/system/mpu.h"

namespace minifvp::cpu {

class ProtectionRegisters {
 public:
  // MPU_TYPE.DREGION. The Cortex-M55 configures 0, 4, 8, 12 or 16 regions; 16 is what QEMU's
  // mps3-an547 reports (MPU_TYPE = 0x1000), so firmware sees the same on both.
  static constexpr unsigned kMpuRegions = 16;
  static_assert(kMpuRegions <= MpuConfig::kMaxRegions);
  static constexpr unsigned kSauRegions = 8;  // SAU_TYPE.SREGION

  static constexpr uint32_t kMpuType = 0xd90, kMpuCtrl = 0xd94, kMpuRnr = 0xd98, kMpuRbar = 0xd9c,
                            kMpuRlar = 0xda0, kMpuAliasEnd = 0xdb8, kMpuMair0 = 0xdc0,
                            kMpuMair1 = 0xdc4, kSauCtrl = 0xdd0, kSauType = 0xdd4, kSauRnr = 0xdd8,
                            kSauRbar = 0xddc, kSauRlar = 0xde0, kSfsr = 0xde4, kSfar = 0xde8;

  static bool contains(uint32_t offset) { return offset >= kMpuType && offset <= kSfar; }
  // Word accesses. Return false for reserved offsets in the range.
  bool read(uint32_t offset, uint32_t& value) const;
  bool write(uint32_t offset, uint32_t value);
  void reset();

  struct Region {
    uint32_t rbar = 0, rlar = 0;
  };
  const MpuConfig& mpu() const { return mpu_; }
  uint32_t mpu_ctrl() const { return mpu_.ctrl; }
  static bool is_mpu_register(uint32_t offset) { return offset >= kMpuType && offset < kSauCtrl; }

 private:
  uint32_t mpu_alias_region(uint32_t offset) const;

  MpuConfig mpu_{};
  std::array<Region, kSauRegions> sau_{};
  uint32_t mpu_rnr_ = 0, mair0_ = 0, mair1_ = 0;
  uint32_t sau_ctrl_ = 0, sau_rnr_ = 0, sfsr_ = 0, sfar_ = 0;
};

}  // namespace minifvp::cpu
