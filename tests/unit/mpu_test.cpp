// The PMSAv8 MPU decision (cpu/system/mpu.h) and its enforcement by the core through the SCS
// registers.
#include "cpu/system/mpu.h"

#include <gtest/gtest.h>

#include "cpu/core.h"
#include "cpu/system/system_control_space.h"
#include "cpu_test_harness.h"
#include "sim/bus.h"

namespace minifvp::test {
namespace {

using cpu::MpuAccess;
using cpu::MpuConfig;
using cpu::MpuVerdict;

constexpr uint32_t kApPrivRw = 0, kApAnyRw = 1, kApPrivRo = 2, kApAnyRo = 3;

uint32_t rbar(uint32_t base, uint32_t ap, bool xn = false) {
  return (base & ~31u) | (ap << 1) | (xn ? 1u : 0u);
}
uint32_t rlar(uint32_t limit, bool pxn = false) {
  return (limit & ~31u) | (pxn ? 1u << 4 : 0u) | 1u;
}

MpuVerdict check(const MpuConfig& c, uint32_t addr, MpuAccess access, bool privileged,
                 bool negative_priority = false) {
  return cpu::mpu_check(c, addr, access, privileged, negative_priority);
}

MpuConfig enabled_config(uint32_t extra_ctrl = 0) {
  MpuConfig c;
  c.ctrl = MpuConfig::kCtrlEnable | extra_ctrl;
  return c;
}

TEST(MpuCheck, DisabledMpuUsesTheDefaultMap) {
  MpuConfig c;  // ENABLE clear, no regions
  EXPECT_EQ(check(c, 0x21000000, MpuAccess::Write, false), MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0x00000100, MpuAccess::Execute, false), MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0x60000000, MpuAccess::Execute, true), MpuVerdict::Permitted);
  // The default map's execute-never ranges apply even with the MPU off.
  EXPECT_EQ(check(c, 0x40000000, MpuAccess::Execute, true), MpuVerdict::ExecuteNever);
  EXPECT_EQ(check(c, 0xa0000000, MpuAccess::Execute, true), MpuVerdict::ExecuteNever);
  EXPECT_EQ(check(c, 0xe0001000, MpuAccess::Execute, true), MpuVerdict::ExecuteNever);
  EXPECT_EQ(check(c, 0x9fffffff, MpuAccess::Execute, true), MpuVerdict::Permitted);
}

TEST(MpuCheck, RegionBoundsAreInclusiveOf32ByteGranules) {
  MpuConfig c = enabled_config();
  c.regions[0] = {rbar(0x20000040, kApAnyRw), rlar(0x2000007f)};
  EXPECT_EQ(check(c, 0x2000003f, MpuAccess::Read, false), MpuVerdict::NoRegion);
  EXPECT_EQ(check(c, 0x20000040, MpuAccess::Read, false), MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0x2000007f, MpuAccess::Read, false), MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0x20000080, MpuAccess::Read, false), MpuVerdict::NoRegion);
  // A disabled region (RLAR.EN clear) matches nothing.
  c.regions[0].rlar &= ~1u;
  EXPECT_EQ(check(c, 0x20000040, MpuAccess::Read, false), MpuVerdict::NoRegion);
}

TEST(MpuCheck, AccessPermissionsByPrivilege) {
  MpuConfig c = enabled_config();
  c.regions[0] = {rbar(0x1000, kApPrivRw), rlar(0x1fff)};
  c.regions[1] = {rbar(0x2000, kApAnyRw), rlar(0x2fff)};
  c.regions[2] = {rbar(0x3000, kApPrivRo), rlar(0x3fff)};
  c.regions[3] = {rbar(0x4000, kApAnyRo), rlar(0x4fff)};
  struct Case {
    uint32_t addr;
    bool priv_read, priv_write, user_read, user_write;
  };
  const Case cases[] = {{0x1000, true, true, false, false},
                        {0x2000, true, true, true, true},
                        {0x3000, true, false, false, false},
                        {0x4000, true, false, true, false}};
  auto verdict = [](bool ok) { return ok ? MpuVerdict::Permitted : MpuVerdict::AccessPermission; };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.addr);
    EXPECT_EQ(check(c, k.addr, MpuAccess::Read, true), verdict(k.priv_read));
    EXPECT_EQ(check(c, k.addr, MpuAccess::Write, true), verdict(k.priv_write));
    EXPECT_EQ(check(c, k.addr, MpuAccess::Read, false), verdict(k.user_read));
    EXPECT_EQ(check(c, k.addr, MpuAccess::Write, false), verdict(k.user_write));
    // Execution needs read access.
    EXPECT_EQ(check(c, k.addr, MpuAccess::Execute, false), verdict(k.user_read));
  }
}

