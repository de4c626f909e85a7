// Identification values the System Control Block reports for each core model: CPUID, the
// processor/debug/memory-model/instruction-set feature registers, the cache identification
// registers and the FP/MVE feature registers.
#pragma once

#include <cstdint>

namespace minifvp::cpu {

enum class CoreModel : uint8_t;

struct CoreIdRegisters {
  uint32_t cpuid;
  uint32_t id_pfr0, id_pfr1, id_dfr0, id_afr0;
  uint32_t id_mmfr0, id_mmfr1, id_mmfr2, id_mmfr3;
  uint32_t id_isar0, id_isar1, id_isar2, id_isar3, id_isar4, id_isar5;
  uint32_t clidr, ctr;
  uint32_t ccsidr_data, ccsidr_instruction;  // level 1, selected by CSSELR.InD
  uint32_t mvfr0, mvfr1, mvfr2;
};

const CoreIdRegisters& core_id_registers(CoreModel model);

}  // namespace minifvp::cpu
