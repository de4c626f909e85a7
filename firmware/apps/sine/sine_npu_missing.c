// The NPU path of the sine demo when the firmware has no Ethos-U driver: it reports why.
#include "sine_npu.h"

int sine_npu_init(void) {
  return -1;
}

const char* sine_npu_status(void) {
  return "this firmware has no Ethos-U driver (firmware/drivers/ethosu)";
}

int sine_npu_predict(int8_t x, int8_t* y, uint32_t* npu_cycles) {
  (void)x;
  *y = 0;
  *npu_cycles = 0;
  return -1;
}
