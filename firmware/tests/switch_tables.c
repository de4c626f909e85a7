// Dense switch statements: gcc emits TBB (byte offsets) for small ones and TBH (halfword offsets)
// when the case bodies are too far apart for bytes. Each case returns a value a model computes.
#include <stdint.h>

#include "test_check.h"

static uint32_t model(uint32_t selector) {
  return selector * 2654435761u >> 7;
}

static __attribute__((noinline)) uint32_t small_switch(uint32_t selector) {
  switch (selector) {
    case 0:
      return model(0);
    case 1:
      return model(1);
    case 2:
      return model(2);
    case 3:
      return model(3);
    case 4:
      return model(4);
    case 5:
      return model(5);
    case 6:
      return model(6);
    case 7:
      return model(7);
    case 8:
      return model(8);
    case 9:
      return model(9);
    case 10:
      return model(10);
    default:
      return 0xDEFA017u;
  }
}

// Each case calls a distinct noinline function with a long body, so the targets spread over more
// than 512 bytes and the table needs halfword entries.
#define BIG_CASE_FUNCTION(n)                                           \
  static __attribute__((noinline)) uint32_t big_case_##n(uint32_t x) { \
    uint32_t a = x + n, b = x ^ (n * 77u), c = x * (n + 3u);           \
    a = a * 31u + b;                                                   \
    b = b * 17u + c;                                                   \
    c = c * 13u + a;                                                   \
    a ^= b >> 3;                                                       \
    b ^= c << 5;                                                       \
    c ^= a >> 7;                                                       \
    a += b * c;                                                        \
    b += c * a;                                                        \
    c += a * b;                                                        \
    a ^= b ^ c;                                                        \
    return a;                                                          \
  }
BIG_CASE_FUNCTION(0)
BIG_CASE_FUNCTION(1)
BIG_CASE_FUNCTION(2) BIG_CASE_FUNCTION(3) BIG_CASE_FUNCTION(4) BIG_CASE_FUNCTION(5)
    BIG_CASE_FUNCTION(6) BIG_CASE_FUNCTION(7)

        static uint32_t big_case_model(uint32_t n, uint32_t x) {
  uint32_t a = x + n, b = x ^ (n * 77u), c = x * (n + 3u);
  a = a * 31u + b;
  b = b * 17u + c;
  c = c * 13u + a;
  a ^= b >> 3;
  b ^= c << 5;
  c ^= a >> 7;
  a += b * c;
  b += c * a;
  c += a * b;
  a ^= b ^ c;
  return a;
}

static __attribute__((noinline)) uint32_t large_switch(uint32_t selector, uint32_t x) {
  volatile uint32_t padding[4];
  switch (selector) {
    case 0:
      return big_case_0(x) + 1;
    case 1:
      return big_case_1(x) + 1;
    case 2:
      return big_case_2(x) + 1;
    case 3:
      return big_case_3(x) + 1;
    case 4:
      return big_case_4(x) + 1;
    case 5:
      return big_case_5(x) + 1;
    case 6:
      return big_case_6(x) + 1;
    case 7:
      return big_case_7(x) + 1;
    case 8:
      for (int i = 0; i < 4; ++i) padding[i] = x * (uint32_t)i;
      return padding[0] + padding[1] + padding[2] + padding[3];
    case 9:
      return x >> 1;
    case 10:
      return ~x;
    case 11:
      return x * x;
    case 12:
      return x - 12;
    case 13:
      return x | 13;
    case 14:
      return x & 14;
    case 15:
      return x ^ 15;
    default:
      return 0;
  }
}

// A state machine whose dispatch is a switch in a loop: the classic interpreter shape.
static uint32_t run_state_machine(const char* input) {
  enum { START, NUMBER, WORD, SPACE } state = START;
  uint32_t numbers = 0, words = 0, transitions = 0;
  for (const char* p = input; *p; ++p) {
    int digit = *p >= '0' && *p <= '9';
    int letter = (*p | 32) >= 'a' && (*p | 32) <= 'z';
    switch (state) {
      case START:
      case SPACE:
        if (digit)
          state = NUMBER, ++numbers;
        else if (letter)
          state = WORD, ++words;
        else
          state = SPACE;
        break;
      case NUMBER:
        if (!digit) state = letter ? WORD : SPACE, words += letter;
        break;
      case WORD:
        if (!letter && !digit) state = SPACE;
        break;
    }
    ++transitions;
  }
  return numbers * 10000u + words * 100u + transitions;
}

int main(void) {
  for (uint32_t s = 0; s < 14; ++s)
    CHECK_EQ(small_switch(opaque_u32(s)), s <= 10 ? model(s) : 0xDEFA017u);
  uint32_t x = opaque_u32(0xC0FFEEu);
  for (uint32_t s = 0; s < 18; ++s) {
    uint32_t expected = s < 8     ? big_case_model(s, x) + 1
                        : s == 8  ? x * 6u
                        : s == 9  ? x >> 1
                        : s == 10 ? ~x
                        : s == 11 ? x * x
                        : s == 12 ? x - 12
                        : s == 13 ? (x | 13)
                        : s == 14 ? (x & 14)
                        : s == 15 ? (x ^ 15)
                                  : 0;
    CHECK_EQ(large_switch(opaque_u32(s), x), expected);
  }
  CHECK_EQ(run_state_machine("abc 123 4x5 ... hello42 7"), 3u * 10000 + 3u * 100 + 25u);
  return test_finish("switch_tables");
}
