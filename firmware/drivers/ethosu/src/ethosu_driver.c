/* The Ethos-U driver API (ethosu_driver.h): driver list, COP1 parsing, job start and completion.
 * The hardware layer is ethosu_device.c, the weak hooks ethosu_hooks.c. */
#include "ethosu_driver.h"

#include <stdlib.h>

#include "ethosu_cop1.h"
#include "ethosu_device.h"
#include "ethosu_log.h"
#include "ethosu_registers.h"

/* Region whose base pointer the fast memory (if any) replaces, as Vela lays regions out. */
#define ETHOSU_FAST_MEMORY_REGION 2
#define ETHOSU_BASE_ALIGNMENT 16u

/* Initialised drivers; guarded by driver_list_mutex. free_drivers counts unreserved ones. */
static struct ethosu_driver* driver_list;
static void* driver_list_mutex;
static void* free_drivers;

static bool ensure_list_primitives(void) {
  if (driver_list_mutex == NULL) driver_list_mutex = ethosu_mutex_create();
  if (free_drivers == NULL) free_drivers = ethosu_semaphore_create();
  return driver_list_mutex != NULL && free_drivers != NULL;
}

static void add_driver(struct ethosu_driver* drv) {
  ethosu_mutex_lock(driver_list_mutex);
  drv->next = driver_list;
  driver_list = drv;
  ethosu_mutex_unlock(driver_list_mutex);
  ethosu_semaphore_give(free_drivers);
}

static void remove_driver(struct ethosu_driver* drv) {
  ethosu_mutex_lock(driver_list_mutex);
  for (struct ethosu_driver** link = &driver_list; *link != NULL; link = &(*link)->next) {
    if (*link == drv) {
      *link = drv->next;
      break;
    }
  }
  drv->next = NULL;
  ethosu_mutex_unlock(driver_list_mutex);
}

int ethosu_init(struct ethosu_driver* drv, void* const base_address, const void* fast_memory,
                const size_t fast_memory_size, uint32_t secure_enable, uint32_t privilege_enable) {
  if (drv == NULL || base_address == NULL) {
    ethosu_log_error("ethosu_init: NULL driver or base address");
    return -1;
  }
  if (!ensure_list_primitives()) {
    ethosu_log_error("ethosu_init: cannot create the driver list mutex/semaphore");
    return -1;
  }
  drv->dev = calloc(1, sizeof(struct ethosu_device));
  drv->semaphore = ethosu_semaphore_create();
  if (drv->dev == NULL || drv->semaphore == NULL) {
    ethosu_log_error("ethosu_init: out of memory");
    ethosu_deinit(drv);
    return -1;
  }
  drv->next = NULL;
  drv->job.state = ETHOSU_JOB_IDLE;
  drv->job.result = ETHOSU_JOB_RESULT_OK;
  drv->fast_memory = (uint64_t)(uintptr_t)fast_memory;
  drv->fast_memory_size = fast_memory_size;
  drv->power_request_counter = 0;
  drv->reserved = false;
  if (!ethosu_dev_init(drv->dev, base_address, secure_enable, privilege_enable) ||
      !ethosu_dev_soft_reset(drv->dev)) {
    ethosu_deinit(drv);
    return -1;
  }
  /* Idle until the first request: let the NPU signal ready for clock and power off. */
  ethosu_dev_set_clock_and_power(drv->dev, ETHOSU_CLOCK_Q_ENABLE, ETHOSU_POWER_Q_ENABLE);
  add_driver(drv);
  return 0;
}

void ethosu_deinit(struct ethosu_driver* drv) {
  if (drv == NULL) return;
  if (driver_list_mutex != NULL) remove_driver(drv);
  if (drv->semaphore != NULL) ethosu_semaphore_destroy(drv->semaphore);
  free(drv->dev);
  drv->semaphore = NULL;
  drv->dev = NULL;
}

int ethosu_soft_reset(struct ethosu_driver* drv) {
  return ethosu_dev_soft_reset(drv->dev) ? 0 : -1;
}

int ethosu_request_power(struct ethosu_driver* drv) {
  if (drv->power_request_counter++ == 0) {
    if (!ethosu_dev_soft_reset(drv->dev)) {
      --drv->power_request_counter;
      return -1;
    }
    ethosu_dev_set_clock_and_power(drv->dev, ETHOSU_CLOCK_Q_DISABLE, ETHOSU_POWER_Q_DISABLE);
  }
  return 0;
}

void ethosu_release_power(struct ethosu_driver* drv) {
  if (drv->power_request_counter == 0) {
    ethosu_log_error("ethosu_release_power without a matching request");
    return;
  }
  if (--drv->power_request_counter == 0) {
    ethosu_dev_set_clock_and_power(drv->dev, ETHOSU_CLOCK_Q_ENABLE, ETHOSU_POWER_Q_ENABLE);
  }
}

void ethosu_get_driver_version(struct ethosu_driver_version* ver) {
  ver->major = ETHOSU_DRIVER_VERSION_MAJOR;
  ver->minor = ETHOSU_DRIVER_VERSION_MINOR;
  ver->patch = ETHOSU_DRIVER_VERSION_PATCH;
}

