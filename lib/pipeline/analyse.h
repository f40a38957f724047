#pragma once
// The import pipeline in one place: each stage reads what earlier stages filled
// and returns one new field of the Doc.

#include "pipeline/doc.h"

namespace annals {

class Gazetteer;

Doc analyse(Article article, const Gazetteer& gazetteer);

}  // namespace annals
