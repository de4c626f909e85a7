// Lazy floating-point context preservation (Armv8-M ARM, "Lazy Floating-point context
// preservation"; PushStack(), UpdateFPCCR(), ExecuteFPCheck(), PreserveFPState(), PopStack()):
// FPCCR/FPCAR/FPDSCR, exception entry with the extended frame (lazy and eager), the first FP
// instruction of a handler, exception return with LSPACT set and clear, nested exceptions and the
// faults of the preservation itself (MLSPERR, LSPERR, NOCP, SPLIMVIOL).
#include "cpu/exec/mve_common.h"
#include "tests/unit/exception_test_fixture.h"

namespace minifvp::test {
namespace {

using cpu::ExceptionModel;
namespace exc = cpu::exception;

// Register offsets in the SCS and field positions, from the Armv8-M ARM register descriptions.
constexpr uint32_t kFpccr = 0xf34, kFpcar = 0xf38, kFpdscr = 0xf3c, kCpacr = 0xd88, kShcsr = 0xd24,
                   kShpr1 = 0xd18, kIser0 = 0x100, kIpr0 = 0x400, kMpuCtrl = 0xd94, kMpuRnr = 0xd98,
                   kMpuRbar = 0xd9c, kMpuRlar = 0xda0;
constexpr uint32_t kLspact = 1u << 0, kUser = 1u << 1, kS = 1u << 2, kThread = 1u << 3,
                   kHfrdy = 1u << 4, kMmrdy = 1u << 5, kBfrdy = 1u << 6, kMonrdy = 1u << 8,
                   kSplimviol = 1u << 9, kUfrdy = 1u << 10, kLspen = 1u << 30, kAspen = 1u << 31;
constexpr uint32_t kControlNpriv = 1, kControlSpsel = 2, kControlFpca = 4;
constexpr uint32_t kMlsperr = 1u << 5, kLsperr = 1u << 13, kNocp = 1u << 19;
constexpr uint32_t kHfsrForced = 1u << 30;
constexpr uint32_t kFill = 0xa5a5a5a5;
// Thumb encodings.
constexpr uint16_t kVmovS0R0[] = {0xee00, 0x0a10};     // vmov s0, r0
constexpr uint16_t kVmrsR0Fpscr[] = {0xeef1, 0x0a10};  // vmrs r0, fpscr
constexpr uint16_t kVmrsR1Vpr[] = {0xeefc, 0x1a10};    // vmrs r1, vpr

class LazyFpTest : public ExceptionFixture {
 protected:
  // An extended frame pushed from kStackTop (8-byte aligned): 0x68 bytes, FP slots at +0x20.
  static constexpr uint32_t kFrame = kStackTop - 0x68;
  static constexpr uint32_t kSlots = kFrame + 0x20;

  LazyFpTest() {
    write_scs(kCpacr, 0xfu << 20);  // CP10/CP11 full access
    for (unsigned i = 0; i < 16; ++i) state().s[i] = 0x40000000u + 0x01010101u * i;
    state().s[16] = 0x11111111;  // not part of the frame
    state().fpscr = 0x82440001;  // N, DN, RMode 01, LTPSIZE 4, IOC
    state().vpr = 0x0000beef;
    state().control = kControlFpca;
    for (uint32_t a = kStackTop - 0x100; a < kStackTop; a += 4) bus_.write(a, 4, kFill);
  }

