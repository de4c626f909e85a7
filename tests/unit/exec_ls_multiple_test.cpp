// Load/store multiple, PUSH/POP, LDRD/STRD, exclusives, acquire/release and table branches from
// raw encodings (arm-none-eabi-as for armv8.1-m.main; comments are the objdump disassembly).
#include <gtest/gtest.h>

#include "cpu_test_harness.h"

namespace minifvp::test {
namespace {

constexpr uint32_t kData = CpuHarness::kDataBase;

// Executes exactly one instruction.
cpu::StopReason step(CpuHarness& h) {
  return h.run(1);
}

TEST(ExecLoadStoreMultiple, PushAndPopWithPcInterworking) {
  CpuHarness h;
  h.load({0xb510 /* push {r4, lr} */, 0xbd10 /* pop {r4, pc} */});
  h.state().r[13] = kData + 0x100;
  h.state().r[4] = 0x44;
  h.state().r[14] = 0x2001;
  step(h);
  EXPECT_EQ(h.state().r[13], kData + 0xf8);
  EXPECT_EQ(h.read32(kData + 0xf8), 0x44u);
  EXPECT_EQ(h.read32(kData + 0xfc), 0x2001u);
  h.state().r[4] = 0;
  step(h);
  EXPECT_EQ(h.state().r[4], 0x44u);
  EXPECT_EQ(h.state().r[13], kData + 0x100);
  EXPECT_EQ(h.state().r[15], 0x2000u);
  EXPECT_TRUE(h.state().thumb);
}

TEST(ExecLoadStoreMultiple, PopOfAnEvenAddressClearsThumbState) {
  CpuHarness h;
  h.load({0xbd10 /* pop {r4, pc} */});
  h.state().r[13] = kData;
  h.write32(kData + 4, 0x2000);
  step(h);
  EXPECT_FALSE(h.state().thumb);
  EXPECT_EQ(step(h), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::InvalidState);
  EXPECT_EQ(h.core().last_fault_pc(), 0x2000u);
}

TEST(ExecLoadStoreMultiple, T16LdmWritebackDependsOnBaseInList) {
  CpuHarness h;
  h.load({
      0xc906,  // ldmia r1, {r1, r2}   (base in list: no writeback, loaded value wins)
      0xcb30,  // ldmia r3!, {r4, r5}
  });
  h.write32(kData, 0x111);
  h.write32(kData + 4, 0x222);
  h.write32(kData + 0x10, 0x444);
  h.write32(kData + 0x14, 0x555);
  h.state().r[1] = kData;
  h.state().r[3] = kData + 0x10;
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.state().r[1], 0x111u);
  EXPECT_EQ(h.state().r[2], 0x222u);
  EXPECT_EQ(h.state().r[3], kData + 0x18);
  EXPECT_EQ(h.state().r[4], 0x444u);
  EXPECT_EQ(h.state().r[5], 0x555u);
}

TEST(ExecLoadStoreMultiple, T16StmStoresTheOriginalBase) {
  CpuHarness h;
  h.load({
      0xc106,  // stmia r1!, {r1, r2}  (base lowest in the list: stores its original value)
      0xc30c,  // stmia r3!, {r2, r3}  (base not lowest: UNKNOWN; we store the original value)
  });
  h.state().r[1] = kData + 0x20;
  h.state().r[2] = 0x222;
  h.state().r[3] = kData + 0x30;
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.read32(kData + 0x20), kData + 0x20);
  EXPECT_EQ(h.read32(kData + 0x24), 0x222u);
  EXPECT_EQ(h.state().r[1], kData + 0x28);
  EXPECT_EQ(h.read32(kData + 0x30), 0x222u);
  EXPECT_EQ(h.read32(kData + 0x34), kData + 0x30);
  EXPECT_EQ(h.state().r[3], kData + 0x38);
}

