// libFuzzer target: find_dates with a fixed publication date and with none: spans ordered,
// non-overlapping and in bounds, dates real; resolve_date and infer_publication_year
// never crash.
// The checks live in invariants.h, shared with tests/fuzz_regressions_test.cc.

#include <cstdio>
#include <cstdlib>

#include "invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string problem = annals::fuzz::run_dates(annals::fuzz::as_text(data, size));
  if (!problem.empty()) {
    std::fprintf(stderr, "dates_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