void ethosu_get_hw_info(struct ethosu_driver* drv, struct ethosu_hw_info* hw) {
  ethosu_dev_get_hw_info(drv->dev, hw);
}

static bool aligned(uint64_t address) {
  return address % ETHOSU_BASE_ALIGNMENT == 0;
}

/* Flushes the caches over the stream and regions, takes the power request and starts the NPU. */
static int start_command_stream(struct ethosu_driver* drv, const uint32_t* stream, uint32_t words) {
  struct ethosu_job* job = &drv->job;
  if (!aligned((uintptr_t)stream)) {
    ethosu_log_error("command stream at %p is not 16-byte aligned", (const void*)stream);
    return -1;
  }
  for (int i = 0; i < job->num_base_addr; ++i) {
    if (!aligned(job->base_addr[i])) {
      ethosu_log_error("base address %d (0x%08lx) is not 16-byte aligned", i,
                       (unsigned long)job->base_addr[i]);
      return -1;
    }
  }
  ethosu_flush_dcache((uint32_t*)(uintptr_t)stream, words * 4u);
  for (int i = 0; i < job->num_base_addr; ++i) {
    const size_t size = job->base_addr_size != NULL ? job->base_addr_size[i] : 0;
    if (size != 0) ethosu_flush_dcache((uint32_t*)(uintptr_t)job->base_addr[i], size);
  }
  if (ethosu_request_power(drv) != 0) return -1;

  uint64_t remapped[8];
  const int regions = job->num_base_addr < 8 ? job->num_base_addr : 8;
  for (int i = 0; i < regions; ++i) remapped[i] = ethosu_address_remap(job->base_addr[i], i);
  job->state = ETHOSU_JOB_RUNNING;
  job->result = ETHOSU_JOB_RESULT_OK;
  ethosu_inference_begin(drv, job->user_arg);
  ethosu_dev_run_command_stream(drv->dev, ethosu_address_remap((uintptr_t)stream, -1), words * 4u,
                                remapped, regions);
  return 0;
}

int ethosu_invoke_async(struct ethosu_driver* drv, const void* custom_data_ptr,
                        const int custom_data_size, uint64_t* const base_addr,
                        const size_t* base_addr_size, const int num_base_addr, void* user_arg) {
  if (drv == NULL || drv->dev == NULL) {
    ethosu_log_error("invoke on an uninitialised driver");
    return -1;
  }
  struct ethosu_job* job = &drv->job;
  if (job->state != ETHOSU_JOB_IDLE) {
    ethosu_log_error("invoke while a job is %s",
                     job->state == ETHOSU_JOB_RUNNING ? "running" : "not waited for");
    return -1;
  }
  const uint32_t* words = custom_data_ptr;
  if (words == NULL || custom_data_size < 8 || custom_data_size % 4 != 0 ||
      ((uintptr_t)words & 3u) != 0) {
    ethosu_log_error("custom data %p of %d bytes is not a word-aligned COP1 payload",
                     custom_data_ptr, custom_data_size);
    return -1;
  }
  if (words[0] != ETHOSU_FOURCC) {
    ethosu_log_error("custom data does not start with \"COP1\" (0x%08lx)", (unsigned long)words[0]);
    return -1;
  }
  if (num_base_addr < 0 || (num_base_addr > 0 && base_addr == NULL)) {
    ethosu_log_error("invalid base address array (%d entries)", num_base_addr);
    return -1;
  }
  if (drv->fast_memory != 0 && num_base_addr > ETHOSU_FAST_MEMORY_REGION) {
    if (base_addr_size != NULL &&
        base_addr_size[ETHOSU_FAST_MEMORY_REGION] > drv->fast_memory_size) {
      ethosu_log_error("fast memory of %u bytes is smaller than region %d (%u bytes)",
                       (unsigned)drv->fast_memory_size, ETHOSU_FAST_MEMORY_REGION,
                       (unsigned)base_addr_size[ETHOSU_FAST_MEMORY_REGION]);
      return -1;
    }
    base_addr[ETHOSU_FAST_MEMORY_REGION] = drv->fast_memory;
  }
  job->custom_data_ptr = custom_data_ptr;
  job->custom_data_size = custom_data_size;
  job->base_addr = base_addr;
  job->base_addr_size = base_addr_size;
  job->num_base_addr = num_base_addr;
  job->user_arg = user_arg;

  /* Driver actions up to the first command stream, which starts the job; words after it are not
   * examined (Vela puts the stream last). */
  const uint32_t count = (uint32_t)custom_data_size / 4u;
  for (uint32_t i = 1; i < count;) {
    const uint32_t action = ethosu_action_command(words[i]);
    if (action == ETHOSU_ACTION_NOP) {
      i += 1;
    } else if (action == ETHOSU_ACTION_OPTIMIZER_CONFIG) {
      if (i + 3 > count) break;
      if (!ethosu_dev_verify_optimizer_config(drv->dev, words[i + 1], words[i + 2])) return -1;
      i += 3;
    } else if (action == ETHOSU_ACTION_COMMAND_STREAM) {
      const uint32_t length = ethosu_action_stream_words(words[i]);
      if (length == 0 || length > count - i - 1) {
        ethosu_log_error("command stream of %lu words at word %lu overruns the %lu-word payload",
                         (unsigned long)length, (unsigned long)i, (unsigned long)count);
        return -1;
      }
      return start_command_stream(drv, &words[i + 1], length);
    } else {
      ethosu_log_error("unsupported driver action %lu at payload word %lu", (unsigned long)action,
                       (unsigned long)i);
      return -1;
    }
  }
  ethosu_log_error("payload has no complete command stream");
  return -1;
}

