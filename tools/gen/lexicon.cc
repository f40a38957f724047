#include "lexicon.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "names.h"

namespace annals::gen {
namespace {

using Words = std::vector<std::string_view>;

const std::vector<Forum>& regional_forums(Region region) {
  static const std::array<std::vector<Forum>, 11> kByRegion = {{
      {{"African Union", "AU", "summit"},
       {"Economic Community of West African States", "ECOWAS", "summit"},
       {"Southern African Development Community", "SADC", "summit"},
       {"East African Community", "EAC", "summit"}},
      {{"Arab League", "", "summit"}, {"Gulf Cooperation Council", "GCC", "summit"},
       {"Organisation of Islamic Cooperation", "OIC", "summit"}},
      {{"Asia-Pacific Economic Cooperation", "APEC", "summit"}, {"East Asia Summit", "EAS", ""}},
      {{"ASEAN", "", "summit"}, {"East Asia Summit", "EAS", ""},
       {"Asia-Pacific Economic Cooperation", "APEC", "summit"}},
      {{"South Asian Association for Regional Cooperation", "SAARC", "summit"},
       {"BIMSTEC", "", "summit"}},
      {{"Shanghai Cooperation Organisation", "SCO", "summit"},
       {"Commonwealth of Independent States", "CIS", "summit"},
       {"Collective Security Treaty Organization", "CSTO", "summit"}},
      {{"European Council", "", "summit"}, {"NATO", "", "summit"},
       {"Organization for Security and Co-operation in Europe", "OSCE", "summit"}},
      {{"European Council", "", "summit"}, {"NATO", "", "summit"},
       {"Council of Europe", "", "summit"}},
      {{"Community of Latin American and Caribbean States", "CELAC", "summit"},
       {"Mercosur", "", "summit"}, {"Organization of American States", "OAS", "General Assembly"}},
      {{"G7", "", "summit"}, {"Organization of American States", "OAS", "General Assembly"},
       {"Community of Latin American and Caribbean States", "CELAC", "summit"}},
      {{"Pacific Islands Forum", "PIF", "leaders' meeting"}},
  }};
  return kByRegion[static_cast<std::size_t>(region)];
}

const std::vector<Forum>& global_forums() {
  static const std::vector<Forum> kGlobal = {
      {"G20", "", "summit"},
      {"BRICS", "", "summit"},
      {"Non-Aligned Movement", "NAM", "summit"}};
  return kGlobal;
}

}  // namespace

const Forum& pick_forum(Region region, Rng& rng) {
  return rng.chance(0.7) ? rng.pick(regional_forums(region)) : rng.pick(global_forums());
}

const Forum& pick_global_forum(Rng& rng) { return rng.pick(global_forums()); }

std::string pick_sector(Rng& rng) {
  static const Words kSectors = {
      "trade", "investment", "energy", "agriculture", "education", "health care", "tourism",
      "infrastructure", "the digital economy", "defence", "security", "culture", "fisheries",
      "mining", "transport", "renewable energy", "science and technology", "climate change",
      "water management", "banking", "logistics", "food security", "labour", "aviation"};
  return std::string(rng.pick(kSectors));
}

std::vector<std::string> pick_sectors(Rng& rng, int count) {
  std::vector<std::string> out;
  while (int(out.size()) < count) {
    std::string s = pick_sector(rng);
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

std::string pick_agreement(Rng& rng, bool& treaty) {
  treaty = false;
  switch (rng.below(9)) {
    case 0: return "a memorandum of understanding on cooperation in " + pick_sector(rng);
    case 1: return "an agreement on visa exemption for holders of diplomatic passports";
    case 2: return "an agreement on the avoidance of double taxation";
    case 3: return "a framework agreement on " + pick_sector(rng) + " cooperation";
    case 4: return "an agreement on the mutual protection of investments";
    case 5: {
      const auto two = pick_sectors(rng, 2);
      return "a memorandum on cooperation in " + two[0] + " and " + two[1];
    }
    case 6: treaty = true; return "a treaty on mutual legal assistance in criminal matters";
    case 7: treaty = true; return "an extradition treaty";
    default: return "a joint action plan on " + pick_sector(rng);
  }
}

std::string pick_exercise_name(Rng& rng, const Nation& a, const Nation& b, int year) {
  static const Words kFirst = {"Golden", "Silver", "Iron", "Blue", "Desert", "Steel", "Ocean",
                               "Mountain", "Jungle", "Coastal", "Northern", "Southern", "Eastern"};
  static const Words kSecond = {"Shield", "Falcon", "Eagle", "Dragon", "Horizon", "Bridge",
                                "Thunder", "Wave", "Sword", "Arrow", "Guardian", "Sentinel"};
  // Plain letters only, so three bytes are three whole characters.
  const auto stem = [](const std::string& name) { return without_diacritics(name).substr(0, 3); };
  if (rng.chance(0.15) && a.name.size() >= 3 && b.name.size() >= 3) {
    std::string blend = stem(a.name) + stem(b.name);
    for (std::size_t i = 1; i < blend.size(); ++i)
      if (blend[i] >= 'A' && blend[i] <= 'Z') blend[i] = static_cast<char>(blend[i] - 'A' + 'a');
    // Appended piece by piece: g++ 12 at -O3 warns falsely (-Wrestrict) on "-" + string.
    blend += '-';
    blend += std::to_string(year);
    return blend;
  }
  std::string name = std::string(rng.pick(kFirst)) + " " + std::string(rng.pick(kSecond));
  if (rng.chance(0.35)) {
    name += '-';
    name += std::to_string(year);
  }
  return name;
}

std::string pick_aid(Rng& rng, const std::string& cameo) {
  static const Words kHumanitarian = {
      "tonnes of rice and cooking oil", "tents, blankets and water purification kits",
      "medical supplies and medicines", "emergency food supplies", "relief supplies",
      "field hospitals and medical teams", "hygiene kits and drinking water"};
  static const Words kEconomic = {"a grant for road construction", "a loan for a new power plant",
                                  "funding for rural schools", "support for irrigation projects",
                                  "a credit line for small businesses"};
  static const Words kMilitary = {"patrol boats", "military vehicles and communications equipment",
                                  "coastal radar systems", "training aircraft", "mine-clearing equipment"};
  if (cameo == "071") return std::string(rng.pick(kEconomic));
  if (cameo == "072") return std::string(rng.pick(kMilitary));
  const int tonnes = rng.between(2, 60) * 10;
  std::string goods(rng.pick(kHumanitarian));
  return goods.starts_with("tonnes") ? std::to_string(tonnes) + " " + goods : goods;
}

std::string pick_disaster(Rng& rng) {
  static const Words kDisasters = {"devastating floods", "a powerful earthquake", "a tropical cyclone",
                                   "a severe drought", "deadly landslides", "widespread wildfires",
                                   "a cholera outbreak", "torrential monsoon rains"};
  return std::string(rng.pick(kDisasters));
}

std::string pick_partnership(Rng& rng) {
  static const Words kLevels = {"strategic partnership", "comprehensive strategic partnership",
                                "comprehensive partnership", "enhanced strategic partnership",
                                "privileged partnership"};
  return std::string(rng.pick(kLevels));
}

std::string pick_treaty(Rng& rng) {
  static const Words kTreaties = {"Treaty of Friendship and Cooperation",
                                  "Treaty on Friendly Relations and Cooperation",
                                  "Treaty of Good-Neighbourliness and Friendly Cooperation",
                                  "Treaty on the Principles of Mutual Relations",
                                  "Treaty on Strategic Partnership"};
  return std::string(rng.pick(kTreaties));
}

std::string pick_visit_kind(Rng& rng) {
  static const Words kKinds = {"state", "official", "working", "official friendship", "state"};
  return std::string(rng.pick(kKinds));
}

std::string count_word(int n) {
  static const Words kWords = {"zero", "one", "two",  "three",  "four",  "five", "six",
                               "seven", "eight", "nine", "ten", "eleven", "twelve"};
  return n >= 0 && n <= 12 ? std::string(kWords[std::size_t(n)]) : std::to_string(n);
}

std::string ordinal(int n) {
  const int tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    if (n % 10 == 1) suffix = "st";
    else if (n % 10 == 2) suffix = "nd";
    else if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

}  // namespace annals::gen