TEST(MpuCheck, ExecuteNeverAndPrivilegedExecuteNever) {
  MpuConfig c = enabled_config();
  c.regions[0] = {rbar(0x10000, kApAnyRw, /*xn=*/true), rlar(0x1ffff)};
  c.regions[1] = {rbar(0x20000, kApAnyRw), rlar(0x2ffff, /*pxn=*/true)};
  c.regions[2] = {rbar(0xf0000000, kApAnyRw), rlar(0xf00fffff)};
  EXPECT_EQ(check(c, 0x10000, MpuAccess::Execute, true), MpuVerdict::ExecuteNever);
  EXPECT_EQ(check(c, 0x10000, MpuAccess::Read, true), MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0x20000, MpuAccess::Execute, true), MpuVerdict::ExecuteNever);
  EXPECT_EQ(check(c, 0x20000, MpuAccess::Execute, false), MpuVerdict::Permitted);
  // The System range (0xE0000000 up) is execute-never whatever the region says.
  EXPECT_EQ(check(c, 0xf0000000, MpuAccess::Execute, true), MpuVerdict::ExecuteNever);
  EXPECT_EQ(check(c, 0xf0000000, MpuAccess::Write, false), MpuVerdict::Permitted);
}

TEST(MpuCheck, BackgroundRegionOnlyForPrivilegedWithPrivdefena) {
  MpuConfig c = enabled_config();
  EXPECT_EQ(check(c, 0x21000000, MpuAccess::Read, true), MpuVerdict::NoRegion);
  c.ctrl |= MpuConfig::kCtrlPrivdefena;
  EXPECT_EQ(check(c, 0x21000000, MpuAccess::Read, true), MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0x21000000, MpuAccess::Write, true), MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0x21000000, MpuAccess::Read, false), MpuVerdict::NoRegion);
  // The background region keeps the default map's execute-never ranges.
  EXPECT_EQ(check(c, 0x48000000, MpuAccess::Execute, true), MpuVerdict::ExecuteNever);
  EXPECT_EQ(check(c, 0x00000400, MpuAccess::Execute, true), MpuVerdict::Permitted);
}

// The PPB is outside the MPU's control (an unprivileged access is the PPB's BusFault instead).
TEST(MpuCheck, PpbAlwaysUsesTheDefaultMap) {
  MpuConfig c = enabled_config();  // no regions, no background region
  EXPECT_EQ(check(c, 0xe000ed28, MpuAccess::Read, true), MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0xe00fffff, MpuAccess::Write, true), MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0xe000ed28, MpuAccess::Read, false), MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0xe000ed28, MpuAccess::Execute, true), MpuVerdict::ExecuteNever);
  EXPECT_EQ(check(c, 0xe0100000, MpuAccess::Read, true), MpuVerdict::NoRegion);  // past the PPB
}

TEST(MpuCheck, NegativePriorityBypassesTheMpuUnlessHfnmiena) {
  MpuConfig c = enabled_config();
  EXPECT_EQ(check(c, 0x21000000, MpuAccess::Write, true, /*negative_priority=*/true),
            MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0x21000000, MpuAccess::Write, true, false), MpuVerdict::NoRegion);
  c.ctrl |= MpuConfig::kCtrlHfnmiena;
  EXPECT_EQ(check(c, 0x21000000, MpuAccess::Write, true, true), MpuVerdict::NoRegion);
}

