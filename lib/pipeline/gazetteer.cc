#include "pipeline/gazetteer.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "annals/error.h"
#include "embedded.h"

namespace annals {
namespace {

constexpr std::string_view kAliasesFile = "reference/country_aliases.tsv";
constexpr std::string_view kOrganizationsFile = "reference/organizations.tsv";
constexpr std::string_view kPlacesFile = "reference/places.tsv";
constexpr std::array kAliasKindNames = {
    std::string_view("name"),          std::string_view("short_name"),
    std::string_view("official_name"), std::string_view("former_name"),
    std::string_view("demonym"),       std::string_view("adjective")};
constexpr std::array kOrganizationKinds = {
    std::string_view("international"), std::string_view("party"),
    std::string_view("state_body"),    std::string_view("media"),
    std::string_view("education"),     std::string_view("other")};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t pos; (pos = s.find(sep, start)) != std::string_view::npos; start = pos + 1)
    parts.push_back(s.substr(start, pos - start));
  parts.push_back(s.substr(start));
  return parts;
}

// Data lines of a TSV with their 1-based line numbers; '#' lines and blank ones skipped.
std::vector<std::pair<std::size_t, std::vector<std::string_view>>> tsv_rows(std::string_view tsv) {
  std::vector<std::pair<std::size_t, std::vector<std::string_view>>> rows;
  std::size_t number = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    rows.emplace_back(number, split(line, '\t'));
  }
  return rows;
}

Error tsv_error(std::string_view file, std::size_t line, const std::string& why) {
  return Error(std::string(file), "line " + std::to_string(line) + ": " + why);
}

std::string_view trim_the(std::string_view s) {
  if (s.starts_with("the ") || s.starts_with("The ")) s.remove_prefix(4);
  return s;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  return out;
}

nlohmann::json parse_json(std::string_view text, const char* name) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {
    throw Error(name, e.what());
  }
}

// ISO names to index once the TSV has had its say: (country, kind, name).
struct IsoName {
  std::size_t country = 0;
  AliasKind kind = AliasKind::name;
  std::string name;
};

}  // namespace

std::string_view to_string(AliasKind kind) { return kAliasKindNames[std::size_t(kind)]; }

std::optional<AliasKind> parse_alias_kind(std::string_view text) {
  for (std::size_t i = 0; i < kAliasKindNames.size(); ++i)
    if (kAliasKindNames[i] == text) return AliasKind(i);
  return std::nullopt;
}

Gazetteer::Gazetteer(std::string_view iso3166_1_json, std::string_view iso3166_3_json,
                     std::string_view country_aliases_tsv, std::string_view organizations_tsv,
                     std::string_view places_tsv) {
  std::vector<IsoName> iso_names;
  // Named, not temporaries: a range-for does not keep parse_json's result alive.
  const nlohmann::json iso1 = parse_json(iso3166_1_json, "iso_3166-1.json");
  const nlohmann::json iso3 = parse_json(iso3166_3_json, "iso_3166-3.json");
  for (const auto& c : iso1.at("3166-1")) {
    Country country;
    country.code = c.at("alpha_3").get<std::string>();
    country.alpha2 = c.value("alpha_2", "");
    const std::string iso_name = c.at("name").get<std::string>();
    const std::string common = c.value("common_name", "");
    country.name = common.empty() ? iso_name : common;
    country.official_name = trim_the(c.value("official_name", ""));
    const std::size_t index = add_country(country);
    // Inverted names ("Korea, Republic of") and glossed ones are not how texts write them.
    if (iso_name.find_first_of(",(") == std::string::npos)
      iso_names.push_back({index, AliasKind::name, iso_name});
    if (!country.official_name.empty() && country.official_name.find(',') == std::string::npos)
      iso_names.push_back({index, AliasKind::official_name, country.official_name});
    if (!common.empty()) iso_names.push_back({index, AliasKind::short_name, common});
  }
  for (const auto& c : iso3.at("3166-3")) {
    Country country;
    country.code = c.at("alpha_4").get<std::string>();
    country.alpha2 = c.value("alpha_2", "");
    country.official_name = c.at("name").get<std::string>();
    country.name = country.official_name.substr(0, country.official_name.find(','));
    country.former = true;
    country.withdrawn = parse_iso(c.value("withdrawal_date", ""));
    add_country(country);
  }
  load_country_aliases(country_aliases_tsv);
  for (const auto& n : iso_names) add_alias(n.country, n.kind, n.name, false);
  load_organizations(organizations_tsv);
  load_places(places_tsv);
}

