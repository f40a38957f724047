#pragma once
// The whole knowledge base as one JSON document, for checking and for other tools.

#include "annals/database.h"

#include <string>

namespace annals {

// One JSON object (UTF-8, pretty-printed when `indent` >= 0):
//   {"sources":[{"id","file","version","title","publisher","author","published","precision",
//                "language","sha256","sentences"}],
//    "countries":[{"code","name"}],            countries mentioned in any current source
//    "persons":[{"id","name","aliases":[...],"country","positions":[{"title","organization",
//                "country","start","end"}]}],
//    "organizations":[{"id","name","aliases":[...],"country","kind"}],
//    "events":[{"id","type","cameo","plover","start","end","precision","location",
//               "participants":[{"role","country","person","organization"}],
//               "evidence":[{"source","sentence","start","end","text"}]}],
//    "relations":[{"id","kind","countries":[a,b],"date","precision","evidence":[...]}]}
// Only current versions of sources count. Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD"
// by precision, null when unknown; countries are ISO 3166-1 alpha-3 or 3166-3 alpha-4
// codes; evidence start/end are byte offsets into the source's cleaned body.
std::string export_json(Database& db, int indent = 1);

}  // namespace annals
