// MPS3 FPGA system control (SCC): the registers boot code reads (CFG_ACLK, SCC_ID, SCC_AID, ...).
#pragma once

#include "devices/device.h"

namespace minifvp {

class Scc : public Device {
 public:
  // core_clock_hz is reported in CFG_ACLK; scc_id in SCC_ID (0x41055470 for AN547-style maps).
  Scc(uint32_t core_clock_hz, uint32_t scc_id);
  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;
};

}  // namespace minifvp
