#include "cpu/system/protection_registers.h"

namespace minifvp::cpu {
namespace {

constexpr uint32_t kMpuCtrlMask = 0x7;         // ENABLE, HFNMIENA, PRIVDEFENA
constexpr uint32_t kRbarMask = 0xffffffff;     // BASE [31:5], SH [4:3], AP [2:1], XN [0]
constexpr uint32_t kMpuRlarMask = 0xffffffff;  // LIMIT [31:5], PXN [4], AttrIndx [3:1], EN [0]
constexpr uint32_t kSauCtrlMask = 0x3;         // ENABLE, ALLNS
constexpr uint32_t kSauRbarMask = 0xffffffe0;
constexpr uint32_t kSauRlarMask = 0xffffffe3;  // LADDR, NSC, ENABLE

}  // namespace

// MPU_RBAR/RLAR reach region RNR; the aliases MPU_RBAR_An/RLAR_An (n = 1..3) reach region
// RNR[7:2]:n (Armv8-M ARM, "MPU_RBAR_An").
uint32_t ProtectionRegisters::mpu_alias_region(uint32_t offset) const {
  const uint32_t alias = (offset - kMpuRbar) / 8;
  const uint32_t region = alias == 0 ? mpu_rnr_ : (mpu_rnr_ & ~3u) | alias;
  return region % kMpuRegions;
}

void ProtectionRegisters::reset() {
  *this = ProtectionRegisters{};
  mpu_.region_count = kMpuRegions;
}

bool ProtectionRegisters::read(uint32_t offset, uint32_t& value) const {
  value = 0;
  if (offset >= kMpuRbar && offset <= kMpuAliasEnd) {
    const uint32_t region_index = mpu_alias_region(offset);
    value = ((offset - kMpuRbar) & 4) == 0 ? mpu_.regions[region_index].rbar
                                           : mpu_.regions[region_index].rlar;
    return true;
  }
  switch (offset) {
    case kMpuType:
      value = kMpuRegions << 8;
      return true;
    case kMpuCtrl:
      value = mpu_.ctrl;
      return true;
    case kMpuRnr:
      value = mpu_rnr_;
      return true;
    case kMpuMair0:
      value = mair0_;
      return true;
    case kMpuMair1:
      value = mair1_;
      return true;
    case kSauCtrl:
      value = sau_ctrl_;
      return true;
    case kSauType:
      value = kSauRegions;
      return true;
    case kSauRnr:
      value = sau_rnr_;
      return true;
    case kSauRbar:
      value = sau_[sau_rnr_ % kSauRegions].rbar;
      return true;
    case kSauRlar:
      value = sau_[sau_rnr_ % kSauRegions].rlar;
      return true;
    case kSfsr:
      value = sfsr_;
      return true;
    case kSfar:
      value = sfar_;
      return true;
    default:
      return false;
  }
}

bool ProtectionRegisters::write(uint32_t offset, uint32_t value) {
  if (offset >= kMpuRbar && offset <= kMpuAliasEnd) {
    const uint32_t region_index = mpu_alias_region(offset);
    if (((offset - kMpuRbar) & 4) == 0) {
      mpu_.regions[region_index].rbar = value & kRbarMask;
    } else {
      mpu_.regions[region_index].rlar = value & kMpuRlarMask;
    }
    return true;
  }
  switch (offset) {
    case kMpuType:
      return true;  // read-only
    case kMpuCtrl:
      mpu_.ctrl = value & kMpuCtrlMask;
      return true;
    case kMpuRnr:
      mpu_rnr_ = value & 0xff;
      return true;
    case kMpuMair0:
      mair0_ = value;
      return true;
    case kMpuMair1:
      mair1_ = value;
      return true;
    case kSauCtrl:
      sau_ctrl_ = value & kSauCtrlMask;
      return true;
    case kSauType:
      return true;
    case kSauRnr:
      sau_rnr_ = value & 0xff;
      return true;
    case kSauRbar:
      sau_[sau_rnr_ % kSauRegions].rbar = value & kSauRbarMask;
      return true;
    case kSauRlar:
      sau_[sau_rnr_ % kSauRegions].rlar = value & kSauRlarMask;
      return true;
    case kSfsr:
      sfsr_ &= ~value;
      return true;  // W1C
    case kSfar:
      sfar_ = value;
      return true;
    default:
      return false;
  }
}

}  // namespace minifvp::cpu
