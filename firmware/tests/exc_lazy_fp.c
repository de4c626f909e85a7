// Lazy floating-point context preservation (Armv8-M ARM, "Lazy Floating-point context
// preservation", PushStack(), UpdateFPCCR(), PreserveFPState(), ExceptionReturn()):
//  - FPCCR, FPCAR and FPDSCR at reset;
//  - an interrupt taken from Thread mode with an active FP context (CONTROL.FPCA = 1): the handler
//    sees FPCCR.LSPACT set, FPCAR pointing at the reserved S0-S15/FPSCR/VPR slots and those slots
//    not yet written; its first FP instruction writes them and clears LSPACT;
//  - a handler that uses no FP instruction: the return leaves the registers as they are;
//  - FPCCR.LSPEN = 0: the registers are stacked at entry;
//  - nested interrupts: an FP instruction in the inner handler preserves the outer context's
//    registers into the Thread frame;
//  - two threads switched by PendSV, which saves S16-S31 itself (the usual RTOS sequence, whose
//    VSTMDB triggers the lazy preservation of S0-S15).
// Every FP and MVE instruction is in assembly below, so that what runs does not depend on the
// compiler or the float ABI. The printed values are compared with QEMU's by the diff test; the
// checks state what the architecture requires.
#include <stdio.h>
#include <stdlib.h>

#include "exc_regs.h"
#include "test_check.h"

#define FPCCR REG32(0xE000EF34u)
#define FPCAR REG32(0xE000EF38u)
#define FPDSCR REG32(0xE000EF3Cu)
#define FPCCR_LSPACT (1u << 0)
#define FPCCR_USER (1u << 1)
#define FPCCR_THREAD (1u << 3)
#define FPCCR_HFRDY (1u << 4)
#define FPCCR_BFRDY (1u << 6)
#define FPCCR_LSPEN (1u << 30)
#define FPCCR_ASPEN (1u << 31)
#define CONTROL_FPCA (1u << 2)
#define EXC_RETURN_FTYPE (1u << 4)

#define IRQ_OUTER 60
#define IRQ_INNER 61
#define FILL 0xA5A5A5A5u  // the stack below SP before an interrupt (see fp_interrupt_roundtrip)
#define FP_WORDS 18       // S0-S15, FPSCR, VPR: the FP part of the extended frame

// The FP state a thread loads before an interrupt and reads back after it: S0-S15, FPSCR, VPR.
struct fp_state {
  uint32_t s[16];
  uint32_t fpscr, vpr;
};

// fp_interrupt_roundtrip(in, out, irq) and fp_svc_roundtrip(in, out): load `in` into S0-S15,
// FPSCR and VPR, fill the 128 bytes below SP with FILL, raise the exception (interrupt `irq` pended
// through STIR and taken by the DSB/ISB at the latest, or SVC #0), then store S0-S15, FPSCR and
// VPR to `out` and clear VPR again. All in one function, so that no compiled code can touch the FP
// registers in between. VPR is moved through its P0 field (the VPT masks stay 0): unprivileged
// code may access P0 but not VPR as a whole (VMRS/VMSR VPR then behave as NOPs).
void fp_interrupt_roundtrip(const struct fp_state* in, struct fp_state* out, uint32_t irq);
void fp_svc_roundtrip(const struct fp_state* in, struct fp_state* out);
__asm__(
    "  .macro fp_roundtrip_begin\n"
    "  push {r4, lr}\n"
    "  vldmia r0!, {s0-s15}\n"
    "  ldr r3, [r0], #4\n"
    "  vmsr fpscr, r3\n"
    "  ldr r3, [r0]\n"
    "  vmsr p0, r3\n"
    "  mov r4, sp\n"
    "  sub r3, sp, #128\n"
    "  ldr r0, =0xA5A5A5A5\n"
    "1:\n"
    "  str r0, [r3], #4\n"
    "  cmp r3, r4\n"
    "  bne 1b\n"
    "  .endm\n"
    "  .macro fp_roundtrip_end\n"
    "  vstmia r1!, {s0-s15}\n"
    "  vmrs r3, fpscr\n"
    "  str r3, [r1], #4\n"
    "  vmrs r3, p0\n"
    "  str r3, [r1]\n"
    "  movs r3, #0\n"
    "  vmsr p0, r3\n"
    "  pop {r4, pc}\n"
    "  .endm\n"
    "  .text\n"
    "  .balign 4\n"
    "  .global fp_interrupt_roundtrip\n"
    "  .type fp_interrupt_roundtrip, %function\n"
    "  .thumb_func\n"
    "fp_interrupt_roundtrip:\n"
    "  fp_roundtrip_begin\n"
    "  ldr r3, =0xE000EF00\n"
    "  str r2, [r3]\n"
    "  dsb\n"
    "  isb\n"
    "  fp_roundtrip_end\n"
    "  .ltorg\n"
    "  .size fp_interrupt_roundtrip, . - fp_interrupt_roundtrip\n"
    "  .balign 4\n"
    "  .global fp_svc_roundtrip\n"
    "  .type fp_svc_roundtrip, %function\n"
    "  .thumb_func\n"
    "fp_svc_roundtrip:\n"
    "  fp_roundtrip_begin\n"
    "  svc #0\n"
    "  fp_roundtrip_end\n"
    "  .ltorg\n"
    "  .size fp_svc_roundtrip, . - fp_svc_roundtrip\n");

