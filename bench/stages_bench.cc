// Throughput of the text stages on one thread: clean_article, split_sentences,
// find_dates, infer_publication_year and fold_with_map, in MB/s of input text.
//
//   stages_bench [SEEDS_DIR [MEGABYTES]]     defaults: seeds 20
//
// Two corpora are built from the *.txt files in SEEDS_DIR: the articles as they
// are, repeated to MEGABYTES in total (articles of about 5 KB, the usual case),
// and all of them joined into one article of MEGABYTES (the worst case: any
// step that is not linear in the size of an article shows here). A plain main()
// rather than a doctest case: it measures and never fails. Rates are per second
// of this process's CPU time, so other load on the machine does not skew them;
// the wall-clock seconds are printed beside them.

#include "pipeline/article.h"
#include "pipeline/dates.h"
#include "pipeline/sentences.h"
#include "text/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::vector<std::string> read_seeds(const fs::path& dir) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(annals::read_text_file(p));
  return out;
}

// The seeds, repeated in turn until they add up to `bytes`.
std::vector<std::string> many_articles(const std::vector<std::string>& seeds, std::size_t bytes) {
  std::vector<std::string> out;
  for (std::size_t total = 0, i = 0; total < bytes; ++i) {
    out.push_back(seeds[i % seeds.size()]);
    total += out.back().size();
  }
  return out;
}

std::string one_article(const std::vector<std::string>& seeds, std::size_t bytes) {
  std::string out;
  for (std::size_t i = 0; out.size() < bytes; ++i) out += seeds[i % seeds.size()] + "\n\n";
  return out;
}

std::size_t total_size(const std::vector<std::string>& texts) {
  std::size_t n = 0;
  for (const auto& t : texts) n += t.size();
  return n;
}

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// Runs `work` once and prints the rate over `bytes`.
void measure(std::string_view name, std::size_t bytes, const std::function<void()>& work) {
  const auto t0 = Clock::now();
  const double c0 = cpu_seconds();
  work();
  const double cpu = cpu_seconds() - c0;
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  fmt::print("| {:<34} | {:>6.1f} | {:>8.1f} | {:>7.3f} | {:>7.3f} |\n", name, double(bytes) / 1e6,
             double(bytes) / 1e6 / cpu, cpu, wall);
}

void bench_articles(const std::vector<std::string>& raws) {
  std::vector<annals::Article> articles;
  articles.reserve(raws.size());
  std::size_t sink = 0;
  const std::size_t raw_bytes = total_size(raws);
  measure(fmt::format("clean_article, {} articles", raws.size()), raw_bytes, [&] {
    for (const auto& r : raws) articles.push_back(annals::clean_article("bench.txt", r));
  });
  std::size_t body_bytes = 0;
  for (const auto& a : articles) body_bytes += a.body.size();
  measure("split_sentences, bodies", body_bytes, [&] {
    for (const auto& a : articles) sink += annals::split_sentences(a.body).size();
  });
  measure("find_dates, bodies", body_bytes, [&] {
    for (const auto& a : articles) sink += annals::find_dates(a.body, a.published).size();
  });
  measure("infer_publication_year, raw", raw_bytes, [&] {
    for (const auto& r : raws) sink += annals::infer_publication_year(r).has_value();
  });
  measure("fold_with_map, bodies", body_bytes, [&] {
    for (const auto& a : articles) sink += annals::fold_with_map(a.body).text.size();
  });
  if (sink == 0) fmt::print("(nothing found)\n");
}

void bench_one(const std::string& raw) {
  annals::Article a;
  std::size_t sink = 0;
  measure("clean_article, one article", raw.size(), [&] { a = annals::clean_article("bench.txt", raw); });
  measure("split_sentences, one body", a.body.size(), [&] { sink += annals::split_sentences(a.body).size(); });
  measure("find_dates, one body", a.body.size(), [&] { sink += annals::find_dates(a.body, a.published).size(); });
  measure("infer_publication_year, one raw", raw.size(), [&] { sink += annals::infer_publication_year(raw).has_value(); });
  measure("fold_with_map, one body", a.body.size(), [&] { sink += annals::fold_with_map(a.body).text.size(); });
  if (sink == 0) fmt::print("(nothing found)\n");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const fs::path dir = argc > 1 ? argv[1] : "seeds";
    const std::size_t bytes = (argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 20) << 20;
    const auto seeds = read_seeds(dir);
    if (seeds.empty()) {
      fmt::print(stderr, "stages_bench: no .txt files in {}\n", dir.string());
      return 1;
    }
    fmt::print("| {:<34} | {:>6} | {:>8} | {:>7} | {:>7} |\n", "stage", "MB", "MB/s", "cpu s", "wall s");
    fmt::print("|{:-<36}|{:->8}|{:->10}|{:->9}|{:->9}|\n", "", ":", ":", ":", ":");
    bench_articles(many_articles(seeds, bytes));
    bench_one(one_article(seeds, bytes));
  } catch (const std::exception& e) {
    fmt::print(stderr, "stages_bench: {}\n", e.what());
    return 1;
  }
}
