#include "npu/npu_stats.h"

#include <numeric>
#include <utility>

namespace minifvp::npu {
namespace {

template <size_t N>
uint64_t sum(const std::array<uint64_t, N>& values) {
  return std::accumulate(values.begin(), values.end(), uint64_t{0});
}

const char* elementwise_name(ElementwiseMode mode) {
  switch (mode) {
    case ElementwiseMode::Mul:
      return "mul";
    case ElementwiseMode::Add:
      return "add";
    case ElementwiseMode::Sub:
      return "sub";
    case ElementwiseMode::Min:
      return "min";
    case ElementwiseMode::Max:
      return "max";
    case ElementwiseMode::LRelu:
      return "lrelu";
    case ElementwiseMode::Abs:
      return "abs";
    case ElementwiseMode::Clz:
      return "clz";
    case ElementwiseMode::Shr:
      return "shr";
    case ElementwiseMode::Shl:
      return "shl";
  }
  return "unknown";
}

const char* pool_name(PoolMode mode) {
  switch (mode) {
    case PoolMode::Max:
      return "pool_max";
    case PoolMode::Average:
      return "pool_avg";
    case PoolMode::ReduceSum:
      return "pool_sum";
  }
  return "pool_unknown";
}

Shape shape_of(const FeatureMap& fm) {
  return Shape{fm.height, fm.width, fm.depth};
}

}  // namespace

uint64_t OperationRecord::read_bytes() const {
  return sum(axi_read_bytes);
}

uint64_t OperationRecord::write_bytes() const {
  return sum(axi_write_bytes);
}

std::string operation_type_name(const OperationDesc& desc) {
  switch (desc.kind) {
    case OperationKind::Conv:
      return "conv";
    case OperationKind::Depthwise:
      return "depthwise";
    case OperationKind::Pool:
      return pool_name(desc.pool_mode);
    case OperationKind::Elementwise:
      return std::string("elementwise_") + elementwise_name(desc.elementwise_mode);
    case OperationKind::DmaStart:
      return "dma";
  }
  return "unknown";
}

OperationRecord describe_record(const OperationDesc& desc) {
  OperationRecord r;
  r.type = operation_type_name(desc);
  if (desc.kind == OperationKind::DmaStart) return r;
  r.has_feature_maps = true;
  r.ifm = shape_of(desc.ifm);
  r.ofm = shape_of(desc.ofm);
  if (desc.kind == OperationKind::Elementwise && !desc.ifm2_scalar) {
    r.has_ifm2 = true;
    r.ifm2 = shape_of(desc.ifm2);
  }
  if (desc.kind != OperationKind::Elementwise) {
    r.kernel_height = desc.kernel.height;
    r.kernel_width = desc.kernel.width;
  }
  return r;
}

void NpuStatistics::record_operation(OperationRecord record) {
  record.index = operations_;
  ++operations_;
  macs_ += record.macs;
  estimated_cycles_ += record.cycles;
  for (size_t i = 0; i < NpuMemory::kRegions; ++i) {
    region_read_bytes_[i] += record.region_read_bytes[i];
    region_write_bytes_[i] += record.region_write_bytes[i];
  }
  for (size_t i = 0; i < 2; ++i) {
    axi_read_bytes_[i] += record.axi_read_bytes[i];
    axi_write_bytes_[i] += record.axi_write_bytes[i];
  }
  OperationTypeTotals& t = by_type_[record.type];
  ++t.operations;
  t.macs += record.macs;
  t.cycles += record.cycles;
  t.read_bytes += record.read_bytes();
  t.write_bytes += record.write_bytes();
  if (detailed_.size() < kDetailedOperations) detailed_.push_back(std::move(record));
}

void NpuStatistics::record_command_fetch(uint64_t bytes, unsigned port) {
  command_stream_bytes_ += bytes;
  axi_read_bytes_[port & 1] += bytes;
}

}  // namespace minifvp::npu
