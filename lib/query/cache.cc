#include "query/cache.h"

#include "store/connection.h"

#include <SQLiteCpp/Statement.h>

namespace annals {

namespace query {

void ReadCache::load_countries() {
  if (countries_loaded_) return;
  SQLite::Statement st(db_, "SELECT country_id, code, name FROM countries");
  while (st.executeStep()) {
    const std::int64_t id = st.getColumn(0).getInt64();
    std::string code = st.getColumn(1).getString();
    country_ids_.emplace(code, id);
    countries_.emplace(id, detail::stored_country(std::move(code), st.getColumn(2).getString()));
  }
  countries_loaded_ = true;
}

std::optional<std::int64_t> ReadCache::country_id(const std::string& code) {
  load_countries();
  const auto found = country_ids_.find(code);
  if (found == country_ids_.end()) return std::nullopt;
  return found->second;
}

std::optional<CountryCode> ReadCache::country(std::int64_t id) {
  load_countries();
  const auto found = countries_.find(id);
  if (found == countries_.end()) return std::nullopt;
  return found->second;
}

void ReadCache::prepare_rank() {
  if (!rank_registered_) register_rank(db_, doc_counts_);
  rank_registered_ = true;
  refresh(db_, doc_counts_);
}

Highlighter& ReadCache::highlighter() {
  if (!highlighter_) highlighter_ = std::make_unique<Highlighter>(db_);
  return *highlighter_;
}

ReadCache& read_cache(const Database& database) {
  auto& impl = const_cast<Database&>(database).impl();
  if (!impl.reads) impl.reads = std::make_unique<ReadCache>(impl.db);
  return *impl.reads;
}

}  // namespace query
}  // namespace annals
