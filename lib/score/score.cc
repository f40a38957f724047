#include "score/score.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "annals/error.h"
#include "annals/types.h"
#include "text/text.h"

namespace annals {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Tokens = std::vector<std::string>;
using Names = std::vector<Tokens>;  // a name and its aliases, folded, split into tokens
using Codes = std::set<std::string>;

// --- Reading JSON. Exports and gold files write unknowns as null, so a missing,
// null or mistyped member reads as empty rather than failing the whole score.

std::string str(const json& j) { return j.is_string() ? j.get<std::string>() : ""; }

const json& member(const json& j, const char* key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  const auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

std::string text_of(const json& j, const char* key) { return str(member(j, key)); }

const json& list_of(const json& j, const char* key) {
  static const json kEmpty = json::array();
  const json& m = member(j, key);
  return m.is_array() ? m : kEmpty;
}

bool flag_of(const json& j, const char* key, bool fallback) {
  const json& m = member(j, key);
  return m.is_boolean() ? m.get<bool>() : fallback;
}

// Exports may name a source by a relative path, gold files by its bare name.
std::string file_name(std::string_view path) {
  return fs::path(path).filename().string();
}

std::string joined(const Codes& codes, std::string_view sep = ",") {
  return fmt::format("{}", fmt::join(codes, sep));
}

// A system fact belongs to the scored sources when its "sources" list or its
// evidence names one of them; a fact with neither cannot be placed, so it counts.
bool in_scope(const json& fact, const Codes& used) {
  const json& sources = list_of(fact, "sources");
  const json& evidence = list_of(fact, "evidence");
  if (sources.empty() && evidence.empty()) return true;
  for (const auto& s : sources)
    if (used.count(file_name(str(s)))) return true;
  for (const auto& e : evidence)
    if (used.count(file_name(text_of(e, "source")))) return true;
  return false;
}

// --- Names

Tokens tokens(std::string_view name) {
  Tokens out;
  const std::string folded = fold(name);
  for (std::size_t pos = 0; pos < folded.size();) {
    const std::size_t end = std::min(folded.find(' ', pos), folded.size());
    out.push_back(folded.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

Names names_of(const json& entity) {
  Names out;
  auto add = [&](const std::string& name) {
    Tokens t = tokens(name);
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  };
  add(text_of(entity, "name"));
  for (const auto& a : list_of(entity, "aliases")) add(str(a));
  return out;
}

enum class NameMatch { none, contained, equal };

bool contains_run(const Tokens& longer, const Tokens& shorter) {
  return shorter.size() >= 2 && shorter.size() <= longer.size() &&
         std::search(longer.begin(), longer.end(), shorter.begin(), shorter.end()) !=
             longer.end();
}

NameMatch match_names(const Names& a, const Names& b) {
  NameMatch best = NameMatch::none;
  for (const auto& x : a)
    for (const auto& y : b) {
      if (x == y) return NameMatch::equal;
      if (contains_run(x, y) || contains_run(y, x)) best = NameMatch::contained;
    }
  return best;
}

// --- Dates

// A date as a file states it: `start` absent when the date is unknown.
struct When {
  std::optional<FuzzyDate> start, end;
};

// Parses `iso` and, when the stated precision is coarser than the string
// ("2025-01-01" at "year", as a database stores it), cuts it to that precision.
std::optional<FuzzyDate> read_date(const std::string& iso, std::optional<Precision> stated) {
  auto d = parse_iso(iso);
  if (!d || !stated || *stated >= d->precision) return d;
  const int y = int(d->day.year());
  if (*stated == Precision::year) return year_only(y);
  if (*stated == Precision::month) return year_month(y, unsigned(d->day.month()));
  return std::nullopt;
}

When when_of(const json& holder, const char* start, const char* end, const char* precision) {
  const auto stated = parse_precision(text_of(holder, precision));  // "range": as written
  When w{read_date(text_of(holder, start), stated), read_date(text_of(holder, end), stated)};
  if (!w.start) w.end.reset();
  return w;
}

// Whether the days two dates name meet: "2025" is 2025-01-01..2025-12-31, a
// start and end span.
bool overlap(const When& a, const When& b) {
  if (!a.start || !b.start) return false;
  const auto from = [](const When& w) { return date::sys_days(w.start->day); };
  const auto to = [](const When& w) {
    return date::sys_days((w.end ? *w.end : *w.start).last_day());
  };
  return from(a) <= to(b) && from(b) <= to(a);
}

// True when `system` gives the gold start at the gold precision ("2025-07" is
// right for gold 2025-07, not for gold 2025-07-30). An unknown gold date
// cannot be contradicted.
bool start_right(const When& system, const When& gold) {
  if (!gold.start) return true;
  if (!system.start || system.start->precision < gold.start->precision) return false;
  return to_iso({system.start->day, gold.start->precision}) == to_iso(*gold.start);
}

std::string date_label(const When& w) {
  if (!w.start) return "date unknown";
  return w.end ? to_iso(*w.start) + ".." + to_iso(*w.end) : to_iso(*w.start);
}

// --- Gold facts merged across files

// A gold person or organisation, or several from different files with the
// same folded name.
struct GoldEntity {
  Names names;
  bool required = false;
  std::string label;
  Codes files;
};

std::string source_file(const json& gold) {
  return file_name(text_of(member(gold, "source"), "file"));
}

std::vector<GoldEntity> merge_entities(const std::vector<const json*>& gold, const char* key) {
  std::vector<GoldEntity> out;
  std::map<std::string, std::size_t> by_name;
  for (const json* g : gold)
    for (const auto& e : list_of(*g, key)) {
      const std::string name = text_of(e, "name");
      const auto [it, fresh] = by_name.emplace(fold(name), out.size());
      if (fresh) out.push_back({{}, false, name, {}});
      GoldEntity& m = out[it->second];
      for (auto& n : names_of(e))
        if (std::find(m.names.begin(), m.names.end(), n) == m.names.end()) m.names.push_back(n);
      m.required = m.required || flag_of(e, "required", true);
      m.files.insert(source_file(*g));
    }
  return out;
}

// An event or relation, gold or system, as matching sees it. A gold fact may
// merge entries of several files; it then has their types and dates.
struct Fact {
  Codes kinds;  // event types or the relation kind
  Codes countries;
  std::vector<When> dates;  // one per merged gold entry
  bool required = false;
  Codes files;  // gold: the files telling it; system: its evidence files
  std::string label;
};

// Visits, meetings and summits are easily told apart wrongly; they score as one.
std::string family(const std::string& type) {
  return type == "visit" || type == "meeting" || type == "summit" ? "contact" : type;
}

Codes countries_of(const json& holder) {
  Codes out;
  for (const auto& c : list_of(holder, "countries")) out.insert(str(c));
  return out;
}

Fact gold_event(const json& e, const std::string& file) {
  const Codes actors = countries_of(member(e, "actors"));
  const Codes counterparts = countries_of(member(e, "counterparts"));
  Fact f{{text_of(e, "type")}, actors, {when_of(member(e, "date"), "start", "end", "precision")},
         flag_of(e, "required", true), {file}, ""};
  f.countries.insert(counterparts.begin(), counterparts.end());
  f.label = fmt::format("{} {} {}->{} [{}] \"{}\"", text_of(e, "type"), date_label(f.dates[0]),
                        joined(actors), joined(counterparts), file, text_of(e, "evidence"));
  return f;
}

// Relations carry only their year into matching.
Fact relation(const json& r) {
  const auto d = read_date(text_of(r, "date"), parse_precision(text_of(r, "precision")));
  Fact f{{text_of(r, "kind")}, countries_of(r), {When{}}, flag_of(r, "required", true), {}, ""};
  if (d) f.dates[0].start = year_only(int(d->day.year()));
  f.label = fmt::format("{} {} {}", text_of(r, "kind"), joined(f.countries, "-"),
                        d ? to_iso(*d) : "date unknown");
  return f;
}

Fact gold_relation(const json& r, const std::string& file) {
  Fact f = relation(r);
  f.files = {file};
  f.label += " [" + file + "]";
  return f;
}

bool same_relation(const Fact& a, const Fact& b) {
  const auto year = [](const Fact& f) { return f.dates[0].start; };
  return a.kinds == b.kinds && a.countries == b.countries && year(a) == year(b);
}

// The README's cross-file rule for events: same family, same countries,
// overlapping dates. Undated entries never merge: nothing says two undated aid
// efforts or congresses are one.
bool same_event(const Fact& group, const Fact& e) {
  if (family(*group.kinds.begin()) != family(*e.kinds.begin()) || group.countries != e.countries)
    return false;
  return std::any_of(group.dates.begin(), group.dates.end(),
                     [&](const When& d) { return overlap(d, e.dates[0]); });
}

// Gold facts of `key`, entries of different files that `same` calls one merged;
// entries of one file stay apart (two 2018 aid efforts are two).
std::vector<Fact> merge_facts(const std::vector<const json*>& gold, const char* key,
                              Fact (*read)(const json&, const std::string&),
                              bool (*same)(const Fact&, const Fact&)) {
  std::vector<Fact> out;
  for (const json* g : gold) {
    const std::string file = source_file(*g);
    for (const auto& entry : list_of(*g, key)) {
      Fact f = read(entry, file);
      auto it = std::find_if(out.begin(), out.end(),
                             [&](const Fact& o) { return !o.files.count(file) && same(o, f); });
      if (it == out.end()) {
        out.push_back(std::move(f));
        continue;
      }
      it->kinds.insert(f.kinds.begin(), f.kinds.end());
      it->dates.push_back(f.dates[0]);
      it->required = it->required || f.required;
      it->files.insert(file);
      it->label += " = " + f.label;
    }
  }
  return out;
}

// --- System facts

Codes evidence_files(const json& fact) {
  Codes out;
  for (const auto& e : list_of(fact, "evidence")) out.insert(file_name(text_of(e, "source")));
  return out;
}

std::string evidence_label(const json& fact) {
  const json& ev = list_of(fact, "evidence");
  if (ev.empty()) return "";
  return fmt::format(" [{}] \"{}\"", file_name(text_of(ev[0], "source")), text_of(ev[0], "text"));
}

Fact system_event(const json& e) {
  Fact f{{text_of(e, "type")}, {}, {when_of(e, "start", "end", "precision")}, false,
         evidence_files(e), ""};
  for (const auto& p : list_of(e, "participants"))
    if (!text_of(p, "country").empty()) f.countries.insert(text_of(p, "country"));
  f.label = fmt::format("{} {} {} {}{}", member(e, "id").dump(), text_of(e, "type"),
                        date_label(f.dates[0]), joined(f.countries), evidence_label(e));
  return f;
}

Fact system_relation(const json& r) {
  Fact f = relation(r);
  f.files = evidence_files(r);
  f.label += evidence_label(r);
  return f;
}

// --- Scoring

CategoryScore named(std::string category) {
  CategoryScore out;
  out.category = std::move(category);
  return out;
}

void count_lists(CategoryScore& out) {
  out.false_neg = int(out.misses.size());
  out.false_pos = int(out.false_hits.size());
}

CategoryScore score_countries(const json& system, const std::vector<const json*>& gold,
                              const Codes& used) {
  CategoryScore out = named("countries");
  std::map<std::string, Codes> wanted;  // code -> files naming it
  for (const json* g : gold)
    for (const auto& c : list_of(*g, "countries")) wanted[str(c)].insert(source_file(*g));
  Codes found;
  for (const auto& c : list_of(system, "countries"))
    if (in_scope(c, used)) found.insert(text_of(c, "code"));
  for (const auto& [code, files] : wanted) {
    if (found.count(code)) ++out.true_pos;
    else out.misses.push_back(fmt::format("{} [{}]", code, joined(files, ", ")));
  }
  for (const auto& code : found)
    if (!wanted.count(code)) out.false_hits.push_back(code);
  count_lists(out);
  return out;
}

// Persons and organisations: not one to one (an export may split a person in
// two without being wrong twice), but a system entity equal to some gold name
// is credited only to those, so "Central Committee of the X Party" does not
// also find "X Party" by containment.
CategoryScore score_entities(const char* category, const json& system,
                             const std::vector<GoldEntity>& gold, const Codes& used) {
  CategoryScore out = named(category);
  std::vector<bool> found(gold.size(), false);
  for (const auto& s : list_of(system, category)) {
    if (!in_scope(s, used)) continue;
    const Names names = names_of(s);
    std::vector<NameMatch> m;
    for (const auto& g : gold) m.push_back(match_names(names, g.names));
    const NameMatch best = m.empty() ? NameMatch::none : *std::max_element(m.begin(), m.end());
    if (best == NameMatch::none)
      out.false_hits.push_back(fmt::format("{} ({})", text_of(s, "name"), member(s, "id").dump()));
    for (std::size_t i = 0; i < gold.size(); ++i)
      if (best != NameMatch::none && m[i] == best) found[i] = true;
  }
  for (std::size_t i = 0; i < gold.size(); ++i) {
    if (!gold[i].required) continue;
    if (found[i]) ++out.true_pos;
    else out.misses.push_back(fmt::format("{} [{}]", gold[i].label, joined(gold[i].files, ", ")));
  }
  count_lists(out);
  return out;
}

// How well a system event fits a gold event, or nullopt when the README's
// rule says they do not match. Exact start, same countries and exact type
// decide between several gold events the rule allows.
std::optional<int> event_quality(const Fact& s, const Fact& g) {
  const std::string& type = *g.kinds.begin();
  const std::string& system_type = *s.kinds.begin();
  if (type != "other" && family(type) != family(system_type)) return std::nullopt;
  std::size_t shared = 0;
  for (const auto& c : s.countries) shared += g.countries.count(c);
  if (shared < std::min<std::size_t>(2, g.countries.size())) return std::nullopt;
  const bool dated = bool(g.dates[0].start);
  const auto overlaps = [&](const When& d) { return overlap(s.dates[0], d); };
  if (dated && std::none_of(g.dates.begin(), g.dates.end(), overlaps)) return std::nullopt;
  // An undated gold event cannot be contradicted, nor does it confirm a date.
  const auto exact = [&](const When& d) { return start_right(s.dates[0], d); };
  const bool exact_start = dated && std::any_of(g.dates.begin(), g.dates.end(), exact);
  return int(shared) + 2 * (s.countries == g.countries) + 2 * int(g.kinds.count(system_type)) +
         int(dated) + 4 * exact_start;
}

std::optional<int> relation_quality(const Fact& s, const Fact& g) {
  return same_relation(s, g) ? std::optional<int>(0) : std::nullopt;
}

// A possible pairing of a system fact with a gold fact.
struct Candidate {
  int quality = 0;
  bool same_file = false;  // the system fact has evidence from a file of the gold fact
  bool required = false;
  std::size_t sys = 0, gold = 0;
};

// One to one, best pairs first; for each system fact, the gold fact it got.
std::vector<std::optional<std::size_t>> assign(std::vector<Candidate> pairs, std::size_t n_sys,
                                               std::size_t n_gold) {
  std::sort(pairs.begin(), pairs.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(b.quality, b.same_file, b.required, a.gold, a.sys) <
           std::tie(a.quality, a.same_file, a.required, b.gold, b.sys);
  });
  std::vector<std::optional<std::size_t>> got(n_sys);
  std::vector<bool> taken(n_gold, false);
  for (const auto& p : pairs)
    if (!got[p.sys] && !taken[p.gold]) {
      got[p.sys] = p.gold;
      taken[p.gold] = true;
    }
  return got;
}

bool share_file(const Fact& a, const Fact& b) {
  return std::any_of(a.files.begin(), a.files.end(),
                     [&](const auto& f) { return b.files.count(f) > 0; });
}

// Pairs system with gold facts and counts: a paired system fact is a hit when
// its gold fact is required (optional: neither); an unpaired one is false, and
// says so when another took its gold fact. Returns each system fact's gold fact.
std::vector<std::optional<std::size_t>> pair_and_count(
    CategoryScore& out, const std::vector<Fact>& sys, const std::vector<Fact>& gold,
    std::optional<int> (*quality)(const Fact&, const Fact&)) {
  std::vector<Candidate> pairs;
  for (std::size_t s = 0; s < sys.size(); ++s)
    for (std::size_t g = 0; g < gold.size(); ++g)
      if (const auto q = quality(sys[s], gold[g]))
        pairs.push_back({*q, share_file(sys[s], gold[g]), gold[g].required, s, g});
  const auto got = assign(pairs, sys.size(), gold.size());
  std::vector<bool> found(gold.size(), false);
  for (std::size_t s = 0; s < sys.size(); ++s) {
    if (got[s]) {
      found[*got[s]] = true;
      continue;
    }
    const auto lost =
        std::find_if(pairs.begin(), pairs.end(), [&](const auto& c) { return c.sys == s; });
    out.false_hits.push_back(lost == pairs.end() ? sys[s].label
                                                 : sys[s].label + " (gold already matched: " +
                                                       gold[lost->gold].label + ")");
  }
  for (std::size_t g = 0; g < gold.size(); ++g) {
    if (!gold[g].required) continue;
    if (found[g]) ++out.true_pos;
    else out.misses.push_back(gold[g].label);
  }
  count_lists(out);
  return got;
}

std::vector<Fact> system_facts(const json& system, const char* key, Fact (*read)(const json&),
                               const Codes& used) {
  std::vector<Fact> out;
  for (const auto& f : list_of(system, key))
    if (in_scope(f, used)) out.push_back(read(f));
  return out;
}

void score_events(ScoreReport& report, const json& system, const std::vector<const json*>& gold,
                  const Codes& used) {
  CategoryScore out = named("events");
  const auto golds = merge_facts(gold, "events", gold_event, same_event);
  const auto sys = system_facts(system, "events", system_event, used);
  const auto got = pair_and_count(out, sys, golds, event_quality);
  for (std::size_t s = 0; s < sys.size(); ++s) {
    if (!got[s] || !golds[*got[s]].required) continue;
    const Fact& g = golds[*got[s]];
    const auto right = [&](const When& d) { return start_right(sys[s].dates[0], d); };
    if (std::any_of(g.dates.begin(), g.dates.end(), right))
      ++report.dates_right;
    else
      report.wrong_dates.push_back(
          fmt::format("{}: system {}", g.label, date_label(sys[s].dates[0])));
  }
  report.categories.push_back(std::move(out));
}

CategoryScore score_relations(const json& system, const std::vector<const json*>& gold,
                              const Codes& used) {
  CategoryScore out = named("relations");
  pair_and_count(out, system_facts(system, "relations", system_relation, used),
                 merge_facts(gold, "relations", gold_relation, same_relation), relation_quality);
  return out;
}

}  // namespace

double CategoryScore::precision() const {
  return true_pos + false_pos == 0 ? 1.0 : double(true_pos) / (true_pos + false_pos);
}

double CategoryScore::recall() const {
  return true_pos + false_neg == 0 ? 1.0 : double(true_pos) / (true_pos + false_neg);
}

double CategoryScore::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

const CategoryScore& ScoreReport::at(std::string_view name) const {
  for (const auto& c : categories)
    if (c.category == name) return c;
  throw Error("score", fmt::format("no category '{}'", name));
}

ScoreReport score(const json& system, const std::vector<json>& gold) {
  Codes exported;
  for (const auto& s : list_of(system, "sources")) exported.insert(file_name(text_of(s, "file")));
  ScoreReport report;
  std::vector<const json*> used_gold;
  Codes used;
  for (const auto& g : gold) {
    const std::string file = source_file(g);
    if (!exported.count(file)) continue;
    used_gold.push_back(&g);
    used.insert(file);
    report.gold_files.push_back(file);
  }
  report.categories.push_back(score_countries(system, used_gold, used));
  report.categories.push_back(
      score_entities("persons", system, merge_entities(used_gold, "persons"), used));
  report.categories.push_back(
      score_entities("organizations", system, merge_entities(used_gold, "organizations"), used));
  score_events(report, system, used_gold, used);
  report.categories.push_back(score_relations(system, used_gold, used));
  return report;
}

std::vector<json> read_gold_dir(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw Error(dir.string(), "not a directory");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  if (files.empty()) throw Error(dir.string(), "no *.json gold files");
  std::sort(files.begin(), files.end());
  std::vector<json> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    if (!in) throw Error(f.string(), "cannot open");
    json j = json::parse(in, nullptr, false);
    if (j.is_discarded()) throw Error(f.string(), "not valid JSON");
    if (source_file(j).empty()) throw Error(f.string(), "not a gold file: no source.file");
    out.push_back(std::move(j));
  }
  return out;
}

std::string format_report(const ScoreReport& report, bool list_details) {
  std::string out = fmt::format("gold files: {} ({})\n", report.gold_files.size(),
                                fmt::join(report.gold_files, ", "));
  out += fmt::format("{:<14}{:>5}{:>5}{:>5}{:>7}{:>7}{:>7}\n", "category", "TP", "FP", "FN", "P",
                     "R", "F1");
  std::string dates;
  for (const auto& c : report.categories) {
    out += fmt::format("{:<14}{:>5}{:>5}{:>5}{:>7.3f}{:>7.3f}{:>7.3f}\n", c.category, c.true_pos,
                       c.false_pos, c.false_neg, c.precision(), c.recall(), c.f1());
    if (c.category == "events")
      dates = fmt::format("event dates right: {} of {} matched required events\n",
                          report.dates_right, c.true_pos);
  }
  out += dates;
  if (!list_details) return out;
  auto section = [&](const char* title, auto lines_of) {
    std::string body;
    for (const auto& c : report.categories)
      for (const auto& line : lines_of(c)) body += fmt::format("  {}: {}\n", c.category, line);
    if (!body.empty()) out += fmt::format("\n{}:\n{}", title, body);
  };
  section("misses (required gold facts not found)",
          [](const CategoryScore& c) { return c.misses; });
  section("false hits", [](const CategoryScore& c) { return c.false_hits; });
  if (!report.wrong_dates.empty()) {
    out += "\nwrong event dates:\n";
    for (const auto& line : report.wrong_dates) out += "  " + line + "\n";
  }
  return out;
}

}  // namespace annals
