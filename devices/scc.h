// MPS3 FPGA system control (SCC): the registers boot code reads (CFG_ACLK, SCC_ID, SCC_AID, ...).
//
// Register map from the MPS3 application notes as used by MLEK's smm_mps3.h: CFG_REG0..7,
// SYS_CFGDATA_RTN/OUT, SYS_CFGCTRL/STAT (the motherboard configuration channel, answered at once),
// SCC_DLL (always locked), SCC_AID, SCC_ID. CFG_REG5 is CFG_ACLK, the system clock in Hz.
#pragma once

#include <array>
#include <cstdint>

#include "devices/device.h"

namespace minifvp {

class Scc : public Device {
 public:
  static constexpr uint32_t kCfgReg0 = 0x000, kCfgReg1 = 0x004, kCfgReg2 = 0x008, kCfgReg3 = 0x00c,
                            kCfgReg4 = 0x010, kCfgAclk = 0x014, kCfgReg6 = 0x018, kCfgReg7 = 0x01c,
                            kCfgDataRtn = 0x0a0, kCfgDataOut = 0x0a4, kCfgCtrl = 0x0a8,
                            kCfgStat = 0x0ac, kDll = 0x100, kAid = 0xff8, kId = 0xffc;
  static constexpr uint32_t kCfgCtrlStart = 1u << 31, kCfgCtrlWrite = 1u << 30;
  static constexpr uint32_t kCfgStatDone = 1u << 0, kCfgStatError = 1u << 1;
  static constexpr unsigned kOscillators = 8;  // SYS_CFG function 1 (OSCCLK) devices

  // core_clock_hz is reported in CFG_ACLK; scc_id in SCC_ID (0x41055470 for AN547-style maps).
  // No public source gives the FVP's SCC_AID and CFG_REG4; the defaults are the MPS3 FPGA's as
  // MLEK's deployment guide shows them decoded ("V2M-MPS3 revision C", "Revision B",
  // "MPS3 build 2"): CFG_REG4 = 2, SCC_AID = 0x02100000.
  static constexpr uint32_t kDefaultAid = 0x02100000, kDefaultCfgReg4 = 2;
  Scc(uint32_t core_clock_hz, uint32_t scc_id, uint32_t scc_aid = kDefaultAid,
      uint32_t cfg_reg4 = kDefaultCfgReg4);
  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;

 private:
  void run_config_transaction();

  uint32_t core_clock_hz_, scc_id_, scc_aid_, cfg_reg4_;
  std::array<uint32_t, 8> cfg_{};  // CFG_REG0..7 (3 and 4 read-only)
  uint32_t cfgdata_rtn_ = 0, cfgdata_out_ = 0, cfgctrl_ = 0, cfgstat_ = 0, dll_ = 0;
  std::array<uint32_t, kOscillators> oscclk_{};
};

}  // namespace minifvp
