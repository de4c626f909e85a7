// hello: prints a banner with the platform and the CPU identified from SCB->CPUID, then echoes
// every input line as "echo: <line>". A line "exit N" ends the run with status N; end of input
// (EOT on the console) ends it with status 0.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cortex_m.h"

static void strip_line_end(char* line) {
  size_t length = strlen(line);
  while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
    line[--length] = '\0';
}

int main(void) {
  unsigned cpuid = SCB_CPUID;
  printf("minifvp hello: Corstone-300 (MPS3 AN547), CPU %s, CPUID 0x%08x (r%up%u)\n",
         cpuid_part_name(cpuid), cpuid, (cpuid >> 20) & 0xFu, cpuid & 0xFu);
  printf("type lines; \"exit N\" ends with status N\n");

  char line[256];
  while (fgets(line, sizeof line, stdin) != NULL) {
    strip_line_end(line);
    int status;
    char trailing;
    if (sscanf(line, "exit %d %c", &status, &trailing) == 1) {
      printf("exiting with status %d\n", status);
      return status;
    }
    printf("echo: %s\n", line);
  }
  printf("end of input\n");
  return 0;
}
