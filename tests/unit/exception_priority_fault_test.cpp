// NVIC arbitration, PRIGROUP, masks, WFI wake-up, level inputs, SysTick interrupts, fault status
// registers, escalation to HardFault and lockup.
#include "tests/unit/exception_test_fixture.h"

namespace minifvp::test {
namespace {

using cpu::ExceptionModel;
namespace exc = cpu::exception;

constexpr uint32_t kIcsr = 0xd04, kAircr = 0xd0c, kCcr = 0xd14, kShcsr = 0xd24, kCfsr = 0xd28,
                   kHfsr = 0xd2c, kBfar = 0xd38, kIser = 0x100, kIspr = 0x200, kStir = 0xf00;
constexpr uint16_t kLdrR0R1 = 0x6808;    // LDR r0, [r1]
constexpr uint16_t kAddsR5One = 0x3501;  // ADDS r5, #1

class ExceptionPriorityTest : public ExceptionFixture {
 protected:
  void set_irq_priority(unsigned irq, uint8_t priority) {
    bus_.write(kScs + 0x400 + irq, 1, priority);
  }
  void enable_irq(unsigned irq) { write_scs(kIser + 4 * (irq / 32), 1u << (irq % 32)); }
};

TEST_F(ExceptionPriorityTest, ArbitrationPicksLowestPriorityValueThenLowestNumber) {
  enable_irq(3);
  enable_irq(5);
  enable_irq(7);
  set_irq_priority(3, 0x80);
  set_irq_priority(5, 0x40);
  set_irq_priority(7, 0x40);
  state().primask = true;  // keep them pending
  write_scs(kIspr, (1u << 3) | (1u << 5) | (1u << 7));
  EXPECT_EQ(ex().highest_pending(), exc::kFirstIrq + 5);
  EXPECT_EQ((read_scs(kIcsr) >> 12) & 0x1ff, exc::kFirstIrq + 5) << "VECTPENDING";
  EXPECT_NE(read_scs(kIcsr) & (1u << 22), 0u) << "ISRPENDING";
  set_irq_priority(7, 0x20);
  EXPECT_EQ(ex().highest_pending(), exc::kFirstIrq + 7);
}

TEST_F(ExceptionPriorityTest, DisabledInterruptsStayPending) {
  write_scs(kIspr, 1u << 4);
  place(kMain, {kNop, kNop, kBranchSelf});
  ASSERT_TRUE(run_to(kMain + 4));
  EXPECT_TRUE(ex().pending(exc::kFirstIrq + 4));
  EXPECT_EQ(ex().exceptions_taken(), 0u);
  enable_irq(4);
  EXPECT_TRUE(run_to(handler_address(exc::kFirstIrq + 4)));
}

TEST_F(ExceptionPriorityTest, PrigroupDecidesWhetherPriorityBitsPreempt) {
  enable_irq(1);
  enable_irq(2);
  set_irq_priority(1, 0x60);
  set_irq_priority(2, 0x40);
  write_scs(kAircr, 0x05fa0000 | (5u << 8));  // PRIGROUP 5: group priority bits [7:6]
  place(kMain, {kBranchSelf});
  handler(exc::kFirstIrq + 1, {kNop, kNop, kBxLr});
  write_scs(kIspr, 1u << 1);
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 1)));
  write_scs(kIspr, 1u << 2);
  step();
  EXPECT_EQ(state().ipsr, exc::kFirstIrq + 1) << "same group (0x40): no preemption";
  EXPECT_EQ(ex().execution_priority(), 0x40);
  write_scs(kAircr, 0x05fa0000 | (0u << 8));
  boundary();
  EXPECT_EQ(state().ipsr, exc::kFirstIrq + 2) << "PRIGROUP 0: 0x40 preempts 0x60";
}

