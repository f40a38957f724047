#pragma once
// Typed events and relation milestones from a Doc whose sentences, mentions,
// persons, organisations and dates are filled.

#include "pipeline/doc.h"
#include "pipeline/tokens.h"

#include <string_view>
#include <vector>

namespace annals {

// Events stated by the sentences: a trigger phrase (event_triggers.tsv) with its
// participants (subject side = actors, object side = counterparts; both sides act
// in joint acts), the date in the same clause (or the publication month for an
// undated event in the lead), location, and evidence. A determiner-led noun ("the
// visit") adds evidence to the event it points back to; statements of the same
// meeting-family event in one article are merged; hopes, plans that were
// postponed and invitations are not events.
std::vector<Event> extract_events(const Doc& doc);

// Bilateral milestones implied by the events (recognition, relations established,
// treaty signed, relations upgraded) between exactly two countries.
std::vector<Relation> extract_relations(const Doc& doc);

// The two countries the article is mostly about (most mentions outside
// organisation names), or fewer when it names fewer.
std::vector<std::string> main_pair(const Doc& doc);

}  // namespace annals
