/* The pipeline's sine MLP compiled for ethos-u55-128 (tests/npu/data/sine_mlp/ethos-u55-128):
 * the weight region and the driver payload, 16-byte aligned as the NPU requires. Assemble with
 * that directory on the include path. */
  .section .model_data.sine_npu_flash, "a"
  .balign 16
  .global sine_npu_flash
  .global sine_npu_flash_end
sine_npu_flash:
  .incbin "flash.bin"
sine_npu_flash_end:

  .section .model_data.sine_npu_payload, "a"
  .balign 16
  .global sine_npu_payload
  .global sine_npu_payload_end
sine_npu_payload:
  .incbin "driver_payload.bin"
sine_npu_payload_end:
