// HostPort served on 127.0.0.1:PORT, like the FVP's telnet terminal: a telnet or netcat client may
// connect at any time; output produced before it connects is kept and sent on connection. The
// port speaks just enough telnet to put a telnet client in character mode without local echo
// (IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD); option negotiation sent by the client is removed
// from the input, "CR NUL" and "CR LF" arrive as a single CR (the guest sees the Enter key as
// a terminal sends it), and a 0xFF output byte is sent as IAC IAC. When the client closes its side
// (EOF, e.g. a half-close) the input is closed but output still goes to it; when the connection
// is gone (reset, or a send fails) later output is dropped. Output to a connected client is sent at
// each '\n', at 4 KiB, before every input read, on flush() and on destruction.
//
// Input over TCP depends on when the client types, so the port is interactive().
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "devices/host_port.h"

namespace minifvp {

class TcpHostPort : public HostPort {
 public:
  // port 0 picks a free port (see port()). Throws std::runtime_error when it cannot listen.
  TcpHostPort(uint16_t port, HostPortOptions options);
  ~TcpHostPort() override;
  TcpHostPort(const TcpHostPort&) = delete;
  TcpHostPort& operator=(const TcpHostPort&) = delete;

  uint16_t port() const { return port_; }
  bool client_connected() const { return client_fd_ >= 0; }
  // Blocks until a client connects (no-op when one is connected or has come and gone).
  void wait_for_client();

  void write(uint8_t byte) override;
  std::optional<uint8_t> poll_input(bool block) override;
  bool input_closed() const override {
    return (input_eof_ || disconnected_) && head_ == input_.size();
  }
  bool interactive() const override { return true; }
  void service() override;
  void flush() override;

  static constexpr size_t kMaxPendingOutput = 64u << 20;
  static constexpr size_t kSendBufferSize = 4096;

 private:
  enum class TelnetState : uint8_t { Data, AfterCr, Iac, Option, Sub, SubIac };

  bool try_accept(bool wait);
  void on_connected();
  // Sends bytes as they are; false (and the client dropped) when the connection is gone.
  bool send_raw(const uint8_t* data, size_t len);
  // Sends data bytes with IAC escaped.
  void send_bytes(const uint8_t* data, size_t len);
  void receive(bool wait);
  void filter_telnet(const uint8_t* data, size_t len);
  void drop_client();

  HostPortOptions options_;
  int listen_fd_ = -1;
  int client_fd_ = -1;
  uint16_t port_ = 0;
  bool disconnected_ = false;  // the connection is gone (no output either)
  bool input_eof_ = false;     // the client closed its sending side
  bool overflow_warned_ = false;
  TelnetState telnet_state_ = TelnetState::Data;
  std::vector<uint8_t> pending_output_;  // produced before a client connected
  std::vector<uint8_t> send_buffer_;     // for the connected client, not yet sent
  std::vector<uint8_t> input_;
  size_t head_ = 0;
};

}  // namespace minifvp
