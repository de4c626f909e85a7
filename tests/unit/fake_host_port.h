// A scripted HostPort for device tests: input bytes queued by the test, output recorded.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "devices/host_port.h"

namespace minifvp::test {

class FakeHostPort : public HostPort {
 public:
  explicit FakeHostPort(bool interactive = false) : interactive_(interactive) {}

  void write(uint8_t byte) override { output.push_back(static_cast<char>(byte)); }
  std::optional<uint8_t> poll_input(bool block) override {
    ++polls;
    if (block) ++blocking_polls;
    if (input.empty()) {
      if (close_when_empty) closed_ = true;
      return std::nullopt;
    }
    const uint8_t b = input.front();
    input.pop_front();
    return b;
  }
  bool input_closed() const override { return closed_; }
  bool interactive() const override { return interactive_; }
  void service() override { ++services; }

  void feed(const std::string& bytes) { input.insert(input.end(), bytes.begin(), bytes.end()); }

  std::deque<uint8_t> input;
  std::string output;
  bool close_when_empty = true;  // a pipe that ends after the scripted bytes
  unsigned polls = 0, blocking_polls = 0, services = 0;

 private:
  bool interactive_;
  bool closed_ = false;
};

}  // namespace minifvp::test
