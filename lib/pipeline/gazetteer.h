#pragma once
// Reference data on countries, organisations and cities (ISO 3166 from Debian's
// iso-codes plus schema/reference/*.tsv) and the phrase matcher built from it.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "annals/types.h"
#include "pipeline/doc.h"
#include "pipeline/phrases.h"

namespace annals {

// A state of ISO 3166-1, or a former one of ISO 3166-3.
struct Country {
  std::string code;  // alpha-3, or alpha-4 for a former state ("SUHH")
  std::string alpha2;
  std::string name;           // usual English name ("Laos", "Soviet Union")
  std::string official_name;  // empty when ISO and the TSV give none
  bool former = false;
  std::optional<FuzzyDate> withdrawn;    // former states: when ISO withdrew the code
  std::optional<std::string> successor;  // former states: code of the state that followed
  // The state broke up (USSR, Yugoslavia): before it ended, its successor in a
  // dated fact means this state. Renamed states (Burma) are not dissolved.
  bool dissolved = false;
  // Former states: the day it ceased to exist, when country_aliases.tsv gives it
  // (ISO's withdrawal came months or years later: USSR 1991-12-26, ISO 1992-08-30).
  std::optional<date::year_month_day> ended;
};

enum class AliasKind { name, short_name, official_name, former_name, demonym, adjective };

// "name", "short_name", ... as in the TSV and the country_aliases table.
std::string_view to_string(AliasKind kind);
// The kind spelled `text`, or nullopt.
std::optional<AliasKind> parse_alias_kind(std::string_view text);

struct CountryAlias {
  std::string code;
  AliasKind kind = AliasKind::name;
  std::string alias;
};

// A city of places.tsv: a capital or another well-known city.
struct Place {
  std::string name;     // the usual English form ("Kyiv", "Hanoi")
  std::string country;  // ISO alpha-3 code of the country it lies in
  bool capital = false;
  std::vector<std::string> aliases;  // other spellings ("Kiev", "Hà Nội")
};

class Gazetteer {
 public:
  // Builds from the contents of iso_3166-1.json, iso_3166-3.json,
  // country_aliases.tsv, organizations.tsv and places.tsv; throws Error on
  // malformed data. A place name holding a country name ("Mexico City") hides
  // that country there.
  Gazetteer(std::string_view iso3166_1_json, std::string_view iso3166_3_json,
            std::string_view country_aliases_tsv, std::string_view organizations_tsv,
            std::string_view places_tsv = {});
  // Built from the data embedded in the library.
  static Gazetteer from_embedded();

  // Every country, current ones first (in ISO order), then former states.
  const std::vector<Country>& countries() const { return countries_; }
  // The country with code `code` (alpha-3 or alpha-4), or nullptr.
  const Country* country(std::string_view code) const;
  // The code of the country `any_alias` names (any alias, any case; or an
  // alpha-3/alpha-4/alpha-2 code); nullopt when none.
  std::optional<std::string> country_code(std::string_view any_alias) const;
  // The country one of whose names or demonyms is `alias` (any case; not a
  // code), or nullopt: "Georgia", "Israel", "Lao".
  std::optional<std::string> country_named(std::string_view alias) const;
  // The display name of `code`; nullopt for an unknown code.
  std::optional<std::string> country_name(std::string_view code) const;
  // The state that `code` stood for in a fact whose period ends on `last_day`:
  // the dissolved former state that `code` succeeded and that still existed that
  // day ("Russia" in 1960 is the Soviet Union, SUHH); of several (Yugoslavia, then
  // Serbia and Montenegro) the one that ended first; else `code` itself.
  std::string state_on(const std::string& code, date::year_month_day last_day) const;
  // Every alias of every country (ISO names and TSV rows), one per code and folded form.
  const std::vector<CountryAlias>& aliases() const { return aliases_; }

  // The known organisations of organizations.tsv.
  const std::vector<Organization>& organizations() const { return organizations_; }
  // Index into organizations() of the one `name` names (name or alias), or nullopt.
  std::optional<std::size_t> organization_index(std::string_view name) const;

  // The cities of places.tsv, in file order.
  const std::vector<Place>& places() const { return places_; }
  // Index into places() of the city `name` names (name or alias, any case), or nullopt.
  std::optional<std::size_t> place_index(std::string_view name) const;
  // The first listed capital of the country `code`, or nullptr.
  const Place* capital_of(std::string_view code) const;

  // Country phrases in `text`; entry->target indexes countries().
  std::vector<PhraseMatch> match_countries(const TokenizedText& text) const {
    return country_phrases_.match(text);
  }
  // Known organisation phrases in `text`; entry->target indexes organizations().
  std::vector<PhraseMatch> match_organizations(const TokenizedText& text) const {
    return organization_phrases_.match(text);
  }
  // City phrases in `text`, case checked, neighbours not; entry->target indexes places().
  std::vector<PhraseMatch> match_places(const TokenizedText& text) const {
    return place_phrases_.match(text);
  }

 private:
  std::vector<std::size_t> dissolved_;  // indexes of former states that broke up
  std::vector<Country> countries_;
  std::unordered_map<std::string, std::size_t> by_code_;
  std::vector<CountryAlias> aliases_;
  std::vector<Organization> organizations_;
  PhraseTable country_phrases_;
  PhraseTable organization_phrases_;
  std::vector<Place> places_;
  PhraseTable place_phrases_;

  std::size_t add_country(Country country);
  void load_country_aliases(std::string_view tsv);
  void load_organizations(std::string_view tsv);
  void load_places(std::string_view tsv);
  void hide_countries_in(std::string_view place);
  void add_alias(std::size_t country, AliasKind kind, std::string_view alias, bool name_like);
  std::set<std::pair<std::size_t, std::string>> alias_keys_;  // (country, folded) seen
};

// The gazetteer of the embedded data, built on first use; safe to share across threads.
const Gazetteer& default_gazetteer();

}  // namespace annals