TEST(MpuCheck, OverlappingRegionsFault) {
  MpuConfig c = enabled_config(MpuConfig::kCtrlPrivdefena);
  c.regions[0] = {rbar(0x1000, kApAnyRw), rlar(0x1fff)};
  c.regions[5] = {rbar(0x1800, kApAnyRw), rlar(0x27ff)};
  EXPECT_EQ(check(c, 0x1000, MpuAccess::Read, true), MpuVerdict::Permitted);
  EXPECT_EQ(check(c, 0x1800, MpuAccess::Read, true), MpuVerdict::Overlap);
  EXPECT_EQ(check(c, 0x1fff, MpuAccess::Read, false), MpuVerdict::Overlap);
  EXPECT_EQ(check(c, 0x2000, MpuAccess::Read, false), MpuVerdict::Permitted);
}

TEST(MpuCheck, RegionsBeyondDregionAreIgnored) {
  MpuConfig c = enabled_config();
  c.region_count = 8;
  c.regions[8] = {rbar(0x1000, kApAnyRw), rlar(0x1fff)};
  EXPECT_EQ(check(c, 0x1000, MpuAccess::Read, true), MpuVerdict::NoRegion);
}

// ---- Enforcement by the core, configured through the SCS registers ----

struct MpuCoreFixture : ::testing::Test {
  static constexpr uint32_t kScs = 0xe000e000;
  Bus bus;
  uint64_t clock = 0;
  cpu::Core core{bus, clock};
  cpu::SystemControlSpace scs{core, cpu::CoreModel::CortexM55};

  MpuCoreFixture() { bus.add_ram("ram", 0, 0x10000); }
  void wr(uint32_t offset, uint32_t value) {
    ASSERT_EQ(scs.write(offset, 4, value), AccessStatus::Ok);
  }
  cpu::GuestFault expect_fault(auto access) {
    try {
      access();
    } catch (const cpu::GuestFault& fault) {
      return fault;
    }
    ADD_FAILURE() << "no fault";
    return {};
  }
};

TEST_F(MpuCoreFixture, RegistersProgramTheCheckedConfiguration) {
  EXPECT_FALSE(core.mpu_enabled());
  wr(0xd98, 2);                        // RNR
  wr(0xd9c, rbar(0x8000, kApAnyRo));   // RBAR (region 2)
  wr(0xda0, rlar(0x8fff));             // RLAR
  wr(0xda4, rbar(0x0000, kApPrivRw));  // RBAR_A1: region 1 (RNR[7:2]:01)
  wr(0xda8, rlar(0x7fff));             // RLAR_A1
  wr(0xd94, MpuConfig::kCtrlEnable);
  EXPECT_TRUE(core.mpu_enabled());
  EXPECT_EQ(scs.protection().mpu().regions[1].rbar, rbar(0, kApPrivRw));

  core.state().control = 0;  // privileged Thread mode
  core.write_memory(0x100, 4, 0x1234, cpu::Alignment::Any);
  EXPECT_EQ(core.read_memory(0x8000, 4, cpu::Alignment::Any), 0u);
  cpu::GuestFault fault =
      expect_fault([&] { core.write_memory(0x8004, 4, 1, cpu::Alignment::Any); });
  EXPECT_EQ(fault.kind, cpu::FaultKind::MemManageData);
  EXPECT_TRUE(fault.address_valid);
  EXPECT_EQ(fault.address, 0x8004u);
  // Unprivileged (LDRT-style) access to the privileged-only region.
  fault = expect_fault([&] { core.read_memory(0x100, 4, cpu::Alignment::Any, true); });
  EXPECT_EQ(fault.address, 0x100u);
  // Thread mode with CONTROL.nPRIV: the same for ordinary accesses.
  core.state().control = 1;
  fault = expect_fault([&] { core.read_memory(0x200, 4, cpu::Alignment::Any); });
  EXPECT_EQ(fault.kind, cpu::FaultKind::MemManageData);
  EXPECT_EQ(core.read_memory(0x8000, 4, cpu::Alignment::Any), 0u);
  // An unaligned access straddling into a refused granule faults at that granule.
  core.state().control = 0;
  fault = expect_fault([&] { core.read_memory(0x8ffe, 4, cpu::Alignment::Any); });
  EXPECT_EQ(fault.address, 0x9000u);
  // Disabling the MPU removes the checks.
  wr(0xd94, 0);
  EXPECT_FALSE(core.mpu_enabled());
  core.write_memory(0x8004, 4, 1, cpu::Alignment::Any);
}

