// The Private Peripheral Bus blocks boot code touches, as bus devices:
//  - SystemControlSpace at 0xE000E000 (4 KiB): SCB (CPUID, ICSR, VTOR, AIRCR, SCR, CCR, SHPR,
//    SHCSR, CFSR, HFSR, MMFAR, BFAR, CPACR, the ID/feature registers), SysTick and NVIC registers,
//    DEMCR (in the debug block at 0xE000EDFC). It owns the exception model (cpu/exceptions.h),
//    which holds the NVIC, priorities, pending/active state and fault status, and attaches it to
//    the core.
//  - Dwt at 0xE0001000 (4 KiB): DWT_CTRL and DWT_CYCCNT (counting the core clock while
//    DEMCR.TRCENA and DWT_CTRL.CYCCNTENA are set).
// Register values are those of the Cortex-M55 TRM (or M85 for the Corstone-320).
//
// Structure: SystemControlSpace is a dispatcher over small blocks that can grow into their own
// models: SysTick (systick.h: its counter runs from the clock, one scheduler event per wrap),
// ExceptionModel (with NvicRegisters), ProtectionRegisters (the MPU configuration the core
// enforces, see cpu/system/mpu.h; SAU storage), and the SCB
// registers it keeps itself. Only the Secure view is modelled: a
// Non-secure alias (0xE002E000) may map the same object (banked registers are not separated).
#pragma once

#include <array>
#include <cstdint>
#include <functional>

#include "cpu/core.h"
#include "cpu/exceptions.h"
#include "cpu/system/id_registers.h"
#include "cpu/system/nvic_registers.h"
#include "cpu/system/protection_registers.h"
#include "cpu/system/systick.h"
#include "devices/device.h"

namespace minifvp::cpu {

enum class CoreModel : uint8_t { CortexM55, CortexM85 };

class SystemControlSpace : public Device {
 public:
  // SCS-relative offsets of the SCB and debug registers (Armv8-M ARM, "System Control Space").
  static constexpr uint32_t kIctr = 0x004, kActlr = 0x008, kCppwr = 0x00c, kCpuid = 0xd00,
                            kIcsr = 0xd04, kVtor = 0xd08, kAircr = 0xd0c, kScr = 0xd10,
                            kCcr = 0xd14, kShpr1 = 0xd18, kShpr2 = 0xd1c, kShpr3 = 0xd20,
                            kShcsr = 0xd24, kCfsr = 0xd28, kHfsr = 0xd2c, kDfsr = 0xd30,
                            kMmfar = 0xd34, kBfar = 0xd38, kAfsr = 0xd3c, kIdPfr0 = 0xd40,
                            kIdIsar5 = 0xd74, kClidr = 0xd78, kCtr = 0xd7c, kCcsidr = 0xd80,
                            kCsselr = 0xd84, kCpacr = 0xd88, kNsacr = 0xd8c, kDhcsr = 0xdf0,
                            kDcrsr = 0xdf4, kDcrdr = 0xdf8, kDemcr = 0xdfc, kDauthctrl = 0xe04,
                            kDscsr = 0xe08, kStir = 0xf00, kFpccr = 0xf34, kFpcar = 0xf38,
                            kFpdscr = 0xf3c, kMvfr0 = 0xf40, kMvfr1 = 0xf44, kMvfr2 = 0xf48,
                            kIciallu = 0xf50, kBpiall = 0xf78;
  static constexpr uint32_t kAircrVectKeyWrite = 0x05fa, kAircrVectKeyRead = 0xfa05;
  static constexpr uint32_t kAircrSysResetReq = 1u << 2;
  static constexpr uint32_t kCcrUnalignTrp = 1u << 3, kCcrDiv0Trp = 1u << 4, kCcrStkAlign = 1u << 9,
                            kCcrStkofHfnmiIgn = 1u << 10;
  // CCR at reset: STKALIGN (RES1 in Armv8-M) and bit 0 (RES1: NONBASETHRDENA is gone in
  // Armv8-M); traps and caches off.
  static constexpr uint32_t kCcrReset = 0x00000201;
  static constexpr uint32_t kDemcrTrcena = 1u << 24;
  static constexpr uint32_t kVtorMask = 0xffffff80;  // TBLOFF [31:7]; [6:0] RAZ/WI

  // Creates the exception model and attaches it to `core` (detached again on destruction).
  SystemControlSpace(Core& core, CoreModel model);
  ~SystemControlSpace() override;
  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;

  uint32_t vtor() const;
  void set_vtor(uint32_t value);
  bool trace_enabled() const;  // DEMCR.TRCENA
  // AIRCR.SYSRESETREQ written with the right VECTKEY.
  void set_reset_request_handler(std::function<void()> handler);