Gazetteer Gazetteer::from_embedded() {
  return Gazetteer(embedded("iso-codes/iso_3166-1.json"), embedded("iso-codes/iso_3166-3.json"),
                   embedded(kAliasesFile), embedded(kOrganizationsFile), embedded(kPlacesFile));
}

std::size_t Gazetteer::add_country(Country country) {
  const std::size_t index = countries_.size();
  by_code_.emplace(country.code, index);
  countries_.push_back(std::move(country));
  return index;
}

void Gazetteer::add_alias(std::size_t country, AliasKind kind, std::string_view alias,
                          bool name_like) {
  if (!alias_keys_.emplace(country, fold(alias)).second) return;
  aliases_.push_back({countries_[country].code, kind, std::string(alias)});
  PhraseEntry entry;
  entry.target = country;
  entry.kind = std::uint8_t(kind);
  entry.name_like = name_like;
  country_phrases_.add(alias, std::move(entry));
}

void Gazetteer::load_country_aliases(std::string_view tsv) {
  std::set<std::size_t> named;  // countries whose display name the TSV set
  for (const auto& [line, f] : tsv_rows(tsv)) {
    if (f.size() < 3 || f.size() > 4 || f[2].empty())
      throw tsv_error(kAliasesFile, line, "want code<TAB>kind<TAB>alias[<TAB>flags]");
    const bool name_like = f.size() == 4 && f[3] == "name_like";
    const bool dissolved = f.size() == 4 && f[3] == "dissolved";
    if (f.size() == 4 && !f[3].empty() && !name_like && !dissolved)
      throw tsv_error(kAliasesFile, line, "unknown flag \"" + std::string(f[3]) + "\"");
    if (f[1] == "not_country") {
      PhraseEntry entry;
      entry.blocked = true;
      country_phrases_.add(f[2], std::move(entry));
      continue;
    }
    const auto it = by_code_.find(std::string(f[0]));
    if (it == by_code_.end())
      throw tsv_error(kAliasesFile, line, "unknown country code \"" + std::string(f[0]) + "\"");
    Country& country = countries_[it->second];
    if (f[1] == "successor") {
      if (!by_code_.contains(std::string(f[2])))
        throw tsv_error(kAliasesFile, line, "unknown successor \"" + std::string(f[2]) + "\"");
      country.successor = std::string(f[2]);
      country.dissolved = dissolved;
      if (dissolved) dissolved_.push_back(it->second);
      continue;
    }
    if (f[1] == "ended") {
      const auto day = parse_iso(f[2]);
      if (!country.former || !day || day->precision != Precision::day)
        throw tsv_error(kAliasesFile, line, "want a former state and a day (YYYY-MM-DD) for \"ended\"");
      country.ended = day->day;
      continue;
    }
    const auto kind = parse_alias_kind(f[1]);
    if (!kind) throw tsv_error(kAliasesFile, line, "unknown kind \"" + std::string(f[1]) + "\"");
    if (*kind == AliasKind::name && named.insert(it->second).second) country.name = f[2];
    if (*kind == AliasKind::official_name && country.former) country.official_name = f[2];
    add_alias(it->second, *kind, f[2], name_like);
  }
}

void Gazetteer::load_organizations(std::string_view tsv) {
  for (const auto& [line, f] : tsv_rows(tsv)) {
    if (f.size() != 4 || f[0].empty())
      throw tsv_error(kOrganizationsFile, line, "want name<TAB>aliases<TAB>kind<TAB>country");
    Organization org;
    org.name = f[0];
    for (std::string_view alias : split(f[1], ';'))
      if (!alias.empty()) org.aliases.emplace_back(alias);
    if (std::find(kOrganizationKinds.begin(), kOrganizationKinds.end(), f[2]) ==
        kOrganizationKinds.end())
      throw tsv_error(kOrganizationsFile, line, "unknown kind \"" + std::string(f[2]) + "\"");
    org.kind = f[2];
    if (!f[3].empty()) {
      if (!by_code_.contains(std::string(f[3])))
        throw tsv_error(kOrganizationsFile, line, "unknown country \"" + std::string(f[3]) + "\"");
      org.country = std::string(f[3]);
    }
    PhraseEntry entry;
    entry.target = organizations_.size();
    organization_phrases_.add(org.name, entry);
    for (const auto& alias : org.aliases) organization_phrases_.add(alias, entry);
    organizations_.push_back(std::move(org));
  }
}

