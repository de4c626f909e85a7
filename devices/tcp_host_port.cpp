#include "devices/tcp_host_port.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

namespace minifvp {
namespace {

// Telnet (RFC 854/857/858) bytes.
constexpr uint8_t kIac = 255, kWill = 251, kWont = 252, kDo = 253, kDont = 254, kSb = 250,
                  kSe = 240;
constexpr uint8_t kOptEcho = 1, kOptSuppressGoAhead = 3;

std::runtime_error socket_error(const std::string& what) {
  return std::runtime_error(what + ": " + std::strerror(errno));
}

}  // namespace

TcpHostPort::TcpHostPort(uint16_t port, HostPortOptions options) : options_(std::move(options)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) throw socket_error("cannot create a TCP socket");
  const int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 1) != 0) {
    const std::runtime_error error =
        socket_error("cannot listen on 127.0.0.1:" + std::to_string(port));
    ::close(listen_fd_);
    throw error;
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  std::fprintf(stderr, "minifvp: %s listening on 127.0.0.1:%u\n", options_.name.c_str(),
               unsigned{port_});
  std::fflush(stderr);
}

TcpHostPort::~TcpHostPort() {
  flush();
  if (client_fd_ >= 0) ::close(client_fd_);
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

bool TcpHostPort::try_accept(bool wait) {
  if (client_fd_ >= 0) return true;
  if (disconnected_ || listen_fd_ < 0) return false;
  for (;;) {
    pollfd pfd{listen_fd_, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, wait ? -1 : 0);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == EAGAIN || errno == ECONNABORTED) {
        if (!wait) return false;
        continue;
      }
      spdlog::error("{}: accept failed: {}", options_.name, std::strerror(errno));
      return false;
    }
    client_fd_ = fd;
    on_connected();
    return client_fd_ >= 0;
  }
}

void TcpHostPort::on_connected() {
  const int one = 1;
  ::setsockopt(client_fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // One client per port, as the FVP's terminal: stop listening.
  ::close(listen_fd_);
  listen_fd_ = -1;
  const uint8_t negotiation[] = {kIac, kWill, kOptEcho, kIac, kWill, kOptSuppressGoAhead};
  std::vector<uint8_t> pending;
  pending.swap(pending_output_);
  if (!send_raw(negotiation, sizeof negotiation)) return;
  send_bytes(pending.data(), pending.size());
}

bool TcpHostPort::send_raw(const uint8_t* data, size_t len) {
  while (len > 0 && client_fd_ >= 0) {
    const ssize_t n = ::send(client_fd_, data, len, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        pollfd pfd{client_fd_, POLLOUT, 0};
        ::poll(&pfd, 1, -1);
        continue;
      }
      drop_client();
      return false;
    }
    data += n;
    len -= static_cast<size_t>(n);
  }
  return client_fd_ >= 0;
}

void TcpHostPort::send_bytes(const uint8_t* data, size_t len) {
  // Escape IAC in the data stream (RFC 854).
  size_t start = 0;
  for (size_t i = 0; i < len; ++i) {
    if (data[i] != kIac) continue;
    if (!send_raw(data + start, i + 1 - start)) return;
    start = i;  // the IAC is sent a second time with the next run
  }
  send_raw(data + start, len - start);
}

void TcpHostPort::write(uint8_t byte) {
  if (disconnected_) return;
  if (client_fd_ < 0 && !try_accept(false)) {
    if (pending_output_.size() < kMaxPendingOutput) {
      pending_output_.push_back(byte);
    } else if (!overflow_warned_) {
      spdlog::warn("{}: no client connected; dropping output beyond {} MiB", options_.name,
                   kMaxPendingOutput >> 20);
      overflow_warned_ = true;
    }
    return;
  }
  send_buffer_.push_back(byte);
  if (byte == '\n' || send_buffer_.size() >= kSendBufferSize) flush();
}

void TcpHostPort::flush() {
  if (send_buffer_.empty()) return;
  std::vector<uint8_t> bytes;
  bytes.swap(send_buffer_);
  if (client_fd_ >= 0) send_bytes(bytes.data(), bytes.size());
}

void TcpHostPort::drop_client() {
  if (client_fd_ >= 0) ::close(client_fd_);
  client_fd_ = -1;
  disconnected_ = true;
}

void TcpHostPort::wait_for_client() {
  try_accept(true);
}

void TcpHostPort::filter_telnet(const uint8_t* data, size_t len) {
  if (head_ == input_.size()) {
    input_.clear();
    head_ = 0;
  }
  for (size_t i = 0; i < len; ++i) {
    const uint8_t b = data[i];
    switch (telnet_state_) {
      case TelnetState::AfterCr:
        telnet_state_ = TelnetState::Data;
        if (b == 0 || b == '\n') break;  // CR NUL and CR LF both mean "Enter"
        [[fallthrough]];
      case TelnetState::Data:
        if (b == kIac) {
          telnet_state_ = TelnetState::Iac;
        } else {
          input_.push_back(b);
          if (b == '\r') telnet_state_ = TelnetState::AfterCr;
        }
        break;
      case TelnetState::Iac:
        if (b == kIac) {
          input_.push_back(b);
          telnet_state_ = TelnetState::Data;
        } else if (b == kWill || b == kWont || b == kDo || b == kDont) {
          telnet_state_ = TelnetState::Option;
        } else if (b == kSb) {
          telnet_state_ = TelnetState::Sub;
        } else {
          telnet_state_ = TelnetState::Data;  // a two-byte command (NOP, AYT, ...): ignored
        }
        break;
      case TelnetState::Option:
        telnet_state_ = TelnetState::Data;
        break;
      case TelnetState::Sub:
        if (b == kIac) telnet_state_ = TelnetState::SubIac;
        break;
      case TelnetState::SubIac:
        telnet_state_ = b == kSe ? TelnetState::Data : TelnetState::Sub;
        break;
    }
  }
}

void TcpHostPort::receive(bool wait) {
  while (client_fd_ >= 0 && !input_eof_) {
    pollfd pfd{client_fd_, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, wait ? -1 : 0);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return;
    uint8_t chunk[4096];
    const ssize_t n = ::recv(client_fd_, chunk, sizeof chunk, 0);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n == 0) {  // end of the client's input; it may still read our output
      input_eof_ = true;
      return;
    }
    if (n < 0) {
      drop_client();
      return;
    }
    const size_t before = input_.size() - head_;
    filter_telnet(chunk, static_cast<size_t>(n));
    if (!wait || input_.size() - head_ > before) return;
  }
}

std::optional<uint8_t> TcpHostPort::poll_input(bool block) {
  flush();
  if (head_ == input_.size() && try_accept(block)) receive(block);
  if (head_ == input_.size()) return std::nullopt;
  return input_[head_++];
}

void TcpHostPort::service() {
  flush();
  if (try_accept(false)) receive(false);
}

}  // namespace minifvp
