#include "devices/stream_host_port.h"

#include <poll.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "devices/terminal_mode.h"

namespace minifvp {
namespace {

// Live ports, flushed by an atexit hook so that exit() from anywhere keeps buffered output.
std::mutex g_ports_mutex;
std::vector<StreamHostPort*>& live_ports() {
  static std::vector<StreamHostPort*> ports;
  return ports;
}

extern "C" void flush_live_ports_at_exit() {
  std::lock_guard lock(g_ports_mutex);
  for (StreamHostPort* port : live_ports()) port->flush();
}

void register_port(StreamHostPort* port) {
  static const bool hook_installed = [] {
    // Construct the list before registering the hook: exit() runs hooks and static destructors
    // in reverse order, so the list must outlive the hook.
    live_ports();
    std::atexit(flush_live_ports_at_exit);
    return true;
  }();
  (void)hook_installed;
  std::lock_guard lock(g_ports_mutex);
  live_ports().push_back(port);
}

void unregister_port(StreamHostPort* port) {
  std::lock_guard lock(g_ports_mutex);
  std::erase(live_ports(), port);
}

}  // namespace

bool write_fully(int fd, const void* data, size_t len) {
  const auto* p = static_cast<const uint8_t*>(data);
  while (len > 0) {
    const ssize_t n = ::write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        pollfd pfd{fd, POLLOUT, 0};
        ::poll(&pfd, 1, -1);
        continue;
      }
      return false;
    }
    p += n;
    len -= static_cast<size_t>(n);
  }
  return true;
}

StreamHostPort::StreamHostPort(int in_fd, int out_fd, HostPortOptions options, bool owns_fds)
    : in_fd_(in_fd), out_fd_(out_fd), options_(std::move(options)), owns_fds_(owns_fds) {
  if (in_fd_ < 0) {
    input_closed_ = true;
  } else {
    raw_mode_ = enter_raw_terminal_mode(in_fd_);
  }
  output_.reserve(kOutputBufferSize);
  register_port(this);
}

StreamHostPort::~StreamHostPort() {
  unregister_port(this);
  flush();
  if (raw_mode_) restore_terminal();
  if (owns_fds_) {
    if (in_fd_ >= 0) ::close(in_fd_);
    if (out_fd_ >= 0 && out_fd_ != in_fd_) ::close(out_fd_);
  }
}

void StreamHostPort::write(uint8_t byte) {
  if (out_fd_ < 0 || output_broken_) return;
  output_.push_back(byte);
  if (byte == '\n' || output_.size() >= kOutputBufferSize) flush();
}

void StreamHostPort::flush() {
  if (output_.empty()) return;
  if (!output_broken_ && !write_fully(out_fd_, output_.data(), output_.size())) {
    spdlog::error("{}: cannot write to host output: {}", options_.name, std::strerror(errno));
    output_broken_ = true;
  }
  output_.clear();
}

void StreamHostPort::accept_bytes(const uint8_t* data, size_t len) {
  if (head_ == buffer_.size()) {
    buffer_.clear();
    head_ = 0;
  }
  for (size_t i = 0; i < len; ++i) {
    if (raw_mode_ && data[i] == options_.escape_byte) {
      if (!quit_requested_) {
        quit_requested_ = true;
        if (options_.on_quit) options_.on_quit();
      }
      continue;
    }
    buffer_.push_back(data[i]);
  }
}

void StreamHostPort::fill(bool wait) {
  if (input_closed_ || quit_requested_) return;
  for (;;) {
    if (!wait) {
      pollfd pfd{in_fd_, POLLIN, 0};
      const int ready = ::poll(&pfd, 1, 0);
      if (ready < 0 && errno == EINTR) continue;
      if (ready <= 0) return;
    }
    uint8_t chunk[4096];
    const ssize_t n = ::read(in_fd_, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        if (!wait) return;
        pollfd pfd{in_fd_, POLLIN, 0};
        ::poll(&pfd, 1, -1);
        continue;
      }
      spdlog::error("{}: cannot read host input: {}", options_.name, std::strerror(errno));
      input_closed_ = true;
      return;
    }
    if (n == 0) {
      input_closed_ = true;
      return;
    }
    const size_t before = buffer_.size() - head_;
    accept_bytes(chunk, static_cast<size_t>(n));
    // A chunk made only of the escape byte gives the guest nothing: keep waiting if asked to.
    if (!wait || buffer_.size() - head_ > before || quit_requested_) return;
  }
}

std::optional<uint8_t> StreamHostPort::poll_input(bool block) {
  flush();
  if (head_ == buffer_.size()) fill(block);
  if (head_ == buffer_.size()) return std::nullopt;
  return buffer_[head_++];
}

void StreamHostPort::service() {
  flush();
  if (in_fd_ >= 0) fill(false);
}

}  // namespace minifvp
