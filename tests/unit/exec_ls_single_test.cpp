// Single loads and stores from raw encodings (assembled with arm-none-eabi-as for
// armv8.1-m.main; each comment is the objdump disassembly). Expected values follow the Armv8-M
// pseudocode: offset_addr = R[n] +/- imm; address = index ? offset_addr : R[n]; writeback of
// offset_addr; Align(PC, 4) for literals; MemU for single accesses, MemA for LDRD/LDM.
#include <gtest/gtest.h>

#include "cpu_test_harness.h"

namespace minifvp::test {
namespace {

constexpr uint32_t kData = CpuHarness::kDataBase;

TEST(ExecLoadStoreSingle, T16ImmediateRegisterAndSpRelativeForms) {
  CpuHarness h;
  h.load({
      0x6851,  // ldr r1, [r2, #4]
      0x5913,  // ldr r3, [r2, r4]
      0x6091,  // str r1, [r2, #8]
      0x5311,  // strh r1, [r2, r4]
      0x70d1,  // strb r1, [r2, #3]
      0x8855,  // ldrh r5, [r2, #2]
      0x7856,  // ldrb r6, [r2, #1]
      0x9f02,  // ldr r7, [sp, #8]
      0x9703,  // str r7, [sp, #12]
  });
  h.write32(kData + 0, 0x44332211);
  h.write32(kData + 4, 0xcafef00d);
  h.write32(kData + 16, 0x12345678);
  h.write32(kData + 0x108, 0x0badc0de);
  h.state().r[2] = kData;
  h.state().r[4] = 16;
  h.state().r[13] = kData + 0x100;
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.state().r[1], 0xcafef00du);
  EXPECT_EQ(h.state().r[3], 0x12345678u);
  EXPECT_EQ(h.read32(kData + 8), 0xcafef00du);
  EXPECT_EQ(h.read32(kData + 16), 0x1234f00du);  // STRH wrote the low halfword only
  // STRB wrote 0x0d at byte 3, then LDRH/LDRB read the updated word 0x0d332211.
  EXPECT_EQ(h.read32(kData + 0), 0x0d332211u);
  EXPECT_EQ(h.state().r[5], 0x0d33u);
  EXPECT_EQ(h.state().r[6], 0x22u);
  EXPECT_EQ(h.state().r[7], 0x0badc0deu);
  EXPECT_EQ(h.read32(kData + 0x10c), 0x0badc0deu);
  EXPECT_EQ(h.state().r[2], kData);  // no writeback in any T16 form
}

TEST(ExecLoadStoreSingle, T32OffsetPreAndPostIndexWithNegativeOffsets) {
  CpuHarness h;
  h.load({
      0xf852, 0x1d04,  // ldr.w r1, [r2, #-4]!   -> r2 = 0x80fc
      0xf852, 0x3908,  // ldr.w r3, [r2], #-8    -> loads 0x80fc, r2 = 0x80f4
      0xf852, 0x4c0c,  // ldr.w r4, [r2, #-12]   -> loads 0x80e8, r2 unchanged
      0xf842, 0x5dff,  // str.w r5, [r2, #-255]! -> stores at 0x7ff5, r2 = 0x7ff5
      0xf842, 0x6bff,  // str.w r6, [r2], #255   -> stores at 0x7ff5, r2 = 0x80f4
      0xf8c2, 0x7fff,  // str.w r7, [r2, #4095]  -> stores at 0x90f3
  });
  h.state().r[2] = kData + 0x100;
  h.write32(kData + 0xfc, 0xaaaa0001);
  h.write32(kData + 0xe8, 0xbbbb0002);
  h.state().r[5] = 0x55555555;
  h.state().r[6] = 0x66666666;
  h.state().r[7] = 0x77777777;
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.state().r[1], 0xaaaa0001u);
  EXPECT_EQ(h.state().r[3], 0xaaaa0001u);
  EXPECT_EQ(h.state().r[4], 0xbbbb0002u);
  // The second store overwrote the first one at the same (unaligned, MemU) address.
  EXPECT_EQ(h.read32(0x7ff5), 0x66666666u);
  EXPECT_EQ(h.state().r[2], kData + 0xf4);
  EXPECT_EQ(h.read32(kData + 0xf4 + 4095), 0x77777777u);
}

