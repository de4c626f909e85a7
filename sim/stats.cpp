#include "sim/stats.h"

#include <fmt/format.h>
#include <sys/resource.h>

#include <cmath>

namespace minifvp {
namespace {

double seconds(const timeval& tv) {
  return tv.tv_sec + tv.tv_usec / 1e6;
}

void process_times(double& user, double& system) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  user = seconds(usage.ru_utime);
  system = seconds(usage.ru_stime);
}

constexpr int kFvpLineWidth = 79;
constexpr int kFvpLabelWidth = 40;

std::string fvp_line(const std::string& label, const std::string& value) {
  return fmt::format("{:<{}}: {}\n", label, kFvpLabelWidth, value);
}

}  // namespace

HostTimer::HostTimer() : start_(std::chrono::steady_clock::now()) {
  process_times(user_start_, system_start_);
}

double HostTimer::wall_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

double HostTimer::cpu_seconds() const {
  double user = 0, system = 0;
  process_times(user, system);
  return (user - user_start_) + (system - system_start_);
}

void HostTimer::fill(RunStats& stats) const {
  stats.wall_seconds = wall_seconds();
  double user = 0, system = 0;
  process_times(user, system);
  stats.user_seconds = user - user_start_;
  stats.system_seconds = system - system_start_;
}

std::string format_stats_text(const RunStats& s) {
  std::string out = fmt::format("minifvp statistics ({}, {} at {:.3f} MHz)\n", s.platform, s.cpu,
                                s.core_clock_hz / 1e6);
  out += fmt::format("  stop reason        : {} (exit code {})\n", s.stop_reason, s.exit_code);
  out += fmt::format("  instructions       : {}\n", s.instructions);
  out += fmt::format("  cycles             : {}\n", s.cycles);
  out += fmt::format("  CPI                : {:.3f}\n", s.cpi());
  if (!s.stall_cycles.empty()) {
    uint64_t total = 0;
    std::string causes;
    for (const auto& [cause, cycles] : s.stall_cycles) {
      total += cycles;
      causes += fmt::format("{}{} {}", causes.empty() ? "" : ", ", cause, cycles);
    }
    out += fmt::format("  stall cycles       : {} ({})\n", total, causes);
  }
  out += fmt::format("  simulated time     : {:.6f} s\n", s.simulated_seconds());
  out += fmt::format("  host wall time     : {:.6f} s (user {:.6f} s, system {:.6f} s)\n",
                     s.wall_seconds, s.user_seconds, s.system_seconds);
  out += fmt::format("  speed              : {:.2f} MIPS\n", s.mips());
  for (const UartStats& u : s.uarts) {
    if (u.tx_bytes == 0 && u.rx_bytes == 0) continue;
    out += fmt::format("  {:<19}: {} bytes out, {} bytes in\n", u.name, u.tx_bytes, u.rx_bytes);
  }
  std::string by_number;
  for (const ExceptionCount& e : s.exceptions_by_number) {
    by_number += fmt::format("{}{} {}", by_number.empty() ? "" : ", ", e.name, e.count);
  }
  out += fmt::format("  exceptions taken   : {}{}\n", s.exceptions_taken,
                     by_number.empty() ? "" : " (" + by_number + ")");
  if (s.npu) out += format_npu_text(*s.npu, s.cycles);
  return out;
}

std::string format_fvp_stat_block(const RunStats& s) {
  const std::string title = fmt::format("--- minifvp {} statistics: ", s.platform);
  std::string out = title;
  if (static_cast<int>(title.size()) < kFvpLineWidth) {
    out += std::string(kFvpLineWidth - title.size(), '-');
  }
  out += '\n';
  out += fvp_line("Simulated time", fmt::format("{:.6f}s", s.simulated_seconds()));
  out += fvp_line("User time", fmt::format("{:.6f}s", s.user_seconds));
  out += fvp_line("System time", fmt::format("{:.6f}s", s.system_seconds));
  out += fvp_line("Wall time", fmt::format("{:.6f}s", s.wall_seconds));
  const double index = s.wall_seconds > 0 ? s.simulated_seconds() / s.wall_seconds : 0.0;
  out += fvp_line("Performance index", fmt::format("{:.2f}", index));
  out += fvp_line(fmt::format("minifvp {}.{}", s.platform, s.cpu),
                  fmt::format("{:6.2f} MIPS ({:12} Inst)", s.mips(), s.instructions));
  out += std::string(kFvpLineWidth, '-');
  out += '\n';
  return out;
}

// JSON has no NaN or infinity; our numbers are finite by construction, this keeps it so.
std::string json_number(double value) {
  if (!std::isfinite(value)) return "0";
  return fmt::format("{}", value);
}

std::string json_quote(const std::string& text) {
  std::string out = "\"";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

std::string format_stats_json(const RunStats& s) {
  std::string out = "{\n";
  out += "  \"schema\": \"minifvp-stats/1\",\n";
  out += fmt::format("  \"platform\": {},\n", json_quote(s.platform));
  out += fmt::format("  \"cpu\": {},\n", json_quote(s.cpu));
  out += fmt::format("  \"core_clock_hz\": {},\n", s.core_clock_hz);
  out += fmt::format("  \"stop\": {{\"reason\": {}, \"exit_code\": {}}},\n",
                     json_quote(s.stop_reason), s.exit_code);
  out += fmt::format("  \"instructions\": {},\n", s.instructions);
  out += fmt::format("  \"cycles\": {},\n", s.cycles);
  out += fmt::format("  \"simulated_seconds\": {},\n", json_number(s.simulated_seconds()));
  out += fmt::format(
      "  \"host\": {{\"wall_seconds\": {}, \"user_seconds\": {}, \"system_seconds\": {}}},\n",
      json_number(s.wall_seconds), json_number(s.user_seconds), json_number(s.system_seconds));
  out += fmt::format("  \"mips\": {},\n", json_number(s.mips()));
  out += "  \"uarts\": [";
  for (size_t i = 0; i < s.uarts.size(); ++i) {
    const UartStats& u = s.uarts[i];
    out += fmt::format("{}{{\"name\": {}, \"tx_bytes\": {}, \"rx_bytes\": {}}}", i ? ", " : "",
                       json_quote(u.name), u.tx_bytes, u.rx_bytes);
  }
  out += "],\n";
  out += fmt::format("  \"cpi\": {},\n", json_number(s.cpi()));
  out += "  \"stall_cycles\": {";
  for (size_t i = 0; i < s.stall_cycles.size(); ++i) {
    out += fmt::format("{}{}: {}", i ? ", " : "", json_quote(s.stall_cycles[i].first),
                       s.stall_cycles[i].second);
  }
  out += "},\n";
  out += fmt::format("  \"exceptions_taken\": {},\n", s.exceptions_taken);
  out += "  \"exceptions_by_number\": [";
  for (size_t i = 0; i < s.exceptions_by_number.size(); ++i) {
    const ExceptionCount& e = s.exceptions_by_number[i];
    out += fmt::format("{}{{\"number\": {}, \"name\": {}, \"count\": {}}}", i ? ", " : "", e.number,
                       json_quote(e.name), e.count);
  }
  out += "],\n";
  out += fmt::format("  \"npu\": {}\n}}\n", s.npu ? format_npu_json(*s.npu, s.cycles) : "null");
  return out;
}

}  // namespace minifvp
