// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) three ways: bit by bit, with a 256-entry
// table, and slicing by four words; checked against the standard check value and each other.
#include <stdint.h>
#include <string.h>

#include "test_check.h"

static uint32_t crc_table[4][256];

static uint32_t crc32_bitwise(const uint8_t* data, size_t length) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < length; ++i) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

static void build_tables(void) {
  for (uint32_t n = 0; n < 256; ++n) {
    uint32_t crc = n;
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    crc_table[0][n] = crc;
  }
}

static uint32_t crc32_table(const uint8_t* data, size_t length) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < length; ++i) crc = crc_table[0][(crc ^ data[i]) & 0xFFu] ^ (crc >> 8);
  return ~crc;
}

static void build_slicing_tables(void) {
  for (uint32_t n = 0; n < 256; ++n)
    for (int k = 1; k < 4; ++k)
      crc_table[k][n] = (crc_table[k - 1][n] >> 8) ^ crc_table[0][crc_table[k - 1][n] & 0xFFu];
}

static uint32_t crc32_slicing(const uint8_t* data, size_t length) {
  uint32_t crc = 0xFFFFFFFFu;
  while (length >= 4) {
    uint32_t word;
    memcpy(&word, data, 4);  // may be unaligned
    crc ^= word;
    crc = crc_table[3][crc & 0xFF] ^ crc_table[2][(crc >> 8) & 0xFF] ^
          crc_table[1][(crc >> 16) & 0xFF] ^ crc_table[0][crc >> 24];
    data += 4;
    length -= 4;
  }
  while (length--) crc = crc_table[0][(crc ^ *data++) & 0xFFu] ^ (crc >> 8);
  return ~crc;
}

int main(void) {
  build_tables();
  build_slicing_tables();
  const uint8_t* check = (const uint8_t*)"123456789";
  CHECK_EQ(crc32_bitwise(check, 9), 0xCBF43926u);
  CHECK_EQ(crc32_table(check, 9), 0xCBF43926u);
  CHECK_EQ(crc32_slicing(check, 9), 0xCBF43926u);
  CHECK_EQ(crc_table[0][1], 0x77073096u);
  CHECK_EQ(crc_table[0][255], 0x2D02EF8Du);

  static uint8_t buffer[4099];
  uint32_t seed = opaque_u32(1);
  for (size_t i = 0; i < sizeof buffer; ++i) {
    seed = seed * 1103515245u + 12345u;
    buffer[i] = (uint8_t)(seed >> 16);
  }
  unsigned mismatches = 0;
  for (size_t offset = 0; offset < 4; ++offset) {
    size_t length = sizeof buffer - offset;
    uint32_t reference = crc32_bitwise(buffer + offset, length);
    mismatches += crc32_table(buffer + offset, length) != reference;
    mismatches += crc32_slicing(buffer + offset, length) != reference;
  }
  CHECK_EQ(mismatches, 0);
  return test_finish("crc32");
}
