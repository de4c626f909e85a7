#include "npu/timing.h"

#include <algorithm>

namespace minifvp::npu {
namespace {

uint64_t ceil_div(uint64_t a, uint64_t b) {
  return b == 0 ? a : (a + b - 1) / b;
}

}  // namespace

OperationCycles estimate_cycles(const OperationDesc& d, const OpResult& r,
                                const AxiTraffic& traffic, int macs_per_cycle) {
  const uint64_t macs = static_cast<uint64_t>(std::max(macs_per_cycle, 32));
  const uint64_t ublock_d = macs == 32 ? 4 : 8;
  const uint64_t ublock_hw = macs / (ublock_d * 8);
  OperationCycles c;
  switch (d.kind) {
    case OperationKind::Conv:
    case OperationKind::Depthwise: {
      const uint64_t positions =
          ceil_div(uint64_t(d.ofm.height) * uint64_t(d.ofm.width), ublock_hw);
      const uint64_t ifm_steps = d.kind == OperationKind::Conv ? ceil_div(d.ifm.depth, 8) : 1;
      c.compute = positions * ceil_div(d.ofm.depth, ublock_d) * r.kernel_elements * ifm_steps;
      break;
    }
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
