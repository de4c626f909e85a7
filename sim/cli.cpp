#include "sim/cli.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

namespace minifvp {
namespace po = boost::program_options;
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// FVP config files and some shells keep the quotes of `key="value"`.
std::string_view unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    s = s.substr(1, s.size() - 2);
  }
  return s;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}

bool parse_bool(std::string_view text, std::string_view key) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "1" || lower == "true") return true;
  if (lower == "0" || lower == "false") return false;
  throw UsageError(fmt::format("-C {}={}: expected 0, 1, true or false", key, text));
}

uint32_t parse_u32(std::string_view text, std::string_view what) {
  const uint64_t v = parse_number(text, what);
  if (v > UINT32_MAX) throw UsageError(fmt::format("{}: {} does not fit in 32 bits", what, text));
  return static_cast<uint32_t>(v);
}

double parse_seconds(std::string_view text, std::string_view what) {
  const std::string s(trim(text));
  double value = 0;
  size_t used = 0;
  try {
    value = std::stod(s, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != s.size() || !(value >= 0) || value > 1e9) {
    throw UsageError(fmt::format("{}: '{}' is not a number of seconds", what, text));
  }
  return value;
}

// "cpu0=PATH" or "*.cpu0=PATH" (the FVP's instance prefix) -> PATH.
std::string strip_instance(std::string_view text) {
  const auto eq = text.find('=');
  if (eq != std::string_view::npos) {
    const std::string_view instance = text.substr(0, eq);
    if (instance.find('/') == std::string_view::npos &&
        (instance == "*" || instance.ends_with("cpu0") || instance.ends_with("*"))) {
      return std::string(text.substr(eq + 1));
    }
  }
  return std::string(text);
}

DataBlob parse_data_blob(std::string_view text) {
  const std::string spec = strip_instance(text);
  const auto at = spec.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == spec.size()) {
    throw UsageError(fmt::format("--data {}: expected FILE@ADDRESS", text));
  }
  return {spec.substr(0, at), parse_u32(std::string_view(spec).substr(at + 1), "--data address")};
}

// TCM size from cpu0.CFGITCMSZ / CFGDTCMSZ: 2^(value-1) KiB (MLEK deployment docs).
uint32_t tcm_size_from_config(std::string_view key, std::string_view text) {
  const uint64_t v = parse_number(text, key);
  if (v < 3 || v > 15) {
    throw UsageError(
        fmt::format("-C {}={}: supported values are 3 (4 KiB) to 15 (16 MiB)", key, text));
  }
  return uint32_t{1024} << (v - 1);
}

std::string format_kib(uint32_t bytes) {
  return bytes >= 1024 * 1024 ? fmt::format("{} MiB", bytes / (1024 * 1024))
                              : fmt::format("{} KiB", bytes / 1024);
}

std::optional<unsigned> uart_index(std::string_view key, std::string_view& field) {
  if (!starts_with(key, "uart") || key.size() < 6 || key[5] != '.') return std::nullopt;
  const char digit = key[4];
  if (digit < '0' || digit >= static_cast<char>('0' + kUartCount)) return std::nullopt;
  field = key.substr(6);
  return static_cast<unsigned>(digit - '0');
}

std::string_view strip_board_prefix(std::string_view key) {
  for (std::string_view prefix : {"mps4_board.subsystem.", "mps3_board.", "mps4_board."}) {
    if (starts_with(key, prefix)) return key.substr(prefix.size());
  }
  return key;
}

const PlatformDescription& description_of(const CliOptions& options) {
  const PlatformDescription* d = find_platform_description(options.platform);
  return d != nullptr ? *d : corstone300_description();
}

std::string help_text(const po::options_description& visible) {
  std::ostringstream out;
  out << "Usage: minifvp [options] firmware.elf\n"
         "A simulator of Arm Corstone-300/320 systems (Cortex-M55/M85 with CMSDK UARTs).\n\n"
      << visible
      << "\nFVP parameters (-C key=value, prefixes mps3_board./mps4_board.[subsystem.] optional):\n"
         "  uartN.out_file=-|PATH  uartN.shutdown_on_eot=0|1  uartN.shutdown_tag=TEXT\n"
         "  uartN.unbuffered_output  telnetterminalN.*  visualisation.*  vis_hdlcd.*\n"
         "  ethosu.num_macs=N  ethosu.extra_args=ARGS  core_clk.mul=HZ\n"
         "  cpu0.semihosting-enable|-cwd|-cmd_line|-heap_base|-heap_limit|-stack_base|"
         "-stack_limit\n"
         "  cpu0.INITSVTOR  iotss3_systemcontrol.INITSVTOR_RST  cpu0.CFGITCMSZ  cpu0.CFGDTCMSZ\n"
         "  timing.wait_states.REGION=N (data-access wait states of SRAM, DDR, ...; default 0)\n"
         "\nExit status: the firmware's (semihosting exit code, byte after EOT, 0 after a\n"
         "shutdown tag); 2 usage or firmware file error; 101 guest fault (lockup); 102 deadlock\n"
         "(WFI with nothing to wake the core); 103 unhandled BKPT; 104 time limit; 105\n"
         "instruction or cycle limit; 130 escape byte typed on the terminal, SIGINT or SIGTERM.\n";
  return out.str();
}

}  // namespace

uint64_t parse_number(std::string_view text, std::string_view what) {
  std::string_view s = trim(text);
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s.remove_prefix(2);
    base = 16;
  }
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    throw UsageError(
        fmt::format("{}: '{}' is not a number (decimal or 0x hexadecimal)", what, text));
  }
  return value;
}

std::optional<FvpNameMatch> platform_for_program_name(std::string_view argv0) {
  const auto slash = argv0.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1);
  if (starts_with(base, "FVP_Corstone_SSE-300")) {
    return FvpNameMatch{"corstone-300", base.find("Ethos-U65") != std::string_view::npos
                                            ? NpuVariant::EthosU65
                                            : NpuVariant::EthosU55};
  }
  if (starts_with(base, "FVP_Corstone_SSE-320")) {
    return FvpNameMatch{"corstone-320", NpuVariant::EthosU85};
  }
  return std::nullopt;
}

void apply_parameter(CliOptions& options, std::string_view raw_key, std::string_view raw_value) {
  const std::string_view key = strip_board_prefix(trim(raw_key));
  const std::string value(unquote(raw_value));
  PlatformConfig& config = options.config;
  SemihostingConfig& semihosting = config.semihosting;
  const std::string what = fmt::format("-C {}", key);

  std::string_view field;
  if (const auto uart = uart_index(key, field)) {
    UartConfig& u = config.uarts[*uart];
    if (field == "out_file") {
      u.port = value == "-" ? "stdio" : value.empty() ? "null" : "file:" + value;
    } else if (field == "shutdown_on_eot") {
      u.shutdown_on_eot = parse_bool(value, key);
    } else if (field == "shutdown_tag") {
      u.shutdown_tag = value;
    } else if (field == "unbuffered_output") {
      parse_bool(value, key);  // our UART output is never buffered
    } else {
      options.warnings.push_back(fmt::format("unknown parameter '{}' ignored", raw_key));
    }
    return;
  }
  if (starts_with(key, "telnetterminal") || starts_with(key, "visualisation.") ||
      starts_with(key, "vis_hdlcd.")) {
    return;  // windows and terminals of the FVP: nothing to do here
  }
  if (key == "ethosu.num_macs") {
    config.npu_num_macs = parse_u32(value, what);
  } else if (key == "ethosu.extra_args") {
    config.npu_extra_args = value;
  } else if (key == "cpu0.semihosting-enable") {
    config.semihosting_enabled = parse_bool(value, key);
  } else if (key == "cpu0.semihosting-cwd") {
    semihosting.cwd = value;
  } else if (key == "cpu0.semihosting-cmd_line") {
    semihosting.cmdline = value;
  } else if (key == "cpu0.semihosting-heap_base") {
    semihosting.heap_base = parse_u32(value, what);
  } else if (key == "cpu0.semihosting-heap_limit") {
    semihosting.heap_limit = parse_u32(value, what);
  } else if (key == "cpu0.semihosting-stack_base") {
    semihosting.stack_base = parse_u32(value, what);
  } else if (key == "cpu0.semihosting-stack_limit") {
    semihosting.stack_limit = parse_u32(value, what);
  } else if (key == "cpu0.INITSVTOR" || key == "iotss3_systemcontrol.INITSVTOR_RST") {
    const uint32_t vtor = parse_u32(value, what);
    if (vtor % 128 != 0) {
      throw UsageError(
          fmt::format("{}={}: a vector table address is 128-byte aligned", what, value));
    }
    config.initsvtor = vtor;
  } else if (key == "cpu0.CFGITCMSZ" || key == "cpu0.CFGDTCMSZ") {
    const bool itcm = key == "cpu0.CFGITCMSZ";
    const uint32_t size = tcm_size_from_config(key, value);
    const PlatformDescription& d = description_of(options);
    const std::string_view region = itcm ? d.itcm_name : d.dtcm_name;
    uint32_t default_size = 0;
    for (const MemoryRegion& m : d.memory) {
      if (m.name == region) default_size = m.size;
    }
    (itcm ? config.itcm_size : config.dtcm_size) = size;
    if (size != default_size) {
      options.warnings.push_back(fmt::format("{}={}: {} is {} instead of the default {}", key,
                                             value, region, format_kib(size),
                                             format_kib(default_size)));
    }
  } else if (key.starts_with("timing.wait_states.")) {
    // minifvp's own: wait states of every CPU data access to one memory region (default 0).
    const std::string region(key.substr(std::string_view("timing.wait_states.").size()));
    bool known = false;
    for (const MemoryRegion& m : description_of(options).memory) known |= m.name == region;
    if (!known) throw UsageError(fmt::format("{}: no memory region named '{}'", what, region));
    const uint32_t cycles = parse_u32(value, what);
    if (cycles > 255) throw UsageError(fmt::format("{}={}: at most 255 wait states", what, value));
    config.memory_wait_states[region] = static_cast<uint8_t>(cycles);
  } else if (key == "core_clk.mul") {
    const uint32_t hz = parse_u32(value, what);
    if (hz < 1000) throw UsageError(fmt::format("{}={}: clock too low (in Hz)", what, value));
    config.core_clock_hz = hz;
  } else {
    options.warnings.push_back(fmt::format("unknown parameter '{}' ignored", raw_key));
  }
}

