// MRS/MSR, CPS, BKPT, SVC, UDF, WFI/WFE/SEV, hints and barriers from raw encodings
// (arm-none-eabi-as for armv8.1-m.main; comments are the objdump disassembly, which names APSR
// "CPSR"). Expected values follow the Armv8-M pseudocode of MRS, MSR (register) and CPS.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cpu_test_harness.h"

namespace minifvp::test {
namespace {

cpu::StopReason step(CpuHarness& h) {
  return h.run(1);
}

TEST(ExecSystem, ApsrAndPsrViewsRoundTrip) {
  CpuHarness h;
  h.load({
      0xf381, 0x8800,  // msr APSR_nzcvq, r1
      0xf3ef, 0x8200,  // mrs r2, APSR
      0xf381, 0x8400,  // msr APSR_g, r1
      0xf3ef, 0x8303,  // mrs r3, XPSR
      0xf3ef, 0x8405,  // mrs r4, IPSR
      0xf3ef, 0x8506,  // mrs r5, EPSR
      0xf386, 0x8c00,  // msr APSR_nzcvqg, r6
      0xf3ef, 0x8701,  // mrs r7, IAPSR
  });
  h.state().ipsr = 11;  // as if in the SVCall handler
  h.state().r[1] = 0xf80f0000;
  h.state().r[5] = 0x5555;
  h.state().r[6] = 0x40000000;  // Z only, GE cleared
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.state().r[2], 0xf8000000u);  // GE not written by the nzcvq form
  EXPECT_EQ(h.state().r[3], 0xf80f000bu);  // APSR | IPSR; EPSR (T, IT) reads as zero
  EXPECT_EQ(h.state().r[4], 11u);
  EXPECT_EQ(h.state().r[5], 0u);
  EXPECT_EQ(h.state().r[7], 0x4000000bu);
  EXPECT_TRUE(h.state().z);
  EXPECT_FALSE(h.state().n);
  EXPECT_EQ(h.state().ge, 0u);
  EXPECT_TRUE(h.state().thumb);
}

TEST(ExecSystem, MaskRegistersAndStackLimits) {
  CpuHarness h;
  h.load({
      0xf381, 0x8810,  // msr PRIMASK, r1
      0xf3ef, 0x8210,  // mrs r2, PRIMASK
      0xf381, 0x8811,  // msr BASEPRI, r1
      0xf3ef, 0x8311,  // mrs r3, BASEPRI
      0xf381, 0x8812,  // msr BASEPRI_MAX, r1
      0xf3ef, 0x8412,  // mrs r4, BASEPRI_MAX
      0xf381, 0x8813,  // msr FAULTMASK, r1
      0xf3ef, 0x8513,  // mrs r5, FAULTMASK
      0xf381, 0x880a,  // msr MSPLIM, r1
      0xf3ef, 0x860a,  // mrs r6, MSPLIM
      0xf381, 0x880b,  // msr PSPLIM, r1
      0xf3ef, 0x870b,  // mrs r7, PSPLIM
  });
  h.state().r[1] = 1;
  step(h);
  step(h);
  EXPECT_TRUE(h.state().primask);
  EXPECT_EQ(h.state().r[2], 1u);
  h.state().r[1] = 0x40;
  step(h);
  step(h);
  EXPECT_EQ(h.state().r[3], 0x40u);
  h.state().r[1] = 0x60;  // BASEPRI_MAX only raises the priority (a lower value)
  step(h);
  step(h);
  EXPECT_EQ(h.state().basepri, 0x40u);
  EXPECT_EQ(h.state().r[4], 0x40u);
  h.state().r[1] = 1;
  step(h);
  step(h);
  EXPECT_TRUE(h.state().faultmask);
  EXPECT_EQ(h.state().r[5], 1u);
  h.state().r[1] = 0x20001237;
  step(h);
  step(h);
  EXPECT_EQ(h.state().msplim, 0x20001230u);
  EXPECT_EQ(h.state().r[6], 0x20001230u);
  h.state().r[1] = 0x3000000f;
  step(h);
  step(h);
  EXPECT_EQ(h.state().psplim, 0x30000008u);
  EXPECT_EQ(h.state().r[7], 0x30000008u);
}

TEST(ExecSystem, BasepriMaxRules) {
  struct Case {
    uint8_t basepri;
    uint32_t value;
    uint8_t expected;
  };
  const Case cases[] = {
      {0x40, 0x20, 0x20},   // lower value: written
      {0x40, 0x60, 0x40},   // higher value: ignored
      {0x00, 0x80, 0x80},   // BASEPRI disabled: written
      {0x40, 0x00, 0x40},   // zero: ignored
      {0x40, 0x120, 0x20},  // only bits 7:0 count
  };
  for (const Case& c : cases) {
    CpuHarness h;
    h.load({0xf381, 0x8812 /* msr BASEPRI_MAX, r1 */});
    h.state().basepri = c.basepri;
    h.state().r[1] = c.value;
    step(h);
    EXPECT_EQ(h.state().basepri, c.expected) << std::hex << c.value;
  }
}

TEST(ExecSystem, FaultmaskIsNotSetAtNegativePriority) {
  CpuHarness h;
  h.load({0xf381, 0x8813 /* msr FAULTMASK, r1 */, 0xb671 /* cpsid f */});
  h.state().ipsr = 3;  // HardFault
  h.state().r[1] = 1;
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_FALSE(h.state().faultmask);
}

TEST(ExecSystem, StackPointersAndSpselSwitch) {
  CpuHarness h;
  h.load({
      0xf381, 0x8809,  // msr PSP, r1
      0xf3ef, 0x8209,  // mrs r2, PSP
      0xf381, 0x8814,  // msr CONTROL, r1
      0xf3ef, 0x8314,  // mrs r3, CONTROL
      0xf3ef, 0x8408,  // mrs r4, MSP
      0xf385, 0x8808,  // msr MSP, r5
  });
  h.state().r[13] = 0x8100;  // MSP in use (Thread mode, SPSEL = 0)
  h.state().r[1] = 0x7003;
  step(h);
  step(h);
  EXPECT_EQ(h.state().banked_sp, 0x7000u);  // SP<1:0> are cleared
  EXPECT_EQ(h.state().r[2], 0x7000u);
  h.state().r[1] = 2;  // SPSEL = 1: the process stack becomes the one in use
  step(h);
  EXPECT_EQ(h.state().r[13], 0x7000u);
  EXPECT_EQ(h.state().banked_sp, 0x8100u);
  step(h);
  EXPECT_EQ(h.state().r[3], 2u);
  step(h);
  EXPECT_EQ(h.state().r[4], 0x8100u);
  h.state().r[5] = 0x8200;
  step(h);
  EXPECT_EQ(h.state().banked_sp, 0x8200u);
  EXPECT_EQ(h.state().r[13], 0x7000u);
}

TEST(ExecSystem, SpselIsNotWrittenInHandlerMode) {
  CpuHarness h;
  h.load({0xf381, 0x8814 /* msr CONTROL, r1 */});
  h.state().ipsr = 5;
  h.state().r[13] = 0x8100;
  h.state().r[1] = 3;  // nPRIV and SPSEL
  step(h);
  EXPECT_EQ(h.state().control, 1u);
  EXPECT_EQ(h.state().r[13], 0x8100u);
}

TEST(ExecSystem, UnprivilegedAccessRules) {
  CpuHarness h;
  h.load({
      0xf381, 0x8810,  // msr PRIMASK, r1       (ignored)
      0xf3ef, 0x8210,  // mrs r2, PRIMASK        (reads as zero)
      0xf3ef, 0x8314,  // mrs r3, CONTROL        (readable)
      0xf386, 0x8814,  // msr CONTROL, r6        (ignored: cannot regain privilege)
      0xf3ef, 0x8408,  // mrs r4, MSP            (reads as zero)
      0xf381, 0x8800,  // msr APSR_nzcvq, r1     (allowed)
      0xb672,          // cpsid i                (no effect)
  });
  h.state().control = 1;  // Thread mode, unprivileged
  h.state().r[13] = 0x8100;
  h.state().r[1] = 0x80000001;
  h.state().r[2] = 0x77;
  h.state().r[4] = 0x77;
  h.state().r[6] = 0;
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_FALSE(h.state().primask);
  EXPECT_EQ(h.state().r[2], 0u);
  EXPECT_EQ(h.state().r[3], 1u);
  EXPECT_EQ(h.state().control, 1u);
  EXPECT_EQ(h.state().r[4], 0u);
  EXPECT_TRUE(h.state().n);
}

TEST(ExecSystem, ChangeProcessorState) {
  CpuHarness h;
  h.load({0xb672 /* cpsid i */, 0xb662 /* cpsie i */, 0xb671 /* cpsid f */, 0xb661 /* cpsie f */,
          0xb673 /* cpsid if */});
  step(h);
  EXPECT_TRUE(h.state().primask);
  step(h);
  EXPECT_FALSE(h.state().primask);
  step(h);
  EXPECT_TRUE(h.state().faultmask);
  step(h);
  EXPECT_FALSE(h.state().faultmask);
  step(h);
  EXPECT_TRUE(h.state().primask);
  EXPECT_TRUE(h.state().faultmask);
}

class RecordingHost : public cpu::CoreHost {
 public:
  bool on_breakpoint(cpu::Core&, uint8_t imm) override {
    seen.push_back(imm);
    return imm == 0xab;  // semihosting claims BKPT 0xAB only
  }
  std::vector<uint8_t> seen;
};

TEST(ExecSystem, BreakpointReachesTheHost) {
  CpuHarness h;
  RecordingHost host;
  h.core().set_host(&host);
  h.load({0xbeab /* bkpt 0xab */, 0xbe03 /* bkpt 0x03 */, 0xbf00});
  EXPECT_EQ(h.run(), cpu::StopReason::Breakpoint);
  EXPECT_EQ(host.seen, (std::vector<uint8_t>{0xab, 0x03}));
}

TEST(ExecSystem, SupervisorCallStopsWithAReport) {
  CpuHarness h;
  h.load({0xbf00, 0xdf09 /* svc 9 */, 0xbf00});
  EXPECT_EQ(h.run(), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::SupervisorCall);
  EXPECT_EQ(h.core().last_fault_pc(), 0x1002u);
  EXPECT_NE(h.core().last_fault().detail.find("SVC #9"), std::string::npos);
}

TEST(ExecSystem, PermanentlyUndefinedEncodings) {
  for (const auto& code : {std::initializer_list<uint16_t>{0xde07},             // udf #7
                           std::initializer_list<uint16_t>{0xf7f1, 0xa234}}) {  // udf.w #0x1234
    CpuHarness h;
    h.load(code);
    EXPECT_EQ(h.run(), cpu::StopReason::Fault);
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
    const std::string& detail = h.core().last_fault().detail;
    EXPECT_TRUE(detail == "UDF #7" || detail == "UDF #4660") << detail;
  }
}

TEST(ExecSystem, WaitForInterruptSleepsAfterTheInstruction) {
  for (const auto& code : {std::initializer_list<uint16_t>{0xbf30, 0xbf00},             // wfi
                           std::initializer_list<uint16_t>{0xf3af, 0x8003, 0xbf00}}) {  // wfi.w
    CpuHarness h;
    h.load(code);
    EXPECT_EQ(h.run(), cpu::StopReason::Sleep);
    EXPECT_TRUE(h.core().sleeping());
    EXPECT_EQ(h.state().r[15], 0x1000u + (code.size() == 2 ? 2u : 4u));
    h.core().wake();
    EXPECT_EQ(h.run(), cpu::StopReason::Limit);
  }
}

TEST(ExecSystem, WaitForEventUsesTheEventRegister) {
  {
    CpuHarness h;
    h.load({0xbf20 /* wfe */, 0xbf00});
    EXPECT_EQ(h.run(), cpu::StopReason::Sleep);
  }
  {
    CpuHarness h;
    h.load({0xbf40 /* sev */, 0xbf20 /* wfe */, 0xbf00});
    EXPECT_EQ(h.run(), cpu::StopReason::Limit);  // the event set by SEV is consumed
    EXPECT_FALSE(h.state().event_register);
  }
  {
    CpuHarness h;
    h.load({0xf3af, 0x8004 /* sev.w */, 0xf3af, 0x8002 /* wfe.w */, 0xbf20 /* wfe */});
    EXPECT_EQ(h.run(), cpu::StopReason::Sleep);  // the second WFE finds no event
    EXPECT_EQ(h.state().r[15], 0x100au);
  }
}

TEST(ExecSystem, HintsAndBarriersHaveNoEffect) {
  CpuHarness h;
  h.load({
      0xbf10,          // yield
      0xf3af, 0x8000,  // nop.w
      0xf3bf, 0x8f4f,  // dsb sy
      0xf3bf, 0x8f5b,  // dmb ish
      0xf3bf, 0x8f6f,  // isb sy
      0xf3af, 0x8014,  // csdb
      0xf3af, 0x80f5,  // dbg #5
      0xf3af, 0x8001,  // yield.w
      0xf3af, 0x8005,  // a reserved 32-bit hint (SEVL in A-profile)
      0xbf50,          // a reserved 16-bit hint
  });
  for (unsigned r = 0; r < 13; ++r) h.state().r[r] = 0x100 * r;
  h.state().exclusive_open = true;
  const cpu::CpuState before = h.state();
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  cpu::CpuState after = h.state();
  after.r[15] = before.r[15];
  EXPECT_EQ(after, before);
}

TEST(ExecSystem, SecurityExtensionEncodingsAreUndefinedForNow) {
  for (const auto& code : {std::initializer_list<uint16_t>{0xe842, 0xf100},  // tt r1, r2
                           std::initializer_list<uint16_t>{0xe97f, 0xe97f},  // sg
                           std::initializer_list<uint16_t>{0x4774}}) {       // bxns lr
    CpuHarness h;
    h.load(code);
    EXPECT_EQ(h.run(), cpu::StopReason::Fault);
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
  }
}

}  // namespace
}  // namespace minifvp::test
