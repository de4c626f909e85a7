#include "devices/stream_host_port.h"

#include <poll.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "devices/terminal_mode.h"

namespace minifvp {

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
}

StreamHostPort::~StreamHostPort() {
  if (raw_mode_) restore_terminal();
  if (owns_fds_) {
    if (in_fd_ >= 0) ::close(in_fd_);
    if (out_fd_ >= 0 && out_fd_ != in_fd_) ::close(out_fd_);
  }
}

void StreamHostPort::write(uint8_t byte) {
  if (out_fd_ < 0 || output_broken_) return;
  if (!write_fully(out_fd_, &byte, 1)) {
    spdlog::error("{}: cannot write to host output: {}", options_.name, std::strerror(errno));
    output_broken_ = true;
  }
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
  if (head_ == buffer_.size()) fill(block);
  if (head_ == buffer_.size()) return std::nullopt;
  return buffer_[head_++];
}

void StreamHostPort::service() {
  if (in_fd_ >= 0) fill(false);
}

}  // namespace minifvp
