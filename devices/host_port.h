// The host side of a simulated serial port: the user's terminal, a pipe, a TCP client or a file.
//
// Contract: write() sends one byte to the host at once (no buffering that could reorder or delay
// output); poll_input() returns the next input byte if one is available. With block == true and a
// pipe or file as input, it waits for the next byte, so that runs fed from a pipe are deterministic
// (a byte is never "not there yet" because the producer was slow). At end of input it returns
// nullopt and input_closed() becomes true.
#pragma once

#include <cstdint>
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
};

struct HostPortOptions {
  // Interactive terminal: this byte (Ctrl-] by default, as telnet) ends the simulation.
  uint8_t escape_byte = 0x1d;
};

// spec: "stdio" (TTY in raw mode, restored on every exit path, or a pipe/file), "tcp:PORT" (serves
// 127.0.0.1:PORT like the FVP's telnet terminal), "file:PATH" (output only), "null".
// Throws std::runtime_error with a clear message on a bad spec.
std::unique_ptr<HostPort> make_host_port(const std::string& spec, const HostPortOptions& options);

}  // namespace minifvp
