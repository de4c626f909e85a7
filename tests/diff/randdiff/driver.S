/* Driver of the random-instruction differential test (scripts/randdiff.py).
 *
 * For every case of the generated case table (cases.S): refill the scratch memory with its
 * pattern, load S0-S31, FPSCR and VPR from the floating-point table when the case has the
 * RD_CASE_FP_FLAG, load r0-r12, LR, APSR (NZCVQ and GE) and SP from the case table, jump into the
 * case's stub, and when the stub branches back to test_done, save every register without using one
 * (SP is moved below the scratch, then PUSH), and print one line through semihosting SYS_WRITE0:
 *
 *   C<case> <r0> ... <r12> <lr> <sp> <apsr>[ fp <s0> ... <s31> <fpscr> <vpr>][ <address>=<word> ...]
 *
 * all in 8-digit lower-case hex, the "fp" part only for cases with the flag, followed by every
 * scratch word that no longer holds its pattern value (at most RD_MAX_REPORTED_WORDS of them, then
 * " +"). A case that faults prints
 *
 *   C<case> FAULT <CFSR>
 *
 * and the run continues with the next case. The host tool (tests/tools/randgen) produces the same
 * lines for the same ELF by running the stubs on minifvp's core in-process.
 *
 * Everything here must run on an Armv8.1-M Mainline core with the DSP, floating-point and MVE
 * extensions; it uses no instruction the test cases could leave in a bad state (flags are reloaded
 * per case). The reset code gives CP10/CP11 full access (CPACR) and clears FPCCR.ASPEN and LSPEN:
 * no floating-point instruction then reloads FPSCR from FPDSCR or sets CONTROL.FPCA, and a fault
 * stacks a basic frame, which the fault handler below relies on.
 */
#include "layout.h"

#define RD_MAX_REPORTED_WORDS 40
#define SEMIHOSTING_SYS_WRITE0 0x04
#define SEMIHOSTING_SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define SCB_CFSR 0xe000ed28
#define SCB_HFSR 0xe000ed2c
#define SCB_CPACR 0xe000ed88
#define SCB_FPCCR 0xe000ef34
#define CPACR_CP10_CP11_FULL (0xf << 20)

    .syntax unified
    .arch armv8.1-m.main
    .arch_extension dsp
    .arch_extension mve.fp
    .arch_extension fp.dp
    .thumb

    .section .vectors, "a"
    .global vector_table
vector_table:
    .word RD_DRIVER_STACK
    .word reset_handler
    .word fault_handler /* NMI */
    .word fault_handler /* HardFault */
    .word fault_handler /* MemManage */
    .word fault_handler /* BusFault */
    .word fault_handler /* UsageFault */
    .word fault_handler /* SecureFault */
    .rept 8
    .word fault_handler
    .endr

    .bss
    .balign 4
current_case:
    .space 4
saved_exc_return:
    .space 4
fp_save:
    .space RD_FP_WORDS * 4

    .section .rodata
header_text:
    .asciz "RANDDIFF begin\n"
footer_text:
    .asciz "RANDDIFF end\n"
fault_text:
    .asciz " FAULT "

    .text
    .thumb_func
    .global reset_handler
reset_handler:
    ldr sp, =RD_DRIVER_STACK
    ldr r0, =SCB_CPACR
    ldr r1, [r0]
    orr r1, r1, #CPACR_CP10_CP11_FULL
    str r1, [r0]
    ldr r0, =SCB_FPCCR
    movs r1, #0
    str r1, [r0]
    dsb
    isb
    ldr r1, =current_case
    movs r0, #0
    str r0, [r1]
    ldr r0, =header_text
    bl write0

    .thumb_func
