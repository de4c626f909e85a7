// Exception entry (frame, EXC_RETURN, alignment, stack selection), return, tail-chaining and
// return edge cases.
#include "tests/unit/exception_test_fixture.h"

namespace minifvp::test {
namespace {

using cpu::ExceptionModel;
namespace exc = cpu::exception;

class ExceptionEntryTest : public ExceptionFixture {};

TEST_F(ExceptionEntryTest, SvcStacksABasicFrameAndReturnsAfterTheSvc) {
  place(kMain, {movs(0, 10), kNop, kSvc0, movs(1, 2), kBranchSelf});
  state().r[12] = 0x12121212;
  state().r[14] = 0x0000abcd;
  state().c = true;
  handler(exc::kSvCall, {movs(0, 99), kBxLr});
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall)));
  EXPECT_EQ(state().ipsr, exc::kSvCall);
  EXPECT_EQ(state().r[14], 0xfffffff9u) << "Thread mode, MSP, Secure, no FP frame";
  const uint32_t frame = kStackTop - 0x20;
  EXPECT_EQ(state().r[13], frame);
  EXPECT_EQ(read32(frame + 0), 10u);
  EXPECT_EQ(read32(frame + 16), 0x12121212u);
  EXPECT_EQ(read32(frame + 20), 0x0000abcdu);
  EXPECT_EQ(read32(frame + 24), kMain + 6) << "return address: the instruction after SVC";
  EXPECT_EQ(read32(frame + 28), (1u << 24) | (1u << 29)) << "xPSR: T, C; IPSR 0; no realign";
  EXPECT_TRUE(ex().active(exc::kSvCall));
  EXPECT_FALSE(ex().pending(exc::kSvCall));

  ASSERT_TRUE(run_to(kMain + 8));
  EXPECT_EQ(state().ipsr, 0u);
  EXPECT_EQ(state().r[0], 10u) << "R0 restored from the frame";
  EXPECT_EQ(state().r[1], 2u);
  EXPECT_EQ(state().r[13], kStackTop);
  EXPECT_TRUE(state().c);
  EXPECT_FALSE(ex().active(exc::kSvCall));
}

TEST_F(ExceptionEntryTest, FrameIsEightByteAlignedWithXpsrBit9) {
  state().r[13] = kStackTop - 4;  // 4 mod 8
  place(kMain, {kSvc0, kBranchSelf});
  handler(exc::kSvCall, {kBxLr});
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall)));
  const uint32_t frame = (kStackTop - 4 - 0x20) & ~7u;
  EXPECT_EQ(state().r[13], frame);
  EXPECT_NE(read32(frame + 28) & (1u << 9), 0u);
  ASSERT_TRUE(run_to(kMain + 2));
  EXPECT_EQ(state().r[13], kStackTop - 4) << "the realignment word is given back";
}

TEST_F(ExceptionEntryTest, ThreadOnProcessStackUsesPspFrameAndMspInHandler) {
  state().control = 2;  // SPSEL: r13 is PSP, banked_sp is MSP
  state().r[13] = 0xc000;
  state().banked_sp = kStackTop;
  place(kMain, {kSvc0, kBranchSelf});
  handler(exc::kSvCall, {kBxLr});
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall)));
  EXPECT_EQ(state().r[14], 0xfffffffdu);
  EXPECT_EQ(state().r[13], kStackTop) << "Handler mode runs on MSP";
  EXPECT_EQ(state().banked_sp, 0xc000u - 0x20) << "the frame went on PSP";
  EXPECT_EQ(state().control & 2, 0u);
  ASSERT_TRUE(run_to(kMain + 2));
  EXPECT_EQ(state().control & 2, 2u);
  EXPECT_EQ(state().r[13], 0xc000u);
  EXPECT_EQ(state().banked_sp, kStackTop);
}

