// A bus with RAM regions, a scheduler and an Ethos-U55 mapped on the bus, driven the way the
// driver does (ethosu_dev_run_command_stream): BASEP, QBASE, QSIZE, REGIONCFG, then CMD run, and
// time advanced event by event until the NPU stops.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "npu/ethosu_device.h"
#include "sim/bus.h"
#include "sim/scheduler.h"

namespace minifvp::test {

inline std::vector<uint8_t> read_binary_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

inline bool file_exists(const std::string& path) {
  return std::ifstream(path).good();
}

class NpuHarness {
 public:
  static constexpr uint32_t kNpuBase = 0x48102000;
  static constexpr uint32_t kCommandBase = 0x30000000;
  static constexpr uint32_t kRegionBase =
      0x60000000;  // region n at kRegionBase + n * kRegionStride
  static constexpr uint32_t kRegionStride = 0x01000000;

  explicit NpuHarness(int macs = 128) : npu_(bus_, scheduler_, macs) {
    bus_.add_device(npu_, kNpuBase, npu::EthosU55::kWindowSize);
    npu_.irq().connect([this](bool level) {
      if (level) ++irq_rising_edges_;
    });
    bus_.add_ram("cmd", kCommandBase, 0x100000);
  }

  Bus& bus() { return bus_; }
  Scheduler& scheduler() { return scheduler_; }
  npu::EthosU55& npu() { return npu_; }
  unsigned irq_rising_edges() const { return irq_rising_edges_; }

  // Creates RAM for region `n` holding `data` (zero-filled up to `size`).
  uint32_t add_region(unsigned n, const std::vector<uint8_t>& data, size_t size) {
    const uint32_t base = kRegionBase + n * kRegionStride;
    const uint32_t mapped =
        static_cast<uint32_t>((std::max(size, data.size()) + 0xFFF) & ~size_t{0xFFF});
    bus_.add_ram("region" + std::to_string(n), base, std::max<uint32_t>(mapped, 0x1000));
    if (!data.empty()) bus_.write_block(base, data.data(), data.size());
    return base;
  }
  static uint32_t region_base(unsigned n) { return kRegionBase + n * kRegionStride; }

  uint32_t reg(uint32_t offset) {
    uint32_t v = 0;
    EXPECT_EQ(bus_.read(kNpuBase + offset, 4, v), BusStatus::Ok);
    return v;
  }
  void set_reg(uint32_t offset, uint32_t value) {
    EXPECT_EQ(bus_.write(kNpuBase + offset, 4, value), BusStatus::Ok);
  }

  // Loads the command stream at kCommandBase and starts it through the registers. `basep` are
  // the region base addresses (BASEP[i]).
  void start(const std::vector<uint8_t>& stream, const std::vector<uint32_t>& basep,
             uint32_t regioncfg = 0) {
    bus_.write_block(kCommandBase, stream.data(), stream.size());
    start_at(kCommandBase, static_cast<uint32_t>(stream.size()), basep, regioncfg);
  }
  void start_at(uint32_t qbase, uint32_t qsize, const std::vector<uint32_t>& basep,
                uint32_t regioncfg = 0) {
    set_reg(npu::reg::kQbase, qbase);
    set_reg(npu::reg::kQsize, qsize);
    set_reg(npu::reg::kQconfig, 2);
    for (size_t i = 0; i < basep.size(); ++i) set_reg(npu::reg::kBasep0 + 8 * i, basep[i]);
    set_reg(npu::reg::kRegioncfg, regioncfg);
    const uint32_t cmd = reg(npu::reg::kCmd);
    set_reg(npu::reg::kCmd, (cmd & 0xC) | npu::cmd::kTransitionToRunning);
  }

  // Fires scheduled events until the NPU is stopped (STATUS.state == 0). Returns the cycle at
  // which it stopped.
  uint64_t run_until_stopped(uint64_t limit = 1ull << 40) {
    while (reg(npu::reg::kStatus) & npu::status::kState) {
      const uint64_t next = scheduler_.next_event_time();
      if (next == Scheduler::kNever || next > limit) break;
      scheduler_.advance_to(next);
      scheduler_.run_due_events();
    }
    return scheduler_.now();
  }

  uint32_t mem32(uint32_t address) {
    uint32_t v = 0;
    bus_.read(address, 4, v);
    return v;
  }

  std::vector<uint8_t> read_memory(uint32_t address, size_t len) {
    std::vector<uint8_t> out(len);
    bus_.read_block(address, out.data(), len);
    return out;
  }

 private:
  Bus bus_;
  Scheduler scheduler_;
  npu::EthosU55 npu_;
  unsigned irq_rising_edges_ = 0;
};

}  // namespace minifvp::test