run_case:
    ldr sp, =RD_DRIVER_STACK
    ldr r1, =current_case
    ldr r4, [r1]
    ldr r0, =case_count
    ldr r0, [r0]
    cmp r4, r0
    bhs all_done
    bl fill_scratch
    /* r5 = this case's table entry; the jump slot gets the stub address (Thumb bit set). */
    ldr r5, =RD_CASE_TABLE_BASE
    add r5, r5, r4, lsl #6
    ldr r0, [r5, #RD_CASE_LENGTH * 4]
    tst r0, #RD_CASE_FP_FLAG
    beq 1f
    /* VPR first: a VPT block state left by an earlier case must not cover the loads. */
    movs r0, #0
    vmsr vpr, r0
    ldr r6, =RD_FP_TABLE_BASE
    movs r0, #RD_FP_WORDS * 4
    mla r6, r4, r0, r6
    vldmia r6, {s0-s31}
    ldr r0, [r6, #RD_FP_FPSCR * 4]
    vmsr fpscr, r0
    ldr r0, [r6, #RD_FP_VPR * 4]
    vmsr vpr, r0
1:  ldr r6, =RD_STUB_BASE + 1
    add r6, r6, r4, lsl #5
    ldr r7, =RD_JUMP_SLOT
    str r6, [r7]
    ldr r0, [r5, #RD_CASE_APSR * 4]
    msr APSR_nzcvqg, r0
    ldr lr, [r5, #RD_CASE_LR * 4]
    ldr sp, =RD_SP_TEST
    ldm r5, {r0-r12}
    ldr.w pc, [sp, #RD_JUMP_SLOT - RD_SP_TEST]

    /* Every stub ends with B.W test_done. Nothing here may change a register or the flags before
     * they are saved: SUB (SP minus immediate) without S leaves the flags, PUSH leaves them. */
    .thumb_func
    .global test_done
test_done:
    sub.w sp, sp, #RD_SAVE_DROP
    push {r0-r12, lr}
    mrs r0, apsr
    push {r0}
    mov r0, sp
    ldr sp, =RD_DRIVER_STACK
    bl report_registers
    b next_case

    .thumb_func
next_case:
    ldr r1, =current_case
    ldr r0, [r1]
    adds r0, r0, #1
    str r0, [r1]
    b run_case

all_done:
    ldr r0, =footer_text
    bl write0
    movs r0, #SEMIHOSTING_SYS_EXIT
    ldr r1, =ADP_STOPPED_APPLICATION_EXIT
    bkpt 0xab
1:  b 1b

/* fill_scratch(): word i of the scratch = RD_PATTERN_START + i * RD_PATTERN_STEP. */
    .thumb_func
fill_scratch:
    ldr r0, =RD_SCRATCH_BASE
    ldr r1, =RD_SCRATCH_BASE + RD_SCRATCH_SIZE
    ldr r2, =RD_PATTERN_START
    ldr r3, =RD_PATTERN_STEP
1:  str r2, [r0], #4
    add r2, r2, r3
    cmp r0, r1
    blo 1b
    bx lr

/* report_registers(r0 = frame): the frame holds APSR, r0-r12, LR (what test_done pushed). */
    .thumb_func
report_registers:
    push {r4-r11, lr}
    mov r4, r0
    bl begin_line           /* r0 = write pointer */
    mov r5, #1              /* words 1..14: r0-r12, lr */
1:  ldr r1, [r4, r5, lsl #2]
    bl put_space_hex
    adds r5, r5, #1
    cmp r5, #15
    blo 1b
    add r1, r4, #RD_SAVE_DROP            /* SP at the end of the test instructions */
    add r1, r1, #15 * 4
    bl put_space_hex
    ldr r1, [r4]                          /* APSR */
    bl put_space_hex
    bl put_fp_state
    bl put_scratch_changes
    bl end_line
    pop {r4-r11, pc}

/* put_fp_state(r0 = write pointer) -> r0: " fp <s0> ... <s31> <fpscr> <vpr>" when the current
 * case has the RD_CASE_FP_FLAG, else nothing. Must run before any floating-point instruction. */
    .thumb_func
put_fp_state:
    push {r4, r5, r6, lr}
    ldr r1, =current_case
    ldr r1, [r1]
    ldr r2, =RD_CASE_TABLE_BASE
    add r2, r2, r1, lsl #6
    ldr r2, [r2, #RD_CASE_LENGTH * 4]
    tst r2, #RD_CASE_FP_FLAG
    beq 2f
    ldr r4, =fp_save
    vstmia r4, {s0-s31}
    vmrs r1, fpscr
    str r1, [r4, #RD_FP_FPSCR * 4]
    vmrs r1, vpr
    str r1, [r4, #RD_FP_VPR * 4]
    movs r1, #' '
    strb r1, [r0], #1
    movs r1, #'f'
    strb r1, [r0], #1
    movs r1, #'p'
    strb r1, [r0], #1
    movs r5, #0
1:  ldr r1, [r4, r5, lsl #2]
    bl put_space_hex
    adds r5, r5, #1
    cmp r5, #RD_FP_WORDS
    blo 1b
2:  pop {r4, r5, r6, pc}

/* begin_line() -> r0: starts "C<case>" in the line buffer. */
    .thumb_func
begin_line:
    push {lr}
    ldr r0, =RD_LINE_BUFFER
    movs r1, #'C'
    strb r1, [r0], #1
    ldr r1, =current_case
    ldr r1, [r1]
    bl put_hex
    pop {pc}

/* end_line(r0 = write pointer): appends "\n", writes the buffer. */
    .thumb_func
end_line:
    movs r1, #'\n'
    strb r1, [r0], #1
    movs r1, #0
    strb r1, [r0]
    ldr r0, =RD_LINE_BUFFER
    b write0

/* put_scratch_changes(r0 = write pointer) -> r0: " <address>=<word>" for every scratch word that
 * differs from what the driver put there (the pattern, or the stub address in the jump slot). */
    .thumb_func
put_scratch_changes:
    push {r4-r9, lr}
    ldr r4, =RD_SCRATCH_BASE
    ldr r5, =RD_SCRATCH_BASE + RD_SCRATCH_SIZE
    ldr r6, =RD_PATTERN_START
    movs r7, #RD_MAX_REPORTED_WORDS
    ldr r8, =RD_JUMP_SLOT
    ldr r9, =current_case
    ldr r9, [r9]
    ldr r1, =RD_STUB_BASE + 1
    add r9, r1, r9, lsl #5
1:  ldr r1, [r4]
    cmp r4, r8
    ite eq
    moveq r2, r9
    movne r2, r6
    cmp r1, r2
    beq 2f
    cbz r7, 3f
    subs r7, r7, #1
    mov r1, r4
    bl put_space_hex
    movs r1, #'='
    strb r1, [r0], #1
    ldr r1, [r4]
    bl put_hex
2:  ldr r1, =RD_PATTERN_STEP
    add r6, r6, r1
    adds r4, r4, #4
    cmp r4, r5
    blo 1b
    pop {r4-r9, pc}
3:  movs r1, #' '
    strb r1, [r0], #1
    movs r1, #'+'
    strb r1, [r0], #1
    pop {r4-r9, pc}

/* put_space_hex(r0 = write pointer, r1 = value) -> r0. */
    .thumb_func
put_space_hex:
    movs r2, #' '
    strb r2, [r0], #1
    /* fall through */
/* put_hex(r0 = write pointer, r1 = value) -> r0: 8 lower-case hex digits. */
    .thumb_func
put_hex:
    movs r3, #28
1:  lsr r2, r1, r3
    and r2, r2, #15
    cmp r2, #10
    ite lo
    addlo r2, r2, #'0'
    addhs r2, r2, #'a' - 10
    strb r2, [r0], #1
    subs r3, r3, #4
    bpl 1b
    bx lr

/* write0(r0 = NUL-terminated string): semihosting SYS_WRITE0. */
    .thumb_func
write0:
    mov r1, r0
    movs r0, #SEMIHOSTING_SYS_WRITE0
    bkpt 0xab
    bx lr

/* Any fault: report "C<case> FAULT <CFSR>", clear the fault status, and return to Thread mode at
 * next_case with a fresh frame on the fault stack. */
    .thumb_func
fault_handler:
    ldr r0, =saved_exc_return
    str lr, [r0]
    ldr sp, =RD_FAULT_STACK
    ldr r2, =SCB_CFSR
    ldr r4, [r2]
    str r4, [r2]
    ldr r2, =SCB_HFSR
    ldr r3, [r2]
    str r3, [r2]
    bl begin_line
    ldr r1, =fault_text
1:  ldrb r2, [r1], #1
    cbz r2, 2f
    strb r2, [r0], #1
    b 1b
2:  mov r1, r4
    bl put_hex
    bl end_line
    ldr sp, =RD_FAULT_STACK - 32
    ldr r0, =next_case
    bic r0, r0, #1
    str r0, [sp, #24]
    mov r0, #0x01000000
    str r0, [sp, #28]
    ldr r0, =saved_exc_return
    ldr lr, [r0]
    bx lr

    .ltorg
