#pragma once
// The generator's vocabulary: what agreements cover, what exercises are called,
// what aid consists of, where leaders gather. Generic diplomatic English; no
// real event or person is listed.

#include <string>
#include <vector>

#include "facts.h"
#include "random.h"

namespace annals::gen {

// A multilateral body whose gatherings leaders attend; the name and acronym are
// as organizations.tsv lists them, `gathering` what its meeting is called.
struct Forum {
  std::string name, acronym, gathering;  // gathering "" when the name is the meeting
};

// A forum for a nation of `region`: a regional body most of the time, else a global one.
const Forum& pick_forum(Region region, Rng& rng);
// A global forum (G20, BRICS, the UN General Assembly, ...).
const Forum& pick_global_forum(Rng& rng);
// "trade", "renewable energy", ...
std::string pick_sector(Rng& rng);
// `count` different sectors.
std::vector<std::string> pick_sectors(Rng& rng, int count);
// "a memorandum of understanding on cooperation in agriculture"; `treaty` tells
// whether the text is a treaty.
std::string pick_agreement(Rng& rng, bool& treaty);
// "Golden Shield", "Golden Shield-2024", or a blend of the two names ("Kenet").
std::string pick_exercise_name(Rng& rng, const Nation& a, const Nation& b, int year);
// What the aid consisted of, for CAMEO "073" humanitarian, "071" economic, "072" military.
std::string pick_aid(Rng& rng, const std::string& cameo);
// "devastating floods", "a powerful earthquake", ...
std::string pick_disaster(Rng& rng);
// "comprehensive strategic partnership", ...
std::string pick_partnership(Rng& rng);
// "Treaty of Friendship and Cooperation", ...
std::string pick_treaty(Rng& rng);
// "state", "official", "working", "official friendship"
std::string pick_visit_kind(Rng& rng);
// A number in words for small counts ("three"), digits above twelve.
std::string count_word(int n);
// "37th", "2nd"
std::string ordinal(int n);

}  // namespace annals::gen
