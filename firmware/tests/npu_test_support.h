// Shared set-up of the NPU firmware tests: the driver instance on the Corstone-300's Ethos-U55,
// COP1 payloads for raw command streams, and the PMU counters every test prints.
#ifndef MINIFVP_FW_NPU_TEST_SUPPORT_H
#define MINIFVP_FW_NPU_TEST_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

#include "corstone300_npu.h"
#include "ethosu_driver.h"
#include "pmu_ethosu.h"

// The NPU's secure alias on Corstone-300 (non-secure: 0x48102000); its interrupt is IRQ 56.
#define NPU_BASE_ADDRESS CORSTONE300_NPU_BASE_ADDRESS
#define NPU_IRQ_NUMBER CORSTONE300_NPU_IRQ

// CONFIG and ID words a stream compiled for a U55 with `macs` MACs carries in its COP1 header
// (product 0, command-stream version 0, the SHRAM size of that configuration).
uint32_t npu_optimizer_config_word(unsigned macs);
#define NPU_OPTIMIZER_ID_WORD 0x10104201u  // architecture 1.1.0

// Initialises `drv` (secure, privileged) and, unless the driver polls, routes IRQ 56 to it.
// Returns ethosu_init's result.
int npu_test_init(struct ethosu_driver* drv);

// Number of NPU interrupts (IRQ 56) taken so far; always 0 with the polling driver.
unsigned npu_test_interrupts(void);

// Writes a COP1 payload (FourCC, OPTIMIZER_CONFIG, NOPs so that the stream starts 16-byte
// aligned, COMMAND_STREAM) around `stream_words` words of `stream` into `out` (16-byte aligned,
// `capacity` words). Returns its size in bytes, 0 if it does not fit.
size_t npu_build_payload(uint32_t* out, size_t capacity, const void* stream, size_t stream_words,
                         uint32_t config_word, uint32_t id_word);

// PMU set-up before an inference: counters for NPU_ACTIVE, AXI0 read beats, AXI0 write beats and
// AXI1 read beats, plus the cycle counter, all zeroed and enabled.
void npu_pmu_start(struct ethosu_driver* drv);
// Reads and prints the counters ("<label>: cycles ... npu_active ... axi0_rd_beats ...") and
// disables the PMU.
struct npu_pmu_counts {
  uint64_t cycles;
  uint32_t npu_active;
  uint32_t axi0_read_beats;
  uint32_t axi0_write_beats;
  uint32_t axi1_read_beats;
};
struct npu_pmu_counts npu_pmu_stop(struct ethosu_driver* drv, const char* label);

#endif
