// CMSDK APB UART driven through its registers with no CPU (as QEMU's qtest does).
#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "devices/cmsdk_uart.h"
#include "fake_host_port.h"

namespace minifvp::test {
namespace {

using U = CmsdkUart;

// Fires events in time order up to `until`, as the platform loop does between core quanta.
void run_until(Scheduler& scheduler, uint64_t until) {
  while (scheduler.next_event_time() <= until) {
    scheduler.advance_to(scheduler.next_event_time());
    scheduler.run_due_events();
  }
  scheduler.advance_to(until);
}

struct UartFixture : ::testing::Test {
  Scheduler scheduler;
  FakeHostPort port;
  CmsdkUart uart{"uart0", scheduler, &port};

  uint32_t rd(uint32_t offset) {
    uint32_t v = 0xdeadbeef;
    EXPECT_EQ(uart.read(offset, 4, v), AccessStatus::Ok);
    return v;
  }
  void wr(uint32_t offset, uint32_t value) {
    EXPECT_EQ(uart.write(offset, 4, value), AccessStatus::Ok);
  }
  // Polls STATE.RXFULL as uart_getc does, advancing time by `step` cycles per poll.
  std::optional<uint8_t> getc(uint64_t step = 10, uint64_t max_wait = 1000000) {
    for (uint64_t waited = 0; waited < max_wait; waited += step) {
      if (rd(U::kState) & U::kStateRxFull) return static_cast<uint8_t>(rd(U::kData));
      run_until(scheduler, scheduler.now() + step);
    }
    return std::nullopt;
  }
};

TEST_F(UartFixture, ResetValuesAndIdRegisters) {
  EXPECT_EQ(rd(U::kState), 0u);
  EXPECT_EQ(rd(U::kCtrl), 0u);
  EXPECT_EQ(rd(U::kIntStatus), 0u);
  EXPECT_EQ(rd(U::kBaudDiv), 0u);
  const uint32_t expected[] = {0x04, 0x00, 0x00, 0x00, 0x21, 0xb8,
                               0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
  for (unsigned i = 0; i < 12; ++i) EXPECT_EQ(rd(0xfd0 + 4 * i), expected[i]) << i;
  wr(0xfe0, 0x55);  // read-only: ignored
  EXPECT_EQ(rd(0xfe0), 0x21u);
  EXPECT_EQ(rd(0x100), 0u);  // unknown offset reads as zero
}

TEST_F(UartFixture, GuestErrorsAreCountedAndTheLogIsBounded) {
  for (int i = 0; i < 1000; ++i) rd(0x100);
  EXPECT_EQ(uart.guest_error_count(), 1000u);
}

TEST_F(UartFixture, CtrlMasksToSevenBitsAndBaudDivToTwenty) {
  wr(U::kCtrl, 0xffffffff);
  EXPECT_EQ(rd(U::kCtrl), 0x7fu);
  wr(U::kBaudDiv, 0xffffffff);
  EXPECT_EQ(rd(U::kBaudDiv), 0xfffffu);
}

TEST_F(UartFixture, TransmitGoesToHostAtOnceAndTxFullNeverSticks) {
  wr(U::kBaudDiv, 217);
  wr(U::kCtrl, U::kCtrlTxEn);
  for (char c : std::string("Hello\r\n")) {
    EXPECT_EQ(rd(U::kState) & U::kStateTxFull, 0u);
    wr(U::kData, static_cast<uint8_t>(c));
  }
  EXPECT_EQ(port.output, "Hello\r\n");
  EXPECT_EQ(rd(U::kState), 0u);
  EXPECT_EQ(uart.bytes_transmitted(), 7u);
}

TEST_F(UartFixture, ByteWrittenWithTxDisabledIsHeldThenOverrunThenSentOnEnable) {
  wr(U::kData, 'A');
  EXPECT_EQ(port.output, "");
  EXPECT_EQ(rd(U::kState), U::kStateTxFull);
  wr(U::kData, 'B');  // buffer full: overrun, the buffer now holds 'B'
  EXPECT_EQ(rd(U::kState), U::kStateTxFull | U::kStateTxOverrun);
  wr(U::kCtrl, U::kCtrlTxEn);
  EXPECT_EQ(port.output, "B");
  EXPECT_EQ(rd(U::kState), U::kStateTxOverrun);
  wr(U::kState, U::kStateTxFull);  // RO bit: no effect
  EXPECT_EQ(rd(U::kState), U::kStateTxOverrun);
  wr(U::kState, U::kStateTxOverrun);  // W1C
  EXPECT_EQ(rd(U::kState), 0u);
}

TEST_F(UartFixture, TxInterruptRaisedOnTransmitAndClearedByIntClear) {
  std::vector<bool> tx_levels;
  uart.tx_irq().connect([&](bool level) { tx_levels.push_back(level); });
  wr(U::kCtrl, U::kCtrlTxEn);
  wr(U::kData, 'x');
  EXPECT_FALSE(uart.tx_irq().level());  // TX_INTEN clear: no interrupt
  wr(U::kCtrl, U::kCtrlTxEn | U::kCtrlTxIntEn);
  wr(U::kData, 'y');
  EXPECT_TRUE(uart.tx_irq().level());
  EXPECT_TRUE(uart.combined_irq().level());
  EXPECT_FALSE(uart.rx_irq().level());
  EXPECT_EQ(rd(U::kIntStatus), U::kIntTx);
  wr(U::kIntStatus, U::kIntTx);
  EXPECT_EQ(rd(U::kIntStatus), 0u);
  EXPECT_FALSE(uart.tx_irq().level());
  EXPECT_FALSE(uart.combined_irq().level());
  EXPECT_EQ(tx_levels, (std::vector<bool>{true, false}));
}

TEST_F(UartFixture, OverrunInterruptMirrorsStateAndEnable) {
  wr(U::kData, 'A');
  wr(U::kData, 'B');  // TX overrun
  EXPECT_FALSE(uart.overflow_irq().level());
  EXPECT_EQ(rd(U::kIntStatus), 0u);
  wr(U::kCtrl, U::kCtrlTxOverrunIntEn);
  EXPECT_EQ(rd(U::kIntStatus), U::kIntTxOverrun);
  EXPECT_TRUE(uart.overflow_irq().level());
  EXPECT_TRUE(uart.combined_irq().level());
  wr(U::kIntStatus, U::kIntTxOverrun);  // clears STATE.TXOVERRUN too
  EXPECT_EQ(rd(U::kState) & U::kStateTxOverrun, 0u);
  EXPECT_FALSE(uart.overflow_irq().level());
}

TEST_F(UartFixture, ReceivesEveryByteInOrderThenOneEot) {
  port.feed("ab\r\xff");
  wr(U::kBaudDiv, 16);
  wr(U::kCtrl, U::kCtrlRxEn | U::kCtrlTxEn);
  std::string got;
  for (int i = 0; i < 5; ++i) {
    std::optional<uint8_t> b = getc();
    ASSERT_TRUE(b.has_value()) << i;
    got.push_back(static_cast<char>(*b));
  }
  EXPECT_EQ(got, std::string("ab\r\xff\x04"));
  EXPECT_FALSE(getc(100, 100000).has_value());  // nothing after the single EOT
  EXPECT_EQ(uart.bytes_received(), 4u);
  EXPECT_EQ(port.polls, port.blocking_polls);  // a pipe is always read with a blocking poll
}

TEST_F(UartFixture, RxEnabledButNeverReadDoesNotWaitForTheHost) {
  port.close_when_empty = false;  // a pipe that stays open and silent
  wr(U::kCtrl, U::kCtrlRxEn | U::kCtrlTxEn | U::kCtrlRxIntEn);
  run_until(scheduler, 100 * uart.character_cycles());
  EXPECT_EQ(rd(U::kState), U::kStateRxFull);  // a byte is due: announced...
  EXPECT_TRUE(uart.rx_irq().level());
  wr(U::kData, 'x');  // ...and transmitting does not touch the input
  EXPECT_EQ(port.polls, 0u);
  port.feed("y");
  EXPECT_EQ(rd(U::kData), uint32_t{'y'});  // read from the host when DATA is read
  EXPECT_EQ(port.polls, 1u);
}

TEST_F(UartFixture, NothingArrivesWhileRxDisabled) {
  port.feed("z");
  run_until(scheduler, 100000);
  EXPECT_EQ(rd(U::kState), 0u);
  EXPECT_EQ(port.polls, 0u);
  wr(U::kCtrl, U::kCtrlRxEn);
  EXPECT_EQ(getc(), std::optional<uint8_t>('z'));
}

TEST_F(UartFixture, ByteArrivesOneCharacterTimeAfterTheRegisterEmpties) {
  port.feed("12");
  wr(U::kBaudDiv, 100);  // 1000 cycles per character
  ASSERT_EQ(uart.character_cycles(), 1000u);
  wr(U::kCtrl, U::kCtrlRxEn);  // at t=0
  run_until(scheduler, 999);
  EXPECT_EQ(rd(U::kState) & U::kStateRxFull, 0u);
  run_until(scheduler, 1000);
  EXPECT_EQ(rd(U::kState) & U::kStateRxFull, U::kStateRxFull);
  run_until(scheduler, 5000);
  EXPECT_EQ(rd(U::kData), uint32_t{'1'});  // read at t=5000: the next byte lands at 6000
  run_until(scheduler, 5999);
  EXPECT_EQ(rd(U::kState) & U::kStateRxFull, 0u);
  run_until(scheduler, 6000);
  EXPECT_EQ(rd(U::kData), uint32_t{'2'});
}

TEST_F(UartFixture, BaudDivBelowSixteenUsesTheMinimum) {
  wr(U::kBaudDiv, 3);
  EXPECT_EQ(uart.character_cycles(), 160u);
}

TEST_F(UartFixture, RxInterruptWhenByteLandsWithRxIntEnAndIsW1C) {
  port.feed("q");
  port.close_when_empty = false;
  wr(U::kCtrl, U::kCtrlRxEn | U::kCtrlRxIntEn);
  run_until(scheduler, uart.character_cycles());
  EXPECT_TRUE(uart.rx_irq().level());
  EXPECT_TRUE(uart.combined_irq().level());
  EXPECT_EQ(rd(U::kIntStatus), U::kIntRx);
  EXPECT_EQ(rd(U::kData), uint32_t{'q'});
  EXPECT_TRUE(uart.rx_irq().level());  // reading DATA does not clear INTSTATUS.RX
  wr(U::kIntStatus, U::kIntRx);
  EXPECT_FALSE(uart.rx_irq().level());
}

TEST_F(UartFixture, ArrivalTimesAreIdenticalAcrossRuns) {
  auto arrival_times = [] {
    Scheduler s;
    FakeHostPort p;
    p.feed("deterministic");
    CmsdkUart u("u", s, &p);
    u.write(U::kBaudDiv, 4, 217);
    u.write(U::kCtrl, 4, U::kCtrlRxEn);
    std::vector<uint64_t> times;
    for (uint64_t t = 0; t < 1000000 && times.size() < 14; t += 37) {
      run_until(s, t);
      uint32_t st = 0;
      u.read(U::kState, 4, st);
      if (st & U::kStateRxFull) {
        uint32_t d = 0;
        u.read(U::kData, 4, d);
        times.push_back(s.now());
      }
    }
    return times;
  };
  const std::vector<uint64_t> first = arrival_times();
  ASSERT_EQ(first.size(), 14u);  // 13 bytes and the EOT
  EXPECT_EQ(first, arrival_times());
}

TEST_F(UartFixture, InteractivePortIsPolledWithoutBlockingAndServicedWhenFull) {
  Scheduler s;
  FakeHostPort tty(/*interactive=*/true);
  tty.close_when_empty = false;
  CmsdkUart u("u", s, &tty);
  u.write(U::kCtrl, 4, U::kCtrlRxEn);
  run_until(s, 10 * U::kInteractivePollCycles);
  EXPECT_GT(tty.polls, 5u);
  EXPECT_EQ(tty.blocking_polls, 0u);
  tty.feed("k");  // "typed" later
  run_until(s, 12 * U::kInteractivePollCycles);
  uint32_t st = 0;
  u.read(U::kState, 4, st);
  EXPECT_EQ(st & U::kStateRxFull, U::kStateRxFull);
  // The guest does not read: the port is still serviced (so the escape byte is seen).
  const unsigned services = tty.services;
  run_until(s, 20 * U::kInteractivePollCycles);
  EXPECT_GT(tty.services, services);
}

TEST_F(UartFixture, NullPortDiscardsOutputAndNeverReceives) {
  Scheduler s;
  CmsdkUart u("u", s, nullptr);
  u.write(U::kCtrl, 4, U::kCtrlTxEn | U::kCtrlRxEn);
  u.write(U::kData, 4, 'x');
  run_until(s, 1000000);
  uint32_t st = 0;
  u.read(U::kState, 4, st);
  EXPECT_EQ(st, 0u);
  EXPECT_EQ(u.bytes_transmitted(), 1u);
}

struct ShutdownFixture : UartFixture {
  std::optional<int> status;
  void SetUp() override {
    uart.set_shutdown_on_eot(true, [this](int s) {
      EXPECT_FALSE(status.has_value()) << "called twice";
      status = s;
    });
    wr(U::kCtrl, U::kCtrlTxEn);
  }
};

TEST_F(ShutdownFixture, EotFollowedByStatusByte) {
  wr(U::kData, 'o');
  wr(U::kData, 'k');
  wr(U::kData, U::kEot);
  EXPECT_FALSE(status.has_value());
  run_until(scheduler, 500);
  wr(U::kData, 3);
  EXPECT_EQ(status, std::optional<int>(3));
  EXPECT_EQ(port.output, "ok");  // neither the EOT nor the status reaches the host
  wr(U::kData, 'z');             // after the shutdown: dropped
  EXPECT_EQ(port.output, "ok");
  run_until(scheduler, 10 * U::kExitStatusWindowCycles);  // the window event was cancelled
  EXPECT_EQ(status, std::optional<int>(3));
}

TEST_F(ShutdownFixture, EotAloneExitsWithZeroAfterTheWindow) {
  wr(U::kData, U::kEot);
  run_until(scheduler, U::kExitStatusWindowCycles - 1);
  EXPECT_FALSE(status.has_value());
  run_until(scheduler, U::kExitStatusWindowCycles);
  EXPECT_EQ(status, std::optional<int>(0));
}

TEST_F(ShutdownFixture, LineEndAfterEotIsNotAStatus) {
  wr(U::kData, U::kEot);
  wr(U::kData, '\r');
  EXPECT_EQ(status, std::optional<int>(0));
}

TEST_F(UartFixture, EotIsAnOrdinaryByteWithoutShutdownOnEot) {
  wr(U::kCtrl, U::kCtrlTxEn);
  wr(U::kData, U::kEot);
  wr(U::kData, 7);
  EXPECT_EQ(port.output, std::string("\x04\x07"));
}

}  // namespace
}  // namespace minifvp::test
