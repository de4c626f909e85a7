// What the NPU did, for --stats and --stats-json: one record per operation (type, shapes, MACs,
// estimated cycles, bytes moved per region and per AXI port), totals per operation type and
// overall. Memory use is bounded: only the first kDetailedOperations records are kept; the totals
// count every operation. Recording happens once per NPU operation, never per CPU instruction.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "npu/command_stream.h"
#include "npu/npu_memory.h"

namespace minifvp::npu {

struct Shape {
  int height = 0, width = 0, depth = 0;
};

struct OperationRecord {
  uint64_t index = 0;             // 0-based position among all operations run since construction
  uint64_t start_cycle = 0;       // scheduler time the operation started
  std::string type;               // operation_type_name()
  bool has_feature_maps = false;  // false for DMA
  bool has_ifm2 = false;          // elementwise with a tensor (not scalar) second operand
  Shape ifm, ifm2, ofm;
  int kernel_height = 0, kernel_width = 0;
  uint64_t macs = 0;
  uint64_t cycles = 0;  // timing model estimate (npu/timing.h): overhead + max(compute, memory)
  uint64_t compute_cycles = 0, memory_cycles = 0;
  std::array<uint64_t, NpuMemory::kRegions> region_read_bytes{}, region_write_bytes{};
  std::array<uint64_t, 2> axi_read_bytes{}, axi_write_bytes{};

  uint64_t read_bytes() const;
  uint64_t write_bytes() const;
};

struct OperationTypeTotals {
  uint64_t operations = 0, macs = 0, cycles = 0, read_bytes = 0, write_bytes = 0;
};

// "conv", "depthwise", "pool_max", "pool_avg", "pool_sum", "elementwise_<mode>" (mul, add, sub,
// min, max, lrelu, abs, clz, shr, shl) or "dma".
std::string operation_type_name(const OperationDesc& desc);

// Fills the descriptive fields of a record (type, shapes, kernel) from an operation descriptor.
OperationRecord describe_record(const OperationDesc& desc);

class NpuStatistics {
 public:
  // Operations kept in detail; later ones only count in the totals.
  static constexpr size_t kDetailedOperations = 256;

  void record_operation(OperationRecord record);
  // Command-stream words fetched at CMD run time (counted on the port QCONFIG selects).
  void record_command_fetch(uint64_t bytes, unsigned port);

  uint64_t operations() const { return operations_; }
  uint64_t macs() const { return macs_; }
  // Sum of the estimated cycles of the operations started (see EthosU55::active_cycles() for
  // the time actually spent).
  uint64_t estimated_cycles() const { return estimated_cycles_; }
  uint64_t command_stream_bytes() const { return command_stream_bytes_; }
  const std::array<uint64_t, NpuMemory::kRegions>& region_read_bytes() const {
    return region_read_bytes_;
  }
  const std::array<uint64_t, NpuMemory::kRegions>& region_write_bytes() const {
    return region_write_bytes_;
  }
  const std::array<uint64_t, 2>& axi_read_bytes() const { return axi_read_bytes_; }
  const std::array<uint64_t, 2>& axi_write_bytes() const { return axi_write_bytes_; }
  // Totals per type name, in name order.
  const std::map<std::string, OperationTypeTotals>& by_type() const { return by_type_; }
  const std::vector<OperationRecord>& detailed() const { return detailed_; }

 private:
  uint64_t operations_ = 0, macs_ = 0, estimated_cycles_ = 0, command_stream_bytes_ = 0;
  std::array<uint64_t, NpuMemory::kRegions> region_read_bytes_{}, region_write_bytes_{};
  std::array<uint64_t, 2> axi_read_bytes_{}, axi_write_bytes_{};
  std::map<std::string, OperationTypeTotals> by_type_;
  std::vector<OperationRecord> detailed_;
};

}  // namespace minifvp::npu
