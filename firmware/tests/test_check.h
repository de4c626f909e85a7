// Minimal self-checking support for the firmware tests: each failed check prints where and what,
// and test_finish() prints one PASS/FAIL line and gives main's return value (0 = all passed).
#ifndef MINIFVP_FW_TEST_CHECK_H
#define MINIFVP_FW_TEST_CHECK_H

#include <stdint.h>

void test_check(int ok, const char* what, const char* file, int line);
void test_check_u64(uint64_t actual, uint64_t expected, const char* what, const char* file,
                    int line);
void test_check_str(const char* actual, const char* expected, const char* what, const char* file,
                    int line);
int test_finish(const char* test_name);

// Hides a value from the optimiser so that the operation under test happens at run time.
uint32_t opaque_u32(uint32_t value);
uint64_t opaque_u64(uint64_t value);

#define CHECK(condition) test_check((condition), #condition, __FILE_NAME__, __LINE__)
#define CHECK_EQ(actual, expected) \
  test_check_u64((uint64_t)(actual), (uint64_t)(expected), #actual, __FILE_NAME__, __LINE__)
#define CHECK_STR(actual, expected) \
  test_check_str((actual), (expected), #actual, __FILE_NAME__, __LINE__)

#endif
