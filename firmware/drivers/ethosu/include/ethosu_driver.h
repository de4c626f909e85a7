/* Ethos-U55 core driver for minifvp firmware: the public API of Arm's ethos-u-core-driver
 * (function names, types and signatures as its ethosu_driver.h documents them), implemented from
 * the documented behaviour (see /work/shared/reference/ethos-u.md section 2). Bare-metal by
 * default; an RTOS overrides the weak hooks below.
 *
 * Contract of one inference:
 *   drv = ethosu_reserve_driver();
 *   ethosu_invoke_v3(drv, payload, size, base_addr, base_addr_size, n, user_arg);  -> 0 or -1
 *   ethosu_release_driver(drv);
 * The payload is Vela's "COP1" custom-operator data; base_addr[i] becomes BASEP[i] (region i). */
#ifndef ETHOSU_DRIVER_H
#define ETHOSU_DRIVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ethosu_types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ETHOSU_DRIVER_VERSION_MAJOR 0
#define ETHOSU_DRIVER_VERSION_MINOR 16
#define ETHOSU_DRIVER_VERSION_PATCH 0

/* Timeouts passed to ethosu_semaphore_take(); the unit is the hook's own. */
#define ETHOSU_SEMAPHORE_WAIT_FOREVER (UINT64_MAX)
#ifndef ETHOSU_SEMAPHORE_WAIT_INFERENCE
#define ETHOSU_SEMAPHORE_WAIT_INFERENCE ETHOSU_SEMAPHORE_WAIT_FOREVER
#endif

struct ethosu_device; /* private to the driver */

enum ethosu_job_state { ETHOSU_JOB_IDLE = 0, ETHOSU_JOB_RUNNING, ETHOSU_JOB_DONE };

enum ethosu_job_result {
  ETHOSU_JOB_RESULT_OK = 0,
  ETHOSU_JOB_RESULT_TIMEOUT,
  ETHOSU_JOB_RESULT_ERROR
};

/* The inference in flight (one per driver). state and result are written by the IRQ handler. */
struct ethosu_job {
  volatile enum ethosu_job_state state;
  volatile enum ethosu_job_result result;
  const void* custom_data_ptr;
  int custom_data_size;
  const uint64_t* base_addr;
  const size_t* base_addr_size;
  int num_base_addr;
  void* user_arg;
};

struct ethosu_driver {
  struct ethosu_device* dev;
  struct ethosu_driver* next; /* list of initialised drivers (ethosu_reserve_driver) */
  struct ethosu_job job;
  void* semaphore; /* given by the IRQ handler when the job is done */
  uint64_t fast_memory;
  size_t fast_memory_size;
  uint32_t power_request_counter;
  bool reserved;
};

struct ethosu_driver_version {
  uint8_t major;
  uint8_t minor;
  uint8_t patch;
};

enum ethosu_request_clients {
  ETHOSU_PMU_REQUEST = 0,
  ETHOSU_INFERENCE_REQUEST = 1,
};

/* ---- Interrupt entry: call from the NPU's interrupt handler (IRQ 56 on Corstone-300). ---- */
void ethosu_irq_handler(struct ethosu_driver* drv);

/* ---- Weak hooks: defaults suit bare-metal code; an application may override each. ---- */

/* Clean / invalidate the data cache for [p, p+bytes) (p NULL: the whole cache). Default: none
 * (the Corstone-300 image runs without the M55 D-cache enabled). */
void ethosu_flush_dcache(uint32_t* p, size_t bytes);
void ethosu_invalidate_dcache(uint32_t* p, size_t bytes);

/* Mutex guarding the driver list. Default: a flag (single-threaded bare metal). */
void* ethosu_mutex_create(void);
void ethosu_mutex_destroy(void* mutex);
int ethosu_mutex_lock(void* mutex);   /* 0 on success */
int ethosu_mutex_unlock(void* mutex); /* 0 on success */

/* Counting semaphore. Default: a volatile counter; take() sleeps in WFI until give() (from the
 * IRQ handler) makes it non-zero. take() returns 0, or -1 after `timeout` unsuccessful wake-ups. */
