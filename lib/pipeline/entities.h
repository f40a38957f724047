#pragma once
// Finds the countries and organisations a Doc's body names.

#include <vector>

#include "pipeline/doc.h"

namespace annals {

class Gazetteer;  // lib/pipeline/gazetteer.h: immutable, shareable across threads
struct TokenizedText;  // lib/pipeline/phrases.h
struct PhraseMatch;
// The gazetteer of the data built into the library, made on first use.
const Gazetteer& default_gazetteer();

// Country mentions in the body, ordered by position: names ("Laos", "Lao PDR",
// "Việt Nam", "USSR"), official names and demonyms/adjectives ("Lao", "Soviet",
// adjective = true). Longest match on word boundaries ("Papua New Guinea" is not
// "Guinea"); each alias's case is kept ("US" in capitals only, "Turkey" capitalised);
// "Lao-Russian" gives two adjectives, "Russia's" the name. Cities ("Hanoi",
// "Mexico City") are not countries. Names inside organisation names are kept.
std::vector<Mention> find_countries(const Doc& doc, const Gazetteer& g);
// The same from `countries`, the gazetteer's country matches in the body.
std::vector<Mention> find_countries(const Doc& doc, const Gazetteer& g,
                                    const std::vector<PhraseMatch>& countries);

struct OrganizationResult {
  std::vector<Organization> organizations;
  std::vector<Mention> mentions;  // kind organization; entity indexes `organizations`
};

// Organisations the body names: the gazetteer's by name or alias ("ASEAN",
// "Communist Party of Vietnam"), and others by form, a capitalised run with an
// organisation head word ("Party", "Ministry", "University", "News Agency", ...):
// "Russian Herzen State Pedagogical University", "Group of Friends for the
// Defence of the UN Charter". A bracketed word after a name becomes its alias
// ("... Party (LPRP)") and bare uses of it elsewhere mention it. A national
// body's country comes from the one country its name holds ("Russian Academy
// of Sciences" -> RUS); "Lao Party" names a country's only known party.
// Mentions are ordered by position, longer first; nested names each get one.
OrganizationResult find_organizations(const Doc& doc, const Gazetteer& g);
// The same over `body`, tokenize(doc.article.body), and `countries`, the
// gazetteer's country matches in it: analyse() folds the body once for all stages.
OrganizationResult find_organizations(const Doc& doc, const Gazetteer& g, const TokenizedText& body,
                                      const std::vector<PhraseMatch>& countries);

}  // namespace annals
