#include "console.h"

#include <stdio.h>

#include "uart.h"

enum { ASCII_EOT = 0x04, ASCII_BS = 0x08, ASCII_DEL = 0x7F };

static int last_was_cr;

int console_read_line(char* line, size_t size) {
  size_t length = 0;
  fflush(stdout);
  for (;;) {
    uint8_t byte = uart_getc();
    if (byte == ASCII_EOT) {
      line[length] = '\0';
      return -1;
    }
    if (byte == '\n' && last_was_cr) {  // the LF of a CR LF pair
      last_was_cr = 0;
      continue;
    }
    last_was_cr = (byte == '\r');
    if (byte == '\r' || byte == '\n') {
      line[length] = '\0';
      fputs("\n", stdout);
      fflush(stdout);
      return 0;
    }
    if (byte == ASCII_BS || byte == ASCII_DEL) {
      if (length > 0) {
        --length;
        fputs("\b \b", stdout);
        fflush(stdout);
      }
      continue;
    }
    if (byte < 0x20 || byte > 0x7E) continue;  // other control characters are ignored
    if (length + 1 < size) {
      line[length++] = (char)byte;
      fputc(byte, stdout);
      fflush(stdout);
    }
  }
}
