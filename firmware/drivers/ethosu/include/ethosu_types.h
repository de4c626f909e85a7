/* Types shared by the Ethos-U driver API (ethosu_driver.h) and the PMU helpers (pmu_ethosu.h).
 * Names and layouts follow Arm's ethos-u-core-driver public headers, so that applications written
 * against that driver compile unchanged against this one (minifvp's own implementation). */
#ifndef ETHOSU_TYPES_H
#define ETHOSU_TYPES_H

#include <stdint.h>

/* CONFIG.product values. */
#define ETHOSU_PRODUCT_U55 0U
#define ETHOSU_PRODUCT_U65 1U
#define ETHOSU_PRODUCT_U85 2U

/* CONFIG.macs_per_cc values (log2 of the MACs per cycle). */
#define ETHOSU_MACS_32 5U
#define ETHOSU_MACS_64 6U
#define ETHOSU_MACS_128 7U
#define ETHOSU_MACS_256 8U
#define ETHOSU_MACS_512 9U
#define ETHOSU_MACS_1024 10U
#define ETHOSU_MACS_2048 11U

/* Q-channel requests written to CMD.clock_q_enable / CMD.power_q_enable. */
enum ethosu_clock_q_request {
  ETHOSU_CLOCK_Q_DISABLE = 0,  /* the NPU never signals ready for clock off */
  ETHOSU_CLOCK_Q_ENABLE = 1,   /* ready for clock off when stopped and idle */
  ETHOSU_CLOCK_Q_UNCHANGED = 2 /* keep the current setting */
};

enum ethosu_power_q_request {
  ETHOSU_POWER_Q_DISABLE = 0,
  ETHOSU_POWER_Q_ENABLE = 1,
  ETHOSU_POWER_Q_UNCHANGED = 2
};

/* The ID register, field by field. */
struct ethosu_id {
  uint32_t version_status;
  uint32_t version_minor;
  uint32_t version_major;
  uint32_t product_major;
  uint32_t arch_patch_rev;
  uint32_t arch_minor_rev;
  uint32_t arch_major_rev;
};

/* The CONFIG register fields an application may care about. */
struct ethosu_config {
  uint32_t macs_per_cc; /* log2 of the MACs per cycle (ETHOSU_MACS_*) */
  uint32_t cmd_stream_version;
  uint32_t custom_dma;
};

struct ethosu_hw_info {
  struct ethosu_id version;
  struct ethosu_config cfg;
};

#endif /* ETHOSU_TYPES_H */
