// MVE loads and stores executed from their encodings (arm-none-eabi-as
// -march=armv8.1-m.main+mve): every row's name, contiguous loads and stores in every addressing
// mode with predication (inactive load lanes zeroed), tail predication and ECI, widening and
// narrowing, alignment faults, gathers and scatters (vector offsets and vector bases with
// writeback), and the interleaving VLD2/VLD4/VST2/VST4. Expected values come from the memory
// pattern below and the Armv8.1-M pseudocode, worked out in the test, not from the model.
#include <array>

#include "cpu/exec/fp_common.h"
#include "cpu/exec/mve_common.h"
#include "mve_test_fixture.h"

namespace minifvp::test {
namespace {

namespace mve = cpu::exec::mve;
constexpr uint32_t kData = CpuHarness::kDataBase;

// The byte the test memory holds at kData + i.
constexpr uint8_t pattern(uint32_t i) {
  return static_cast<uint8_t>(i * 37 + 11);
}

class MveLoadStore : public MveFixture {
 protected:
  void SetUp() override {
    for (uint32_t i = 0; i < 256; ++i) h.write(kData + i, 1, pattern(i));
  }
  void set_q(unsigned q, std::array<uint32_t, 4> words) {
    for (unsigned i = 0; i < 4; ++i) s().s[4 * q + i] = words[i];
  }
  uint32_t qw(unsigned q, unsigned i) { return s().s[4 * q + i]; }
  uint8_t qb(unsigned q, unsigned i) { return mve::read_q(s(), q).lane<uint8_t>(i); }
  uint16_t qh(unsigned q, unsigned i) { return mve::read_q(s(), q).lane<uint16_t>(i); }
  // Little-endian value of `size` pattern bytes at offset `off`.
  static uint32_t mem(uint32_t off, unsigned size) {
    uint32_t v = 0;
    for (unsigned i = 0; i < size; ++i) v |= uint32_t{pattern(off + i)} << (8 * i);
    return v;
  }
  static uint32_t sext(uint32_t v, unsigned bits) {
    return static_cast<uint32_t>(static_cast<int32_t>(v << (32 - bits)) >> (32 - bits));
  }
  // VPR inside a VPT block for all four beats, with predicate P0.
  void predicate(uint16_t p0) { s().vpr = (0b1000u << 16) | (0b1000u << 20) | p0; }
};

struct Row {
  uint32_t raw;
  const char* name;
};

// clang-format off
constexpr Row kRows[] = {
    {0xed923e00, "T32_VLDRB_T5"},        // vldrb.u8 q1, [r2]
    {0xed323e03, "T32_VLDRB_T5"},        // vldrb.u8 q1, [r2, #-3]!
    {0xecb23e07, "T32_VLDRB_T5_post"},   // vldrb.u8 q1, [r2], #7
    {0xed935e82, "T32_VLDRH_T6"},        // vldrh.u16 q2, [r3, #4]
    {0xecb35e81, "T32_VLDRH_T6_post"},   // vldrh.u16 q2, [r3], #2
    {0xed947f02, "T32_VLDRW_T7"},        // vldrw.u32 q3, [r4, #8]
    {0xec347f01, "T32_VLDRW_T7_post"},   // vldrw.u32 q3, [r4], #-4
    {0xed823e01, "T32_VSTRB_T5"},        // vstrb.8 q1, [r2, #1]
    {0xeca23e10, "T32_VSTRB_T5_post"},   // vstrb.8 q1, [r2], #16
    {0xeda35e81, "T32_VSTRH_T6"},        // vstrh.16 q2, [r3, #2]!
    {0xec235e81, "T32_VSTRH_T6_post"},   // vstrh.16 q2, [r3], #-2
    {0xed847f01, "T32_VSTRW_T7"},        // vstrw.32 q3, [r4, #4]
    {0xec247f04, "T32_VSTRW_T7_post"},   // vstrw.32 q3, [r4], #-16
    {0xed922e81, "T32_VLDRB_S_T1"},      // vldrb.s16 q1, [r2, #1]
    {0xecb22e88, "T32_VLDRB_S_T1_post"}, // vldrb.s16 q1, [r2], #8
    {0xfd922e81, "T32_VLDRB_U_T1"},      // vldrb.u16 q1, [r2, #1]
    {0xfcb22e88, "T32_VLDRB_U_T1_post"}, // vldrb.u16 q1, [r2], #8
    {0xed322f02, "T32_VLDRB_S_T2"},      // vldrb.s32 q1, [r2, #-2]!
    {0xecb22f04, "T32_VLDRB_S_T2_post"}, // vldrb.s32 q1, [r2], #4
    {0xfd922f02, "T32_VLDRB_U_T2"},      // vldrb.u32 q1, [r2, #2]
    {0xfcb22f04, "T32_VLDRB_U_T2_post"}, // vldrb.u32 q1, [r2], #4
    {0xed9a2f01, "T32_VLDRH_S_T2"},      // vldrh.s32 q1, [r2, #2]
    {0xecba2f04, "T32_VLDRH_S_T2_post"}, // vldrh.s32 q1, [r2], #8
    {0xfd3a2f01, "T32_VLDRH_U_T2"},      // vldrh.u32 q1, [r2, #-2]!
    {0xfcba2f04, "T32_VLDRH_U_T2_post"}, // vldrh.u32 q1, [r2], #8
    {0xed822e81, "T32_VSTRB_T1"},        // vstrb.16 q1, [r2, #1]
    {0xeca22e88, "T32_VSTRB_T1_post"},   // vstrb.16 q1, [r2], #8
    {0xed822f01, "T32_VSTRB_T2"},        // vstrb.32 q1, [r2, #1]
    {0xeca22f04, "T32_VSTRB_T2_post"},   // vstrb.32 q1, [r2], #4
    {0xed8a2f01, "T32_VSTRH_T2"},        // vstrh.32 q1, [r2, #2]
    {0xec2a2f04, "T32_VSTRH_T2_post"},   // vstrh.32 q1, [r2], #-8
    {0xec922e86, "T32_VLDRB_gather_S_T1"},     // vldrb.s16 q1, [r2, q3]
    {0xec922f06, "T32_VLDRB_gather_S_32_T1"},  // vldrb.s32 q1, [r2, q3]
    {0xfc922e06, "T32_VLDRB_gather_U_T1"},     // vldrb.u8 q1, [r2, q3]
    {0xfc922e86, "T32_VLDRB_gather_U_T1"},     // vldrb.u16 q1, [r2, q3]
    {0xfc922f06, "T32_VLDRB_gather_U_32_T1"},  // vldrb.u32 q1, [r2, q3]
    {0xec922f17, "T32_VLDRH_gather_S_32_T1"},  // vldrh.s32 q1, [r2, q3, uxtw #1]
    {0xfc922e96, "T32_VLDRH_gather_U_T1"},     // vldrh.u16 q1, [r2, q3]
    {0xfc922f17, "T32_VLDRH_gather_U_32_T1"},  // vldrh.u32 q1, [r2, q3, uxtw #1]
    {0xfc922f47, "T32_VLDRW_gather_T1"},       // vldrw.u32 q1, [r2, q3, uxtw #2]
    {0xfc922fd7, "T32_VLDRD_gather_T1"},       // vldrd.u64 q1, [r2, q3, uxtw #3]
    {0xec822e06, "T32_VSTRB_scatter_T1"},      // vstrb.8 q1, [r2, q3]
    {0xec822f06, "T32_VSTRB_scatter_32_T1"},   // vstrb.32 q1, [r2, q3]
    {0xec822e97, "T32_VSTRH_scatter_T1"},      // vstrh.16 q1, [r2, q3, uxtw #1]
    {0xec822f16, "T32_VSTRH_scatter_32_T1"},   // vstrh.32 q1, [r2, q3]
    {0xec822f47, "T32_VSTRW_scatter_T1"},      // vstrw.32 q1, [r2, q3, uxtw #2]
    {0xec822fd6, "T32_VSTRD_scatter_T1"},      // vstrd.64 q1, [r2, q3]
    {0xfd963e02, "T32_VLDR_gather_base_T1"},   // vldrw.u32 q1, [q3, #8]
    {0xfd363f02, "T32_VLDR_gather_base_T1"},   // vldrd.u64 q1, [q3, #-16]!
    {0xfd263e01, "T32_VSTR_scatter_base_T1"},  // vstrw.32 q1, [q3, #-4]!
    {0xfd863f01, "T32_VSTR_scatter_base_T1"},  // vstrd.64 q1, [q3, #8]
    {0xfc921e00, "T32_VLD2_T1"},  // vld20.8 {q0, q1}, [r2]
    {0xfcb25f20, "T32_VLD2_T1"},  // vld21.32 {q2, q3}, [r2]!
    {0xfc921e81, "T32_VLD4_T1"},  // vld40.16 {q0, q1, q2, q3}, [r2]
    {0xfcb29f61, "T32_VLD4_T1"},  // vld43.32 {q4, q5, q6, q7}, [r2]!
    {0xfc82dea0, "T32_VST2_T1"},  // vst21.16 {q6, q7}, [r2]
    {0xfca21e41, "T32_VST4_T1"},  // vst42.8 {q0, q1, q2, q3}, [r2]!
};

// Encodings of these rows whose field values are UNDEFINED here (UNPREDICTABLE in the manual).
constexpr uint32_t kUndefined[] = {
    0xed9f3e00,  // vldrb.u8 q1, [pc]
    0xed3d3e01,  // vldrb.u8 q1, [sp, #-1]!
    0xedd23e00,  // vldrb.u8 with D = 1 (Q9)
    0xfc922e02,  // vldrb.u8 q1, [r2, q1]: Qd = Qm in a gather load
    0xec922e06,  // vldrb.s8 (a signed gather without widening)
    0xfc922e07,  // vldrb.u8 with scaled offsets
    0xfd923e02,  // vldrw.u32 q1, [q1, #8]
    0xfc92fe00,  // vld20.8 {q7, q8}
    0xfc921f81,  // vld4 with size 11
    0xfc921e40,  // vld2 with pattern 2
    0xfcbd1e00,  // vld20.8 {q0, q1}, [sp]!
};
// clang-format on

TEST_F(MveLoadStore, EveryRowDecodes) {
  expect_rows_decode(kRows, kUndefined);
}

TEST_F(MveLoadStore, ContiguousAddressingModes) {
  r(2) = kData + 10;
  run({0xed92, 0x3e00});  // vldrb.u8 q1, [r2]
  for (unsigned i = 0; i < 16; ++i) EXPECT_EQ(qb(1, i), pattern(10 + i)) << i;
  EXPECT_EQ(r(2), kData + 10);
  run({0xed32, 0x3e03});  // vldrb.u8 q1, [r2, #-3]!
  for (unsigned i = 0; i < 16; ++i) EXPECT_EQ(qb(1, i), pattern(7 + i)) << i;
  EXPECT_EQ(r(2), kData + 7);
  run({0xecb2, 0x3e07});  // vldrb.u8 q1, [r2], #7
  for (unsigned i = 0; i < 16; ++i) EXPECT_EQ(qb(1, i), pattern(7 + i)) << i;
  EXPECT_EQ(r(2), kData + 14);
  r(3) = kData + 8;
  run({0xed33, 0x5e83});  // vldrh.u16 q2, [r3, #-6]!
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(qh(2, i), mem(2 + 2 * i, 2)) << i;
  EXPECT_EQ(r(3), kData + 2);
  r(4) = kData + 16;
  run({0xec34, 0x7f01});  // vldrw.u32 q3, [r4], #-4
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(3, i), mem(16 + 4 * i, 4)) << i;
  EXPECT_EQ(r(4), kData + 12);
  run({0xed94, 0x7f02});  // vldrw.u32 q3, [r4, #8]
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(3, i), mem(20 + 4 * i, 4)) << i;
  EXPECT_EQ(r(4), kData + 12);
}

