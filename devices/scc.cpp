#include "devices/scc.h"

namespace minifvp {
namespace {

constexpr uint32_t kCfgCtrlReset = 0x00100000;  // FUNCTION = 1 (OSCCLK)
constexpr uint32_t kDllReset = 0xffff0001;      // every DLL locked, ALL_UNMASKED_DLLS_LOCKED
constexpr uint32_t kDllWritableMask = 0xff000000;
// SYS_CFGCTRL fields: DEVICE [11:0], FUNCTION [25:20]; [19:12], [29:26] and START are not stored.
constexpr uint32_t kCfgCtrlStoredMask = 0x43f00fff;

constexpr RegisterInfo kRegisters[] = {
    {Scc::kCfgReg0, "CFG_REG0", RegAccess::ReadWrite, 0},
    {Scc::kCfgReg1, "CFG_REG1 (LEDs)", RegAccess::ReadWrite, 0},
    {Scc::kCfgReg2, "CFG_REG2", RegAccess::ReadWrite, 0},
    {Scc::kCfgReg3, "CFG_REG3 (switches)", RegAccess::ReadOnly, 0},
    {Scc::kCfgReg4, "CFG_REG4 (board revision)", RegAccess::ReadOnly, 0},
    {Scc::kCfgAclk, "CFG_ACLK", RegAccess::ReadWrite, 0},  // reset: the core clock
    {Scc::kCfgReg6, "CFG_REG6", RegAccess::ReadWrite, 0},
    {Scc::kCfgReg7, "CFG_REG7", RegAccess::ReadWrite, 0},
    {Scc::kCfgDataRtn, "SYS_CFGDATA_RTN", RegAccess::ReadWrite, 0},
    {Scc::kCfgDataOut, "SYS_CFGDATA_OUT", RegAccess::ReadWrite, 0},
    {Scc::kCfgCtrl, "SYS_CFGCTRL", RegAccess::ReadWrite, kCfgCtrlReset},
    {Scc::kCfgStat, "SYS_CFGSTAT", RegAccess::ReadOnly, 0},
    {Scc::kDll, "SCC_DLL", RegAccess::ReadWrite, kDllReset},
    {Scc::kAid, "SCC_AID", RegAccess::ReadOnly, 0},  // constructor value
    {Scc::kId, "SCC_ID", RegAccess::ReadOnly, 0},    // constructor value
};

}  // namespace

Scc::Scc(uint32_t core_clock_hz, uint32_t scc_id, uint32_t scc_aid, uint32_t cfg_reg4)
    : Device("scc"),
      core_clock_hz_(core_clock_hz),
      scc_id_(scc_id),
      scc_aid_(scc_aid),
      cfg_reg4_(cfg_reg4) {
  reset();
}

void Scc::reset() {
  cfg_.fill(0);
  cfg_[kCfgReg4 / 4] = cfg_reg4_;
  cfg_[kCfgAclk / 4] = core_clock_hz_;
  cfgdata_rtn_ = cfgdata_out_ = cfgstat_ = 0;
  cfgctrl_ = kCfgCtrlReset;
  dll_ = kDllReset;
  oscclk_.fill(0);
  oscclk_[0] = core_clock_hz_;
}

AccessStatus Scc::read(uint32_t offset, unsigned size, uint32_t& value) {
  const uint32_t reg_offset = offset & ~3u;
  uint32_t reg = 0;
  if (reg_offset <= kCfgReg7) {
    reg = cfg_[reg_offset / 4];
  } else {
    switch (reg_offset) {
      case kCfgDataRtn:
        reg = cfgdata_rtn_;
        break;
      case kCfgDataOut:
        reg = cfgdata_out_;
        break;
      case kCfgCtrl:
        reg = cfgctrl_;
        break;
      case kCfgStat:
        reg = cfgstat_;
        break;
      case kDll:
        reg = dll_;
        break;
      case kAid:
        reg = scc_aid_;
        break;
      case kId:
        reg = scc_id_;
        break;
      default:
        guest_error("read of an unknown register", offset);
        break;
    }
  }
  value = register_lanes(reg, offset, size);
  return AccessStatus::Ok;
}

AccessStatus Scc::write(uint32_t offset, unsigned size, uint32_t value) {
  if ((offset & 3u) != 0 || size != 4) {
    guest_error("non-word register write ignored", offset);
    return AccessStatus::Ok;
  }
  const RegisterInfo* info = find_register(kRegisters, offset);
  if (info == nullptr) {
    guest_error("write to an unknown register ignored", offset);
    return AccessStatus::Ok;
  }
  if (info->access == RegAccess::ReadOnly) {
    guest_error("write to a read-only register ignored", offset);
    return AccessStatus::Ok;
  }
  if (offset <= kCfgReg7) {
    cfg_[offset / 4] = value;
  } else if (offset == kCfgDataRtn) {
    cfgdata_rtn_ = value;
  } else if (offset == kCfgDataOut) {
    cfgdata_out_ = value;
  } else if (offset == kCfgCtrl) {
    cfgstat_ = 0;  // writing SYS_CFGCTRL clears SYS_CFGSTAT
    cfgctrl_ = value & kCfgCtrlStoredMask;
    if ((value & kCfgCtrlStart) != 0) run_config_transaction();
  } else if (offset == kDll) {
    dll_ = (dll_ & ~kDllWritableMask) | (value & kDllWritableMask);
  }
  return AccessStatus::Ok;
}

// The motherboard configuration channel, completed at once: function 1 reads or writes the
// oscillator settings; anything else reports an error in SYS_CFGSTAT.
void Scc::run_config_transaction() {
  const uint32_t device = cfgctrl_ & 0xfff;
  const uint32_t function = (cfgctrl_ >> 20) & 0x3f;
  cfgstat_ = kCfgStatDone;
  if (function != 1 || device >= kOscillators) {
    cfgstat_ |= kCfgStatError;
    guest_error("SYS_CFG transaction to an unmodelled function/device", kCfgCtrl);
    return;
  }
  if ((cfgctrl_ & kCfgCtrlWrite) != 0) {
    oscclk_[device] = cfgdata_out_;
  } else {
    cfgdata_rtn_ = oscclk_[device];
  }
}

}  // namespace minifvp
