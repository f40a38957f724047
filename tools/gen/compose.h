#pragma once
// The parts an article is composed of: the news paragraphs of its story, the
// background of the pair, sentences that carry no fact, and page furniture.

#include <functional>
#include <string>
#include <vector>

#include "lines.h"
#include "story.h"
#include "tell.h"
#include "writer.h"

namespace annals::gen {

using Paragraphs = std::vector<std::string>;

// Paragraphs telling every fact of `story`; `news` says how exactly dates are stated.
Paragraphs tell_story(Writer& w, const Story& story, const Telling& news);

// Paragraphs on the pair's past: relations, milestones, earlier visits, aid and
// exercises that ended before `now` (the publication day, printed or not).
Paragraphs tell_background(Writer& w, const Story& story, date::year_month_day now, bool long_form);

// A sentence on `topic` that states no dated fact (views, quotes, figures,
// plans), not used before in this article; "" when the topic is used up.
std::string filler(Writer& w, const Story& story, Topic topic);
// Up to `count` such sentences, joined.
std::string sentences(Writer& w, const Story& story, Topic topic, int count);
// A sentence quoting the ambassador of one side to the other, in office on `day`.
std::string ambassador_line(Writer& w, const Story& story, date::year_month_day day);
// A feature's section heading.
std::string heading(Rng& rng);
// A paragraph quoting an invented analyst, registered as a person (and the
// institute as an optional organisation).
std::string analyst_quote(Writer& w, const Story& story);

// A nation as a headline writes it: 'n' name, 'a' adjective.
using Namer = std::function<std::string(const Nation&, char)>;
// A headline for `story`.
std::string headline(const Story& story, Rng& rng, const Namer& name);
// A headline of some other story, for a "Related" list: names nobody registers.
std::string related_headline(const World& world, Rng& rng);

// Page furniture: menu lines, a photo file name or caption, a comment notice, a
// "Related" block of other headlines. None of it states a fact of the article.
std::vector<std::string> navigation_lines(Rng& rng);
std::string photo_line(Writer& w, const Story& story);
std::string comment_notice(Rng& rng);
std::vector<std::string> related_block(const World& world, Rng& rng);

}  // namespace annals::gen
