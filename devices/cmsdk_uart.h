// Arm CMSDK APB UART (ARM DDI 0479, "APB UART"): DATA, STATE, CTRL, INTSTATUS/INTCLEAR, BAUDDIV
// and the ID registers, with TX, RX and overrun interrupts.
#pragma once

#include <cstdint>
#include <functional>

#include "devices/device.h"
#include "devices/host_port.h"
#include "sim/scheduler.h"

namespace minifvp {

class CmsdkUart : public Device {
 public:
  // `port` may be null (output discarded, no input). The UART does not own it.
  CmsdkUart(std::string name, Scheduler& scheduler, HostPort* port);

  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;

  IrqLine& tx_irq() { return tx_irq_; }
  IrqLine& rx_irq() { return rx_irq_; }
  IrqLine& combined_irq() { return combined_irq_; }
  IrqLine& overflow_irq() { return overflow_irq_; }

  // FVP uartN.shutdown_on_eot: a transmitted 0x04 ends the simulation; the byte that follows (if
  // the guest sends one promptly) is the exit status. `on_shutdown` receives the status.
  void set_shutdown_on_eot(bool enabled, std::function<void(int)> on_shutdown);

  uint64_t bytes_transmitted() const;
  uint64_t bytes_received() const;
  // (further members are the implementation's business)
};

}  // namespace minifvp
