/* Default (weak) implementations of the driver's hooks, for single-threaded bare-metal code. An
 * application or RTOS port replaces any of them by defining a function with the same name. */
#include <stdlib.h>

#include "ethosu_driver.h"

/* The Corstone-300 images run with the data cache off: nothing to clean or invalidate. */
__attribute__((weak)) void ethosu_flush_dcache(uint32_t* p, size_t bytes) {
  (void)p;
  (void)bytes;
}

__attribute__((weak)) void ethosu_invalidate_dcache(uint32_t* p, size_t bytes) {
  (void)p;
  (void)bytes;
}

/* Mutex: a flag. Bare-metal code has one thread, so lock never has to wait; an interrupt
 * handler must not take it. */
struct bare_metal_mutex {
  volatile int locked;
};

__attribute__((weak)) void* ethosu_mutex_create(void) {
  return calloc(1, sizeof(struct bare_metal_mutex));
}

__attribute__((weak)) void ethosu_mutex_destroy(void* mutex) {
  free(mutex);
}

__attribute__((weak)) int ethosu_mutex_lock(void* mutex) {
  struct bare_metal_mutex* m = mutex;
  if (m == NULL || m->locked) return -1;
  m->locked = 1;
  return 0;
}

__attribute__((weak)) int ethosu_mutex_unlock(void* mutex) {
  struct bare_metal_mutex* m = mutex;
  if (m == NULL) return -1;
  m->locked = 0;
  return 0;
}

/* Semaphore: a counter that give() (possibly from the NPU interrupt handler) increments. take()
 * sleeps in WFI until it is non-zero. The decrement runs with interrupts masked (PRIMASK) so that
 * a give() from the handler is never lost between the test and the write. */
struct bare_metal_semaphore {
  volatile uint32_t count;
};

__attribute__((weak)) void* ethosu_semaphore_create(void) {
  return calloc(1, sizeof(struct bare_metal_semaphore));
}

__attribute__((weak)) void ethosu_semaphore_destroy(void* sem) {
  free(sem);
}

__attribute__((weak)) int ethosu_semaphore_take(void* sem, uint64_t timeout) {
  struct bare_metal_semaphore* s = sem;
  if (s == NULL) return -1;
  uint64_t wakeups = 0;
  for (;;) {
    __asm volatile("cpsid i" ::: "memory");
    if (s->count != 0) {
      s->count--;
      __asm volatile("cpsie i" ::: "memory");
      return 0;
    }
    /* WFI with PRIMASK set still wakes on a pending interrupt; the handler runs after cpsie. */
    __asm volatile("wfi" ::: "memory");
    __asm volatile("cpsie i" ::: "memory");
    if (timeout != ETHOSU_SEMAPHORE_WAIT_FOREVER && ++wakeups > timeout) return -1;
  }
}

__attribute__((weak)) int ethosu_semaphore_give(void* sem) {
  struct bare_metal_semaphore* s = sem;
  if (s == NULL) return -1;
  s->count++;
  __asm volatile("dsb" ::: "memory");
  return 0;
}

__attribute__((weak)) void ethosu_inference_begin(struct ethosu_driver* drv, void* user_arg) {
  (void)drv;
  (void)user_arg;
}

__attribute__((weak)) void ethosu_inference_end(struct ethosu_driver* drv, void* user_arg) {
  (void)drv;
  (void)user_arg;
}

__attribute__((weak)) uint64_t ethosu_address_remap(uint64_t address, int index) {
  (void)index;
  return address;
}
