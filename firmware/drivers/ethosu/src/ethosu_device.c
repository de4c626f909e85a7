/* Ethos-U55 hardware layer (see ethosu_device.h). Register facts: ethos-u.md sections 1-2. */
#include "ethosu_device.h"

#include <stdio.h>

#include "ethosu_log.h"
#include "ethosu_registers.h"

/* Soft reset completes within this many STATUS reads or the NPU is considered broken. */
#define ETHOSU_RESET_POLL_LIMIT 100000u

/* AXI_LIMITn for every port: 64-byte bursts, memtype 0, 32 outstanding reads, 16 writes. */
#define ETHOSU_AXI_LIMIT_DEFAULT ((31u << 16) | (15u << 24))
/* Memory attribute (outstanding-counter) selections: command stream, then regions 0..7. */
#define ETHOSU_QCONFIG_DEFAULT 2u
static const uint32_t kRegionConfigDefault[8] = {3, 0, 1, 1, 1, 1, 1, 1};

uint32_t ethosu_dev_read(const struct ethosu_device* dev, uint32_t offset) {
  return dev->base[offset / 4];
}

void ethosu_dev_write(struct ethosu_device* dev, uint32_t offset, uint32_t value) {
  dev->base[offset / 4] = value;
}

bool ethosu_dev_init(struct ethosu_device* dev, void* base, uint32_t secure, uint32_t privileged) {
  dev->base = (volatile uint32_t*)base;
  dev->secure = secure;
  dev->privileged = privileged;
  const uint32_t config = ethosu_dev_read(dev, ETHOSU_REG_CONFIG);
  if (ETHOSU_CONFIG_PRODUCT(config) != ETHOSU_PRODUCT_U55) {
    ethosu_log_error("the NPU at %p is product %lu, this driver supports the Ethos-U55 (0)", base,
                     (unsigned long)ETHOSU_CONFIG_PRODUCT(config));
    return false;
  }
  return true;
}

bool ethosu_dev_soft_reset(struct ethosu_device* dev) {
  const uint32_t requested =
      (dev->privileged ? ETHOSU_PROT_PRIVILEGED : 0) | (dev->secure ? 0 : ETHOSU_PROT_NON_SECURE);
  ethosu_dev_write(dev, ETHOSU_REG_RESET, requested);
  uint32_t polls = 0;
  while ((ethosu_dev_read(dev, ETHOSU_REG_STATUS) & ETHOSU_STATUS_RESET_STATUS) != 0) {
    if (++polls == ETHOSU_RESET_POLL_LIMIT) {
      ethosu_log_error("soft reset did not complete (STATUS.reset_status stays set)");
      return false;
    }
  }
  const uint32_t prot = ethosu_dev_read(dev, ETHOSU_REG_PROT) & 3u;
  if (prot != requested) {
    ethosu_log_error("PROT is 0x%lx after reset, expected 0x%lx (%s, %s)", (unsigned long)prot,
                     (unsigned long)requested, dev->secure ? "secure" : "non-secure",
                     dev->privileged ? "privileged" : "user");
    return false;
  }
  for (uint32_t port = 0; port < 4; ++port) {
    ethosu_dev_write(dev, ETHOSU_REG_AXI_LIMIT0 + 4 * port, ETHOSU_AXI_LIMIT_DEFAULT);
  }
  return true;
}

