// newlib's string and memory functions (word-at-a-time loops, LDM/STM, unaligned accesses) at
// every source/destination alignment and many lengths, compared with byte-loop models.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test_check.h"

enum { BUFFER = 320 };
static uint8_t source[BUFFER], destination[BUFFER], expected[BUFFER];

static void fill(uint8_t* buffer, size_t size, uint32_t seed) {
  for (size_t i = 0; i < size; ++i) {
    seed = seed * 1103515245u + 12345u;
    buffer[i] = (uint8_t)(seed >> 16);
  }
}

static int model_memcmp_sign(const uint8_t* a, const uint8_t* b, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}
static int sign(int value) {
  return (value > 0) - (value < 0);
}

static void check_memcpy_and_memset(void) {
  unsigned mismatches = 0;
  for (size_t src_offset = 0; src_offset < 8; ++src_offset)
    for (size_t dst_offset = 0; dst_offset < 8; ++dst_offset)
      for (size_t length = 0; length < 200; length += (length < 40 ? 1 : 13)) {
        fill(source, BUFFER, (uint32_t)(src_offset * 131 + length));
        fill(destination, BUFFER, 7);
        memcpy(expected, destination, BUFFER);
        for (size_t i = 0; i < length; ++i) expected[dst_offset + i] = source[src_offset + i];
        memcpy(destination + dst_offset, source + src_offset, length);
        mismatches += memcmp(destination, expected, BUFFER) != 0;

        memset(destination + dst_offset, (int)(length & 0xFF), length);
        for (size_t i = 0; i < length; ++i) expected[dst_offset + i] = (uint8_t)length;
        mismatches += model_memcmp_sign(destination, expected, BUFFER) != 0;
      }
  CHECK_EQ(mismatches, 0);
}

static void check_memmove_overlapping(void) {
  unsigned mismatches = 0;
  for (size_t from = 0; from < 24; ++from)
    for (size_t to = 0; to < 24; ++to)
      for (size_t length = 0; length < 150; length += 7) {
        fill(destination, BUFFER, (uint32_t)(from + 100 * to));
        memcpy(expected, destination, BUFFER);
        uint8_t temporary[BUFFER];
        for (size_t i = 0; i < length; ++i) temporary[i] = expected[from + i];
        for (size_t i = 0; i < length; ++i) expected[to + i] = temporary[i];
        memmove(destination + to, destination + from, length);
        mismatches += model_memcmp_sign(destination, expected, BUFFER) != 0;
      }
  CHECK_EQ(mismatches, 0);
}

static void check_comparisons(void) {
  unsigned mismatches = 0;
  char a[96], b[96];
  for (size_t offset_a = 0; offset_a < 4; ++offset_a)
    for (size_t offset_b = 0; offset_b < 4; ++offset_b)
      for (size_t length = 0; length < 60; ++length)
        for (size_t differ_at = 0; differ_at <= length; differ_at += 3) {
          char *sa = a + offset_a, *sb = b + offset_b;
          for (size_t i = 0; i < length; ++i) sa[i] = sb[i] = (char)('A' + (i * 7 + length) % 50);
          sa[length] = sb[length] = '\0';
          if (differ_at < length)
            sb[differ_at] = (char)(sb[differ_at] + 1 + (differ_at & 1) * 0x70);
          int model = model_memcmp_sign((const uint8_t*)sa, (const uint8_t*)sb, length + 1);
          mismatches += sign(strcmp(sa, sb)) != model;
          mismatches += sign(memcmp(sa, sb, length + 1)) != model;
          mismatches += sign(strncmp(sa, sb, differ_at + 1)) !=
                        model_memcmp_sign((const uint8_t*)sa, (const uint8_t*)sb,
                                          differ_at < length ? differ_at + 1 : length + 1);
          mismatches += strlen(sa) != length;
          mismatches += (differ_at < length && strchr(sb, sb[differ_at]) == NULL);
        }
  CHECK_EQ(mismatches, 0);
}

static void check_string_building(void) {
  char buffer[64];
  strcpy(buffer, "minifvp");
  strcat(buffer, " runs ");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"  // the truncation is what is tested
  strncat(buffer, "firmware-in-the-loop", 8);
#pragma GCC diagnostic pop
  CHECK_STR(buffer, "minifvp runs firmware");
  CHECK(strstr(buffer, "runs") == buffer + 8);
  CHECK(strrchr(buffer, 'r') == buffer + 19);
  char* copy = strdup(buffer);
  CHECK(copy != NULL && strcmp(copy, buffer) == 0 && copy != buffer);
  free(copy);
  CHECK_EQ(strspn("aaabbbccc", "ab"), 6);
  CHECK_EQ(strcspn("hello world", " "), 5);
  CHECK(memchr(buffer, 'w', strlen(buffer)) == buffer + 17);
  CHECK_EQ(strtoul("0x7fffFFFF", NULL, 16), 0x7FFFFFFFu);
  CHECK_EQ((uint32_t)strtol("-123456", NULL, 10), (uint32_t)-123456);
  CHECK_EQ(atoi("  42abc"), 42);
}

int main(void) {
  check_memcpy_and_memset();
  check_memmove_overlapping();
  check_comparisons();
  check_string_building();
  return test_finish("strings");
}
