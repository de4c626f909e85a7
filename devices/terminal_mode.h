// Raw mode for an interactive terminal, restored on every way the process can end.
//
// While raw mode is active the terminal delivers every key to the guest (no echo, no line
// editing, no signals from Ctrl-C/Ctrl-Z, no CR->LF translation); output processing (OPOST) is
// kept so that the guest's "\n" still starts a new line. The saved settings are put back by
// restore_terminal(), which runs from: the owner's destructor, an atexit handler, and handlers for
// SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE (output closed), SIGXCPU (CPU limit) and the fatal
// signals (SIGABRT covers uncaught exceptions via std::terminate). Those handlers then chain to
// whatever handler was installed before (or re-raise with the default action). _exit() and SIGKILL
// cannot be covered by any process; SIGSTOP/SIGTSTP sent from outside leave the terminal raw while
// the process is stopped.
#pragma once

namespace minifvp {

// Puts `fd` (a TTY) in raw mode. Returns false, leaving the terminal untouched, when `fd` is not a
// terminal, the process is not in the terminal's foreground process group (a background job), or
// the attributes cannot be changed. Only one terminal can be in raw mode at a time.
bool enter_raw_terminal_mode(int fd);

// Restores the settings saved by enter_raw_terminal_mode (idempotent, async-signal-safe).
void restore_terminal();

bool terminal_in_raw_mode();

}  // namespace minifvp