TEST_F(MveLoadStore, ContiguousStores) {
  set_q(3, {0x11111111, 0x22222222, 0x33333333, 0x44444444});
  r(4) = kData + 64;
  run({0xec24, 0x7f04});  // vstrw.32 q3, [r4], #-16
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(h.read32(kData + 64 + 4 * i), 0x11111111u * (i + 1));
  EXPECT_EQ(r(4), kData + 48);
  set_q(2, {0x00020001, 0x00040003, 0x00060005, 0x00080007});
  r(3) = kData + 100;
  run({0xeda3, 0x5e81});  // vstrh.16 q2, [r3, #2]!
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(h.read(kData + 102 + 2 * i, 2), i + 1);
  EXPECT_EQ(r(3), kData + 102);
  EXPECT_EQ(h.read(kData + 100, 2), mem(100, 2));  // untouched below
}

TEST_F(MveLoadStore, PredicatedLoadZeroesInactiveLanesAndStoreSkipsThem) {
  set_q(2, {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff});
  r(3) = kData;
  predicate(0x0f3c);      // halfword lanes 1, 2 (bytes 2-5), 4, 5 (bytes 8-11) active
  run({0xed93, 0x5e82});  // vldrh.u16 q2, [r3, #4]
  for (unsigned i = 0; i < 8; ++i) {
    const bool active = (0x0f3c >> (2 * i)) & 1;
    EXPECT_EQ(qh(2, i), active ? mem(4 + 2 * i, 2) : 0u) << i;
  }
  EXPECT_EQ(s().vpr, 0x0f3cu);  // the block ended after its only instruction
  set_q(1, {0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c});
  r(2) = kData + 32;
  predicate(0xf0c3);
  run({0xed82, 0x3e01});  // vstrb.8 q1, [r2, #1]
  for (unsigned i = 0; i < 16; ++i) {
    const bool active = (0xf0c3 >> i) & 1;
    EXPECT_EQ(h.read(kData + 33 + i, 1), active ? i : pattern(33 + i)) << i;
  }
}

