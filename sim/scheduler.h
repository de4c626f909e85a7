// Simulated time and the device event queue.
//
// Time is counted in core clock cycles. Devices schedule callbacks at a future cycle; the platform
// runs the core until the earliest event, then fires every event that is due, in (time, order of
// scheduling) order, so runs are deterministic regardless of host speed.
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace minifvp {

class Scheduler {
 public:
  using Callback = std::function<void()>;
  static constexpr uint64_t kNever = UINT64_MAX;

  uint64_t now() const { return now_; }
  // The clock itself, for the core, which advances it as it executes (Core(bus, clock)): devices
  // that read now() during a register access then see the time of that access.
  uint64_t& clock() { return now_; }
  // Advances time; never moves backwards.
  void advance_to(uint64_t cycle) {
    if (cycle > now_) now_ = cycle;
  }

  // Schedules `cb` at absolute cycle `when` (clamped to now). Returns an id usable with cancel().
  uint64_t schedule_at(uint64_t when, Callback cb);
  uint64_t schedule_in(uint64_t delay, Callback cb) {
    return schedule_at(now_ + delay, std::move(cb));
  }
  void cancel(uint64_t id);

  // Called with the event's time whenever a newly scheduled event is earlier than every event
  // pending before it. The platform uses it to cut the core's current run short (the run was
  // bounded by the earliest event known when it started), so that an event a device schedules
  // during an instruction (a UART byte one character time later) fires on time.
  void set_earliest_event_hook(std::function<void(uint64_t when)> hook) {
    earliest_event_hook_ = std::move(hook);
  }

  // The cycle of the earliest pending event, or kNever.
  uint64_t next_event_time();
  // Fires every event whose time is <= now(). Returns the number fired.
  unsigned run_due_events();

 private:
  struct Event {
    uint64_t when;
    uint64_t id;  // also the tie-breaker: earlier scheduled fires first
    Callback cb;
  };
  struct Later {
    bool operator()(const Event& a, const Event& b) const {
      return a.when != b.when ? a.when > b.when : a.id > b.id;
    }
  };
  void drop_cancelled();

  uint64_t now_ = 0;
  uint64_t next_id_ = 1;
  std::priority_queue<Event, std::vector<Event>, Later> queue_;
  std::vector<uint64_t> cancelled_;
  std::function<void(uint64_t)> earliest_event_hook_;
};

}  // namespace minifvp