TEST_F(ExceptionPriorityTest, BasepriMasksEqualAndLowerPriorities) {
  enable_irq(1);
  enable_irq(2);
  set_irq_priority(1, 0x40);
  set_irq_priority(2, 0x20);
  state().basepri = 0x40;
  place(kMain, {kNop, kBranchSelf});
  write_scs(kIspr, 1u << 1);
  boundary();
  EXPECT_EQ(state().ipsr, 0u);
  write_scs(kIspr, 1u << 2);
  boundary();
  EXPECT_EQ(state().ipsr, exc::kFirstIrq + 2);
}

TEST_F(ExceptionPriorityTest, PrimaskDefersUntilCpsie) {
  enable_irq(0);
  place(kMain, {kCpsidI, kNop, kCpsieI, kNop, kBranchSelf});
  ASSERT_TRUE(run_to(kMain + 2));
  write_scs(kIspr, 1u);
  step();  // NOP
  EXPECT_EQ(state().ipsr, 0u);
  step();  // CPSIE i
  boundary();
  EXPECT_EQ(state().ipsr, exc::kFirstIrq);
  EXPECT_EQ(read32(state().r[13] + 24), kMain + 6) << "return address: after CPSIE";
}

TEST_F(ExceptionPriorityTest, WfiWakesForAnInterruptMaskedByPrimaskWithoutTakingIt) {
  enable_irq(9);
  state().primask = true;
  place(kMain, {kWfi, movs(0, 1), kBranchSelf});
  step();
  EXPECT_TRUE(core_.sleeping());
  EXPECT_EQ(boundary(), cpu::StopReason::Sleep);
  ex().set_irq_level(9, true);
  ASSERT_TRUE(run_to(kMain + 4));
  EXPECT_EQ(state().r[0], 1u);
  EXPECT_EQ(ex().exceptions_taken(), 0u);
}

TEST_F(ExceptionPriorityTest, LevelInterruptPendsAgainWhileAsserted) {
  enable_irq(2);
  place(kMain, {kBranchSelf});
  handler(exc::kFirstIrq + 2, {kAddsR5One, kBxLr});
  ex().set_irq_level(2, true);
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 2)));
  EXPECT_FALSE(ex().pending(exc::kFirstIrq + 2));
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 2) + 2));
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 2)));  // taken again: still asserted
  EXPECT_EQ(ex().exceptions_taken(), 2u);
  ex().set_irq_level(2, false);
  ASSERT_TRUE(run_to(kMain));
  EXPECT_EQ(state().ipsr, 0u);
  EXPECT_FALSE(ex().pending(exc::kFirstIrq + 2));
}

TEST_F(ExceptionPriorityTest, StirPendsAndIcsrPendsPendSv) {
  enable_irq(12);
  place(kMain, {kBranchSelf});
  write_scs(kStir, 12);
  EXPECT_TRUE(ex().pending(exc::kFirstIrq + 12));
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 12)));
  write_scs(kIcsr, 1u << 28);  // PENDSVSET
  EXPECT_NE(read_scs(kIcsr) & (1u << 28), 0u);
  EXPECT_EQ(read_scs(kIcsr) & 0x1ff, exc::kFirstIrq + 12) << "VECTACTIVE";
  EXPECT_NE(read_scs(kIcsr) & (1u << 11), 0u) << "RETTOBASE with one active";
}

