// libFuzzer target: split_sentences on any valid UTF-8: spans in order, non-empty, trimmed,
// inside the body, never crossing a line break.
// The checks live in invariants.h, shared with tests/fuzz_regressions_test.cc.

#include <cstdio>
#include <cstdlib>

#include "invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string problem = annals::fuzz::run_sentences(annals::fuzz::as_text(data, size));
  if (!problem.empty()) {
    std::fprintf(stderr, "sentences_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