TEST_F(MveLoadStore, WritebackIsNotPredicated) {
  r(2) = kData;
  predicate(0x0000);
  set_q(1, {1, 2, 3, 4});
  run({0xecb2, 0x3e07});  // vldrb.u8 q1, [r2], #7
  EXPECT_EQ(r(2), kData + 7);
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(1, i), 0u);
}

TEST_F(MveLoadStore, TailPredicationAndEci) {
  mve::set_ltpsize(s(), 2);  // 32-bit elements
  r(14) = 3;
  r(4) = kData;
  set_q(3, {9, 9, 9, 9});
  run({0xed94, 0x7f02});  // vldrw.u32 q3, [r4, #8]
  EXPECT_EQ(qw(3, 0), mem(8, 4));
  EXPECT_EQ(qw(3, 2), mem(16, 4));
  EXPECT_EQ(qw(3, 3), 0u);  // beyond LR: inactive, zeroed
  mve::set_ltpsize(s(), mve::kNoTailPredication);
  // ECI A0A1: the first two beats already ran; they keep their value and are not reloaded.
  set_q(3, {9, 9, 9, 9});
  s().it.bits = static_cast<uint8_t>(mve::Eci::A0A1) << 4;
  run({0xed94, 0x7f02});
  EXPECT_EQ(qw(3, 0), 9u);
  EXPECT_EQ(qw(3, 1), 9u);
  EXPECT_EQ(qw(3, 2), mem(16, 4));
  EXPECT_EQ(qw(3, 3), mem(20, 4));
  EXPECT_EQ(s().it.bits, 0);
}

