#pragma once
// Finds the cities a Doc's body names, from schema/reference/places.tsv.

#include <vector>

#include "pipeline/doc.h"

namespace annals {

class Gazetteer;  // lib/pipeline/gazetteer.h
struct TokenizedText;  // lib/pipeline/phrases.h

// The cities the body names, ordered by position, each with its country and
// whether it is a capital: "Hanoi", "Hà Nội", "Kyiv"/"Kiev", "Mexico City",
// "TOKYO —" in a date line. A capitalised name matches only capitalised ("Lima",
// not "lima"). A match is dropped when it overlaps a country, organisation or
// person mention of `doc.mentions` ("Moscow State University") or when a
// capitalised word stands right before or after it, as part of a longer name
// ("Washington Post", "Denzel Washington"); a preposition or conjunction before
// it does not count ("Talks In Hanoi"). Empty when the body names no city.
std::vector<PlaceMention> find_places(const Doc& doc, const Gazetteer& g);
// The same over `body`, tokenize(doc.article.body), made once by analyse().
std::vector<PlaceMention> find_places(const Doc& doc, const Gazetteer& g, const TokenizedText& body);

}  // namespace annals
