// newlib malloc/free/realloc/calloc over the heap that _sbrk hands out: many live blocks of mixed
// sizes with fill patterns, frees in scrambled order, reuse, realloc growth, and exhaustion
// returning NULL (with the heap still usable afterwards).
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test_check.h"

enum { BLOCKS = 200 };
static uint8_t* blocks[BLOCKS];
static size_t sizes[BLOCKS];

static int pattern_intact(const uint8_t* block, size_t size, unsigned tag) {
  for (size_t i = 0; i < size; ++i)
    if (block[i] != (uint8_t)(tag * 31u + i)) return 0;
  return 1;
}
static void fill_pattern(uint8_t* block, size_t size, unsigned tag) {
  for (size_t i = 0; i < size; ++i) block[i] = (uint8_t)(tag * 31u + i);
}

int main(void) {
  uint32_t seed = opaque_u32(99);
  unsigned corrupted = 0, misaligned = 0;
  for (int round = 0; round < 6; ++round) {
    for (unsigned i = 0; i < BLOCKS; ++i) {
      if (blocks[i] != NULL) continue;
      seed = seed * 1664525u + 1013904223u;
      sizes[i] = 1 + (seed >> 22) % (round & 1 ? 3000 : 200);
      blocks[i] = malloc(sizes[i]);
      CHECK(blocks[i] != NULL);
      misaligned += ((uintptr_t)blocks[i] & 7u) != 0;
      fill_pattern(blocks[i], sizes[i], i);
    }
    for (unsigned i = 0; i < BLOCKS; ++i) {
      seed = seed * 1664525u + 1013904223u;
      if ((seed >> 29) < 4) continue;  // free about half, in a scrambled pattern
      corrupted += !pattern_intact(blocks[i], sizes[i], i);
      free(blocks[i]);
      blocks[i] = NULL;
    }
  }
  for (unsigned i = 0; i < BLOCKS; ++i) {
    if (blocks[i] == NULL) continue;
    corrupted += !pattern_intact(blocks[i], sizes[i], i);
    free(blocks[i]);
    blocks[i] = NULL;
  }
  CHECK_EQ(corrupted, 0);
  CHECK_EQ(misaligned, 0);

  // realloc keeps the contents while growing.
  uint8_t* growing = malloc(16);
  fill_pattern(growing, 16, 5);
  for (size_t size = 32; size <= 65536; size *= 2) {
    growing = realloc(growing, size);
    CHECK(growing != NULL);
    corrupted += !pattern_intact(growing, 16, 5);
  }
  free(growing);
  CHECK_EQ(corrupted, 0);

  uint32_t* zeroed = calloc(1000, sizeof *zeroed);
  unsigned non_zero = 0;
  for (int i = 0; i < 1000; ++i) non_zero += zeroed[i] != 0;
  CHECK_EQ(non_zero, 0);
  free(zeroed);

  // Exhaustion: the heap is a few MB at most, so this must fail cleanly with ENOMEM.
  errno = 0;
  void* too_big = malloc(64u * 1024u * 1024u);
  CHECK(too_big == NULL);
  CHECK_EQ(errno, ENOMEM);
  void* after = malloc(1024);
  CHECK(after != NULL);
  free(after);
  return test_finish("malloc_free");
}