TEST_F(MveLoadStore, WideningLoads) {
  r(2) = kData;
  run({0xed92, 0x2e81});  // vldrb.s16 q1, [r2, #1]
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(qh(1, i), sext(pattern(1 + i), 8) & 0xffff) << i;
  run({0xfd92, 0x2e81});  // vldrb.u16 q1, [r2, #1]
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(qh(1, i), pattern(1 + i)) << i;
  run({0xfd92, 0x2f02});  // vldrb.u32 q1, [r2, #2]
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(1, i), pattern(2 + i)) << i;
  run({0xecb2, 0x2f04});  // vldrb.s32 q1, [r2], #4
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(1, i), sext(pattern(i), 8)) << i;
  EXPECT_EQ(r(2), kData + 4);
  run({0xed9a, 0x2f01});  // vldrh.s32 q1, [r2, #2]
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(1, i), sext(mem(6 + 2 * i, 2), 16)) << i;
  run({0xfd3a, 0x2f01});  // vldrh.u32 q1, [r2, #-2]!
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(1, i), mem(2 + 2 * i, 2)) << i;
  EXPECT_EQ(r(2), kData + 2);
}

TEST_F(MveLoadStore, NarrowingStores) {
  set_q(1, {0x80818283, 0x84858687, 0x88898a8b, 0x8c8d8e8f});
  r(2) = kData + 40;
  run({0xed82, 0x2f01});  // vstrb.32 q1, [r2, #1]
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(h.read(kData + 41 + i, 1), 0x83u + 4 * i) << i;
  EXPECT_EQ(h.read(kData + 45, 1), pattern(45));
  run({0xeca2, 0x2e88});  // vstrb.16 q1, [r2], #8
  const uint8_t low_bytes[8] = {0x83, 0x81, 0x87, 0x85, 0x8b, 0x89, 0x8f, 0x8d};
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(h.read(kData + 40 + i, 1), low_bytes[i]) << i;
  EXPECT_EQ(r(2), kData + 48);
  run({0xec2a, 0x2f04});  // vstrh.32 q1, [r2], #-8
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(h.read(kData + 48 + 2 * i, 2), (qw(1, i) & 0xffff));
  EXPECT_EQ(r(2), kData + 40);
}

