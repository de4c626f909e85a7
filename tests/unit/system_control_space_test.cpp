// The PPB blocks (SCB, SysTick, NVIC storage, MPU/SAU storage, DWT) driven through their
// registers, with the shared clock set by the test.
#include "cpu/system/system_control_space.h"

#include <gtest/gtest.h>

#include <vector>

#include "cpu/core.h"
#include "sim/bus.h"

namespace minifvp::test {
namespace {

using cpu::CoreModel;
using cpu::Dwt;
using cpu::SystemControlSpace;
using Scs = SystemControlSpace;

struct ScsFixture : ::testing::Test {
  Bus bus;
  uint64_t clock = 0;
  cpu::Core core{bus, clock};
  SystemControlSpace scs{core, CoreModel::CortexM55};
  Dwt dwt{core, scs};

  ScsFixture() { bus.add_ram("ram", 0, 0x10000); }

  uint32_t rd(Device& d, uint32_t offset, unsigned size = 4) {
    uint32_t v = 0xdeadbeef;
    EXPECT_EQ(d.read(offset, size, v), AccessStatus::Ok);
    return v;
  }
  void wr(Device& d, uint32_t offset, uint32_t value, unsigned size = 4) {
    EXPECT_EQ(d.write(offset, size, value), AccessStatus::Ok);
  }
};

TEST_F(ScsFixture, CpuidIdentifiesCortexM55AndM85) {
  const uint32_t cpuid = rd(scs, Scs::kCpuid);
  EXPECT_EQ(cpuid, 0x411fd220u);
  EXPECT_EQ((cpuid >> 4) & 0xfff, 0xd22u);  // what MLEK checks
  EXPECT_EQ(cpuid >> 24, 0x41u);            // Arm
  SystemControlSpace m85(core, CoreModel::CortexM85);
  EXPECT_EQ(rd(m85, Scs::kCpuid), 0x410fd230u);
  wr(scs, Scs::kCpuid, 0);  // read-only
  EXPECT_EQ(rd(scs, Scs::kCpuid), 0x411fd220u);
}

TEST_F(ScsFixture, FeatureRegistersDescribeMveAndFpu) {
  EXPECT_EQ(rd(scs, Scs::kMvfr0), 0x10110221u);
  EXPECT_EQ(rd(scs, Scs::kMvfr1) & 0xf00, 0x200u);  // MVE [11:8] = 2: integer and float MVE
  EXPECT_EQ(rd(scs, 0xd60), 0x01103110u);           // ID_ISAR0
  EXPECT_EQ(rd(scs, Scs::kIctr), 14u);              // 480 interrupt lines
  EXPECT_EQ(rd(scs, Scs::kCtr), 0x8303c003u);
  // CCSIDR follows CSSELR.InD.
  wr(scs, Scs::kCsselr, 0);
  const uint32_t data = rd(scs, Scs::kCcsidr);
  EXPECT_EQ(((data >> 13) & 0x7fff) + 1, 256u);  // 32 KiB / (4 ways * 32 bytes)
  EXPECT_EQ(((data >> 3) & 0x3ff) + 1, 4u);
  EXPECT_EQ(data & 7, 1u);  // 8 words per line
  wr(scs, Scs::kCsselr, 1);
  const uint32_t instruction = rd(scs, Scs::kCcsidr);
  EXPECT_EQ(((instruction >> 3) & 0x3ff) + 1, 2u);
}

TEST_F(ScsFixture, VtorIgnoresTheLowSevenBits) {
  wr(scs, Scs::kVtor, 0x10000000 | 0x7f);
  EXPECT_EQ(rd(scs, Scs::kVtor), 0x10000000u);
  EXPECT_EQ(scs.vtor(), 0x10000000u);
  scs.set_vtor(0x12345678);
  EXPECT_EQ(rd(scs, Scs::kVtor), 0x12345600u);
  scs.reset();
  EXPECT_EQ(scs.vtor(), 0u);
}

TEST_F(ScsFixture, AircrNeedsTheKeyAndRequestsReset) {
  int resets = 0;
  scs.set_reset_request_handler([&] { ++resets; });
  EXPECT_EQ(rd(scs, Scs::kAircr), 0xfa050000u);
  wr(scs, Scs::kAircr, 0x00000504);  // no key: ignored
  EXPECT_EQ(rd(scs, Scs::kAircr), 0xfa050000u);
  EXPECT_EQ(resets, 0);
  wr(scs, Scs::kAircr, 0x05fa0500);  // PRIGROUP = 5
  EXPECT_EQ(rd(scs, Scs::kAircr), 0xfa050500u);
  EXPECT_EQ(scs.prigroup(), 5u);
  EXPECT_EQ(resets, 0);
  wr(scs, Scs::kAircr, 0x05fa0004);  // SYSRESETREQ
  EXPECT_EQ(resets, 1);
  EXPECT_EQ(rd(scs, Scs::kAircr) & 4, 0u);  // SYSRESETREQ is not stored
}

TEST_F(ScsFixture, CcrResetValueAndUnalignedTrap) {
  EXPECT_EQ(rd(scs, Scs::kCcr), 0x201u);
  core.read_memory(0x101, 4, cpu::Alignment::Any);  // unaligned allowed by default
  wr(scs, Scs::kCcr, 0);                            // RES1 bits stay set
  EXPECT_EQ(rd(scs, Scs::kCcr), 0x201u);
  wr(scs, Scs::kCcr, 0x201 | Scs::kCcrUnalignTrp | Scs::kCcrDiv0Trp);
  EXPECT_EQ(scs.ccr() & Scs::kCcrDiv0Trp, Scs::kCcrDiv0Trp);
  EXPECT_THROW(core.read_memory(0x101, 4, cpu::Alignment::Any), cpu::GuestFault);
  wr(scs, Scs::kCcr, 0x201);
  EXPECT_NO_THROW(core.read_memory(0x101, 4, cpu::Alignment::Any));
}

TEST_F(ScsFixture, CcrListenerSeesDivideByZeroTrap) {
  std::vector<uint32_t> seen;
  scs.set_ccr_listener([&](uint32_t ccr) { seen.push_back(ccr & Scs::kCcrDiv0Trp); });
  wr(scs, Scs::kCcr, 0x201 | Scs::kCcrDiv0Trp);
  scs.reset();
  EXPECT_EQ(seen, (std::vector<uint32_t>{0, Scs::kCcrDiv0Trp, 0}));
}

TEST_F(ScsFixture, IcsrReportsTheActiveExceptionAndPendingState) {
  core.state().ipsr = 15;
  EXPECT_EQ(rd(scs, Scs::kIcsr) & 0x1ff, 15u);
  core.state().ipsr = 0;
  EXPECT_EQ(rd(scs, Scs::kIcsr), 0u);
  wr(scs, Scs::kIcsr, 1u << 28);  // PENDSVSET
  EXPECT_TRUE(scs.pendsv_pending());
  EXPECT_EQ(rd(scs, Scs::kIcsr) & (1u << 28), 1u << 28);
  wr(scs, Scs::kIcsr, 1u << 27);  // PENDSVCLR
  EXPECT_FALSE(scs.pendsv_pending());
  // An enabled pending interrupt shows in VECTPENDING and ISRPENDING.
  wr(scs, 0x100 + 4, 1u << 24);  // ISER1: IRQ 56 (the Ethos-U)
  wr(scs, Scs::kStir, 56);
  EXPECT_TRUE(scs.nvic().pending(56));
  const uint32_t icsr = rd(scs, Scs::kIcsr);
  EXPECT_EQ((icsr >> 12) & 0x1ff, 16u + 56);
  EXPECT_NE(icsr & (1u << 22), 0u);
}

TEST_F(ScsFixture, NvicEnablePendingAndPriorityStorage) {
  wr(scs, 0x100, 0x5);  // ISER0
  wr(scs, 0x100, 0x2);
  EXPECT_EQ(rd(scs, 0x180), 0x7u);  // ICER reads the enables
  wr(scs, 0x180, 0x1);
  EXPECT_EQ(rd(scs, 0x100), 0x6u);
  EXPECT_TRUE(scs.nvic().enabled(2));
  wr(scs, 0x200, 0x10);  // ISPR0
  EXPECT_EQ(rd(scs, 0x280), 0x10u);
  wr(scs, 0x280, 0x10);
  EXPECT_EQ(rd(scs, 0x200), 0u);
  wr(scs, 0x300, 0xff);  // IABR is read-only
  EXPECT_EQ(rd(scs, 0x300), 0u);
  wr(scs, 0x400 + 56, 0xff, 1);  // byte write: only 3 priority bits exist
  EXPECT_EQ(rd(scs, 0x400 + 56, 1), 0xe0u);
  EXPECT_EQ(scs.nvic().priority(56), 0xe0u);
  wr(scs, 0x400, 0x40a0c0ff);
  EXPECT_EQ(rd(scs, 0x400), 0x40a0c0e0u);
}

TEST_F(ScsFixture, SystemHandlerPrioritiesWithReservedBytes) {
  wr(scs, Scs::kShpr3, 0xffffffff);
  EXPECT_EQ(rd(scs, Scs::kShpr3), 0xe0e000e0u);  // byte 1 is exception 13: reserved
  wr(scs, Scs::kShpr3 + 3, 0x40, 1);             // SysTick priority by byte
  EXPECT_EQ(scs.system_handler_priority(15), 0x40u);
  EXPECT_EQ(scs.system_handler_priority(14), 0xe0u);
  wr(scs, Scs::kShpr2, 0xffffffff);
  EXPECT_EQ(rd(scs, Scs::kShpr2), 0xe0000000u);  // only SVCall
}

TEST_F(ScsFixture, FaultStatusIsWriteOneToClearAndAddressesHold) {
  wr(scs, Scs::kCfsr, 0xffffffff);
  EXPECT_EQ(rd(scs, Scs::kCfsr), 0u);
  wr(scs, Scs::kMmfar, 0x1234);
  wr(scs, Scs::kBfar, 0x5678);
  EXPECT_EQ(rd(scs, Scs::kMmfar), 0x1234u);
  EXPECT_EQ(rd(scs, Scs::kBfar), 0x5678u);
  wr(scs, Scs::kCpacr, 0xffffffff);
  EXPECT_EQ(rd(scs, Scs::kCpacr), 0x00f0ffffu);
}

TEST_F(ScsFixture, UnknownOffsetsReadAsZero) {
  EXPECT_EQ(rd(scs, 0xe40), 0u);
  wr(scs, 0xe40, 1);
  EXPECT_EQ(rd(scs, 0xe40), 0u);
  EXPECT_EQ(rd(scs, 0xf50), 0u);  // cache maintenance: write-only
  wr(scs, 0xf50, 0);              // ICIALLU accepted
  wr(scs, 0xf60, 0x40);           // DCISW accepted
}

TEST_F(ScsFixture, MpuRegionsThroughRnrAndAliases) {
  EXPECT_EQ(rd(scs, 0xd90), 16u << 8);  // MPU_TYPE.DREGION
  wr(scs, 0xd98, 4);                    // RNR
  wr(scs, 0xd9c, 0x10000000);           // RBAR -> region 4
  wr(scs, 0xda4, 0x20000000);           // RBAR_A1 -> region 5
  wr(scs, 0xdb0, 0x3fffffe1);           // RLAR_A2 -> region 6
  EXPECT_EQ(scs.protection().mpu().regions[4].rbar, 0x10000000u);
  EXPECT_EQ(scs.protection().mpu().regions[5].rbar, 0x20000000u);
  EXPECT_EQ(scs.protection().mpu().regions[6].rlar, 0x3fffffe1u);
  wr(scs, 0xd98, 5);
  EXPECT_EQ(rd(scs, 0xd9c), 0x20000000u);
  wr(scs, 0xd94, 0x5);
  EXPECT_EQ(scs.protection().mpu_ctrl(), 0x5u);
}

TEST_F(ScsFixture, SysTickCountsDownFromTheCoreClock) {
  // MLEK's Init_SysTick: LOAD, VAL = 0, CTRL = CLKSOURCE | TICKINT | ENABLE, then wait for VAL.
  clock = 1000;
  wr(scs, 0x014, 99);
  wr(scs, 0x018, 12345);  // any write clears
  EXPECT_EQ(rd(scs, 0x018), 0u);
  wr(scs, 0x010, 7);
  EXPECT_EQ(rd(scs, 0x010) & 7, 7u);
  EXPECT_EQ(rd(scs, 0x018), 0u);
  clock = 1001;
  EXPECT_EQ(rd(scs, 0x018), 99u);  // reloaded one cycle after enable
  clock = 1050;
  EXPECT_EQ(rd(scs, 0x018), 50u);
  EXPECT_EQ(scs.systick().next_wrap_cycle(), 1100u);
  EXPECT_EQ(rd(scs, 0x010) & (1u << 16), 0u);
  clock = 1100;
  EXPECT_EQ(rd(scs, 0x018), 0u);
  EXPECT_NE(rd(scs, 0x010) & (1u << 16), 0u);  // COUNTFLAG
  EXPECT_EQ(rd(scs, 0x010) & (1u << 16), 0u);  // cleared by the read
  clock = 1101 + 100 * 7 + 30;                 // 7 periods and 30 cycles later
  EXPECT_EQ(rd(scs, 0x018), 69u);
  EXPECT_NE(rd(scs, 0x010) & (1u << 16), 0u);
  wr(scs, 0x010, 0);  // disabled: frozen
  clock += 500;
  EXPECT_EQ(rd(scs, 0x018), 69u);
  EXPECT_EQ(scs.systick().next_wrap_cycle(), cpu::SysTick::kNever);
  EXPECT_EQ(rd(scs, 0x01c) >> 30, 3u);  // CALIB: NOREF, SKEW
}

TEST_F(ScsFixture, DwtCycleCounterNeedsTrcenaAndCyccntena) {
  EXPECT_EQ(rd(dwt, Dwt::kCtrl) >> 28, 4u);  // NUMCOMP
  clock = 100;
  wr(dwt, Dwt::kCtrl, 1);  // CYCCNTENA without TRCENA: stays still
  clock = 200;
  EXPECT_EQ(rd(dwt, Dwt::kCyccnt), 0u);
  wr(scs, Scs::kDemcr, Scs::kDemcrTrcena);
  EXPECT_TRUE(scs.trace_enabled());
  clock = 300;
  EXPECT_EQ(rd(dwt, Dwt::kCyccnt), 100u);
  wr(dwt, Dwt::kCyccnt, 0);  // reset the count as CMSIS code does
  clock = 350;
  EXPECT_EQ(rd(dwt, Dwt::kCyccnt), 50u);
  wr(dwt, Dwt::kCtrl, 0);  // stop
  clock = 1000;
  EXPECT_EQ(rd(dwt, Dwt::kCyccnt), 50u);
  wr(dwt, Dwt::kCtrl, 1);  // restart from where it stopped
  clock = 1010;
  EXPECT_EQ(rd(dwt, Dwt::kCyccnt), 60u);
  wr(scs, Scs::kDemcr, 0);  // TRCENA off pauses it too
  clock = 5000;
  EXPECT_EQ(rd(dwt, Dwt::kCyccnt), 60u);
  wr(scs, Scs::kDemcr, Scs::kDemcrTrcena);
  clock = 5005;
  EXPECT_EQ(rd(dwt, Dwt::kCyccnt), 65u);
  EXPECT_EQ(dwt.cycle_count(), 65u);
}

TEST_F(ScsFixture, DwtCycleCounterWrapsAt32Bits) {
  wr(scs, Scs::kDemcr, Scs::kDemcrTrcena);
  wr(dwt, Dwt::kCtrl, 1);
  wr(dwt, Dwt::kCyccnt, 0xfffffff0);
  clock += 0x20;
  EXPECT_EQ(rd(dwt, Dwt::kCyccnt), 0x10u);
}

}  // namespace
}  // namespace minifvp::test