  uint32_t fpccr() { return read_scs(kFpccr); }
  uint32_t fpcar() { return read_scs(kFpcar); }
  // The thread's S0-S15, FPSCR and VPR as the fixture set them.
  uint32_t thread_word(unsigned i) const {
    if (i < 16) return 0x40000000u + 0x01010101u * i;
    return i == 16 ? 0x82440001u : 0x0000beefu;
  }
  void expect_slots_hold_thread_context(uint32_t slots) {
    for (unsigned i = 0; i < 18; ++i) EXPECT_EQ(read32(slots + 4 * i), thread_word(i)) << i;
  }
  void expect_slots_untouched(uint32_t slots) {
    for (unsigned i = 0; i < 18; ++i) EXPECT_EQ(read32(slots + 4 * i), kFill) << i;
  }
  void expect_thread_registers() {
    for (unsigned i = 0; i < 16; ++i) EXPECT_EQ(state().s[i], thread_word(i)) << i;
    EXPECT_EQ(state().fpscr, thread_word(16));
    EXPECT_EQ(state().vpr, thread_word(17));
  }
  // Places one 32-bit instruction.
  void place32(uint32_t addr, const uint16_t (&insn)[2]) { place(addr, {insn[0], insn[1]}); }
};

TEST_F(LazyFpTest, ResetValuesAndAccessMasks) {
  scs_.reset();
  EXPECT_EQ(fpccr(), kAspen | kLspen | kS) << "lazy preservation on by default";
  EXPECT_EQ(fpcar(), 0u);
  EXPECT_EQ(read_scs(kFpdscr), 4u << 16) << "LTPSIZE 4";
  write_scs(kFpccr, 0xffffffff);
  EXPECT_EQ(fpccr(), kAspen | kLspen | kUfrdy | kSplimviol | kMonrdy | kBfrdy | kMmrdy | kHfrdy |
                         kThread | kS | kUser | kLspact)
      << "SFRDY, TS, CLRONRET(S), LSPENS (Security Extension) are RAZ/WI";
  write_scs(kFpcar, 0xffffffff);
  EXPECT_EQ(fpcar(), 0xfffffff8u);
  write_scs(kFpdscr, 0xffffffff);
  EXPECT_EQ(read_scs(kFpdscr), 0x07c00000u | (1u << 19) | (4u << 16))
      << "AHP, DN, FZ, RMode, FZ16 writable; LTPSIZE reads 4";
  write_scs(kFpdscr, 0);
  EXPECT_EQ(read_scs(kFpdscr), 4u << 16);
}

TEST_F(LazyFpTest, EntryReservesTheSlotsAndRecordsTheOwner) {
  place(kMain, {kSvc0, kBranchSelf});
  handler(exc::kSvCall, {kBxLr});
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall)));
  EXPECT_EQ(state().r[14], 0xffffffe9u) << "Thread, MSP, extended frame";
  EXPECT_EQ(state().r[13], kFrame);
  EXPECT_EQ(state().control & kControlFpca, 0u);
  EXPECT_EQ(fpcar(), kSlots);
  EXPECT_EQ(fpccr(), kAspen | kLspen | kS | kLspact | kThread | kHfrdy)
      << "privileged Thread mode; no configurable fault enabled, so only HardFault is ready";
  expect_slots_untouched(kSlots);
  expect_thread_registers();
  EXPECT_EQ(read32(kFrame + 24), kMain + 2) << "the basic part is stacked as usual";
}

TEST_F(LazyFpTest, ReadyBitsFollowEnablesPrioritiesAndPrivilege) {
  // Unprivileged Thread at BASEPRI 0x80: MemManage (0x00) can preempt it, UsageFault (0x80) and
  // BusFault (0xc0) cannot; the interrupt (0x40) is taken.
  write_scs(kShcsr, (1u << 16) | (1u << 17) | (1u << 18));
  write_scs(kShpr1, 0x00u | (0xc0u << 8) | (0x80u << 16));  // MemManage, BusFault, UsageFault
  write_scs(kIser0, 1u << 3);
  write_scs(kIpr0, 0x40u << 24);
  state().basepri = 0x80;
  state().control = kControlFpca | kControlNpriv;
  place(kMain, {kNop, kBranchSelf});
  handler(exc::kFirstIrq + 3, {kBxLr});
  ex().set_pending(exc::kFirstIrq + 3, true);
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 3)));
  EXPECT_EQ(fpccr(), kAspen | kLspen | kS | kLspact | kThread | kUser | kHfrdy | kMmrdy);
}

