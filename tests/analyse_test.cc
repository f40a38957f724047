// analyse() on pathological input: each case is a line of about 1 MB that once
// made a stage quadratic (docs/fuzzing.md). At that size a quadratic stage
// takes minutes, so the suite would time out; the checks are on results only.

#include "pipeline/analyse.h"
#include "pipeline/article.h"
#include "pipeline/gazetteer.h"
#include "text/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace annals;

namespace {

constexpr std::size_t kLine = 1 << 20;

std::string repeated(std::string_view piece) {
  std::string out;
  out.reserve(kLine + piece.size() + 1);
  while (out.size() < kLine) out += piece;
  return out + "\n";
}

Doc analysed(std::string_view piece) {
  return analyse(clean_article("long.txt", repeated(piece)), default_gazetteer());
}

std::size_t words_in(std::string_view name) {
  return folded_word_count(name, std::size_t(-1));
}

}  // namespace

TEST_CASE("analyse: a megabyte of capitalised words or initials names nobody") {
  for (std::string_view piece : {"Word ", "A.", "A. ", "Jean-Claude "}) {
    CAPTURE(piece);
    const Doc doc = analysed(piece);
    CHECK(doc.persons.empty());
  }
}

TEST_CASE("analyse: a megabyte of one organisation word keeps each name short") {
  const Doc doc = analysed("Ministry of ");
  REQUIRE_FALSE(doc.organizations.empty());
  for (const Organization& o : doc.organizations) {
    CAPTURE(o.name);
    CHECK(words_in(o.name) <= 25);
  }
}

TEST_CASE("analyse: a megabyte of one titled name repeated makes one person") {
  const Doc doc = analysed("He met Mr. Xavier Brandt. ");
  REQUIRE(doc.persons.size() >= 1);
  const auto brandt = std::count_if(doc.persons.begin(), doc.persons.end(),
                                    [](const Person& p) { return p.name == "Xavier Brandt"; });
  CHECK(brandt == 1);
}
