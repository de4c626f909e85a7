// newlib printf formatting through snprintf (integers of every width, padding, precision, strings,
// characters, pointers, floating point with the soft-float library) and through printf to UART0.
#include <stdint.h>
#include <stdio.h>

#include "test_check.h"

static const char* format(char* buffer, size_t size, const char* pattern, ...)
    __attribute__((format(printf, 3, 4)));

#include <stdarg.h>
static const char* format(char* buffer, size_t size, const char* pattern, ...) {
  va_list arguments;
  va_start(arguments, pattern);
  vsnprintf(buffer, size, pattern, arguments);
  va_end(arguments);
  return buffer;
}

int main(void) {
  char b[128];
  CHECK_STR(format(b, sizeof b, "%d|%i|%u", -42, (int)opaque_u32(17), 4000000000u),
            "-42|17|4000000000");
  CHECK_STR(format(b, sizeof b, "%x|%X|%#x|%o|%#o", 0xbeefu, 0xbeefu, 255u, 8u, 8u),
            "beef|BEEF|0xff|10|010");
  CHECK_STR(format(b, sizeof b, "[%5d][%-5d][%05d][%+d][% d]", 42, 42, -42, 42, 42),
            "[   42][42   ][-0042][+42][ 42]");
  CHECK_STR(format(b, sizeof b, "%lld|%llu|%llx", (long long)-9000000000000000000ll,
                   (unsigned long long)opaque_u64(18446744073709551615ull), 0x123456789abcdefull),
            "-9000000000000000000|18446744073709551615|123456789abcdef");
  CHECK_STR(format(b, sizeof b, "%lld/%lu/%hhd/%hd", (long long)-1, (unsigned long)7,
                   (signed char)200, (short)70000),
            "-1/7/-56/4464");
  CHECK_STR(format(b, sizeof b, "[%s][%10s][%-10s][%.3s][%c%c]", "abc", "right", "left", "truncate",
                   'o', 'k'),
            "[abc][     right][left      ][tru][ok]");
  CHECK_STR(format(b, sizeof b, "%.3d|%8.3d|%-8.4x|%%", 5, -5, 0xabu), "005|    -005|00ab    |%");
  CHECK_STR(format(b, sizeof b, "%p", (void*)0x30001234), "0x30001234");
  CHECK_STR(format(b, sizeof b, "%*d|%-*d|%.*s", 6, 1, 4, 2, 2, "xyz"), "     1|2   |xy");

  // Floating point, computed by libgcc's soft-float routines and newlib's dtoa.
  volatile double pi = 3.14159265358979, big = 1.5e300, small = -2.5e-7;
  CHECK_STR(format(b, sizeof b, "%f|%.2f|%10.4f|%e", pi, pi, -pi, pi),
            "3.141593|3.14|   -3.1416|3.141593e+00");
  CHECK_STR(format(b, sizeof b, "%g|%g|%g|%.3g", big, small, 100000.0, 0.0001234),
            "1.5e+300|-2.5e-07|100000|0.000123");
  volatile float third = 1.0f / 3.0f;
  CHECK_STR(format(b, sizeof b, "%.7f|%.0f", (double)third, 2.5e9), "0.3333333|2500000000");

  // snprintf truncation: returns the length it would have written.
  char small_buffer[8];
  const char* volatile long_text = "0123456789";
  int wanted = snprintf(small_buffer, sizeof small_buffer, "%s", long_text);
  CHECK_EQ(wanted, 10);
  CHECK_STR(small_buffer, "0123456");

  // sscanf, the inverse direction.
  int i = 0;
  unsigned x = 0;
  char word[16] = "";
  CHECK_EQ(sscanf("  -17 0x1f word", "%d %x %15s", &i, &x, word), 3);
  CHECK_EQ((uint32_t)i, (uint32_t)-17);
  CHECK_EQ(x, 0x1fu);
  CHECK_STR(word, "word");

  // Output through the console (stdout on UART0): checked by the runner against expected text.
  printf("printf to uart: %d %s %5.1f\n", 123, "text", 2.3);
  return test_finish("printf_format");
}
