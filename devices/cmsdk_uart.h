// Arm CMSDK APB UART (ARM DDI 0479, "APB UART"): DATA, STATE, CTRL, INTSTATUS/INTCLEAR, BAUDDIV
// and the ID registers, with TX, RX and overrun interrupts.
//
// Timing model (all in core cycles, so runs are deterministic):
//  - TX is instantaneous: a byte written to DATA with CTRL.TX_EN goes to the HostPort at once,
//    STATE.TXFULL never stays set and the TX interrupt (TXFULL set -> clear) is raised at once.
//    A byte written while TX_EN is clear waits in the buffer (TXFULL set) until TX_EN is set.
//  - RX: while CTRL.RX_EN is set and the holding register is empty, the UART takes the next host
//    byte one character time (10 bits * max(BAUDDIV, 16) cycles) after the register was emptied
//    (or RX was enabled). With a pipe or a file, a byte is always there: STATE.RXFULL (and the
//    RX interrupt) rise at that time, and the byte itself is read from the host, with a blocking
//    read, when the guest reads DATA. So runs are deterministic, and a guest that enables RX but
//    never reads does not wait for a host that never writes. An interactive port is polled
//    without blocking and re-polled every kInteractivePollCycles. The holding register is never
//    overwritten, so RX overrun does not happen.
//  - End of host input: one 0x04 (EOT, what Ctrl-D sends on a terminal) is delivered, then
//    nothing more.
#pragma once

#include <cstdint>
#include <functional>

#include "devices/device.h"
#include "devices/host_port.h"
#include "sim/scheduler.h"

namespace minifvp {

class CmsdkUart : public Device {
 public:
  // Register offsets (DDI 0479C, table "APB UART memory map").
  static constexpr uint32_t kData = 0x000, kState = 0x004, kCtrl = 0x008, kIntStatus = 0x00c,
                            kBaudDiv = 0x010, kPid4 = 0xfd0, kCid3 = 0xffc;
  // STATE bits
  static constexpr uint32_t kStateTxFull = 1u << 0, kStateRxFull = 1u << 1,
                            kStateTxOverrun = 1u << 2, kStateRxOverrun = 1u << 3;
  // CTRL bits
  static constexpr uint32_t kCtrlTxEn = 1u << 0, kCtrlRxEn = 1u << 1, kCtrlTxIntEn = 1u << 2,
                            kCtrlRxIntEn = 1u << 3, kCtrlTxOverrunIntEn = 1u << 4,
                            kCtrlRxOverrunIntEn = 1u << 5, kCtrlHighSpeedTest = 1u << 6;
  // INTSTATUS bits
  static constexpr uint32_t kIntTx = 1u << 0, kIntRx = 1u << 1, kIntTxOverrun = 1u << 2,
                            kIntRxOverrun = 1u << 3;
  static constexpr uint8_t kEot = 0x04;
  static constexpr uint64_t kInteractivePollCycles = 25000;
  // After a transmitted EOT (shutdown_on_eot), how long the guest has to send the status byte.
  static constexpr uint64_t kExitStatusWindowCycles = 100000;

  // `port` may be null (output discarded, no input). The UART does not own it.
  CmsdkUart(std::string name, Scheduler& scheduler, HostPort* port);
  ~CmsdkUart() override;

  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;

  IrqLine& tx_irq() { return tx_irq_; }
  IrqLine& rx_irq() { return rx_irq_; }
  IrqLine& combined_irq() { return combined_irq_; }
  IrqLine& overflow_irq() { return overflow_irq_; }

  // FVP uartN.shutdown_on_eot: a transmitted 0x04 ends the simulation; the byte that follows (if
  // the guest sends one within kExitStatusWindowCycles) is the exit status. Neither byte reaches
  // the host. A CR or LF right after the EOT is not taken as a status (firmware that logs "\x04"
  // through a line-oriented logger, as ExecuTorch's runner does, ends with status 0).
  // `on_shutdown` receives the status; it is called once.
  void set_shutdown_on_eot(bool enabled, std::function<void(int)> on_shutdown);

  uint64_t bytes_transmitted() const { return bytes_transmitted_; }
  uint64_t bytes_received() const { return bytes_received_; }
  // Cycles one character takes on the line at the current BAUDDIV.
  uint64_t character_cycles() const;

 private:
  void transmit(uint8_t byte);
  void update_irqs();
  // Arranges for the RX holding register to be filled `delay` cycles from now, if it needs to be.
  void schedule_rx_fill(uint64_t delay);
  void rx_fill_event();
  void land_rx_byte(uint8_t byte);
  // Reads the byte RXFULL announced from a pipe/file port (blocking), or EOT at end of input.
  void fetch_pending_rx_byte();
  void finish_shutdown(int status);

  Scheduler& scheduler_;
  HostPort* port_;

  uint32_t state_ = 0;
  uint32_t ctrl_ = 0;
  uint32_t intstatus_ = 0;  // TX and RX bits; the overrun bits are derived (update_irqs)
  uint32_t bauddiv_ = 0;
  uint8_t tx_buffer_ = 0;
  uint8_t rx_buffer_ = 0;

  uint64_t rx_event_id_ = 0;  // 0: no fill event pending
  bool eot_delivered_ = false;
  // RXFULL is set for a pipe/file byte that will be read from the host when DATA is read.
  bool rx_fetch_pending_ = false;

  bool shutdown_on_eot_ = false;
  std::function<void(int)> on_shutdown_;
  bool awaiting_exit_status_ = false;
  bool shutdown_done_ = false;
  uint64_t exit_status_event_id_ = 0;

  uint64_t bytes_transmitted_ = 0;
  uint64_t bytes_received_ = 0;

  IrqLine tx_irq_, rx_irq_, combined_irq_, overflow_irq_;
};

}  // namespace minifvp