TEST_F(LazyFpTest, FirstFpInstructionOfTheHandlerPreservesTheContext) {
  place(kMain, {kSvc0, kBranchSelf});
  const uint32_t h = handler_address(exc::kSvCall) + 2;  // after MOVS R0, #99
  place(h - 2, {movs(0, 99)});
  place32(h, kVmovS0R0);
  place32(h + 4, kVmrsR0Fpscr);
  place(h + 8, {kBxLr});
  ASSERT_TRUE(run_to(h));
  expect_slots_untouched(kSlots);
  ASSERT_TRUE(run_to(h + 4));
  expect_slots_hold_thread_context(kSlots);
  EXPECT_EQ(fpccr() & kLspact, 0u);
  EXPECT_EQ(fpccr() & ~kLspact, kAspen | kLspen | kS | kThread | kHfrdy) << "the rest is kept";
  EXPECT_EQ(state().s[0], 99u) << "then the instruction itself";
  EXPECT_EQ(state().control & kControlFpca, kControlFpca) << "a new context for the handler";
  EXPECT_EQ(state().vpr, 0u) << "the new context's VPR";
  ASSERT_TRUE(run_to(h + 8));
  EXPECT_EQ(state().r[0], 4u << 16) << "the new context's FPSCR is FPDSCR";

  ASSERT_TRUE(run_to(kMain + 2));
  expect_thread_registers();
  EXPECT_EQ(state().control & kControlFpca, kControlFpca);
  EXPECT_EQ(state().r[13], kStackTop);
  EXPECT_EQ(state().s[16], 0x11111111u);
}

TEST_F(LazyFpTest, ReturnWithLspactSetLoadsNothing) {
  place(kMain, {kSvc0, kBranchSelf});
  handler(exc::kSvCall, {kNop, kBxLr});
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall) + 2));
  bus_.write(kSlots, 4, 0xdead0000);  // a frame slot that a load would bring back
  ASSERT_TRUE(run_to(kMain + 2));
  EXPECT_EQ(fpccr() & kLspact, 0u);
  expect_thread_registers();
  EXPECT_EQ(state().control & kControlFpca, kControlFpca);
  EXPECT_EQ(state().r[13], kStackTop) << "the whole extended frame is given back";
}

TEST_F(LazyFpTest, ReturnWithLspactClearLoadsTheSlots) {
  place(kMain, {kSvc0, kBranchSelf});
  const uint32_t h = handler_address(exc::kSvCall);
  place32(h, kVmovS0R0);
  place(h + 4, {kBxLr});
  ASSERT_TRUE(run_to(h + 4));
  bus_.write(kSlots, 4, 0x1234abcd);
  bus_.write(kSlots + 0x44, 4, 0x00000f0f);  // VPR slot
  ASSERT_TRUE(run_to(kMain + 2));
  EXPECT_EQ(state().s[0], 0x1234abcdu);
  EXPECT_EQ(state().s[15], thread_word(15));
  EXPECT_EQ(state().vpr, 0x00000f0fu);
}

TEST_F(LazyFpTest, TailChainedHandlerPreservesIntoTheThreadFrame) {
  // IRQ 3 and IRQ 4 pending together: IRQ 4 (no FP) runs first, IRQ 3 is tail-chained onto the
  // same frame, LSPACT still set, and its FP instruction stores the Thread context.
  write_scs(kIser0, (1u << 3) | (1u << 4));
  write_scs(kIpr0, 0x80u << 24);
  write_scs(kIpr0 + 4, 0x40u);
  place(kMain, {kNop, kBranchSelf});
  handler(exc::kFirstIrq + 4, {kBxLr});
  const uint32_t h = handler_address(exc::kFirstIrq + 3);
  place32(h, kVmovS0R0);
  place(h + 4, {kBxLr});
  ex().set_pending(exc::kFirstIrq + 3, true);
  ex().set_pending(exc::kFirstIrq + 4, true);
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 4)));
  ASSERT_TRUE(run_to(h));
  EXPECT_EQ(state().r[14], 0xffffffe9u) << "the Thread's EXC_RETURN, reused by the tail-chain";
  EXPECT_EQ(fpccr() & kLspact, kLspact);
  expect_slots_untouched(kSlots);
  ASSERT_TRUE(run_to(h + 4));
  expect_slots_hold_thread_context(kSlots);
  ASSERT_TRUE(run_to(kMain + 2));
  expect_thread_registers();
}

