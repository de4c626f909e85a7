#include "cpu/system/id_registers.h"

#include "cpu/system/system_control_space.h"

namespace minifvp::cpu {
namespace {

// CCSIDR (Armv8-M ARM, "CCSIDR"): WT [31], WB [30], RA [29], WA [28], NumSets-1 [27:13],
// Associativity-1 [12:3], LineSize = log2(words per line) - 2 [2:0].
constexpr uint32_t ccsidr(bool write_back, uint32_t size_bytes, uint32_t ways,
                          uint32_t line_bytes) {
  const uint32_t sets = size_bytes / (ways * line_bytes);
  uint32_t line_size_field = 0;
  for (uint32_t words = line_bytes / 4; words > 4; words >>= 1) ++line_size_field;
  return (write_back ? 0x70000000u : 0x20000000u) | ((sets - 1) << 13) | ((ways - 1) << 3) |
         line_size_field;
}

// Cortex-M55. CPUID 0x411FD220 is r1p0, the revision MLEK's deployment guide shows an MPS3
// AN552 (Corstone-300) reporting ("CPU ID: 0x411fd220", "Cortex-M55 r1p0"); firmware checks only
// PARTNO [15:4] (MLEK platform_drivers.c). The feature registers are the M55 configuration with
// FPU and full MVE as QEMU's cortex-m55 model reports them (target/arm/tcg/cpu-v7m.c): they
// describe the architecture features, which do not change between r0p1 and r1p0.
// Caches: CTR gives 32-byte minimum lines for both caches; CLIDR = separate L1 I and D caches,
// LoUU = LoC = 1. CCSIDR follows the M55 cache geometry (2-way instruction cache, 4-way data
// cache, 32-byte lines) at the Corstone-300's 32 KiB each.
constexpr CoreIdRegisters kCortexM55 = {
    .cpuid = 0x411fd220,
    .id_pfr0 = 0x20000030,
    .id_pfr1 = 0x00000230,
    .id_dfr0 = 0x10200000,
    .id_afr0 = 0x00000000,
    .id_mmfr0 = 0x00111040,
    .id_mmfr1 = 0x00000000,
    .id_mmfr2 = 0x01000000,
    .id_mmfr3 = 0x00000011,
    .id_isar0 = 0x01103110,
    .id_isar1 = 0x02212000,
    .id_isar2 = 0x20232232,
    .id_isar3 = 0x01111131,
    .id_isar4 = 0x01310132,
    .id_isar5 = 0x00000000,
    .clidr = 0x09000003,
    .ctr = 0x8303c003,
    .ccsidr_data = ccsidr(true, 32 * 1024, 4, 32),
    .ccsidr_instruction = ccsidr(false, 32 * 1024, 2, 32),
    .mvfr0 = 0x10110221,
    .mvfr1 = 0x12100211,
    .mvfr2 = 0x00000040,
};

// Cortex-M85 r0p0: CPUID PARTNO 0xD23 (MLEK: "0x_41_0f_d2_30"). It implements the same
// Armv8.1-M feature set as the M55 configuration above (FPU with double precision, MVE-I/F,
// DSP); no public listing of its feature registers was found, so they are the M55's.
constexpr CoreIdRegisters kCortexM85 = [] {
  CoreIdRegisters ids = kCortexM55;
  ids.cpuid = 0x410fd230;
  return ids;
}();

}  // namespace

const CoreIdRegisters& core_id_registers(CoreModel model) {
  return model == CoreModel::CortexM85 ? kCortexM85 : kCortexM55;
}

}  // namespace minifvp::cpu
