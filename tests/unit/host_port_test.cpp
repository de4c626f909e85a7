// Host ports over real descriptors: pipes, files and a loopback TCP client.
#include "devices/host_port.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "devices/stream_host_port.h"
#include "devices/tcp_host_port.h"

namespace minifvp::test {
namespace {

std::string drain(HostPort& port, bool block) {
  std::string got;
  while (std::optional<uint8_t> b = port.poll_input(block)) got.push_back(static_cast<char>(*b));
  return got;
}

TEST(StreamHostPort, PipeInputArrivesInOrderThenCloses) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  // The producer writes in small pieces from another thread: blocking polls must still see every
  // byte, in order, whatever the interleaving.
  std::thread producer([w = fds[1]] {
    for (int i = 0; i < 100; ++i) {
      const std::string piece = std::to_string(i) + ",";
      ASSERT_TRUE(write_fully(w, piece.data(), piece.size()));
    }
    close(w);
  });
  StreamHostPort port(fds[0], -1, {}, /*owns_fds=*/true);
  EXPECT_FALSE(port.interactive());
  const std::string got = drain(port, /*block=*/true);
  producer.join();
  std::string expected;
  for (int i = 0; i < 100; ++i) expected += std::to_string(i) + ",";
  EXPECT_EQ(got, expected);
  EXPECT_TRUE(port.input_closed());
  EXPECT_FALSE(port.poll_input(true).has_value());
}

TEST(StreamHostPort, NonBlockingPollReturnsNothingWhileThePipeIsEmpty) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  StreamHostPort port(fds[0], -1, {}, /*owns_fds=*/true);
  EXPECT_FALSE(port.poll_input(false).has_value());
  EXPECT_FALSE(port.input_closed());
  ASSERT_EQ(write(fds[1], "\x1d!", 2), 2);  // the escape byte is data on a pipe
  close(fds[1]);
  EXPECT_EQ(drain(port, true), "\x1d!");
  EXPECT_FALSE(port.quit_requested());
  EXPECT_TRUE(port.input_closed());
}

TEST(StreamHostPort, OutputIsByteExact) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  {
    StreamHostPort port(-1, fds[1], {}, /*owns_fds=*/true);
    EXPECT_TRUE(port.input_closed());
    for (int b = 0; b < 256; ++b) port.write(static_cast<uint8_t>(b));
  }
  std::string got(256, '\0');
  ASSERT_EQ(read(fds[0], got.data(), 256), 256);
  for (int b = 0; b < 256; ++b) EXPECT_EQ(static_cast<uint8_t>(got[b]), b);
  char extra;
  EXPECT_EQ(read(fds[0], &extra, 1), 0);  // the port closed its end
  close(fds[0]);
}

std::string read_available(int fd) {
  std::string got;
  char buf[256];
  for (;;) {
    pollfd pfd{fd, POLLIN, 0};
    if (poll(&pfd, 1, 0) <= 0) return got;
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) return got;
    got.append(buf, static_cast<size_t>(n));
  }
}

TEST(StreamHostPort, OutputIsFlushedAtLineEndsAndBeforeInputWaits) {
  int out[2], in[2];
  ASSERT_EQ(pipe(out), 0);
  ASSERT_EQ(pipe(in), 0);
  StreamHostPort port(in[0], out[1], {});
  for (char c : std::string("line\nprompt> ")) port.write(static_cast<uint8_t>(c));
  EXPECT_EQ(read_available(out[0]), "line\n");
  EXPECT_FALSE(port.poll_input(false).has_value());  // the guest polls for the answer
  EXPECT_EQ(read_available(out[0]), "prompt> ");
  port.write('x');
  port.flush();
  EXPECT_EQ(read_available(out[0]), "x");
  for (int fd : {out[0], out[1], in[0], in[1]}) close(fd);
}

