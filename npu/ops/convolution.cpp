// NPU_OP_CONV (including fully connected layers, which Vela emits as 1x1 convolutions) and
// NPU_OP_DEPTHWISE.
//
// acc[oc] = bias[oc] + sum over the kernel window and input channels of
//           w[oc][ky][kx][ic] * (ifm[iy][ix][ic] - ifm_zero_point)
// with iy = oy*stride_y - pad_top + ky*dilation_y (likewise x); positions outside the IFM are
// padding and contribute nothing (padding holds the zero point). Weights come zero-point
// corrected from the weight stream; the bias/scale stream holds 10 bytes per output channel:
// a signed 40-bit bias, an unsigned 32-bit scale and a 6-bit shift (Vela encode_bias).
// out = rescale(acc, scale, shift, OFM round mode), then the output stage (zero point, clamp).
#include <fmt/format.h>

#include <cstring>

#include "npu/feature_map.h"
#include "npu/ops/ifm_view.h"
#include "npu/ops/ops.h"
#include "npu/ops/output_stage.h"
#include "npu/scaling.h"
#include "npu/weight_decoder.h"

namespace minifvp::npu {
namespace {

struct ChannelScale {
  int64_t bias = 0;
  QuantScale scale;
};

bool read_bias_scale(const OperationDesc& d, OpContext& ctx, std::vector<ChannelScale>& out) {
  const size_t count = static_cast<size_t>(d.ofm.depth);
  std::vector<uint8_t> raw(count * 10);
  if (!ctx.memory.read(NpuChannel::ScaleBias, d.scale_region, d.scale_base, raw.data(),
                       raw.size())) {
    return false;
  }
  out.resize(count);
  for (size_t i = 0; i < count; ++i) {
    const uint8_t* e = &raw[i * 10];
    uint64_t bias = 0;
    for (unsigned b = 0; b < 5; ++b) bias |= uint64_t{e[b]} << (8 * b);
    // Sign-extend the 40-bit bias.
    out[i].bias = static_cast<int64_t>(bias << 24) >> 24;
    uint32_t scale = 0;
    std::memcpy(&scale, e + 5, 4);
    out[i].scale.scale = scale;
    out[i].scale.shift = e[9] & 0x3F;
  }
  return true;
}

bool read_weights(const OperationDesc& d, OpContext& ctx, const WeightLayout& layout,
                  std::vector<int16_t>& dense, OpResult& result) {
  std::vector<uint8_t> stream(d.weight_length);
  if (!ctx.memory.read(NpuChannel::Weights, d.weight_region, d.weight_base, stream.data(),
                       stream.size())) {
    result.status = OpStatus::BusFault;
    return false;
  }
  const size_t count = weight_stream_length(layout);
  std::vector<int16_t> values;
  if (!decode_weight_stream(stream, count, values, result.error)) {
    result.status = OpStatus::WeightDecoderFault;
    return false;
  }
  result.weight_values = count;
  unpack_weights(layout, values, dense);
  return true;
}

}  // namespace

OpResult run_convolution(const OperationDesc& d, OpContext& ctx) {
  OpResult result;
  const bool depthwise = d.kind == OperationKind::Depthwise;
  const Kernel& k = d.kernel;

  WeightLayout layout;
  layout.ofm_depth = d.ofm.depth;
  layout.ifm_depth = depthwise ? 1 : d.ifm.depth;
  layout.kernel_width = k.width;
  layout.kernel_height = k.height;
  layout.dilation_x = k.dilation_x;
  layout.dilation_y = k.dilation_y;
  layout.ofm_block_depth = d.ofm_block_depth;
  layout.ifm_bits = d.ifm.type.bits;
  layout.traversal = depthwise             ? WeightTraversal::Depthwise
                     : k.part_kernel_first ? WeightTraversal::PartKernelFirst
                                           : WeightTraversal::DepthFirst;
  layout.ofm_ublock_depth = ctx.ofm_ublock_depth;
  layout.ifm_ublock_depth = ctx.ifm_ublock_depth;

  IfmView ifm;
  if (!ifm.load(d, ctx)) {
    result.status = OpStatus::BusFault;
    return result;
  }
  std::vector<int16_t> weights;
  if (!read_weights(d, ctx, layout, weights, result)) return result;
  std::vector<ChannelScale> scales;
  if (!read_bias_scale(d, ctx, scales)) {
    result.status = OpStatus::BusFault;
    return result;
  }

  const OutputStage stage(d, ctx);
  const int ofm_depth = d.ofm.depth;
  std::vector<int32_t> out(static_cast<size_t>(d.ofm.height) * d.ofm.width * ofm_depth);
  std::vector<int64_t> acc(ofm_depth);
  for (int oy = 0; oy < d.ofm.height; ++oy) {
    for (int ox = 0; ox < d.ofm.width; ++ox) {
      for (int oc = 0; oc < ofm_depth; ++oc) acc[oc] = scales[oc].bias;
      for (int ky = 0; ky < k.height; ++ky) {
        const int iy = oy * k.stride_y - d.padding.top + ky * k.dilation_y;
        for (int kx = 0; kx < k.width; ++kx) {
          const int ix = ox * k.stride_x - d.padding.left + kx * k.dilation_x;
          // Padding and the zeros of ZEROS upscaling add nothing to the accumulator.
          const ptrdiff_t base = ifm.at(iy, ix);
          if (base < 0) continue;
          const int32_t* in = &ifm.values()[base];
          if (depthwise) {
            for (int oc = 0; oc < ofm_depth; ++oc) {
              acc[oc] += int64_t{weights[layout.dense_index(oc, ky, kx, 0)]} * in[oc];
            }
            result.macs += ofm_depth;
            continue;
          }
          const int ifm_depth = layout.ifm_depth;
          for (int oc = 0; oc < ofm_depth; ++oc) {
            const int16_t* w = &weights[layout.dense_index(oc, ky, kx, 0)];
            int64_t sum = 0;
            for (int ic = 0; ic < ifm_depth; ++ic) sum += int64_t{w[ic]} * in[ic];
            acc[oc] += sum;
          }
          result.macs += static_cast<uint64_t>(ofm_depth) * ifm_depth;
        }
      }
      int32_t* o = &out[(static_cast<size_t>(oy) * d.ofm.width + ox) * ofm_depth];
      for (int oc = 0; oc < ofm_depth; ++oc) {
        const QuantScale& s = d.ofm_scale_global ? d.ofm_scale : scales[oc].scale;
        const int64_t v = rescale(acc[oc], s.scale, s.shift, d.ofm_round);
        o[oc] = stage.apply(v);
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