// The handler's first FP instruction (VMOV S0, R0, which also leaves a mark in S0) and then
// VMRS FPSCR: returns the FPSCR of the handler's new FP context.
uint32_t handler_first_fp_instruction(uint32_t s0_value);
__asm__(
    "  .text\n"
    "  .global handler_first_fp_instruction\n"
    "  .type handler_first_fp_instruction, %function\n"
    "  .thumb_func\n"
    "handler_first_fp_instruction:\n"
    "  vmov s0, r0\n"
    "  vmrs r0, fpscr\n"
    "  bx lr\n"
    "  .size handler_first_fp_instruction, . - handler_first_fp_instruction\n");

// Reads S0-S3 into out[0..3] (VMOV to core registers: the first FP instruction when so used).
void read_s0_s3(uint32_t* out);
__asm__(
    "  .text\n"
    "  .global read_s0_s3\n"
    "  .type read_s0_s3, %function\n"
    "  .thumb_func\n"
    "read_s0_s3:\n"
    "  vmov r1, s0\n"
    "  str r1, [r0]\n"
    "  vmov r1, s1\n"
    "  str r1, [r0, #4]\n"
    "  vmov r1, s2\n"
    "  str r1, [r0, #8]\n"
    "  vmov r1, s3\n"
    "  str r1, [r0, #12]\n"
    "  bx lr\n"
    "  .size read_s0_s3, . - read_s0_s3\n");

// The MVE predication register as the handler's first access: VMRS R0, VPR (MVE's VPR, through
// the FP extension's system register move). Returns VPR of the handler's new context.
uint32_t handler_reads_vpr_first(void);
__asm__(
    "  .text\n"
    "  .global handler_reads_vpr_first\n"
    "  .type handler_reads_vpr_first, %function\n"
    "  .thumb_func\n"
    "handler_reads_vpr_first:\n"
    "  vmrs r0, vpr\n"
    "  bx lr\n"
    "  .size handler_reads_vpr_first, . - handler_reads_vpr_first\n");

static inline uint32_t read_control(void) {
  uint32_t v;
  __asm volatile("mrs %0, control" : "=r"(v));
  return v;
}

// What a handler saw, for printing and checking in Thread mode.
struct observation {
  uint32_t exc_return, control, fpccr, fpcar, frame;  // frame: the stacked frame's address
  uint32_t fp_words[FP_WORDS];                        // the frame's FP part before any FP insn
  uint32_t handler_fpscr;                             // FPSCR of the handler's new context
  uint32_t handler_s[4];                              // S0-S3 read as the first FP instruction
  uint32_t fpccr_after, control_after;                // after the handler's FP instruction
  uint32_t fp_words_after[FP_WORDS];                  // the frame's FP part afterwards
};

