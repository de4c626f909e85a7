#include "test_check.h"

#include <stdio.h>
#include <string.h>

static unsigned checks_run;
static unsigned checks_failed;

void test_check(int ok, const char* what, const char* file, int line) {
  ++checks_run;
  if (ok) return;
  ++checks_failed;
  printf("FAILED %s:%d: %s\n", file, line, what);
}

void test_check_u64(uint64_t actual, uint64_t expected, const char* what, const char* file,
                    int line) {
  ++checks_run;
  if (actual == expected) return;
  ++checks_failed;
  printf("FAILED %s:%d: %s == 0x%llx, expected 0x%llx\n", file, line, what,
         (unsigned long long)actual, (unsigned long long)expected);
}

void test_check_str(const char* actual, const char* expected, const char* what, const char* file,
                    int line) {
  ++checks_run;
  if (strcmp(actual, expected) == 0) return;
  ++checks_failed;
  printf("FAILED %s:%d: %s == \"%s\", expected \"%s\"\n", file, line, what, actual, expected);
}

int test_finish(const char* test_name) {
  if (checks_failed == 0) {
    printf("PASS %s (%u checks)\n", test_name, checks_run);
    return 0;
  }
  printf("FAIL %s (%u of %u checks failed)\n", test_name, checks_failed, checks_run);
  return 1;
}

__attribute__((noinline)) uint32_t opaque_u32(uint32_t value) {
  __asm volatile("" : "+r"(value));
  return value;
}

__attribute__((noinline)) uint64_t opaque_u64(uint64_t value) {
  __asm volatile("" : "+r"(value));
  return value;
}
