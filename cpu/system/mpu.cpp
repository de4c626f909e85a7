#include "cpu/system/mpu.h"

namespace minifvp::cpu {
namespace {

constexpr uint32_t kGranuleMask = 0x1f;  // regions are multiples of 32 bytes
constexpr uint32_t kRlarEnable = 1u << 0, kRlarPxn = 1u << 4, kRbarXn = 1u << 0;

bool in_ppb(uint32_t address) {
  return (address >> 20) == 0xe00;  // 0xE0000000-0xE00FFFFF
}

// AP[2:1] (Armv8-M ARM, "MPU_RBAR"): bit 2 read-only, bit 1 unprivileged access allowed.
bool access_permitted(uint32_t rbar, MpuAccess access, bool privileged) {
  const uint32_t ap = (rbar >> 1) & 3;
  const bool read_only = (ap & 2) != 0;
  const bool unprivileged_allowed = (ap & 1) != 0;
  if (!privileged && !unprivileged_allowed) return false;
  return !(read_only && access == MpuAccess::Write);
}

// The default memory map: the access is permitted, execution subject to its XN ranges.
MpuVerdict default_map(uint32_t address, MpuAccess access) {
  if (access == MpuAccess::Execute && default_map_execute_never(address)) {
    return MpuVerdict::ExecuteNever;
  }
  return MpuVerdict::Permitted;
}

}  // namespace

const char* mpu_verdict_name(MpuVerdict verdict) {
  switch (verdict) {
    case MpuVerdict::Permitted:
      return "permitted";
    case MpuVerdict::NoRegion:
      return "no MPU region matches";
    case MpuVerdict::Overlap:
      return "the address is in more than one MPU region";
    case MpuVerdict::AccessPermission:
      return "MPU region access permissions forbid it";
    case MpuVerdict::ExecuteNever:
      return "execute-never";
  }
  return "?";
}

bool default_map_execute_never(uint32_t address) {
  const uint32_t block = address >> 29;  // 512 MiB blocks of the default memory map
  return block == 2 || block >= 5;
}

MpuVerdict mpu_check(const MpuConfig& config, uint32_t address, MpuAccess access, bool privileged,
                     bool negative_priority) {
  // MPUCheck(): the PPB and a disabled (or, at negative priority without HFNMIENA, bypassed) MPU
  // use the default memory map. The PPB itself refuses unprivileged accesses with a BusFault
  // (Core::check_ppb_privilege), not the MPU.
  if (!config.enabled() || in_ppb(address) ||
      (negative_priority && (config.ctrl & MpuConfig::kCtrlHfnmiena) == 0)) {
    return default_map(address, access);
  }
  const MpuRegion* hit = nullptr;
  const unsigned count =
      config.region_count < MpuConfig::kMaxRegions ? config.region_count : MpuConfig::kMaxRegions;
  for (unsigned i = 0; i < count; ++i) {
    const MpuRegion& region = config.regions[i];
    if ((region.rlar & kRlarEnable) == 0) continue;
    const uint32_t base = region.rbar & ~kGranuleMask;
    const uint32_t limit = region.rlar | kGranuleMask;
    if (address < base || address > limit) continue;
    if (hit != nullptr) return MpuVerdict::Overlap;
    hit = &region;
  }
  if (hit == nullptr) {
    // The background region: the default map, for privileged accesses with PRIVDEFENA only.
    if (privileged && (config.ctrl & MpuConfig::kCtrlPrivdefena) != 0) {
      return default_map(address, access);
    }
    return MpuVerdict::NoRegion;
  }
  if (!access_permitted(hit->rbar, access, privileged)) return MpuVerdict::AccessPermission;
  if (access == MpuAccess::Execute) {
    // XN, PXN (Armv8.1-M) for privileged execution, and the System range is always XN.
    if ((hit->rbar & kRbarXn) != 0 || (privileged && (hit->rlar & kRlarPxn) != 0) ||
        (address >> 29) == 7) {
      return MpuVerdict::ExecuteNever;
    }
  }
  return MpuVerdict::Permitted;
}

}  // namespace minifvp::cpu
