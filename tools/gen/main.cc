// annals-gen: writes a synthetic corpus of news articles with their gold facts.

#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "annals/error.h"
#include "generator.h"

namespace {

constexpr const char* kUsage =
    "usage: annals-gen --articles N --seed S --out DIR [--gold DIR] [--quiet]\n"
    "\n"
    "Writes N articles DIR/NNNNNN_<hex>.txt and their gold facts NNNNNN_<hex>.json\n"
    "(beside them, or in the --gold folder). The same N and S give the same bytes.\n"
    "\n"
    "example: annals-gen --articles 1000 --seed 7 --out corpus --gold corpus-gold\n";

std::uint64_t number(std::string_view option, const std::string& text) {
  std::size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || text[0] == '-')
    throw annals::Error(std::string(option), "not a non-negative whole number: " + text);
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    annals::gen::GenerateOptions options;
    bool have_articles = false, have_seed = false, quiet = false;
    for (int i = 1; i < argc; ++i) {
      const std::string_view arg = argv[i];
      if (arg == "--help" || arg == "-h") {
        std::fputs(kUsage, stdout);
        return 0;
      }
      if (arg == "--quiet") {
        quiet = true;
        continue;
      }
      if (i + 1 >= argc) throw annals::Error(std::string(arg), "unknown option or missing value");
      const std::string value = argv[++i];
      if (arg == "--articles") options.articles = number(arg, value), have_articles = true;
      else if (arg == "--seed") options.seed = number(arg, value), have_seed = true;
      else if (arg == "--out") options.out = value;
      else if (arg == "--gold") options.gold = value;
      else throw annals::Error(std::string(arg), "unknown option");
    }
    if (!have_articles || !have_seed || options.out.empty()) {
      std::fputs(kUsage, stderr);
      return 2;
    }
    const auto report = annals::gen::generate(options, [&](std::uint64_t done) {
      if (!quiet) std::fprintf(stderr, "\r%llu articles", static_cast<unsigned long long>(done));
    });
    if (!quiet)
      std::fprintf(stderr, "\n%llu articles, %.1f MB of text, %.1f MB of gold\n",
                   static_cast<unsigned long long>(report.articles), double(report.text_bytes) / 1e6,
                   double(report.gold_bytes) / 1e6);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "annals-gen: %s\n", e.what());
    return 1;
  }
}
