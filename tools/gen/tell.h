#pragma once
// Sentences that state one fact, several forms per kind (active and passive,
// date first or last, host or guest as subject), each recording in the Writer
// the gold event, and relation where there is one, that a careful reader takes
// from it.

#include <string>

#include "calendar.h"
#include "facts.h"
#include "writer.h"

namespace annals::gen {

struct Telling {
  Grain grain;                // how exactly the date may be stated
  bool required = true;       // the gold marks the event required
  bool with_persons = true;   // the sentence may name the people involved
};

// One sentence stating `fact`; its gold is recorded in `w`.
std::string tell(Writer& w, const Fact& fact, const Telling& how = {});

// The gold type ("visit", "meeting", ...) of a kind.
std::string type_of(Kind kind);

}  // namespace annals::gen