TEST_F(ExceptionEntryTest, NestedExceptionReturnsToHandlerMode) {
  // A higher-priority interrupt pended while the SVC handler runs preempts it.
  write_scs(0xd1c, 0x80u << 24);  // SVCall priority 0x80
  write_scs(0x100, 1u << 3);      // enable IRQ 3 (priority 0)
  place(kMain, {kSvc0, kBranchSelf});
  handler(exc::kSvCall, {kNop, kNop, kBxLr});
  handler(exc::kFirstIrq + 3, {kBxLr});
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall)));
  ex().set_pending(exc::kFirstIrq + 3, true);
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 3)));
  EXPECT_EQ(state().r[14], 0xfffffff1u) << "return to Handler mode on MSP";
  EXPECT_EQ(ex().active_count(), 2u);
  EXPECT_EQ(read_scs(0xd04) & (1u << 11), 0u) << "RETTOBASE clear with two active";
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall)));
  EXPECT_EQ(state().ipsr, exc::kSvCall);
  ASSERT_TRUE(run_to(kMain + 2));
  EXPECT_EQ(state().r[13], kStackTop);
}

TEST_F(ExceptionEntryTest, TailChainReusesTheFrame) {
  write_scs(0x100, (1u << 1) | (1u << 2));
  bus_.write(kScs + 0x401, 1, 0x20);  // IRQ 1 priority 0x20
  bus_.write(kScs + 0x402, 1, 0x40);  // IRQ 2 priority 0x40
  place(kMain, {kNop, kBranchSelf});
  handler(exc::kFirstIrq + 1, {kBxLr});
  handler(exc::kFirstIrq + 2, {kBxLr});
  write_scs(0x200, (1u << 1) | (1u << 2));  // both pending
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 1)));
  const uint32_t frame_sp = state().r[13];
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 2)));
  EXPECT_EQ(state().r[13], frame_sp) << "tail-chained: nothing popped or pushed";
  EXPECT_EQ(ex().exceptions_taken(exc::kFirstIrq + 1), 1u) << "counted by exception number";
  EXPECT_EQ(ex().exceptions_taken(exc::kFirstIrq + 2), 1u) << "a tail-chained entry counts";
  EXPECT_EQ(ex().exceptions_taken(exc::kSvCall), 0u);
  EXPECT_EQ(ex().exceptions_taken(ExceptionModel::kNumExceptions), 0u) << "out of range";
  EXPECT_EQ(cpu::exception_name(exc::kFirstIrq + 2), "IRQ2");
  EXPECT_EQ(cpu::exception_name(exc::kSvCall), "SVCall");
  EXPECT_EQ(state().r[14], 0xfffffff9u);
  EXPECT_EQ(ex().exceptions_taken(), 2u);
  ASSERT_TRUE(run_to(kMain));
  EXPECT_EQ(state().r[13], kStackTop);
}

TEST_F(ExceptionEntryTest, InvalidExcReturnTakesInvpcEscalatedToHardFault) {
  place(kMain, {kSvc0, kBranchSelf});
  // SVC handler: MOVS r0,#0 ; SUBS r0,#2 -> 0xFFFFFFFE (bit 0 clear, bit 1 set: reserved) ; BX r0
  handler(exc::kSvCall, {movs(0, 0), 0x3802, 0x4700});
  ASSERT_TRUE(run_to(handler_address(exc::kHardFault)));
  EXPECT_NE(ex().cfsr() & ExceptionModel::kInvpc, 0u);
  EXPECT_NE(ex().hfsr() & ExceptionModel::kHfsrForced, 0u) << "UsageFault is disabled";
  EXPECT_TRUE(ex().active(exc::kSvCall)) << "the failed return leaves SVCall active";
}

TEST_F(ExceptionEntryTest, InvalidExcReturnTakesUsageFaultWhenEnabled) {
  write_scs(0xd24, ExceptionModel::kUsgFaultEna);
  write_scs(0xd1c, 0x80u << 24);  // SVCall below UsageFault's priority 0
  place(kMain, {kSvc0, kBranchSelf});
  // EXC_RETURN 0xFFFFFFF1 (return to Handler mode) with only SVCall active: the frame's IPSR is 0.
  handler(exc::kSvCall, {movs(0, 0x0e), 0x43c0 /* MVNS r0, r0 -> 0xFFFFFFF1 */, 0x4700});
  ASSERT_TRUE(run_to(handler_address(exc::kUsageFault)));
  EXPECT_EQ(ex().cfsr(), ExceptionModel::kInvpc);
  EXPECT_EQ(ex().hfsr(), 0u);
}

