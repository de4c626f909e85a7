// The NPU path without a driver: the game runs on the CPU, and the banner and `mode npu` say why
// the NPU cannot be used. (The NPU's registers are not touched: without the driver helper's
// platform change the simulator does not map the Ethos-U window either.)
#include "npu_backend.h"

int npu_backend_init(void) {
  return -1;
}

const char* npu_backend_status(void) {
  return "Ethos-U55 not usable: this firmware was built without an Ethos-U driver "
         "(firmware/drivers/ethosu), so inferences run on the CPU";
}

int npu_backend_run(const int8_t input[784], int8_t logits[3], uint32_t* npu_cycles) {
  (void)input;
  (void)logits;
  *npu_cycles = 0;
  return -1;
}
