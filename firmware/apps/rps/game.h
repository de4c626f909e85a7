// The Tiny Rock-Paper-Scissors game state and its commands (played over UART0).
#ifndef MINIFVP_RPS_GAME_H
#define MINIFVP_RPS_GAME_H

#include <stdint.h>

#include "rng.h"

#define RPS_DEFAULT_SEED 7u

typedef enum { MODE_CPU = 0, MODE_NPU = 1 } inference_mode_t;

typedef struct {
  rps_rng_t rng;
  uint32_t seed;
  int clean;  // noise-free renders
  inference_mode_t mode;
  int npu_available;
  uint32_t clock_hz;
  unsigned player_wins, opponent_wins, ties;
} game_t;

typedef struct {
  int8_t logits[3];
  int predicted;
  uint32_t cpu_cycles;  // DWT cycles around the whole inference (both modes)
  uint32_t npu_cycles;  // NPU PMU cycles (npu mode), else 0
} inference_t;

void game_init(game_t* game, uint32_t seed);
// Classifies a 28x28 uint8 image in the game's mode. Returns 0, or -1 if the mode failed.
int game_classify(game_t* game, const uint8_t* image, inference_t* result);
// Plays one round with the player's class (0 rock, 1 paper, 2 scissors).
void game_play_round(game_t* game, int player_move);
void game_print_score(const game_t* game);
// `classify FILE`: raw 784-byte images from a host file (semihosting), one result line each and
// a summary. Returns 0, or -1 on an error (reported).
int game_classify_file(game_t* game, const char* path);

#endif
