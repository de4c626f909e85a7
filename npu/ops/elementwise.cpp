// NPU_OP_ELEMENTWISE: MUL ADD SUB MIN MAX LRELU ABS CLZ SHR SHL.
//
// Operand A is the IFM and B the IFM2 (or the IFM2_SCALAR constant), swapped when
// IFM2_BROADCAST.operand_order says IFM2 comes first; IFM2 may broadcast along H, W and C. Each
// operand has its zero point removed (a', b'). Then:
// - ADD/SUB, IFM scale mode OPA_OPB_16: A = a' * OPA_SCALE, B = b' * OPB_SCALE (16-bit unsigned
//   scales, no shift), r = A +- B.
// - ADD/SUB, OPA_32 (or OPB_32): the named operand is rescaled by OPA_SCALE (32-bit scale and
//   shift, IFM round mode) with the double-rounding point moved by TFLite's input left shift
//   (20 for 8-bit, 15 for 16-bit inputs); the other operand is multiplied by 2^(shift-1), the
//   exact value TFLite's scaled larger operand has (Vela's advanced add/sub scaling folds 2^20
//   into the rescale and leaves the other operand unscaled) [inference from Vela's register
//   values and U85's explicit dbl_rnd field].
// - MUL: r = a' * b'. MIN/MAX: min/max(a', b'). ABS: |a'|. CLZ: leading zeros of a (32 bits).
// - LRELU: r = a' for a' >= 0, else rescale(a', OFM_SCALE) (Vela programs alpha as the scale)
//   [inference].
// - SHR: a' >> b' rounded with the OFM round mode (Vela's softmax relies on NATURAL); SHL: a' <<
// b'. The result is rescaled by OFM_SCALE with the OFM round mode (MUL, ADD, SUB, ABS, MIN, MAX,
// CLZ), where for a 32-bit IFM only the shift applies ("not applied for 32-bit operations",
// interface header; this is what makes Vela's int32 MUL with scale 0.5/shift 31 a Q31 multiply),
// then the OFM zero point is added and the output stage clamps or looks up the LUT.
#include <algorithm>
#include <bit>
#include <limits>

#include "npu/feature_map.h"
#include "npu/ops/ops.h"
#include "npu/ops/output_stage.h"
#include "npu/scaling.h"

namespace minifvp::npu {
namespace {

int64_t shift_left_saturating(int64_t v, int64_t amount) {
  amount = std::clamp<int64_t>(amount, 0, 63);
  if (v == 0) return 0;
  const int64_t limit = std::numeric_limits<int64_t>::max() >> amount;
  if (v > limit) return std::numeric_limits<int64_t>::max();
  if (v < -limit) return std::numeric_limits<int64_t>::min();
  return v * (int64_t{1} << amount);
}

struct Operands {
  int64_t a, b;
};

}  // namespace

OpResult run_elementwise(const OperationDesc& d, OpContext& ctx) {
  OpResult result;
  const ElementwiseMode mode = d.elementwise_mode;
  const bool unary = mode == ElementwiseMode::LRelu || mode == ElementwiseMode::Abs ||
                     mode == ElementwiseMode::Clz;
  std::vector<int32_t> ifm, ifm2;
  if (!load_feature_map(ctx.memory, d.ifm, NpuChannel::Ifm, ifm)) {
    result.status = OpStatus::BusFault;
    return result;
  }
  const bool use_scalar = !unary && d.ifm2_scalar;
  if (!unary && !use_scalar && !load_feature_map(ctx.memory, d.ifm2, NpuChannel::Ifm, ifm2)) {
    result.status = OpStatus::BusFault;
    return result;
  }

  const unsigned dbl_point = d.ifm.type.bits == 8 ? 20 : 15;
  QuantScale ofm_scale = d.ofm_scale;
  if (d.ifm.type.bits == 32) ofm_scale.scale = 1;
  const OutputStage stage(d, ctx);
  const int H = d.ofm.height, W = d.ofm.width, C = d.ofm.depth;
  std::vector<int32_t> out(static_cast<size_t>(H) * W * C);

  for (int y = 0; y < H; ++y) {
    for (int x = 0; x < W; ++x) {
      for (int c = 0; c < C; ++c) {
        const size_t i = (static_cast<size_t>(y) * W + x) * C + c;
        Operands op{int64_t{ifm[i]} - d.ifm.zero_point, 0};
        if (!unary) {
          int64_t second = d.ifm2_scalar_value;
          if (!use_scalar) {
            const int y2 = d.broadcast_h ? 0 : y, x2 = d.broadcast_w ? 0 : x,
                      c2 = d.broadcast_c ? 0 : c;
            second = ifm2[(static_cast<size_t>(y2) * d.ifm2.width + x2) * d.ifm2.depth + c2];
          }
          op.b = second - d.ifm2.zero_point;
          if (d.ifm2_is_operand_a) std::swap(op.a, op.b);
        }
        int64_t r = 0;
        bool scaled = true;
        switch (mode) {
          case ElementwiseMode::Add:
          case ElementwiseMode::Sub: {
            int64_t A = op.a, B = op.b;
            switch (d.ifm_scale_mode) {
              case IfmScaleMode::OpaOpb16:
                A *= d.opa_scale.scale & 0xFFFF;
                B *= d.opb_scale;
                break;
              case IfmScaleMode::Opa32:
                A = rescale(A, d.opa_scale.scale, d.opa_scale.shift, d.ifm_round, dbl_point);
                B *= int64_t{1} << (dbl_point - 1);
                break;
              case IfmScaleMode::Opb32:
                B = rescale(B, d.opa_scale.scale, d.opa_scale.shift, d.ifm_round, dbl_point);
                A *= int64_t{1} << (dbl_point - 1);
                break;
            }
            r = mode == ElementwiseMode::Add ? A + B : A - B;
            break;
          }
          case ElementwiseMode::Mul:
            r = op.a * op.b;
            break;
          case ElementwiseMode::Min:
            r = std::min(op.a, op.b);
            break;
          case ElementwiseMode::Max:
            r = std::max(op.a, op.b);
            break;
          case ElementwiseMode::Abs:
            r = op.a < 0 ? -op.a : op.a;
            break;
          case ElementwiseMode::LRelu:
            r = op.a >= 0 ? op.a : rescale(op.a, ofm_scale.scale, ofm_scale.shift, d.ofm_round);
            scaled = false;
            break;
          case ElementwiseMode::Clz:
            r = std::countl_zero(static_cast<uint32_t>(op.a));
            break;
          case ElementwiseMode::Shr:
            r = shift_right_rounded(op.a, static_cast<unsigned>(std::clamp<int64_t>(op.b, 0, 63)),
                                    d.ofm_round);
            scaled = false;
            break;
          case ElementwiseMode::Shl:
            r = shift_left_saturating(op.a, op.b);
            scaled = false;
            break;
        }
        if (scaled) r = rescale(r, ofm_scale.scale, ofm_scale.shift, d.ofm_round);
        out[i] = stage.apply(r);
      }
    }
  }
  if (!store_feature_map(ctx.memory, d.ofm, out)) {
    result.status = OpStatus::BusFault;
    return result;
  }
  result.ofm_elements = out.size();
  return result;
}

}  // namespace minifvp::npu
