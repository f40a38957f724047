#pragma once
// Running a function over 0..n-1 on worker threads while one consumer takes the
// results strictly in index order. At most `window` results exist at once
// (computed and not yet taken), so memory stays bounded however large n is and
// however far the workers could run ahead of the consumer.
//
// Workers may run at a lower priority than the thread that made the pool: when
// the consumer's share of the work cannot be split (one thread writes), the
// workers, which can be many, then take only the CPU the consumer leaves.

#include <sys/resource.h>

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace annals {

template <typename Result>
class OrderedPool {
 public:
  // Starts `threads` workers computing `work(i, worker)` for i = 0, 1, ... n-1,
  // where `worker` (0 .. threads-1) names the thread, for per-thread state.
  // `work` must not throw (turn failures into results). Workers run `nicer`
  // steps of niceness above the calling thread (at most 19; Linux gives each
  // thread its own), 0 for the same priority.
  OrderedPool(std::size_t n, unsigned threads, std::size_t window,
              std::function<Result(std::size_t, unsigned)> work, int nicer = 0)
      : n_(n), window_(window < 1 ? 1 : window), work_(std::move(work)), slots_(window_) {
    const int nice = nicer > 0 ? std::min(19, getpriority(PRIO_PROCESS, 0) + nicer) : 0;
    for (unsigned t = 0; t < (threads < 1 ? 1 : threads); ++t)
      workers_.emplace_back([this, t, nicer, nice] {
        // Best effort: a thread that may not change its priority runs as it is.
        if (nicer > 0) (void)setpriority(PRIO_PROCESS, 0, nice);
        run(t);
      });
  }
  ~OrderedPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    room_.notify_all();
    for (auto& w : workers_) w.join();
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // The result for the next index in order, waiting for it; call exactly n times.
  Result take() {
    std::unique_lock lock(mutex_);
    auto& slot = slots_[taken_ % window_];
    ready_.wait(lock, [&] { return slot.has_value(); });
    Result r = std::move(*slot);
    slot.reset();
    ++taken_;
    lock.unlock();
    room_.notify_all();
    return r;
  }

 private:
  void run(unsigned worker) {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return stopping_ || next_ >= n_ || next_ < taken_ + window_; });
        if (stopping_ || next_ >= n_) return;
        i = next_++;
      }
      Result r = work_(i, worker);
      {
        std::lock_guard lock(mutex_);
        slots_[i % window_] = std::move(r);
      }
      ready_.notify_all();
    }
  }

  const std::size_t n_, window_;
  std::function<Result(std::size_t, unsigned)> work_;
  std::vector<std::optional<Result>> slots_;  // slot i % window holds result i
  std::size_t next_ = 0;                      // the next index a worker takes
  std::size_t taken_ = 0;                     // results the consumer has taken
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::vector<std::thread> workers_;
};

}  // namespace annals
