// libFuzzer target: clean_article then analyse with the built-in gazetteer: every Span of the
// Doc inside the body, event evidence inside one sentence, every index and code known.
// The checks live in invariants.h, shared with tests/fuzz_regressions_test.cc.

#include <cstdio>
#include <cstdlib>

#include "invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string problem = annals::fuzz::run_pipeline(annals::fuzz::as_text(data, size));
  if (!problem.empty()) {
    std::fprintf(stderr, "pipeline_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
