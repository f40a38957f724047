#include "world.h"

#include <algorithm>
#include <sstream>

#include "annals/error.h"
#include "lexicon.h"
#include "pipeline/gazetteer.h"
#include "text/text.h"

namespace annals::gen {
namespace {

using namespace date;

// Reference tables. Codes are ISO 3166-1 alpha-3; a code absent from a table
// takes the default (region "anglo_caribbean" is the fallback for territories).
struct RegionRow {
  Region region;
  std::string_view codes;
};
constexpr RegionRow kRegions[] = {
    {Region::africa,
     "AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COD COG CIV DJI GNQ ERI SWZ ETH GAB GMB GHA GIN GNB "
     "KEN LSO LBR MDG MWI MLI MRT MUS MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN TZA TGO "
     "UGA ZMB ZWE ESH MYT REU SHN"},
    {Region::arab, "DZA BHR EGY IRQ JOR KWT LBN LBY MAR OMN PSE QAT SAU SYR TUN ARE YEM IRN"},
    {Region::east_asia, "CHN JPN KOR PRK MNG TWN HKG MAC"},
    {Region::southeast_asia, "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM"},
    {Region::south_asia, "AFG BGD BTN IND MDV NPL PAK LKA"},
    {Region::central_asia, "KAZ KGZ TJK TKM UZB AZE ARM GEO"},
    {Region::eastern_europe,
     "RUS UKR BLR POL CZE SVK SVN HRV SRB BIH MNE MKD BGR ROU MDA HUN EST LVA LTU ALB"},
    {Region::western_europe,
     "GBR IRL FRA DEU NLD BEL LUX CHE AUT ITA ESP PRT GRC CYP MLT DNK SWE NOR FIN ISL AND MCO SMR "
     "LIE ISR TUR GIB FRO GRL IMN JEY GGY ALA"},
    {Region::latin_america,
     "MEX GTM BLZ HND SLV NIC CRI PAN CUB DOM HTI PRI COL VEN ECU PER BOL BRA PRY URY ARG CHL GUY "
     "SUR GUF"},
    {Region::oceania,
     "AUS NZL FJI PNG SLB VUT WSM TON KIR TUV NRU PLW FSM MHL COK NIU NCL PYF WLF GUM ASM MNP TKL"},
};

// Places no story is set in: uninhabited or without a government of their own.
constexpr std::string_view kExcluded = "ATA BVT HMD SGS UMI ATF IOT CXR CCK NFK PCN SJM VAT BES";
// Dependent territories: they appear, rarely.
constexpr std::string_view kTerritories =
    "AIA ABW ASM BMU CYM COK CUW FLK FRO GUF PYF GIB GRL GLP GUM GGY HKG IMN JEY MAC MTQ MYT MSR "
    "NCL NIU MNP PRI REU BLM SHN MAF SPM SXM TKL TCA VGB VIR WLF ESH ALA";

constexpr std::string_view kWeights =
    "USA:10 CHN:10 RUS:8 IND:8 JPN:6 DEU:6 GBR:6 FRA:6 BRA:5 IDN:5 TUR:4 SAU:4 KOR:4 ITA:4 CAN:4 "
    "AUS:4 MEX:4 IRN:4 PAK:4 NGA:4 EGY:4 ZAF:4 ESP:3 VNM:3 THA:3 PHL:3 MYS:3 ARG:3 UKR:3 POL:3 "
    "ETH:3 KEN:3 BGD:3 ISR:3 ARE:3 QAT:2 KAZ:2 SGP:2 NLD:2 SWE:2 CHE:2 DZA:2 MAR:2 COL:2 CHL:2 "
    "PER:2 UZB:2 IRQ:2 AGO:2 TZA:2 COD:2 GHA:2 BLR:2 KHM:2 LAO:2 MMR:2 NZL:2 GRC:2 PRT:2 CUB:2 "
    "VEN:2 HUN:2 ROU:2 AZE:2 SRB:2 LKA:2 NPL:2 MNG:2 PRK:2";

constexpr std::string_view kCapitals =
    "KEN:Nairobi ETH:Addis Ababa NGA:Abuja GHA:Accra SEN:Dakar MLI:Bamako NER:Niamey "
    "BFA:Ouagadougou TGO:Lomé BEN:Porto-Novo LBR:Monrovia SLE:Freetown GIN:Conakry GMB:Banjul "
    "CMR:Yaoundé TCD:N'Djamena CAF:Bangui GAB:Libreville GNQ:Malabo COG:Brazzaville COD:Kinshasa "
    "AGO:Luanda ZMB:Lusaka ZWE:Harare MWI:Lilongwe MOZ:Maputo BWA:Gaborone NAM:Windhoek "
    "ZAF:Pretoria LSO:Maseru MDG:Antananarivo MUS:Port Louis UGA:Kampala RWA:Kigali BDI:Gitega "
    "TZA:Dodoma ERI:Asmara SOM:Mogadishu SDN:Khartoum SSD:Juba EGY:Cairo LBY:Tripoli TUN:Tunis "
    "DZA:Algiers MAR:Rabat MRT:Nouakchott SAU:Riyadh ARE:Abu Dhabi QAT:Doha BHR:Manama OMN:Muscat "
    "YEM:Sanaa JOR:Amman LBN:Beirut SYR:Damascus IRQ:Baghdad IRN:Tehran TUR:Ankara CYP:Nicosia "
    "CHN:Beijing JPN:Tokyo KOR:Seoul PRK:Pyongyang MNG:Ulaanbaatar TWN:Taipei VNM:Hanoi "
    "LAO:Vientiane KHM:Phnom Penh THA:Bangkok MMR:Naypyidaw IDN:Jakarta PHL:Manila "
    "MYS:Kuala Lumpur BRN:Bandar Seri Begawan TLS:Dili IND:New Delhi PAK:Islamabad BGD:Dhaka "
    "NPL:Kathmandu BTN:Thimphu LKA:Colombo MDV:Malé AFG:Kabul KAZ:Astana UZB:Tashkent "
    "KGZ:Bishkek TJK:Dushanbe TKM:Ashgabat AZE:Baku ARM:Yerevan GEO:Tbilisi RUS:Moscow UKR:Kyiv "
    "BLR:Minsk POL:Warsaw CZE:Prague SVK:Bratislava HUN:Budapest ROU:Bucharest BGR:Sofia "
    "SRB:Belgrade HRV:Zagreb SVN:Ljubljana BIH:Sarajevo MNE:Podgorica MKD:Skopje ALB:Tirana "
    "MDA:Chisinau LTU:Vilnius LVA:Riga EST:Tallinn GBR:London IRL:Dublin FRA:Paris DEU:Berlin "
    "NLD:Amsterdam BEL:Brussels CHE:Bern AUT:Vienna ITA:Rome ESP:Madrid PRT:Lisbon GRC:Athens "
    "MLT:Valletta DNK:Copenhagen SWE:Stockholm NOR:Oslo FIN:Helsinki ISL:Reykjavik "
    "USA:Washington CAN:Ottawa BRA:Brasília ARG:Buenos Aires CHL:Santiago PER:Lima COL:Bogotá "
    "VEN:Caracas ECU:Quito BOL:La Paz PRY:Asunción URY:Montevideo CUB:Havana DOM:Santo Domingo "
    "HTI:Port-au-Prince JAM:Kingston HND:Tegucigalpa NIC:Managua CRI:San José SLV:San Salvador "
    "AUS:Canberra NZL:Wellington FJI:Suva PNG:Port Moresby SLB:Honiara VUT:Port Vila WSM:Apia";

// Forms of government that differ from "President and Prime Minister".
constexpr std::string_view kKingAndPrimeMinister =
    "GBR ESP SWE NOR DNK NLD BEL THA MAR JOR KHM MYS LSO BTN TON AUS CAN NZL JAM PNG SLB TUV BHS "
    "BLZ GRD LCA VCT ATG KNA SWZ";
constexpr std::string_view kPresidentGoverns =
    "USA MEX BRA ARG CHL COL PER ECU VEN BOL PRY URY GTM HND SLV NIC CRI PAN DOM IDN PHL KEN NGA "
    "GHA ZAF ZMB ZWE AGO MWI LBR SLE GMB CYP AFG TKM SUR GUY PLW FSM SYC KIR BWA MDV SSD";

bool listed(std::string_view list, std::string_view code) {
  for (std::size_t pos = 0; pos + 3 <= list.size(); pos += 4)
    if (list.substr(pos, 3) == code) return true;
  return false;
}

// "KEN:Nairobi ETH:Addis Ababa": the value after `code:` up to the next "XYZ:".
std::string lookup(std::string_view table, std::string_view code) {
  const std::string key = std::string(code) + ":";
  std::size_t at = 0;
  while ((at = table.find(key, at)) != std::string_view::npos) {
    if (at == 0 || table[at - 1] == ' ') break;
    ++at;
  }
  if (at == std::string_view::npos) return "";
  const std::size_t from = at + key.size();
  std::size_t to = from;
  while (to < table.size()) {
    const std::size_t space = table.find(' ', to);
    if (space == std::string_view::npos) return std::string(table.substr(from));
    // A following "XYZ:" entry ends the value; a space inside a name does not.
    if (space + 4 < table.size() && table[space + 4] == ':' &&
        std::all_of(table.begin() + space + 1, table.begin() + space + 4,
                    [](char c) { return c >= 'A' && c <= 'Z'; }))
      return std::string(table.substr(from, space - from));
    to = space + 1;
  }
  return std::string(table.substr(from));
}

Region region_of(std::string_view code) {
  for (const auto& row : kRegions)
    if (listed(row.codes, code)) return row.region;
  return Region::anglo_caribbean;
}

NameStyle style_of(std::string_view code, Region region) {
  if (code == "JPN") return NameStyle::japanese;
  if (code == "KOR" || code == "PRK") return NameStyle::korean;
  if (code == "VNM") return NameStyle::vietnamese;
  if (code == "MNG") return NameStyle::turkic;
  if (code == "TUR" || code == "AZE") return NameStyle::turkic;
  if (code == "ISR") return NameStyle::western;
  switch (region) {
    case Region::africa: return NameStyle::african;
    case Region::arab: return NameStyle::arab;
    case Region::east_asia: return NameStyle::chinese;
    case Region::southeast_asia: return NameStyle::southeast_asian;
    case Region::south_asia: return NameStyle::south_asian;
    case Region::central_asia: return NameStyle::turkic;
    case Region::eastern_europe: return NameStyle::slavic;
    case Region::western_europe: return NameStyle::western;
    case Region::latin_america: return NameStyle::latin;
    case Region::oceania: return code == "AUS" || code == "NZL" ? NameStyle::western : NameStyle::pacific;
    default: return NameStyle::western;
  }
}

// The ruling party of a party state, as organizations.tsv names it.
std::string party_of(std::string_view code) {
  if (code == "CHN") return "Communist Party of China";
  if (code == "VNM") return "Communist Party of Vietnam";
  if (code == "LAO") return "Lao People's Revolutionary Party";
  if (code == "CUB") return "Communist Party of Cuba";
  if (code == "PRK") return "Workers' Party of Korea";
  return "";
}

Rule rule_of(std::string_view code, std::uint64_t salt) {
  Rule r;
  r.head_of_government = "Prime Minister";
  if (listed(kKingAndPrimeMinister, code)) {
    r.head_of_state = code == "JPN" ? "Emperor" : "King";
    r.elected_head = false;
  } else if (listed(kPresidentGoverns, code)) {
    r.head_of_government = "";
  }
  if (code == "JPN") r.elected_head = false, r.head_of_state = "Emperor";
  if (code == "QAT" || code == "KWT") r.head_of_state = "Emir", r.elected_head = false;
  if (code == "OMN" || code == "BRN")
    r.head_of_state = "Sultan", r.elected_head = false, r.head_of_government = "";
  if (code == "SAU" || code == "BHR")
    r.head_of_state = "King", r.elected_head = false, r.head_of_government = "Crown Prince";
  if (code == "LUX") r.head_of_state = "Grand Duke", r.elected_head = false;
  if (code == "MCO" || code == "LIE") r.head_of_state = "Prince", r.elected_head = false;
  if (code == "DEU" || code == "AUT") r.head_of_government = "Chancellor";
  if (code == "CHN" || code == "PRK") r.head_of_government = "Premier";
  if (code == "IRL") r.head_of_government = "Taoiseach";
  r.party = party_of(code);
  if (code == "USA") r.foreign_minister = "Secretary of State", r.defence_minister = "Defense Secretary";
  else if (code == "GBR") r.foreign_minister = "Foreign Secretary", r.defence_minister = "Defence Secretary";
  else if (code == "IND") r.foreign_minister = "External Affairs Minister";
  else {
    if (salt % 3 == 0) r.foreign_minister = "Minister of Foreign Affairs";
    if (salt % 5 == 0) r.defence_minister = "Minister of National Defence";
  }
  return r;
}

// Names that end in a plural or a common noun take "the".
bool takes_the(std::string_view name) {
  static const std::vector<std::string_view> kThe = {
      "Bahamas", "Gambia", "Philippines", "Netherlands", "Maldives", "Comoros", "Seychelles",
      "United States", "United Kingdom", "United Arab Emirates", "Central African Republic",
      "Dominican Republic", "Democratic Republic of the Congo", "Caribbean Netherlands"};
  return name.ends_with("Islands") || std::find(kThe.begin(), kThe.end(), name) != kThe.end();
}

// The first alias of `kind` for `code`, "" when there is none.
std::string first_alias(const Gazetteer& g, const std::string& code, AliasKind kind) {
  for (const auto& a : g.aliases())
    if (a.code == code && a.kind == kind) return a.alias;
  return "";
}

int months_of(year_month_day d) { return (int(d.year()) - 1900) * 12 + int(unsigned(d.month())) - 1; }

year_month_day month_day(int months, unsigned day) {
  return year(1900 + months / 12) / month(unsigned(months % 12 + 1)) / date::day(day);
}

}  // namespace

date::year_month_day random_day(Rng& rng, year_month_day from, year_month_day to) {
  const int span = (sys_days(to) - sys_days(from)).count();
  return year_month_day(sys_days(from) + days(rng.between(0, std::max(span, 0))));
}

World::World(const Gazetteer& gazetteer, std::uint64_t seed) : gazetteer_(gazetteer), seed_(seed) {
  const auto reserve = [&](const std::string& phrase) {
    // Every word of a one-word name; of longer names the words of three letters
    // or more ("Al Jazeera" reserves "jazeera", not "al").
    const std::string folded = fold(phrase);
    if (folded.find(' ') == std::string::npos) reserved_.insert(folded);
    std::istringstream words(folded);
    std::string word;
    while (words >> word)
      if (word.size() >= 3) reserved_.insert(word);
  };
  for (const auto& a : gazetteer.aliases()) reserve(a.alias);
  for (const auto& o : gazetteer.organizations()) {
    reserve(o.name);
    for (const auto& alias : o.aliases) reserve(alias);
  }
  for (const auto& c : gazetteer.countries()) {
    if (c.former || c.code.size() != 3 || listed(kExcluded, c.code)) continue;
    Nation n;
    n.code = c.code;
    n.alpha2 = c.alpha2;
    n.name = c.name;
    n.the = takes_the(c.name);
    n.adjective = first_alias(gazetteer, c.code, AliasKind::adjective);
    n.demonym = first_alias(gazetteer, c.code, AliasKind::demonym);
    n.capital = lookup(kCapitals, c.code);
    n.region = region_of(c.code);
    n.style = style_of(c.code, n.region);
    const std::string weight = lookup(kWeights, c.code);
    n.weight = !weight.empty() ? std::stod(weight) : listed(kTerritories, c.code) ? 0.1 : 1.0;
    n.rule = rule_of(c.code, hash_of(c.code));
    by_code_[n.code] = nations_.size();
    nations_.push_back(std::move(n));
  }
  double total = 0;
  for (const auto& n : nations_) cumulative_.push_back(total += n.weight);
}

const Nation& World::nation(std::string_view code) const {
  const auto it = by_code_.find(std::string(code));
  if (it == by_code_.end()) throw Error(std::string(code), "not a nation of the generator");
  return nations_[it->second];
}

const Nation& World::pick(Rng& rng) const { return nations_[rng.by_cumulative(cumulative_)]; }

const Nation& World::pick_partner(const Nation& a, Rng& rng) const {
  if (rng.chance(0.5)) return pick_in_region(a.region, rng, {&a});
  for (;;) {
    const Nation& b = pick(rng);
    if (&b != &a) return b;
  }
}

const Nation& World::pick_in_region(Region region, Rng& rng,
                                    const std::vector<const Nation*>& except) const {
  std::vector<const Nation*> members;
  std::vector<double> weights;
  for (const auto& n : nations_)
    if (n.region == region && std::find(except.begin(), except.end(), &n) == except.end()) {
      members.push_back(&n);
      weights.push_back(n.weight);
    }
  if (members.empty()) {
    for (;;) {
      const Nation& n = pick(rng);
      if (std::find(except.begin(), except.end(), &n) == except.end()) return n;
    }
  }
  return *members[rng.weighted(weights)];
}

Office World::leading_office(const Nation& nation, std::uint64_t salt) const {
  if (nation.rule.head_of_government.empty()) return Office::head_of_state;
  if (!nation.rule.elected_head) return Office::head_of_government;
  return mix(seed_, salt) % 2 ? Office::head_of_state : Office::head_of_government;
}

std::optional<Person> World::holder(const Nation& nation, Office office, sys_days day,
                                    const Nation* posting) const {
  const Rule& r = nation.rule;
  Person p;
  p.office = office;
  p.country = nation.code;
  int term_low = 24, term_high = 60;
  switch (office) {
    case Office::head_of_state:
      p.title = r.head_of_state;
      p.party = r.party;
      p.elected = r.elected_head;
      if (r.elected_head) term_low = 48, term_high = 72;
      else term_low = 240, term_high = 420;
      break;
    case Office::head_of_government:
      if (r.head_of_government.empty()) return std::nullopt;
      p.title = r.head_of_government;
      p.elected = r.head_of_government != "Crown Prince";
      term_low = 30, term_high = 66;
      break;
    case Office::foreign_minister: p.title = r.foreign_minister; break;
    case Office::defence_minister: p.title = r.defence_minister; break;
    case Office::ambassador:
      p.title = "Ambassador";
      p.posted_to = posting ? posting->code : "";
      term_low = 30, term_high = 48;
      break;
  }
  const std::uint64_t office_key =
      mix(seed_, hash_of(nation.code), std::uint64_t(office), posting ? hash_of(posting->code) : 0);
  const int length = term_low + int(office_key % std::uint64_t(term_high - term_low + 1));
  const int offset = int((office_key >> 20) % std::uint64_t(length));
  const year_month_day ymd(day);
  int term = (months_of(ymd) + offset) / length;
  const auto start_of = [&](int k) {
    return month_day(k * length - offset, unsigned(1 + mix(office_key, std::uint64_t(k)) % 28));
  };
  if (sys_days(start_of(term)) > day) --term;
  p.took_office = start_of(term);
  p.key = mix(office_key, std::uint64_t(term));
  Rng rng(p.key);
  p.female = rng.chance(0.3);
  for (int tries = 0; tries < 50; ++tries) {
    p.name = invent_name(nation.style, rng);
    if (usable_name(p.name)) break;
  }
  return p;
}

bool World::usable_name(const PersonName& name) const {
  static const std::vector<std::string> kReserved = {
      "the", "and", "of", "general", "king", "queen", "prince", "minister", "president", "may",
      "june", "july", "august", "march", "april", "will", "said", "summit", "sultan", "emir",
      "premier", "lieutenant", "colonel", "chief", "state", "union", "party", "admiral"};
  std::istringstream words(name.given + " " + name.family);
  std::string word;
  while (words >> word) {
    for (std::size_t pos = 0; pos <= word.size();) {
      const std::size_t dash = std::min(word.find('-', pos), word.size());
      const std::string part = word.substr(pos, dash - pos);
      pos = dash + 1;
      if (part.empty()) continue;
      const std::string folded = fold(part);
      if (folded.size() < 2 ||
          std::find(kReserved.begin(), kReserved.end(), folded) != kReserved.end())
        return false;
      if (reserved_.count(folded)) return false;
    }
  }
  return true;
}

std::string World::code_on(const Nation& nation, const Dated& date) const {
  const std::string& last = date.end.empty() ? date.start : date.end;
  const auto day = parse_iso(last);
  if (!day) return nation.code;
  return gazetteer_.state_on(nation.code, day->last_day());
}

}  // namespace annals::gen
