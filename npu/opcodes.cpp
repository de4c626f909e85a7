#include "npu/opcodes.h"

#include <algorithm>
#include <array>

namespace minifvp::npu {
namespace {

struct OpcodeName {
  uint16_t opcode;
  std::string_view name;
};

// The U55 cmd0 opcodes (operations, then register settings), in opcode order.
constexpr std::array kCmd0Names = {
    OpcodeName{0, "NPU_OP_STOP"},
    OpcodeName{1, "NPU_OP_IRQ"},
    OpcodeName{2, "NPU_OP_CONV"},
    OpcodeName{3, "NPU_OP_DEPTHWISE"},
    OpcodeName{5, "NPU_OP_POOL"},
    OpcodeName{6, "NPU_OP_ELEMENTWISE"},
    OpcodeName{16, "NPU_OP_DMA_START"},
    OpcodeName{17, "NPU_OP_DMA_WAIT"},
    OpcodeName{18, "NPU_OP_KERNEL_WAIT"},
    OpcodeName{19, "NPU_OP_PMU_MASK"},
    OpcodeName{256, "NPU_SET_IFM_PAD_TOP"},
    OpcodeName{257, "NPU_SET_IFM_PAD_LEFT"},
    OpcodeName{258, "NPU_SET_IFM_PAD_RIGHT"},
    OpcodeName{259, "NPU_SET_IFM_PAD_BOTTOM"},
    OpcodeName{260, "NPU_SET_IFM_DEPTH_M1"},
    OpcodeName{261, "NPU_SET_IFM_PRECISION"},
    OpcodeName{263, "NPU_SET_IFM_UPSCALE"},
    OpcodeName{265, "NPU_SET_IFM_ZERO_POINT"},
    OpcodeName{266, "NPU_SET_IFM_WIDTH0_M1"},
    OpcodeName{267, "NPU_SET_IFM_HEIGHT0_M1"},
    OpcodeName{268, "NPU_SET_IFM_HEIGHT1_M1"},
    OpcodeName{269, "NPU_SET_IFM_IB_END"},
    OpcodeName{271, "NPU_SET_IFM_REGION"},
    OpcodeName{273, "NPU_SET_OFM_WIDTH_M1"},
    OpcodeName{274, "NPU_SET_OFM_HEIGHT_M1"},
    OpcodeName{275, "NPU_SET_OFM_DEPTH_M1"},
    OpcodeName{276, "NPU_SET_OFM_PRECISION"},
    OpcodeName{277, "NPU_SET_OFM_BLK_WIDTH_M1"},
    OpcodeName{278, "NPU_SET_OFM_BLK_HEIGHT_M1"},
    OpcodeName{279, "NPU_SET_OFM_BLK_DEPTH_M1"},
    OpcodeName{280, "NPU_SET_OFM_ZERO_POINT"},
    OpcodeName{282, "NPU_SET_OFM_WIDTH0_M1"},
    OpcodeName{283, "NPU_SET_OFM_HEIGHT0_M1"},
    OpcodeName{284, "NPU_SET_OFM_HEIGHT1_M1"},
    OpcodeName{287, "NPU_SET_OFM_REGION"},
    OpcodeName{288, "NPU_SET_KERNEL_WIDTH_M1"},
    OpcodeName{289, "NPU_SET_KERNEL_HEIGHT_M1"},
    OpcodeName{290, "NPU_SET_KERNEL_STRIDE"},
    OpcodeName{292, "NPU_SET_ACC_FORMAT"},
    OpcodeName{293, "NPU_SET_ACTIVATION"},
    OpcodeName{294, "NPU_SET_ACTIVATION_MIN"},
    OpcodeName{295, "NPU_SET_ACTIVATION_MAX"},
    OpcodeName{296, "NPU_SET_WEIGHT_REGION"},
    OpcodeName{297, "NPU_SET_SCALE_REGION"},
    OpcodeName{301, "NPU_SET_AB_START"},
    OpcodeName{303, "NPU_SET_BLOCKDEP"},
    OpcodeName{304, "NPU_SET_DMA0_SRC_REGION"},
    OpcodeName{305, "NPU_SET_DMA0_DST_REGION"},
    OpcodeName{306, "NPU_SET_DMA0_SIZE0"},
    OpcodeName{307, "NPU_SET_DMA0_SIZE1"},
    OpcodeName{384, "NPU_SET_IFM2_BROADCAST"},
    OpcodeName{385, "NPU_SET_IFM2_SCALAR"},
    OpcodeName{389, "NPU_SET_IFM2_PRECISION"},
    OpcodeName{393, "NPU_SET_IFM2_ZERO_POINT"},
    OpcodeName{394, "NPU_SET_IFM2_WIDTH0_M1"},
    OpcodeName{395, "NPU_SET_IFM2_HEIGHT0_M1"},
    OpcodeName{396, "NPU_SET_IFM2_HEIGHT1_M1"},
    OpcodeName{397, "NPU_SET_IFM2_IB_START"},
    OpcodeName{399, "NPU_SET_IFM2_REGION"},
};

constexpr std::array kCmd1Names = {
    OpcodeName{0, "NPU_SET_IFM_BASE0"},       OpcodeName{1, "NPU_SET_IFM_BASE1"},
    OpcodeName{2, "NPU_SET_IFM_BASE2"},       OpcodeName{3, "NPU_SET_IFM_BASE3"},
    OpcodeName{4, "NPU_SET_IFM_STRIDE_X"},    OpcodeName{5, "NPU_SET_IFM_STRIDE_Y"},
    OpcodeName{6, "NPU_SET_IFM_STRIDE_C"},    OpcodeName{16, "NPU_SET_OFM_BASE0"},
    OpcodeName{17, "NPU_SET_OFM_BASE1"},      OpcodeName{18, "NPU_SET_OFM_BASE2"},
    OpcodeName{19, "NPU_SET_OFM_BASE3"},      OpcodeName{20, "NPU_SET_OFM_STRIDE_X"},
    OpcodeName{21, "NPU_SET_OFM_STRIDE_Y"},   OpcodeName{22, "NPU_SET_OFM_STRIDE_C"},
    OpcodeName{32, "NPU_SET_WEIGHT_BASE"},    OpcodeName{33, "NPU_SET_WEIGHT_LENGTH"},
    OpcodeName{34, "NPU_SET_SCALE_BASE"},     OpcodeName{35, "NPU_SET_SCALE_LENGTH"},
    OpcodeName{36, "NPU_SET_OFM_SCALE"},      OpcodeName{37, "NPU_SET_OPA_SCALE"},
    OpcodeName{38, "NPU_SET_OPB_SCALE"},      OpcodeName{48, "NPU_SET_DMA0_SRC"},
    OpcodeName{49, "NPU_SET_DMA0_DST"},       OpcodeName{50, "NPU_SET_DMA0_LEN"},
    OpcodeName{128, "NPU_SET_IFM2_BASE0"},    OpcodeName{129, "NPU_SET_IFM2_BASE1"},
    OpcodeName{130, "NPU_SET_IFM2_BASE2"},    OpcodeName{131, "NPU_SET_IFM2_BASE3"},
    OpcodeName{132, "NPU_SET_IFM2_STRIDE_X"}, OpcodeName{133, "NPU_SET_IFM2_STRIDE_Y"},
    OpcodeName{134, "NPU_SET_IFM2_STRIDE_C"}, OpcodeName{160, "NPU_SET_USER_DEFINED0"},
    OpcodeName{161, "NPU_SET_USER_DEFINED1"}, OpcodeName{162, "NPU_SET_USER_DEFINED2"},
    OpcodeName{163, "NPU_SET_USER_DEFINED3"}, OpcodeName{164, "NPU_SET_USER_DEFINED4"},
    OpcodeName{165, "NPU_SET_USER_DEFINED5"}, OpcodeName{166, "NPU_SET_USER_DEFINED6"},
    OpcodeName{167, "NPU_SET_USER_DEFINED7"},
};

template <size_t N>
const OpcodeName* find(const std::array<OpcodeName, N>& table, uint16_t opcode) {
  auto it = std::lower_bound(table.begin(), table.end(), opcode,
                             [](const OpcodeName& e, uint16_t o) { return e.opcode < o; });
  return it != table.end() && it->opcode == opcode ? &*it : nullptr;
}

}  // namespace

bool is_known_cmd0(uint16_t opcode) {
  return find(kCmd0Names, opcode) != nullptr;
}
bool is_known_cmd1(uint16_t opcode) {
  return find(kCmd1Names, opcode) != nullptr;
}

std::string_view cmd0_name(uint16_t opcode) {
  const OpcodeName* e = find(kCmd0Names, opcode);
  return e ? e->name : "unknown";
}

std::string_view cmd1_name(uint16_t opcode) {
  const OpcodeName* e = find(kCmd1Names, opcode);
  return e ? e->name : "unknown";
}

// The shadow layout follows the opcode numbering (checked against every NPU_REG_* define of the
// U55 header): cmd0 256..319 at 0x800 + 4n, cmd0 384..399 at 0x900 + 4n, cmd1 below 56 at
// 0xA00 + 0x40*(op/16) + 8*(op%16), cmd1 128..167 at 0xB00 + the same.
uint32_t shadow_offset_cmd0(uint16_t opcode) {
  if (!is_known_cmd0(opcode) || opcode < 256) return 0;
  if (opcode < 320) return 0x800 + 4u * (opcode - 256u);
  if (opcode >= 384 && opcode < 400) return 0x900 + 4u * (opcode - 384u);
  return 0;
}

uint32_t shadow_offset_cmd1(uint16_t opcode) {
  if (!is_known_cmd1(opcode)) return 0;
  if (opcode < 56) return 0xA00 + 0x40u * (opcode >> 4) + 8u * (opcode & 15u);
  if (opcode >= 128) return 0xB00 + 0x40u * ((opcode - 128u) >> 4) + 8u * (opcode & 15u);
  return 0;
}

}  // namespace minifvp::npu