TEST_F(ExceptionEntryTest, ExceptionReturnClearsTheExclusiveMonitorAndFaultmask) {
  place(kMain, {kSvc0, kBranchSelf});
  handler(exc::kSvCall, {kBxLr});
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall)));
  state().exclusive_open = true;
  state().faultmask = true;
  ASSERT_TRUE(run_to(kMain + 2));
  EXPECT_FALSE(state().exclusive_open);
  EXPECT_FALSE(state().faultmask);
  EXPECT_TRUE(state().event_register);
}

TEST_F(ExceptionEntryTest, ReturnThroughPopAndLdrToPc) {
  place(kMain, {kSvc0, kSvc0, kBranchSelf});
  // First SVC: PUSH {lr} ; POP {pc}. Second: PUSH {lr} ; LDR pc, [sp], #4.
  handler(exc::kSvCall, {0xb500, 0xbd00});
  ASSERT_TRUE(run_to(kMain + 2));
  EXPECT_EQ(state().ipsr, 0u);
  EXPECT_EQ(state().r[13], kStackTop);
  handler(exc::kSvCall, {0xb500, 0xf85d, 0xfb04});
  core_.flush_decode_cache();
  ASSERT_TRUE(run_to(kMain + 4));
  EXPECT_EQ(state().ipsr, 0u);
  EXPECT_EQ(state().r[13], kStackTop);
  EXPECT_EQ(ex().exceptions_taken(), 2u);
}

TEST_F(ExceptionEntryTest, BranchToExcReturnValueInThreadModeIsAnOrdinaryBranch) {
  // MOVS r0,#6 ; MVNS r0,r0 (0xFFFFFFF9) ; BX r0: in Thread mode this is no exception return, the
  // fetch from 0xFFFFFFF8 is an IBUSERR (escalated: BusFault disabled).
  place(kMain, {movs(0, 6), 0x43c0, 0x4700});
  ASSERT_TRUE(run_to(handler_address(exc::kHardFault)));
  EXPECT_NE(ex().cfsr() & ExceptionModel::kIbuserr, 0u);
  EXPECT_EQ(read32(state().r[13] + 24), 0xfffffff8u) << "stacked PC: the failed fetch";
}

TEST_F(ExceptionEntryTest, FloatingPointContextUsesTheExtendedFrame) {
  // Eager stacking (FPCCR.LSPEN = 0); the lazy default is covered by lazy_fp_test.cpp.
  write_scs(0xf34, read_scs(0xf34) & ~(1u << 30));
  write_scs(0xd88, 0xfu << 20);  // CPACR: FP access, which stacking the registers needs
  state().control = 4;           // FPCA
  state().s[0] = 0x3f800000;
  state().s[15] = 0x40000000;
  state().fpscr = 0x00040000 | (1u << 31);
  place(kMain, {kSvc0, kBranchSelf});
  handler(exc::kSvCall, {kBxLr});
  ASSERT_TRUE(run_to(handler_address(exc::kSvCall)));
  EXPECT_EQ(state().r[14], 0xffffffe9u) << "FType 0: extended frame";
  const uint32_t frame = kStackTop - 0x68;
  EXPECT_EQ(state().r[13], frame);
  EXPECT_EQ(read32(frame + 0x20), 0x3f800000u);
  EXPECT_EQ(read32(frame + 0x5c), 0x40000000u);
  EXPECT_EQ(read32(frame + 0x60), 0x80040000u);
  EXPECT_EQ(state().control & 4, 0u) << "FPCA clears on entry";
  EXPECT_EQ(state().s[0], 0u) << "the stacked registers are cleared";
  ASSERT_TRUE(run_to(kMain + 2));
  EXPECT_EQ(state().s[0], 0x3f800000u);
  EXPECT_EQ(state().control & 4, 4u);
  EXPECT_EQ(state().r[13], kStackTop);
}

}  // namespace
}  // namespace minifvp::test
