// annals search: full-text search over the sentences of the sources.

#include "query_commands.h"

namespace annals::cli {

int run_search(const Args& args) {
  expect_positional(args, 1, static_cast<std::size_t>(-1), "words to search for: annals search QUERY");
  std::string query;
  for (const auto& word : args.positional) query += (query.empty() ? "" : " ") + word;
  const std::size_t limit = count_option(args, "limit", 20);
  auto db = open_for_query(args);
  const auto found = search(db, query, limit);
  if (args.flag("json")) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& h : found)
      out.push_back({{"sentence_id", h.sentence_id}, {"source_id", h.source_id}, {"file", h.file},
                     {"seq", h.seq}, {"text", h.text}, {"highlighted", h.highlighted},
                     {"snippet", h.snippet}, {"score", h.score}});
    print_json(out);
  } else if (!found.empty()) {
    Table t({"file", "sentence", "id", "snippet"});
    for (const auto& h : found) t.add({h.file, std::to_string(h.seq), std::to_string(h.sentence_id), h.snippet});
    t.print();
  }
  return found_or_not(found.size(), args, "no sentence found");
}

}  // namespace annals::cli
