// NPU_OP_DMA_START: a 1D copy of DMA0_LEN bytes from DMA0_SRC in an external region to DMA0_DST in
// an external region, or into the internal SHRAM when the destination region mode is internal
// (how Vela loads LUTs: destination region (1<<8)|3, address = the LUT slot in SHRAM). The model
// runs the copy at once; DMA_WAIT therefore never waits.
#include <fmt/format.h>

#include <vector>

#include "npu/ops/ops.h"

namespace minifvp::npu {

OpResult run_dma(const OperationDesc& d, OpContext& ctx) {
  OpResult result;
  const DmaDesc& dma = d.dma;
  std::vector<uint8_t> buffer(dma.length);
  if (!ctx.memory.read(NpuChannel::Mem2MemRead, dma.src_region, dma.src, buffer.data(),
                       buffer.size())) {
    result.status = OpStatus::BusFault;
    return result;
  }
  if (dma.dst_internal) {
    if (uint64_t{dma.dst} + dma.length > ctx.shram.size()) {
      result.status = OpStatus::InvalidSettings;
      result.error = fmt::format("DMA to SHRAM 0x{:x}+{} exceeds the {} byte shared buffer",
                                 dma.dst, dma.length, ctx.shram.size());
      return result;
    }
    std::copy(buffer.begin(), buffer.end(), ctx.shram.begin() + dma.dst);
  } else if (!ctx.memory.write(NpuChannel::Mem2MemWrite, dma.dst_region, dma.dst, buffer.data(),
                               buffer.size())) {
    result.status = OpStatus::BusFault;
    return result;
  }
  result.dma_bytes = dma.length;
  return result;
}

}  // namespace minifvp::npu
