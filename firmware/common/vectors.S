/* Cortex-M vector table and reset entry for Corstone-300 firmware.
 * Armv8-M ARM B3.30 "Vector tables": word 0 is the initial main stack pointer, word 1 the reset
 * handler, words 2..15 the system exceptions, then one word per external interrupt. Every handler
 * is a weak alias of Default_Handler, so an application overrides one by defining a function with
 * the standard name (SysTick_Handler, Interrupt56_Handler, ...). */
    .syntax unified
    .thumb

    .equ EXTERNAL_INTERRUPTS, 128  /* Corstone-300 uses IRQs up to 127 (UART5 combined) */

    .macro weak_handler name
    .weak \name
    .thumb_set \name, Default_Handler
    .endm

    .macro external_vector n
    .word Interrupt\n\()_Handler
    weak_handler Interrupt\n\()_Handler
    .endm

    /* The table is 16 + 128 words = 576 bytes; VTOR needs it aligned to the next power of two. */
    .section .vectors, "a", %progbits
    .p2align 10
    .globl __vectors
    .type __vectors, %object
__vectors:
    .word __stack_top
    .word Reset_Handler
    .word NMI_Handler
    .word HardFault_Handler
    .word MemManage_Handler
    .word BusFault_Handler
    .word UsageFault_Handler
    .word SecureFault_Handler
    .word 0
    .word 0
    .word 0
    .word SVC_Handler
    .word DebugMon_Handler
    .word 0
    .word PendSV_Handler
    .word SysTick_Handler
    .altmacro
    .set irq_number, 0
    .rept EXTERNAL_INTERRUPTS
    external_vector %irq_number
    .set irq_number, irq_number + 1
    .endr
    .noaltmacro
    .size __vectors, . - __vectors

    weak_handler NMI_Handler
    weak_handler HardFault_Handler
    weak_handler MemManage_Handler
    weak_handler BusFault_Handler
    weak_handler UsageFault_Handler
    weak_handler SecureFault_Handler
    weak_handler SVC_Handler
    weak_handler DebugMon_Handler
    weak_handler PendSV_Handler
    weak_handler SysTick_Handler

    .text
    /* Reset: the hardware loaded MSP from word 0, but an ELF loader may jump to the entry point
     * directly, so set it again before any C code runs. Then give full access to CP10/CP11 (FP and
     * MVE, CPACR bits [23:20]) before any C code: a hard-float build may use S/D/Q registers in
     * startup_main or in newlib's memcpy/memset, and with CPACR at its reset value of 0 the first
     * such instruction raises a NOCP UsageFault. The DSB/ISB make the new access rights apply to
     * the instructions that follow (Armv8-M ARM: synchronization requirements for System
     * registers). */
    .globl Reset_Handler
    .type Reset_Handler, %function
    .thumb_func
Reset_Handler:
    ldr r0, =__stack_top
    msr msp, r0
    ldr r0, =0xE000ED88          /* SCB->CPACR */
    ldr r1, [r0]
    orr r1, r1, #(0xF << 20)     /* CP10 and CP11: full access */
    str r1, [r0]
    dsb
    isb
    bl startup_main
    b .
    .size Reset_Handler, . - Reset_Handler

    /* Unexpected exception: pass the stacked exception frame (MSP or PSP, EXC_RETURN bit 2) and
     * EXC_RETURN to the C reporter, which prints it and ends the run. */
    .globl Default_Handler
    .type Default_Handler, %function
    .thumb_func
Default_Handler:
    mov r1, lr
    tst r1, #4
    ite eq
    mrseq r0, msp
    mrsne r0, psp
    bl startup_report_unhandled_exception
    b .
    .size Default_Handler, . - Default_Handler
