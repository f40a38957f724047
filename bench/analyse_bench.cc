// Throughput of analyse() on one thread, stage by stage, over a folder of
// articles; and, with --dump, a canonical text dump of every Doc, so that a
// change meant only to make the pipeline faster can be checked to change nothing.
//
//   analyse_bench DIR... [--dump FILE] [--repeat N]
//
// Every *.txt file under each DIR (recursively, in sorted order) is read,
// cleaned with clean_article and analysed. Rates are MB of article body per
// second of this thread's CPU time (clean_article: MB of raw text). Build with
// the library objects of a build dir, e.g. from the project root:
//
//   g++ -std=c++20 -O2 -g -Iinclude -Ilib bench/analyse_bench.cc
//       $(find build-speed/CMakeFiles/annals_objects.dir -name '*.o')
//       -lSQLiteCpp -lsqlite3 -lfmt -o build-speed/analyse_bench      (one line)
//
// A plain main() rather than a doctest case: it measures and never fails.

#include "pipeline/analyse.h"
#include "pipeline/article.h"
#include "pipeline/gazetteer.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace annals;

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// Adds the CPU time since the last lap to the stage that just ended.
class Laps : public StageListener {
 public:
  void start() { last_ = cpu_seconds(); }
  void stage_done(std::string_view stage) override {
    const double now = cpu_seconds();
    auto it = std::find_if(totals_.begin(), totals_.end(), [&](const auto& t) { return t.first == stage; });
    if (it == totals_.end()) totals_.emplace_back(std::string(stage), now - last_);
    else it->second += now - last_;
    last_ = now;
  }
  const std::vector<std::pair<std::string, double>>& totals() const { return totals_; }

 private:
  double last_ = 0;
  std::vector<std::pair<std::string, double>> totals_;  // in stage order
};

std::vector<fs::path> article_files(const std::vector<fs::path>& dirs) {
  std::vector<fs::path> out;
  for (const auto& dir : dirs) {
    std::vector<fs::path> here;
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".txt") here.push_back(e.path());
    std::sort(here.begin(), here.end());
    out.insert(out.end(), here.begin(), here.end());
  }
  return out;
}

std::string date_text(const std::optional<FuzzyDate>& d) { return d ? to_iso(*d) : "-"; }
std::string opt(const std::optional<std::string>& s) { return s ? *s : "-"; }
std::string span_text(Span s) { return fmt::format("{}-{}", s.begin, s.end); }
std::string_view kind_name(EntityKind k) {
  return k == EntityKind::country ? "country" : k == EntityKind::person ? "person" : "organization";
}

void dump_doc(std::ofstream& out, const std::string& file, const Doc& d) {
  const Article& a = d.article;
  out << "## " << file << "\n";
  out << "published " << date_text(a.published) << " from " << a.published_from << "\n";
  out << "body " << a.body.size() << " sentences";
  for (const Span& s : d.sentences) out << ' ' << span_text(s);
  out << "\n";
  for (const Mention& m : d.mentions)
    out << "mention " << span_text(m.span) << ' ' << kind_name(m.kind) << ' ' << m.country << ' '
        << m.entity << (m.adjective ? " adj" : "") << " |" << d.text(m.span) << "|\n";
  for (const Person& p : d.persons) {
    out << "person " << p.name << " country " << opt(p.country) << "\n";
    for (const auto& x : p.aliases) out << "  alias " << x << "\n";
    for (const Position& pos : p.positions)
      out << "  position " << pos.title << " org " << opt(pos.organization) << " country "
          << opt(pos.country) << ' ' << date_text(pos.start) << ' ' << date_text(pos.end) << ' '
          << span_text(pos.evidence) << "\n";
  }
  for (const Organization& o : d.organizations) {
    out << "organization " << o.name << " country " << opt(o.country) << " kind " << o.kind << "\n";
    for (const auto& x : o.aliases) out << "  alias " << x << "\n";
  }
  for (const PlaceMention& p : d.places)
    out << "place " << span_text(p.span) << ' ' << p.name << ' ' << p.country << (p.capital ? " capital" : "") << "\n";
  for (const DateMention& m : d.dates)
    out << "date " << span_text(m.span) << ' ' << to_iso(m.start) << ' ' << date_text(m.end) << ' '
        << m.inferred_from << "\n";
  for (const Event& e : d.events) {
    out << "event " << e.type << ' ' << e.cameo << ' ' << e.plover_category << ' ' << e.plover_mode << ' '
        << date_text(e.start) << ' ' << date_text(e.end) << " [" << e.date_inferred_from << "] at "
        << e.location << "\n";
    for (const Participant& p : e.participants)
      out << "  participant " << to_string(p.role) << ' ' << kind_name(p.kind) << ' ' << p.country << ' '
          << p.entity << "\n";
    for (const Span& s : e.evidence) out << "  evidence " << span_text(s) << "\n";
    out << "  summary " << e.summary << "\n";
  }
  for (const Relation& r : d.relations)
    out << "relation " << r.kind << ' ' << r.a << ' ' << r.b << ' ' << date_text(r.date) << ' '
        << span_text(r.evidence) << ' ' << r.event << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<fs::path> dirs;
    std::string dump;
    int repeat = 1;
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      if (arg == "--dump" && i + 1 < argc) dump = argv[++i];
      else if (arg == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
      else dirs.emplace_back(arg);
    }
    const auto files = article_files(dirs);
    std::vector<std::string> raws;
    for (const auto& f : files) raws.push_back(read_text_file(f));
    const Gazetteer& g = default_gazetteer();
    std::ofstream out;
    if (!dump.empty()) out.open(dump);
    Laps laps;
    double clean = 0, total = 0;
    std::size_t raw_bytes = 0, body_bytes = 0;
    for (int r = 0; r < repeat; ++r)
      for (std::size_t i = 0; i < files.size(); ++i) {
        const double c0 = cpu_seconds();
        Article a = clean_article(files[i].filename().string(), raws[i]);
        const double c1 = cpu_seconds();
        clean += c1 - c0;
        raw_bytes += raws[i].size();
        body_bytes += a.body.size();
        laps.start();
        const Doc d = analyse(std::move(a), g, &laps);
        total += cpu_seconds() - c1;
        if (out.is_open() && r == 0) dump_doc(out, files[i].string(), d);
      }
    fmt::print("{} files, {:.2f} MB raw, {:.2f} MB body\n", files.size(), double(raw_bytes) / 1e6,
               double(body_bytes) / 1e6);
    fmt::print("| {:<14} | {:>8} | {:>7} |\n", "stage", "MB/s", "cpu s");
    fmt::print("| {:<14} | {:>8.1f} | {:>7.3f} |\n", "clean_article", double(raw_bytes) / 1e6 / clean, clean);
    for (const auto& [stage, s] : laps.totals())
      fmt::print("| {:<14} | {:>8.1f} | {:>7.3f} |\n", stage, double(body_bytes) / 1e6 / s, s);
    fmt::print("| {:<14} | {:>8.1f} | {:>7.3f} |\n", "analyse", double(body_bytes) / 1e6 / total, total);
  } catch (const std::exception& e) {
    fmt::print(stderr, "analyse_bench: {}\n", e.what());
    return 1;
  }
}
