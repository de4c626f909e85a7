// What a platform is made of, as data: memory regions with their secure and non-secure addresses,
// device windows, boot defaults. sim/platforms/*.cpp describe the Corstone-300 and Corstone-320;
// Platform (sim/platform.h) builds a running system from a description.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "cpu/system/system_control_space.h"

namespace minifvp {

inline constexpr unsigned kUartCount = 6;

// RAM: one storage mapped at every address in `bases` (the aliases share the bytes).
struct MemoryRegion {
  std::string_view name;
  uint32_t size;
  std::vector<uint32_t> bases;
};

// A device mapped at several addresses (its secure and non-secure aliases).
struct DeviceWindow {
  std::string_view name;
  uint32_t size;
  std::vector<uint32_t> bases;
};

// Interrupt numbers (NVIC IRQn) a UART drives, for when the NVIC is connected.
struct UartIrqs {
  unsigned rx, tx, combined;
};

enum class NpuVariant : uint8_t { EthosU55, EthosU65, EthosU85 };

struct PlatformDescription {
  std::string_view name;   // "corstone-300": the --platform value
  std::string_view title;  // "Arm Corstone-300 (SSE-300, MPS3 AN552)"
  cpu::CoreModel core_model;
  std::string_view cpu_name;  // the FVP's instance name, "cpu0"
  uint32_t initsvtor;         // reset value of the secure VTOR
  NpuVariant default_npu;

  std::vector<MemoryRegion> memory;
  // The TCMs, by name in `memory`, whose size cpu0.CFGITCMSZ / CFGDTCMSZ change.
  std::string_view itcm_name, dtcm_name;

  std::array<DeviceWindow, kUartCount> uarts;
  std::array<UartIrqs, kUartCount> uart_irqs;
  unsigned uart_overflow_irq;
  DeviceWindow scc;
  uint32_t scc_id;  // SCC_ID register value
  DeviceWindow fpgaio;
  // Windows that read as zero and ignore writes: NPU timing adapters and other blocks that boot
  // code programs but whose behaviour is not modelled.
  std::vector<DeviceWindow> read_as_zero;
  // The NPU's register window and interrupt (the NPU model plugs in here).
  DeviceWindow npu;
  unsigned npu_irq;
};

const PlatformDescription& corstone300_description();
const PlatformDescription& corstone320_description();

// Ethos-U MAC configurations (ethosu.num_macs) each NPU variant exists in, and the FVP's default:
// U55 32/64/128/256, default 128 (0x80 in the Corstone-300 FVP's parameter list); U65 256/512,
// default 512 (MLEK); U85 128..2048, default 256 (MLEK; another source says 1024).
bool valid_num_macs(NpuVariant variant, uint32_t macs);
uint32_t default_num_macs(NpuVariant variant);
const char* npu_variant_name(NpuVariant variant);

// The description for a --platform name, or nullptr.
const PlatformDescription* find_platform_description(std::string_view name);
// The names find_platform_description() accepts, for help and error messages.
std::span<const std::string_view> platform_names();

}  // namespace minifvp
