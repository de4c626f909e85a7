/* Ethos-U55 APB registers used by the driver: offsets and bit fields from the U55 interface
 * header (/work/shared/reference/ethos-u.md sections 1.1-1.3). Private to the driver. */
#ifndef ETHOSU_REGISTERS_H
#define ETHOSU_REGISTERS_H

#include <stdint.h>

enum ethosu_register_offset {
  ETHOSU_REG_ID = 0x000,
  ETHOSU_REG_STATUS = 0x004,
  ETHOSU_REG_CMD = 0x008,
  ETHOSU_REG_RESET = 0x00C,
  ETHOSU_REG_QBASE = 0x010,
  ETHOSU_REG_QBASE_HI = 0x014,
  ETHOSU_REG_QREAD = 0x018,
  ETHOSU_REG_QCONFIG = 0x01C,
  ETHOSU_REG_QSIZE = 0x020,
  ETHOSU_REG_PROT = 0x024,
  ETHOSU_REG_CONFIG = 0x028,
  ETHOSU_REG_REGIONCFG = 0x03C,
  ETHOSU_REG_AXI_LIMIT0 = 0x040, /* AXI_LIMIT0..3, 4 bytes apart */
  ETHOSU_REG_BASEP0 = 0x080,     /* BASEP[i]: low word at 0x80 + 8i, high word at +4 */
  ETHOSU_REG_PMCR = 0x180,
  ETHOSU_REG_PMCNTENSET = 0x184,
  ETHOSU_REG_PMCNTENCLR = 0x188,
  ETHOSU_REG_PMOVSSET = 0x18C,
  ETHOSU_REG_PMOVSCLR = 0x190,
  ETHOSU_REG_PMINTSET = 0x194,
  ETHOSU_REG_PMINTCLR = 0x198,
  ETHOSU_REG_PMCCNTR_LO = 0x1A0,
  ETHOSU_REG_PMCCNTR_HI = 0x1A4,
  ETHOSU_REG_PMCCNTR_CFG = 0x1A8,
  ETHOSU_REG_PMEVCNTR0 = 0x300, /* PMEVCNTR[i] at 0x300 + 4i */
  ETHOSU_REG_PMEVTYPER0 = 0x380 /* PMEVTYPER[i] at 0x380 + 4i */
};

/* STATUS */
#define ETHOSU_STATUS_STATE_RUNNING (1u << 0)
#define ETHOSU_STATUS_IRQ_RAISED (1u << 1)
#define ETHOSU_STATUS_BUS_STATUS (1u << 2)
#define ETHOSU_STATUS_RESET_STATUS (1u << 3)
#define ETHOSU_STATUS_CMD_PARSE_ERROR (1u << 4)
#define ETHOSU_STATUS_CMD_END_REACHED (1u << 5)
#define ETHOSU_STATUS_WD_FAULT (1u << 7)
#define ETHOSU_STATUS_ECC_FAULT (1u << 8)
#define ETHOSU_STATUS_FAULTING_CHANNEL(status) (((status) >> 12) & 0xFu)

/* CMD */
#define ETHOSU_CMD_TRANSITION_TO_RUNNING (1u << 0)
#define ETHOSU_CMD_CLEAR_IRQ (1u << 1)
#define ETHOSU_CMD_CLOCK_Q_ENABLE (1u << 2)
#define ETHOSU_CMD_POWER_Q_ENABLE (1u << 3)
#define ETHOSU_CMD_PWR_CLK_MASK (ETHOSU_CMD_CLOCK_Q_ENABLE | ETHOSU_CMD_POWER_Q_ENABLE)

/* RESET (requested) and PROT (active): bit 0 privileged (CPL), bit 1 non-secure (CSL). */
#define ETHOSU_PROT_PRIVILEGED (1u << 0)
#define ETHOSU_PROT_NON_SECURE (1u << 1)

/* CONFIG */
#define ETHOSU_CONFIG_MACS_PER_CC(config) ((config)&0xFu)
#define ETHOSU_CONFIG_CMD_STREAM_VERSION(config) (((config) >> 4) & 0xFu)
#define ETHOSU_CONFIG_SHRAM_SIZE(config) (((config) >> 8) & 0xFFu)
#define ETHOSU_CONFIG_CUSTOM_DMA(config) (((config) >> 27) & 1u)
#define ETHOSU_CONFIG_PRODUCT(config) ((config) >> 28)

/* ID */
#define ETHOSU_ID_VERSION_STATUS(id) ((id)&0xFu)
#define ETHOSU_ID_VERSION_MINOR(id) (((id) >> 4) & 0xFu)
#define ETHOSU_ID_VERSION_MAJOR(id) (((id) >> 8) & 0xFu)
#define ETHOSU_ID_PRODUCT_MAJOR(id) (((id) >> 12) & 0xFu)
#define ETHOSU_ID_ARCH_PATCH(id) (((id) >> 16) & 0xFu)
#define ETHOSU_ID_ARCH_MINOR(id) (((id) >> 20) & 0xFFu)
#define ETHOSU_ID_ARCH_MAJOR(id) ((id) >> 28)

/* PMCR */
#define ETHOSU_PMCR_CNT_EN (1u << 0)
#define ETHOSU_PMCR_EVENT_CNT_RST (1u << 1)
#define ETHOSU_PMCR_CYCLE_CNT_RST (1u << 2)

#endif /* ETHOSU_REGISTERS_H */
