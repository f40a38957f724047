#pragma once
// The import pipeline in one place: each stage reads what earlier stages filled
// and returns one new field of the Doc.

#include "pipeline/doc.h"

#include <string_view>

namespace annals {

class Gazetteer;

// Told the name of each stage of analyse() as it ends; for benchmarks.
class StageListener {
 public:
  virtual ~StageListener() = default;
  virtual void stage_done(std::string_view stage) = 0;
};

// The Doc of `article`: sentences, mentions, persons, organisations, places,
// dates, events and relations. `listener`, when given, hears each stage end.
Doc analyse(Article article, const Gazetteer& gazetteer, StageListener* listener = nullptr);

}  // namespace annals