void apply_config_file(CliOptions& options, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UsageError(fmt::format("-f {}: cannot open file", path));
  std::string line;
  unsigned number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    const auto eq = text.find('=');
    if (eq == std::string_view::npos || trim(text.substr(0, eq)).empty()) {
      throw UsageError(fmt::format("{}:{}: expected key=value", path, number));
    }
    apply_parameter(options, text.substr(0, eq), text.substr(eq + 1));
  }
}

CliOptions parse_command_line(int argc, const char* const argv[]) {
  CliOptions options;
  if (argc > 0 && argv[0] != nullptr) {
    if (const auto match = platform_for_program_name(argv[0])) {
      options.fvp_name = true;
      options.platform = std::string(match->platform);
      options.config.npu = match->npu;
      const std::string_view a0 = argv[0];
      options.program_name = std::string(a0.substr(a0.rfind('/') + 1));
    }
  }

  po::options_description visible("Options");
  // clang-format off
  visible.add_options()
      ("help,h", "print this help and exit")
      ("version", "print the version and exit")
      ("platform", po::value<std::string>(), "corstone-300 (default) or corstone-320")
      ("application,a", po::value<std::string>(), "[cpu0=]ELF: the firmware (FVP spelling)")
      ("data", po::value<std::vector<std::string>>()->composing(),
       "[cpu0=]FILE@ADDRESS: copy a file into memory after the ELF (repeatable)")
      ("parameter,C", po::value<std::vector<std::string>>()->composing(),
       "key=value: an FVP parameter (repeatable; see below)")
      ("config-file,f", po::value<std::vector<std::string>>()->composing(),
       "FILE: FVP parameters, one key=value per line, # comments")
      ("uart0", po::value<std::string>(), "stdio (default), tcp:PORT, file:PATH or null")
      ("uart1", po::value<std::string>(), "like --uart0 (default null)")
      ("uart2", po::value<std::string>(), "like --uart0 (default null)")
      ("uart3", po::value<std::string>(), "like --uart0 (default null)")
      ("uart4", po::value<std::string>(), "like --uart0 (default null)")
      ("uart5", po::value<std::string>(), "like --uart0 (default null)")
      ("timelimit", po::value<std::string>(), "SECONDS: stop after this much host wall time")
      ("cpulimit", po::value<std::string>(), "SECONDS: stop after this much host CPU time")
      ("cyclelimit", po::value<std::string>(), "N: stop after N simulated core cycles")
      ("max-instructions", po::value<std::string>(), "N: stop after N instructions")
      ("core-clock", po::value<std::string>(), "HZ: core clock (default 25000000)")
      ("cmdline", po::value<std::string>(), "STRING: the semihosting command line")
      ("semihosting-cwd", po::value<std::string>(), "DIR: directory for semihosting files")
      ("stats", po::bool_switch(), "print a statistics report at exit (stderr)")
      ("stat", po::bool_switch(), "print the FVP-style statistics block at exit (stdout)")
      ("stats-json", po::value<std::string>(), "FILE: write statistics as JSON")
      ("trace", po::value<std::string>(), "FILE: one line per retired instruction")
      ("log-level", po::value<std::string>(),
       "trace, debug, info, warn (default), error or off");
  // clang-format on
  po::options_description hidden;
  hidden.add_options()("firmware", po::value<std::vector<std::string>>());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("firmware", -1);

  po::variables_map vm;
  try {
    const int style =
        po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    po::store(
        po::command_line_parser(argc, argv).options(all).positional(positional).style(style).run(),
        vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }

  if (vm.count("help")) {
    options.info_text = help_text(visible);
    return options;
  }
  if (vm.count("version")) {
    options.info_text = "minifvp 0.1\n";
    return options;
  }

  if (vm.count("platform")) {
    options.platform = vm["platform"].as<std::string>();
    if (find_platform_description(options.platform) == nullptr) {
      std::string names;
      for (std::string_view n : platform_names())
        names += fmt::format("{}{}", names.empty() ? "" : ", ", n);
      throw UsageError(
          fmt::format("--platform {}: unknown platform (known: {})", options.platform, names));
    }
    if (!options.fvp_name) options.config.npu.reset();
  }

  // FVP parameters: configuration files first, then -C in command-line order; dedicated options
  // below take precedence over both.
  if (vm.count("config-file")) {
    for (const std::string& path : vm["config-file"].as<std::vector<std::string>>()) {
      apply_config_file(options, path);
    }
  }
  if (vm.count("parameter")) {
    for (const std::string& p : vm["parameter"].as<std::vector<std::string>>()) {
      const auto eq = p.find('=');
      if (eq == std::string::npos || eq == 0) {
        throw UsageError(fmt::format("-C {}: expected key=value", p));
      }
      apply_parameter(options, std::string_view(p).substr(0, eq),
                      std::string_view(p).substr(eq + 1));
    }
  }

  PlatformConfig& config = options.config;
  for (unsigned i = 0; i < kUartCount; ++i) {
    const std::string name = fmt::format("uart{}", i);
    if (vm.count(name)) config.uarts[i].port = vm[name].as<std::string>();
  }
  if (vm.count("timelimit")) {
    config.limits.wall_seconds = parse_seconds(vm["timelimit"].as<std::string>(), "--timelimit");
  }
  if (vm.count("cpulimit")) {
    config.limits.cpu_seconds = parse_seconds(vm["cpulimit"].as<std::string>(), "--cpulimit");
  }
  if (vm.count("cyclelimit")) {
    config.limits.cycles = parse_number(vm["cyclelimit"].as<std::string>(), "--cyclelimit");
  }
  if (vm.count("max-instructions")) {
    config.limits.instructions =
        parse_number(vm["max-instructions"].as<std::string>(), "--max-instructions");
  }
  if (vm.count("core-clock")) {
    const uint32_t hz = parse_u32(vm["core-clock"].as<std::string>(), "--core-clock");
    if (hz < 1000) throw UsageError("--core-clock: clock too low (in Hz)");
    config.core_clock_hz = hz;
  }
  if (vm.count("cmdline")) config.semihosting.cmdline = vm["cmdline"].as<std::string>();
  if (vm.count("semihosting-cwd")) {
    config.semihosting.cwd = vm["semihosting-cwd"].as<std::string>();
  }
  options.stats_text = vm["stats"].as<bool>();
  options.fvp_stat = vm["stat"].as<bool>();
  if (vm.count("stats-json")) options.stats_json_path = vm["stats-json"].as<std::string>();
  if (vm.count("trace")) options.trace_path = vm["trace"].as<std::string>();
  if (vm.count("log-level")) {
    options.log_level = vm["log-level"].as<std::string>();
    static constexpr std::string_view kLevels[] = {"trace", "debug",    "info", "warn",
                                                   "error", "critical", "off"};
    if (std::find(std::begin(kLevels), std::end(kLevels), options.log_level) == std::end(kLevels)) {
      throw UsageError(
          fmt::format("--log-level {}: expected trace, debug, info, warn, error, critical or off",
                      options.log_level));
    }
  }

  // The firmware: -a or one positional argument.
  std::vector<std::string> images;
  if (vm.count("application"))
    images.push_back(strip_instance(vm["application"].as<std::string>()));
  if (vm.count("firmware")) {
    for (const std::string& f : vm["firmware"].as<std::vector<std::string>>()) images.push_back(f);
  }
  if (images.empty()) throw UsageError("no firmware given (minifvp [options] firmware.elf)");
  if (images.size() > 1) {
    throw UsageError(
        fmt::format("more than one firmware image given ({} and {})", images[0], images[1]));
  }
  options.elf_path = images[0];
  if (vm.count("data")) {
    for (const std::string& d : vm["data"].as<std::vector<std::string>>()) {
      options.data.push_back(parse_data_blob(d));
    }
  }

  const NpuVariant npu = config.npu.value_or(description_of(options).default_npu);
  if (config.npu_num_macs != 0 && !valid_num_macs(npu, config.npu_num_macs)) {
    throw UsageError(fmt::format("ethosu.num_macs={}: not a configuration of the {}",
                                 config.npu_num_macs, npu_variant_name(npu)));
  }
  if (options.program_name.empty()) options.program_name = "minifvp";
  return options;
}

}  // namespace minifvp
