// The HostPort decorators the platform puts in front of UARTs: shutdown tags and shared outputs.
#include "sim/host_port_adapters.h"

#include <gtest/gtest.h>

#include <string>

#include "fake_host_port.h"

namespace minifvp {
namespace {

void write_text(HostPort& port, const std::string& text) {
  for (char c : text) port.write(static_cast<uint8_t>(c));
}

TEST(ShutdownTagPort, PassesOutputThroughAndFiresOnceWhenTheTagAppears) {
  test::FakeHostPort inner;
  int matches = 0;
  ShutdownTagPort port(inner, "EXITTHESIM", [&] { ++matches; });
  write_text(port, "Application exit code: 0.\n\x04\nEXITTHE");
  EXPECT_EQ(matches, 0);
  write_text(port, "SIM\nmore EXITTHESIM");
  EXPECT_EQ(matches, 1) << "called once, at the first occurrence";
  EXPECT_EQ(inner.output, "Application exit code: 0.\n\x04\nEXITTHESIM\nmore EXITTHESIM");
}

TEST(ShutdownTagPort, ForwardsInput) {
  test::FakeHostPort inner;
  inner.feed("ab");
  ShutdownTagPort port(inner, "x", [] {});
  EXPECT_EQ(port.poll_input(true), 'a');
  EXPECT_EQ(port.poll_input(false), 'b');
  EXPECT_EQ(port.poll_input(false), std::nullopt);
  EXPECT_TRUE(port.input_closed());
  port.service();
  EXPECT_EQ(inner.services, 1u);
}

TEST(OutputOnlyPort, WritesToTheSharedPortAndHasNoInput) {
  test::FakeHostPort terminal(true);
  terminal.feed("typed");
  OutputOnlyPort second(terminal);
  write_text(second, "uart1 says hi");
  EXPECT_EQ(terminal.output, "uart1 says hi");
  EXPECT_EQ(second.poll_input(true), std::nullopt);
  EXPECT_TRUE(second.input_closed());
  EXPECT_FALSE(second.interactive());
  EXPECT_EQ(terminal.input.size(), 5u) << "the owner's input is left alone";
}

}  // namespace
}  // namespace minifvp
