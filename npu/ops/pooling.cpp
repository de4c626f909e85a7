// NPU_OP_POOL: MAX, AVERAGE and REDUCE_SUM over a kernel window (no dilation).
//
// Values are taken with the IFM zero point removed; padding positions are skipped (IFM_UPSCALE
// applies as for convolution, see npu/ops/ifm_view.h).
// - MAX: the window maximum.
// - AVERAGE without padding: the window sum, rescaled by OFM_SCALE, which Vela sets to
//   1/kernel_elements (quantise_pooling_scale), fused with any IFM/OFM rescale.
// - AVERAGE with padding: Vela emits a unit OFM scale and relies on the hardware dividing by the
//   number of valid elements ("padded average-pools use HW-scaling", regor
//   ethos_u55_register_cs_generator.cpp). We divide with the OFM rounding mode (DBL rounds half
//   away from zero, as TFLite's average pool does) [inference: no public description].
// - REDUCE_SUM: the sum over the window and over all IFM channels into OFM channel 0 (Vela's
//   softmax uses it to sum exponentials across channels).
// Then rescale by OFM_SCALE (global) or unit scale (per-channel mode), add the OFM zero point and
// apply the output stage. For a 32-bit IFM only the shift of OFM_SCALE applies.
#include <algorithm>
#include <limits>

#include "npu/feature_map.h"
#include "npu/ops/ifm_view.h"
#include "npu/ops/ops.h"
#include "npu/ops/output_stage.h"
#include "npu/scaling.h"

namespace minifvp::npu {
namespace {

int64_t divide_rounded(int64_t sum, int64_t count, RoundMode mode) {
  if (count <= 0) return 0;
  switch (mode) {
    case RoundMode::Truncate:
      return sum / count;
    case RoundMode::Natural: {
      const int64_t num = 2 * sum + count;
      const int64_t den = 2 * count;
      return num >= 0 ? num / den : -((-num + den - 1) / den);
    }
    case RoundMode::Dbl:
    default:
      return sum >= 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
  }
}

}  // namespace

OpResult run_pooling(const OperationDesc& d, OpContext& ctx) {
  OpResult result;
  IfmView ifm;
  if (!ifm.load(d, ctx)) {
    result.status = OpStatus::BusFault;
    return result;
  }

  const Kernel& k = d.kernel;
  const bool reduce = d.pool_mode == PoolMode::ReduceSum;
  QuantScale scale = d.ofm_scale_global ? d.ofm_scale : QuantScale{1, 0};
  if (d.ifm.type.bits == 32) scale.scale = 1;
  const OutputStage stage(d, ctx);
  const int ofm_depth = d.ofm.depth;
  const int ifm_depth = d.ifm.depth;
  std::vector<int32_t> out(static_cast<size_t>(d.ofm.height) * d.ofm.width * ofm_depth);

  for (int oy = 0; oy < d.ofm.height; ++oy) {
    for (int ox = 0; ox < d.ofm.width; ++ox) {
      int32_t* o = &out[(static_cast<size_t>(oy) * d.ofm.width + ox) * ofm_depth];
      for (int oc = 0; oc < ofm_depth; ++oc) {
        int64_t sum = 0;
        int64_t best = std::numeric_limits<int64_t>::min();
        int64_t count = 0;
        for (int ky = 0; ky < k.height; ++ky) {
          const int iy = oy * k.stride_y - d.padding.top + ky;
          for (int kx = 0; kx < k.width; ++kx) {
            const int ix = ox * k.stride_x - d.padding.left + kx;
            const ptrdiff_t base = ifm.at(iy, ix);
            if (base == IfmView::kPadding) continue;
            if (base == IfmView::kInsertedZero) {  // an element of value 0
              best = std::max<int64_t>(best, 0);
              count += reduce ? ifm_depth : 1;
              continue;
            }
            const int32_t* in = &ifm.values()[base];
            if (reduce) {
              for (int ic = 0; ic < ifm_depth; ++ic) sum += in[ic];
              count += ifm_depth;
            } else {
              sum += in[oc];
              best = std::max<int64_t>(best, in[oc]);
              ++count;
            }
          }
        }
        int64_t value = 0;
        switch (d.pool_mode) {
          case PoolMode::Max:
            value = count > 0 ? best : 0;
            break;
          case PoolMode::Average:
            value = d.padding.any() ? divide_rounded(sum, count, d.ofm_round) : sum;
            break;
          case PoolMode::ReduceSum:
            value = sum;
            break;
        }
        result.macs += static_cast<uint64_t>(count);
        o[oc] = stage.apply(rescale(value, scale.scale, scale.shift, d.ofm_round));
      }
    }
  }
  if (!store_feature_map(ctx.memory, d.ofm, out)) {
    result.status = OpStatus::BusFault;
    return result;
  }
  result.ofm_elements = out.size();
  result.kernel_elements = static_cast<uint64_t>(k.width) * k.height;
  return result;
}

}  // namespace minifvp::npu
