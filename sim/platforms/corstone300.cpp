// Arm Corstone-300 as the FVP_Corstone_SSE-300_Ethos-U55/U65 models it (MPS3 board, AN552-style
// peripheral map). Sources for every address are in docs corstone-platform.md §1.1 and §1.3: MLEK
// mem_regions.h / peripheral_memmap.h, Zephyr's mps3 device trees, QEMU's mps2-tz.c (AN547).
//
// Non-secure and secure aliases differ by 0x1000_0000 and share storage. Where sources disagree on
// a size we take the larger one that a real image links against, since a smaller RAM would turn
// valid programs into load errors:
//  - FPGA SRAM (BRAM): 2 MiB, as QEMU's AN547 and the core_platform MPU configuration (some sources
//    say 1 MiB; 2 MiB still holds every image linked for 1 MiB).
//  - Internal SRAM: 4 MiB (ISRAM0 + ISRAM1 of 2 MiB each as QEMU's AN547 "sram 2" and the
//    core_platform MPU region 0x31000000-0x313fffff; MLEK says 2 x 1 MiB).
//  - DDR: one flat 2 GiB storage from 0x6000_0000 to 0xDFFF_FFFF. The board alternates
//    non-secure and secure 256 MiB blocks; ExecuTorch's linker script places one 1.5 GiB region
//    across the boundaries, which only a flat DDR satisfies (QEMU does the same).
#include "sim/platform_description.h"

namespace minifvp {

const PlatformDescription& corstone300_description() {
  static const PlatformDescription description{
      .name = "corstone-300",
      .title = "Arm Corstone-300 (SSE-300, Cortex-M55, MPS3)",
      .core_model = cpu::CoreModel::CortexM55,
      .cpu_name = "cpu0",
      // No primary source gives the FVP's INITSVTOR; images put their vectors at the start of
      // ITCM, at 0x1000_0000 or its alias 0x0, which is the same storage.
      .initsvtor = 0x10000000,
      .default_npu = NpuVariant::EthosU55,
      .memory =
          {
              {"ITCM", 512 * 1024, {0x00000000, 0x10000000}},
              {"SRAM", 2 * 1024 * 1024, {0x01000000, 0x11000000}},
              {"DTCM", 512 * 1024, {0x20000000, 0x30000000}},
              {"ISRAM", 4 * 1024 * 1024, {0x21000000, 0x31000000}},
              {"QSPI", 8 * 1024 * 1024, {0x28000000, 0x38000000}},
              {"DDR", 0x80000000u, {0x60000000}},
          },
      .itcm_name = "ITCM",
      .dtcm_name = "DTCM",
      .uarts = {{
          {"uart0", 0x1000, {0x49303000, 0x59303000}},
          {"uart1", 0x1000, {0x49304000, 0x59304000}},
          {"uart2", 0x1000, {0x49305000, 0x59305000}},
          {"uart3", 0x1000, {0x49306000, 0x59306000}},
          {"uart4", 0x1000, {0x49307000, 0x59307000}},
          {"uart5", 0x1000, {0x49308000, 0x59308000}},
      }},
      .uart_irqs =
          {{{33, 34, 43}, {35, 36, 44}, {37, 38, 45}, {39, 40, 46}, {41, 42, 47}, {125, 126, 127}}},
      .uart_overflow_irq = 48,
      .scc = {"scc", 0x1000, {0x49300000, 0x59300000}},
      .scc_id = 0x41055470,  // QEMU's AN547 value: SCC_ID[15:4] = 0x547
      .fpgaio = {"fpgaio", 0x1000, {0x49302000, 0x59302000}},
      .read_as_zero =
          {
              // Ethos-U timing adapters: boot code programs them; the NPU model does not use them.
              {"npu-ta0", 0x200, {0x48103000, 0x58103000}},
              {"npu-ta1", 0x200, {0x48103200, 0x58103200}},
          },
      .npu = {"ethosu", 0x1000, {0x48102000, 0x58102000}},
      .npu_irq = 56,
  };
  return description;
}

}  // namespace minifvp