TEST(ExecLoadStoreSingle, SignAndZeroExtension) {
  CpuHarness h;
  h.load({
      0x56d1,          // ldrsb r1, [r2, r3]
      0x5ed4,          // ldrsh r4, [r2, r3]
      0x5cd5,          // ldrb r5, [r2, r3]
      0x5ad6,          // ldrh r6, [r2, r3]
      0xf912, 0x7c01,  // ldrsb.w r7, [r2, #-1]
      0xf9b2, 0x8002,  // ldrsh.w r8, [r2, #2]
      0xf912, 0x9b01,  // ldrsb.w r9, [r2], #1
      0xf932, 0xad02,  // ldrsh.w r10, [r2, #-2]!
  });
  h.write32(kData + 0x0c, 0x7f000000);  // byte at 0x800f = 0x7f
  h.write32(kData + 0x10, 0x8000ff80);  // 0x8010: 80 ff 00 80
  h.state().r[2] = kData + 0x10;
  h.state().r[3] = 0;
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.state().r[1], 0xffffff80u);
  EXPECT_EQ(h.state().r[4], 0xffffff80u);  // halfword 0xff80
  EXPECT_EQ(h.state().r[5], 0x80u);
  EXPECT_EQ(h.state().r[6], 0xff80u);
  EXPECT_EQ(h.state().r[7], 0x7fu);         // positive byte stays positive
  EXPECT_EQ(h.state().r[8], 0xffff8000u);   // halfword at 0x8012
  EXPECT_EQ(h.state().r[9], 0xffffff80u);   // post-indexed: byte at 0x8010, r2 -> 0x8011
  EXPECT_EQ(h.state().r[10], 0xffff807fu);  // pre-indexed: halfword at 0x800f is 0x807f
  EXPECT_EQ(h.state().r[2], kData + 0x0f);
}

TEST(ExecLoadStoreSingle, RegisterOffsetWithLslZeroToThree) {
  CpuHarness h;
  h.load({
      0xf852, 0x1003,  // ldr.w r1, [r2, r3]
      0xf852, 0x4013,  // ldr.w r4, [r2, r3, lsl #1]
      0xf852, 0x5023,  // ldr.w r5, [r2, r3, lsl #2]
      0xf852, 0x6033,  // ldr.w r6, [r2, r3, lsl #3]
      0xf802, 0x7033,  // strb.w r7, [r2, r3, lsl #3]
      0xf912, 0x8013,  // ldrsb.w r8, [r2, r3, lsl #1]
  });
  for (uint32_t i = 0; i < 8; ++i) h.write32(kData + 4 * i, 0x1000 + i);
  h.state().r[2] = kData;
  h.state().r[3] = 2;
  h.state().r[7] = 0x1ff;
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.state().r[1], 0x10010000u);  // unaligned word at 0x8002: bytes 00 00 01 10
  EXPECT_EQ(h.state().r[4], 0x1001u);
  EXPECT_EQ(h.state().r[5], 0x1002u);
  EXPECT_EQ(h.state().r[6], 0x1004u);
  EXPECT_EQ(h.read32(kData + 16), 0x10ffu);  // low byte of r7 only
  EXPECT_EQ(h.state().r[8], 0x1u);           // byte at 0x8004 is 0x01
}

TEST(ExecLoadStoreSingle, LiteralLoadsUseTheWordAlignedPc) {
  CpuHarness h;
  h.load({
      0xbf00,          // 1000: nop
      0x4903,          // 1002: ldr r1, [pc, #12]      (Align(0x1006, 4) + 12 = 0x1010)
      0xf8df, 0x2008,  // 1004: ldr.w r2, [pc, #8]     (0x1008 + 8)
      0xf9bf, 0x3004,  // 1008: ldrsh.w r3, [pc, #4]   (0x100c + 4)
  });
  h.write32(0x1010, 0x8899aabb);
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.state().r[1], 0x8899aabbu);
  EXPECT_EQ(h.state().r[2], 0x8899aabbu);
  EXPECT_EQ(h.state().r[3], 0xffffaabbu);
}

TEST(ExecLoadStoreSingle, NegativeLiteralOffsets) {
  CpuHarness h;
  h.load({
      0x3344, 0x1122, 0x7788, 0x5566,  // 1000: .word 0x11223344, 0x55667788
      0xf85f, 0x100c,                  // 1008: ldr.w r1, [pc, #-12]
      0xe95f, 0x2304,                  // 100c: ldrd r2, r3, [pc, #-16]
      0xf81f, 0x4014,                  // 1010: ldrb.w r4, [pc, #-20]
  });
  h.state().r[15] = 0x1008;
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.state().r[1], 0x11223344u);
  EXPECT_EQ(h.state().r[2], 0x11223344u);
  EXPECT_EQ(h.state().r[3], 0x55667788u);
  EXPECT_EQ(h.state().r[4], 0x44u);
}