TEST_F(MveLoadStore, UnalignedAccessFaultsWithoutWritingRegisters) {
  r(3) = kData + 1;
  set_q(2, {5, 6, 7, 8});
  EXPECT_EQ(run_until_stop({0xed33, 0x5e83}), cpu::StopReason::Fault);  // vldrh.u16 q2,[r3,#-6]!
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::Unaligned);
  EXPECT_EQ(r(3), kData + 1);
  EXPECT_EQ(qw(2, 0), 5u);
  EXPECT_EQ(qw(2, 3), 8u);
}

TEST_F(MveLoadStore, BusFaultInAGatherIsPrecise) {
  r(2) = 0x00020000;  // beyond the harness's RAM
  set_q(3, {0, 4, 8, 12});
  set_q(1, {1, 2, 3, 4});
  EXPECT_EQ(run_until_stop({0xfc92, 0x2f47}),
            cpu::StopReason::Fault);  // vldrw.u32 q1,[r2,q3,uxtw #2]
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::PreciseDataBusError);
  EXPECT_EQ(qw(1, 0), 1u);
  EXPECT_EQ(qw(1, 3), 4u);
}

TEST_F(MveLoadStore, InterleavingHonoursEciAndAlignment) {
  for (unsigned q = 0; q < 4; ++q) set_q(q, {0, 0, 0, 0});
  r(2) = kData;
  s().it.bits = static_cast<uint8_t>(mve::Eci::A0A1) << 4;
  run({0xfc92, 0x1e01});  // vld40.8 {q0-q3}, [r2]: beats 2-3 only, words 10 and 11
  for (unsigned k = 0; k < 64; ++k) {
    const bool loaded = k >= 40 && k < 48;
    EXPECT_EQ(qb(k % 4, k / 4), loaded ? pattern(k) : 0) << k;
  }
  EXPECT_EQ(s().it.bits, 0);
  r(2) = kData + 1;
  EXPECT_EQ(run_until_stop({0xfc92, 0x1e80}), cpu::StopReason::Fault);  // vld20.16 {q0,q1},[r2]
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::Unaligned);
  EXPECT_EQ(qw(0, 0), 0u);
}

TEST_F(MveLoadStore, DisabledFpuIsNocp) {
  h.core().set_fp_enabled(false);
  r(2) = kData;
  EXPECT_EQ(run_until_stop({0xed92, 0x3e00}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor);
  EXPECT_EQ(run_until_stop({0xed9f, 0x3e00}), cpu::StopReason::Fault);  // UNDEFINED form too
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor);
}