TEST_F(ExceptionPriorityTest, SysTickInterruptsAtEachWrap) {
  place(kMain, {kBranchSelf});
  handler(exc::kSysTick, {kAddsR5One, kBxLr});
  state().r[5] = 0;
  write_scs(0x014, 999);  // RVR: a period of 1000 cycles
  write_scs(0x018, 0);
  write_scs(0x010, 7);  // ENABLE, TICKINT, CLKSOURCE
  const uint64_t start = scheduler_.now();
  while (scheduler_.now() < start + 10'500) step();
  EXPECT_EQ(state().r[5], 10u);
  EXPECT_NE(read_scs(0x010) & (1u << 16), 0u) << "COUNTFLAG";
  EXPECT_EQ(read_scs(0x010) & (1u << 16), 0u) << "COUNTFLAG clears on read";
}

TEST_F(ExceptionPriorityTest, WfiWakesOnSysTick) {
  place(kMain, {kWfi, movs(0, 1), kBranchSelf});
  handler(exc::kSysTick, {kAddsR5One, kBxLr});
  state().r[5] = 0;
  write_scs(0x014, 5000);
  write_scs(0x010, 7);
  ASSERT_TRUE(run_to(kMain + 4));
  EXPECT_EQ(state().r[5], 1u) << "the SysTick handler ran before the instruction after WFI";
  EXPECT_GE(scheduler_.now(), 5000u);
}

class FaultTest : public ExceptionPriorityTest {};

TEST_F(FaultTest, UndefinedInstructionTakesUsageFaultWithTheFaultingPcStacked) {
  write_scs(kShcsr, ExceptionModel::kUsgFaultEna);
  place(kMain, {kNop, kUdf});
  ASSERT_TRUE(run_to(handler_address(exc::kUsageFault)));
  EXPECT_EQ(read_scs(kCfsr), ExceptionModel::kUndefinstr);
  EXPECT_EQ(read_scs(kHfsr), 0u);
  EXPECT_EQ(read32(state().r[13] + 24), kMain + 2);
  EXPECT_NE(read_scs(kShcsr) & (1u << 3), 0u) << "USGFAULTACT";
  write_scs(kCfsr, ExceptionModel::kUndefinstr);
  EXPECT_EQ(read_scs(kCfsr), 0u) << "write-one-to-clear";
}

TEST_F(FaultTest, DisabledUsageFaultEscalatesToHardFault) {
  place(kMain, {kUdf});
  ASSERT_TRUE(run_to(handler_address(exc::kHardFault)));
  EXPECT_EQ(read_scs(kCfsr), ExceptionModel::kUndefinstr);
  EXPECT_EQ(read_scs(kHfsr), ExceptionModel::kHfsrForced);
}

TEST_F(FaultTest, DivideByZeroTrap) {
  scs_.set_ccr_listener([this](uint32_t ccr) {
    core_.set_divide_by_zero_trap((ccr & cpu::SystemControlSpace::kCcrDiv0Trp) != 0);
  });
  write_scs(kShcsr, ExceptionModel::kUsgFaultEna);
  write_scs(kCcr, read_scs(kCcr) | cpu::SystemControlSpace::kCcrDiv0Trp);
  state().r[2] = 0;
  place(kMain, {0xfb91, 0xf0f2});  // SDIV r0, r1, r2
  ASSERT_TRUE(run_to(handler_address(exc::kUsageFault)));
  EXPECT_EQ(read_scs(kCfsr), ExceptionModel::kDivbyzero);
}

TEST_F(FaultTest, UnalignedTrap) {
  write_scs(kShcsr, ExceptionModel::kUsgFaultEna);
  write_scs(kCcr, read_scs(kCcr) | cpu::SystemControlSpace::kCcrUnalignTrp);
  state().r[1] = 0x8002;
  place(kMain, {kLdrR0R1});
  ASSERT_TRUE(run_to(handler_address(exc::kUsageFault)));
  EXPECT_EQ(read_scs(kCfsr), ExceptionModel::kUnaligned);
}

TEST_F(FaultTest, BusFaultRecordsBfar) {
  write_scs(kShcsr, ExceptionModel::kBusFaultEna);
  state().r[1] = 0x40000000;
  place(kMain, {kLdrR0R1});
  ASSERT_TRUE(run_to(handler_address(exc::kBusFault)));
  EXPECT_EQ(read_scs(kCfsr), ExceptionModel::kPreciserr | ExceptionModel::kBfarvalid);
  EXPECT_EQ(read_scs(kBfar), 0x40000000u);
}

TEST_F(FaultTest, FaultInHardFaultLocksUp) {
  state().r[1] = 0x40000000;
  place(kMain, {kLdrR0R1});
  handler(exc::kHardFault, {kUdf});
  ASSERT_TRUE(run_to(handler_address(exc::kHardFault)));
  EXPECT_EQ(step(), cpu::StopReason::Fault);
  EXPECT_TRUE(ex().locked_up());
  EXPECT_EQ(core_.last_fault().kind, cpu::FaultKind::PreciseDataBusError) << "the first cause";
  EXPECT_EQ(core_.last_fault_pc(), kMain);
  EXPECT_NE(ex().lockup_history().find("UNDEFINSTR"), std::string::npos);
  EXPECT_NE(ex().cfsr() & ExceptionModel::kUndefinstr, 0u);
}

TEST_F(FaultTest, SvcWithFaultmaskLocksUp) {
  place(kMain, {kSvc0, kBranchSelf});
  state().faultmask = true;
  EXPECT_EQ(step(), cpu::StopReason::Fault) << "SVCall and HardFault both masked";
  EXPECT_TRUE(ex().locked_up());
}

TEST_F(FaultTest, VectorReadErrorIsAHardFault) {
  enable_irq(0);
  scs_.set_vtor(0x20000);  // unmapped
  place(kMain, {kBranchSelf});
  write_scs(kIspr, 1u);
  EXPECT_EQ(boundary(), cpu::StopReason::Fault) << "no readable HardFault vector either";
  EXPECT_NE(ex().hfsr() & ExceptionModel::kHfsrVecttbl, 0u);
}

TEST_F(FaultTest, StackingBelowTheStackLimitIsStkof) {
  state().msplim = kStackTop - 0x10;
  place(kMain, {kSvc0, kBranchSelf});
  ASSERT_TRUE(run_to(handler_address(exc::kHardFault)));
  EXPECT_NE(ex().cfsr() & ExceptionModel::kStkof, 0u);
  EXPECT_NE(ex().hfsr() & ExceptionModel::kHfsrForced, 0u);
  EXPECT_GE(state().r[13], kStackTop - 0x10 - 0x20) << "nothing stacked far below the limit";
}

TEST_F(FaultTest, StackingBusErrorIsStkerr) {
  write_scs(kShcsr, ExceptionModel::kBusFaultEna);
  write_scs(0xd1c, 0x80u << 24);  // SVCall below BusFault
  state().r[13] = 0x20010;        // no memory below
  place(kMain, {kSvc0, kBranchSelf});
  step();
  boundary();
  EXPECT_NE(ex().cfsr() & ExceptionModel::kStkerr, 0u);
  EXPECT_EQ(ex().cfsr() & ExceptionModel::kBfarvalid, 0u);
  EXPECT_TRUE(ex().active(exc::kBusFault) || ex().locked_up());
}

TEST_F(ExceptionPriorityTest, SleepOnExitSleepsWhenReturningToThread) {
  enable_irq(1);
  write_scs(0xd10, ExceptionModel::kScrSleepOnExit);
  place(kMain, {kNop, movs(0, 1), kBranchSelf});
  handler(exc::kFirstIrq + 1, {kBxLr});
  write_scs(kIspr, 2u);
  ASSERT_TRUE(run_to(handler_address(exc::kFirstIrq + 1)));
  step();  // BX LR: exception return, then sleep
  boundary();
  EXPECT_TRUE(core_.sleeping());
  EXPECT_EQ(state().ipsr, 0u);
  EXPECT_EQ(state().r[15], kMain);
}

TEST_F(ExceptionPriorityTest, WfeConsumesTheEventRegisterThatSevSets) {
  place(kMain, {0xbf40 /* SEV */, 0xbf20 /* WFE */, 0xbf20 /* WFE */, kBranchSelf});
  state().event_register = false;
  step();
  EXPECT_TRUE(state().event_register);
  step();
  EXPECT_FALSE(core_.sleeping()) << "the first WFE consumed the event";
  EXPECT_FALSE(state().event_register);
  step();
  EXPECT_TRUE(core_.sleeping());
  // SEVONPEND: a newly pending (even disabled) interrupt is an event.
  write_scs(0xd10, ExceptionModel::kScrSevOnPend);
  write_scs(kIspr, 1u << 7);
  EXPECT_EQ(boundary(), cpu::StopReason::Limit);
  EXPECT_FALSE(core_.sleeping());
  EXPECT_EQ(ex().exceptions_taken(), 0u);
}

}  // namespace
}  // namespace minifvp::test
