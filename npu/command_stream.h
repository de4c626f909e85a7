// The command stream: cmd0/cmd1 words that set the NPU's operation registers, and operations that
// run with the registers' current values (values persist until overwritten; Vela omits redundant
// writes, so the whole register file is kept across operations).
//
// Parsing is split from execution: CommandStreamParser walks the words and updates a
// CommandRegisters, stopping at each operation; describe_operation() turns the registers into an
// OperationDesc (shapes, addresses, scaling, activation), rejecting settings the model cannot run.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "npu/opcodes.h"

namespace minifvp::npu {

// The register file the command stream writes. cmd0 values are the 16-bit parameter; cmd1 values
// keep the payload word and the parameter (which holds e.g. the OFM_SCALE shift).
struct CommandRegisters {
  std::array<uint16_t, 1024> cmd0{};
  std::array<uint32_t, 1024> cmd1_payload{};
  std::array<uint16_t, 1024> cmd1_param{};

  uint16_t get0(uint16_t opcode) const { return cmd0[opcode]; }
  uint32_t get1(uint16_t opcode) const { return cmd1_payload[opcode]; }
};

// One step of the parser.
struct ParseEvent {
  enum class Kind : uint8_t {
    Operation,  // an NPU_OP_* command (opcode/param below); the registers hold its settings
    End,        // the stream ran to QSIZE without NPU_OP_STOP
    Error,      // malformed or unknown command; `error` says which
  };
  Kind kind = Kind::End;
  uint16_t opcode = 0;
  uint16_t param = 0;
  uint32_t offset = 0;  // byte offset of the command word in the stream
  std::string error;
};

class CommandStreamParser {
 public:
  // `words` is the fetched stream (QSIZE bytes, or less when the fetch faulted: the device turns
  // an End or Error at the fetched end into a bus fault on the command channel).
  explicit CommandStreamParser(std::span<const uint32_t> words) : words_(words) {}

  // Applies register settings until the next operation, the end, or an error.
  ParseEvent next(CommandRegisters& regs);
  // Byte offset of the next command to read (QREAD).
  uint32_t position_bytes() const { return static_cast<uint32_t>(pos_ * 4); }
  bool at_end() const { return pos_ >= words_.size(); }

 private:
  std::span<const uint32_t> words_;
  size_t pos_ = 0;
};

// ---- Operation descriptors ----------------------------------------------------------------

enum class DataFormat : uint8_t { Nhwc = 0, Nhcwb16 = 1 };

// Element type of a feature map: 8, 16 or 32 bits, signed or not.
struct ElementType {
  uint8_t bits = 8;
  bool is_signed = true;
  unsigned bytes() const { return bits / 8u; }
  int64_t min() const { return is_signed ? -(int64_t{1} << (bits - 1)) : 0; }
  int64_t max() const {
    return is_signed ? (int64_t{1} << (bits - 1)) - 1 : (int64_t{1} << bits) - 1;
  }
};

// Where a feature map lives and how it is laid out: up to four tiles (base addresses), strides,
// and the logical shape the operation uses.
struct FeatureMap {
  unsigned region = 0;
  std::array<uint32_t, 4> base{};
  uint32_t stride_x = 0, stride_y = 0, stride_c = 0;
  int width0 = 1, height0 = 1, height1 = 1;  // tile sizes (WIDTH0_M1 + 1, ...)
  int height = 1, width = 1, depth = 1;      // logical shape of this operation's view
  ElementType type;
  DataFormat format = DataFormat::Nhwc;
  int32_t zero_point = 0;
};

enum class RoundMode : uint8_t { Dbl = 0, Truncate = 1, Natural = 2 };
enum class PoolMode : uint8_t { Max = 0, Average = 1, ReduceSum = 2 };
enum class ElementwiseMode : uint8_t {
  Mul = 0,
  Add = 1,
  Sub = 2,
  Min = 3,
  Max = 4,
  LRelu = 5,
  Abs = 6,
  Clz = 7,
  Shr = 8,
  Shl = 9
};
enum class IfmScaleMode : uint8_t { OpaOpb16 = 0, Opa32 = 1, Opb32 = 2 };
enum class UpscaleMode : uint8_t { None = 0, Nearest = 1, Zeros = 2 };

enum class OperationKind : uint8_t { Conv, Depthwise, Pool, Elementwise, DmaStart };

struct Kernel {
  int width = 1, height = 1;  // undilated kernel size
  int stride_x = 1, stride_y = 1;
  int dilation_x = 1, dilation_y = 1;
  bool part_kernel_first = false;  // weight order
};

struct Padding {
  int top = 0, left = 0, bottom = 0, right = 0;
  bool any() const { return top || left || bottom || right; }
};

struct Activation {
  unsigned function = 0;    // 0 = none/ReLU clamp, 3 tanh, 4 sigmoid, 16..23 TABLE_0..7
  unsigned clip_range = 0;  // 0 OFM precision, 2 force uint8, 3 force int8, 5 force int16
  int32_t min = 0, max = 0;
  bool uses_lut() const { return function >= 16 && function <= 23; }
  unsigned lut_slot() const { return function - 16; }
};

struct QuantScale {
  uint32_t scale = 1;
  unsigned shift = 0;
};

struct DmaDesc {
  unsigned src_region = 0, dst_region = 0;
  bool src_internal = false, dst_internal = false;
  uint32_t src = 0, dst = 0, length = 0;
};

struct OperationDesc {
  OperationKind kind = OperationKind::Conv;
  PoolMode pool_mode = PoolMode::Max;
  ElementwiseMode elementwise_mode = ElementwiseMode::Mul;

  FeatureMap ifm, ifm2, ofm;
  Kernel kernel;
  Padding padding;
  UpscaleMode upscale = UpscaleMode::None;

  // Weights and per-channel bias/scale stream (conv, depthwise; pooling in per-channel mode).
  unsigned weight_region = 0, scale_region = 0;
  uint32_t weight_base = 0, weight_length = 0, scale_base = 0, scale_length = 0;
  int ofm_block_depth = 8;
  bool acc_40bit = false;

  // Scaling.
  bool ofm_scale_global = false;
  QuantScale ofm_scale;
  RoundMode ofm_round = RoundMode::Dbl;
  RoundMode ifm_round = RoundMode::Dbl;
  IfmScaleMode ifm_scale_mode = IfmScaleMode::OpaOpb16;
  QuantScale opa_scale;  // 32-bit scale + shift in OPA_32/OPB_32, 16-bit scale otherwise
  uint16_t opb_scale = 1;

  Activation activation;

  // Elementwise IFM2.
  bool broadcast_h = false, broadcast_w = false, broadcast_c = false;
  bool ifm2_is_operand_a = false;  // operand_order: IFM2 is the first operand
  bool ifm2_scalar = false;
  int32_t ifm2_scalar_value = 0;

  DmaDesc dma;
};

// Builds the descriptor of the operation `opcode`/`param` from the registers. Returns false with
// `error` set when the settings are invalid or beyond what the model supports.
bool describe_operation(const CommandRegisters& regs, uint16_t opcode, uint16_t param,
                        OperationDesc& desc, std::string& error);

}  // namespace minifvp::npu
