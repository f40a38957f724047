#pragma once
// The tables of sentences that state no dated fact: what leaders discussed and
// said, trade figures, plans, analysis. Placeholders as in Writer::say; {s1} is
// the story's leading person of the first nation, {s2} of the second.

#include <string_view>
#include <vector>

namespace annals::gen {

enum class Topic {
  talks, statements, quote, economy, region, closing, visit, exercise, aid, election, relations,
  since, people, analysis
};

enum LineNeed : unsigned { kLead = 1, kPartner = 2 };

struct Line {
  std::string_view text;
  unsigned needs = 0;         // LineNeed bits: the people the line names
  std::string_view org = {};  // an organisation the line names, registered when used

  Line(std::string_view text_, unsigned needs_ = 0, std::string_view org_ = {})
      : text(text_), needs(needs_), org(org_) {}
};

// Every line on `topic`.
const std::vector<Line>& lines_of(Topic topic);

}  // namespace annals::gen
