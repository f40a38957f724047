#include "article.h"

#include "annals/error.h"
#include "compose.h"
#include "lexicon.h"

namespace annals::gen {
namespace {

using namespace date;

enum class DateMode { dateline, date_line, byline, published_line, weekday_line, none };
enum class TagMode { lead, agency_lead, place_agency, trailing, source_line, none };

struct Layout {
  bool feature = false;
  DateMode date = DateMode::none;
  TagMode tag = TagMode::none;
  std::string tag_text;   // "KNA.KE", "KNA"
  std::string tag_country;
  std::string author;     // "" when no byline
  bool title = true, navigation = false, photo = false, comments = false, related = false;
  bool copyright = false, bio = false;
  std::string separator = "\n\n";
};

std::string upper_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return text;
}

bool ascii(const std::string& text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// An invented news outlet of `n`: "KNA" or "KNA.KE".
std::string outlet_tag(Rng& rng, const Nation& n, bool domain) {
  static const std::string_view kTails[] = {"NA", "NS", "TV", "NR", "BC", "PN"};
  std::string tag = upper_ascii(without_diacritics(n.name).substr(0, 1)) + std::string(rng.pick(kTails));
  if (domain && !n.alpha2.empty()) tag += "." + n.alpha2;
  return tag;
}

Layout choose_layout(Rng& rng, const World& world, const Story& story, bool retold) {
  Layout l;
  l.feature = rng.chance(retold ? 0.6 : 0.5);
  const std::vector<double> dates = l.feature ? std::vector<double>{0, 1, 6, 1, 1, 0.6}
                                              : std::vector<double>{3, 2, 2, 1.5, 1, 0.6};
  l.date = static_cast<DateMode>(rng.weighted(dates));
  const Nation& home = rng.chance(0.7) ? *story.a : world.pick(rng);
  l.tag = static_cast<TagMode>(rng.weighted(l.feature ? std::vector<double>{0.5, 0.2, 0, 1, 0.5, 4}
                                                      : std::vector<double>{2, 1, 1, 2, 0.5, 1.5}));
  const bool domain = l.tag == TagMode::lead && rng.chance(0.6);
  if (l.tag != TagMode::none) l.tag_text = outlet_tag(rng, home, domain), l.tag_country = home.code;
  if (l.date == DateMode::byline || rng.chance(l.feature ? 0.6 : 0.15)) {
    PersonName name;
    const Nation& writer_home = rng.chance(0.6) ? home : world.pick(rng);
    for (int tries = 0; tries < 50; ++tries) {
      name = invent_name(writer_home.style, rng);
      if (world.usable_name(name)) break;
    }
    l.author = without_diacritics(name.given + " " + name.family);
  }
  l.title = rng.chance(0.85);
  l.navigation = rng.chance(0.3);
  l.photo = rng.chance(0.35);
  l.comments = rng.chance(0.2);
  l.related = rng.chance(0.4);
  l.copyright = rng.chance(0.15);
  l.bio = l.feature && !l.author.empty() && rng.chance(0.4);
  if (rng.chance(0.2)) l.separator = "\n";
  return l;
}

// The line stating the date or author above the body, or "".
std::string header_line(const Layout& l, year_month_day pub, Rng& rng) {
  switch (l.date) {
    case DateMode::byline:
      return rng.chance(0.6) ? l.author + ", " + day_text(pub, true)
                             : "By " + l.author + " | " + day_text(pub, false);
    case DateMode::date_line: return "date " + iso(pub, Precision::day);
    case DateMode::published_line:
      return rng.chance(0.5) ? "Published: " + day_text(pub, false) + " " + std::to_string(rng.between(6, 22)) + ":" +
                                   std::to_string(rng.between(10, 59))
                             : "Posted on " + day_text(pub, true);
    case DateMode::weekday_line: return weekday_name(pub) + ", " + day_text(pub, rng.chance(0.5));
    default: return "";
  }
}

// The opening of the first paragraph: date line, place and agency.
std::string lead_prefix(const Layout& l, year_month_day pub, const Story& story) {
  const Nation* where = story.facts.front().place ? story.facts.front().place : story.a;
  const std::string city = where->capital.empty() || !ascii(where->capital) ? "" : upper_ascii(where->capital);
  std::string out;
  if (l.date == DateMode::dateline) {
    out = "date " + iso(pub, Precision::day) + " ";
    if (!city.empty() && l.tag != TagMode::place_agency) out += city + " \xE2\x80\x94 ";
  }
  switch (l.tag) {
    case TagMode::lead: out += l.tag_text + " - "; break;
    case TagMode::agency_lead: out += "(" + l.tag_text + ") - "; break;
    case TagMode::place_agency:
      out += (city.empty() ? "" : city + " ") + "(" + l.tag_text + ") - ";
      break;
    default: break;
  }
  return out;
}

std::string bio_line(Writer& w, const Layout& l, const Story& story) {
  static const std::string_view kRoles[] = {"a senior researcher", "a journalist covering foreign affairs",
                                            "a lecturer in international relations"};
  static const std::string_view kPlaces[] = {"Institute of International Studies", "Centre for Asian and African Studies",
                                             "School of Diplomacy"};
  const std::string place(w.rng().pick(kPlaces));
  w.organization(place, "", story.a->code, false);
  return l.author + " is " + std::string(w.rng().pick(kRoles)) + " at the " + place + ".";
}

// The paragraphs after the news: what was said, trade, the region.
void add_commentary(Writer& w, const Story& s, Paragraphs& body) {
  Rng& rng = w.rng();
  switch (s.plot) {
    case Plot::exercise:
      body.push_back(sentences(w, s, Topic::exercise, 4));
      body.push_back(sentences(w, s, Topic::quote, 2) + " " + sentences(w, s, Topic::region, 3));
      body.push_back(sentences(w, s, Topic::relations, 2) + " " + sentences(w, s, Topic::economy, 2));
      return;
    case Plot::aid:
      body.push_back(sentences(w, s, Topic::aid, 4));
      body.push_back(sentences(w, s, Topic::quote, 2) + " " + sentences(w, s, Topic::economy, 3));
      body.push_back(sentences(w, s, Topic::relations, 2) + " " + sentences(w, s, Topic::region, 2));
      return;
    case Plot::election:
      body.push_back(sentences(w, s, Topic::election, 4));
      body.push_back(sentences(w, s, Topic::statements, 3));
      body.push_back(sentences(w, s, Topic::economy, 3) + " " + sentences(w, s, Topic::region, 2));
      return;
    default:
      body.push_back(sentences(w, s, Topic::talks, rng.between(3, 4)));
      body.push_back(sentences(w, s, Topic::statements, rng.between(3, 5)));
      body.push_back(sentences(w, s, Topic::quote, 2) + " " + sentences(w, s, Topic::statements, 2));
      body.push_back(sentences(w, s, Topic::economy, rng.between(3, 5)));
      body.push_back(sentences(w, s, Topic::region, rng.between(2, 4)));
      if (rng.chance(0.3)) body.back() += " " + ambassador_line(w, s, s.last_day());
  }
}

Json source_of(const std::string& file, const Layout& l, const std::string& title,
               std::optional<year_month_day> published) {
  const auto text_or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  return Json{{"file", file},
              {"url", nullptr},
              {"title", l.title ? Json(title) : Json(nullptr)},
              {"publisher", text_or_null(l.tag_text)},
              {"author", text_or_null(l.author)},
              {"published", published ? Json(iso(*published, Precision::day)) : Json(nullptr)},
              {"language", "en"}};
}

}  // namespace

GeneratedArticle make_article(const World& world, std::uint64_t index) {
  const std::uint64_t seed = world.seed();
  Rng rng(mix(seed, index, 0xA271));
  bool retold = false;
  const Story story = make_story(world, story_of(seed, index, retold));
  const Layout l = choose_layout(rng, world, story, retold);
  const int delay = l.feature || retold ? rng.between(2, 90) : rng.between(0, 2);
  const year_month_day pub(sys_days(story.last_day()) + days(delay));
  const bool printed = l.date != DateMode::none;
  Writer w(world, rng, DateStyle{printed ? std::optional(pub) : std::nullopt, rng.chance(0.5)},
           rng.chance(0.5));

  GeneratedArticle out;
  char stem[64];
  std::snprintf(stem, sizeof stem, "%06llu_%016llx", static_cast<unsigned long long>(index),
                static_cast<unsigned long long>(mix(seed, index, 0xF11E)));
  out.stem = stem;

  const std::string title = headline(story, rng, [&](const Nation& n, char f) { return w.nation(n, f); });
  Telling news;
  if (!l.feature && !retold && printed) news.grain = {Precision::day, Precision::day};
  Paragraphs body = tell_story(w, story, news);
  add_commentary(w, story, body);
  if (l.feature) body.push_back(sentences(w, story, Topic::analysis, 2) + " " + analyst_quote(w, story));
  const Paragraphs back = tell_background(w, story, pub, l.feature);
  if (l.feature && !back.empty()) body.push_back(heading(rng));
  body.insert(body.end(), back.begin(), back.end());
  body.push_back(sentences(w, story, Topic::people, l.feature ? 4 : rng.between(2, 4)) + " " +
                 sentences(w, story, Topic::relations, rng.between(2, 3)));
  if (l.feature) {
    body.push_back(heading(rng));
    body.push_back(sentences(w, story, Topic::analysis, 4) + " " + sentences(w, story, Topic::relations, 2));
    body.push_back(sentences(w, story, Topic::analysis, 4) + " " + sentences(w, story, Topic::economy, 3));
    body.push_back(sentences(w, story, Topic::region, 2) + " " + analyst_quote(w, story));
  }
  body.push_back(sentences(w, story, Topic::closing, rng.between(1, 2)));
  // Sections whose topics ran out leave nothing behind.
  std::erase_if(body, [](std::string& p) {
    while (!p.empty() && p.back() == ' ') p.pop_back();
    while (!p.empty() && p.front() == ' ') p.erase(0, 1);
    return p.empty();
  });
  if (l.tag == TagMode::trailing) body.back() += " \xE2\x80\x94 " + l.tag_text;
  if (l.tag == TagMode::source_line) body.push_back("Source: " + l.tag_text);
  if (l.bio) body.push_back(bio_line(w, l, story));
  body.front() = lead_prefix(l, pub, story) + body.front();
  if (l.photo) body.insert(body.begin() + std::ptrdiff_t(std::min<std::size_t>(2, body.size())), photo_line(w, story));

  std::vector<std::string> blocks;  // the header blocks, then the body's
  if (l.navigation) {
    std::string nav;
    for (const auto& line : navigation_lines(rng)) nav += (nav.empty() ? "" : "\n") + line;
    blocks.push_back(nav);
  }
  if (l.title) blocks.push_back(title);
  if (!l.author.empty() && l.date != DateMode::byline) blocks.push_back("By " + l.author);
  if (const std::string header = header_line(l, pub, rng); !header.empty()) blocks.push_back(header);
  const std::size_t header_blocks = blocks.size();
  blocks.insert(blocks.end(), body.begin(), body.end());
  if (l.comments) blocks.push_back(comment_notice(rng));
  if (l.related) {
    std::string related;
    for (const auto& line : related_block(world, rng)) related += (related.empty() ? "" : "\n") + line;
    blocks.push_back(related);
  }
  if (l.copyright && !l.tag_text.empty())
    blocks.push_back("\xC2\xA9 " + std::to_string(int(pub.year())) + " " + l.tag_text + ". All rights reserved.");
  for (std::size_t i = 0; i < blocks.size(); ++i)
    out.text += (i == 0 ? "" : i <= header_blocks ? "\n\n" : l.separator) + blocks[i];
  out.text += "\n";

  if (!l.author.empty()) w.extra_person(l.author, "", {}, false);
  if (!l.tag_text.empty()) w.organization(l.tag_text, "", l.tag_country, false);
  for (const auto& evidence : w.evidence_texts())
    if (out.text.find(evidence) == std::string::npos)
      throw Error(out.stem, "evidence not in the text: " + evidence);
  out.gold = w.gold(source_of(out.stem + ".txt", l, title, w.dates().published));
  return out;
}

}  // namespace annals::gen
