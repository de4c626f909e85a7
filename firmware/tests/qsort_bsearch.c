// newlib qsort and bsearch with function-pointer comparators, on integers, on structures and on
// strings; the result is checked for order and for being a permutation of the input.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test_check.h"

enum { COUNT = 1500 };
static int32_t values[COUNT];
struct Record {
  uint16_t key;
  uint16_t original_index;
  char name[12];
};
static struct Record records[400];

static int compare_int32(const void* a, const void* b) {
  int32_t x = *(const int32_t*)a, y = *(const int32_t*)b;
  return (x > y) - (x < y);
}
static int compare_record(const void* a, const void* b) {
  const struct Record *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return (x->original_index > y->original_index) - (x->original_index < y->original_index);
}
static int compare_string_pointer(const void* a, const void* b) {
  return strcmp(*(const char* const*)a, *(const char* const*)b);
}

int main(void) {
  uint32_t seed = opaque_u32(2024);
  int64_t sum_before = 0, sum_after = 0;
  uint32_t xor_before = 0, xor_after = 0;
  for (int i = 0; i < COUNT; ++i) {
    seed = seed * 1664525u + 1013904223u;
    values[i] = (int32_t)seed >> (seed & 15);  // negatives, duplicates, wide range
    sum_before += values[i];
    xor_before ^= (uint32_t)values[i] * 0x9E3779B1u;
  }
  qsort(values, COUNT, sizeof values[0], compare_int32);
  unsigned out_of_order = 0;
  for (int i = 0; i < COUNT; ++i) {
    if (i > 0 && values[i - 1] > values[i]) ++out_of_order;
    sum_after += values[i];
    xor_after ^= (uint32_t)values[i] * 0x9E3779B1u;
  }
  CHECK_EQ(out_of_order, 0);
  CHECK_EQ((uint64_t)sum_after, (uint64_t)sum_before);
  CHECK_EQ(xor_after, xor_before);
  for (int i = 0; i < COUNT; i += 37) {
    int32_t* found = bsearch(&values[i], values, COUNT, sizeof values[0], compare_int32);
    CHECK(found != NULL && *found == values[i]);
  }
  int32_t absent = values[COUNT - 1] == INT32_MAX ? INT32_MIN : values[COUNT - 1] + 1;
  CHECK(bsearch(&absent, values, COUNT, sizeof values[0], compare_int32) == NULL);

  for (uint16_t i = 0; i < 400; ++i) {
    seed = seed * 1664525u + 1013904223u;
    records[i].key = (uint16_t)(seed >> 24);
    records[i].original_index = i;
    records[i].name[0] = (char)('a' + i % 26);
    records[i].name[1] = '\0';
  }
  qsort(records, 400, sizeof records[0], compare_record);
  unsigned bad_records = 0;
  for (int i = 1; i < 400; ++i) bad_records += compare_record(&records[i - 1], &records[i]) >= 0;
  for (int i = 0; i < 400; ++i)
    bad_records += records[i].name[0] != 'a' + records[i].original_index % 26;
  CHECK_EQ(bad_records, 0);

  const char* words[] = {"pear", "apple", "fig", "banana", "kiwi", "cherry", "date", "grape"};
  qsort(words, 8, sizeof words[0], compare_string_pointer);
  CHECK_STR(words[0], "apple");
  CHECK_STR(words[3], "date");
  CHECK_STR(words[7], "pear");
  return test_finish("qsort_bsearch");
}
