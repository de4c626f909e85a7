// HostPort decorators the platform puts between a UART and its host port.
#pragma once

#include <functional>
#include <string>

#include "devices/host_port.h"

namespace minifvp {

// A second UART writing to a port another UART already owns (several uartN.out_file=- on one
// terminal): output goes through, there is no input.
class OutputOnlyPort final : public HostPort {
 public:
  explicit OutputOnlyPort(HostPort& target) : target_(target) {}
  void write(uint8_t byte) override { target_.write(byte); }
  std::optional<uint8_t> poll_input(bool) override { return std::nullopt; }
  bool input_closed() const override { return true; }
  bool interactive() const override { return false; }
  void flush() override { target_.flush(); }

 private:
  HostPort& target_;
};

// FVP uartN.shutdown_tag: passes everything through and calls `on_match` once, when the output
// contains `tag`.
class ShutdownTagPort final : public HostPort {
 public:
  ShutdownTagPort(HostPort& inner, std::string tag, std::function<void()> on_match)
      : inner_(inner), tag_(std::move(tag)), on_match_(std::move(on_match)) {}

  void write(uint8_t byte) override {
    inner_.write(byte);
    if (matched_ || tag_.empty()) return;
    recent_.push_back(static_cast<char>(byte));
    if (recent_.size() > tag_.size()) recent_.erase(0, recent_.size() - tag_.size());
    if (recent_ == tag_) {
      matched_ = true;
      on_match_();
    }
  }
  std::optional<uint8_t> poll_input(bool block) override { return inner_.poll_input(block); }
  bool input_closed() const override { return inner_.input_closed(); }
  bool interactive() const override { return inner_.interactive(); }
  void service() override { inner_.service(); }
  bool quit_requested() const override { return inner_.quit_requested(); }
  void flush() override { inner_.flush(); }

 private:
  HostPort& inner_;
  std::string tag_;
  std::function<void()> on_match_;
  std::string recent_;
  bool matched_ = false;
};

}  // namespace minifvp
