#include "annals/error.h"
#include "annals/query.h"
#include "query/cache.h"
#include "store/connection.h"
#include "text/text.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cctype>

namespace annals {
namespace {

bool looks_like_code(std::string_view text) {
  return (text.size() == 3 || text.size() == 4) &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c); });
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

CountryCode::CountryCode(const Database& database, std::string_view text) {
  auto& cache = query::read_cache(database);
  // Codes from the connection's map of the countries.
  if (looks_like_code(text))
    if (const auto id = cache.country_id(upper(text))) {
      *this = *cache.country(*id);
      return;
    }
  // Names beat demonyms: "Niger" is a country before it is anyone's adjective.
  auto st = cache.statement(
      "SELECT c.code, c.name, min(a.kind IN ('demonym', 'adjective')) AS weak "
      "FROM country_aliases a JOIN countries c ON c.country_id = a.country_id "
      "WHERE a.folded = ? GROUP BY c.country_id ORDER BY weak, c.code");
  st->bind(1, fold(text));
  std::vector<std::pair<std::string, std::string>> strong, weak;
  while (st->executeStep())
    (st->getColumn(2).getInt() ? weak : strong).emplace_back(st->getColumn(0).getString(), st->getColumn(1).getString());
  const auto& found = strong.empty() ? weak : strong;
  if (found.empty()) throw Error(std::string(text), "unknown country code");
  if (found.size() > 1) {
    std::string codes;
    for (const auto& f : found) codes += (codes.empty() ? "" : ", ") + f.first;
    throw Error(std::string(text), "ambiguous country name (" + codes + ")");
  }
  code_ = found.front().first;
  name_ = found.front().second;
}

}  // namespace annals

namespace annals {

std::vector<CountryCode> predecessors(const Database& database, const CountryCode& country) {
  SQLite::Statement st(connection(database),
      "SELECT f.code, f.name FROM countries f JOIN countries s ON s.country_id = f.successor_id "
      "WHERE s.code = ? AND f.former = 1 ORDER BY f.withdrawn_date, f.code");
  st.bind(1, country.code());
  std::vector<CountryCode> out;
  while (st.executeStep())
    out.push_back(detail::stored_country(st.getColumn(0).getString(), st.getColumn(1).getString()));
  return out;
}

}  // namespace annals