TEST(ExecLoadStoreSingle, UnalignedLdrIsAllowedButLdrdAndLdmFault) {
  {
    CpuHarness h;
    h.load({0x6811 /* ldr r1, [r2] */});
    h.write32(kData, 0x33221100);
    h.write32(kData + 4, 0x77665544);
    h.state().r[2] = kData + 1;
    ASSERT_EQ(h.run(), cpu::StopReason::Limit);
    EXPECT_EQ(h.state().r[1], 0x44332211u);
  }
  {
    CpuHarness h;
    h.load({0xe9d2, 0x4500 /* ldrd r4, r5, [r2] */});
    h.state().r[2] = kData + 2;
    h.state().r[4] = 4;
    ASSERT_EQ(h.run(), cpu::StopReason::Fault);
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::Unaligned);
    EXPECT_EQ(h.core().last_fault().address, kData + 2);
    EXPECT_EQ(h.core().last_fault_pc(), CpuHarness::kCodeBase);
    EXPECT_EQ(h.state().r[4], 4u);
  }
  {
    CpuHarness h;
    h.load({0xe892, 0x0030 /* ldmia.w r2, {r4, r5} */});
    h.state().r[2] = kData + 1;
    ASSERT_EQ(h.run(), cpu::StopReason::Fault);
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::Unaligned);
  }
}

TEST(ExecLoadStoreSingle, LoadToPcInterworks) {
  CpuHarness h;
  h.load({0xf8d2, 0xf000 /* ldr.w pc, [r2] */});
  h.write32(kData, 0x2001);
  h.state().r[2] = kData;
  h.run(1);
  EXPECT_EQ(h.state().r[15], 0x2000u);
  EXPECT_TRUE(h.state().thumb);

  // A target with bit 0 clear clears EPSR.T: the next instruction takes an INVSTATE UsageFault.
  h.write32(kData, 0x2000);
  h.state().r[15] = CpuHarness::kCodeBase;
  h.run(1);
  EXPECT_EQ(h.state().r[15], 0x2000u);
  EXPECT_FALSE(h.state().thumb);
  EXPECT_EQ(h.run(1), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::InvalidState);
}

TEST(ExecLoadStoreSingle, LoadToPcInItBlockOnlyAsLastInstruction) {
  {
    // it eq; ldreq.w pc, [r2] (last in the block): allowed.
    CpuHarness h;
    h.load({0xbf08, 0xf8d2, 0xf000});
    h.write32(kData, 0x3001);
    h.state().r[2] = kData;
    h.state().z = true;
    h.run(2);
    EXPECT_EQ(h.state().r[15], 0x3000u);
  }
  {
    // itt eq; ldreq.w pc, [r2]; nop: the load is not last, UNPREDICTABLE -> UNDEFINED.
    CpuHarness h;
    h.load({0xbf04, 0xf8d2, 0xf000, 0xbf00});
    h.write32(kData, 0x3001);
    h.state().r[2] = kData;
    h.state().z = true;
    EXPECT_EQ(h.run(), cpu::StopReason::Fault);
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
    EXPECT_EQ(h.core().last_fault_pc(), CpuHarness::kCodeBase + 2);
  }
  {
    // The same block with the condition failing never executes the load: no fault.
    CpuHarness h;
    h.load({0xbf04, 0xf8d2, 0xf000, 0xbf00});
    h.state().z = false;
    EXPECT_EQ(h.run(), cpu::StopReason::Limit);
  }
}

TEST(ExecLoadStoreSingle, UnprivilegedFormsUseOffsetAddressingWithoutWriteback) {
  CpuHarness h;
  h.load({
      0xf852, 0x1e04,  // ldrt r1, [r2, #4]
      0xf802, 0x3e05,  // strbt r3, [r2, #5]
      0xf912, 0x4e01,  // ldrsbt r4, [r2, #1]
  });
  h.write32(kData, 0x0000f000);
  h.write32(kData + 4, 0xdeadbeef);
  h.state().r[2] = kData;
  h.state().r[3] = 0x42;
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.state().r[1], 0xdeadbeefu);
  EXPECT_EQ(h.read32(kData + 4), 0xdead42efu);
  EXPECT_EQ(h.state().r[4], 0xfffffff0u);
  EXPECT_EQ(h.state().r[2], kData);
}

TEST(ExecLoadStoreSingle, PreloadHintsNeverAccessTheAddress) {
  CpuHarness h;
  h.load({
      0xf891, 0xf000,  // pld [r1]
      0xf911, 0xfc04,  // pli [r1, #-4]
      0xf811, 0xf002,  // pld [r1, r2]
  });
  h.state().r[1] = 0xf0000000;  // unmapped
  h.state().r[2] = 0x100;
  const cpu::CpuState before = h.state();
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  cpu::CpuState after = h.state();
  after.r[15] = before.r[15];
  EXPECT_EQ(after, before);
}

TEST(ExecLoadStoreSingle, BusErrorLeavesRegistersUnchanged) {
  CpuHarness h;
  h.load({0xf852, 0x1d04 /* ldr.w r1, [r2, #-4]! */});
  h.state().r[2] = 0xf0000004;
  h.state().r[1] = 7;
  ASSERT_EQ(h.run(), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::PreciseDataBusError);
  EXPECT_EQ(h.core().last_fault().address, 0xf0000000u);
  EXPECT_EQ(h.state().r[2], 0xf0000004u);
  EXPECT_EQ(h.state().r[1], 7u);
}

}  // namespace
}  // namespace minifvp::test