enum handler_mode { USE_FP, READ_VPR, NO_FP, READ_REGS, NESTED, NESTED_AFTER_FP, MAKE_PRIVILEGED };
static volatile enum handler_mode mode;
static struct observation outer, inner;

static void copy_fp_words(uint32_t* dest, uint32_t frame) {
  const volatile uint32_t* words = (const volatile uint32_t*)(frame + 0x20);
  for (int i = 0; i < FP_WORDS; ++i) dest[i] = words[i];
}

// `slots_at_entry`: whether the frame's FP slots hold known data (the FILL of the Thread stack).
static void observe_entry(struct observation* o, uint32_t frame, uint32_t exc_return,
                          int slots_at_entry) {
  o->exc_return = exc_return;
  o->control = read_control() & 7u;  // nPRIV, SPSEL, FPCA (bit 3 is the Security Extension's)
  o->fpccr = FPCCR;
  o->fpcar = FPCAR;
  o->frame = frame;
  if (slots_at_entry && (exc_return & EXC_RETURN_FTYPE) == 0) copy_fp_words(o->fp_words, frame);
}

static void observe_after_fp(struct observation* o) {
  o->fpccr_after = FPCCR;
  o->control_after = read_control() & 7u;
  if ((o->exc_return & EXC_RETURN_FTYPE) == 0) copy_fp_words(o->fp_words_after, o->frame);
}

void inner_handler(uint32_t exc_return, uint32_t msp) {
  observe_entry(&inner, msp, exc_return, 0);
  inner.handler_fpscr = handler_first_fp_instruction(0x1234);
  observe_after_fp(&inner);
}

void outer_handler(uint32_t exc_return, uint32_t psp) {
  observe_entry(&outer, psp, exc_return, 1);
  switch (mode) {
    case USE_FP:
      outer.handler_fpscr = handler_first_fp_instruction(0x5678);
      break;
    case READ_VPR:
      outer.handler_fpscr = handler_reads_vpr_first();  // VPR of the new context
      break;
    case READ_REGS:
      read_s0_s3(outer.handler_s);
      break;
    case NESTED:
      NVIC_STIR = IRQ_INNER;  // preempts at once
      barrier();
      break;
    case NESTED_AFTER_FP:
      // An FP context of the handler's own (S0 = 0x5678) when the inner interrupt preempts; the
      // inner handler's FP instruction preserves it into this handler's frame on MSP.
      outer.handler_fpscr = handler_first_fp_instruction(0x5678);
      NVIC_STIR = IRQ_INNER;
      barrier();
      read_s0_s3(outer.handler_s);
      break;
    case MAKE_PRIVILEGED:  // clears CONTROL.nPRIV for the Thread mode returned to
      __asm volatile("msr control, %0\n isb" ::"r"(read_control() & ~1u) : "memory");
      break;
    case NO_FP:
      break;
  }
  observe_after_fp(&outer);
}

// Both handlers pass EXC_RETURN and the stack the frame is on to C (the frame is on PSP for the
// outer one, taken from Thread mode on the process stack, and on MSP for the nested one).
__attribute__((naked)) void Interrupt60_Handler(void) {
  __asm volatile(
      "mov r0, lr\n"
      "mrs r1, psp\n"
      "b outer_handler\n");
}
__attribute__((naked)) void SVC_Handler(void) {
  __asm volatile(
      "mov r0, lr\n"
      "mrs r1, psp\n"
      "b outer_handler\n");
}
__attribute__((naked)) void Interrupt61_Handler(void) {
  __asm volatile(
      "mov r0, lr\n"
      "mov r1, sp\n"
      "b inner_handler\n");
}

static void print_words(const char* label, const uint32_t* words, int count) {
  printf("%s:", label);
  for (int i = 0; i < count; ++i) printf(" %08lx", (unsigned long)words[i]);
  printf("\n");
}

