// CRC-32 (IEEE 802.3 polynomial, reflected, as zlib computes it) of a byte buffer: the checksum
// the firmware tests and benchmarks print so that two runs (minifvp and QEMU, or two builds) can
// be compared with one number. Bitwise on purpose: it must not depend on tables or on the vector
// code under test.
#pragma once

#include <stddef.h>
#include <stdint.h>

// Continues `crc` (0 to start) over `bytes` bytes at `data`.
static inline uint32_t crc32_update(uint32_t crc, const void* data, size_t bytes) {
  const uint8_t* p = (const uint8_t*)data;
  crc = ~crc;
  for (size_t i = 0; i < bytes; ++i) {
    crc ^= p[i];
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}