TEST_F(LazyFpTest, ReturnToAContextWithoutFpAccessTakesNocp) {
  // The handler preserves the Thread context, then CPACR is cleared: the FP part of the frame
  // cannot be loaded, so the return takes a NOCP UsageFault (escalated to HardFault) instead.
  place(kMain, {kSvc0, kBranchSelf});
  const uint32_t h = handler_address(exc::kSvCall) + 2;
  place(h - 2, {movs(0, 0)});
  place32(h, kVmovS0R0);
  place(h + 4, {kBxLr});
  ASSERT_TRUE(run_to(h + 4));
  write_scs(kCpacr, 0);
  ASSERT_TRUE(run_to(handler_address(exc::kHardFault)));
  EXPECT_EQ(ex().cfsr() & kNocp, kNocp);
  EXPECT_TRUE(ex().active(exc::kSvCall)) << "the return did not happen";
  EXPECT_EQ(state().s[0], 0u) << "no FP register was loaded";
}

TEST_F(LazyFpTest, EagerStackingWritesTheSlotsAndClearsTheRegisters) {
  write_scs(kFpccr, fpccr() & ~kLspen);
  write_scs(kFpcar, 0x8000);
  place(kMain, {kSvc0, kBranchSelf});
  handler(exc::kSvCall, {kBxLr});
  const uint64_t start = scheduler_.now();
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall)));
  const uint64_t eager_entry = scheduler_.now() - start;
  expect_slots_hold_thread_context(kSlots);
  for (unsigned i = 0; i < 16; ++i) EXPECT_EQ(state().s[i], 0u) << i;
  EXPECT_EQ(state().fpscr, 0u);
  EXPECT_EQ(state().vpr, 0u);
  EXPECT_EQ(state().s[16], 0x11111111u) << "S16-S31 are not part of the frame";
  EXPECT_EQ(fpccr() & kLspact, 0u);
  EXPECT_EQ(fpcar(), 0x8000u) << "FPCAR is left alone";
  ASSERT_TRUE(run_to(kMain + 2));
  expect_thread_registers();

  // The same entry with lazy preservation is cheaper: the 18 words are not written.
  write_scs(kFpccr, fpccr() | kLspen);
  state().r[15] = kMain;
  const uint64_t lazy_start = scheduler_.now();
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall)));
  EXPECT_LT(scheduler_.now() - lazy_start, eager_entry);
}

TEST_F(LazyFpTest, EagerStackingNeedsFpAccess) {
  write_scs(kFpccr, fpccr() & ~kLspen);
  write_scs(kCpacr, 0);
  place(kMain, {kSvc0, kBranchSelf});
  ASSERT_TRUE(run_to(handler_address(exc::kHardFault)));
  EXPECT_NE(ex().cfsr() & kNocp, 0u);
  expect_slots_untouched(kSlots);
  expect_thread_registers();
}

