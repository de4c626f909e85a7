#include "devices/host_port.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <stdexcept>

#include "devices/stream_host_port.h"
#include "devices/tcp_host_port.h"

namespace minifvp {
namespace {

// "null": output dropped, no input.
class NullHostPort : public HostPort {
 public:
  void write(uint8_t) override {}
  std::optional<uint8_t> poll_input(bool) override { return std::nullopt; }
  bool input_closed() const override { return true; }
  bool interactive() const override { return false; }
};

uint16_t parse_tcp_port(const std::string& text, const std::string& spec) {
  unsigned value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value > 65535) {
    throw std::runtime_error("bad host port '" + spec + "': expected tcp:PORT with PORT 0..65535");
  }
  return static_cast<uint16_t>(value);
}

}  // namespace

std::unique_ptr<HostPort> make_host_port(const std::string& spec, const HostPortOptions& options) {
  if (spec == "stdio") {
    return std::make_unique<StreamHostPort>(STDIN_FILENO, STDOUT_FILENO, options);
  }
  if (spec == "null") return std::make_unique<NullHostPort>();
  if (spec.starts_with("tcp:")) {
    return std::make_unique<TcpHostPort>(parse_tcp_port(spec.substr(4), spec), options);
  }
  if (spec.starts_with("file:")) {
    const std::string path = spec.substr(5);
    if (path.empty()) throw std::runtime_error("bad host port 'file:': the path is empty");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
      throw std::runtime_error("cannot open '" + path +
                               "' for UART output: " + std::strerror(errno));
    }
    return std::make_unique<StreamHostPort>(-1, fd, options, /*owns_fds=*/true);
  }
  throw std::runtime_error("bad host port '" + spec +
                           "': expected stdio, tcp:PORT, file:PATH or null");
}

}  // namespace minifvp
