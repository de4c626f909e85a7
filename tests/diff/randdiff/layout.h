/* Memory layout shared by the random-instruction differential test's firmware (driver.S, the
 * generated cases.S, randdiff.ld) and its host tool (tests/tools/randgen). Plain #defines so that
 * the assembler, the linker script (through the C preprocessor) and C++ read the same numbers.
 *
 * Corstone-300 / MPS3 AN547 secure aliases: ITCM at 0x1000_0000, DTCM at 0x3000_0000.
 */
#ifndef MINIFVP_RANDDIFF_LAYOUT_H
#define MINIFVP_RANDDIFF_LAYOUT_H

#define RD_ITCM_BASE 0x10000000
#define RD_ITCM_SIZE 0x00080000
#define RD_DTCM_BASE 0x30000000
#define RD_DTCM_SIZE 0x00080000

/* One stub per case at RD_STUB_BASE + case * RD_STUB_STRIDE: the test instructions, then B.W to
 * the driver's test_done. Fixed addresses make PC-relative encodings (ADR, LDR literal) give the
 * same result on every simulator and in-process. */
#define RD_STUB_BASE 0x10010000
#define RD_STUB_STRIDE 32
#define RD_STUB_MAX_BYTES 28 /* test instructions per stub; the last 4 bytes are the B.W */
#define RD_MAX_CASES 4095

/* The case table: RD_CASE_WORDS words per case: r0-r12, lr, APSR, test length in bytes. */
#define RD_CASE_TABLE_BASE 0x10040000
/* The number of cases, one word just below the table (after the last possible stub). */
#define RD_CASE_COUNT_ADDR (RD_CASE_TABLE_BASE - 4)
#define RD_CASE_WORDS 16
#define RD_CASE_LR 13
#define RD_CASE_APSR 14
#define RD_CASE_LENGTH 15
/* The length word's flag bit: the case has floating-point/MVE state (an entry in the FP table). */
#define RD_CASE_FP_FLAG 0x100
#define RD_CASE_LENGTH_MASK 0xff

/* The floating-point/MVE state table, in the FPGA SRAM's secure alias (2 MB on QEMU an547 and on
 * minifvp's Corstone-300): RD_FP_WORDS words per case: S0-S31 (= Q0-Q7), FPSCR, VPR. Entries of
 * cases without the flag are unused (zero). */
#define RD_FP_TABLE_BASE 0x11000000
#define RD_FP_TABLE_SIZE 0x00200000
#define RD_FP_WORDS 34
#define RD_FP_FPSCR 32
#define RD_FP_VPR 33

/* Scratch memory that loads and stores reach; refilled with a pattern before every case and
 * compared against it afterwards, so every word a case changes is reported. */
#define RD_SCRATCH_BASE 0x30010000
#define RD_SCRATCH_SIZE 0x2000
#define RD_PATTERN_START 0x7f4a7c15 /* word i holds RD_PATTERN_START + i * RD_PATTERN_STEP */
#define RD_PATTERN_STEP 0x9e3779b1
/* SP while the test instructions run: inside the scratch, so SP-relative forms are testable. */
#define RD_SP_TEST (RD_SCRATCH_BASE + 0x800)
/* The driver enters a stub with LDR.W PC, [SP, #0xffc]: this word holds the stub address. */
#define RD_JUMP_SLOT (RD_SP_TEST + 0xffc)
/* Base registers of loads and stores are drawn from [RD_BASE_LOW, RD_BASE_HIGH], word aligned:
 * with the largest offsets (imm12 up, imm8 << 2 down, small index registers) every access stays in
 * the scratch. */
#define RD_BASE_LOW (RD_SCRATCH_BASE + 0x400)
#define RD_BASE_HIGH (RD_SCRATCH_BASE + 0x600)
/* After a case the driver moves SP this far down before saving registers, below the scratch. */
#define RD_SAVE_DROP 0x1000

#define RD_DRIVER_STACK (RD_DTCM_BASE + 0x8000)
#define RD_FAULT_STACK (RD_DTCM_BASE + 0x6000)
#define RD_LINE_BUFFER (RD_DTCM_BASE + 0x8000)

#endif
