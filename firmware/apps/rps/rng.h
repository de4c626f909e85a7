// PCG32 (O'Neill, "PCG: A Family of Simple Fast Space-Efficient Statistically Good Algorithms for
// Random Number Generation", 2014: XSH RR output on a 64-bit LCG). One generator drives every
// random choice of the game, so a seed fixes the whole session.
#ifndef MINIFVP_RPS_RNG_H
#define MINIFVP_RPS_RNG_H

#include <stdint.h>

typedef struct {
  uint64_t state;
} rps_rng_t;

void rng_seed(rps_rng_t* rng, uint32_t seed);
uint32_t rng_next(rps_rng_t* rng);
// Uniform integer in [low, high] (inclusive; high >= low), by rejection (no modulo bias).
int32_t rng_range(rps_rng_t* rng, int32_t low, int32_t high);
// True with probability percent/100.
int rng_chance(rps_rng_t* rng, uint32_t percent);
// Approximately standard normal sample in Q8 (256 = 1.0): the Irwin-Hall sum of four uniforms,
// recentred and scaled to unit variance.
int32_t rng_normal_q8(rps_rng_t* rng);

#endif