TEST(ExecLoadStoreMultiple, T32DecrementBeforeAndIncrementAfter) {
  CpuHarness h;
  h.load({
      0xe921, 0x001c,  // stmdb r1!, {r2, r3, r4}
      0xe931, 0x00e0,  // ldmdb r1!, {r5, r6, r7}
      0xe881, 0x000c,  // stmia.w r1, {r2, r3}
  });
  h.state().r[1] = kData + 0x100;
  h.state().r[2] = 2;
  h.state().r[3] = 3;
  h.state().r[4] = 4;
  h.write32(kData + 0xe8, 0xe8);
  h.write32(kData + 0xec, 0xec);
  h.write32(kData + 0xf0, 0xf0);
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.read32(kData + 0xf8), 3u);
  EXPECT_EQ(h.read32(kData + 0xfc), 4u);
  EXPECT_EQ(h.state().r[5], 0xe8u);
  EXPECT_EQ(h.state().r[6], 0xecu);
  EXPECT_EQ(h.state().r[7], 0xf0u);
  EXPECT_EQ(h.state().r[1], kData + 0xe8);
  EXPECT_EQ(h.read32(kData + 0xe8), 2u);  // STMIA without writeback
  EXPECT_EQ(h.read32(kData + 0xec), 3u);
  EXPECT_EQ(h.read32(kData + 0xf4), 2u);  // from the STMDB
}

TEST(ExecLoadStoreMultiple, T32LdmLoadingPcBranches) {
  CpuHarness h;
  h.load({0xe8b1, 0x800c /* ldmia.w r1!, {r2, r3, pc} */});
  h.state().r[1] = kData;
  h.write32(kData, 0x22);
  h.write32(kData + 4, 0x33);
  h.write32(kData + 8, 0x4001);
  step(h);
  EXPECT_EQ(h.state().r[2], 0x22u);
  EXPECT_EQ(h.state().r[3], 0x33u);
  EXPECT_EQ(h.state().r[1], kData + 12);
  EXPECT_EQ(h.state().r[15], 0x4000u);
}

TEST(ExecLoadStoreMultiple, PushPopT2AndSingleRegisterT3) {
  CpuHarness h;
  h.load({
      0xe92d, 0x4ff0,  // push.w {r4-r11, lr}
      0xf84d, 0x8d04,  // str.w r8, [sp, #-4]!   (PUSH T3)
      0xf85d, 0x9b04,  // ldr.w r9, [sp], #4     (POP T3)
      0xe8bd, 0x8ff0,  // pop.w {r4-r11, pc}
  });
  h.state().r[13] = kData + 0x100;
  for (unsigned r = 4; r <= 11; ++r) h.state().r[r] = 0x100 + r;
  h.state().r[14] = 0x5001;
  step(h);
  EXPECT_EQ(h.state().r[13], kData + 0x100 - 36);
  EXPECT_EQ(h.read32(kData + 0x100 - 36), 0x104u);
  EXPECT_EQ(h.read32(kData + 0x100 - 4), 0x5001u);
  step(h);
  EXPECT_EQ(h.state().r[13], kData + 0x100 - 40);
  EXPECT_EQ(h.read32(kData + 0x100 - 40), 0x108u);
  step(h);
  EXPECT_EQ(h.state().r[9], 0x108u);
  EXPECT_EQ(h.state().r[13], kData + 0x100 - 36);
  for (unsigned r = 4; r <= 11; ++r) h.state().r[r] = 0;
  step(h);
  for (unsigned r = 4; r <= 11; ++r) EXPECT_EQ(h.state().r[r], 0x100 + r) << r;
  EXPECT_EQ(h.state().r[13], kData + 0x100);
  EXPECT_EQ(h.state().r[15], 0x5000u);
}

TEST(ExecLoadStoreMultiple, LdrdStrdAddressingModes) {
  CpuHarness h;
  h.load({
      0xe963, 0x1202,  // strd r1, r2, [r3, #-8]!
      0xe8f3, 0x4504,  // ldrd r4, r5, [r3], #16
      0xe953, 0x6704,  // ldrd r6, r7, [r3, #-16]
      0xe9c3, 0x12ff,  // strd r1, r2, [r3, #1020]
  });
  h.state().r[1] = 0x11;
  h.state().r[2] = 0x22;
  h.state().r[3] = kData + 0x100;
  ASSERT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.read32(kData + 0xf8), 0x11u);
  EXPECT_EQ(h.read32(kData + 0xfc), 0x22u);
  EXPECT_EQ(h.state().r[4], 0x11u);
  EXPECT_EQ(h.state().r[5], 0x22u);
  EXPECT_EQ(h.state().r[6], 0x11u);
  EXPECT_EQ(h.state().r[7], 0x22u);
  EXPECT_EQ(h.state().r[3], kData + 0x108);
  EXPECT_EQ(h.read32(kData + 0x108 + 1020), 0x11u);
  EXPECT_EQ(h.read32(kData + 0x108 + 1024), 0x22u);
}

