#include "npu/ops/output_stage.h"

#include <algorithm>
#include <cstring>

namespace minifvp::npu {

OutputStage::OutputStage(const OperationDesc& d, const OpContext& ctx) : desc_(d), ctx_(ctx) {
  ElementType range = d.ofm.type;
  switch (d.activation.clip_range) {
    case 2:
      range = ElementType{8, false};
      break;
    case 3:
      range = ElementType{8, true};
      break;
    case 5:
      range = ElementType{16, true};
      break;
    default:
      break;
  }
  range_bits_ = range.bits;
  range_signed_ = range.is_signed;
  lo_ = range.min();
  hi_ = range.max();
  if (range.bits <= 16) {
    lo_ = std::max<int64_t>(lo_, d.activation.min);
    hi_ = std::min<int64_t>(hi_, d.activation.max);
  }
  type_lo_ = d.ofm.type.min();
  type_hi_ = d.ofm.type.max();
}

int32_t OutputStage::lookup(int64_t v) const {
  const size_t slot_base = ctx_.lut_offset + 256u * desc_.activation.lut_slot();
  auto byte_at = [&](size_t off) -> uint8_t {
    return slot_base + off < ctx_.shram.size() ? ctx_.shram[slot_base + off] : 0;
  };
  auto word_at = [&](size_t off) -> uint32_t {
    uint32_t w = 0;
    for (unsigned i = 0; i < 4; ++i) w |= uint32_t{byte_at(off + i)} << (8 * i);
    return w;
  };
  if (range_bits_ == 16) {
    const uint32_t u = static_cast<uint32_t>(v - (range_signed_ ? -32768 : 0));
    const uint32_t entry = word_at(4u * (u >> 7));
    const int32_t base = static_cast<int16_t>(entry & 0xFFFF);
    const int32_t slope = static_cast<int16_t>(entry >> 16);
    const int32_t frac = static_cast<int32_t>(u & 0x7F);
    return base + ((slope * frac + 64) >> 7);
  }
  const uint32_t index = static_cast<uint32_t>(v - (range_signed_ ? -128 : 0)) & 0xFF;
  if (desc_.ofm.type.bits == 32) return static_cast<int32_t>(word_at(4u * index));
  const uint8_t b = byte_at(index);
  return desc_.ofm.type.is_signed ? static_cast<int8_t>(b) : b;
}

int32_t OutputStage::apply(int64_t value) const {
  int64_t v = value;
  if (range_bits_ <= 16) v = std::clamp(v + desc_.ofm.zero_point, lo_, hi_);
  if (desc_.activation.uses_lut()) v = lookup(v);
  return static_cast<int32_t>(std::clamp(v, type_lo_, type_hi_));
}

}  // namespace minifvp::npu
