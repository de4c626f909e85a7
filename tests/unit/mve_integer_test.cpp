// MVE integer arithmetic (cpu/decode/table_mve_integer.cpp, cpu/exec/mve_integer_arith.cpp):
// every row's decode, and execution of the bitwise, add/subtract, halving, saturating, absolute
// difference, maximum/minimum and one-source instructions on edge values of every element size,
// checked against formulas written here. Encodings are GNU as output
// (-march=armv8.1-m.main+mve.fp), Qd = q1, Qn = q2, Qm = q3, Rm = r3 unless said otherwise.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>

#include "mve_integer_fixture.h"

namespace minifvp::test {
namespace {

struct RowCase {
  uint32_t raw;
  const char* row;
};

class MveIntegerDecode : public ExecTest {};

TEST_F(MveIntegerDecode, EveryRowDecodesToItsName) {
  const RowCase cases[] = {
      {0xff812072, "T32_VMVN_imm_i1_T1"},
      {0xef822e79, "T32_VMOV_imm_i64_i0_T1"},
      {0xff812352, "T32_VORR_imm_i1_T1"},
      {0xff812952, "T32_VORR_imm_i1_T2"},
      {0xff812372, "T32_VBIC_imm_i1_T1"},
      {0xff812972, "T32_VBIC_imm_i1_T2"},
      {0xff142246, "T32_VHSUB_U_T1"},
      {0xef042146, "T32_VRHADD_S_T1"},
      {0xff042746, "T32_VABD_U_T1"},
      {0xef142646, "T32_VMAX_S_T1"},
      {0xff242656, "T32_VMIN_U_T1"},
      {0xfe142f43, "T32_VHADD_scalar_U_T2"},
      {0xee043f43, "T32_VHSUB_scalar_S_T2"},
      {0xfe242f63, "T32_VQADD_scalar_U_T2"},
      {0xee143f63, "T32_VQSUB_scalar_S_T2"},
      {0xee252e43, "T32_VMLA_S_T1"},
      {0xfe053e43, "T32_VMLAS_U_T1"},
      {0xfe342f63, "T32_VQDMULLB_scalar_S32_T2"},
      {0xee343f63, "T32_VQDMULLT_scalar_S16_T2"},
      {0xee252e07, "T32_VMULH_S_32_T1"},
      {0xfe253e07, "T32_VRMULH_U_32_T1"},
      {0xef042156, "T32_VAND_T1"},
      {0xef142156, "T32_VBIC_reg_T1"},
      {0xef242156, "T32_VORR_reg_T1"},
      {0xef342156, "T32_VORN_T1"},
      {0xff042156, "T32_VEOR_T1"},
      {0xef812052, "T32_VMOV_imm_i0_T1"},
      {0xef812072, "T32_VMVN_imm_i0_T1"},
      {0xff822e79, "T32_VMOV_imm_i64_i1_T1"},
      {0xef812352, "T32_VORR_imm_i0_T1"},
      {0xef812952, "T32_VORR_imm_i0_T2"},
      {0xef812372, "T32_VBIC_imm_i0_T1"},
      {0xef812972, "T32_VBIC_imm_i0_T2"},
      {0xff802e51, "T32_VMOV_imm_i1_T1"},
      {0xef872f58, "T32_VMOV_imm_i0_T1"},
      {0xef812c72, "T32_VMVN_imm_i0_T1"},
      {0xef042846, "T32_VADD_vec_T1"},
      {0xff142846, "T32_VSUB_vec_T1"},
      {0xef042046, "T32_VHADD_S_T1"},
      {0xff242046, "T32_VHADD_U_T1"},
      {0xef142246, "T32_VHSUB_S_T1"},
      {0xff042146, "T32_VRHADD_U_T1"},
      {0xef042056, "T32_VQADD_S_T1"},
      {0xff142056, "T32_VQADD_U_T1"},
      {0xef242256, "T32_VQSUB_S_T1"},
      {0xff042256, "T32_VQSUB_U_T1"},
      {0xef042746, "T32_VABD_S_T1"},
      {0xff142646, "T32_VMAX_U_T1"},
      {0xef242656, "T32_VMIN_S_T1"},
      {0xee252f43, "T32_VADD_scalar_T2"},
      {0xee053f43, "T32_VSUB_scalar_T2"},
      {0xee142f43, "T32_VHADD_scalar_S_T2"},
      {0xfe043f43, "T32_VHSUB_scalar_U_T2"},
      {0xee242f63, "T32_VQADD_scalar_S_T2"},
      {0xfe143f63, "T32_VQSUB_scalar_U_T2"},
      {0xee053e63, "T32_VMUL_scalar_T2"},
      {0xfe153e63, "T32_VBRSR_T1"},
      {0xfe252e43, "T32_VMLA_U_T1"},
      {0xee053e43, "T32_VMLAS_S_T1"},
      {0xee342f63, "T32_VQDMULLB_scalar_S16_T2"},
      {0xfe343f63, "T32_VQDMULLT_scalar_S32_T2"},
      {0xffb12346, "T32_VABS_T1"},
      {0xffb523c6, "T32_VNEG_T1"},
      {0xffb82746, "T32_VQABS_T1"},
      {0xffb027c6, "T32_VQNEG_T1"},
      {0xffb42446, "T32_VCLS_T1"},
      {0xffb824c6, "T32_VCLZ_T1"},
      {0xffb025c6, "T32_VMVN_reg_T1"},
      {0xee332e87, "T32_VMAXA_T1"},
      {0xee373e87, "T32_VMINA_T1"},
      {0xef142956, "T32_VMUL_vec_T1"},
      {0xee052e07, "T32_VMULH_S_8_16_T1"},
      {0xfe053e07, "T32_VRMULH_U_8_16_T1"},
      {0xee253e07, "T32_VRMULH_S_32_T1"},
      {0xee152e07, "T32_VMULH_S_8_16_T1"},
      {0xfe152e07, "T32_VMULH_U_8_16_T1"},
      {0xee052e07, "T32_VMULH_S_8_16_T1"},
      {0xee232fee, "T32_VIDUP_32_T1"},
      {0xee233f63, "T32_VDWDUP_32_T1"},
      {0xee232f63, "T32_VIWDUP_32_T1"},
      {0xee153f6e, "T32_VDDUP_8_16_T1"},
      {0xfe252e07, "T32_VMULH_U_32_T1"},
      {0xee153e07, "T32_VRMULH_S_8_16_T1"},
      {0xee052e06, "T32_VMULL_int_S_T1"},
      {0xfe153e06, "T32_VMULL_int_U_T1"},
      {0xee352e06, "T32_VMULL_poly_P8_T1"},
      {0xfe353e06, "T32_VMULL_poly_P16_T1"},
      {0xee342f07, "T32_VQDMULL_S16_T1"},
      {0xfe343f07, "T32_VQDMULL_S32_T1"},
      {0xee342f06, "T32_VADC_T1"},
      {0xee343f06, "T32_VADCI_T1"},
      {0xfe342f06, "T32_VSBC_T1"},
      {0xfe343f06, "T32_VSBCI_T1"},
      {0xee042f06, "T32_VHCADD_T1"},
      {0xee243f06, "T32_VHCADD_T1"},
      {0xfe142f06, "T32_VCADD_int_T1"},
      {0xfe243f06, "T32_VCADD_int_T1"},
      {0xee032fee, "T32_VIDUP_8_16_T1"},
      {0xee132f63, "T32_VIWDUP_8_16_T1"},
      {0xee253f6e, "T32_VDDUP_32_T1"},
      {0xee053fe5, "T32_VDWDUP_8_16_T1"},
  };
  for (const RowCase& c : cases) {
    EXPECT_EQ(row_name(c.raw), c.row) << std::hex << c.raw;
    EXPECT_EQ(decode_status(c.raw), cpu::DecodeStatus::Ok) << std::hex << c.raw;
  }
}

class MveIntArith : public MveIntTest {};

// UNDEFINED field values execute as UNDEFINSTR with the FPU on and NOCP with it off.
TEST_F(MveIntArith, UndefinedFieldValues) {
  const uint32_t undefined_cases[] = {
      with_size(0xef042846, 3),  // VADD size '11'
      0xef042846 | (1u << 22),   // Qd = Q9 (D set)
      0xef042846 | (1u << 7),    // Qn beyond Q7
      0xee252f4d,                // VADD scalar with Rm = SP
      0xee252f4f,                // VADD scalar with Rm = PC
      0xfe343f03,                // VQDMULLT.S32 q1, q2, q1: Qd == Qm is UNDEFINED (QEMU's choice)
      (0xfe343f63 & ~(7u << 17)) | (1u << 17),  // VQDMULLT.S32 scalar with Qd == Qn (q1)
      0xef812f78,                               // VMVN/VMOV immediate op = 1, cmode = '1111'
      0xee132f6d,                               // VIWDUP with Rm = SP
  };
  for (uint32_t raw : undefined_cases) {
    h.core().set_fp_enabled(true);
    EXPECT_EQ(run_until_stop({static_cast<uint16_t>(raw >> 16), static_cast<uint16_t>(raw)}),
              cpu::StopReason::Fault)
        << std::hex << raw;
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction) << std::hex << raw;
    h.core().set_fp_enabled(false);
    EXPECT_EQ(run_until_stop({static_cast<uint16_t>(raw >> 16), static_cast<uint16_t>(raw)}),
              cpu::StopReason::Fault);
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor) << std::hex << raw;
  }
}

