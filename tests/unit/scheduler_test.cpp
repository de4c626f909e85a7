// The event queue: order, cancellation and the earliest-event hook.
#include "sim/scheduler.h"

#include <gtest/gtest.h>

#include <vector>

namespace minifvp::test {
namespace {

TEST(Scheduler, FiresInTimeThenSchedulingOrder) {
  Scheduler s;
  std::vector<int> fired;
  s.schedule_at(20, [&] { fired.push_back(2); });
  s.schedule_at(10, [&] { fired.push_back(1); });
  s.schedule_at(20, [&] { fired.push_back(3); });
  const uint64_t cancelled = s.schedule_at(15, [&] { fired.push_back(99); });
  s.cancel(cancelled);
  EXPECT_EQ(s.next_event_time(), 10u);
  s.advance_to(20);
  EXPECT_EQ(s.run_due_events(), 3u);
  EXPECT_EQ(fired, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(s.next_event_time(), Scheduler::kNever);
}

TEST(Scheduler, EarliestEventHookSeesOnlyNewEarliestEvents) {
  Scheduler s;
  std::vector<uint64_t> calls;
  s.set_earliest_event_hook([&](uint64_t when) { calls.push_back(when); });
  s.schedule_at(1000, [] {});
  s.schedule_at(2000, [] {});  // later than the pending one: no call
  s.schedule_at(500, [] {});
  s.advance_to(700);
  s.schedule_in(10, [] {});  // 710: later than 500, still pending
  EXPECT_EQ(calls, (std::vector<uint64_t>{1000, 500}));
  s.run_due_events();
  s.schedule_in(5, [] {});  // 705: earlier than 710 now that 500 has fired
  EXPECT_EQ(calls, (std::vector<uint64_t>{1000, 500, 705}));
}

}  // namespace
}  // namespace minifvp::test
