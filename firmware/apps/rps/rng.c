#include "rng.h"

static const uint64_t kPcgMultiplier = 6364136223846793005ull;
static const uint64_t kPcgIncrement = 1442695040888963407ull;

void rng_seed(rps_rng_t* rng, uint32_t seed) {
  rng->state = 0;
  rng_next(rng);
  rng->state += seed;
  rng_next(rng);
}

uint32_t rng_next(rps_rng_t* rng) {
  uint64_t old = rng->state;
  rng->state = old * kPcgMultiplier + kPcgIncrement;
  uint32_t xorshifted = (uint32_t)(((old >> 18) ^ old) >> 27);
  uint32_t rotation = (uint32_t)(old >> 59);
  return (xorshifted >> rotation) | (xorshifted << ((32 - rotation) & 31));
}

int32_t rng_range(rps_rng_t* rng, int32_t low, int32_t high) {
  uint32_t span = (uint32_t)(high - low) + 1u;
  if (span == 0) return (int32_t)rng_next(rng);  // the whole 32-bit range
  uint32_t limit = UINT32_MAX - (UINT32_MAX % span);
  uint32_t value;
  do {
    value = rng_next(rng);
  } while (value >= limit);
  return low + (int32_t)(value % span);
}

int rng_chance(rps_rng_t* rng, uint32_t percent) {
  return (uint32_t)rng_range(rng, 0, 99) < percent;
}

int32_t rng_normal_q8(rps_rng_t* rng) {
  // Four 16-bit uniforms: mean 4 * 32767.5, standard deviation 65536 * sqrt(4 / 12) = 37837.
  int32_t sum = 0;
  for (int i = 0; i < 4; ++i) sum += (int32_t)(rng_next(rng) >> 16);
  return (int32_t)(((int64_t)(2 * sum - 262140) * 128) / 37837);
}
