// The sine MLP on the Ethos-U55 (the pipeline's compiled sine payload, through our driver).
#ifndef MINIFVP_SINE_NPU_H
#define MINIFVP_SINE_NPU_H

#include <stdint.h>

// Returns 0 when the NPU path can run, -1 otherwise (sine_npu_status() says why).
int sine_npu_init(void);
const char* sine_npu_status(void);
// One inference: int8 x to int8 y, with the NPU PMU cycle count. Returns 0 or -1.
int sine_npu_predict(int8_t x, int8_t* y, uint32_t* npu_cycles);

#endif