#ifdef ETHOSU_WAIT_POLL
/* No interrupt delivery (build option): watch STATUS.irq_raised and run the handler here. */
static void poll_for_completion(struct ethosu_driver* drv) {
  while (drv->job.state == ETHOSU_JOB_RUNNING &&
         (ethosu_dev_read(drv->dev, ETHOSU_REG_STATUS) & ETHOSU_STATUS_IRQ_RAISED) != 0) {
    ethosu_irq_handler(drv);
  }
}
#endif

int ethosu_wait(struct ethosu_driver* drv, bool block) {
  struct ethosu_job* job = &drv->job;
  if (job->state == ETHOSU_JOB_IDLE) return -2;
#ifdef ETHOSU_WAIT_POLL
  do {
    poll_for_completion(drv);
  } while (block && job->state == ETHOSU_JOB_RUNNING);
#endif
  if (job->state == ETHOSU_JOB_RUNNING) {
    if (!block) return 1;
    if (ethosu_semaphore_take(drv->semaphore, ETHOSU_SEMAPHORE_WAIT_INFERENCE) != 0) {
      job->result = ETHOSU_JOB_RESULT_TIMEOUT;
      ethosu_log_error("inference timed out");
    }
  } else {
    /* Done already: consume the semaphore the handler gave. */
    ethosu_semaphore_take(drv->semaphore, ETHOSU_SEMAPHORE_WAIT_FOREVER);
  }
  for (int i = 0; i < job->num_base_addr; ++i) {
    const size_t size = job->base_addr_size != NULL ? job->base_addr_size[i] : 0;
    if (size != 0) ethosu_invalidate_dcache((uint32_t*)(uintptr_t)job->base_addr[i], size);
  }
  ethosu_inference_end(drv, job->user_arg);
  const bool ok = job->result == ETHOSU_JOB_RESULT_OK;
  if (!ok) {
    /* An NPU error: STATUS as the interrupt saw it; a timeout: STATUS now. (Reported here, not
     * in the interrupt handler, which must stay short.) */
    ethosu_dev_print_status(drv->dev, job->result == ETHOSU_JOB_RESULT_TIMEOUT
                                          ? ethosu_dev_read(drv->dev, ETHOSU_REG_STATUS)
                                          : drv->dev->last_status);
    ethosu_dev_soft_reset(drv->dev); /* clears the sticky error bits for the next job */
  }
  ethosu_release_power(drv);
  job->state = ETHOSU_JOB_IDLE;
  return ok ? 0 : -1;
}

int ethosu_invoke_v3(struct ethosu_driver* drv, const void* custom_data_ptr,
                     const int custom_data_size, uint64_t* const base_addr,
                     const size_t* base_addr_size, const int num_base_addr, void* user_arg) {
  if (ethosu_invoke_async(drv, custom_data_ptr, custom_data_size, base_addr, base_addr_size,
                          num_base_addr, user_arg) != 0) {
    return -1;
  }
  return ethosu_wait(drv, true);
}

void ethosu_irq_handler(struct ethosu_driver* drv) {
  uint32_t status = 0;
  const bool ok = ethosu_dev_handle_interrupt(drv->dev, &status);
  if (drv->job.state != ETHOSU_JOB_RUNNING) return; /* spurious: acknowledged, nothing waits */
  drv->job.result = ok ? ETHOSU_JOB_RESULT_OK : ETHOSU_JOB_RESULT_ERROR;
  drv->job.state = ETHOSU_JOB_DONE;
  ethosu_semaphore_give(drv->semaphore);
}

struct ethosu_driver* ethosu_reserve_driver(void) {
  if (!ensure_list_primitives() || driver_list == NULL) {
    ethosu_log_error("no initialised driver to reserve");
    return NULL;
  }
  for (;;) {
    ethosu_semaphore_take(free_drivers, ETHOSU_SEMAPHORE_WAIT_FOREVER);
    ethosu_mutex_lock(driver_list_mutex);
    for (struct ethosu_driver* drv = driver_list; drv != NULL; drv = drv->next) {
      if (!drv->reserved) {
        drv->reserved = true;
        ethosu_mutex_unlock(driver_list_mutex);
        return drv;
      }
    }
    ethosu_mutex_unlock(driver_list_mutex);
  }
}

void ethosu_release_driver(struct ethosu_driver* drv) {
  if (drv == NULL || !drv->reserved) return;
  ethosu_mutex_lock(driver_list_mutex);
  drv->reserved = false;
  ethosu_mutex_unlock(driver_list_mutex);
  ethosu_semaphore_give(free_drivers);
}
