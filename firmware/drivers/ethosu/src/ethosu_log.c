#include "ethosu_log.h"

#include <stdarg.h>
#include <stdio.h>

void ethosu_log_error(const char* format, ...) {
  va_list args;
  va_start(args, format);
  fputs("E: ethosu: ", stdout);
  vprintf(format, args);
  fputc('\n', stdout);
  fflush(stdout);
  va_end(args);
}
