#include "npu/feature_map.h"

#include <algorithm>
#include <cstring>

namespace minifvp::npu {
namespace {

int32_t decode_element(const uint8_t* p, const ElementType& t) {
  switch (t.bits) {
    case 8:
      return t.is_signed ? static_cast<int8_t>(p[0]) : p[0];
    case 16: {
      uint16_t v;
      std::memcpy(&v, p, 2);
      return t.is_signed ? static_cast<int16_t>(v) : v;
    }
    default: {
      int32_t v;
      std::memcpy(&v, p, 4);
      return v;
    }
  }
}

void encode_element(uint8_t* p, int32_t v, const ElementType& t) {
  switch (t.bits) {
    case 8:
      p[0] = static_cast<uint8_t>(v);
      break;
    case 16: {
      const uint16_t u = static_cast<uint16_t>(v);
      std::memcpy(p, &u, 2);
      break;
    }
    default:
      std::memcpy(p, &v, 4);
      break;
  }
}

// Channels that are contiguous in memory from channel c (a multiple of 16 for NHCWB16).
int run_length(const FeatureMap& fm, int c) {
  return fm.format == DataFormat::Nhwc ? fm.depth - c : std::min(16, fm.depth - c);
}

}  // namespace

uint64_t element_offset(const FeatureMap& fm, int y, int x, int c) {
  unsigned tile = 0;
  if (x >= fm.width0) {
    x -= fm.width0;
    tile = 1;
    if (y >= fm.height1) {
      y -= fm.height1;
      tile = 3;
    }
  } else if (y >= fm.height0) {
    y -= fm.height0;
    tile = 2;
  }
  const uint64_t elem = fm.type.bytes();
  const uint64_t brick_stride = fm.format == DataFormat::Nhwc ? 16 * elem : fm.stride_c;
  return uint64_t{fm.base[tile]} + uint64_t(y) * fm.stride_y + uint64_t(x) * fm.stride_x +
         uint64_t(c / 16) * brick_stride + uint64_t(c % 16) * elem;
}

bool load_feature_map(NpuMemory& memory, const FeatureMap& fm, NpuChannel channel,
                      std::vector<int32_t>& values) {
  values.assign(static_cast<size_t>(fm.height) * fm.width * fm.depth, 0);
  const unsigned elem = fm.type.bytes();
  std::vector<uint8_t> buffer(static_cast<size_t>(fm.depth) * elem);
  for (int y = 0; y < fm.height; ++y) {
    for (int x = 0; x < fm.width; ++x) {
      int32_t* out = &values[(static_cast<size_t>(y) * fm.width + x) * fm.depth];
      for (int c = 0; c < fm.depth;) {
        const int run = run_length(fm, c);
        if (!memory.read(channel, fm.region, element_offset(fm, y, x, c), buffer.data(),
                         static_cast<size_t>(run) * elem)) {
          return false;
        }
        for (int i = 0; i < run; ++i) out[c + i] = decode_element(&buffer[i * elem], fm.type);
        c += run;
      }
    }
  }
  return true;
}

bool store_feature_map(NpuMemory& memory, const FeatureMap& fm, std::span<const int32_t> values) {
  const unsigned elem = fm.type.bytes();
  std::vector<uint8_t> buffer(static_cast<size_t>(fm.depth) * elem);
  for (int y = 0; y < fm.height; ++y) {
    for (int x = 0; x < fm.width; ++x) {
      const int32_t* in = &values[(static_cast<size_t>(y) * fm.width + x) * fm.depth];
      for (int c = 0; c < fm.depth;) {
        const int run = run_length(fm, c);
        for (int i = 0; i < run; ++i) encode_element(&buffer[i * elem], in[c + i], fm.type);
        if (!memory.write(NpuChannel::Ofm, fm.region, element_offset(fm, y, x, c), buffer.data(),
                          static_cast<size_t>(run) * elem)) {
          return false;
        }
        c += run;
      }
    }
  }
  return true;
}

}  // namespace minifvp::npu
