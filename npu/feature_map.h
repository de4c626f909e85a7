// Feature-map addressing and transfer (Vela register_command_stream_util.py get_address/strides;
// reference notes section 3.3).
//
// Element (y, x, c) of a map lives at
//   base[tile] + y*stride_y + x*stride_x + (c/16)*C + (c%16)*elem
// with C = 16*elem for NHWC and C = stride_c for NHCWB16 (bricks of 16 channels). The tile is 0;
// 1 when x >= width0 (x -= width0), and then 3 when also y >= height1 (y -= height1); or 2 when
// y >= height0 (y -= height0).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "npu/command_stream.h"
#include "npu/npu_memory.h"

namespace minifvp::npu {

uint64_t element_offset(const FeatureMap& fm, int y, int x, int c);

// Reads the whole logical map (height x width x depth) as int32 values in HWC order.
bool load_feature_map(NpuMemory& memory, const FeatureMap& fm, NpuChannel channel,
                      std::vector<int32_t>& values);

// Writes HWC values (already in the element type's range) to the map.
bool store_feature_map(NpuMemory& memory, const FeatureMap& fm, std::span<const int32_t> values);

}  // namespace minifvp::npu