// The PPB refuses unprivileged accesses with a precise BusFault, MPU or not.
TEST_F(MpuCoreFixture, UnprivilegedPpbAccessIsABusFault) {
  bus.add_device(scs, kScs, 0x1000);
  EXPECT_EQ(core.read_memory(0xe000ed90, 4, cpu::Alignment::Any), 16u << 8);  // privileged
  core.state().control = 1;
  cpu::GuestFault fault =
      expect_fault([&] { core.read_memory(0xe000ed28, 4, cpu::Alignment::Any); });
  EXPECT_EQ(fault.kind, cpu::FaultKind::PreciseDataBusError);
  EXPECT_EQ(fault.address, 0xe000ed28u);
  core.state().control = 0;
  fault = expect_fault([&] { core.write_memory(0xe000e100, 4, 1, cpu::Alignment::Any, true); });
  EXPECT_EQ(fault.kind, cpu::FaultKind::PreciseDataBusError);  // STRT
}

// Instruction fetches are checked on every execution, also of an instruction already decoded: a
// privilege change or an MPU reconfiguration applies to the next fetch.
TEST(MpuFetch, DecodedInstructionsAreRecheckedAfterPrivilegeAndConfigurationChanges) {
  CpuHarness h;
  MpuConfig config = enabled_config();
  config.regions[0] = {rbar(0x0000, kApPrivRw), rlar(0xffff)};  // privileged-only, executable
  h.core().set_mpu(&config);
  h.load({0x2001 /* movs r0, #1 */, 0x2102 /* movs r1, #2 */});
  h.state().control = 0;
  EXPECT_EQ(h.run(), cpu::StopReason::Limit);  // decoded and executed privileged
  EXPECT_EQ(h.state().r[1], 2u);

  h.state().control = 1;  // unprivileged Thread mode: the same decoded instruction is refused
  h.state().r[15] = CpuHarness::kCodeBase;
  EXPECT_EQ(h.run(), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::MemManageInstruction);
  EXPECT_EQ(h.core().last_fault_pc(), CpuHarness::kCodeBase);

  h.state().control = 0;
  config.regions[0].rbar |= 1;  // XN
  h.core().set_mpu(&config);
  h.state().r[15] = CpuHarness::kCodeBase;
  EXPECT_EQ(h.run(), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::MemManageInstruction);

  config.ctrl = 0;  // MPU off: no checks
  h.core().set_mpu(&config);
  h.state().r[15] = CpuHarness::kCodeBase;
  EXPECT_EQ(h.run(), cpu::StopReason::Limit);
}

// A 32-bit instruction whose second halfword lies in the next 32-byte granule needs both.
TEST(MpuFetch, SecondHalfwordInARefusedGranuleFaults) {
  CpuHarness h;
  MpuConfig config = enabled_config();
  config.regions[0] = {rbar(0x0000, kApAnyRw), rlar(0x101f)};
  config.regions[1] = {rbar(0x1020, kApAnyRw, /*xn=*/true), rlar(0xffff)};
  h.core().set_mpu(&config);
  h.place(0x101c, {0x2001 /* movs r0, #1 */, 0xf04f, 0x0102 /* mov.w r1, #2 */});
  h.state().r[15] = 0x101c;
  EXPECT_EQ(h.core().run(1000), cpu::StopReason::Fault);
  EXPECT_EQ(h.state().r[0], 1u);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::MemManageInstruction);
  EXPECT_EQ(h.core().last_fault_pc(), 0x101eu);
}

}  // namespace
}  // namespace minifvp::test
