#include "npu/timing.h"

#include <algorithm>

namespace minifvp::npu {
namespace {

uint64_t ceil_div(uint64_t a, uint64_t b) {
  return b == 0 ? a : (a + b - 1) / b;
}

}  // namespace

OperationCycles estimate_cycles(OperationKind kind, const OpResult& r, const AxiTraffic& traffic,
                                int macs_per_cycle) {
  const uint64_t macs = static_cast<uint64_t>(std::max(macs_per_cycle, 1));
  OperationCycles c;
  switch (kind) {
    case OperationKind::Conv:
    case OperationKind::Depthwise:
      c.compute = ceil_div(r.macs, macs);
      break;
    case OperationKind::Pool:
      c.compute = ceil_div(r.ofm_elements * std::max<uint64_t>(4, r.kernel_elements), macs / 8);
      break;
    case OperationKind::Elementwise:
      c.compute = ceil_div(r.ofm_elements * 64, macs);
      break;
    case OperationKind::DmaStart:
      c.compute = ceil_div(r.dma_bytes, kAxiBytesPerCycle);
      break;
  }
  const uint64_t bytes = traffic.read_bytes[0] + traffic.read_bytes[1] + traffic.write_bytes[0] +
                         traffic.write_bytes[1];
  c.memory = ceil_div(bytes, kAxiBytesPerCycle);
  c.total = kOperationOverheadCycles + std::max(c.compute, c.memory);
  return c;
}

uint64_t command_cycles(uint64_t command_bytes) {
  return std::max<uint64_t>(1, command_bytes / 4);
}

}  // namespace minifvp::npu
