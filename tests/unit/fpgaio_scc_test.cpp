// MPS3 SCC and FPGAIO registers, with FPGAIO counters derived from scheduler time.
#include <gtest/gtest.h>

#include "devices/fpgaio.h"
#include "devices/scc.h"

namespace minifvp::test {
namespace {

constexpr uint32_t kClock = 25'000'000;

uint32_t rd(Device& d, uint32_t offset) {
  uint32_t v = 0xdeadbeef;
  EXPECT_EQ(d.read(offset, 4, v), AccessStatus::Ok);
  return v;
}
void wr(Device& d, uint32_t offset, uint32_t value) {
  EXPECT_EQ(d.write(offset, 4, value), AccessStatus::Ok);
}

TEST(Scc, IdentityAndClock) {
  Scc scc(kClock, 0x41055470, 0x01200000, 0x2);
  EXPECT_EQ(rd(scc, Scc::kCfgAclk), kClock);
  EXPECT_EQ(rd(scc, Scc::kId), 0x41055470u);
  EXPECT_EQ((rd(scc, Scc::kId) >> 4) & 0xfff, 0x547u);  // application note number
  EXPECT_EQ(rd(scc, Scc::kAid), 0x01200000u);
  EXPECT_EQ(rd(scc, Scc::kCfgReg4), 0x2u);
  EXPECT_EQ(rd(scc, Scc::kDll), 0xffff0001u);
  uint32_t byte = 0;
  scc.read(Scc::kId + 1, 1, byte);
  EXPECT_EQ(byte, 0x54u);
}

TEST(Scc, WritableReadOnlyAndUnknown) {
  Scc scc(kClock, 0x41055470);
  wr(scc, Scc::kCfgReg1, 0xa5);
  EXPECT_EQ(rd(scc, Scc::kCfgReg1), 0xa5u);
  wr(scc, Scc::kId, 0);
  EXPECT_EQ(rd(scc, Scc::kId), 0x41055470u);
  EXPECT_EQ(rd(scc, Scc::kAid), Scc::kDefaultAid);  // "Revision B", "MPS3 build 2"
  EXPECT_EQ(rd(scc, Scc::kCfgReg4), 2u);            // "V2M-MPS3 revision C"
  wr(scc, Scc::kCfgReg4, 7);
  EXPECT_EQ(rd(scc, Scc::kCfgReg4), 2u);
  wr(scc, Scc::kDll, 0x12345678);
  EXPECT_EQ(rd(scc, Scc::kDll), 0x12ff0001u);  // only DLL_LOCK_MASK [31:24] is writable
  EXPECT_EQ(rd(scc, 0x400), 0u);
  scc.reset();
  EXPECT_EQ(rd(scc, Scc::kCfgReg1), 0u);
  EXPECT_EQ(rd(scc, Scc::kDll), 0xffff0001u);
}

TEST(Scc, ConfigChannelReadsAndWritesOscillators) {
  Scc scc(kClock, 0x41055470);
  wr(scc, Scc::kCfgCtrl, Scc::kCfgCtrlStart | (1u << 20) | 0);  // read OSCCLK0
  EXPECT_EQ(rd(scc, Scc::kCfgStat), Scc::kCfgStatDone);
  EXPECT_EQ(rd(scc, Scc::kCfgDataRtn), kClock);
  wr(scc, Scc::kCfgDataOut, 50'000'000);
  wr(scc, Scc::kCfgCtrl, Scc::kCfgCtrlStart | Scc::kCfgCtrlWrite | (1u << 20) | 2);
  wr(scc, Scc::kCfgCtrl, Scc::kCfgCtrlStart | (1u << 20) | 2);
  EXPECT_EQ(rd(scc, Scc::kCfgDataRtn), 50'000'000u);
  EXPECT_EQ(rd(scc, Scc::kCfgCtrl) & Scc::kCfgCtrlStart, 0u);
  wr(scc, Scc::kCfgCtrl, Scc::kCfgCtrlStart | (7u << 20));  // unknown function
  EXPECT_EQ(rd(scc, Scc::kCfgStat), Scc::kCfgStatDone | Scc::kCfgStatError);
}

struct FpgaioFixture : ::testing::Test {
  Scheduler scheduler;
  Fpgaio io{scheduler, kClock};
  void at(uint64_t cycle) { scheduler.advance_to(cycle); }
};

TEST_F(FpgaioFixture, HundredHertzAndOneHertzFollowSimulatedTime) {
  EXPECT_EQ(rd(io, Fpgaio::kClk100Hz), 0u);
  at(kClock / 100 - 1);
  EXPECT_EQ(rd(io, Fpgaio::kClk100Hz), 0u);
  at(kClock / 100);
  EXPECT_EQ(rd(io, Fpgaio::kClk100Hz), 1u);
  at(3 * uint64_t{kClock} + kClock / 2);
  EXPECT_EQ(rd(io, Fpgaio::kClk100Hz), 350u);
  EXPECT_EQ(rd(io, Fpgaio::kClk1Hz), 3u);
}

TEST_F(FpgaioFixture, WritesResetCountersAsMlekDoes) {
  at(5 * uint64_t{kClock} + 123);
  wr(io, Fpgaio::kClk1Hz, 0);
  wr(io, Fpgaio::kClk100Hz, 0);
  wr(io, Fpgaio::kCounter, 0);
  EXPECT_EQ(rd(io, Fpgaio::kClk100Hz), 0u);
  at(5 * uint64_t{kClock} + 123 + kClock / 100);
  EXPECT_EQ(rd(io, Fpgaio::kClk100Hz), 1u);
  EXPECT_EQ(rd(io, Fpgaio::kClk1Hz), 0u);
  wr(io, Fpgaio::kClk100Hz, 1000);
  at(scheduler.now() + kClock / 10);
  EXPECT_EQ(rd(io, Fpgaio::kClk100Hz), 1010u);
}

TEST_F(FpgaioFixture, CounterWithoutPrescaleCountsCycles) {
  at(1000);
  EXPECT_EQ(rd(io, Fpgaio::kCounter), 1000u);
  EXPECT_EQ(rd(io, Fpgaio::kPsCntr), 0u);
}

TEST_F(FpgaioFixture, PrescaledCounterMatchesACycleByCycleModel) {
  wr(io, Fpgaio::kPrescale, 4);
  wr(io, Fpgaio::kPsCntr, 2);
  wr(io, Fpgaio::kCounter, 10);
  // Reference: tick one cycle at a time.
  uint32_t counter = 10, pscntr = 2;
  for (uint64_t cycle = 1; cycle <= 40; ++cycle) {
    if (pscntr == 0) {
      pscntr = 4;
      ++counter;
    } else {
      --pscntr;
    }
    if (cycle % 7 == 0 || cycle == 3) {  // read at irregular times (reads settle the state)
      at(cycle);
      EXPECT_EQ(rd(io, Fpgaio::kCounter), counter) << cycle;
      EXPECT_EQ(rd(io, Fpgaio::kPsCntr), pscntr) << cycle;
    }
  }
}

TEST_F(FpgaioFixture, LedsMiscSwitchesButtons) {
  wr(io, Fpgaio::kLed, 0x3);
  EXPECT_EQ(rd(io, Fpgaio::kLed), 0x3u);
  EXPECT_EQ(io.leds(), 0x3u);
  wr(io, Fpgaio::kMisc, 0x5);
  EXPECT_EQ(rd(io, Fpgaio::kMisc), 0x5u);
  EXPECT_EQ(rd(io, Fpgaio::kSwitches), 0u);
  io.set_switches(0x81);
  wr(io, Fpgaio::kSwitches, 0);  // read-only
  EXPECT_EQ(rd(io, Fpgaio::kSwitches), 0x81u);
  io.set_buttons(1);
  EXPECT_EQ(rd(io, Fpgaio::kButton), 1u);
  EXPECT_EQ(rd(io, 0x800), 0u);
}

}  // namespace
}  // namespace minifvp::test
