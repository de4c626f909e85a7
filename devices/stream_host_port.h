// HostPort over file descriptors: the process's stdin/stdout ("stdio"), or any pipe/file pair.
//
// When the input descriptor is a terminal, it is switched to raw mode (devices/terminal_mode.h)
// for the port's lifetime, the port is interactive() and the escape byte ends the simulation.
// Otherwise input is a pipe or a file: every byte is delivered in order, poll_input(true) waits for
// the producer, and end of file closes the input.
//
// Output is line-buffered: bytes are written with write(2) at each '\n', when 4 KiB are pending,
// before every input read (so a prompt is visible before the guest waits for an answer), on
// flush(), on destruction and at exit() (an atexit hook flushes every live port). Byte content and
// order are exact; only a partial last line can be lost, and only if the process is killed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "devices/host_port.h"

namespace minifvp {

class StreamHostPort : public HostPort {
 public:
  // in_fd < 0: no input (input_closed() from the start); out_fd < 0: output discarded.
  // With owns_fds, the descriptors are closed by the destructor.
  StreamHostPort(int in_fd, int out_fd, HostPortOptions options, bool owns_fds = false);
  ~StreamHostPort() override;
  StreamHostPort(const StreamHostPort&) = delete;
  StreamHostPort& operator=(const StreamHostPort&) = delete;

  void write(uint8_t byte) override;
  std::optional<uint8_t> poll_input(bool block) override;
  bool input_closed() const override { return input_closed_ && head_ == buffer_.size(); }
  bool interactive() const override { return raw_mode_; }
  void service() override;
  bool quit_requested() const override { return quit_requested_; }
  void flush() override;

  static constexpr size_t kOutputBufferSize = 4096;

 private:
  // Reads what the input descriptor has (waiting for at least one byte when `wait`).
  void fill(bool wait);
  void accept_bytes(const uint8_t* data, size_t len);

  int in_fd_;
  int out_fd_;
  HostPortOptions options_;
  bool owns_fds_;
  bool raw_mode_ = false;
  bool input_closed_ = false;
  bool output_broken_ = false;
  bool quit_requested_ = false;
  std::vector<uint8_t> buffer_;  // bytes read from the host, not yet taken by the guest
  size_t head_ = 0;
  std::vector<uint8_t> output_;  // bytes written by the guest, not yet given to the host
};

// Writes all of `data` to `fd`, retrying after EINTR and short writes. False on error.
bool write_fully(int fd, const void* data, size_t len);

}  // namespace minifvp
