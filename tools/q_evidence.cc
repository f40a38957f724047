// annals evidence: where the sources state a fact.

#include "annals/error.h"
#include "query_commands.h"

#include <fmt/format.h>

namespace annals::cli {
namespace {

void print_statement(const EvidenceRecord& r) {
  fmt::print("{}, sentence {} (body bytes {}-{}, raw bytes {}-{})\n", r.file, r.seq, r.body_begin, r.body_end,
             r.raw_begin, r.raw_end);
  if (!r.before.empty()) fmt::print("    {}\n", r.before);
  fmt::print("  > {}[[{}]]{}\n", r.sentence.substr(0, r.sentence_begin),
             r.sentence.substr(r.sentence_begin, r.sentence_end - r.sentence_begin), r.sentence.substr(r.sentence_end));
  if (!r.after.empty()) fmt::print("    {}\n", r.after);
}

}  // namespace

int run_evidence(const Args& args) {
  expect_positional(args, 1, 1, "one fact: annals evidence KIND:ID (e.g. event:12)");
  FactRef fact;
  try {
    fact = parse_fact_ref(args.positional[0]);
  } catch (const Error& e) {
    throw UsageError{e.what()};
  }
  auto db = open_for_query(args);
  const auto found = evidence(db, fact);
  if (args.flag("json")) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : found)
      out.push_back({{"evidence_id", r.evidence_id}, {"source_id", r.source_id}, {"file", r.file},
                     {"sentence_id", r.sentence_id}, {"seq", r.seq}, {"sentence", r.sentence},
                     {"stated", r.stated}, {"body_begin", r.body_begin}, {"body_end", r.body_end},
                     {"raw_begin", r.raw_begin}, {"raw_end", r.raw_end},
                     {"sentence_begin", r.sentence_begin}, {"sentence_end", r.sentence_end},
                     {"before", r.before}, {"after", r.after}});
    print_json(out);
  } else {
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (i) fmt::print("\n");
      print_statement(found[i]);
    }
  }
  return found_or_not(found.size(), args, "no evidence found");
}

}  // namespace annals::cli
