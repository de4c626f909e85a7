// Overlaps between rows of different MVE tables. The MVE encoding space reuses the "size = '11'"
// and U = 1/0 corners of one instruction's encoding for another (the Arm ARM's decode pseudocode
// says "SEE ..." there), and the families live in different table files, so the specialisations
// that cross files are declared here, each with the field value that selects the specific row:
//  - floating point (size/sz bit) inside the integer forms: VMAXNMA/VMINNMA in VMAXA/VMINA, the
//    scalar VADD/VSUB/VMUL/VFMA/VFMAS in VHADD/VHSUB/VQ(R)DMULH/VMLA/VMLAS, VCMUL in the
//    VQ(R)DMLADH/VQ(R)DMLSDH space, the float scalar VCMP/VPT in integer VADD/VSUB (scalar);
//  - VSHL/VRSHL/VQSHL/VQRSHL (register) are the size = '11' corner of VMUL (scalar) and VBRSR;
//  - VMOVL is VSHLL (T1) with a zero shift.
// tests/unit/decoder_table_test.cpp checks every pair is a strict specialisation.
#include "cpu/decode/groups.h"

namespace minifvp::cpu {
namespace {

constexpr Overlap kOverlaps[] = {
    {"T32_VMAXNMA_T1_F32", "T32_VMAXA_T1"},
    {"T32_VMINNMA_T1_F32", "T32_VMINA_T1"},
    {"T32_VMOVL_8_S_T1", "T32_VSHLL_T1_8_S"},
    {"T32_VMOVL_8_U_T1", "T32_VSHLL_T1_8_U"},
    {"T32_VMOVL_16_S_T1", "T32_VSHLL_T1_16_S"},
    {"T32_VMOVL_16_U_T1", "T32_VSHLL_T1_16_U"},
    {"T32_VSHL_reg_T1_S", "T32_VMUL_scalar_T2"},
    {"T32_VSHL_reg_T1_U", "T32_VBRSR_T1"},
    {"T32_VRSHL_reg_T1_S", "T32_VMUL_scalar_T2"},
    {"T32_VRSHL_reg_T1_U", "T32_VBRSR_T1"},
    {"T32_VQSHL_reg_T1_S", "T32_VMUL_scalar_T2"},
    {"T32_VQSHL_reg_T1_U", "T32_VBRSR_T1"},
    {"T32_VQRSHL_reg_T1_S", "T32_VMUL_scalar_T2"},
    {"T32_VQRSHL_reg_T1_U", "T32_VBRSR_T1"},
    {"T32_VCMP_VPT_fp_scalar_F32_T2", "T32_VADD_scalar_T2"},
    {"T32_VCMP_VPT_fp_scalar_ge_lt_F32_T2", "T32_VSUB_scalar_T2"},
    {"T32_VADD_fp_scalar_T2_F32", "T32_VHADD_scalar_S_T2"},
    {"T32_VADD_fp_scalar_T2_F16", "T32_VHADD_scalar_U_T2"},
    {"T32_VSUB_fp_scalar_T2_F32", "T32_VHSUB_scalar_S_T2"},
    {"T32_VSUB_fp_scalar_T2_F16", "T32_VHSUB_scalar_U_T2"},
    {"T32_VMUL_fp_scalar_T2_F32", "T32_VQDMULH_scalar_T1"},
    {"T32_VMUL_fp_scalar_T2_F16", "T32_VQRDMULH_scalar_T1"},
    {"T32_VFMA_scalar_T1_F32", "T32_VMLA_S_T1"},
    {"T32_VFMA_scalar_T1_F16", "T32_VMLA_U_T1"},
    {"T32_VFMAS_scalar_T1_F32", "T32_VMLAS_S_T1"},
    {"T32_VFMAS_scalar_T1_F16", "T32_VMLAS_U_T1"},
    {"T32_VCMUL_T1_F16_rot0_180", "T32_VQDMLADH_T1"},
    {"T32_VCMUL_T1_F16_rot90_270", "T32_VQRDMLADH_T1"},
    {"T32_VCMUL_T1_F32_rot0_180", "T32_VQDMLSDH_T1"},
    {"T32_VCMUL_T1_F32_rot90_270", "T32_VQRDMLSDH_T1"},
};

}  // namespace

EncodingGroup mve_cross_table_overlaps() {
  return {"mve_cross_table_overlaps", {}, {}, kOverlaps};
}

}  // namespace minifvp::cpu
