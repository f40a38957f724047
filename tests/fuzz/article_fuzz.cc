// libFuzzer target: read_text_file on the bytes, compared with the admission rules it states;
// then clean_article on what it admits: segments copy raw, removed spans lie in it.
// The checks live in invariants.h, shared with tests/fuzz_regressions_test.cc.

#include <cstdio>
#include <cstdlib>

#include "invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string problem = annals::fuzz::run_article(annals::fuzz::as_text(data, size));
  if (!problem.empty()) {
    std::fprintf(stderr, "article_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