TEST(ExecLoadStoreMultiple, UnalignedStrdFaultsWithoutWriting) {
  CpuHarness h;
  h.load({0xe963, 0x1202 /* strd r1, r2, [r3, #-8]! */});
  h.state().r[1] = 0x11;
  h.state().r[2] = 0x22;
  h.state().r[3] = kData + 0x102;
  ASSERT_EQ(h.run(), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::Unaligned);
  EXPECT_EQ(h.read32(kData + 0xfa), 0u);
  EXPECT_EQ(h.state().r[3], kData + 0x102);
}

TEST(ExecLoadStoreMultiple, ExclusiveSuccessAndFailureSequences) {
  CpuHarness h;
  h.load({
      0xe852, 0x1f00,  // ldrex r1, [r2]
      0xe842, 0x4300,  // strex r3, r4, [r2]      -> succeeds
      0xe842, 0x4500,  // strex r5, r4, [r2]      -> fails: the monitor is open-access again
      0xe852, 0x1f01,  // ldrex r1, [r2, #4]
      0xe842, 0x4300,  // strex r3, r4, [r2]      -> fails: another address is tagged
      0xe852, 0x1f00,  // ldrex r1, [r2]
      0xf3bf, 0x8f2f,  // clrex
      0xe842, 0x4300,  // strex r3, r4, [r2]      -> fails after CLREX
  });
  h.state().r[2] = kData;
  h.write32(kData, 0x11);
  h.write32(kData + 4, 0x44);
  h.state().r[4] = 0x99;
  step(h);
  EXPECT_EQ(h.state().r[1], 0x11u);
  EXPECT_TRUE(h.state().exclusive_open);
  step(h);
  EXPECT_EQ(h.state().r[3], 0u);
  EXPECT_EQ(h.read32(kData), 0x99u);
  h.state().r[4] = 0xaa;
  step(h);
  EXPECT_EQ(h.state().r[5], 1u);
  EXPECT_EQ(h.read32(kData), 0x99u);
  step(h);
  EXPECT_EQ(h.state().r[1], 0x44u);
  step(h);
  EXPECT_EQ(h.state().r[3], 1u);
  EXPECT_EQ(h.read32(kData), 0x99u);
  step(h);
  step(h);
  EXPECT_FALSE(h.state().exclusive_open);
  h.state().r[3] = 7;
  step(h);
  EXPECT_EQ(h.state().r[3], 1u);
  EXPECT_EQ(h.read32(kData), 0x99u);
}

TEST(ExecLoadStoreMultiple, ByteHalfwordAndAcquireReleaseExclusives) {
  CpuHarness h;
  h.load({
      0xe8d2, 0x1f4f,  // ldrexb r1, [r2]
      0xe8c2, 0x4f43,  // strexb r3, r4, [r2]
      0xe8d2, 0x1f5f,  // ldrexh r1, [r2]
      0xe8c2, 0x4f53,  // strexh r3, r4, [r2]
      0xe8d2, 0x1fef,  // ldaex r1, [r2]
      0xe8c2, 0x4fe3,  // stlex r3, r4, [r2]
      0xe8d2, 0x5faf,  // lda r5, [r2]
      0xe8c2, 0x4faf,  // stl r4, [r2]
      0xe8d2, 0x6f9f,  // ldah r6, [r2]
      0xe8c2, 0x4f8f,  // stlb r4, [r2]
  });
  h.state().r[2] = kData;
  h.write32(kData, 0x8899aabb);
  h.state().r[4] = 0x12345678;
  step(h);
  EXPECT_EQ(h.state().r[1], 0xbbu);  // zero-extended
  step(h);
  EXPECT_EQ(h.state().r[3], 0u);
  EXPECT_EQ(h.read32(kData), 0x8899aa78u);
  step(h);
  EXPECT_EQ(h.state().r[1], 0xaa78u);
  step(h);
  EXPECT_EQ(h.read32(kData), 0x88995678u);
  step(h);
  EXPECT_EQ(h.state().r[1], 0x88995678u);
  h.state().r[4] = 0xcafef00d;
  step(h);
  EXPECT_EQ(h.state().r[3], 0u);
  EXPECT_EQ(h.read32(kData), 0xcafef00du);
  step(h);
  EXPECT_EQ(h.state().r[5], 0xcafef00du);
  h.state().r[4] = 0x01020304;
  step(h);
  EXPECT_EQ(h.read32(kData), 0x01020304u);
  step(h);
  EXPECT_EQ(h.state().r[6], 0x0304u);
  h.state().r[4] = 0xff;
  step(h);
  EXPECT_EQ(h.read32(kData), 0x010203ffu);
}