TEST_F(LazyFpTest, NestedHandlerPreservesIntoTheThreadFrame) {
  // IRQ 3 (0x80) uses no FP; IRQ 4 (0x40) preempts it and does.
  write_scs(kIser0, (1u << 3) | (1u << 4));
  write_scs(kIpr0, 0x80u << 24);
  write_scs(kIpr0 + 4, 0x40u);
  place(kMain, {kNop, kBranchSelf});
  handler(exc::kFirstIrq + 3, {kNop, kNop, kBxLr});
  const uint32_t inner = handler_address(exc::kFirstIrq + 4);
  place32(inner, kVmovS0R0);
  place(inner + 4, {kBxLr});
  ex().set_pending(exc::kFirstIrq + 3, true);
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 3) + 2));
  ex().set_pending(exc::kFirstIrq + 4, true);
  ASSERT_TRUE(run_to(inner));
  EXPECT_EQ(state().r[14], 0xfffffff1u) << "the outer handler had no FP context: basic frame";
  EXPECT_EQ(fpccr() & kLspact, kLspact);
  EXPECT_EQ(fpcar(), kSlots) << "still the Thread frame's slots";
  ASSERT_TRUE(run_to(inner + 4));
  expect_slots_hold_thread_context(kSlots);
  EXPECT_EQ(fpccr() & kLspact, 0u);
  ASSERT_TRUE(run_to(kMain + 2));
  expect_thread_registers();
}

TEST_F(LazyFpTest, HandlerContextPreemptedIsPreservedIntoTheHandlerFrame) {
  // The outer handler creates its own FP context; the inner exception then reserves slots for it
  // on MSP, with FPCCR describing Handler mode.
  write_scs(kIser0, (1u << 3) | (1u << 4));
  write_scs(kIpr0, 0x80u << 24);
  write_scs(kIpr0 + 4, 0x40u);
  state().control = 0;  // the Thread has no FP context
  place(kMain, {kNop, kBranchSelf});
  const uint32_t outer = handler_address(exc::kFirstIrq + 3);
  place(outer, {movs(0, 7)});
  place32(outer + 2, kVmovS0R0);
  place(outer + 6, {kNop, kBxLr});
  const uint32_t inner = handler_address(exc::kFirstIrq + 4);
  place(inner, {movs(0, 9)});
  place32(inner + 2, kVmovS0R0);
  place(inner + 6, {kBxLr});
  ex().set_pending(exc::kFirstIrq + 3, true);
  ASSERT_TRUE(run_to(outer + 6));
  const uint32_t outer_sp = state().r[13];
  ex().set_pending(exc::kFirstIrq + 4, true);
  ASSERT_TRUE(run_to(inner));
  EXPECT_EQ(state().r[14], 0xffffffe1u) << "Handler mode, MSP, extended frame";
  EXPECT_EQ(fpcar(), outer_sp - 0x68 + 0x20);
  EXPECT_EQ(fpccr() & (kLspact | kThread | kHfrdy), kLspact | kHfrdy);
  ASSERT_TRUE(run_to(inner + 6));
  EXPECT_EQ(read32(outer_sp - 0x68 + 0x20), 7u) << "the outer handler's S0";
  EXPECT_EQ(state().s[0], 9u);
  ASSERT_TRUE(run_to(outer + 8));
  EXPECT_EQ(state().s[0], 7u) << "restored for the outer handler";
}

TEST_F(LazyFpTest, MpuFaultDuringPreservationPendsMemManageWithMlsperr) {
  // MemManage enabled (so MMRDY at entry); the slots from 0xefc0 on are read-only. The SVC
  // handler (priority 0) cannot be preempted by MemManage (0): the fault stays pending, the FP
  // instruction completes and LSPACT is cleared; MemManage follows the SVC return.
  write_scs(kShcsr, 1u << 16);
  write_scs(kMpuRnr, 0);
  write_scs(kMpuRbar, 0xefc0u | (3u << 1));  // AP: read-only at any privilege
  write_scs(kMpuRlar, 0xefe0u | 1u);         // limit 0xefff, enabled
  write_scs(kMpuCtrl, 1u | (1u << 2));       // ENABLE, PRIVDEFENA
  place(kMain, {kSvc0, kBranchSelf});
  const uint32_t h = handler_address(exc::kSvCall) + 2;
  place(h - 2, {movs(0, 5)});
  place32(h, kVmovS0R0);
  place(h + 4, {kBxLr});
  ASSERT_TRUE(run_to(h));
  EXPECT_EQ(fpccr() & kMmrdy, kMmrdy);
  ASSERT_TRUE(run_to(h + 4));
  EXPECT_EQ(ex().cfsr() & (kMlsperr | ExceptionModel::kMmarvalid), kMlsperr);
  EXPECT_TRUE(ex().pending(exc::kMemManage));
  EXPECT_EQ(fpccr() & kLspact, 0u);
  EXPECT_EQ(state().s[0], 5u);
  EXPECT_EQ(read32(kSlots), thread_word(0)) << "written before the refused granule";
  EXPECT_EQ(read32(kSlots + 4), thread_word(1));
  EXPECT_EQ(read32(0xefc0), kFill);
  ASSERT_TRUE(run_to(handler_address(exc::kMemManage)));
}

