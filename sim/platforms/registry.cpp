#include <array>

#include "sim/platform_description.h"

namespace minifvp {
namespace {
constexpr std::array<std::string_view, 2> kNames = {"corstone-300", "corstone-320"};
}

const PlatformDescription* find_platform_description(std::string_view name) {
  if (name == "corstone-300") return &corstone300_description();
  if (name == "corstone-320") return &corstone320_description();
  return nullptr;
}

std::span<const std::string_view> platform_names() {
  return kNames;
}

bool valid_num_macs(NpuVariant variant, uint32_t macs) {
  switch (variant) {
    case NpuVariant::EthosU55:
      return macs == 32 || macs == 64 || macs == 128 || macs == 256;
    case NpuVariant::EthosU65:
      return macs == 256 || macs == 512;
    case NpuVariant::EthosU85:
      return macs == 128 || macs == 256 || macs == 512 || macs == 1024 || macs == 2048;
  }
  return false;
}

uint32_t default_num_macs(NpuVariant variant) {
  switch (variant) {
    case NpuVariant::EthosU55:
      return 128;
    case NpuVariant::EthosU65:
      return 512;
    case NpuVariant::EthosU85:
      return 256;
  }
  return 128;
}

const char* npu_variant_name(NpuVariant variant) {
  switch (variant) {
    case NpuVariant::EthosU55:
      return "Ethos-U55";
    case NpuVariant::EthosU65:
      return "Ethos-U65";
    case NpuVariant::EthosU85:
      return "Ethos-U85";
  }
  return "Ethos-U";
}

}  // namespace minifvp
