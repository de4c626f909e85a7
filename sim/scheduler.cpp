#include "sim/scheduler.h"

#include <algorithm>

namespace minifvp {

uint64_t Scheduler::schedule_at(uint64_t when, Callback cb) {
  const uint64_t id = next_id_++;
  when = std::max(when, now_);
  // (A cancelled event still at the top makes this conservative: the hook may run needlessly.)
  const bool earliest = queue_.empty() || when < queue_.top().when;
  queue_.push({when, id, std::move(cb)});
  if (earliest && earliest_event_hook_) earliest_event_hook_(when);
  return id;
}

void Scheduler::cancel(uint64_t id) {
  cancelled_.push_back(id);
}

void Scheduler::drop_cancelled() {
  while (!queue_.empty()) {
    auto it = std::find(cancelled_.begin(), cancelled_.end(), queue_.top().id);
    if (it == cancelled_.end()) return;
    cancelled_.erase(it);
    queue_.pop();
  }
}

uint64_t Scheduler::next_event_time() {
  drop_cancelled();
  return queue_.empty() ? kNever : queue_.top().when;
}

unsigned Scheduler::run_due_events() {
  unsigned fired = 0;
  while (next_event_time() <= now_) {
    Callback cb = std::move(const_cast<Event&>(queue_.top()).cb);
    queue_.pop();
    cb();
    ++fired;
  }
  return fired;
}

}  // namespace minifvp