TEST(StreamHostPort, PendingOutputSurvivesExit) {
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  const pid_t pid = fork();
  if (pid == 0) {
    close(out[0]);
    auto* port = new StreamHostPort(-1, out[1], {});  // never destroyed: exit() must flush
    for (char c : std::string("no newline")) port->write(static_cast<uint8_t>(c));
    std::exit(0);
  }
  close(out[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_EQ(read_available(out[0]), "no newline");
  close(out[0]);
}

TEST(HostPortFactory, FileOutputHasNoInput) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("minifvp_host_port_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "uart.txt";
  {
    std::unique_ptr<HostPort> port = make_host_port("file:" + file.string(), {});
    for (char c : std::string("line\r\n\0x", 8)) port->write(static_cast<uint8_t>(c));
    EXPECT_TRUE(port->input_closed());
    EXPECT_FALSE(port->poll_input(true).has_value());
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(content.str(), std::string("line\r\n\0x", 8));
  std::filesystem::remove_all(dir);
}

TEST(HostPortFactory, NullAndBadSpecs) {
  std::unique_ptr<HostPort> null_port = make_host_port("null", {});
  null_port->write('a');
  EXPECT_TRUE(null_port->input_closed());
  EXPECT_THROW(make_host_port("serial", {}), std::runtime_error);
  EXPECT_THROW(make_host_port("tcp:", {}), std::runtime_error);
  EXPECT_THROW(make_host_port("tcp:70000", {}), std::runtime_error);
  EXPECT_THROW(make_host_port("tcp:12x", {}), std::runtime_error);
  EXPECT_THROW(make_host_port("file:", {}), std::runtime_error);
  EXPECT_THROW(make_host_port("file:/nonexistent-dir/x/y", {}), std::runtime_error);
}

// A loopback client with a receive timeout so that a broken port fails the test instead of
// hanging it.
int connect_client(uint16_t port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

std::string receive_exactly(int fd, size_t n) {
  std::string got;
  while (got.size() < n) {
    char buf[256];
    const ssize_t r = recv(fd, buf, std::min(sizeof buf, n - got.size()), 0);
    if (r <= 0) break;
    got.append(buf, static_cast<size_t>(r));
  }
  return got;
}

TEST(TcpHostPort, LateClientGetsEarlierOutputAndTypesInput) {
  TcpHostPort port(0, {});
  ASSERT_NE(port.port(), 0);
  EXPECT_TRUE(port.interactive());
  for (char c : std::string("early\xff")) port.write(static_cast<uint8_t>(c));
  EXPECT_FALSE(port.poll_input(false).has_value());  // nobody connected yet
  EXPECT_FALSE(port.input_closed());

  const int client = connect_client(port.port());
  ASSERT_GE(client, 0);
  port.wait_for_client();
  ASSERT_TRUE(port.client_connected());
  port.write('!');
  port.write('\n');  // a line end sends the buffered output
  const std::string negotiation = "\xff\xfb\x01\xff\xfb\x03";
  EXPECT_EQ(receive_exactly(client, negotiation.size() + 9),
            negotiation + "early\xff\xff!\n");  // IAC doubled in the data stream
  port.write('?');
  port.flush();
  EXPECT_EQ(receive_exactly(client, 1), "?");

  // Telnet negotiation from the client is not input; CR LF and CR NUL are one CR.
  const std::string typed = std::string("\xff\xfd\x01hi\r\nok\r\0", 11) + "\xff\xff.";
  ASSERT_EQ(send(client, typed.data(), typed.size(), 0), static_cast<ssize_t>(typed.size()));
  std::string got;
  while (got.size() < 8) {
    std::optional<uint8_t> b = port.poll_input(/*block=*/true);
    ASSERT_TRUE(b.has_value());
    got.push_back(static_cast<char>(*b));
  }
  EXPECT_EQ(got, "hi\rok\r\xff.");

  shutdown(client, SHUT_WR);  // the client's end of input: output still reaches it
  EXPECT_FALSE(port.poll_input(true).has_value());
  EXPECT_TRUE(port.input_closed());
  port.write('o');
  port.write('k');
  port.flush();
  EXPECT_EQ(receive_exactly(client, 2), "ok");
  close(client);  // gone: later output is dropped, without SIGPIPE
  for (int i = 0; i < 100000; ++i) port.write('x');
  port.flush();
  EXPECT_TRUE(port.input_closed());
}

TEST(TcpHostPort, FactoryParsesPortAndRefusesABusyPort) {
  TcpHostPort first(0, {});
  EXPECT_THROW(make_host_port("tcp:" + std::to_string(first.port()), {}), std::runtime_error);
}

}  // namespace
}  // namespace minifvp::test
