// The NPU's view of memory: regions (BASEP[n] + offset) reached through the system Bus, with the
// AXI port each region is routed to (REGIONCFG) and per-port traffic counts for the PMU and the
// timing model. The first failing access is recorded as the NPU's bus fault (STATUS.bus_status
// with the faulting channel); the host never sees an exception.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "sim/bus.h"

namespace minifvp::npu {

// STATUS.faulting_channel encodings (ethosu55_interface.h): read channels 0..4, write 8..9.
enum class NpuChannel : uint8_t {
  Cmd = 0,
  Ifm = 1,
  Weights = 2,
  ScaleBias = 3,
  Mem2MemRead = 4,
  Ofm = 8,
  Mem2MemWrite = 9,
};

struct NpuBusFault {
  bool happened = false;
  NpuChannel channel = NpuChannel::Cmd;
  bool write = false;
  unsigned port = 0;  // AXI interface (STATUS.faulting_interface)
  uint32_t address = 0;
};

// Bytes moved per AXI port, and per region for region-relative accesses (command-stream fetches
// use an absolute address and count on their port only).
struct AxiTraffic {
  static constexpr unsigned kRegions = 8;
  std::array<uint64_t, 2> read_bytes{};
  std::array<uint64_t, 2> write_bytes{};
  std::array<uint64_t, kRegions> region_read_bytes{};
  std::array<uint64_t, kRegions> region_write_bytes{};
};

class NpuMemory {
 public:
  static constexpr unsigned kRegions = AxiTraffic::kRegions;

  explicit NpuMemory(Bus& bus) : bus_(bus) {}

  void configure(const std::array<uint32_t, kRegions>& basep, uint32_t regioncfg,
                 unsigned cmd_port_attr) {
    basep_ = basep;
    regioncfg_ = regioncfg;
    cmd_port_attr_ = cmd_port_attr;
  }

  // Region-relative accesses. Return false (and record the fault if it is the first) on a bus
  // error or when the range wraps the 32-bit address space.
  bool read(NpuChannel channel, unsigned region, uint64_t offset, void* dst, size_t len);
  bool write(NpuChannel channel, unsigned region, uint64_t offset, const void* src, size_t len);
  // Absolute read for command-stream fetches (QBASE is an address, routed by QCONFIG).
  bool read_command(uint32_t address, void* dst, size_t len, size_t& fetched);

  const NpuBusFault& fault() const { return fault_; }
  void clear_fault() { fault_ = {}; }
  const AxiTraffic& traffic() const { return traffic_; }
  void clear_traffic() { traffic_ = {}; }

  // AXI port (0 or 1) a region's traffic uses: REGIONCFG values 0,1 are AXI0 counters, 2,3 AXI1.
  unsigned port_of_region(unsigned region) const { return ((regioncfg_ >> (2 * region)) & 3) >> 1; }

 private:
  bool resolve(unsigned region, uint64_t offset, size_t len, uint32_t& address) const;
  void record_fault(NpuChannel channel, bool write, unsigned port, uint32_t address);

  Bus& bus_;
  std::array<uint32_t, kRegions> basep_{};
  uint32_t regioncfg_ = 0;
  unsigned cmd_port_attr_ = 0;
  NpuBusFault fault_;
  AxiTraffic traffic_;
};

}  // namespace minifvp::npu
