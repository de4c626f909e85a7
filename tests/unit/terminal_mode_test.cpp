// Raw terminal mode on a pseudo-terminal: keys reach the guest unchanged, the escape byte ends the
// run, and the settings come back on destruction, exit() and a fatal signal.
#include "devices/terminal_mode.h"

#include <gtest/gtest.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

#include "devices/stream_host_port.h"

namespace minifvp::test {
namespace {

struct Pty {
  int master = -1, slave = -1;
  Pty() { EXPECT_EQ(openpty(&master, &slave, nullptr, nullptr, nullptr), 0); }
  ~Pty() {
    close(master);
    close(slave);
  }
  termios attrs() const {
    termios t{};
    tcgetattr(slave, &t);
    return t;
  }
};

bool canonical_with_echo(const termios& t) {
  return (t.c_lflag & ICANON) != 0 && (t.c_lflag & ECHO) != 0 && (t.c_lflag & ISIG) != 0;
}

TEST(TerminalMode, RawWhileThePortLivesRestoredAfter) {
  Pty pty;
  ASSERT_TRUE(canonical_with_echo(pty.attrs()));
  int quits = 0;
  {
    HostPortOptions options;
    options.on_quit = [&] { ++quits; };
    StreamHostPort port(pty.slave, pty.slave, options);
    EXPECT_TRUE(port.interactive());
    EXPECT_TRUE(terminal_in_raw_mode());
    const termios raw = pty.attrs();
    EXPECT_EQ(raw.c_lflag & (ICANON | ECHO | ISIG), 0u);
    EXPECT_EQ(raw.c_iflag & ICRNL, 0u);
    // Ctrl-C and CR reach the guest as bytes; the escape byte does not and ends the run.
    ASSERT_EQ(write(pty.master, "a\x03\r\x1d", 4), 4);
    EXPECT_EQ(port.poll_input(true), std::optional<uint8_t>('a'));
    EXPECT_EQ(port.poll_input(true), std::optional<uint8_t>(0x03));
    EXPECT_EQ(port.poll_input(true), std::optional<uint8_t>('\r'));
    EXPECT_FALSE(port.poll_input(false).has_value());
    EXPECT_TRUE(port.quit_requested());
    EXPECT_EQ(quits, 1);
  }
  EXPECT_FALSE(terminal_in_raw_mode());
  EXPECT_TRUE(canonical_with_echo(pty.attrs()));
}

// Runs `end` in a child that put the pty in raw mode; returns the child's wait status.
template <typename Fn>
int run_child_in_raw_mode(const Pty& pty, Fn end) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (!enter_raw_terminal_mode(pty.slave)) _exit(90);
    end();
    _exit(91);  // not reached when `end` ends the process
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

TEST(TerminalMode, RestoredByExit) {
  Pty pty;
  const int status = run_child_in_raw_mode(pty, [] { std::exit(3); });
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3);
  EXPECT_TRUE(canonical_with_echo(pty.attrs()));
}

TEST(TerminalMode, RestoredBySigtermAndTheSignalStillKills) {
  Pty pty;
  const int status = run_child_in_raw_mode(pty, [] { raise(SIGTERM); });
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_TRUE(canonical_with_echo(pty.attrs()));
}

TEST(TerminalMode, RestoredByAbortAsStdTerminateDoes) {
  Pty pty;
  const int status = run_child_in_raw_mode(pty, [] { std::abort(); });
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGABRT);
  EXPECT_TRUE(canonical_with_echo(pty.attrs()));
}

TEST(TerminalMode, SigintChainsToTheHandlerInstalledBeforeWithTheTerminalRestored) {
  Pty pty;
  const pid_t pid = fork();
  if (pid == 0) {
    // The platform's own handler, installed first: it sees a restored terminal.
    signal(SIGINT, [](int) { _exit(terminal_in_raw_mode() ? 8 : 7); });
    if (!enter_raw_terminal_mode(pty.slave)) _exit(90);
    raise(SIGINT);
    _exit(91);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 7);
  EXPECT_TRUE(canonical_with_echo(pty.attrs()));
}

TEST(TerminalMode, BackgroundJobLeavesItsControllingTerminalAlone) {
  Pty pty;
  const pid_t pid = fork();
  if (pid == 0) {
    // A new session with the pty as controlling terminal; the session's group is in front.
    if (setsid() < 0 || ioctl(pty.slave, TIOCSCTTY, 0) != 0) _exit(90);
    const pid_t job = fork();
    if (job == 0) {
      setpgid(0, 0);  // a background job of that session
      _exit(enter_raw_terminal_mode(pty.slave) ? 1 : 0);
    }
    int job_status = 0;
    waitpid(job, &job_status, WUNTRACED);
    if (WIFSTOPPED(job_status)) {  // stopped by SIGTTOU: it touched the terminal
      kill(job, SIGKILL);
      waitpid(job, &job_status, 0);
      _exit(93);
    }
    if (!WIFEXITED(job_status) || WEXITSTATUS(job_status) != 0) _exit(91);
    // The foreground group may.
    if (!enter_raw_terminal_mode(pty.slave)) _exit(92);
    restore_terminal();
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(canonical_with_echo(pty.attrs()));
}

TEST(TerminalMode, NotATerminalIsLeftAlone) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  EXPECT_FALSE(enter_raw_terminal_mode(fds[0]));
  close(fds[0]);
  close(fds[1]);
}

}  // namespace
}  // namespace minifvp::test