TEST_F(MveLoadStore, GatherWithVectorOffsets) {
  r(2) = kData;
  set_q(3, {3, 0, 7, 1});
  run({0xec92, 0x2f17});  // vldrh.s32 q1, [r2, q3, uxtw #1]
  const uint32_t offsets[4] = {3, 0, 7, 1};
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(1, i), sext(mem(2 * offsets[i], 2), 16)) << i;
  run({0xfc92, 0x2f06});  // vldrb.u32 q1, [r2, q3]
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(1, i), pattern(offsets[i])) << i;
  set_q(3, {0x00060002, 0x0004000c, 0x000a0000, 0x0008000e});
  const uint16_t half_offsets[8] = {2, 6, 12, 4, 0, 10, 14, 8};
  predicate(0xff0f);      // lanes 2 and 3 inactive
  run({0xfc92, 0x2e96});  // vldrh.u16 q1, [r2, q3]
  for (unsigned i = 0; i < 8; ++i) {
    const bool active = i != 2 && i != 3;
    EXPECT_EQ(qh(1, i), active ? mem(half_offsets[i], 2) : 0u) << i;
  }
  // VLDRD: the low word of each doubleword offset, scaled by 8; the high word is ignored.
  set_q(3, {2, 0xffffffff, 5, 0x1234});
  run({0xfc92, 0x2fd7});  // vldrd.u64 q1, [r2, q3, uxtw #3]
  EXPECT_EQ(qw(1, 0), mem(16, 4));
  EXPECT_EQ(qw(1, 1), mem(20, 4));
  EXPECT_EQ(qw(1, 2), mem(40, 4));
  EXPECT_EQ(qw(1, 3), mem(44, 4));
}

TEST_F(MveLoadStore, ScatterWithVectorOffsets) {
  r(2) = kData + 128;
  set_q(1, {0xa1a2a3a4, 0xb1b2b3b4, 0xc1c2c3c4, 0xd1d2d3d4});
  set_q(3, {0, 8, 2, 14});
  run({0xec82, 0x2f16});  // vstrh.32 q1, [r2, q3]: unscaled byte offsets
  EXPECT_EQ(h.read(kData + 128, 2), 0xa3a4u);
  EXPECT_EQ(h.read(kData + 136, 2), 0xb3b4u);
  EXPECT_EQ(h.read(kData + 130, 2), 0xc3c4u);
  EXPECT_EQ(h.read(kData + 142, 2), 0xd3d4u);
  EXPECT_EQ(h.read(kData + 132, 2), mem(132, 2));
  set_q(3, {0x00000003, 0xffffffff, 0x00000001, 0x12345678});
  predicate(0x0ff0);      // the high word of doubleword 0 and the low word of doubleword 1
  run({0xec82, 0x2fd7});  // vstrd.64 q1, [r2, q3, uxtw #3]
  EXPECT_EQ(h.read32(kData + 128 + 24), mem(152, 4));  // inactive low word of doubleword 0
  EXPECT_EQ(h.read32(kData + 128 + 28), 0xb1b2b3b4u);
  EXPECT_EQ(h.read32(kData + 128 + 8), 0xc1c2c3c4u);
  EXPECT_EQ(h.read(kData + 128 + 12, 2), mem(140, 2));  // (bytes 142-143 hold lane 3 above)
}

