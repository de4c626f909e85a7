// Arm Corstone-320 as FVP_Corstone_SSE-320 models it (MPS4 board). Addresses: corstone-platform.md
// §1.2 and §1.3 (ExecuTorch Corstone-320.ld, Zephyr mps4 device trees, MLEK sse-320 headers).
// The CPU is a Cortex-M85; until an M85 timing model exists it runs on the same core as the
// Corstone-300, reporting the M85's CPUID.
#include "sim/platform_description.h"

namespace minifvp {

const PlatformDescription& corstone320_description() {
  static const PlatformDescription description{
      .name = "corstone-320",
      .title = "Arm Corstone-320 (SSE-320, Cortex-M85, MPS4)",
      .core_model = cpu::CoreModel::CortexM85,
      .cpu_name = "cpu0",
      // mps4_board.subsystem.cpu0.INITSVTOR defaults to the boot ROM (Zephyr mps4 board.cmake).
      .initsvtor = 0x11000000,
      .default_npu = NpuVariant::EthosU85,
      .memory =
          {
              {"ITCM", 32 * 1024, {0x00000000, 0x10000000}},
              // The boot ROM is where ExecuTorch links its vectors; the ELF loader writes it, so it
              // is modelled as RAM.
              {"BROM", 128 * 1024, {0x11000000}},
              {"SRAM", 2 * 1024 * 1024, {0x01000000, 0x12000000}},
              {"DTCM", 32 * 1024, {0x20000000, 0x30000000}},
              {"ISRAM", 4 * 1024 * 1024, {0x21000000, 0x31000000}},
              {"QSPI", 8 * 1024 * 1024, {0x28000000, 0x38000000}},
              {"DDR", 0x80000000u, {0x60000000}},
          },
      .itcm_name = "ITCM",
      .dtcm_name = "DTCM",
      // UART0 is decoded at the MPS4 address and at the MPS3 one (0x4930_3000), which some FVP
      // builds and ExecuTorch examples use (corstone-platform.md §1.3, "UART0 on Corstone-320").
      .uarts = {{
          {"uart0", 0x1000, {0x48203000, 0x58203000, 0x49303000, 0x59303000}},
          {"uart1", 0x1000, {0x48204000, 0x58204000}},
          {"uart2", 0x1000, {0x48205000, 0x58205000}},
          {"uart3", 0x1000, {0x48206000, 0x58206000}},
          {"uart4", 0x1000, {0x48207000, 0x58207000}},
          {"uart5", 0x1000, {0x48208000, 0x58208000}},
      }},
      .uart_irqs =
          {{{33, 34, 43}, {35, 36, 44}, {37, 38, 45}, {39, 40, 46}, {41, 42, 47}, {125, 126, 127}}},
      .uart_overflow_irq = 48,
      .scc = {"scc", 0x1000, {0x48200000, 0x58200000}},
      // No source gives the MPS4 SCC_ID; we report the MPS3 AN547 value.
      .scc_id = 0x41055470,
      .fpgaio = {"fpgaio", 0x1000, {0x48202000, 0x58202000}},
      .read_as_zero =
          {
              {"npu-ta-sram", 0x800, {0x40006000, 0x50006000}},
              {"npu-ta-ext", 0x800, {0x40006800, 0x50006800}},
          },
      .npu = {"ethosu", 0x1000, {0x40004000, 0x50004000}},
      .npu_irq = 16,
  };
  return description;
}

}  // namespace minifvp