static void print_observation(const char* name, const struct observation* o) {
  printf("%s: exc_return=%08lx control=%lx fpccr=%08lx fpcar=%08lx frame+0x20=%08lx\n", name,
         (unsigned long)o->exc_return, (unsigned long)o->control, (unsigned long)o->fpccr,
         (unsigned long)o->fpcar, (unsigned long)(o->frame + 0x20));
  print_words("  fp slots at entry", o->fp_words, FP_WORDS);
  printf("  after: fpccr=%08lx control=%lx handler fpscr/vpr=%08lx\n",
         (unsigned long)o->fpccr_after, (unsigned long)o->control_after,
         (unsigned long)o->handler_fpscr);
  print_words("  fp slots after", o->fp_words_after, FP_WORDS);
}

static void make_state(struct fp_state* st, uint32_t seed) {
  for (int i = 0; i < 16; ++i) st->s[i] = seed + 0x01010101u * (uint32_t)i;
  // N, DN, RMode = round towards plus infinity, LTPSIZE = 4, IOC.
  st->fpscr = 0x82440001u;
  st->vpr = (seed >> 16) ^ 0x0f0fu;  // P0 only: no VPT block is active
}

static int all_fill(const uint32_t* words) {
  for (int i = 0; i < FP_WORDS; ++i) {
    if (words[i] != FILL) return 0;
  }
  return 1;
}

static void check_same_state(const struct fp_state* a, const struct fp_state* b) {
  for (int i = 0; i < 16; ++i) CHECK_EQ(b->s[i], a->s[i]);
  CHECK_EQ(b->fpscr, a->fpscr);
  CHECK_EQ(b->vpr, a->vpr);
}

static void check_slots_hold(const uint32_t* words, const struct fp_state* st) {
  for (int i = 0; i < 16; ++i) CHECK_EQ(words[i], st->s[i]);
  CHECK_EQ(words[16], st->fpscr);
  CHECK_EQ(words[17], st->vpr);
}

static struct observation clean_observation;

static void interrupt_with(enum handler_mode m, const struct fp_state* in, struct fp_state* out) {
  outer = clean_observation;
  inner = clean_observation;
  mode = m;
  fp_interrupt_roundtrip(in, out, IRQ_OUTER);
}

// ---- RTOS-style context switch: PendSV saves R4-R11, EXC_RETURN and (with an FP frame) S16-S31
// on the outgoing thread's stack.
#define THREAD_STACK_WORDS 1024
static uint32_t main_thread_stack[THREAD_STACK_WORDS] __attribute__((aligned(8)));
static uint32_t worker_stack[THREAD_STACK_WORDS] __attribute__((aligned(8)));
uint32_t switch_saved_psp[2];
uint32_t switch_current;

__attribute__((naked)) void PendSV_Handler(void) {
  __asm volatile(
      "mrs r0, psp\n"
      "tst lr, #0x10\n"
      "it eq\n"
      "vstmdbeq r0!, {s16-s31}\n"
      "stmdb r0!, {r4-r11, lr}\n"
      "ldr r1, =switch_current\n"
      "ldr r2, [r1]\n"
      "ldr r3, =switch_saved_psp\n"
      "str r0, [r3, r2, lsl #2]\n"
      "eor r2, r2, #1\n"
      "str r2, [r1]\n"
      "ldr r0, [r3, r2, lsl #2]\n"
      "ldmia r0!, {r4-r11, lr}\n"
      "tst lr, #0x10\n"
      "it eq\n"
      "vldmiaeq r0!, {s16-s31}\n"
      "msr psp, r0\n"
      "bx lr\n");
}

