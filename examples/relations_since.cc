// When did two countries establish relations, and what has happened since?
//
//   relations_since annals.db Laos Russia
//
// Milestones of the pair come first. A state that succeeded a dissolved one
// (Russia after the USSR) inherits its relations, so the predecessor's
// milestones count too. Then every event of the pair since the first milestone.

#include <annals/database.h>
#include <annals/error.h>
#include <annals/query.h>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace {

std::string when(const std::optional<annals::FuzzyDate>& d) { return d ? annals::to_iso(*d) : "undated"; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s DATABASE COUNTRY COUNTRY\n", argv[0]);
    return 2;
  }
  try {
    const auto db = annals::Database::open(argv[1], annals::OpenMode::read_only);
    const annals::CountryCode a(db, argv[2]), b(db, argv[3]);
    std::vector<annals::RelationRecord> milestones;
    std::vector<annals::CountryCode> sides = annals::predecessors(db, b);
    sides.insert(sides.begin(), b);
    for (const auto& side : sides)
      for (auto& r : annals::relations(db, a, side)) milestones.push_back(std::move(r));
    std::optional<annals::FuzzyDate> first;
    std::printf("Milestones between %s and %s:\n", a.name().c_str(), b.name().c_str());
    for (const auto& r : milestones) {
      std::printf("  %-10s %-34s %s-%s\n", when(r.date).c_str(), r.kind.c_str(), r.a.code().c_str(),
                  r.b.code().c_str());
      if (r.date && (!first || r.date->day < first->day)) first = r.date;
    }
    if (!first) {
      std::printf("  none known\n");
      return 1;
    }
    std::printf("Relations established: %s\n\nSince then:\n", annals::to_iso(*first).c_str());
    annals::TimelineFilter filter;
    filter.from = first->day;
    filter.limit = 0;  // every event, not the first page
    for (const auto& side : sides)
      for (const auto& e : annals::timeline(db, a, side, filter))
        std::printf("  %-22s %-22s %s\n", (when(e.start) + (e.end ? ".." + annals::to_iso(*e.end) : "")).c_str(),
                    e.type.c_str(), e.location.c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
}
