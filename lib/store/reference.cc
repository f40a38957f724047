#include "store/reference.h"

#include "pipeline/gazetteer.h"
#include "text/text.h"

#include <SQLiteCpp/Statement.h>

namespace annals {

void load_reference_data(SQLite::Database& db) {
  const Gazetteer& g = default_gazetteer();
  SQLite::Statement country(db,
      "INSERT INTO countries (code, alpha2, name, official_name, former, withdrawn_date) "
      "VALUES (?,?,?,?,?,?)");
  for (const auto& c : g.countries()) {
    country.reset();
    country.bind(1, c.code);
    if (c.alpha2.empty()) country.bind(2);
    else country.bind(2, c.alpha2);
    country.bind(3, c.name);
    if (c.official_name.empty()) country.bind(4);
    else country.bind(4, c.official_name);
    country.bind(5, c.former ? 1 : 0);
    if (c.withdrawn) country.bind(6, to_iso_day(c.withdrawn->day));
    else country.bind(6);
    country.exec();
  }
  SQLite::Statement successor(db,
      "UPDATE countries SET successor_id = (SELECT country_id FROM countries WHERE code = ?) WHERE code = ?");
  for (const auto& c : g.countries()) {
    if (!c.successor) continue;
    successor.reset();
    successor.bind(1, *c.successor);
    successor.bind(2, c.code);
    successor.exec();
  }
  SQLite::Statement alias(db,
      "INSERT OR IGNORE INTO country_aliases (country_id, alias, folded, kind) "
      "SELECT country_id, ?, ?, ? FROM countries WHERE code = ?");
  for (const auto& a : g.aliases()) {
    alias.reset();
    alias.bind(1, a.alias);
    alias.bind(2, fold(a.alias));
    alias.bind(3, std::string(to_string(a.kind)));
    alias.bind(4, a.code);
    alias.exec();
  }
}

}  // namespace annals
