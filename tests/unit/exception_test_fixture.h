// A core with its System Control Space (and so the exception model) on a bus with 64 KiB of RAM
// at 0, a vector table at 0 and a scheduler whose clock the core advances: for exception, NVIC and
// SysTick tests from raw Thumb encodings.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>

#include "cpu/core.h"
#include "cpu/exceptions.h"
#include "cpu/system/system_control_space.h"
#include "sim/bus.h"
#include "sim/scheduler.h"

namespace minifvp::test {

class ExceptionFixture : public ::testing::Test {
 protected:
  static constexpr uint32_t kMain = 0x1000;
  static constexpr uint32_t kStackTop = 0xf000;
  static constexpr uint32_t kScs = 0xe000e000;
  // Thumb encodings used by the tests.
  static constexpr uint16_t kNop = 0xbf00, kSvc0 = 0xdf00, kBxLr = 0x4770, kBranchSelf = 0xe7fe,
                            kUdf = 0xde00, kWfi = 0xbf30, kCpsieI = 0xb662, kCpsidI = 0xb672;
  static uint16_t movs(unsigned rd, unsigned imm) { return uint16_t(0x2000 | rd << 8 | imm); }

  ExceptionFixture() : core_(bus_, scheduler_.clock()), scs_(core_, cpu::CoreModel::CortexM55) {
    bus_.add_ram("ram", 0, 0x10000);
    bus_.add_device(scs_, kScs, 0x1000);
    scs_.systick().attach_scheduler(scheduler_);
    scs_.set_vtor(0);
    // Every vector points at a `B .` at 0x3000 + 0x10 * exception unless a test places a handler.
    for (unsigned exc = 1; exc < 64; ++exc) {
      const uint32_t handler = 0x3000 + 0x10 * exc;
      bus_.write(4 * exc, 4, handler | 1);
      bus_.write(handler, 2, kBranchSelf);
    }
    core_.state().r[13] = kStackTop;
    core_.state().r[15] = kMain;
  }

  cpu::CpuState& state() { return core_.state(); }
  cpu::ExceptionModel& ex() { return scs_.exceptions(); }
  uint32_t handler_address(unsigned exc) const { return 0x3000 + 0x10 * exc; }

  void place(uint32_t addr, std::initializer_list<uint16_t> halfwords) {
    for (uint16_t hw : halfwords) {
      bus_.write(addr, 2, hw);
      addr += 2;
    }
  }
  // Code for exception `exc`'s handler at its default address.
  void handler(unsigned exc, std::initializer_list<uint16_t> halfwords) {
    place(handler_address(exc), halfwords);
  }
  uint32_t read32(uint32_t addr) {
    uint32_t v = 0;
    bus_.read(addr, 4, v);
    return v;
  }
  void write_scs(uint32_t offset, uint32_t value) { bus_.write(kScs + offset, 4, value); }
  uint32_t read_scs(uint32_t offset) {
    uint32_t v = 0;
    bus_.read(kScs + offset, 4, v);
    return v;
  }

  // Processes the instruction boundary only (pending exceptions, exception returns).
  cpu::StopReason boundary() { return core_.run(scheduler_.now()); }
  // Executes one instruction (after the boundary work), then fires due events.
  cpu::StopReason step() {
    const cpu::StopReason reason = core_.run(scheduler_.now() + 1);
    scheduler_.run_due_events();
    return reason;
  }
  // Steps until the PC is `pc` (at a boundary, exceptions taken) or `max_steps` pass.
  bool run_to(uint32_t pc, unsigned max_steps = 1000) {
    for (unsigned i = 0; i < max_steps; ++i) {
      if (boundary() != cpu::StopReason::Limit) return false;
      if (state().r[15] == pc) return true;
      const cpu::StopReason reason = step();
      if (reason == cpu::StopReason::Sleep) {
        const uint64_t next = scheduler_.next_event_time();
        if (next == Scheduler::kNever) return false;
        scheduler_.advance_to(next);
        scheduler_.run_due_events();
      } else if (reason != cpu::StopReason::Limit) {
        return false;
      }
    }
    return false;
  }

  Bus bus_;
  Scheduler scheduler_;
  cpu::Core core_;
  cpu::SystemControlSpace scs_;
};

}  // namespace minifvp::test
