// The activation stage every operation ends with: the scaled value gets the OFM zero point, is
// clamped and optionally looked up in a LUT, giving the stored element.
//
// - The OFM zero point and ACTIVATION_MIN/MAX apply only when the clamp range (below) is 8 or 16
//   bits. A 32-bit result is only saturated: Vela's legacy softmax leaves the IFM's zero point (-1
//   in person_detect) on int32 intermediates and clamps of +-128 in ACTIVATION_MIN/MAX, which
//   would corrupt the result if applied, yet its output is bit-exact [inference, confirmed by the
//   person_detect U55-256 stream].
// - Clamp range: the OFM type's range, or the forced range of ACTIVATION clip_range (2 uint8,
//   3 int8, 5 int16), narrowed by ACTIVATION_MIN/MAX (16-bit values) for 8/16-bit ranges.
// - TABLE_n: an 8-bit range indexes a 256-entry table at SHRAM LUT slot n; the entries are bytes
//   for an 8-bit OFM and little-endian int32 for a 32-bit OFM (Vela's softmax exp table, 1 KiB).
//   A 16-bit range uses the 512-entry interpolating table (entry = slope<<16 | base, Vela
//   lut_util.hpp): index = (v + 32768) >> 7, out = base + round(slope * frac / 128) [the rounding
//   is our inference].
#pragma once

#include <cstdint>

#include "npu/ops/ops.h"

namespace minifvp::npu {

class OutputStage {
 public:
  OutputStage(const OperationDesc& d, const OpContext& ctx);
  int32_t apply(int64_t value) const;

 private:
  int32_t lookup(int64_t clamped) const;

  const OperationDesc& desc_;
  const OpContext& ctx_;
  int64_t lo_, hi_;
  int64_t type_lo_, type_hi_;
  unsigned range_bits_;
  bool range_signed_;
};

}  // namespace minifvp::npu
