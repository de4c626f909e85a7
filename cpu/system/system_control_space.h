// The Private Peripheral Bus blocks boot code touches, as bus devices:
//  - SystemControlSpace at 0xE000E000 (4 KiB): SCB (CPUID, ICSR, VTOR, AIRCR, SCR, CCR, SHPR,
//    SHCSR, CFSR, HFSR, MMFAR, BFAR, CPACR, the ID/feature registers), SysTick and NVIC registers
//    (until the exception work models them, SysTick/NVIC registers hold their values only),
//    DEMCR (in the debug block at 0xE000EDFC).
//  - Dwt at 0xE0001000 (4 KiB): DWT_CTRL and DWT_CYCCNT (counting the core clock while
//    DEMCR.TRCENA and DWT_CTRL.CYCCNTENA are set).
// Register values are those of the Cortex-M55 TRM (or M85 for the Corstone-320).
#pragma once

#include <cstdint>
#include <functional>

#include "cpu/core.h"
#include "devices/device.h"

namespace minifvp::cpu {

enum class CoreModel : uint8_t { CortexM55, CortexM85 };

class SystemControlSpace : public Device {
 public:
  SystemControlSpace(Core& core, CoreModel model);
  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;

  uint32_t vtor() const;
  void set_vtor(uint32_t value);
  bool trace_enabled() const;  // DEMCR.TRCENA
  // AIRCR.SYSRESETREQ written with the right VECTKEY.
  void set_reset_request_handler(std::function<void()> handler);
};

class Dwt : public Device {
 public:
  Dwt(Core& core, const SystemControlSpace& scs);
  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;
};

}  // namespace minifvp::cpu
