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
  // A guest polling a register we do not model would otherwise flood the log and slow the run.
  ++guest_errors_;
  if (guest_errors_ <= kLoggedGuestErrors) {
    spdlog::warn("{}: guest error: {} at offset 0x{:03x}", name_, what, offset);
  }
  if (guest_errors_ == kLoggedGuestErrors) {
    spdlog::warn("{}: further guest errors are counted but not logged", name_);
  }
}

}  // namespace minifvp