bool ethosu_dev_verify_optimizer_config(const struct ethosu_device* dev, uint32_t opt_config,
                                        uint32_t opt_id) {
  const uint32_t hw_config = ethosu_dev_read(dev, ETHOSU_REG_CONFIG);
  const uint32_t hw_id = ethosu_dev_read(dev, ETHOSU_REG_ID);
  bool ok = true;
  if (hw_config != opt_config) {
    if (ETHOSU_CONFIG_PRODUCT(hw_config) != ETHOSU_CONFIG_PRODUCT(opt_config)) {
      ethosu_log_error("NPU config mismatch: product %lu, the command stream was compiled for %lu",
                       (unsigned long)ETHOSU_CONFIG_PRODUCT(hw_config),
                       (unsigned long)ETHOSU_CONFIG_PRODUCT(opt_config));
      ok = false;
    }
    if (ETHOSU_CONFIG_MACS_PER_CC(hw_config) != ETHOSU_CONFIG_MACS_PER_CC(opt_config)) {
      ethosu_log_error("NPU config mismatch: MACs %u, the command stream was compiled for %u",
                       1u << ETHOSU_CONFIG_MACS_PER_CC(hw_config),
                       1u << ETHOSU_CONFIG_MACS_PER_CC(opt_config));
      ok = false;
    }
    if (ETHOSU_CONFIG_CMD_STREAM_VERSION(hw_config) !=
        ETHOSU_CONFIG_CMD_STREAM_VERSION(opt_config)) {
      ethosu_log_error("NPU config mismatch: command stream version %lu, the stream is version %lu",
                       (unsigned long)ETHOSU_CONFIG_CMD_STREAM_VERSION(hw_config),
                       (unsigned long)ETHOSU_CONFIG_CMD_STREAM_VERSION(opt_config));
      ok = false;
    }
    if (ETHOSU_CONFIG_CUSTOM_DMA(opt_config) && !ETHOSU_CONFIG_CUSTOM_DMA(hw_config)) {
      ethosu_log_error(
          "NPU config mismatch: the command stream needs custom DMA, the NPU lacks it");
      ok = false;
    }
  }
  if (ETHOSU_ID_ARCH_MAJOR(hw_id) != ETHOSU_ID_ARCH_MAJOR(opt_id) ||
      ETHOSU_ID_ARCH_MINOR(hw_id) < ETHOSU_ID_ARCH_MINOR(opt_id)) {
    ethosu_log_error(
        "NPU architecture %lu.%lu.%lu cannot run a stream for architecture %lu.%lu.%lu",
        (unsigned long)ETHOSU_ID_ARCH_MAJOR(hw_id), (unsigned long)ETHOSU_ID_ARCH_MINOR(hw_id),
        (unsigned long)ETHOSU_ID_ARCH_PATCH(hw_id), (unsigned long)ETHOSU_ID_ARCH_MAJOR(opt_id),
        (unsigned long)ETHOSU_ID_ARCH_MINOR(opt_id), (unsigned long)ETHOSU_ID_ARCH_PATCH(opt_id));
    ok = false;
  }
  return ok;
}

void ethosu_dev_run_command_stream(struct ethosu_device* dev, uint64_t stream, uint32_t bytes,
                                   const uint64_t* base_addr, int num_base_addr) {
  /* The U55 has 32-bit addresses: the high words (QBASE_HI, BASEP hi) stay untouched. */
  ethosu_dev_write(dev, ETHOSU_REG_QBASE, (uint32_t)stream);
  ethosu_dev_write(dev, ETHOSU_REG_QSIZE, bytes);
  ethosu_dev_write(dev, ETHOSU_REG_QCONFIG, ETHOSU_QCONFIG_DEFAULT);
  uint32_t region_config = 0;
  for (int i = 0; i < num_base_addr && i < 8; ++i) {
    ethosu_dev_write(dev, ETHOSU_REG_BASEP0 + 8u * (uint32_t)i, (uint32_t)base_addr[i]);
    region_config |= kRegionConfigDefault[i] << (2 * i);
  }
  ethosu_dev_write(dev, ETHOSU_REG_REGIONCFG, region_config);
  const uint32_t cmd = ethosu_dev_read(dev, ETHOSU_REG_CMD) & ETHOSU_CMD_PWR_CLK_MASK;
  ethosu_dev_write(dev, ETHOSU_REG_CMD, cmd | ETHOSU_CMD_TRANSITION_TO_RUNNING);
}

