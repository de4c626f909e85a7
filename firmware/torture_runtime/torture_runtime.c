// Runtime additions for the GCC torture tests (gcc.c-torture/execute): the tests report failure by
// calling abort() and success by returning 0 from main or calling exit(0). Everything else
// (startup, newlib system calls, semihosting exit) is the common firmware runtime.
#include <stdlib.h>

#include "firmware_exit.h"

// Replaces newlib's abort (which would raise SIGABRT through _kill): print a marker on the
// console and end the run with the status a shell reports for SIGABRT.
void abort(void) {
  firmware_emergency_print("torture: abort() called\n");
  firmware_exit(134);
}
