// The host side of a simulated serial port: the user's terminal, a pipe, a TCP client or a file.
//
// Contract: write() sends one byte to the host at once (no buffering that could reorder or delay
// output); poll_input() returns the next input byte if one is available. With block == true and a
// pipe or file as input, it waits for the next byte, so that runs fed from a pipe are deterministic
// (a byte is never "not there yet" because the producer was slow). At end of input it returns
// nullopt and input_closed() becomes true.
//
// Ending the simulation from the host: on an interactive terminal the escape byte (Ctrl-] by
// default) is never passed to the guest; it sets quit_requested() and calls
// HostPortOptions::on_quit. The platform either polls quit_requested() between run quanta or
// installs on_quit (which may call Core::request_stop). The byte is only seen when the port reads
// its input, so a UART on an interactive port keeps polling (see CmsdkUart) even when the guest
// does not read.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace minifvp {

class HostPort {
 public:
  virtual ~HostPort() = default;
  virtual void write(uint8_t byte) = 0;
  virtual std::optional<uint8_t> poll_input(bool block) = 0;
  virtual bool input_closed() const = 0;
  // True when input comes from an interactive terminal (non-deterministic by nature).
  virtual bool interactive() const = 0;

  // Reads whatever input is available without consuming it for the guest, so that the escape
  // byte and a closed connection are noticed while the guest is not reading. Never blocks.
  virtual void service() {}
  // The user typed the escape byte (interactive terminal) and wants the simulation to end.
  virtual bool quit_requested() const { return false; }
  // Pushes buffered output to the host (no-op for ports that write through).
  virtual void flush() {}
};

struct HostPortOptions {
  // Interactive terminal: this byte (Ctrl-] by default, as telnet) ends the simulation.
  uint8_t escape_byte = 0x1d;
  // Called once when the escape byte is read (in addition to quit_requested() becoming true).
  std::function<void()> on_quit;
  // Name used in messages ("minifvp: UART0 listening on 127.0.0.1:5000").
  std::string name = "UART0";
};

// spec: "stdio" (TTY in raw mode, restored on every exit path, or a pipe/file), "tcp:PORT" (serves
// 127.0.0.1:PORT like the FVP's telnet terminal), "file:PATH" (output only), "null".
// Throws std::runtime_error with a clear message on a bad spec.
//
// Ports without input ("file:", "null") report input_closed() from the start: a guest that reads
// gets end of input (one EOT from the UART) instead of waiting forever.
std::unique_ptr<HostPort> make_host_port(const std::string& spec, const HostPortOptions& options);

}  // namespace minifvp
