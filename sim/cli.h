// The minifvp command line, parsed with Boost.Program_options.
//
//   minifvp [options] firmware.elf
//
// Besides its own options it understands the FVP's spellings, so that scripts written for
// FVP_Corstone_SSE-300_Ethos-U55/U65 and FVP_Corstone_SSE-320 run unchanged: `-a [cpu0=]ELF`,
// `--data [cpu0=]FILE@ADDRESS`, `-C key=value`, `-f config.txt`, `--stat`, `--timelimit`,
// `--cpulimit`, `--cyclelimit`. Invoked under one of those FVP names (argv[0], e.g. through a
// symlink) it selects the matching platform.
//
// -C keys may carry the board prefixes `mps3_board.`, `mps4_board.` or `mps4_board.subsystem.`.
// Keys with a meaning take effect (see apply_parameter()), keys that only concern the FVP's
// windows and terminals are accepted silently, and unknown keys produce a warning.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/platform.h"

namespace minifvp {

// A command-line error; what() is one line. The program prints it and exits with status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct DataBlob {
  std::string path;
  uint32_t addr = 0;
};

struct CliOptions {
  std::string program_name = "minifvp";
  bool fvp_name = false;  // invoked as FVP_Corstone_SSE-*
  std::string platform = "corstone-300";
  PlatformConfig config;

  std::string elf_path;
  std::vector<DataBlob> data;

  bool stats_text = false;      // --stats
  bool fvp_stat = false;        // --stat
  std::string stats_json_path;  // --stats-json FILE
  std::string trace_path;       // --trace FILE
  std::string log_level = "warn";

  // Set when the command line asked for help or the version instead of a run: the text to print.
  std::optional<std::string> info_text;
  std::vector<std::string> warnings;  // for the caller to print (unknown -C keys, ...)
};

// Parses argv. Throws UsageError for bad options or values.
CliOptions parse_command_line(int argc, const char* const argv[]);

// Applies one FVP parameter (`-C key=value` or a line of a `-f` file). Throws UsageError for a
// bad value; adds a warning for an unknown key.
void apply_parameter(CliOptions& options, std::string_view key, std::string_view value);

// Reads a `-f` file: `key=value` lines, `#` comments, blank lines. Throws UsageError.
void apply_config_file(CliOptions& options, const std::string& path);

// Number parsing as the FVP accepts it: decimal or 0x-prefixed hexadecimal. Throws UsageError
// naming `what`.
uint64_t parse_number(std::string_view text, std::string_view what);

// The platform (and NPU) an FVP executable name selects, e.g. "FVP_Corstone_SSE-300_Ethos-U65".
struct FvpNameMatch {
  std::string_view platform;
  NpuVariant npu;
};
std::optional<FvpNameMatch> platform_for_program_name(std::string_view argv0);

}  // namespace minifvp
