// A window that reads as zero and ignores writes (RAZ/WI): blocks that boot code programs but
// whose behaviour is not modelled, such as the Ethos-U timing adapters.
#pragma once

#include "devices/device.h"

namespace minifvp {

class RazWiDevice final : public Device {
 public:
  using Device::Device;
  AccessStatus read(uint32_t, unsigned, uint32_t& value) override {
    value = 0;
    return AccessStatus::Ok;
  }
  AccessStatus write(uint32_t, unsigned, uint32_t) override { return AccessStatus::Ok; }
};

}  // namespace minifvp