TEST_F(LazyFpTest, MpuFaultThatCanPreemptIsTakenBeforeTheFpInstruction) {
  write_scs(kShcsr, 1u << 16);
  write_scs(kIser0, 1u << 3);
  write_scs(kIpr0, 0x80u << 24);
  write_scs(kMpuRnr, 0);
  write_scs(kMpuRbar, 0xefc0u | (3u << 1));
  write_scs(kMpuRlar, 0xefe0u | 1u);
  write_scs(kMpuCtrl, 1u | (1u << 2));
  place(kMain, {kNop, kBranchSelf});
  const uint32_t h = handler_address(exc::kFirstIrq + 3);
  place32(h, kVmovS0R0);
  place(h + 4, {kBxLr});
  ex().set_pending(exc::kFirstIrq + 3, true);
  ASSERT_TRUE(run_to(h));
  ASSERT_TRUE(run_to(handler_address(exc::kMemManage)));
  EXPECT_EQ(ex().cfsr() & kMlsperr, kMlsperr);
  EXPECT_EQ(fpccr() & kLspact, kLspact) << "preservation not done: it runs again later";
  EXPECT_EQ(state().s[0], thread_word(0)) << "the FP instruction did not execute";
  EXPECT_EQ(read32(state().r[13] + 24), h) << "stacked PC: the FP instruction";
  EXPECT_EQ(state().r[14], 0xfffffff1u) << "the IRQ handler had no FP context";
}

TEST_F(LazyFpTest, BusErrorDuringPreservationSetsLsperrAndEscalates) {
  // The owner recorded in FPCCR could not take BusFault (BFRDY clear): HardFault, FORCED.
  write_scs(kFpccr, kAspen | kLspen | kS | kLspact | kThread | kHfrdy);
  write_scs(kFpcar, 0x20000000);  // nothing is mapped there
  place32(kMain, kVmovS0R0);
  place(kMain + 4, {kBranchSelf});
  ASSERT_TRUE(run_to(handler_address(exc::kHardFault)));
  EXPECT_EQ(ex().cfsr() & kLsperr, kLsperr);
  EXPECT_EQ(ex().hfsr() & kHfsrForced, kHfsrForced);
  EXPECT_EQ(read32(state().r[13] + 24), kMain) << "stacked PC: the FP instruction";
  // The HardFault entry itself reserved slots for the Thread context again.
  EXPECT_EQ(fpcar(), state().r[13] + 0x20);
  EXPECT_EQ(fpccr() & kLspact, kLspact);
}

TEST_F(LazyFpTest, OwnerWithoutFpAccessGivesNocp) {
  // CPACR: privileged access only; the interrupted Thread is unprivileged (FPCCR.USER).
  write_scs(kCpacr, 0x5u << 20);
  state().control = kControlFpca | kControlNpriv;
  place(kMain, {kSvc0, kBranchSelf});
  const uint32_t h = handler_address(exc::kSvCall);
  place32(h, kVmovS0R0);
  place(h + 4, {kBxLr});
  ASSERT_TRUE(run_to(h));
  EXPECT_EQ(fpccr() & (kUser | kUfrdy), kUser);
  ASSERT_TRUE(run_to(handler_address(exc::kHardFault)));
  EXPECT_EQ(ex().cfsr() & kNocp, kNocp);
  EXPECT_EQ(ex().hfsr() & kHfsrForced, kHfsrForced) << "UsageFault was not ready: escalated";
  expect_slots_untouched(kSlots);
  EXPECT_EQ(read32(state().r[13] + 24), h);
}