void* ethosu_semaphore_create(void);
void ethosu_semaphore_destroy(void* sem);
int ethosu_semaphore_take(void* sem, uint64_t timeout);
int ethosu_semaphore_give(void* sem);

/* Called just before the NPU starts / after it finished (default: nothing). */
void ethosu_inference_begin(struct ethosu_driver* drv, void* user_arg);
void ethosu_inference_end(struct ethosu_driver* drv, void* user_arg);

/* Maps a CPU address to the NPU's view (index -1: command stream, else the region). Default:
 * identity. */
uint64_t ethosu_address_remap(uint64_t address, int index);

/* ---- API ---- */

/* Checks that base_address is an NPU of the product this driver supports (U55), soft-resets it
 * into the requested security/privilege state and adds drv to the list ethosu_reserve_driver()
 * hands out. Returns 0, or -1 with a message on stdout. */
int ethosu_init(struct ethosu_driver* drv, void* const base_address, const void* fast_memory,
                const size_t fast_memory_size, uint32_t secure_enable, uint32_t privilege_enable);
void ethosu_deinit(struct ethosu_driver* drv);

/* RESET with the configured PROT, waits for reset_status to clear, checks PROT, programs the AXI
 * limits. 0 or -1. */
int ethosu_soft_reset(struct ethosu_driver* drv);

/* Reference-counted Q-channel requests: while a request is held, CMD keeps clock_q/power_q
 * disabled; the first request of an idle NPU soft-resets it. */
int ethosu_request_power(struct ethosu_driver* drv);
void ethosu_release_power(struct ethosu_driver* drv);

void ethosu_get_driver_version(struct ethosu_driver_version* ver);
void ethosu_get_hw_info(struct ethosu_driver* drv, struct ethosu_hw_info* hw);

/* Runs a COP1 payload and waits for it: 0 on success, -1 on a bad payload, a configuration
 * mismatch, or an NPU error (STATUS bus_status / cmd_parse_error / wd_fault / ecc_fault, or the
 * end of the stream not reached); after an NPU error the NPU is soft-reset, ready for the next. */
int ethosu_invoke_v3(struct ethosu_driver* drv, const void* custom_data_ptr,
                     const int custom_data_size, uint64_t* const base_addr,
                     const size_t* base_addr_size, const int num_base_addr, void* user_arg);

#define ethosu_invoke(drv, custom_data_ptr, custom_data_size, base_addr, base_addr_size, \
                      num_base_addr)                                                     \
  ethosu_invoke_v3(drv, custom_data_ptr, custom_data_size, base_addr, base_addr_size,    \
                   num_base_addr, 0)

/* The two halves of ethosu_invoke_v3: start (0 when the NPU runs) ... */
int ethosu_invoke_async(struct ethosu_driver* drv, const void* custom_data_ptr,
                        const int custom_data_size, uint64_t* const base_addr,
                        const size_t* base_addr_size, const int num_base_addr, void* user_arg);
/* ... and finish: -2 nothing invoked, -1 error, 0 success, 1 still running (block false). */
int ethosu_wait(struct ethosu_driver* drv, bool block);

/* Takes a free initialised driver (waiting on the semaphore of free drivers), NULL if none exist.
 */
struct ethosu_driver* ethosu_reserve_driver(void);
void ethosu_release_driver(struct ethosu_driver* drv);

/* Reserve, invoke, release. */
static inline int ethosu_invoke_v2(const void* custom_data_ptr, const int custom_data_size,
                                   uint64_t* const base_addr, const size_t* base_addr_size,
                                   const int num_base_addr) {
  struct ethosu_driver* drv = ethosu_reserve_driver();
  if (drv == NULL) return -1;
  int result = ethosu_invoke_v3(drv, custom_data_ptr, custom_data_size, base_addr, base_addr_size,
                                num_base_addr, 0);
  ethosu_release_driver(drv);
  return result;
}

#ifdef __cplusplus
}
#endif

#endif /* ETHOSU_DRIVER_H */
