// The Armv8-M Protected Memory System Architecture (PMSAv8) MPU decision: which accesses the MPU
// configuration permits (Armv8-M ARM, "MPUCheck()" and "ValidateAddress()", and the default
// memory map of "DefaultMemoryAttributes()").
//
// This is a pure function of the configuration so it can be tested on its own; the core
// (cpu/core.h) calls it on every data access and instruction fetch while MPU_CTRL.ENABLE is set,
// and not at all otherwise. The check is a linear scan of the enabled regions (at most
// kMaxRegions), which is acceptable for firmware that turns the MPU on.
//
// Modelled: regions (RBAR.BASE/AP/XN, RLAR.LIMIT/PXN/EN), the background region for privileged
// accesses with PRIVDEFENA, the default memory map's execute-never ranges, the PPB always under
// the default map (an unprivileged PPB access is the PPB's BusFault, not an MPU fault), HFNMIENA
// (with ExecutionPriority() < 0 the MPU is bypassed unless HFNMIENA is set), and overlapping
// regions (an address in two enabled regions faults). Not modelled: memory attributes (MAIR) have
// no effect on permissions (no execute-never for Device memory).
#pragma once

#include <array>
#include <cstdint>

namespace minifvp::cpu {

enum class MpuAccess : uint8_t { Read, Write, Execute };

struct MpuRegion {
  uint32_t rbar = 0;  // BASE [31:5], SH [4:3], AP [2:1], XN [0]
  uint32_t rlar = 0;  // LIMIT [31:5], PXN [4], AttrIndx [3:1], EN [0]
};

struct MpuConfig {
  static constexpr unsigned kMaxRegions = 16;
  static constexpr uint32_t kCtrlEnable = 1u << 0, kCtrlHfnmiena = 1u << 1,
                            kCtrlPrivdefena = 1u << 2;
  uint32_t ctrl = 0;                    // MPU_CTRL
  unsigned region_count = kMaxRegions;  // MPU_TYPE.DREGION
  std::array<MpuRegion, kMaxRegions> regions{};

  bool enabled() const { return (ctrl & kCtrlEnable) != 0; }
};

enum class MpuVerdict : uint8_t {
  Permitted,
  NoRegion,          // no region matched and the background region does not apply
  Overlap,           // the address is in more than one enabled region
  AccessPermission,  // the region's AP forbids the access for this privilege
  ExecuteNever,      // XN/PXN of the region, or an XN range of the default memory map
};

const char* mpu_verdict_name(MpuVerdict verdict);

// MPUCheck() for one byte address. `privileged` is the privilege of the access (an LDRT/STRT is
// unprivileged). `negative_priority` is ExecutionPriority() < 0 (HardFault, NMI or FAULTMASK).
MpuVerdict mpu_check(const MpuConfig& config, uint32_t address, MpuAccess access, bool privileged,
                     bool negative_priority);

// Whether the default memory map marks `address` execute-never (Peripheral, the Device ranges and
// the System range: 0x40000000-0x5FFFFFFF and 0xA0000000-0xFFFFFFFF).
bool default_map_execute_never(uint32_t address);

}  // namespace minifvp::cpu