// Loads S0-S31 from in[0..31] and FPSCR from in[32], yields (PendSV) `rounds` times, then stores
// S0-S31 and FPSCR to out[0..32].
void fp_yield_roundtrip(const uint32_t* in, uint32_t* out, uint32_t rounds);
__asm__(
    "  .text\n"
    "  .balign 4\n"
    "  .global fp_yield_roundtrip\n"
    "  .type fp_yield_roundtrip, %function\n"
    "  .thumb_func\n"
    "fp_yield_roundtrip:\n"
    "  push {r4, lr}\n"
    "  vldmia r0!, {s0-s31}\n"
    "  ldr r3, [r0]\n"
    "  vmsr fpscr, r3\n"
    "  ldr r3, =0xE000ED04\n"
    "  mov r4, #0x10000000\n"
    "1:\n"
    "  str r4, [r3]\n"
    "  dsb\n"
    "  isb\n"
    "  subs r2, r2, #1\n"
    "  bne 1b\n"
    "  vstmia r1!, {s0-s31}\n"
    "  vmrs r3, fpscr\n"
    "  str r3, [r1]\n"
    "  pop {r4, pc}\n"
    "  .ltorg\n"
    "  .size fp_yield_roundtrip, . - fp_yield_roundtrip\n");

static uint32_t worker_in[33], worker_out[33];
static volatile int worker_done;

static void worker_thread(void) {
  for (int i = 0; i < 32; ++i) worker_in[i] = 0xC0000000u + 0x00110011u * (uint32_t)i;
  worker_in[32] = 0x41800000u;  // Z, C (bit 29), FZ, RMode = round towards zero
  for (;;) {
    fp_yield_roundtrip(worker_in, worker_out, 3);
    worker_done++;
  }
}

static void context_switch_test(void) {
  // The worker's first context: R4-R11 and EXC_RETURN (Thread, PSP, no FP frame), then a basic
  // exception frame that returns to worker_thread.
  uint32_t* sp = &worker_stack[THREAD_STACK_WORDS - 17];
  for (int i = 0; i < 17; ++i) sp[i] = 0;
  sp[8] = 0xFFFFFFFDu;
  sp[9 + 6] = (uint32_t)worker_thread & ~1u;
  sp[9 + 7] = 1u << 24;
  switch_saved_psp[1] = (uint32_t)sp;
  switch_current = 0;

  uint32_t in[33], out[33];
  for (int i = 0; i < 32; ++i) in[i] = 0x3F000000u + 0x01000001u * (uint32_t)i;
  in[32] = 0x20840000u;  // C, RMode = round towards minus infinity, LTPSIZE = 4
  fp_yield_roundtrip(in, out, 4);
  for (int i = 0; i < 33; ++i) CHECK_EQ(out[i], in[i]);
  CHECK(worker_done >= 1);
  for (int i = 0; i < 33; ++i) CHECK_EQ(worker_out[i], worker_in[i]);
  printf("context switch: main s0=%08lx s16=%08lx s31=%08lx fpscr=%08lx\n", (unsigned long)out[0],
         (unsigned long)out[16], (unsigned long)out[31], (unsigned long)out[32]);
  printf("context switch: worker rounds=%d s0=%08lx s16=%08lx s31=%08lx fpscr=%08lx\n", worker_done,
         (unsigned long)worker_out[0], (unsigned long)worker_out[16], (unsigned long)worker_out[31],
         (unsigned long)worker_out[32]);
}

