// Tiny Rock-Paper-Scissors on the simulated Corstone-300: the learning path's game (play against
// a random opponent, both moves rendered as noisy letter images and classified by TinyRPS), run
// on the device over UART0, with the CPU (C int8 kernels) or the Ethos-U55 doing the inference.
// With the semihosting command line `classify FILE` it classifies a file of images and exits.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "cortex_m.h"
#include "game.h"
#include "npu_backend.h"
#include "platform_info.h"
#include "semihosting.h"
#include "tinyrps_cpu.h"
#include "tinyrps_int8.h"
#include "tinyrps_model.h"

static void print_help(void) {
  printf(
      "Commands:\n"
      "  rock | paper | scissors (or r, p, s)  play a round\n"
      "  score                                  show the score\n"
      "  seed N                                 restart the random generator with seed N\n"
      "  clean on|off                           noise-free renders (no jitter, blur, rotation, "
      "noise)\n"
      "  mode cpu|npu                           run inferences on the CPU or on the NPU\n"
      "  classify FILE                          classify raw 28x28 uint8 images from a host file\n"
      "  help                                   this list\n"
      "  quit                                   end the game\n");
}

static unsigned long model_parameter_bytes(void) {
  unsigned long bytes = 0;
  for (int i = 0; i < TINYRPS_INT8_LAYERS; ++i) {
    const tinyrps_int8_layer_t* layer = &tinyrps_int8_layers[i];
    if (layer->kind != 0) continue;
    bytes += (unsigned long)layer->out_c * layer->kernel_h * layer->kernel_w * layer->in_c;
    bytes += (unsigned long)layer->out_c * 4u;  // int32 bias
  }
  return bytes;
}

static void print_banner(const game_t* game) {
  uint32_t cpuid = SCB_CPUID;
  printf("=== Rock-Paper-Scissors: Play vs Tiny CNN (minifvp) ===\n");
  printf("Platform: Arm Corstone-300 (MPS3), core clock %lu Hz\n", (unsigned long)game->clock_hz);
  printf("Core: %s (CPUID 0x%08lx)\n", cpuid_part_name(cpuid), (unsigned long)cpuid);
  printf("NPU: %s\n", npu_backend_status());
  printf(
      "Model: TinyRPS int8, %d layers, %lu parameter bytes (CPU), %u bytes compiled for "
      "ethos-u55-128\n",
      TINYRPS_INT8_LAYERS, model_parameter_bytes(), TINYRPS_U55_128_FLASH_SIZE);
  printf("Mode: %s, seed %lu\n", game->mode == MODE_NPU ? "npu" : "cpu", (unsigned long)game->seed);
  printf("Type one of: rock / paper / scissors / quit (help for more)\n");
}

static void lowercase(char* text) {
  for (; *text; ++text) *text = (char)tolower((unsigned char)*text);
}

static char* trim(char* text) {
  while (*text == ' ' || *text == '\t') ++text;
  size_t length = strlen(text);
  while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t')) text[--length] = '\0';
  return text;
}

static int parse_move(const char* word) {
  if (!strcmp(word, "rock") || !strcmp(word, "r")) return 0;
  if (!strcmp(word, "paper") || !strcmp(word, "p")) return 1;
  if (!strcmp(word, "scissors") || !strcmp(word, "s")) return 2;
  return -1;
}

static void set_mode(game_t* game, const char* mode) {
  if (!strcmp(mode, "cpu")) {
    game->mode = MODE_CPU;
  } else if (!strcmp(mode, "npu")) {
    if (!game->npu_available) {
      printf("npu mode unavailable: %s\n", npu_backend_status());
      return;
    }
    game->mode = MODE_NPU;
  } else {
    printf("usage: mode cpu|npu\n");
    return;
  }
  printf("mode %s\n", mode);
}

// Returns 1 when the game should end.
static int run_command(game_t* game, char* line) {
  char* command = trim(line);
  if (*command == '\0') return 0;
  if (!strncmp(command, "classify ", 9)) {  // file names keep their case
    game_classify_file(game, trim(command + 9));
    return 0;
  }
  lowercase(command);
  int move = parse_move(command);
  if (move >= 0) {
    game_play_round(game, move);
  } else if (!strcmp(command, "quit") || !strcmp(command, "q") || !strcmp(command, "exit")) {
    return 1;
  } else if (!strcmp(command, "help")) {
    print_help();
  } else if (!strcmp(command, "score")) {
    game_print_score(game);
  } else if (!strncmp(command, "seed ", 5)) {
    char* end;
    unsigned long seed = strtoul(command + 5, &end, 0);
    if (*trim(end) != '\0') {
      printf("usage: seed N\n");
    } else {
      game_init(game, (uint32_t)seed);
      printf("seed %lu\n", seed);
    }
  } else if (!strcmp(command, "clean on") || !strcmp(command, "clean off")) {
    game->clean = !strcmp(command, "clean on");
    printf("clean renders %s\n", game->clean ? "on" : "off");
  } else if (!strncmp(command, "mode ", 5)) {
    set_mode(game, trim(command + 5));
  } else {
    printf("Invalid. Try: rock / paper / scissors / quit (or help)\n");
  }
  return 0;
}

// `classify FILE` on the semihosting command line (possibly after the program name): batch mode.
static const char* batch_file(char* cmdline) {
  char* token = strtok(cmdline, " \t");
  while (token != NULL) {
    if (!strcmp(token, "classify")) return strtok(NULL, " \t");
    token = strtok(NULL, " \t");
  }
  return NULL;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  cycle_counter_start();
  tinyrps_cpu_init();
  static game_t game;
  game.clock_hz = core_clock_hz();
  game.npu_available = npu_backend_init() == 0;
  game.mode = game.npu_available ? MODE_NPU : MODE_CPU;
  game_init(&game, RPS_DEFAULT_SEED);

  static char cmdline[256];
  if (semihosting_get_cmdline(cmdline, sizeof cmdline) == 0) {
    const char* path = batch_file(cmdline);
    if (path != NULL) return game_classify_file(&game, path) == 0 ? 0 : 1;
  }

  print_banner(&game);
  static char line[128];
  for (;;) {
    printf("Your move> ");
    if (console_read_line(line, sizeof line) != 0) {
      printf("\nend of input\n");
      break;
    }
    if (run_command(&game, line)) break;
  }
  game_print_score(&game);
  printf("Bye!\n");
  return 0;
}