TEST_F(LazyFpTest, SlotsBelowTheStackLimitAreNeverWritten) {
  // Thread on PSP with PSPLIM above the FP slots: STKOF at entry (escalated to HardFault) and
  // FPCCR.SPLIMVIOL; the HardFault handler's FP instruction then writes nothing.
  constexpr uint32_t kPsp = 0xc000;
  state().control = kControlFpca | kControlSpsel;
  state().r[13] = kPsp;
  state().banked_sp = kStackTop;
  state().psplim = kPsp - 0x40;
  for (uint32_t a = kPsp - 0x80; a < kPsp; a += 4) bus_.write(a, 4, kFill);
  place(kMain, {kSvc0, kBranchSelf});
  const uint32_t hf = handler_address(exc::kHardFault);
  place32(hf, kVmovS0R0);
  place(hf + 4, {kBranchSelf});
  ASSERT_TRUE(run_to(hf));
  EXPECT_EQ(fpccr() & (kSplimviol | kLspact), kSplimviol | kLspact);
  EXPECT_EQ(fpcar(), kPsp - 0x68 + 0x20);
  EXPECT_EQ(state().banked_sp, kPsp - 0x40) << "PSP stopped at the limit";
  ASSERT_TRUE(run_to(hf + 4));
  EXPECT_EQ(fpccr() & kLspact, 0u);
  expect_slots_untouched(kPsp - 0x68 + 0x20);
}

TEST_F(LazyFpTest, NewContextTakesFpdscrAndClearsVpr) {
  state().control = 0;
  write_scs(kFpdscr, (1u << 25) | (1u << 24) | (2u << 22));  // DN, FZ, RMode 10
  write_scs(kFpccr, fpccr() & ~kS);  // ownership is taken back by the next FP instruction
  place32(kMain, kVmrsR0Fpscr);
  place32(kMain + 4, kVmrsR1Vpr);
  place(kMain + 8, {kBranchSelf});
  ASSERT_TRUE(run_to(kMain + 8));
  EXPECT_EQ(state().r[0], (1u << 25) | (1u << 24) | (2u << 22) | (4u << 16));
  EXPECT_EQ(state().r[1], 0u);
  EXPECT_EQ(state().control & kControlFpca, kControlFpca);
  EXPECT_EQ(fpccr() & kS, kS);
}

TEST_F(LazyFpTest, WithoutAspenNoContextIsCreatedAndFramesStayBasic) {
  write_scs(kFpccr, kLspen);
  state().control = 0;
  place32(kMain, kVmovS0R0);
  place(kMain + 4, {kSvc0, kBranchSelf});
  handler(exc::kSvCall, {kBxLr});
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall)));
  EXPECT_EQ(state().r[14], 0xfffffff9u) << "CONTROL.FPCA stayed clear: basic frame";
  EXPECT_EQ(fpccr() & kLspact, 0u);
}

TEST_F(LazyFpTest, MveBeatWiseInstructionsPreserveThroughExecuteFpCheck) {
  // Every beat-wise MVE execute function starts with begin_beatwise(), i.e. ExecuteFPCheck().
  write_scs(kFpccr, kAspen | kLspen | kS | kLspact | kThread | kHfrdy);
  write_scs(kFpcar, 0x8000);
  const uint16_t mask = cpu::exec::mve::begin_beatwise(core_);
  EXPECT_EQ(mask, 0xffffu);
  expect_slots_hold_thread_context(0x8000);
  EXPECT_EQ(fpccr() & kLspact, 0u);
}

}  // namespace
}  // namespace minifvp::test
