/* The hardware layer of the driver: one Ethos-U55 register block. Every function takes the
 * device; none keeps state beyond struct ethosu_device. Private to the driver. */
#ifndef ETHOSU_DEVICE_H
#define ETHOSU_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ethosu_types.h"

struct ethosu_device {
  volatile uint32_t* base; /* the APB register window */
  uint32_t secure;         /* requested security state: 1 secure */
  uint32_t privileged;     /* requested privilege: 1 privileged */
  uint32_t last_status;    /* STATUS at the last interrupt (ethosu_dev_handle_interrupt) */
};

uint32_t ethosu_dev_read(const struct ethosu_device* dev, uint32_t offset);
void ethosu_dev_write(struct ethosu_device* dev, uint32_t offset, uint32_t value);

/* Fills dev and checks CONFIG.product is the U55. false (with a message) otherwise. */
bool ethosu_dev_init(struct ethosu_device* dev, void* base, uint32_t secure, uint32_t privileged);

/* RESET with the requested PROT, waits (bounded) for STATUS.reset_status to clear, checks that
 * PROT took the requested state and programs the AXI limits. false with a message on failure. */
bool ethosu_dev_soft_reset(struct ethosu_device* dev);

/* The optimizer's CONFIG and ID words (COP1 OPTIMIZER_CONFIG) against the hardware's: product,
 * MACs, command-stream version and custom DMA must match when the CONFIG words differ; the
 * architecture major must be equal and the hardware's minor not older. false with a message
 * naming the mismatch. */
bool ethosu_dev_verify_optimizer_config(const struct ethosu_device* dev, uint32_t opt_config,
                                        uint32_t opt_id);

/* Programs QBASE, QSIZE, QCONFIG, BASEP[0..n), REGIONCFG and starts the NPU (CMD run). The
 * addresses are the NPU's view (already remapped). */
void ethosu_dev_run_command_stream(struct ethosu_device* dev, uint64_t stream, uint32_t bytes,
                                   const uint64_t* base_addr, int num_base_addr);

/* Acknowledges the interrupt (CMD.clear_irq) and reports whether the stream ended cleanly:
 * cmd_end_reached and none of bus_status, cmd_parse_error, wd_fault, ecc_fault. *status gets
 * STATUS as read before the acknowledgement. */
bool ethosu_dev_handle_interrupt(struct ethosu_device* dev, uint32_t* status);

/* CMD clock_q / power_q bits, preserving the others as zero (CMD is write-to-act). */
void ethosu_dev_set_clock_and_power(struct ethosu_device* dev, enum ethosu_clock_q_request clock,
                                    enum ethosu_power_q_request power);

void ethosu_dev_get_hw_info(const struct ethosu_device* dev, struct ethosu_hw_info* hw);

/* One line describing STATUS (its error bits by name, the faulting channel) and QREAD. */
void ethosu_dev_print_status(const struct ethosu_device* dev, uint32_t status);

#endif /* ETHOSU_DEVICE_H */
