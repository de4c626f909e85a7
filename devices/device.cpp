#include "devices/device.h"

#include <spdlog/spdlog.h>

namespace minifvp {

const RegisterInfo* find_register(std::span<const RegisterInfo> table, uint32_t offset) {
  for (const RegisterInfo& reg : table) {
    if (reg.offset == offset) return &reg;
  }
  return nullptr;
}

void Device::guest_error(std::string_view what, uint32_t offset) const {
  spdlog::warn("{}: guest error: {} at offset 0x{:03x}", name_, what, offset);
}

}  // namespace minifvp
