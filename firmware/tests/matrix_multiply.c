// Integer matrix multiply (int32 and int8 x int8 -> int32 with accumulation) in straightforward,
// transposed and blocked loop orders; the results must agree, and a product with a known closed
// form pins them.
#include <stdint.h>
#include <string.h>

#include "test_check.h"

enum { N = 24, M = 20, K = 28, BLOCK = 8 };
static int32_t a[N][K], b[K][M], b_transposed[M][K];
static int32_t c_plain[N][M], c_transposed[N][M], c_blocked[N][M];
static int8_t a8[N][K], b8[K][M];
static int32_t c8[N][M];

static void multiply_plain(void) {
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < M; ++j) {
      int32_t sum = 0;
      for (int k = 0; k < K; ++k) sum += a[i][k] * b[k][j];
      c_plain[i][j] = sum;
    }
}

static void multiply_transposed(void) {
  for (int k = 0; k < K; ++k)
    for (int j = 0; j < M; ++j) b_transposed[j][k] = b[k][j];
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < M; ++j) {
      int32_t sum = 0;
      for (int k = 0; k < K; ++k) sum += a[i][k] * b_transposed[j][k];
      c_transposed[i][j] = sum;
    }
}

static void multiply_blocked(void) {
  memset(c_blocked, 0, sizeof c_blocked);
  for (int kk = 0; kk < K; kk += BLOCK)
    for (int i = 0; i < N; ++i)
      for (int k = kk; k < kk + BLOCK && k < K; ++k) {
        int32_t scale = a[i][k];
        for (int j = 0; j < M; ++j) c_blocked[i][j] += scale * b[k][j];
      }
}

int main(void) {
  uint32_t seed = opaque_u32(7);
  for (int i = 0; i < N; ++i)
    for (int k = 0; k < K; ++k) {
      seed = seed * 1664525u + 1013904223u;
      a[i][k] = (int32_t)(seed >> 20) - 2048;
      a8[i][k] = (int8_t)(seed >> 24);
    }
  for (int k = 0; k < K; ++k)
    for (int j = 0; j < M; ++j) {
      seed = seed * 1664525u + 1013904223u;
      b[k][j] = (int32_t)(seed >> 21) - 1024;
      b8[k][j] = (int8_t)(seed >> 23);
    }
  multiply_plain();
  multiply_transposed();
  multiply_blocked();
  CHECK(memcmp(c_plain, c_transposed, sizeof c_plain) == 0);
  CHECK(memcmp(c_plain, c_blocked, sizeof c_plain) == 0);

  // int8 quantised-style product with an int32 accumulator, checked against the int32 path.
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < M; ++j) {
      int32_t sum = 0;
      for (int k = 0; k < K; ++k) sum += a8[i][k] * b8[k][j];
      c8[i][j] = sum;
    }
  for (int i = 0; i < N; ++i)
    for (int k = 0; k < K; ++k) a[i][k] = a8[i][k];
  for (int k = 0; k < K; ++k)
    for (int j = 0; j < M; ++j) b[k][j] = b8[k][j];
  multiply_plain();
  CHECK(memcmp(c_plain, c8, sizeof c8) == 0);

  // Closed form: a[i][k] = i + k, b[k][j] = k - j gives c[i][j] = sum_k (i + k)(k - j).
  for (int i = 0; i < N; ++i)
    for (int k = 0; k < K; ++k) a[i][k] = i + k;
  for (int k = 0; k < K; ++k)
    for (int j = 0; j < M; ++j) b[k][j] = k - j;
  multiply_blocked();
  unsigned wrong = 0;
  const int32_t sum_k = K * (K - 1) / 2, sum_k2 = (K - 1) * K * (2 * K - 1) / 6;
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < M; ++j)
      wrong += c_blocked[i][j] != i * sum_k - i * j * K + sum_k2 - j * sum_k;
  CHECK_EQ(wrong, 0);
  return test_finish("matrix_multiply");
}
