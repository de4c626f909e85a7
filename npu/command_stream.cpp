#include "npu/command_stream.h"

#include <fmt/format.h>

namespace minifvp::npu {

ParseEvent CommandStreamParser::next(CommandRegisters& regs) {
  while (pos_ < words_.size()) {
    const uint32_t offset = static_cast<uint32_t>(pos_ * 4);
    const CommandWord word{words_[pos_]};
    const uint16_t opcode = word.opcode();
    ParseEvent ev;
    ev.offset = offset;
    ev.opcode = opcode;
    ev.param = word.param();
    if (word.control() == kControlCmd0) {
      if (!is_known_cmd0(opcode)) {
        ev.kind = ParseEvent::Kind::Error;
        ev.error = fmt::format("unknown cmd0 opcode {} at offset 0x{:x}", opcode, offset);
        return ev;
      }
      ++pos_;
      if ((opcode & 0x100) == 0) {
        ev.kind = ParseEvent::Kind::Operation;
        return ev;
      }
      regs.cmd0[opcode] = word.param();
      continue;
    }
    if (word.control() == kControlCmd1) {
      if (!is_known_cmd1(opcode)) {
        ev.kind = ParseEvent::Kind::Error;
        ev.error = fmt::format("unknown cmd1 opcode {} at offset 0x{:x}", opcode, offset);
        return ev;
      }
      if (pos_ + 1 >= words_.size()) {
        ev.kind = ParseEvent::Kind::Error;
        ev.error = fmt::format("cmd1 {} at offset 0x{:x} lacks its payload word", cmd1_name(opcode),
                               offset);
        return ev;
      }
      regs.cmd1_payload[opcode] = words_[pos_ + 1];
      regs.cmd1_param[opcode] = word.param();
      pos_ += 2;
      continue;
    }
    ev.kind = ParseEvent::Kind::Error;
    ev.error =
        fmt::format("invalid command control field {} at offset 0x{:x}", word.control(), offset);
    return ev;
  }
  ParseEvent end;
  end.kind = ParseEvent::Kind::End;
  end.offset = static_cast<uint32_t>(pos_ * 4);
  return end;
}

namespace {

// IFM/IFM2 precision: type [0], precision [3:2], format [7:6], scale mode [9:8], round [15:14]
// (parameter bit positions; the interface header gives them as word bits 16 higher).
bool decode_ifm_precision(uint16_t p, ElementType& type, DataFormat& format, std::string& error) {
  const unsigned precision = (p >> 2) & 3;
  if (precision == 3) {
    error = "64-bit IFM precision is not supported";
    return false;
  }
  type.bits = static_cast<uint8_t>(8u << precision);
  type.is_signed = p & 1;
  const unsigned fmt = (p >> 6) & 3;
  if (fmt > 1) {
    error = fmt::format("invalid activation format {}", fmt);
    return false;
  }
  format = static_cast<DataFormat>(fmt);
  return true;
}

int32_t zero_point_value(uint16_t raw, const ElementType& type) {
  return type.is_signed ? static_cast<int16_t>(raw) : static_cast<int32_t>(raw);
}

bool decode_round(unsigned raw, RoundMode& mode, std::string& error) {
  if (raw > 2) {
    error = fmt::format("invalid round mode {}", raw);
    return false;
  }
  mode = static_cast<RoundMode>(raw);
  return true;
}

void read_tiles(const CommandRegisters& r, uint16_t base0, FeatureMap& fm) {
  for (unsigned i = 0; i < 4; ++i) fm.base[i] = r.get1(static_cast<uint16_t>(base0 + i));
}

bool describe_ifm(const CommandRegisters& r, FeatureMap& fm, std::string& error) {
  fm.region = r.get0(reg0::kIfmRegion) & 7;
  read_tiles(r, reg1::kIfmBase0, fm);
  fm.stride_x = r.get1(reg1::kIfmStrideX);
  fm.stride_y = r.get1(reg1::kIfmStrideY);
  fm.stride_c = r.get1(reg1::kIfmStrideC);
  fm.width0 = r.get0(reg0::kIfmWidth0M1) + 1;
  fm.height0 = r.get0(reg0::kIfmHeight0M1) + 1;
  fm.height1 = r.get0(reg0::kIfmHeight1M1) + 1;
  fm.depth = r.get0(reg0::kIfmDepthM1) + 1;
  if (!decode_ifm_precision(r.get0(reg0::kIfmPrecision), fm.type, fm.format, error)) return false;
  fm.zero_point = zero_point_value(r.get0(reg0::kIfmZeroPoint), fm.type);
  return true;
}

bool describe_ifm2(const CommandRegisters& r, FeatureMap& fm, std::string& error) {
  fm.region = r.get0(reg0::kIfm2Region) & 7;
  read_tiles(r, reg1::kIfm2Base0, fm);
  fm.stride_x = r.get1(reg1::kIfm2StrideX);
  fm.stride_y = r.get1(reg1::kIfm2StrideY);
  fm.stride_c = r.get1(reg1::kIfm2StrideC);
  fm.width0 = r.get0(reg0::kIfm2Width0M1) + 1;
  fm.height0 = r.get0(reg0::kIfm2Height0M1) + 1;
  fm.height1 = r.get0(reg0::kIfm2Height1M1) + 1;
  if (!decode_ifm_precision(r.get0(reg0::kIfm2Precision), fm.type, fm.format, error)) {
    error = "IFM2: " + error;
    return false;
  }
  fm.zero_point = zero_point_value(r.get0(reg0::kIfm2ZeroPoint), fm.type);
  return true;
}

// OFM precision: type [0], precision [2:1], format [7:6], scale mode [8], round [15:14].
bool describe_ofm(const CommandRegisters& r, OperationDesc& d, std::string& error) {
  FeatureMap& fm = d.ofm;
  fm.region = r.get0(reg0::kOfmRegion) & 7;
  read_tiles(r, reg1::kOfmBase0, fm);
  fm.stride_x = r.get1(reg1::kOfmStrideX);
  fm.stride_y = r.get1(reg1::kOfmStrideY);
  fm.stride_c = r.get1(reg1::kOfmStrideC);
  fm.width0 = r.get0(reg0::kOfmWidth0M1) + 1;
  fm.height0 = r.get0(reg0::kOfmHeight0M1) + 1;
  fm.height1 = r.get0(reg0::kOfmHeight1M1) + 1;
  fm.width = r.get0(reg0::kOfmWidthM1) + 1;
  fm.height = r.get0(reg0::kOfmHeightM1) + 1;
  fm.depth = r.get0(reg0::kOfmDepthM1) + 1;
  const uint16_t p = r.get0(reg0::kOfmPrecision);
  const unsigned precision = (p >> 1) & 3;
  if (precision == 3) {
    error = "64-bit OFM precision is not supported";
    return false;
  }
  fm.type.bits = static_cast<uint8_t>(8u << precision);
  fm.type.is_signed = p & 1;
  const unsigned fmt = (p >> 6) & 3;
  if (fmt > 1) {
    error = fmt::format("invalid OFM format {}", fmt);
    return false;
  }
  fm.format = static_cast<DataFormat>(fmt);
  d.ofm_scale_global = (p >> 8) & 1;
  if (!decode_round((p >> 14) & 3, d.ofm_round, error)) return false;
  fm.zero_point = zero_point_value(r.get0(reg0::kOfmZeroPoint), fm.type);
  return true;
}

bool describe_kernel(const CommandRegisters& r, OperationDesc& d, std::string& error) {
  const uint16_t s = r.get0(reg0::kKernelStride);
  Kernel& k = d.kernel;
  k.stride_x = (((s >> 6) & 1) << 1 | (s & 1)) + 1;
  k.stride_y = (((s >> 9) & 1) << 1 | ((s >> 1) & 1)) + 1;
  k.part_kernel_first = (s >> 2) & 1;
  k.dilation_x = ((s >> 3) & 1) ? 2 : 1;
  k.dilation_y = ((s >> 4) & 1) ? 2 : 1;
  // KERNEL_WIDTH_M1 holds the dilated extent minus one: dilation*(kw-1).
  const int w_m1 = r.get0(reg0::kKernelWidthM1);
  const int h_m1 = r.get0(reg0::kKernelHeightM1);
  if (w_m1 % k.dilation_x != 0 || h_m1 % k.dilation_y != 0) {
    error = "kernel extent is not a multiple of the dilation";
    return false;
  }
  k.width = w_m1 / k.dilation_x + 1;
  k.height = h_m1 / k.dilation_y + 1;
  if (k.width > 64 || k.height > 64) {
    error = fmt::format("kernel {}x{} is beyond the 64x64 the model supports", k.width, k.height);
    return false;
  }
  d.padding.top = r.get0(reg0::kIfmPadTop) & 0x7F;
  d.padding.left = r.get0(reg0::kIfmPadLeft) & 0x7F;
  d.padding.bottom = r.get0(reg0::kIfmPadBottom) & 0xFF;
  d.padding.right = r.get0(reg0::kIfmPadRight) & 0xFF;
  return true;
}

// The IFM extent a kernel operation reads is implied by the OFM size, the kernel and the padding.
bool derive_ifm_extent(OperationDesc& d, std::string& error) {
  const Kernel& k = d.kernel;
  int h = (d.ofm.height - 1) * k.stride_y + (k.height - 1) * k.dilation_y + 1 - d.padding.top -
          d.padding.bottom;
  int w = (d.ofm.width - 1) * k.stride_x + (k.width - 1) * k.dilation_x + 1 - d.padding.left -
          d.padding.right;
  if (d.upscale != UpscaleMode::None) {
    h = (h + 1) / 2;
    w = (w + 1) / 2;
  }
  if (h <= 0 || w <= 0) {
    error = "padding exceeds the IFM extent implied by the OFM and kernel";
    return false;
  }
  d.ifm.height = h;
  d.ifm.width = w;
  return true;
}

// ACTIVATION: function [4:0] (0 none/clamp, 3 tanh, 4 sigmoid, 16..23 LUT slot), clip range
// [14:12] (0 OFM precision, 2 uint8, 3 int8, 5 int16).
bool describe_activation(const CommandRegisters& r, OperationDesc& d, std::string& error) {
  const uint16_t a = r.get0(reg0::kActivation);
  d.activation.function = a & 0x1F;
  d.activation.clip_range = (a >> 12) & 7;
  if (d.activation.function != 0 && !d.activation.uses_lut()) {
    // The hardware tanh/sigmoid units have no public bit-exact description; Vela emits them only
    // for int16 networks, through LUTs otherwise.
    error =
        fmt::format("activation function {} is not supported by the model", d.activation.function);
    return false;
  }
  if (d.activation.clip_range != 0 && d.activation.clip_range != 2 &&
      d.activation.clip_range != 3 && d.activation.clip_range != 5) {
    error = fmt::format("invalid activation clip range {}", d.activation.clip_range);
    return false;
  }
  const bool clamp_unsigned =
      d.activation.clip_range == 2 || (d.activation.clip_range == 0 && !d.ofm.type.is_signed);
  const uint16_t lo = r.get0(reg0::kActivationMin);
  const uint16_t hi = r.get0(reg0::kActivationMax);
  d.activation.min = clamp_unsigned ? lo : static_cast<int16_t>(lo);
  d.activation.max = clamp_unsigned ? hi : static_cast<int16_t>(hi);
  return true;
}

void describe_weights(const CommandRegisters& r, OperationDesc& d) {
  d.weight_region = r.get0(reg0::kWeightRegion) & 7;
  d.scale_region = r.get0(reg0::kScaleRegion) & 7;
  d.weight_base = r.get1(reg1::kWeightBase);
  d.weight_length = r.get1(reg1::kWeightLength);
  d.scale_base = r.get1(reg1::kScaleBase);
  d.scale_length = r.get1(reg1::kScaleLength) & 0xFFFFF;
  d.ofm_block_depth = r.get0(reg0::kOfmBlkDepthM1) + 1;
  d.acc_40bit = (r.get0(reg0::kAccFormat) & 3) == 1;
}

void describe_scales(const CommandRegisters& r, OperationDesc& d) {
  d.ofm_scale.scale = r.get1(reg1::kOfmScale);
  d.ofm_scale.shift = r.cmd1_param[reg1::kOfmScale] & 0x3F;
  d.opa_scale.scale = r.get1(reg1::kOpaScale);
  d.opa_scale.shift = r.cmd1_param[reg1::kOpaScale] & 0x3F;
  d.opb_scale = static_cast<uint16_t>(r.get1(reg1::kOpbScale));
}

bool describe_common(const CommandRegisters& r, OperationDesc& d, std::string& error) {
  if (!describe_ifm(r, d.ifm, error) || !describe_ofm(r, d, error)) return false;
  const uint16_t ip = r.get0(reg0::kIfmPrecision);
  const unsigned scale_mode = (ip >> 8) & 3;
  if (scale_mode > 2) {
    error = "invalid IFM scale mode";
    return false;
  }
  d.ifm_scale_mode = static_cast<IfmScaleMode>(scale_mode);
  if (!decode_round((ip >> 14) & 3, d.ifm_round, error)) return false;
  const unsigned upscale = r.get0(reg0::kIfmUpscale) & 3;
  if (upscale > 2) {
    error = "invalid IFM upscale mode";
    return false;
  }
  d.upscale = static_cast<UpscaleMode>(upscale);
  if (!describe_activation(r, d, error)) return false;
  describe_scales(r, d);
  describe_weights(r, d);
  if ((r.get0(reg0::kAccFormat) & 3) > 1) {
    error = "the F16 accumulator format is not supported by the model";
    return false;
  }
  return true;
}

bool describe_dma(const CommandRegisters& r, OperationDesc& d, std::string& error) {
  const uint16_t src = r.get0(reg0::kDmaSrcRegion);
  const uint16_t dst = r.get0(reg0::kDmaDstRegion);
  if (((src >> 9) & 3) != 0 || ((dst >> 9) & 3) != 0) {
    error = "DMA stride modes other than 1D are not supported on the U55";
    return false;
  }
  d.dma.src_region = src & 7;
  d.dma.dst_region = dst & 7;
  d.dma.src_internal = (src >> 8) & 1;
  d.dma.dst_internal = (dst >> 8) & 1;
  d.dma.src = r.get1(reg1::kDmaSrc);
  d.dma.dst = r.get1(reg1::kDmaDst);
  d.dma.length = r.get1(reg1::kDmaLen);
  if (d.dma.src_internal) {
    error = "DMA from internal SHRAM is not supported";
    return false;
  }
  return true;
}

// Limits that keep a hostile stream from making the host allocate gigabytes: 64 Mi elements per
// feature map, 64 MiB per weight stream or DMA.
constexpr uint64_t kMaxElements = uint64_t{1} << 26;
constexpr uint64_t kMaxBytes = uint64_t{1} << 26;
constexpr uint64_t kMaxWork = uint64_t{1} << 31;

bool within_limits(const OperationDesc& d, std::string& error) {
  auto elements = [](const FeatureMap& fm) {
    return uint64_t(fm.height) * uint64_t(fm.width) * uint64_t(fm.depth);
  };
  if (elements(d.ifm) > kMaxElements || elements(d.ifm2) > kMaxElements ||
      elements(d.ofm) > kMaxElements || d.weight_length > kMaxBytes || d.dma.length > kMaxBytes) {
    error = "operation exceeds the model's size limits (64 Mi elements, 64 MiB streams)";
    return false;
  }
  // Multiply-accumulates (or window reads) the operation costs the host: bounded so that a
  // hostile stream cannot stall the simulation for hours.
  const uint64_t kernel = uint64_t(d.kernel.width) * uint64_t(d.kernel.height);
  const uint64_t per_output = d.kind == OperationKind::Conv ? kernel * uint64_t(d.ifm.depth)
                              : d.kind == OperationKind::Pool && d.pool_mode == PoolMode::ReduceSum
                                  ? kernel * uint64_t(d.ifm.depth)
                                  : kernel;
  if (elements(d.ofm) * per_output > kMaxWork) {
    error = "operation exceeds the model's work limit (2^31 multiply-accumulates)";
    return false;
  }
  return true;
}

bool describe_operation_unchecked(const CommandRegisters& regs, uint16_t opcode, uint16_t param,
                                  OperationDesc& d, std::string& error) {
  d = OperationDesc{};
  switch (opcode) {
    case op::kDmaStart:
      d.kind = OperationKind::DmaStart;
      return describe_dma(regs, d, error);
    case op::kConv:
    case op::kDepthwise:
    case op::kPool: {
      d.kind = opcode == op::kConv        ? OperationKind::Conv
               : opcode == op::kDepthwise ? OperationKind::Depthwise
                                          : OperationKind::Pool;
      if (!describe_common(regs, d, error) || !describe_kernel(regs, d, error)) return false;
      if (d.kind == OperationKind::Pool) {
        const unsigned mode = param & 7;
        if (mode > 2) {
          error = fmt::format("invalid pooling mode {}", mode);
          return false;
        }
        d.pool_mode = static_cast<PoolMode>(mode);
        if (d.pool_mode != PoolMode::ReduceSum) d.ifm.depth = d.ofm.depth;
      }
      if (d.kind == OperationKind::Depthwise) d.ifm.depth = d.ofm.depth;
      if (d.ifm.type.bits == 32 && d.kind != OperationKind::Pool) {
        error = "32-bit IFM is only allowed for pooling and elementwise operations";
        return false;
      }
      return derive_ifm_extent(d, error);
    }
    case op::kElementwise: {
      d.kind = OperationKind::Elementwise;
      const unsigned mode = param & 0x3F;
      if (mode > 9) {
        error = fmt::format("invalid elementwise mode {}", mode);
        return false;
      }
      d.elementwise_mode = static_cast<ElementwiseMode>(mode);
      if (!describe_common(regs, d, error)) return false;
      d.ifm.height = d.ofm.height;
      d.ifm.width = d.ofm.width;
      d.ifm.depth = d.ofm.depth;
      const bool unary = d.elementwise_mode == ElementwiseMode::LRelu ||
                         d.elementwise_mode == ElementwiseMode::Abs ||
                         d.elementwise_mode == ElementwiseMode::Clz;
      if (!unary) {
        if (!describe_ifm2(regs, d.ifm2, error)) return false;
        const uint16_t b = regs.get0(reg0::kIfm2Broadcast);
        d.broadcast_h = b & 1;
        d.broadcast_w = (b >> 1) & 1;
        d.broadcast_c = (b >> 2) & 1;
        d.ifm2_is_operand_a = (b >> 6) & 1;
        d.ifm2_scalar = (b >> 7) & 1;
        const uint16_t scalar = regs.get0(reg0::kIfm2Scalar);
        d.ifm2_scalar_value = zero_point_value(scalar, d.ifm2.type);
        d.ifm2.height = d.broadcast_h ? 1 : d.ofm.height;
        d.ifm2.width = d.broadcast_w ? 1 : d.ofm.width;
        d.ifm2.depth = d.broadcast_c ? 1 : d.ofm.depth;
      }
      return true;
    }
    default:
      error = fmt::format("{} is not a data operation", cmd0_name(opcode));
      return false;
  }
}

}  // namespace

bool describe_operation(const CommandRegisters& regs, uint16_t opcode, uint16_t param,
                        OperationDesc& d, std::string& error) {
  return describe_operation_unchecked(regs, opcode, param, d, error) && within_limits(d, error);
}

}  // namespace minifvp::npu
