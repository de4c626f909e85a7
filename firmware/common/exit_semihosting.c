#include "firmware_exit.h"
#include "semihosting.h"

void firmware_exit(int status) {
  semihosting_exit(status);
}