bool ethosu_dev_handle_interrupt(struct ethosu_device* dev, uint32_t* status) {
  const uint32_t value = ethosu_dev_read(dev, ETHOSU_REG_STATUS);
  const uint32_t cmd = ethosu_dev_read(dev, ETHOSU_REG_CMD) & ETHOSU_CMD_PWR_CLK_MASK;
  ethosu_dev_write(dev, ETHOSU_REG_CMD, cmd | ETHOSU_CMD_CLEAR_IRQ);
  dev->last_status = value;
  *status = value;
  const uint32_t errors = ETHOSU_STATUS_BUS_STATUS | ETHOSU_STATUS_CMD_PARSE_ERROR |
                          ETHOSU_STATUS_WD_FAULT | ETHOSU_STATUS_ECC_FAULT;
  return (value & errors) == 0 && (value & ETHOSU_STATUS_CMD_END_REACHED) != 0;
}

void ethosu_dev_set_clock_and_power(struct ethosu_device* dev, enum ethosu_clock_q_request clock,
                                    enum ethosu_power_q_request power) {
  uint32_t cmd = ethosu_dev_read(dev, ETHOSU_REG_CMD) & ETHOSU_CMD_PWR_CLK_MASK;
  if (clock != ETHOSU_CLOCK_Q_UNCHANGED) {
    cmd = (cmd & ~ETHOSU_CMD_CLOCK_Q_ENABLE) |
          (clock == ETHOSU_CLOCK_Q_ENABLE ? ETHOSU_CMD_CLOCK_Q_ENABLE : 0);
  }
  if (power != ETHOSU_POWER_Q_UNCHANGED) {
    cmd = (cmd & ~ETHOSU_CMD_POWER_Q_ENABLE) |
          (power == ETHOSU_POWER_Q_ENABLE ? ETHOSU_CMD_POWER_Q_ENABLE : 0);
  }
  ethosu_dev_write(dev, ETHOSU_REG_CMD, cmd);
}

void ethosu_dev_get_hw_info(const struct ethosu_device* dev, struct ethosu_hw_info* hw) {
  const uint32_t id = ethosu_dev_read(dev, ETHOSU_REG_ID);
  const uint32_t config = ethosu_dev_read(dev, ETHOSU_REG_CONFIG);
  hw->version.version_status = ETHOSU_ID_VERSION_STATUS(id);
  hw->version.version_minor = ETHOSU_ID_VERSION_MINOR(id);
  hw->version.version_major = ETHOSU_ID_VERSION_MAJOR(id);
  hw->version.product_major = ETHOSU_ID_PRODUCT_MAJOR(id);
  hw->version.arch_patch_rev = ETHOSU_ID_ARCH_PATCH(id);
  hw->version.arch_minor_rev = ETHOSU_ID_ARCH_MINOR(id);
  hw->version.arch_major_rev = ETHOSU_ID_ARCH_MAJOR(id);
  hw->cfg.macs_per_cc = ETHOSU_CONFIG_MACS_PER_CC(config);
  hw->cfg.cmd_stream_version = ETHOSU_CONFIG_CMD_STREAM_VERSION(config);
  hw->cfg.custom_dma = ETHOSU_CONFIG_CUSTOM_DMA(config);
}

void ethosu_dev_print_status(const struct ethosu_device* dev, uint32_t status) {
  ethosu_log_error("NPU STATUS 0x%08lx:%s%s%s%s%s faulting channel %lu, QREAD %lu",
                   (unsigned long)status, (status & ETHOSU_STATUS_BUS_STATUS) ? " bus_status" : "",
                   (status & ETHOSU_STATUS_CMD_PARSE_ERROR) ? " cmd_parse_error" : "",
                   (status & ETHOSU_STATUS_WD_FAULT) ? " wd_fault" : "",
                   (status & ETHOSU_STATUS_ECC_FAULT) ? " ecc_fault" : "",
                   (status & ETHOSU_STATUS_CMD_END_REACHED) ? " cmd_end_reached" : "",
                   (unsigned long)ETHOSU_STATUS_FAULTING_CHANNEL(status),
                   (unsigned long)ethosu_dev_read(dev, ETHOSU_REG_QREAD));
}
