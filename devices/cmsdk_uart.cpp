#include "devices/cmsdk_uart.h"

#include <algorithm>

namespace minifvp {
namespace {

constexpr uint32_t kCtrlMask = 0x7f;
constexpr uint32_t kBaudDivMask = 0xfffff;
constexpr uint32_t kMinBaudDiv = 16;        // DDI 0479C: "the minimum number is 16"
constexpr uint32_t kBitsPerCharacter = 10;  // start + 8 data + stop

// The register map (DDI 0479C, "APB UART memory map"). The ID registers read as their reset value.
constexpr RegisterInfo kRegisters[] = {
    {CmsdkUart::kData, "DATA", RegAccess::ReadWrite, 0},
    {CmsdkUart::kState, "STATE", RegAccess::WriteOneToClear, 0},  // [1:0] RO, [3:2] W1C
    {CmsdkUart::kCtrl, "CTRL", RegAccess::ReadWrite, 0},
    {CmsdkUart::kIntStatus, "INTSTATUS/INTCLEAR", RegAccess::WriteOneToClear, 0},
    {CmsdkUart::kBaudDiv, "BAUDDIV", RegAccess::ReadWrite, 0},
    {0xfd0, "PID4", RegAccess::ReadOnly, 0x04},
    {0xfd4, "PID5", RegAccess::ReadOnly, 0x00},
    {0xfd8, "PID6", RegAccess::ReadOnly, 0x00},
    {0xfdc, "PID7", RegAccess::ReadOnly, 0x00},
    {0xfe0, "PID0", RegAccess::ReadOnly, 0x21},
    {0xfe4, "PID1", RegAccess::ReadOnly, 0xb8},
    {0xfe8, "PID2", RegAccess::ReadOnly, 0x1b},
    {0xfec, "PID3", RegAccess::ReadOnly, 0x00},
    {0xff0, "CID0", RegAccess::ReadOnly, 0x0d},
    {0xff4, "CID1", RegAccess::ReadOnly, 0xf0},
    {0xff8, "CID2", RegAccess::ReadOnly, 0x05},
    {0xffc, "CID3", RegAccess::ReadOnly, 0xb1},
};

}  // namespace

CmsdkUart::CmsdkUart(std::string name, Scheduler& scheduler, HostPort* port)
    : Device(std::move(name)), scheduler_(scheduler), port_(port) {
  reset();
}

CmsdkUart::~CmsdkUart() {
  // The scheduler outlives its devices: drop the events that point at this UART.
  if (rx_event_id_ != 0) scheduler_.cancel(rx_event_id_);
  if (exit_status_event_id_ != 0) scheduler_.cancel(exit_status_event_id_);
}

void CmsdkUart::reset() {
  if (rx_event_id_ != 0) scheduler_.cancel(rx_event_id_);
  rx_event_id_ = 0;
  if (exit_status_event_id_ != 0) scheduler_.cancel(exit_status_event_id_);
  exit_status_event_id_ = 0;
  awaiting_exit_status_ = false;
  state_ = ctrl_ = intstatus_ = bauddiv_ = 0;
  tx_buffer_ = rx_buffer_ = 0;
  rx_fetch_pending_ = false;  // not read from the host yet: it stays there
  update_irqs();
  // An interactive port is polled all the time, so that the escape byte is seen even when the
  // guest does not read the UART.
  if (port_ != nullptr && port_->interactive()) schedule_rx_fill(kInteractivePollCycles);
}

uint64_t CmsdkUart::character_cycles() const {
  return uint64_t{kBitsPerCharacter} * std::max(bauddiv_, kMinBaudDiv);
}

void CmsdkUart::set_shutdown_on_eot(bool enabled, std::function<void(int)> on_shutdown) {
  shutdown_on_eot_ = enabled;
  on_shutdown_ = std::move(on_shutdown);
}

AccessStatus CmsdkUart::read(uint32_t offset, unsigned size, uint32_t& value) {
  const uint32_t reg_offset = offset & ~3u;
  const unsigned shift = (offset & 3u) * 8;
  uint32_t reg = 0;
  switch (reg_offset) {
    case kData:
      if (shift == 0 && rx_fetch_pending_) fetch_pending_rx_byte();
      reg = rx_buffer_;
      if (shift == 0 && (state_ & kStateRxFull) != 0) {
        state_ &= ~kStateRxFull;
        update_irqs();
        schedule_rx_fill(character_cycles());
      }
      break;
    case kState:
      reg = state_;
      break;
    case kCtrl:
      reg = ctrl_;
      break;
    case kIntStatus:
      reg = intstatus_;
      break;
    case kBaudDiv:
      reg = bauddiv_;
      break;
    default:
      if (const RegisterInfo* id = find_register(kRegisters, reg_offset)) {
        reg = id->reset_value;
      } else {
        guest_error("read of an unknown register", offset);
      }
      break;
  }
  value = register_lanes(reg, offset, size);
  return AccessStatus::Ok;
}

AccessStatus CmsdkUart::write(uint32_t offset, unsigned size, uint32_t value) {
  if ((offset & 3u) != 0) {
    guest_error("unaligned register write ignored", offset);
    return AccessStatus::Ok;
  }
  if (size < 4) value &= (1u << (8 * size)) - 1;
  switch (offset) {
    case kData:
      tx_buffer_ = static_cast<uint8_t>(value);
      if ((state_ & kStateTxFull) != 0) {
        state_ |= kStateTxOverrun;  // the held byte is replaced, as the buffer is overwritten
      } else if ((ctrl_ & kCtrlTxEn) != 0) {
        transmit(tx_buffer_);
      } else {
        state_ |= kStateTxFull;  // held until TX is enabled
      }
      update_irqs();
      break;
    case kState:
      state_ &= ~(value & (kStateTxOverrun | kStateRxOverrun));
      update_irqs();
      break;
    case kCtrl: {
      const uint32_t enabled = (value & kCtrlMask) & ~ctrl_;
      ctrl_ = value & kCtrlMask;
      if ((enabled & kCtrlTxEn) != 0 && (state_ & kStateTxFull) != 0) {
        state_ &= ~kStateTxFull;
        transmit(tx_buffer_);
      }
      if ((enabled & kCtrlRxEn) != 0) schedule_rx_fill(character_cycles());
      update_irqs();
      break;
    }
    case kIntStatus:
      // INTCLEAR: every bit W1C. The overrun bits mirror STATE, so they clear STATE's bits.
      state_ &= ~(value & (kIntTxOverrun | kIntRxOverrun));
      intstatus_ &= ~value;
      update_irqs();
      break;
    case kBaudDiv:
      bauddiv_ = value & kBaudDivMask;
      if (bauddiv_ < kMinBaudDiv) guest_error("BAUDDIV below the minimum of 16", offset);
      break;
    default:
      if (find_register(kRegisters, offset) != nullptr) {
        guest_error("write to a read-only ID register ignored", offset);
      } else {
        guest_error("write to an unknown register ignored", offset);
      }
      break;
  }
  return AccessStatus::Ok;
}

void CmsdkUart::transmit(uint8_t byte) {
  ++bytes_transmitted_;
  // TXFULL went set -> clear (the byte left the buffer at once): the TX interrupt.
  if ((ctrl_ & kCtrlTxIntEn) != 0) intstatus_ |= kIntTx;
  if (shutdown_done_) return;
  if (awaiting_exit_status_) {
    if (exit_status_event_id_ != 0) scheduler_.cancel(exit_status_event_id_);
    exit_status_event_id_ = 0;
    finish_shutdown(byte == '\r' || byte == '\n' ? 0 : byte);
    return;
  }
  if (shutdown_on_eot_ && byte == kEot) {
    awaiting_exit_status_ = true;
    exit_status_event_id_ = scheduler_.schedule_in(kExitStatusWindowCycles, [this] {
      exit_status_event_id_ = 0;
      finish_shutdown(0);
    });
    return;
  }
  if (port_ != nullptr) port_->write(byte);
}

void CmsdkUart::finish_shutdown(int status) {
  awaiting_exit_status_ = false;
  if (shutdown_done_) return;
  shutdown_done_ = true;
  if (port_ != nullptr) port_->flush();
  if (on_shutdown_) on_shutdown_(status);
}

void CmsdkUart::update_irqs() {
  // INTSTATUS.TXO/RXO are STATE.TXOVERRUN/RXOVERRUN gated by CTRL.TXO_INTEN/RXO_INTEN.
  constexpr uint32_t kOverrun = kIntTxOverrun | kIntRxOverrun;
  intstatus_ = (intstatus_ & ~kOverrun) | (state_ & (ctrl_ >> 2) & kOverrun);
  tx_irq_.set((intstatus_ & kIntTx) != 0);
  rx_irq_.set((intstatus_ & kIntRx) != 0);
  overflow_irq_.set((intstatus_ & kOverrun) != 0);
  combined_irq_.set(intstatus_ != 0);
}

void CmsdkUart::schedule_rx_fill(uint64_t delay) {
  if (port_ == nullptr) return;
  if (eot_delivered_) return;  // the host input has ended; nothing more will ever arrive
  if (rx_event_id_ != 0) {
    scheduler_.cancel(rx_event_id_);
    rx_event_id_ = 0;
  }
  rx_event_id_ = scheduler_.schedule_in(delay, [this] {
    rx_event_id_ = 0;
    rx_fill_event();
  });
}

void CmsdkUart::rx_fill_event() {
  const bool interactive = port_->interactive();
  const bool can_receive = (ctrl_ & kCtrlRxEn) != 0 && (state_ & kStateRxFull) == 0;
  if (can_receive && !interactive) {
    // A pipe or file always has a byte or its end (EOT) to give: announce it now, read it when
    // the guest reads DATA.
    rx_fetch_pending_ = true;
    land_rx_byte(0);
    return;
  }
  if (can_receive) {
    if (std::optional<uint8_t> byte = port_->poll_input(/*block=*/false)) {
      ++bytes_received_;
      land_rx_byte(*byte);
    } else if (port_->input_closed()) {
      eot_delivered_ = true;
      land_rx_byte(kEot);
      return;
    }
  } else if (interactive) {
    port_->service();
  }
  if (interactive) schedule_rx_fill(kInteractivePollCycles);
}

void CmsdkUart::fetch_pending_rx_byte() {
  rx_fetch_pending_ = false;
  if (std::optional<uint8_t> byte = port_->poll_input(/*block=*/true)) {
    ++bytes_received_;
    rx_buffer_ = *byte;
  } else {
    eot_delivered_ = true;  // end of input: the one EOT, and nothing after it
    rx_buffer_ = kEot;
  }
}

void CmsdkUart::land_rx_byte(uint8_t byte) {
  rx_buffer_ = byte;
  state_ |= kStateRxFull;
  if ((ctrl_ & kCtrlRxIntEn) != 0) intstatus_ |= kIntRx;
  update_irqs();
}

}  // namespace minifvp
