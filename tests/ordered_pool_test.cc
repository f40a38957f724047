// OrderedPool: results in index order whatever the thread count, and never more
// than `window` results waiting.

#include "util/ordered_pool.h"

#include <doctest/doctest.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <thread>
#include <vector>

using namespace annals;

TEST_CASE("ordered pool: results come in index order for any thread count and window") {
  struct Case {
    unsigned threads;
    std::size_t window;
  };
  const Case cases[] = {{1, 1}, {1, 4}, {2, 1}, {2, 3}, {4, 2}, {8, 16}};
  for (const auto& c : cases) {
    CAPTURE(c.threads);
    CAPTURE(c.window);
    const std::size_t n = 200;
    OrderedPool<std::size_t> pool(n, c.threads, c.window, [](std::size_t i, unsigned) {
      // Uneven work, so later indexes often finish first.
      if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
      return i * i;
    });
    std::vector<std::size_t> got;
    for (std::size_t i = 0; i < n; ++i) got.push_back(pool.take());
    bool in_order = true;
    for (std::size_t i = 0; i < n; ++i) in_order = in_order && got[i] == i * i;
    CHECK(in_order);
  }
}

TEST_CASE("ordered pool: workers never run more than the window ahead of the consumer") {
  const std::size_t window = 3;
  std::atomic<std::size_t> started{0}, taken{0}, worst{0};
  {
    OrderedPool<int> pool(100, 4, window, [&](std::size_t, unsigned) {
      const std::size_t ahead = ++started - taken.load();
      std::size_t w = worst.load();
      while (ahead > w && !worst.compare_exchange_weak(w, ahead)) {
      }
      return 0;
    });
    for (int i = 0; i < 100; ++i) {
      std::this_thread::sleep_for(std::chrono::microseconds(50));  // a slow consumer
      pool.take();
      ++taken;
    }
  }
  // The test's own count of taken results lags the pool's by the one being
  // taken, hence the + 1; unbounded workers would run up to 100 ahead.
  CHECK(worst.load() <= window + 1);
  CHECK(worst.load() >= 1);
}

TEST_CASE("ordered pool: worker numbers stay below the thread count; no work means no results") {
  std::atomic<unsigned> highest{0};
  {
    OrderedPool<int> pool(50, 3, 6, [&](std::size_t, unsigned worker) {
      unsigned h = highest.load();
      while (worker > h && !highest.compare_exchange_weak(h, worker)) {
      }
      return 1;
    });
    int sum = 0;
    for (int i = 0; i < 50; ++i) sum += pool.take();
    CHECK(sum == 50);
  }
  CHECK(highest.load() < 3);
  OrderedPool<int> empty(0, 2, 2, [](std::size_t, unsigned) { return 1; });  // joins cleanly
}

TEST_CASE("ordered pool: workers run the asked steps of niceness above the caller, at most 19") {
  const int mine = getpriority(PRIO_PROCESS, 0);
  for (const int nicer : {0, 3, 10, 40}) {
    CAPTURE(nicer);
    const int want = nicer > 0 ? std::min(19, mine + nicer) : mine;
    OrderedPool<int> pool(8, 2, 4, [](std::size_t, unsigned) { return getpriority(PRIO_PROCESS, 0); }, nicer);
    for (int i = 0; i < 8; ++i) CHECK(pool.take() == want);
    CHECK(getpriority(PRIO_PROCESS, 0) == mine);  // the caller's own is left alone
  }
}