void Gazetteer::load_places(std::string_view tsv) {
  for (const auto& [line, f] : tsv_rows(tsv)) {
    if (f.size() < 3 || f.size() > 4 || f[0].empty())
      throw tsv_error(kPlacesFile, line, "want name<TAB>country<TAB>kind[<TAB>aliases]");
    const Country* c = country(f[1]);
    if (!c || c->former)
      throw tsv_error(kPlacesFile, line, "unknown country \"" + std::string(f[1]) + "\"");
    if (f[2] != "capital" && f[2] != "city")
      throw tsv_error(kPlacesFile, line, "unknown kind \"" + std::string(f[2]) + "\"");
    Place place{std::string(f[0]), c->code, f[2] == "capital", {}};
    if (f.size() == 4)
      for (std::string_view alias : split(f[3], ';'))
        if (!alias.empty()) place.aliases.emplace_back(alias);
    PhraseEntry entry;
    entry.target = places_.size();
    place_phrases_.add(place.name, entry);
    for (const auto& alias : place.aliases) place_phrases_.add(alias, entry);
    hide_countries_in(place.name);
    for (const auto& alias : place.aliases) hide_countries_in(alias);
    places_.push_back(std::move(place));
  }
}

// "Mexico City", "Port of Spain": a city whose name holds a country's becomes a
// not_country phrase, so the country matcher skips it as it skips "Latin America".
void Gazetteer::hide_countries_in(std::string_view place) {
  const TokenizedText t = tokenize(place);
  const auto found = country_phrases_.match(t);
  if (found.empty() || (found.size() == 1 && found[0].last - found[0].first == t.tokens.size()))
    return;
  PhraseEntry entry;
  entry.blocked = true;
  country_phrases_.add(place, std::move(entry));
}

const Country* Gazetteer::country(std::string_view code) const {
  const auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &countries_[it->second];
}

std::optional<std::string> Gazetteer::country_named(std::string_view alias) const {
  for (const PhraseEntry* e : country_phrases_.lookup(alias))
    if (!e->blocked) return countries_[e->target].code;
  return std::nullopt;
}

std::optional<std::string> Gazetteer::country_code(std::string_view any_alias) const {
  if (auto named = country_named(any_alias)) return named;
  const std::string code = upper(any_alias);
  if (code.size() == 3 || code.size() == 4)
    if (const Country* c = country(code)) return c->code;
  if (code.size() == 2)
    for (const auto& c : countries_)
      if (!c.former && c.alpha2 == code) return c.code;
  return std::nullopt;
}

std::optional<std::string> Gazetteer::country_name(std::string_view code) const {
  const Country* c = country(code);
  if (!c) return std::nullopt;
  return c->name;
}

std::string Gazetteer::state_on(const std::string& code, date::year_month_day last_day) const {
  // Without a day of its end in the TSV, ISO's withdrawal of the code stands in.
  const auto end_of = [](const Country& c) -> std::optional<date::year_month_day> {
    if (c.ended) return c.ended;
    if (c.withdrawn) return c.withdrawn->day;
    return std::nullopt;
  };
  const Country* best = nullptr;
  date::year_month_day best_end{};
  for (std::size_t i : dissolved_) {
    const Country& c = countries_[i];
    const auto end = end_of(c);
    if (c.successor != code || !end || !(last_day < *end)) continue;
    if (!best || *end < best_end) best = &c, best_end = *end;
  }
  return best ? best->code : code;
}

std::optional<std::size_t> Gazetteer::organization_index(std::string_view name) const {
  const auto found = organization_phrases_.lookup(name);
  if (found.empty()) return std::nullopt;
  return found.front()->target;
}

std::optional<std::size_t> Gazetteer::place_index(std::string_view name) const {
  const auto found = place_phrases_.lookup(name);
  if (found.empty()) return std::nullopt;
  return found.front()->target;
}

const Place* Gazetteer::capital_of(std::string_view code) const {
  for (const auto& p : places_)
    if (p.capital && p.country == code) return &p;
  return nullptr;
}

const Gazetteer& default_gazetteer() {
  static const Gazetteer gazetteer = Gazetteer::from_embedded();
  return gazetteer;
}

}  // namespace annals
