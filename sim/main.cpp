// minifvp: run Cortex-M firmware on a simulated Corstone-300/320. See sim/cli.h for the command
// line and sim/exit_status.h for what the exit status means.
#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>

#include "sim/cli.h"
#include "sim/elf_loader.h"
#include "sim/exit_status.h"
#include "sim/platform.h"
#include "sim/stats.h"
#include "sim/trace_writer.h"

namespace minifvp {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

// SIGINT/SIGTERM end the run at the next time slice, so that the reports and statistics are
// still printed; a second signal takes the default action.
extern "C" void on_interrupt_signal(int sig) {
  g_interrupted = 1;
  std::signal(sig, SIG_DFL);
}

void setup_logging(const std::string& level) {
  auto logger = spdlog::stderr_logger_st("minifvp");
  logger->set_pattern("%n: %l: %v");
  logger->set_level(spdlog::level::from_str(level));
  spdlog::set_default_logger(logger);
}

int fail(const std::string& message) {
  std::fflush(stdout);
  std::fprintf(stderr, "minifvp: error: %s\n", message.c_str());
  return kExitUsage;
}

struct Outcome {
  RunResult result;
  RunStats stats;
};

int run_main(int argc, const char* const argv[]) {
  const HostTimer timer;
  CliOptions options;
  try {
    options = parse_command_line(argc, argv);
  } catch (const UsageError& e) {
    return fail(std::string(e.what()) + " (see --help)");
  }
  if (options.info_text) {
    std::fputs(options.info_text->c_str(), stdout);
    return 0;
  }
  setup_logging(options.log_level);
  for (const std::string& warning : options.warnings) spdlog::warn("{}", warning);

  std::optional<ElfImage> elf;
  try {
    elf = ElfImage::from_file(options.elf_path);
  } catch (const LoadError& e) {
    return fail(e.what());
  }

  std::signal(SIGINT, on_interrupt_signal);
  std::signal(SIGTERM, on_interrupt_signal);
  std::optional<Outcome> outcome;
  {
    std::unique_ptr<Platform> platform;
    std::unique_ptr<TraceWriter> trace;
    try {
      platform =
          std::make_unique<Platform>(*find_platform_description(options.platform), options.config);
      platform->load_elf(*elf);
      for (const DataBlob& blob : options.data) platform->load_data(blob.path, blob.addr);
      platform->boot();
      platform->set_interrupt_flag(&g_interrupted);
      if (!options.trace_path.empty()) {
        trace = std::make_unique<TraceWriter>(options.trace_path);
        platform->core().set_trace_sink(trace.get());
      }
    } catch (const std::exception& e) {
      return fail(e.what());
    }
    RunResult result = platform->run(timer);
    if (trace) trace->flush();
    RunStats stats = platform->stats(stop_kind_name(result.kind), exit_status_for(result));
    outcome = Outcome{std::move(result), std::move(stats)};
    // The platform goes first: its host ports flush and give the terminal back (cooked mode)
    // before the reports below are printed.
  }
  std::fflush(stdout);

  const RunResult& result = outcome->result;
  RunStats& stats = outcome->stats;
  timer.fill(stats);
  if (!result.report.empty()) std::fputs(result.report.c_str(), stderr);
  if (options.fvp_name &&
      (result.kind == StopKind::TimeLimit || result.kind == StopKind::CpuTimeLimit)) {
    // What the FVP prints, and what scripts written for it look for.
    std::puts("Info: Simulation is stopping. Reason: CPU time has been exceeded.");
  }
  if (options.fvp_stat) std::fputs(format_fvp_stat_block(stats).c_str(), stdout);
  if (options.stats_text) std::fputs(format_stats_text(stats).c_str(), stderr);
  if (!options.stats_json_path.empty()) {
    std::ofstream out(options.stats_json_path);
    out << format_stats_json(stats);
    if (!out) {
      spdlog::error("--stats-json {}: cannot write the file", options.stats_json_path);
    }
  }
  std::fflush(stdout);
  return exit_status_for(result);
}

}  // namespace
}  // namespace minifvp

int main(int argc, char* argv[]) {
  return minifvp::run_main(argc, argv);
}
