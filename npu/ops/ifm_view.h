// The IFM of a kernel operation (convolution, depthwise, pooling) loaded with its zero point
// removed, and the mapping from a kernel position to an element, including IFM_UPSCALE:
// NEAREST repeats each element 2x2, ZEROS inserts zero elements (value 0 after the zero point)
// between them, as a transposed convolution needs [inference: the interface header names the
// modes, Vela uses NEAREST for 2x nearest-neighbour resize and ZEROS for transposed convolution].
#pragma once

#include <cstddef>
#include <vector>

#include "npu/feature_map.h"
#include "npu/ops/ops.h"

namespace minifvp::npu {

class IfmView {
 public:
  static constexpr ptrdiff_t kPadding = -1;
  static constexpr ptrdiff_t kInsertedZero = -2;

  bool load(const OperationDesc& d, OpContext& ctx) {
    if (!load_feature_map(ctx.memory, d.ifm, NpuChannel::Ifm, values_)) return false;
    for (int32_t& v : values_) v -= d.ifm.zero_point;
    height_ = d.ifm.height;
    width_ = d.ifm.width;
    depth_ = d.ifm.depth;
    upscale_ = d.upscale;
    return true;
  }

  // Offset of element (y, x, 0) in values(), kPadding outside the (upscaled) IFM, or
  // kInsertedZero for a zero inserted by ZEROS upscaling.
  ptrdiff_t at(int y, int x) const {
    if (y < 0 || x < 0) return kPadding;
    if (upscale_ != UpscaleMode::None) {
      if (upscale_ == UpscaleMode::Zeros && ((y | x) & 1)) {
        return (y >> 1) < height_ && (x >> 1) < width_ ? kInsertedZero : kPadding;
      }
      y >>= 1;
      x >>= 1;
    }
    if (y >= height_ || x >= width_) return kPadding;
    return (static_cast<ptrdiff_t>(y) * width_ + x) * depth_;
  }

  const std::vector<int32_t>& values() const { return values_; }
  int depth() const { return depth_; }

 private:
  std::vector<int32_t> values_;
  int height_ = 0, width_ = 0, depth_ = 0;
  UpscaleMode upscale_ = UpscaleMode::None;
};

}  // namespace minifvp::npu