TEST(ExecLoadStoreMultiple, ExclusivesAndAcquireReleaseRequireAlignment) {
  for (const auto& code : {std::initializer_list<uint16_t>{0xe852, 0x1f00},     // ldrex r1, [r2]
                           std::initializer_list<uint16_t>{0xe842, 0x4300},     // strex r3,r4,[r2]
                           std::initializer_list<uint16_t>{0xe8d2, 0x6f9f},     // ldah r6, [r2]
                           std::initializer_list<uint16_t>{0xe8c2, 0x4faf}}) {  // stl r4, [r2]
    CpuHarness h;
    h.load(code);
    h.state().r[2] = kData + 1;
    h.state().r[3] = 5;
    ASSERT_EQ(h.run(), cpu::StopReason::Fault);
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::Unaligned);
    EXPECT_EQ(h.state().r[3], 5u);
  }
}

TEST(ExecLoadStoreMultiple, TableBranchByteWithPcBase) {
  // 1000: tbb [pc, r1]; 1004: .byte 2, 3, 4, 0; 1008.. : four movs
  for (uint32_t index = 0; index < 4; ++index) {
    CpuHarness h;
    h.load({0xe8df, 0xf001, 0x0302, 0x0004, 0x2001, 0x2002, 0x2003, 0x2004});
    h.state().r[1] = index;
    step(h);
    const uint32_t entries[] = {2, 3, 4, 0};
    EXPECT_EQ(h.state().r[15], 0x1004 + 2 * entries[index]) << index;
  }
}

TEST(ExecLoadStoreMultiple, TableBranchHalfword) {
  CpuHarness h;
  h.load({0xe8d2, 0xf011 /* tbh [r2, r1, lsl #1] */});
  h.write32(kData, 0x02000010);  // entries 0x0010, 0x0200
  h.state().r[2] = kData;
  h.state().r[1] = 1;
  step(h);
  EXPECT_EQ(h.state().r[15], 0x1004u + 0x400u);
}

TEST(ExecLoadStoreMultiple, PushBelowTheStackLimitFaultsBeforeWriting) {
  {
    CpuHarness h;
    h.load({0xb510 /* push {r4, lr} */, 0xb510});
    h.state().r[13] = kData + 0x10;
    h.state().msplim = kData + 0x08;  // the first PUSH reaches the limit exactly: allowed
    h.state().r[4] = 0x44;
    EXPECT_EQ(h.run(), cpu::StopReason::Fault);
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::StackOverflow);
    EXPECT_EQ(h.core().last_fault_pc(), CpuHarness::kCodeBase + 2);
    EXPECT_EQ(h.state().r[13], kData + 0x08);
    EXPECT_EQ(h.read32(kData + 0x08), 0x44u);
    EXPECT_EQ(h.read32(kData + 0x00), 0u);  // the violating PUSH wrote nothing
  }
  {
    // With the process stack in use PSPLIM applies (MSPLIM would allow the store).
    CpuHarness h;
    h.load({0xf84d, 0x8d04 /* str.w r8, [sp, #-4]! */});
    h.state().control = 2;
    h.state().r[13] = kData + 0x10;
    h.state().psplim = kData + 0x10;
    EXPECT_EQ(h.run(), cpu::StopReason::Fault);
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::StackOverflow);
    EXPECT_EQ(h.state().r[13], kData + 0x10);
  }
}

// CCR.STKOFHFNMIGN: at negative execution priority (here FAULTMASK) the limit is ignored only when
// the bit is set (ViolatesSPLim()); without it the violation still faults.
TEST(ExecLoadStoreMultiple, StackLimitIgnoredAtNegativePriorityOnlyWithStkofHfnmiIgn) {
  for (const bool ignore : {false, true}) {
    CpuHarness h;
    h.load({0xb510 /* push {r4, lr} */});
    h.state().r[13] = kData + 0x10;
    h.state().msplim = kData + 0x10;
    h.state().faultmask = true;
    h.core().set_stack_limit_ignored_at_negative_priority(ignore);
    if (ignore) {
      EXPECT_EQ(h.run(), cpu::StopReason::Limit);
      EXPECT_EQ(h.state().r[13], kData + 0x08);
    } else {
      EXPECT_EQ(h.run(), cpu::StopReason::Fault);
      EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::StackOverflow);
    }
  }
}

}  // namespace
}  // namespace minifvp::test