  CoreModel model() const { return model_; }
  uint32_t ccr() const { return ccr_; }  // DIV_0_TRP is bit 4 (kCcrDiv0Trp)
  // Called with the new CCR after every CCR write and reset (UNALIGN_TRP is already applied to
  // the core), e.g. to apply DIV_0_TRP with Core::set_divide_by_zero_trap; also called once when
  // installed.
  void set_ccr_listener(std::function<void(uint32_t ccr)> listener);
  uint32_t cpacr() const { return cpacr_; }
  uint32_t prigroup() const { return exceptions_.prigroup(); }
  // SHPR byte of a system exception (4..15); 0 for exceptions without a programmable priority.
  uint8_t system_handler_priority(unsigned exception) const;
  bool pendsv_pending() const { return exceptions_.pending(exception::kPendSv); }
  bool systick_pending() const { return exceptions_.pending(exception::kSysTick); }
  // Core clock cycles during which DEMCR.TRCENA has been set, up to now (the DWT and PMU
  // counters count only those cycles).
  uint64_t trace_enabled_cycles() const;

  SysTick& systick() { return systick_; }
  NvicRegisters& nvic() { return exceptions_.nvic(); }
  const NvicRegisters& nvic() const { return exceptions_.nvic(); }
  ExceptionModel& exceptions() { return exceptions_; }
  const ExceptionModel& exceptions() const { return exceptions_; }
  ProtectionRegisters& protection() { return protection_; }

 private:
  uint32_t read_scb(uint32_t offset, bool& known);
  bool write_scb(uint32_t offset, uint32_t value);
  bool write_scb_subword(uint32_t offset, unsigned size, uint32_t value);
  void write_aircr(uint32_t value);
  void write_ccr(uint32_t value);
  void write_demcr(uint32_t value);

  Core& core_;
  CoreModel model_;
  const CoreIdRegisters& ids_;
  ExceptionModel exceptions_;  // NVIC, priorities, pending/active state, fault status
  SysTick systick_;
  ProtectionRegisters protection_;
  std::function<void()> reset_request_handler_;
  std::function<void(uint32_t)> ccr_listener_;

  uint32_t actlr_ = 0, cppwr_ = 0;
  uint32_t aircr_fields_ = 0;  // SYSRESETREQS, BFHFNMINS, PRIS, ...: the stored AIRCR bits
  uint32_t ccr_ = kCcrReset;
  uint32_t dfsr_ = 0, afsr_ = 0;
  uint32_t csselr_ = 0, cpacr_ = 0, nsacr_ = 0;
  uint32_t demcr_ = 0;
  // DEMCR.TRCENA time accounting: cycles with TRCENA set before trace_on_since_.
  uint64_t trace_cycles_before_ = 0;
  uint64_t trace_on_since_ = 0;
};

class Dwt : public Device {
 public:
  static constexpr uint32_t kCtrl = 0x000, kCyccnt = 0x004, kCpicnt = 0x008, kExccnt = 0x00c,
                            kSleepcnt = 0x010, kLsucnt = 0x014, kFoldcnt = 0x018, kPcsr = 0x01c,
                            kComp0 = 0x020, kDevarch = 0xfbc;
  static constexpr unsigned kComparators = 4;
  static constexpr uint32_t kCtrlCycCntEna = 1u << 0;
  // NUMCOMP [31:28] = 4; NOTRCPKT, NOEXTTRIG, NOCYCCNT, NOPRFCNT clear: all features present.
  static constexpr uint32_t kCtrlReset = kComparators << 28;
  static constexpr uint32_t kDevarchValue = 0x47701a02;  // ARCHITECT Arm, DWT v2.0

  Dwt(Core& core, const SystemControlSpace& scs);
  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;

  uint32_t cycle_count() const;

 private:
  bool counting() const { return (ctrl_ & kCtrlCycCntEna) != 0; }

  Core& core_;
  const SystemControlSpace& scs_;
  uint32_t ctrl_ = kCtrlReset;
  // CYCCNT = cyccnt_base_ + (trace-enabled cycles since cyccnt_since_) while CYCCNTENA.
  uint32_t cyccnt_base_ = 0;
  uint64_t cyccnt_since_ = 0;
  std::array<uint8_t, 5> event_counters_{};  // CPICNT, EXCCNT, SLEEPCNT, LSUCNT, FOLDCNT
  std::array<uint32_t, kComparators * 4> comparators_{};  // COMPn, (reserved), FUNCTIONn, ...
};

}  // namespace minifvp::cpu
