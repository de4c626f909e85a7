// minifvp command-line entry point (placeholder until the CLI lands).
#include <cstdio>

int main() {
  std::puts("minifvp: CLI not built yet");
  return 0;
}