TEST_F(MveIntArith, DisabledFpuIsNocp) {
  h.core().set_fp_enabled(false);
  EXPECT_EQ(run_until_stop({0xef04, 0x2846}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor);
}

TEST_F(MveIntArith, Bitwise) {
  set_bytes(2, 0x0f, 0x11);
  set_bytes(3, 0x3c, 0x25);
  auto check = [&](uint32_t raw, auto fn) {
    exec(raw);
    for (unsigned i = 0; i < 16; ++i) {
      const uint8_t a = lane<uint8_t>(2, i), b = lane<uint8_t>(3, i);
      EXPECT_EQ(lane<uint8_t>(1, i), static_cast<uint8_t>(fn(a, b))) << std::hex << raw << " " << i;
    }
  };
  check(0xef042156, [](uint8_t a, uint8_t b) { return a & b; });
  check(0xef142156, [](uint8_t a, uint8_t b) { return a & ~b; });
  check(0xef242156, [](uint8_t a, uint8_t b) { return a | b; });
  check(0xef342156, [](uint8_t a, uint8_t b) { return a | ~b; });
  check(0xff042156, [](uint8_t a, uint8_t b) { return a ^ b; });
  check(0xffb025c6, [](uint8_t, uint8_t b) { return ~b; });  // vmvn q1, q3
}

TEST_F(MveIntArith, ModifiedImmediates) {
  set_bytes(1, 0xf0, 0x01);
  auto q1_words = [&]() {
    return std::array<uint32_t, 4>{lane<uint32_t>(1, 0), lane<uint32_t>(1, 1), lane<uint32_t>(1, 2),
                                   lane<uint32_t>(1, 3)};
  };
  exec(0xef812052);  // vmov.i32 q1, #0x12
  EXPECT_EQ(q1_words(), (std::array<uint32_t, 4>{0x12, 0x12, 0x12, 0x12}));
  exec(0xef812072);  // vmvn.i32 q1, #0x12
  EXPECT_EQ(lane<uint32_t>(1, 2), 0xffffffedu);
  exec(0xff822e79);  // vmov.i64 q1, #0xff00ff00ff0000ff
  EXPECT_EQ(lane<uint64_t>(1, 0), 0xff00ff00ff0000ffull);
  EXPECT_EQ(lane<uint64_t>(1, 1), 0xff00ff00ff0000ffull);
  exec(0xff802e51);  // vmov.i8 q1, #0x81
  EXPECT_EQ(lane<uint64_t>(1, 1), 0x8181818181818181ull);
  exec(0xef872f58);  // vmov.f32 q1, #1.5
  EXPECT_EQ(lane<uint32_t>(1, 3), 0x3fc00000u);
  exec(0xef812c72);  // vmvn.i32 q1, #0x12ff (cmode 1100: imm8:Ones(8), inverted)
  EXPECT_EQ(lane<uint32_t>(1, 0), ~0x12ffu);
  exec(0xef812052);  // vmov.i32 q1, #0x12
  exec(0xef812352);  // vorr.i32 q1, #0x1200
  EXPECT_EQ(lane<uint32_t>(1, 1), 0x1212u);
  exec(0xef812952);  // vorr.i16 q1, #0x12
  EXPECT_EQ(lane<uint32_t>(1, 1), 0x00121212u);
  exec(0xef812972);  // vbic.i16 q1, #0x12
  EXPECT_EQ(lane<uint32_t>(1, 1), 0x00001200u);
  exec(0xef812372);  // vbic.i32 q1, #0x1200
  EXPECT_EQ(q1_words(), (std::array<uint32_t, 4>{0, 0, 0, 0}));
  // Every cmode of VMOV (op = 0) against the AdvSIMDExpandImm table, imm8 = 0xa5.
  const uint64_t kExpected[16] = {
      0x000000a5000000a5, 0x000000a5000000a5, 0x0000a5000000a500, 0x0000a5000000a500,
      0x00a5000000a50000, 0x00a5000000a50000, 0xa5000000a5000000, 0xa5000000a5000000,
      0x00a500a500a500a5, 0x00a500a500a500a5, 0xa500a500a500a500, 0xa500a500a500a500,
      0x0000a5ff0000a5ff, 0x00a5ffff00a5ffff, 0xa5a5a5a5a5a5a5a5, 0xc1280000c1280000};
  for (uint32_t cmode = 0; cmode < 16; ++cmode) {
    if ((cmode & 1) && cmode < 12) continue;  // VORR
    // i = 1, imm3 = 010, imm4 = 0101: imm8 = 0xa5
    exec(0xff822050 | (cmode << 8) | 0x5);
    EXPECT_EQ(lane<uint64_t>(1, 0), kExpected[cmode]) << cmode;
  }
  // VMVN (op = 1) inverts the same expansions, including the shifted-ones cmodes 1100 and 1101;
  // cmode 1110 is VMOV.I64 (byte mask, not inverted).
  for (uint32_t cmode = 0; cmode < 15; ++cmode) {
    if ((cmode & 1) && cmode < 12) continue;  // VBIC
    exec(0xff822070 | (cmode << 8) | 0x5);
    const uint64_t expected = cmode == 14 ? 0xff00ff0000ff00ffull : ~kExpected[cmode];
    EXPECT_EQ(lane<uint64_t>(1, 1), expected) << cmode;
  }
}

TEST_F(MveIntArith, AddSubAllSizes) {
  for (uint32_t size = 0; size < 3; ++size) {
    const uint32_t vadd = with_size(0xef042846, size), vsub = with_size(0xff142846, size);
    if (size == 0) {
      check_binary<uint8_t>(vadd, [](uint8_t a, uint8_t b) { return uint8_t(a + b); });
      check_binary<uint8_t>(vsub, [](uint8_t a, uint8_t b) { return uint8_t(a - b); });
    } else if (size == 1) {
      check_binary<uint16_t>(vadd, [](uint16_t a, uint16_t b) { return uint16_t(a + b); });
      check_binary<uint16_t>(vsub, [](uint16_t a, uint16_t b) { return uint16_t(a - b); });
    } else {
      check_binary<uint32_t>(vadd, [](uint32_t a, uint32_t b) { return a + b; });
      check_binary<uint32_t>(vsub, [](uint32_t a, uint32_t b) { return a - b; });
    }
  }
  check_scalar<uint32_t>(0xee252f43, [](uint32_t a, uint32_t b) { return a + b; });
  check_scalar<uint8_t>(0xee053f43, [](uint8_t a, uint8_t b) { return uint8_t(a - b); });
  check_scalar<uint16_t>(with_size(0xee053f43, 1),
                         [](uint16_t a, uint16_t b) { return uint16_t(a - b); });
}

// Floor of the exact halved value, by long division on a 64-bit integer.
template <typename T>
T halve(int64_t exact) {
  const int64_t floor_half = exact >= 0 ? exact / 2 : -((-exact + 1) / 2);
  return static_cast<T>(floor_half);
}

TEST_F(MveIntArith, HalvingAndRoundingHalving) {
  check_binary<int8_t>(0xef042046,
                       [](int8_t a, int8_t b) { return halve<int8_t>(int64_t{a} + b); });
  check_binary<uint32_t>(0xff242046,
                         [](uint32_t a, uint32_t b) { return halve<uint32_t>(int64_t{a} + b); });
  check_binary<int16_t>(0xef142246,
                        [](int16_t a, int16_t b) { return halve<int16_t>(int64_t{a} - b); });
  check_binary<uint8_t>(with_size(0xff142246, 0) | (1u << 28),
                        [](uint8_t a, uint8_t b) { return halve<uint8_t>(int64_t{a} - b); });
  check_binary<uint8_t>(0xff042146,
                        [](uint8_t a, uint8_t b) { return halve<uint8_t>(int64_t{a} + b + 1); });
  check_binary<int32_t>(with_size(0xef042146, 2),
                        [](int32_t a, int32_t b) { return halve<int32_t>(int64_t{a} + b + 1); });
  check_scalar<int16_t>(0xee142f43,
                        [](int16_t a, int16_t b) { return halve<int16_t>(int64_t{a} + b); });
  check_scalar<uint8_t>(0xfe043f43,
                        [](uint8_t a, uint8_t b) { return halve<uint8_t>(int64_t{a} - b); });
}

template <typename T>
bool out_of_range(int64_t v) {
  return v < int64_t{std::numeric_limits<T>::min()} || v > int64_t{std::numeric_limits<T>::max()};
}
template <typename T>
T clamp_to(int64_t v) {
  return static_cast<T>(
      std::clamp<int64_t>(v, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
}

TEST_F(MveIntArith, SaturatingAddSubSetQc) {
  auto sadd8 = [](int8_t a, int8_t b) { return clamp_to<int8_t>(int64_t{a} + b); };
  check_binary<int8_t>(0xef042056, sadd8,
                       [](int8_t a, int8_t b) { return out_of_range<int8_t>(int64_t{a} + b); });
  check_binary<uint16_t>(
      0xff142056, [](uint16_t a, uint16_t b) { return clamp_to<uint16_t>(int64_t{a} + b); },
      [](uint16_t a, uint16_t b) { return out_of_range<uint16_t>(int64_t{a} + b); });
  check_binary<int32_t>(
      0xef242256, [](int32_t a, int32_t b) { return clamp_to<int32_t>(int64_t{a} - b); },
      [](int32_t a, int32_t b) { return out_of_range<int32_t>(int64_t{a} - b); });
  check_binary<uint8_t>(
      0xff042256, [](uint8_t a, uint8_t b) { return clamp_to<uint8_t>(int64_t{a} - b); },
      [](uint8_t a, uint8_t b) { return out_of_range<uint8_t>(int64_t{a} - b); });
  check_binary<uint32_t>(
      with_size(0xff042256, 2),
      [](uint32_t a, uint32_t b) { return clamp_to<uint32_t>(int64_t{a} - b); },
      [](uint32_t a, uint32_t b) { return out_of_range<uint32_t>(int64_t{a} - b); });
  check_scalar<int32_t>(
      0xee242f63, [](int32_t a, int32_t b) { return clamp_to<int32_t>(int64_t{a} + b); },
      [](int32_t a, int32_t b) { return out_of_range<int32_t>(int64_t{a} + b); });
  check_scalar<uint16_t>(
      0xfe143f63, [](uint16_t a, uint16_t b) { return clamp_to<uint16_t>(int64_t{a} - b); },
      [](uint16_t a, uint16_t b) { return out_of_range<uint16_t>(int64_t{a} - b); });
  check_scalar<int8_t>(
      with_size(0xee243f63, 0), [](int8_t a, int8_t b) { return clamp_to<int8_t>(int64_t{a} - b); },
      [](int8_t a, int8_t b) { return out_of_range<int8_t>(int64_t{a} - b); });
}

TEST_F(MveIntArith, QcIgnoresInactiveLanesAndIsSticky) {
  // vqadd.s8 q1, q2, q3 with only lane 5 saturating; predicate lane 5 off.
  set_bytes(2, 1, 0);
  set_bytes(3, 1, 0);
  set_lane<int8_t>(2, 5, 127);
  predicate(static_cast<uint16_t>(~(1u << 5)));
  clear_qc();
  exec(0xef042056);
  EXPECT_FALSE(qc());
  EXPECT_EQ(lane<int8_t>(1, 4), 2);
  predicate(0xffff);
  exec(0xef042056);
  EXPECT_TRUE(qc());
  EXPECT_EQ(lane<int8_t>(1, 5), 127);
  set_lane<int8_t>(2, 5, 0);
  exec(0xef042056);  // no saturation: QC stays set
  EXPECT_TRUE(qc());
}

TEST_F(MveIntArith, AbsoluteDifferenceMaxMin) {
  check_binary<int8_t>(0xef042746, [](int8_t a, int8_t b) {
    return static_cast<int8_t>(std::llabs(int64_t{a} - b));
  });
  check_binary<uint32_t>(with_size(0xff042746, 2), [](uint32_t a, uint32_t b) {
    return static_cast<uint32_t>(std::llabs(int64_t{a} - b));
  });
  check_binary<uint16_t>(0xff142646, [](uint16_t a, uint16_t b) { return std::max(a, b); });
  check_binary<int16_t>(with_size(0xef042646, 1),
                        [](int16_t a, int16_t b) { return std::max(a, b); });
  check_binary<int32_t>(0xef242656, [](int32_t a, int32_t b) { return std::min(a, b); });
  check_binary<uint8_t>(with_size(0xff242656, 0),
                        [](uint8_t a, uint8_t b) { return std::min(a, b); });
}

TEST_F(MveIntArith, OneSourceOperations) {
  check_unary<int8_t>(0xffb12346, [](int8_t a) { return static_cast<int8_t>(std::llabs(a)); });
  check_unary<int32_t>(with_size(0xffb12346, 2, 18),
                       [](int32_t a) { return static_cast<int32_t>(std::llabs(a)); });
  check_unary<int16_t>(0xffb523c6, [](int16_t a) { return static_cast<int16_t>(-int64_t{a}); });
  check_unary<int32_t>(
      0xffb82746, [](int32_t a) { return clamp_to<int32_t>(std::llabs(a)); },
      [](int32_t a) { return a == INT32_MIN; });
  check_unary<int8_t>(
      0xffb027c6, [](int8_t a) { return clamp_to<int8_t>(-int64_t{a}); },
      [](int8_t a) { return a == INT8_MIN; });
  check_unary<int16_t>(
      with_size(0xffb027c6, 1, 18), [](int16_t a) { return clamp_to<int16_t>(-int64_t{a}); },
      [](int16_t a) { return a == INT16_MIN; });
  // VCLS: sign bits after the top one; VCLZ: leading zeros, counted bit by bit here.
  auto leading_equal = [](uint32_t bits, unsigned width, unsigned from, unsigned value) {
    unsigned count = 0;
    for (int i = static_cast<int>(from); i >= 0 && ((bits >> i) & 1) == value; --i) ++count;
    (void)width;
    return count;
  };
  check_unary<int16_t>(0xffb42446, [&](int16_t a) {
    const uint32_t bits = static_cast<uint16_t>(a);
    return static_cast<int16_t>(leading_equal(bits, 16, 14, (bits >> 15) & 1));
  });
  check_unary<int8_t>(with_size(0xffb42446, 0, 18), [&](int8_t a) {
    const uint32_t bits = static_cast<uint8_t>(a);
    return static_cast<int8_t>(leading_equal(bits, 8, 6, (bits >> 7) & 1));
  });
  check_unary<uint32_t>(0xffb824c6, [&](uint32_t a) { return leading_equal(a, 32, 31, 0); });
  check_unary<uint8_t>(with_size(0xffb824c6, 0, 18),
                       [&](uint8_t a) { return static_cast<uint8_t>(leading_equal(a, 8, 7, 0)); });
}

TEST_F(MveIntArith, MaxMinAbsoluteTreatQdaUnsigned) {
  for (uint32_t size = 0; size < 3; ++size) {
    set_bytes(1, 0x70, 0x09);  // Qda
    set_bytes(3, 0x7e, 0x0b);  // Qm (signed)
    const mve::Vector da = mve::read_q(s(), 1), m = mve::read_q(s(), 3);
    exec(with_size(0xee332e87, size, 18));  // vmaxa q1, q3
    for (unsigned i = 0; i < 16u >> size; ++i) {
      uint64_t acc, magnitude;
      if (size == 0) {
        acc = da.lane<uint8_t>(i), magnitude = std::llabs(m.lane<int8_t>(i));
        EXPECT_EQ(lane<uint8_t>(1, i), std::max(acc, magnitude)) << i;
      } else if (size == 1) {
        acc = da.lane<uint16_t>(i), magnitude = std::llabs(m.lane<int16_t>(i));
        EXPECT_EQ(lane<uint16_t>(1, i), std::max(acc, magnitude)) << i;
      } else {
        acc = da.lane<uint32_t>(i), magnitude = std::llabs(int64_t{m.lane<int32_t>(i)});
        EXPECT_EQ(lane<uint32_t>(1, i), std::max(acc, magnitude)) << i;
      }
    }
    mve::write_q(s(), 1, da);
    exec(with_size(0xee373e87, size, 18));  // vmina q1, q3
    for (unsigned i = 0; i < 16u >> size; ++i) {
      if (size == 0) {
        const uint64_t magnitude = std::llabs(m.lane<int8_t>(i));
        EXPECT_EQ(lane<uint8_t>(1, i), std::min<uint64_t>(da.lane<uint8_t>(i), magnitude)) << i;
      }
    }
  }
  // -128 has magnitude 128, larger than Qda = 127 as unsigned.
  set_lane<uint8_t>(1, 0, 127);
  set_lane<int8_t>(3, 0, -128);
  exec(0xee332e87);
  EXPECT_EQ(lane<uint8_t>(1, 0), 128);
}

TEST_F(MveIntArith, PredicatedBytesKeepTheirValue) {
  set_bytes(1, 0xc0, 1);
  set_bytes(2, 0x10, 3);
  set_bytes(3, 0x01, 5);
  const mve::Vector before = mve::read_q(s(), 1);
  predicate(0xf00f);  // 32-bit lanes 0 and 3 active
  exec(0xef242846);   // vadd.i32 q1, q2, q3
  for (unsigned i = 0; i < 4; ++i) {
    const uint32_t expected =
        (i == 0 || i == 3) ? lane<uint32_t>(2, i) + lane<uint32_t>(3, i) : before.lane<uint32_t>(i);
    EXPECT_EQ(lane<uint32_t>(1, i), expected) << i;
  }
  // The VPT block ended with this instruction.
  EXPECT_EQ(s().vpr & (mve::kVprMask01 | mve::kVprMask23), 0u);
}

TEST_F(MveIntArith, EciSkipsBeatsAlreadyExecuted) {
  set_bytes(1, 0xc0, 1);
  set_bytes(2, 0x10, 3);
  set_bytes(3, 0x01, 5);
  const mve::Vector before = mve::read_q(s(), 1);
  s().it.bits = static_cast<uint8_t>(mve::Eci::A0A1) << 4;
  exec(0xef042846);  // vadd.i8 q1, q2, q3: only beats 2 and 3 (bytes 8-15)
  for (unsigned i = 0; i < 16; ++i) {
    const uint8_t expected =
        i < 8 ? before.lane<uint8_t>(i) : uint8_t(lane<uint8_t>(2, i) + lane<uint8_t>(3, i));
    EXPECT_EQ(lane<uint8_t>(1, i), expected) << i;
  }
  EXPECT_EQ(s().it.bits, 0);
}

TEST_F(MveIntArith, TailPredicationLimitsLanes) {
  set_bytes(1, 0xc0, 1);
  set_bytes(2, 0x10, 3);
  const mve::Vector before = mve::read_q(s(), 1);
  mve::set_ltpsize(s(), 1);  // 16-bit elements
  r(14) = 3;                 // three elements left
  r(3) = 0x0102;
  exec(0xee153f43);  // vsub.i16 q1, q2, r3
  for (unsigned i = 0; i < 8; ++i) {
    const uint16_t expected =
        i < 3 ? static_cast<uint16_t>(lane<uint16_t>(2, i) - 0x0102) : before.lane<uint16_t>(i);
    EXPECT_EQ(lane<uint16_t>(1, i), expected) << i;
  }
}

}  // namespace
}  // namespace minifvp::test