TEST_F(MveLoadStore, GatherAndScatterWithVectorBase) {
  set_q(3, {kData + 16, kData + 4, kData + 36, kData + 8});
  predicate(0xf0f0);      // lanes 1 and 3
  run({0xfd96, 0x3e02});  // vldrw.u32 q1, [q3, #8]
  EXPECT_EQ(qw(1, 0), 0u);
  EXPECT_EQ(qw(1, 1), mem(12, 4));
  EXPECT_EQ(qw(1, 3), mem(16, 4));
  EXPECT_EQ(qw(3, 0), kData + 16);  // no writeback
  // vldrd.u64 q1, [q3, #-16]!: writeback of every doubleword base (low word only).
  set_q(3, {kData + 32, 0x55, kData + 56, 0x66});
  run({0xfd36, 0x3f02});
  EXPECT_EQ(qw(1, 0), mem(16, 4));
  EXPECT_EQ(qw(1, 1), mem(20, 4));
  EXPECT_EQ(qw(1, 2), mem(40, 4));
  EXPECT_EQ(qw(1, 3), mem(44, 4));
  EXPECT_EQ(qw(3, 0), kData + 16);
  EXPECT_EQ(qw(3, 1), 0x55u);
  EXPECT_EQ(qw(3, 2), kData + 40);
  EXPECT_EQ(qw(3, 3), 0x66u);
  // vstrw.32 q1, [q3, #-4]! predicated: inactive lanes store nothing but still write back.
  set_q(1, {0x10, 0x20, 0x30, 0x40});
  set_q(3, {kData + 200, kData + 208, kData + 216, kData + 224});
  predicate(0x00ff);
  run({0xfd26, 0x3e01});
  EXPECT_EQ(h.read32(kData + 196), 0x10u);
  EXPECT_EQ(h.read32(kData + 204), 0x20u);
  EXPECT_EQ(h.read32(kData + 212), mem(212, 4));
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(3, i), kData + 196 + 8 * i) << i;
}

// Q[d + k MOD R] lane k DIV R holds element k of the block, once every pattern has run.
TEST_F(MveLoadStore, Vld4AllPatternsDeinterleave) {
  for (unsigned size_log2 = 0; size_log2 < 3; ++size_log2) {
    const unsigned esize = 1u << size_log2;
    for (unsigned q = 0; q < 4; ++q) set_q(q, {0, 0, 0, 0});
    r(2) = kData;
    for (unsigned pat = 0; pat < 4; ++pat) {
      // vld4<pat>.<esize> {q0-q3}, [r2]
      const uint16_t hw2 = static_cast<uint16_t>(0x1e01 | (size_log2 << 7) | (pat << 5));
      run({0xfc92, hw2});
    }
    for (unsigned k = 0; k < 64 / esize; ++k) {
      const mve::Vector v = mve::read_q(s(), k % 4);
      uint32_t got = 0;
      for (unsigned i = 0; i < esize; ++i) got |= uint32_t{v.bytes[(k / 4) * esize + i]} << (8 * i);
      EXPECT_EQ(got, mem(k * esize, esize)) << "esize " << esize << " element " << k;
    }
  }
}

TEST_F(MveLoadStore, Vld2PatternsAndWriteback) {
  set_q(0, {0, 0, 0, 0});
  set_q(1, {0, 0, 0, 0});
  r(2) = kData;
  run({0xfc92, 0x1e00});  // vld20.8 {q0, q1}, [r2]: elements 0-7 and 24-31 (beats 0, 1, 6, 7)
  for (unsigned k = 0; k < 32; ++k) {
    const bool loaded = k < 8 || k >= 24;
    EXPECT_EQ(qb(k % 2, k / 2), loaded ? pattern(k) : 0) << k;
  }
  run({0xfc92, 0x1e20});  // vld21.8 {q0, q1}, [r2]
  for (unsigned k = 0; k < 32; ++k) EXPECT_EQ(qb(k % 2, k / 2), pattern(k)) << k;
  run({0xfcb2, 0x5f20});  // vld21.32 {q2, q3}, [r2]!
  EXPECT_EQ(r(2), kData + 32);
  EXPECT_EQ(qw(2, 1), mem(8, 4));   // element 2
  EXPECT_EQ(qw(3, 2), mem(20, 4));  // element 5
  run({0xfcb2, 0x9f61});            // vld43.32 {q4-q7}, [r2]!
  EXPECT_EQ(r(2), kData + 96);
  EXPECT_EQ(qw(6, 1), mem(32 + 24, 4));  // element 6 of the block at +32
}

TEST_F(MveLoadStore, InterleavingIsNotPredicatedAndLeavesTheVptBlock) {
  predicate(0x0000);
  r(2) = kData;
  run({0xfc92, 0x1e00});  // vld20.8 {q0, q1}, [r2]
  EXPECT_EQ(qb(0, 0), pattern(0));
  EXPECT_EQ(s().vpr, (0b1000u << 16) | (0b1000u << 20));  // not advanced (QEMU)
}

