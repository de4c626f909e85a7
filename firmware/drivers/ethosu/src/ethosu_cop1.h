/* The "COP1" custom-operator payload Vela attaches to an Ethos-U operator (ethos-u.md 2.2-2.3):
 * 32-bit little-endian words; word 0 is the FourCC, then driver actions, each a word whose byte 0
 * is the action, byte 1 "reserved" and bits 31:16 "data". Private to the driver. */
#ifndef ETHOSU_COP1_H
#define ETHOSU_COP1_H

#include <stdint.h>

#define ETHOSU_FOURCC 0x31504F43u /* "COP1" */

enum ethosu_driver_action {
  ETHOSU_ACTION_OPTIMIZER_CONFIG = 1, /* + the CONFIG word and the ID word Vela compiled for */
  ETHOSU_ACTION_COMMAND_STREAM = 2,   /* + (reserved << 16 | data) command-stream words */
  ETHOSU_ACTION_NOP = 5
};

static inline uint32_t ethosu_action_command(uint32_t word) {
  return word & 0xFFu;
}
/* The COMMAND_STREAM length in words: 24 bits, reserved byte on top of the data field. */
static inline uint32_t ethosu_action_stream_words(uint32_t word) {
  return ((word >> 8) & 0xFFu) << 16 | (word >> 16);
}

#endif /* ETHOSU_COP1_H */
