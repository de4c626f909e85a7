// Line input on the raw UART0 terminal: typed characters are echoed, backspace (BS or DEL) erases
// the last one, CR, LF or CR LF ends the line, EOT (Ctrl-D, or the end of piped input) ends the
// input.
#ifndef MINIFVP_RPS_CONSOLE_H
#define MINIFVP_RPS_CONSOLE_H

#include <stddef.h>

// Reads one line into `line` (NUL-terminated, at most size - 1 characters; extra characters are
// dropped). Returns 0, or -1 at the end of the input.
int console_read_line(char* line, size_t size);

#endif
