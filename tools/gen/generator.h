#pragma once
// Writing a corpus: N articles and their gold files, one at a time, so memory
// stays flat whatever N is.

#include <cstdint>
#include <filesystem>
#include <functional>

namespace annals::gen {

struct GenerateOptions {
  std::uint64_t articles = 0;
  std::uint64_t seed = 0;
  std::filesystem::path out;   // DIR/NNNNNN_<hex>.txt
  std::filesystem::path gold;  // DIR/NNNNNN_<hex>.json; empty: beside the articles
};

struct GenerateReport {
  std::uint64_t articles = 0;
  std::uintmax_t text_bytes = 0, gold_bytes = 0;
};

// Writes the corpus; creates the folders. Calls `progress` with the number of
// articles written so far, every 1,000 and at the end (may be empty). Throws
// Error naming a file that cannot be written.
GenerateReport generate(const GenerateOptions& options,
                        const std::function<void(std::uint64_t)>& progress = {});

}  // namespace annals::gen
