// TinyRPS on the Ethos-U55 NPU. Implemented by npu_backend_driver.c when our Ethos-U driver
// (firmware/drivers/ethosu) is in the tree, by npu_backend_missing.c otherwise.
#ifndef MINIFVP_RPS_NPU_BACKEND_H
#define MINIFVP_RPS_NPU_BACKEND_H

#include <stddef.h>
#include <stdint.h>

// Initialises the NPU; returns 0 when inferences can run, -1 otherwise (npu_backend_status()
// says why).
int npu_backend_init(void);
// One line describing the NPU configuration (product, MACs per cycle) or why it is unavailable.
const char* npu_backend_status(void);
// Runs TinyRPS on an int8 28x28x1 input; returns 0 and the logits and the NPU PMU cycle count of
// the inference, or -1.
int npu_backend_run(const int8_t input[784], int8_t logits[3], uint32_t* npu_cycles);

#endif
