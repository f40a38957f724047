#include "pipeline/analyse.h"

#include "pipeline/dates.h"
#include "pipeline/entities.h"
#include "pipeline/events.h"
#include "pipeline/gazetteer.h"
#include "pipeline/persons.h"
#include "pipeline/places.h"
#include "pipeline/sentences.h"

#include <algorithm>

namespace annals {
namespace {

// Publication year from what the text makes certain, when nothing states it.
void infer_published(Article& a) {
  if (a.published) return;
  if (auto y = infer_publication_year(a.raw)) {
    a.published = year_only(y->year);
    a.published_from = "inferred: " + y->reason;
  }
}

// National outlets name their own leaders without the country ("President Luong
// Cuong" in a Vietnamese agency's story): a titled person with no country stated
// serves the publisher's country, when the publisher is a known national outlet.
void home_country(Doc& doc, const Gazetteer& gazetteer) {
  if (!doc.article.publisher) return;
  const auto index = gazetteer.organization_index(doc.article.publisher->value);
  if (!index) return;
  const auto& home = gazetteer.organizations()[*index].country;
  if (!home) return;
  for (auto& p : doc.persons) {
    if (p.country || p.positions.empty()) continue;
    p.country = home;
    for (auto& pos : p.positions)
      if (!pos.country && !pos.organization) pos.country = home;
  }
}

void append_mentions(Doc& doc, std::vector<Mention> more) {
  doc.mentions.insert(doc.mentions.end(), more.begin(), more.end());
}

}  // namespace

Doc analyse(Article article, const Gazetteer& gazetteer, StageListener* listener) {
  auto done = [&](std::string_view stage) {
    if (listener) listener->stage_done(stage);
  };
  Doc doc;
  doc.article = std::move(article);
  infer_published(doc.article);
  doc.sentences = split_sentences(doc.article.body);
  done("sentences");
  // One folding of the body serves countries, organisations and places.
  const TokenizedText body = tokenize(doc.article.body);
  const std::vector<PhraseMatch> countries = gazetteer.match_countries(body);
  doc.mentions = find_countries(doc, gazetteer, countries);
  done("countries");
  auto orgs = find_organizations(doc, gazetteer, body, countries);
  doc.organizations = std::move(orgs.organizations);
  append_mentions(doc, std::move(orgs.mentions));
  std::stable_sort(doc.mentions.begin(), doc.mentions.end(),
                   [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  done("organizations");
  auto persons = find_persons(doc);
  doc.persons = std::move(persons.persons);
  append_mentions(doc, std::move(persons.mentions));
  home_country(doc, gazetteer);
  std::stable_sort(doc.mentions.begin(), doc.mentions.end(),
                   [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  done("persons");
  doc.places = find_places(doc, gazetteer, body);
  done("places");
  doc.dates = find_dates(doc.article.body, doc.article.published);
  done("dates");
  doc.events = extract_events(doc);
  done("events");
  doc.relations = extract_relations(doc);
  done("relations");
  return doc;
}

}  // namespace annals