static void main_thread(void) {
  struct fp_state in, out;

  // 1. Lazy preservation (the reset configuration): the first FP instruction of the handler.
  make_state(&in, 0x40000000u);
  interrupt_with(USE_FP, &in, &out);
  print_observation("lazy, handler uses FP", &outer);
  CHECK_EQ(outer.exc_return, 0xFFFFFFEDu);  // Thread, PSP, extended frame
  CHECK_EQ(outer.control & CONTROL_FPCA, 0);
  CHECK((outer.fpccr & (FPCCR_LSPACT | FPCCR_THREAD | FPCCR_HFRDY)) ==
        (FPCCR_LSPACT | FPCCR_THREAD | FPCCR_HFRDY));
  CHECK_EQ(outer.fpccr & FPCCR_USER, 0);  // the thread is privileged
  CHECK_EQ(outer.fpcar, outer.frame + 0x20);
  CHECK(all_fill(outer.fp_words));  // nothing written at entry
  CHECK_EQ(outer.fpccr_after & FPCCR_LSPACT, 0);
  CHECK_EQ(outer.control_after & CONTROL_FPCA, CONTROL_FPCA);
  check_slots_hold(outer.fp_words_after, &in);
  check_same_state(&in, &out);  // restored from the frame at the return
  CHECK_EQ(FPCCR & FPCCR_LSPACT, 0);

  // 2. A VPR read triggers the preservation too (and sees the new context's VPR, 0); FPDSCR gives
  // the new context's FPSCR.
  FPDSCR = 0x03800000u;  // DN, FZ, RMode = round towards minus infinity
  make_state(&in, 0x50000000u);
  interrupt_with(READ_VPR, &in, &out);
  print_observation("lazy, handler reads VPR", &outer);
  CHECK_EQ(outer.handler_fpscr, 0);  // VPR of the handler's new context
  check_slots_hold(outer.fp_words_after, &in);
  check_same_state(&in, &out);
  interrupt_with(USE_FP, &in, &out);
  printf("FPDSCR=%08lx: handler fpscr=%08lx\n", (unsigned long)FPDSCR,
         (unsigned long)outer.handler_fpscr);
  CHECK_EQ(outer.handler_fpscr & 0x07C00000u, 0x03800000u);
  FPDSCR = 0;

  // 3. A handler without FP instructions: the return clears LSPACT and loads nothing.
  make_state(&in, 0x60000000u);
  interrupt_with(NO_FP, &in, &out);
  print_observation("lazy, handler without FP", &outer);
  CHECK_EQ(outer.fpccr & FPCCR_LSPACT, FPCCR_LSPACT);
  CHECK(all_fill(outer.fp_words_after));  // still not written when the handler returns
  check_same_state(&in, &out);
  CHECK_EQ(FPCCR & FPCCR_LSPACT, 0);

  // 4. The handler reads S0-S3 as its first FP instruction: the preservation happens first.
  make_state(&in, 0x68000000u);
  interrupt_with(READ_REGS, &in, &out);
  print_words("lazy, handler reads s0-s3", outer.handler_s, 4);
  check_slots_hold(outer.fp_words_after, &in);
  check_same_state(&in, &out);

  // 5. Nested: the inner handler's FP instruction preserves the Thread context into the outer
  // frame; the outer handler's return then loads it back.
  NVIC_IPR(IRQ_INNER) = 0x40;
  make_state(&in, 0x70000000u);
  interrupt_with(NESTED, &in, &out);
  print_observation("nested, outer", &outer);
  print_observation("nested, inner", &inner);
  CHECK_EQ(inner.exc_return, 0xFFFFFFF1u);  // Handler mode, MSP, basic frame (outer: FPCA 0)
  CHECK_EQ(inner.fpccr & FPCCR_LSPACT, FPCCR_LSPACT);
  CHECK_EQ(inner.fpcar, outer.frame + 0x20);
  CHECK_EQ(inner.fpccr_after & FPCCR_LSPACT, 0);
  CHECK(all_fill(outer.fp_words));
  check_slots_hold(outer.fp_words_after, &in);
  CHECK_EQ(outer.fpccr_after & FPCCR_LSPACT, 0);
  check_same_state(&in, &out);

  // 6. Nested, the outer handler with an FP context of its own: the inner interrupt reserves slots
  // on MSP (FPCCR now describes the outer handler: Handler mode, BusFault at 0xC0 not ready) and
  // its FP instruction fills them; the outer handler gets its S0 back at the inner return.
  SCB_SHPR(5) = 0xC0;  // BusFault below the outer handler's priority
  make_state(&in, 0x74000000u);
  interrupt_with(NESTED_AFTER_FP, &in, &out);
  print_observation("nested after FP, outer", &outer);
  print_observation("nested after FP, inner", &inner);
  print_words("nested after FP, outer s0-s3 after the inner return", outer.handler_s, 4);
  CHECK_EQ(inner.exc_return, 0xFFFFFFE1u);  // Handler mode, MSP, extended frame
  CHECK_EQ(inner.fpccr & (FPCCR_LSPACT | FPCCR_THREAD), FPCCR_LSPACT);
  CHECK_EQ(inner.fpccr & FPCCR_BFRDY, 0);
  CHECK_EQ(inner.fpcar, inner.frame + 0x20);
  CHECK_EQ(inner.fp_words_after[0], 0x5678);
  CHECK_EQ(outer.handler_s[0], 0x5678);
  check_slots_hold(outer.fp_words_after, &in);
  check_same_state(&in, &out);
  SCB_SHPR(5) = 0;

  // 7. FPCCR.LSPEN = 0: the registers are stacked at entry, FPCAR and LSPACT are left alone.
  FPCCR = FPCCR & ~FPCCR_LSPEN;
  const uint32_t fpcar_before = FPCAR;
  make_state(&in, 0x78000000u);
  interrupt_with(READ_REGS, &in, &out);
  print_observation("eager", &outer);
  print_words("eager, handler reads s0-s3", outer.handler_s, 4);
  CHECK_EQ(outer.fpccr & FPCCR_LSPACT, 0);
  CHECK_EQ(outer.fpcar, fpcar_before);
  check_slots_hold(outer.fp_words, &in);
  check_same_state(&in, &out);
  FPCCR = FPCCR | FPCCR_LSPEN;

  // 8. FP values across a context switch.
  context_switch_test();
  printf("FPCCR=%08lx CONTROL=%lx\n", (unsigned long)FPCCR, (unsigned long)(read_control() & 7u));

  // 9. An unprivileged Thread (CONTROL.nPRIV): FPCCR.USER is set and the preservation is done
  // with unprivileged accesses. SVC, as the PPB (STIR, FPCCR) is out of the thread's reach now;
  // a second SVC makes the thread privileged again before anything is printed (on QEMU the
  // peripheral protection controllers keep unprivileged code from the UART, and semihosting, which
  // the exit uses, is refused to unprivileged code).
  __asm volatile("msr control, %0\n isb" ::"r"(3u) : "memory");
  make_state(&in, 0x7C000000u);
  outer = clean_observation;
  mode = USE_FP;
  fp_svc_roundtrip(&in, &out);
  const uint32_t control_unprivileged = read_control() & 7u;
  const struct observation unprivileged = outer;
  mode = MAKE_PRIVILEGED;
  __asm volatile("svc #0" ::: "memory");
  print_observation("unprivileged, SVC", &unprivileged);
  CHECK_EQ(control_unprivileged, 7u);  // nPRIV, SPSEL, FPCA
  CHECK_EQ(read_control() & 1u, 0);
  CHECK_EQ(unprivileged.fpccr & (FPCCR_USER | FPCCR_LSPACT), FPCCR_USER | FPCCR_LSPACT);
  CHECK_EQ(unprivileged.control, 1u);  // in the handler: nPRIV still set, SPSEL clear
  check_slots_hold(unprivileged.fp_words_after, &in);
  check_same_state(&in, &out);
  exit(test_finish("exc_lazy_fp"));
}

