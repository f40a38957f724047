#include "tell.h"

#include <vector>

#include "annals/error.h"
#include "lexicon.h"

namespace annals::gen {
namespace {

using namespace date;

enum Need : unsigned { kP1 = 1, kP2 = 2, kPlace = 4 };

// One way to say a fact. <1>..</1> marks the evidence.
struct Form {
  std::string_view text;
  unsigned needs = 0;
  bool host = false;        // the partner is the grammatical actor (receives, hosts)
  bool start_only = false;  // {when} states the first day only
  bool absolute = false;    // {when} must print its year ("since 1964")
  std::string_view only;    // aid: the CAMEO code it suits; election: "President" or other

  // A constructor rather than an aggregate: the tables leave trailing fields out.
  Form(std::string_view text_, unsigned needs_ = 0, bool host_ = false, bool start_only_ = false,
       bool absolute_ = false, std::string_view only_ = {})
      : text(text_), needs(needs_), host(host_), start_only(start_only_), absolute(absolute_), only(only_) {}
};

const std::vector<Form>& visit_forms() {
  static const std::vector<Form> k = {
      {"<1>{P1} paid {X} visit to {B} {when}</1>.", kP1},
      {"<1>{P1} arrived {at} {when} for {X} visit</1>.", kP1 | kPlace, false, true},
      {"<1>{P1} arrived {at} {when} for a {Z}-day {Y} visit</1>.", kP1 | kPlace, false, true},
      {"<1>{P1} was on {X} visit to {B} {when}</1>.", kP1},
      {"<1>{when}, {p1} visited {B} at the invitation of {p2}</1>.", kP1 | kP2},
      {"<1>{P2} hosted {p1} {at} {when}</1>.", kP1 | kP2 | kPlace, true},
      {"<1>{P2} welcomed {p1} to {B} {when}</1>, hailing the visit as a milestone.", kP1 | kP2, true},
      {"<1>A high-level {Aadj} delegation led by {p1} visited {B} {when}</1>.", kP1},
      {"<1>{p1's} {Y} visit to {B} {when}</1> drew wide attention in the region.", kP1},
      {"<1>{P1} travelled to {B} {when}</1> on {X} visit.", kP1},
      {"<1>{P1} began {X} visit to {B} {when}</1>.", kP1, false, true},
      {"<1>{when}, {A} sent a delegation to {B}</1> for talks on trade and investment.", 0},
  };
  return k;
}

const std::vector<Form>& meeting_forms() {
  static const std::vector<Form> k = {
      {"<1>{P1} held talks with {p2} {at} {when}</1>.", kP1 | kP2},
      {"<1>{P1} met {p2} {when} {at}</1>.", kP1 | kP2},
      {"<1>{P2} received {p1} {at} {when}</1>.", kP1 | kP2, true},
      {"<1>{P1} and {p2} held talks {at} {when}</1>.", kP1 | kP2},
      {"<1>Talks between {p1} and {p2} took place {at} {when}</1>.", kP1 | kP2},
      {"<1>{p1} was received by {p2} {when}</1>.", kP1 | kP2, true},
      {"<1>{when}, {p1} sat down with {p2} {at}</1>.", kP1 | kP2},
      {"<1>{P1} and {p2} met behind closed doors {when}</1>.", kP1 | kP2},
      {"<1>{P1} had a meeting with {p2} {at} {when}</1>.", kP1 | kP2},
      {"<1>{when}, officials of {A} and {B} held consultations {at}</1> on a range of bilateral issues.", 0},
  };
  return k;
}

const std::vector<Form>& phone_forms() {
  static const std::vector<Form> k = {
      {"<1>{P1} held a phone call with {p2} {when}</1>.", kP1 | kP2},
      {"<1>{P1} spoke by telephone with {p2} {when}</1>.", kP1 | kP2},
      {"<1>In a telephone conversation {when}, {p1} and {p2}</1> discussed bilateral relations.", kP1 | kP2},
      {"<1>{P2} received a phone call from {p1} {when}</1>.", kP1 | kP2},
      {"<1>{P1} phoned {p2} {when}</1> to discuss the situation in the region.", kP1 | kP2},
      {"<1>{P1} and {p2} spoke by phone {when}</1>.", kP1 | kP2},
  };
  return k;
}

const std::vector<Form>& summit_forms() {
  static const std::vector<Form> k = {
      {"<1>{P1} attended the {forum} {at} {when}</1>.", kP1 | kPlace},
      {"<1>{P1} was {at} {when} to attend the {forum}</1>.", kP1 | kPlace},
      {"<1>{P1} joined other leaders at the {forum} {at} {when}</1>.", kP1 | kPlace},
      {"<1>{P1} took part in the {forum}, held {at} {when}</1>.", kP1 | kPlace},
      {"<1>{when}, {p1} travelled to {C} for the {forum}</1>.", kP1 | kPlace},
  };
  return k;
}

const std::vector<Form>& agreement_forms() {
  static const std::vector<Form> k = {
      {"<1>The two sides signed {X} {when}</1>.", 0},
      {"<1>{P1} and {p2} witnessed the signing of {X} {when}</1>.", kP1 | kP2},
      {"<1>{X} was signed {when} by {p1} and {p2}</1>.", kP1 | kP2},
      {"<1>{A} and {B} signed {X} {at} {when}</1>.", 0},
      {"<1>{when}, {p1} and {p2} inked {X}</1>.", kP1 | kP2},
      {"<1>{P1} and {p2} put their signatures to {X} {when}</1>.", kP1 | kP2},
      {"<1>Officials from {A} and {B} signed {X} {when}</1> in the presence of the two leaders.", 0},
      {"<1>{Z} cooperation documents were signed {when}</1>, including {X}.", 0},
  };
  return k;
}

const std::vector<Form>& established_forms() {
  static const std::vector<Form> k = {
      {"<1>{A} and {B} established diplomatic relations {when}</1>.", 0},
      {"<1>Diplomatic relations between {A} and {B} were established {when}</1>.", 0},
      {"<1>The two countries established diplomatic ties {when}</1>.", 0},
      {"<1>{when}, {A} and {B} formally opened diplomatic relations</1>.", 0},
      {"<1>{A} and {B} have maintained diplomatic relations since {when}</1>.", 0, false, false, true},
      {"<1>{B} and {A} set up diplomatic relations {when}</1>, opening embassies soon afterwards.", 0},
  };
  return k;
}

const std::vector<Form>& recognition_forms() {
  static const std::vector<Form> k = {
      {"<1>{A} recognised {B's} independence {when}</1>.", 0},
      {"<1>{A} was among the first countries to recognise {B} {when}</1>.", 0},
      {"<1>{B} was recognised by {A} {when}</1>.", 0},
      {"<1>{A} recognized {B} as an independent state {when}</1>.", 0},
  };
  return k;
}

const std::vector<Form>& upgrade_forms() {
  static const std::vector<Form> k = {
      {"<1>The relationship was elevated to {X} {when}</1>.", 0},
      {"<1>{A} and {B} upgraded their ties to {X} {when}</1>.", 0},
      {"<1>{when}, the two countries raised their relations to {X}</1>.", 0},
      {"<1>Relations were upgraded to {X} {when}</1>.", 0},
      {"<1>{P1} and {p2} agreed {when} to lift bilateral ties to {X}</1>.", kP1 | kP2},
      {"<1>{when}, {A} and {B} announced the upgrade of their relationship to {X}</1>.", 0},
  };
  return k;
}

const std::vector<Form>& exercise_forms() {
  static const std::vector<Form> k = {
      {"<1>{A} and {B} held the {X} joint military exercise {at} {when}</1>.", kPlace},
      {"<1>Troops from {A} and {B} took part in the {X} joint exercise {at} {when}</1>.", kPlace},
      {"<1>The {X} joint drills were conducted {at} {when}</1>.", kPlace},
      {"<1>The {Aadj} and {Badj} navies conducted joint naval drills {when}</1>.", 0},
      {"<1>{when}, soldiers from {A} and {B} trained together {at} in the {X} exercise</1>.", kPlace},
      {"<1>Some {Z} {Aadj} and {Badj} servicemen took part in the {X} war games {when}</1>.", 0},
  };
  return k;
}

const std::vector<Form>& aid_forms() {
  static const std::vector<Form> k = {
      {"<1>{A} sent humanitarian aid to {B} {when}</1> after {Y}.", 0, false, false, false, "073"},
      {"<1>{when}, {A} delivered {X} to {B}</1> to help victims of {Y}.", 0, false, false, false, "073"},
      {"<1>A shipment of {X} from {A} arrived in {B} {when}</1>.", 0, false, false, false, "073"},
      {"<1>{B} received {X} from {A} {when}</1> following {Y}.", 0, false, false, false, "073"},
      {"<1>{A} provided emergency assistance, including {X}, to {B} {when}</1>.", 0, false, false, false, "073"},
      {"<1>{when}, {A} airlifted {X} to {B}</1>, which had been hit by {Y}.", 0, false, false, false, "073"},
      {"<1>{A} extended {X} to {B} {when}</1> as part of its development assistance.", 0, false, false, false, "071"},
      {"<1>{when}, {A} provided {B} with economic assistance, including {X}</1>.", 0, false, false, false, "071"},
      {"<1>{A} handed over {X} to {B} {when}</1> as military assistance.", 0, false, false, false, "072"},
      {"<1>{when}, {A} delivered {X} to the {Badj} armed forces</1> under a military aid programme.", 0, false, false, false, "072"},
  };
  return k;
}

const std::vector<Form>& election_forms() {
  static const std::vector<Form> k = {
      {"<1>{P1} was elected {t1} {when}</1>.", kP1},
      {"<1>{P1} won the presidential election {when}</1>.", kP1, false, false, false, "President"},
      {"<1>{Adem} went to the polls {when}, electing {p1} as {t1}</1>.", kP1, false, false, false, "President"},
      {"<1>{p1} was sworn in as {t1} after being elected {when}</1>.", kP1},
      {"<1>Parliament elected {p1} as {t1} {when}</1>.", kP1, false, false, false, "other"},
      {"<1>{P1}, who was elected {t1} {when},</1> has pledged to deepen ties with {B}.", kP1},
  };
  return k;
}

const std::vector<Form>& forms_of(Kind kind) {
  switch (kind) {
    case Kind::visit: return visit_forms();
    case Kind::meeting: return meeting_forms();
    case Kind::phone_call: return phone_forms();
    case Kind::summit: return summit_forms();
    case Kind::agreement: return agreement_forms();
    case Kind::relations_established: return established_forms();
    case Kind::recognition: return recognition_forms();
    case Kind::relations_upgraded: return upgrade_forms();
    case Kind::military_exercise: return exercise_forms();
    case Kind::aid: return aid_forms();
    case Kind::election: return election_forms();
  }
  throw Error("tell", "unknown kind");
}

bool fits(const Form& form, const Fact& f, const Telling& how) {
  if ((form.needs & kP1) && (!how.with_persons || !f.actor_person)) return false;
  if ((form.needs & kP2) && (!how.with_persons || !f.partner_person)) return false;
  if ((form.needs & kPlace) && !f.place) return false;
  if (std::string_view(form.text).find("{B") != std::string_view::npos && !f.partner) return false;
  if (form.start_only && how.grain.finest < Precision::day) return false;
  if (f.kind == Kind::aid && form.only != f.cameo) return false;
  if (f.kind == Kind::election && !form.only.empty()) {
    const bool president = f.actor_person && f.actor_person->title == "President";
    if ((form.only == "President") != president) return false;
  }
  return true;
}

std::string with_article(const std::string& kind) { return article_for(kind) + " " + kind; }

// The gold location when the sentence names no place of its own.
std::string default_location(const Fact& f) {
  if (f.kind == Kind::visit && f.partner) return f.partner->name;
  return "";
}

void record(Writer& w, const Fact& f, const Form& form, const Dated& date,
            const std::string& location, const Telling& how) {
  GoldEvent ev;
  ev.type = type_of(f.kind);
  ev.cameo = f.cameo;
  ev.date = date;
  ev.location = location;
  ev.evidence = w.evidence(1);
  ev.required = how.required;
  const std::string text(form.text);
  const bool names1 = text.find("1}") != std::string::npos || text.find("1's}") != std::string::npos;
  const bool names2 = text.find("2}") != std::string::npos;
  const Person* p1 = names1 && f.actor_person ? &*f.actor_person : nullptr;
  const Person* p2 = names2 && f.partner_person ? &*f.partner_person : nullptr;
  const auto add = [](std::vector<const Person*>& to, const Person* p) {
    if (p) to.push_back(p);
  };
  switch (f.kind) {
    case Kind::agreement:
    case Kind::military_exercise:
      ev.actors = {f.actor, f.partner};
      add(ev.actor_persons, p1);
      add(ev.actor_persons, p2);
      break;
    case Kind::election:
      ev.actors = {f.actor};
      add(ev.actor_persons, p1);
      break;
    case Kind::summit:
      // A gathering of many states has no counterpart; the host is its location.
      ev.actors = {f.actor};
      add(ev.actor_persons, p1);
      break;
    default:
      if (form.host) {
        ev.actors = {f.partner};
        ev.counterparts = {f.actor};
        add(ev.actor_persons, p2);
        add(ev.counterpart_persons, p1);
        if (f.kind == Kind::visit) ev.cameo = "043";
      } else {
        ev.actors = {f.actor};
        ev.counterparts = {f.partner};
        add(ev.actor_persons, p1);
        add(ev.counterpart_persons, p2);
      }
  }
  w.add_event(ev);
  const char* relation = f.kind == Kind::relations_established ? "diplomatic_relations_established"
                         : f.kind == Kind::recognition         ? "recognition"
                         : f.kind == Kind::relations_upgraded  ? "relations_upgraded"
                         : f.kind == Kind::agreement && f.treaty ? "treaty_signed"
                                                                 : nullptr;
  if (relation) w.add_relation(relation, *f.actor, *f.partner, date, ev.evidence, how.required);
}

}  // namespace

std::string type_of(Kind kind) {
  switch (kind) {
    case Kind::visit: return "visit";
    case Kind::meeting:
    case Kind::phone_call: return "meeting";
    case Kind::summit: return "summit";
    case Kind::agreement: return "agreement";
    case Kind::relations_established:
    case Kind::recognition: return "relations_established";
    case Kind::relations_upgraded: return "relations_upgraded";
    case Kind::military_exercise: return "military_exercise";
    case Kind::aid: return "aid";
    case Kind::election: return "election";
  }
  return "other";
}

std::string tell(Writer& w, const Fact& f, const Telling& how) {
  std::vector<const Form*> usable;
  for (const auto& form : forms_of(f.kind))
    if (fits(form, f, how)) usable.push_back(&form);
  if (usable.empty()) throw Error("tell", "no form fits a fact of type " + type_of(f.kind));
  std::vector<const Form*> unused;
  for (const Form* form : usable)
    if (!w.was_used(form->text.data())) unused.push_back(form);
  const Form& form = *w.rng().pick(unused.empty() ? usable : unused);
  w.mark_used(form.text.data());
  const std::string text(form.text);

  Slots s;
  s.a = f.actor;
  s.b = f.partner;
  s.c = f.place;
  if (f.actor_person) s.p1 = &*f.actor_person;
  if (f.partner_person) s.p2 = &*f.partner_person;
  const int days_long = (sys_days(f.end) - sys_days(f.start)).count() + 1;
  const DateStyle absolute{std::nullopt, w.dates().us};
  const DatePhrase when = date_phrase(w.rng(), form.absolute ? absolute : w.dates(), f.start,
                                      form.start_only ? f.start : f.end, how.grain);
  // "since 1964", not "since in 1964".
  s.when = form.absolute && (when.text.starts_with("on ") || when.text.starts_with("in "))
               ? when.text.substr(3) : when.text;
  Dated date = when.gold;
  if (form.start_only && text.find("{Z}-day") != std::string::npos && date.precision == Precision::day) {
    date.end = iso(year_month_day(sys_days(f.start) + days(days_long - 1)), Precision::day);
    date.inferred = (date.inferred.empty() ? "" : date.inferred + "; ") + "a " +
                    count_word(days_long) + "-day visit from its first day";
  }
  std::string location = default_location(f);
  if (text.find("{at}") != std::string::npos && f.place)
    s.at = w.place(*f.place, f.kind == Kind::summit, location);
  if (f.kind == Kind::summit && text.find("{C}") != std::string::npos && f.place) location = f.place->name;
  switch (f.kind) {
    case Kind::visit:
      s.x = with_article(f.extra);
      s.y = f.extra;
      s.z = count_word(days_long);
      break;
    case Kind::agreement:
      s.x = f.detail;
      s.z = count_word(w.rng().between(2, 9));
      break;
    case Kind::relations_upgraded: s.x = with_article(f.detail); break;
    case Kind::military_exercise:
      s.x = f.detail;
      s.z = std::to_string(w.rng().between(3, 40) * 100);
      break;
    case Kind::aid:
      s.x = f.detail;
      s.y = f.extra.empty() ? "a natural disaster" : f.extra;
      break;
    case Kind::summit: s.forum = &f; break;
    default: break;
  }
  std::string sentence = w.say(text, s);
  record(w, f, form, date, location, how);
  return sentence;
}

}  // namespace annals::gen
