// bench_cpu: a fixed, CPU-bound integer workload in the spirit of CoreMark (CRC32, matrix
// multiply, linked-list sorting, a state machine), for measuring guest MIPS. The same ELF always
// does the same work and prints the same checksum, so a changed checksum means a wrong result.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifndef BENCH_ITERATIONS
#define BENCH_ITERATIONS 4000
#endif

static uint32_t crc_table[256];

static void crc_init(void) {
  for (uint32_t n = 0; n < 256; ++n) {
    uint32_t crc = n;
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    crc_table[n] = crc;
  }
}

static uint32_t crc_update(uint32_t crc, const void* data, size_t length) {
  const uint8_t* bytes = data;
  crc = ~crc;
  while (length--) crc = crc_table[(crc ^ *bytes++) & 0xFFu] ^ (crc >> 8);
  return ~crc;
}

enum { MATRIX = 16 };
static int16_t matrix_a[MATRIX][MATRIX], matrix_b[MATRIX][MATRIX];
static int32_t matrix_c[MATRIX][MATRIX];

static uint32_t matrix_work(uint32_t seed) {
  for (int i = 0; i < MATRIX; ++i)
    for (int j = 0; j < MATRIX; ++j) {
      seed = seed * 1664525u + 1013904223u;
      matrix_a[i][j] = (int16_t)(seed >> 20);
      matrix_b[j][i] = (int16_t)(seed >> 9);
    }
  for (int i = 0; i < MATRIX; ++i)
    for (int j = 0; j < MATRIX; ++j) {
      int32_t sum = 0;
      for (int k = 0; k < MATRIX; ++k) sum += matrix_a[i][k] * matrix_b[k][j];
      matrix_c[i][j] = sum;
    }
  return crc_update(seed, matrix_c, sizeof matrix_c);
}

struct ListNode {
  struct ListNode* next;
  int32_t key;
  uint32_t payload;
};
enum { LIST_NODES = 128 };
static struct ListNode nodes[LIST_NODES];

static struct ListNode* merge(struct ListNode* a, struct ListNode* b) {
  struct ListNode head = {0}, *tail = &head;
  while (a && b) {
    struct ListNode** smaller = (a->key <= b->key) ? &a : &b;
    tail->next = *smaller;
    tail = *smaller;
    *smaller = (*smaller)->next;
  }
  tail->next = a ? a : b;
  return head.next;
}

static struct ListNode* merge_sort(struct ListNode* list) {
  if (list == NULL || list->next == NULL) return list;
  struct ListNode *slow = list, *fast = list->next;
  while (fast && fast->next) slow = slow->next, fast = fast->next->next;
  struct ListNode* second = slow->next;
  slow->next = NULL;
  return merge(merge_sort(list), merge_sort(second));
}

static uint32_t list_work(uint32_t seed) {
  for (int i = 0; i < LIST_NODES; ++i) {
    seed = seed * 1103515245u + 12345u;
    nodes[i].key = (int32_t)(seed >> 8) - (1 << 22);
    nodes[i].payload = (uint32_t)i;
    nodes[i].next = i + 1 < LIST_NODES ? &nodes[i + 1] : NULL;
  }
  struct ListNode* sorted = merge_sort(&nodes[0]);
  uint32_t check = 0;
  int32_t previous = INT32_MIN;
  for (struct ListNode* n = sorted; n; n = n->next) {
    if (n->key < previous) check ^= 0x80000000u;  // out of order: poisons the checksum
    previous = n->key;
    check = check * 31u + n->payload;
  }
  return check;
}

// Scans text for numbers, hexadecimal numbers and words, as CoreMark's state machine does.
static uint32_t state_machine_work(uint32_t seed) {
  static const char alphabet[] = "0123456789abcdefx .,-+";
  char text[200];
  for (size_t i = 0; i < sizeof text - 1; ++i) {
    seed = seed * 1664525u + 1013904223u;
    text[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
  }
  text[sizeof text - 1] = '\0';
  enum { START, INTEGER, HEX_PREFIX, HEX, WORD, INVALID } state = START;
  uint32_t counts[6] = {0};
  for (const char* p = text; *p; ++p) {
    char c = *p;
    int digit = c >= '0' && c <= '9', hex_letter = c >= 'a' && c <= 'f';
    int separator = c == ' ' || c == ',' || c == '.';
    switch (state) {
      case START:
        state = c == '0'     ? HEX_PREFIX
                : digit      ? INTEGER
                : hex_letter ? WORD
                : separator  ? START
                             : INVALID;
        break;
      case INTEGER:
        state = digit ? INTEGER : separator ? START : INVALID;
        break;
      case HEX_PREFIX:
        state = c == 'x' ? HEX : digit ? INTEGER : separator ? START : INVALID;
        break;
      case HEX:
        state = (digit || hex_letter) ? HEX : separator ? START : INVALID;
        break;
      case WORD:
        state = (hex_letter || c == 'x') ? WORD : separator ? START : INVALID;
        break;
      case INVALID:
        state = separator ? START : INVALID;
        break;
    }
    ++counts[state];
  }
  uint32_t check = 0;
  for (int i = 0; i < 6; ++i) check = check * 131u + counts[i];
  return check;
}

int main(void) {
  crc_init();
  uint32_t checksum = 0;
  for (uint32_t iteration = 0; iteration < BENCH_ITERATIONS; ++iteration) {
    uint32_t seed = iteration * 2654435761u ^ checksum;
    uint32_t parts[3] = {matrix_work(seed), list_work(seed), state_machine_work(seed)};
    checksum = crc_update(checksum, parts, sizeof parts);
  }
  printf("bench_cpu checksum 0x%08lx iterations %u\n", (unsigned long)checksum,
         (unsigned)BENCH_ITERATIONS);
  return 0;
}