int main(void) {
  printf("reset: FPCCR=%08lx FPCAR=%08lx FPDSCR=%08lx CONTROL=%lx\n", (unsigned long)FPCCR,
         (unsigned long)FPCAR, (unsigned long)FPDSCR, (unsigned long)(read_control() & 7u));
  CHECK_EQ(FPCCR & (FPCCR_ASPEN | FPCCR_LSPEN | FPCCR_LSPACT), FPCCR_ASPEN | FPCCR_LSPEN);
  CHECK_EQ(read_control() & CONTROL_FPCA, 0);
  NVIC_IPR(IRQ_OUTER) = 0x80;
  NVIC_IPR(IRQ_INNER) = 0x40;
  nvic_enable(IRQ_OUTER);
  nvic_enable(IRQ_INNER);
  SCB_SHPR(14) = 0xFF;  // PendSV lowest
  // MemManage, BusFault and UsageFault enabled: FPCCR's MMRDY, BFRDY and UFRDY then say whether
  // each could have preempted the owner of a lazily stacked context.
  SCB_SHCSR |= SHCSR_MEMFAULTENA | SHCSR_BUSFAULTENA | SHCSR_USGFAULTENA;
  start_on_psp((uint32_t)&main_thread_stack[THREAD_STACK_WORDS], main_thread);
}
