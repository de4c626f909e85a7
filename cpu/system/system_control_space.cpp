#include "cpu/system/system_control_space.h"

#include <utility>

namespace minifvp::cpu {
namespace {

constexpr unsigned kNumExternalInterrupts = NvicRegisters::kNumIrqs;
// ICTR.INTLINESNUM: (number of interrupt lines / 32) - 1.
constexpr uint32_t kIctrValue = kNumExternalInterrupts / 32 - 1;

// AIRCR: VECTCLRACTIVE [1] and SYSRESETREQ [2] act; SYSRESETREQS [3], IESB [5], DIT [4],
// BFHFNMINS [13] and PRIS [14] are stored; PRIGROUP [10:8] separately; ENDIANNESS [15] = 0.
constexpr uint32_t kAircrStoredMask = 0x00006038;
// CCR: USERSETMPEND [1], UNALIGN_TRP [3], DIV_0_TRP [4], BFHFNMIGN [8], STKOFHFNMIGN [10],
// DC [16], IC [17], BP [18], LOB [19], TRD [20]; bits 0 and 9 are RES1.
constexpr uint32_t kCcrWritableMask = 0x001f051a;
constexpr uint32_t kScrWritableMask = 0x0000001e;    // SLEEPONEXIT, SLEEPDEEP(S), SEVONPEND
constexpr uint32_t kShcsrWritableMask = 0x003ffdbf;  // the ACT, PENDED and ENA bits
constexpr uint32_t kCpacrWritableMask = 0x00f0ffff;  // CP0..CP7, CP10, CP11
constexpr uint32_t kNsacrWritableMask = 0x00000cff;
constexpr uint32_t kCsselrWritableMask = 0x1;  // InD; only level 1 exists
constexpr uint32_t kDemcrWritableMask = 0x01bf0ff1;

// The SCB/debug register map, for the reset values and access rules in one place. The read and
// write switch below implements the behaviour of each.
constexpr RegisterInfo kScbRegisters[] = {
    {SystemControlSpace::kIctr, "ICTR", RegAccess::ReadOnly, kIctrValue},
    {SystemControlSpace::kActlr, "ACTLR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kCppwr, "CPPWR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kCpuid, "CPUID", RegAccess::ReadOnly, 0},
    {SystemControlSpace::kIcsr, "ICSR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kVtor, "VTOR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kAircr, "AIRCR", RegAccess::ReadWrite, 0xfa050000},
    {SystemControlSpace::kScr, "SCR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kCcr, "CCR", RegAccess::ReadWrite, SystemControlSpace::kCcrReset},
    {SystemControlSpace::kShpr1, "SHPR1", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kShpr2, "SHPR2", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kShpr3, "SHPR3", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kShcsr, "SHCSR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kCfsr, "CFSR", RegAccess::WriteOneToClear, 0},
    {SystemControlSpace::kHfsr, "HFSR", RegAccess::WriteOneToClear, 0},
    {SystemControlSpace::kDfsr, "DFSR", RegAccess::WriteOneToClear, 0},
    {SystemControlSpace::kMmfar, "MMFAR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kBfar, "BFAR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kAfsr, "AFSR", RegAccess::ReadWrite, 0},
    {0xd40, "ID_PFR0", RegAccess::ReadOnly, 0},
    {0xd44, "ID_PFR1", RegAccess::ReadOnly, 0},
    {0xd48, "ID_DFR0", RegAccess::ReadOnly, 0},
    {0xd4c, "ID_AFR0", RegAccess::ReadOnly, 0},
    {0xd50, "ID_MMFR0", RegAccess::ReadOnly, 0},
    {0xd54, "ID_MMFR1", RegAccess::ReadOnly, 0},
    {0xd58, "ID_MMFR2", RegAccess::ReadOnly, 0},
    {0xd5c, "ID_MMFR3", RegAccess::ReadOnly, 0},
    {0xd60, "ID_ISAR0", RegAccess::ReadOnly, 0},
    {0xd64, "ID_ISAR1", RegAccess::ReadOnly, 0},
    {0xd68, "ID_ISAR2", RegAccess::ReadOnly, 0},
    {0xd6c, "ID_ISAR3", RegAccess::ReadOnly, 0},
    {0xd70, "ID_ISAR4", RegAccess::ReadOnly, 0},
    {0xd74, "ID_ISAR5", RegAccess::ReadOnly, 0},
    {SystemControlSpace::kClidr, "CLIDR", RegAccess::ReadOnly, 0},
    {SystemControlSpace::kCtr, "CTR", RegAccess::ReadOnly, 0},
    {SystemControlSpace::kCcsidr, "CCSIDR", RegAccess::ReadOnly, 0},
    {SystemControlSpace::kCsselr, "CSSELR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kCpacr, "CPACR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kNsacr, "NSACR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kDhcsr, "DHCSR", RegAccess::ReadWrite, 0},  // no debugger: RAZ/WI
    {SystemControlSpace::kDcrsr, "DCRSR", RegAccess::WriteOnly, 0},  // no debugger: WI
    {SystemControlSpace::kDcrdr, "DCRDR", RegAccess::ReadWrite, 0},  // no debugger: RAZ/WI
    {SystemControlSpace::kDemcr, "DEMCR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kDauthctrl, "DAUTHCTRL", RegAccess::ReadWrite, 0},  // RAZ/WI
    {SystemControlSpace::kDscsr, "DSCSR", RegAccess::ReadWrite, 0},          // RAZ/WI
    {SystemControlSpace::kStir, "STIR", RegAccess::WriteOnly, 0},
    // The FP context control registers live in the core (cpu/fp_context.h).
    {SystemControlSpace::kFpccr, "FPCCR", RegAccess::ReadWrite, fpccr::kReset},
    {SystemControlSpace::kFpcar, "FPCAR", RegAccess::ReadWrite, 0},
    {SystemControlSpace::kFpdscr, "FPDSCR", RegAccess::ReadWrite, fpdscr::kReset},
    {SystemControlSpace::kMvfr0, "MVFR0", RegAccess::ReadOnly, 0},
    {SystemControlSpace::kMvfr1, "MVFR1", RegAccess::ReadOnly, 0},
    {SystemControlSpace::kMvfr2, "MVFR2", RegAccess::ReadOnly, 0},
    // Cache maintenance by address/set-way (write-only; caches are not modelled, so no effect).
    {0xf50, "ICIALLU", RegAccess::WriteOnly, 0},
    {0xf58, "ICIMVAU", RegAccess::WriteOnly, 0},
    {0xf5c, "DCIMVAC", RegAccess::WriteOnly, 0},
    {0xf60, "DCISW", RegAccess::WriteOnly, 0},
    {0xf64, "DCCMVAU", RegAccess::WriteOnly, 0},
    {0xf68, "DCCMVAC", RegAccess::WriteOnly, 0},
    {0xf6c, "DCCSW", RegAccess::WriteOnly, 0},
    {0xf70, "DCCIMVAC", RegAccess::WriteOnly, 0},
    {0xf74, "DCCISW", RegAccess::WriteOnly, 0},
    {0xf78, "BPIALL", RegAccess::WriteOnly, 0},
};

}  // namespace

SystemControlSpace::SystemControlSpace(Core& core, CoreModel model)
    : Device("scs"),
      core_(core),
      model_(model),
      ids_(core_id_registers(model)),
      exceptions_(core),
      systick_(core) {
  core_.attach_exception_model(&exceptions_);
  systick_.set_wrap_handler([this] { exceptions_.set_pending(exception::kSysTick, true); });
  reset();
}

SystemControlSpace::~SystemControlSpace() {
  core_.set_mpu(nullptr);
  if (core_.exception_model() == &exceptions_) core_.attach_exception_model(nullptr);
}

void SystemControlSpace::reset() {
  systick_.reset();
  exceptions_.reset();
  protection_.reset();
  core_.set_mpu(&protection_.mpu());
  actlr_ = cppwr_ = aircr_fields_ = 0;
  write_ccr(kCcrReset);
  dfsr_ = afsr_ = 0;
  csselr_ = cpacr_ = nsacr_ = 0;
  core_.set_fpccr(fpccr::kReset);
  core_.set_fpcar(0);
  core_.set_fpdscr(fpdscr::kReset);
  // DEMCR is reset by a power-on reset only (Armv8-M: "Cold reset"); a SYSRESETREQ keeps it, and
  // so keeps the trace time accounting.
}

uint32_t SystemControlSpace::vtor() const {
  return exceptions_.vtor();
}
void SystemControlSpace::set_vtor(uint32_t value) {
  exceptions_.set_vtor(value & kVtorMask);
}
bool SystemControlSpace::trace_enabled() const {
  return (demcr_ & kDemcrTrcena) != 0;
}

void SystemControlSpace::set_reset_request_handler(std::function<void()> handler) {
  reset_request_handler_ = std::move(handler);
}

uint64_t SystemControlSpace::trace_enabled_cycles() const {
  return trace_enabled() ? trace_cycles_before_ + (core_.clock() - trace_on_since_)
                         : trace_cycles_before_;
}

uint8_t SystemControlSpace::system_handler_priority(unsigned exception) const {
  return exceptions_.system_priority(exception);
}

AccessStatus SystemControlSpace::read(uint32_t offset, unsigned size, uint32_t& value) {
  value = 0;
  const uint32_t word_offset = offset & ~3u;
  if (SysTick::contains(word_offset)) {
    value = register_lanes(systick_.read(word_offset), offset, size);
    return AccessStatus::Ok;
  }
  if (NvicRegisters::contains(offset)) {
    if (!exceptions_.nvic().read(offset, size, value)) {
      guest_error("bad NVIC register read", offset);
    }
    return AccessStatus::Ok;
  }
  if (ProtectionRegisters::contains(word_offset)) {
    uint32_t word = 0;
    if (!protection_.read(word_offset, word))
      guest_error("read of a reserved MPU/SAU offset", offset);
    value = register_lanes(word, offset, size);
    return AccessStatus::Ok;
  }
  bool known = false;
  const uint32_t word = read_scb(word_offset, known);
  if (!known) {
    guest_error("read of an unknown SCS register", offset);
    return AccessStatus::Ok;
  }
  value = register_lanes(word, offset, size);
  return AccessStatus::Ok;
}

uint32_t SystemControlSpace::read_scb(uint32_t offset, bool& known) {
  const RegisterInfo* info = find_register(kScbRegisters, offset);
  known = info != nullptr;
  if (info == nullptr || info->access == RegAccess::WriteOnly) return 0;
  switch (offset) {
    case kIctr:
      return kIctrValue;
    case kActlr:
      return actlr_;
    case kCppwr:
      return cppwr_;
    case kCpuid:
      return ids_.cpuid;
    case kIcsr:
      return exceptions_.icsr();
    case kVtor:
      return exceptions_.vtor();
    case kAircr:
      return (kAircrVectKeyRead << 16) | (exceptions_.prigroup() << 8) | aircr_fields_;
    case kScr:
      return exceptions_.scr();
    case kCcr:
      return ccr_;
    case kShpr1:
    case kShpr2:
    case kShpr3: {
      const unsigned first = 4 + (offset - kShpr1);  // the exception of the byte at offset
      uint32_t word = 0;
      for (unsigned i = 0; i < 4; ++i)
        word |= uint32_t{exceptions_.system_priority(first + i)} << (8 * i);
      return word;
    }
    case kShcsr:
      return exceptions_.shcsr();
    case kCfsr:
      return exceptions_.cfsr();
    case kHfsr:
      return exceptions_.hfsr();
    case kDfsr:
      return dfsr_;
    case kMmfar:
      return exceptions_.mmfar();
    case kBfar:
      return exceptions_.bfar();
    case kAfsr:
      return afsr_;
    case 0xd40:
      return ids_.id_pfr0;
    case 0xd44:
      return ids_.id_pfr1;
    case 0xd48:
      return ids_.id_dfr0;
    case 0xd4c:
      return ids_.id_afr0;
    case 0xd50:
      return ids_.id_mmfr0;
    case 0xd54:
      return ids_.id_mmfr1;
    case 0xd58:
      return ids_.id_mmfr2;
    case 0xd5c:
      return ids_.id_mmfr3;
    case 0xd60:
      return ids_.id_isar0;
    case 0xd64:
      return ids_.id_isar1;
    case 0xd68:
      return ids_.id_isar2;
    case 0xd6c:
      return ids_.id_isar3;
    case 0xd70:
      return ids_.id_isar4;
    case 0xd74:
      return ids_.id_isar5;
    case kClidr:
      return ids_.clidr;
    case kCtr:
      return ids_.ctr;
    case kCcsidr:
      return (csselr_ & 1) != 0 ? ids_.ccsidr_instruction : ids_.ccsidr_data;
    case kCsselr:
      return csselr_;
    case kCpacr:
      return cpacr_;
    case kNsacr:
      return nsacr_;
    case kDemcr:
      return demcr_;
    case kFpccr:
      return core_.fpccr();
    case kFpcar:
      return core_.fpcar();
    case kFpdscr:
      return core_.fpdscr();
    case kMvfr0:
      return ids_.mvfr0;
    case kMvfr1:
      return ids_.mvfr1;
    case kMvfr2:
      return ids_.mvfr2;
    default:
      return info->reset_value;  // DHCSR, DCRDR, DAUTHCTRL, DSCSR: no debugger, RAZ
  }
}

AccessStatus SystemControlSpace::write(uint32_t offset, unsigned size, uint32_t value) {
  const uint32_t word_offset = offset & ~3u;
  if (NvicRegisters::contains(offset)) {
    if (!exceptions_.nvic_write(offset, size, value)) {
      guest_error("bad NVIC register write ignored", offset);
    }
    return AccessStatus::Ok;
  }
  if (size != 4 || (offset & 3u) != 0) {
    if (!write_scb_subword(offset, size, value)) {
      guest_error("sub-word write to a word-only SCS register ignored", offset);
    }
    return AccessStatus::Ok;
  }
  if (SysTick::contains(word_offset)) {
    systick_.write(word_offset, value);
    return AccessStatus::Ok;
  }
  if (ProtectionRegisters::contains(word_offset)) {
    if (!protection_.write(word_offset, value)) {
      guest_error("write to a reserved MPU/SAU offset ignored", offset);
    }
    if (ProtectionRegisters::is_mpu_register(word_offset)) core_.set_mpu(&protection_.mpu());
    return AccessStatus::Ok;
  }
  if (!write_scb(offset, value)) guest_error("write to an unknown SCS register ignored", offset);
  return AccessStatus::Ok;
}

// Byte and halfword writes: allowed for SHPR1-3 (one byte per exception) and for CFSR's
// MMFSR/BFSR/UFSR sub-registers (Armv8-M ARM, "CFSR"); everything else is word-only.
bool SystemControlSpace::write_scb_subword(uint32_t offset, unsigned size, uint32_t value) {
  if (offset >= kShpr1 && offset + size <= kShpr3 + 4) {
    for (unsigned i = 0; i < size; ++i) {
      exceptions_.set_system_priority(4 + offset - kShpr1 + i,
                                      static_cast<uint8_t>(value >> (8 * i)));
    }
    return true;
  }
  if (offset >= kCfsr && offset + size <= kCfsr + 4) {
    exceptions_.clear_cfsr(value << ((offset - kCfsr) * 8));
    return true;
  }
  return false;
}

bool SystemControlSpace::write_scb(uint32_t offset, uint32_t value) {
  const RegisterInfo* info = find_register(kScbRegisters, offset);
  if (info == nullptr) return false;
  if (info->access == RegAccess::ReadOnly) {
    guest_error("write to a read-only SCS register ignored", offset);
    return true;
  }
  switch (offset) {
    case kActlr:
      actlr_ = value;
      break;
    case kCppwr:
      cppwr_ = value;
      break;
    case kIcsr:
      exceptions_.write_icsr(value);
      break;
    case kVtor:
      set_vtor(value);
      break;
    case kAircr:
      write_aircr(value);
      break;
    case kScr:
      exceptions_.set_scr(value & kScrWritableMask);
      break;
    case kCcr:
      write_ccr(value);
      break;
    case kShpr1:
    case kShpr2:
    case kShpr3:
      write_scb_subword(offset, 4, value);
      break;
    case kShcsr:
      exceptions_.write_shcsr(value & kShcsrWritableMask);
      break;
    case kCfsr:
      exceptions_.clear_cfsr(value);
      break;
    case kHfsr:
      exceptions_.clear_hfsr(value);
      break;
    case kDfsr:
      dfsr_ &= ~value;
      break;
    case kMmfar:
      exceptions_.set_mmfar(value);
      break;
    case kBfar:
      exceptions_.set_bfar(value);
      break;
    case kAfsr:
      afsr_ = value;
      break;
    case kCsselr:
      csselr_ = value & kCsselrWritableMask;
      break;
    case kCpacr:
      cpacr_ = value & kCpacrWritableMask;
      // CP10 (bits [21:20]; CP11 must match): 0b01 privileged access, 0b11 full access.
      core_.set_fp_access(((cpacr_ >> 20) & 1) != 0, ((cpacr_ >> 20) & 3) == 3);
      break;
    case kNsacr:
      nsacr_ = value & kNsacrWritableMask;
      break;
    case kDemcr:
      write_demcr(value);
      break;
    case kStir:
      // STIR.INTID: pends external interrupt INTID (exception 16 + INTID).
      exceptions_.set_pending(exception::kFirstIrq + (value & 0x1ff), true);
      break;
    case kFpccr:
      // Every field but the Security Extension's is writable, LSPACT included (an RTOS may set it
      // to defer a context's preservation, or clear it to abandon one).
      core_.set_fpccr(value & fpccr::kWritable);
      break;
    case kFpcar:
      core_.set_fpcar(value & fpcar::kAddressMask);
      break;
    case kFpdscr:
      core_.set_fpdscr((value & fpdscr::kWritable) | fpdscr::kLtpsizeFixed);
      break;
    default:
      break;  // debug registers without a debugger, cache maintenance: accepted
  }
  return true;
}

void SystemControlSpace::write_aircr(uint32_t value) {
  if ((value >> 16) != kAircrVectKeyWrite) {
    guest_error("AIRCR write without VECTKEY 0x05FA ignored", kAircr);
    return;
  }
  exceptions_.set_prigroup((value >> 8) & 7);
  aircr_fields_ = value & kAircrStoredMask;
  if ((value & kAircrSysResetReq) != 0 && reset_request_handler_) reset_request_handler_();
}

void SystemControlSpace::write_ccr(uint32_t value) {
  ccr_ = (value & kCcrWritableMask) | kCcrStkAlign | 1u;
  core_.set_unaligned_trap((ccr_ & kCcrUnalignTrp) != 0);
  core_.set_divide_by_zero_trap((ccr_ & kCcrDiv0Trp) != 0);
  core_.set_stack_limit_ignored_at_negative_priority((ccr_ & kCcrStkofHfnmiIgn) != 0);
  if (ccr_listener_) ccr_listener_(ccr_);
}

void SystemControlSpace::set_ccr_listener(std::function<void(uint32_t)> listener) {
  ccr_listener_ = std::move(listener);
  if (ccr_listener_) ccr_listener_(ccr_);
}

void SystemControlSpace::write_demcr(uint32_t value) {
  const bool was_on = trace_enabled();
  const uint64_t now = core_.clock();
  demcr_ = value & kDemcrWritableMask;
  const bool now_on = trace_enabled();
  if (was_on && !now_on) trace_cycles_before_ += now - trace_on_since_;
  if (!was_on && now_on) trace_on_since_ = now;
}

}  // namespace minifvp::cpu