TEST_F(MveLoadStore, Vst4AllPatternsInterleave) {
  for (unsigned q = 0; q < 4; ++q) {
    set_q(q, {0x03020100u + 0x40404040u * q, 0x07060504u + 0x40404040u * q,
              0x0b0a0908u + 0x40404040u * q, 0x0f0e0d0cu + 0x40404040u * q});
  }
  r(2) = kData + 64;
  for (unsigned pat = 0; pat < 4; ++pat) {
    run({0xfc82, static_cast<uint16_t>(0x1e81 | (pat << 5))});  // vst4<pat>.16 {q0-q3}, [r2]
  }
  for (unsigned k = 0; k < 32; ++k) {
    const unsigned q = k % 4, lane = k / 4;
    const uint32_t expected = mve::read_q(s(), q).lane<uint16_t>(lane);
    EXPECT_EQ(h.read(kData + 64 + 2 * k, 2), expected) << k;
  }
  run({0xfca2, 0x1e41});  // vst42.8 {q0-q3}, [r2]!
  EXPECT_EQ(r(2), kData + 128);
  set_q(6, {0x00010000, 0x00030002, 0x00050004, 0x00070006});
  set_q(7, {0x00110010, 0x00130012, 0x00150014, 0x00170016});
  run({0xfc82, 0xdea0});  // vst21.16 {q6, q7}, [r2]: elements 4-11 of the 32-byte block
  for (unsigned k = 0; k < 16; ++k) {
    const uint32_t expected = k >= 4 && k < 12 ? (k % 2) * 0x10 + k / 2 : mem(128 + 2 * k, 2);
    EXPECT_EQ(h.read(kData + 128 + 2 * k, 2), expected) << k;
  }
}

}  // namespace
}  // namespace minifvp::test

namespace minifvp::test {
namespace {

// The whole-vector fast path (Core::read_block/write_block) and the element-by-element path must
// be indistinguishable: same register and memory results, same PMU access count (one per element).
TEST_F(MveLoadStore, WholeVectorAndPerElementPathsAgree) {
  r(2) = kData;
  exec32(0xed923e00);  // vldrb.u8 q1, [r2]: all lanes active, plain RAM: the fast path
  const mve::Vector fast = mve::read_q(s(), 1);
  const uint64_t fast_accesses = h.core().data_accesses();
  EXPECT_EQ(fast_accesses, 16u);
  for (unsigned i = 0; i < 16; ++i) EXPECT_EQ(fast.bytes[i], pattern(i)) << i;

  // The same load with half the lanes predicated off takes the element-by-element path: the
  // active lanes match, the others are zeroed, and only active elements are accessed.
  s().s[4] = s().s[5] = s().s[6] = s().s[7] = 0xffffffffu;
  predicate(0x00ff);
  exec32(0xed923e00);
  for (unsigned i = 0; i < 16; ++i) EXPECT_EQ(lane<uint8_t>(1, i), i < 8 ? fast.bytes[i] : 0) << i;
  EXPECT_EQ(h.core().data_accesses() - fast_accesses, 8u);

  // Widening load vldrb.s16 q1, [r2, #1]: 8 byte accesses, sign-extended halfwords.
  const uint64_t before = h.core().data_accesses();
  exec32(0xed922e81);
  EXPECT_EQ(h.core().data_accesses() - before, 8u);
  for (unsigned i = 0; i < 8; ++i) {
    EXPECT_EQ(lane<int16_t>(1, i), static_cast<int16_t>(static_cast<int8_t>(pattern(1 + i)))) << i;
  }

  // Store back through the fast path: vstrw.32 q3, [r4, #4] writes 4 words, 4 accesses.
  r(4) = kData + 0x40;
  for (unsigned i = 0; i < 4; ++i) s().s[12 + i] = 0x01020304u * (i + 1);
  const uint64_t before_store = h.core().data_accesses();
  exec32(0xed847f01);
  EXPECT_EQ(h.core().data_accesses() - before_store, 4u);
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(h.read32(kData + 0x44 + 4 * i), 0x01020304u * (i + 1));
}

}  // namespace
}  // namespace minifvp::test
