#include "game.h"

#include <math.h>
#include <stdio.h>

#include "npu_backend.h"
#include "platform_info.h"
#include "render.h"
#include "semihosting.h"
#include "tinyrps_cpu.h"
#include "tinyrps_model.h"

void game_init(game_t* game, uint32_t seed) {
  game->seed = seed;
  rng_seed(&game->rng, seed);
}

int game_classify(game_t* game, const uint8_t* image, inference_t* result) {
  int8_t input[RPS_IMAGE_PIXELS];
  for (int i = 0; i < RPS_IMAGE_PIXELS; ++i) input[i] = (int8_t)(image[i] - 128);
  result->npu_cycles = 0;
  uint32_t start = cycle_counter_read();
  if (game->mode == MODE_NPU) {
    if (npu_backend_run(input, result->logits, &result->npu_cycles) != 0) return -1;
  } else {
    tinyrps_cpu_run(input, result->logits);
  }
  result->cpu_cycles = cycle_counter_read() - start;
  int best = 0;
  for (int c = 1; c < TINYRPS_NUM_CLASSES; ++c) {
    if (result->logits[c] > result->logits[best]) best = c;
  }
  result->predicted = best;
  return 0;
}

// Softmax probability of the predicted class in tenths of a percent, from the dequantized logits.
static int confidence_permille(const inference_t* result) {
  float logits[TINYRPS_NUM_CLASSES];
  float top = -1e30f;
  for (int c = 0; c < TINYRPS_NUM_CLASSES; ++c) {
    logits[c] = (float)(result->logits[c] - TINYRPS_OUTPUT_ZERO_POINT) * TINYRPS_OUTPUT_SCALE;
    if (logits[c] > top) top = logits[c];
  }
  float sum = 0.0f;
  for (int c = 0; c < TINYRPS_NUM_CLASSES; ++c) sum += expf(logits[c] - top);
  float p = expf(logits[result->predicted] - top) / sum;
  return (int)(p * 1000.0f + 0.5f);
}

static void print_duration(uint32_t cycles, uint32_t clock_hz) {
  uint64_t microseconds = ((uint64_t)cycles * 1000000u + clock_hz / 2) / clock_hz;
  printf("%lu.%03lu ms", (unsigned long)(microseconds / 1000),
         (unsigned long)(microseconds % 1000));
}

static void print_cost(const game_t* game, const inference_t* result) {
  printf("  cost (%s): %lu CPU cycles (", game->mode == MODE_NPU ? "npu" : "cpu",
         (unsigned long)result->cpu_cycles);
  print_duration(result->cpu_cycles, game->clock_hz);
  printf(" at %lu Hz)", (unsigned long)game->clock_hz);
  if (game->mode == MODE_NPU) printf(", %lu NPU cycles", (unsigned long)result->npu_cycles);
  printf("\n");
}

// Renders, prints and classifies one move; returns the predicted class or -1.
static int show_move(game_t* game, int move, const char* who_played, const char* who_thinks) {
  uint8_t image[RPS_IMAGE_PIXELS];
  render_move(&game->rng, move, game->clean, image);
  printf("%s\n", who_played);
  print_ascii_image(image);
  inference_t result;
  if (game_classify(game, image, &result) != 0) {
    printf("npu inference failed: %s\n", npu_backend_status());
    return -1;
  }
  int permille = confidence_permille(&result);
  printf("Model thinks %s played: %s (%d.%d%%)\n", who_thinks, tinyrps_labels[result.predicted],
         permille / 10, permille % 10);
  print_cost(game, &result);
  return result.predicted;
}

// rock (0) beats scissors (2), paper (1) beats rock (0), scissors (2) beats paper (1).
static int beats(int a, int b) {
  return (a == 0 && b == 2) || (a == 1 && b == 0) || (a == 2 && b == 1);
}

void game_play_round(game_t* game, int player_move) {
  int opponent_move = rng_range(&game->rng, 0, 2);
  char header[64];
  snprintf(header, sizeof header, "You played: %s", tinyrps_labels[player_move]);
  int player_predicted = show_move(game, player_move, header, "you");
  if (player_predicted < 0) return;
  int opponent_predicted = show_move(game, opponent_move, "Opponent played (hidden):", "opponent");
  if (opponent_predicted < 0) return;
  if (beats(player_predicted, opponent_predicted)) {
    ++game->player_wins;
    printf("You win! (%s beats %s)\n", tinyrps_labels[player_predicted],
           tinyrps_labels[opponent_predicted]);
  } else if (beats(opponent_predicted, player_predicted)) {
    ++game->opponent_wins;
    printf("You lose! (%s beats %s)\n", tinyrps_labels[opponent_predicted],
           tinyrps_labels[player_predicted]);
  } else {
    ++game->ties;
    printf("It's a tie! (both %s)\n", tinyrps_labels[player_predicted]);
  }
  game_print_score(game);
  printf("--------------------------------------------------\n");
}

void game_print_score(const game_t* game) {
  printf("Score: you %u, opponent %u, ties %u\n", game->player_wins, game->opponent_wins,
         game->ties);
}

int game_classify_file(game_t* game, const char* path) {
  int32_t handle = semihosting_open_read(path);
  if (handle < 0) {
    printf("classify: cannot open '%s' on the host (semihosting SYS_OPEN failed)\n", path);
    return -1;
  }
  int32_t length = semihosting_flen(handle);
  if (length < 0 || length % RPS_IMAGE_PIXELS != 0) {
    printf("classify: '%s' is %ld bytes, not a whole number of 28x28 uint8 images (784 bytes)\n",
           path, (long)length);
    semihosting_close(handle);
    return -1;
  }
  uint32_t count = (uint32_t)length / RPS_IMAGE_PIXELS;
  uint64_t total_npu = 0, total_cpu = 0;
  static uint8_t image[RPS_IMAGE_PIXELS];
  for (uint32_t index = 0; index < count; ++index) {
    if (semihosting_read(handle, image, RPS_IMAGE_PIXELS) != RPS_IMAGE_PIXELS) {
      printf("classify: short read of image %lu from '%s'\n", (unsigned long)index, path);
      semihosting_close(handle);
      return -1;
    }
    inference_t result;
    if (game_classify(game, image, &result) != 0) {
      printf("classify: npu inference failed: %s\n", npu_backend_status());
      semihosting_close(handle);
      return -1;
    }
    total_npu += result.npu_cycles;
    total_cpu += result.cpu_cycles;
    printf("%lu %s %d %d %d\n", (unsigned long)index, tinyrps_labels[result.predicted],
           result.logits[0], result.logits[1], result.logits[2]);
  }
  semihosting_close(handle);
  printf("classified %lu images (mode %s): total NPU cycles %llu, total CPU cycles %llu\n",
         (unsigned long)count, game->mode == MODE_NPU ? "npu" : "cpu",
         (unsigned long long)total_npu, (unsigned long long)total_cpu);
  return 0;
}
