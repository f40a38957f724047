#include "text/language.h"

#include "text/text.h"
#include "text/words.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

// One pass over the text gathers all the guess needs: letters by script,
// white-space separated words (and those with Vietnamese letters), and the
// words of fold(text) found in each function-word list. The article cleaner
// counts every line it reads this way (the counts also give its rules their
// word counts), so the pass is on the import's hot path: ASCII letters and
// digits go by in runs, and a word's first bytes are packed into the key the
// function-word table is searched with as they are read.

namespace annals {
namespace {

constexpr std::string_view kLanguageCodes[] = {"en", "fr", "de", "es", "pt", "it", "id"};
constexpr std::size_t kLanguageCount = std::size(kLanguageCodes);

// The commonest short words of each language in kLanguageCodes, folded.
const std::vector<std::string_view> kFunctionWords[] = {
    {"the", "of", "and", "to", "in", "a", "an", "is", "are", "was", "were", "be", "been",
     "on", "at", "for", "with", "by", "from", "as", "that", "this", "these", "those", "it",
     "its", "his", "her", "their", "he", "she", "they", "we", "our", "not", "but", "or",
     "has", "have", "had", "will", "would", "which", "who", "said", "after", "before",
     "into", "between", "also", "than", "about", "over", "during", "while", "when"},
    {"le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en", "dans", "pour",
     "que", "qui", "sur", "par", "au", "aux", "avec", "ce", "cette", "il", "elle", "ne",
     "pas", "plus", "son", "sa", "ses", "ont", "sont"},
    {"der", "die", "das", "und", "den", "dem", "des", "ein", "eine", "einer", "ist", "im",
     "zu", "von", "mit", "sich", "auf", "fur", "nicht", "auch", "als", "wird", "hat"},
    {"el", "la", "los", "las", "de", "del", "y", "en", "un", "una", "que", "por", "con",
     "para", "es", "se", "su", "al", "lo", "como", "mas", "sus"},
    {"o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "em", "um", "uma", "que",
     "para", "com", "nao", "por", "no", "na", "se", "ao"},
    {"il", "lo", "la", "gli", "le", "di", "del", "della", "e", "in", "un", "una", "che",
     "per", "con", "non", "da", "al", "sono", "nel"},
    {"yang", "dan", "di", "ke", "dari", "untuk", "dengan", "ini", "itu", "pada", "dalam",
     "tidak", "akan", "adalah"},
};

// Function words are at most 7 bytes: such a word and its length pack into
// one integer (byte i of the word at bits 8i, the length at the top), so the
// table below finds a word with a multiply and a compare, and the pass below
// builds the key while it reads the word.
constexpr std::size_t kMaxWord = 7;

std::uint64_t pack(std::string_view w) {
  std::uint64_t key = std::uint64_t(w.size()) << 56;
  for (std::size_t i = 0; i < w.size(); ++i) key |= std::uint64_t(static_cast<unsigned char>(w[i])) << (8 * i);
  return key;
}

// Folded function word -> bit i set when it is in kFunctionWords[i].
class FunctionWordTable {
 public:
  FunctionWordTable() {
    for (std::size_t lang = 0; lang < kLanguageCount; ++lang)
      for (std::string_view w : kFunctionWords[lang]) slot(pack(w)).flags |= std::uint8_t(1u << lang);
  }
  std::uint8_t flags(std::string_view w) const {
    return w.empty() || w.size() > kMaxWord ? 0 : flags(pack(w));
  }
  // The flags of a word packed by pack().
  std::uint8_t flags(std::uint64_t key) const {
    for (std::size_t i = hash(key);; i = (i + 1) % kSlots) {
      if (slots_[i].key == key) return slots_[i].flags;
      if (slots_[i].key == 0) return 0;
    }
  }

 private:
  static constexpr std::size_t kSlots = 512;  // over twice the words: short probes
  struct Slot {
    std::uint64_t key = 0;  // 0: empty (a packed word has a non-zero length)
    std::uint8_t flags = 0;
  };
  static std::size_t hash(std::uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 55; }
  Slot& slot(std::uint64_t key) {
    std::size_t i = hash(key);
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) % kSlots;
    slots_[i].key = key;
    return slots_[i];
  }
  std::array<Slot, kSlots> slots_{};
};

const FunctionWordTable& function_words() {
  static const FunctionWordTable kTable;
  return kTable;
}

// Languages a non-Latin script implies, in alphabetical order of code, so that
// ties go to the first code as they always have; index 0 is Latin and any
// script not listed.
constexpr std::string_view kScriptCodes[] = {"", "ar", "el", "he", "hi", "ja", "km",
                                             "ko", "lo", "my", "ru", "th", "zh"};
constexpr std::size_t kJa = 5, kZh = 12;

std::size_t script_index(char32_t cp) {
  struct Range { char32_t lo, hi; std::size_t index; };
  static constexpr Range kScripts[] = {
      {0x0370, 0x03FF, 2}, {0x0400, 0x04FF, 10}, {0x0590, 0x05FF, 3}, {0x0600, 0x06FF, 1},
      {0x0900, 0x097F, 4}, {0x0E00, 0x0E7F, 11}, {0x0E80, 0x0EFF, 8}, {0x1000, 0x109F, 9},
      {0x1780, 0x17FF, 6}, {0x3040, 0x30FF, kJa}, {0x4E00, 0x9FFF, kZh}, {0xAC00, 0xD7AF, 7}};
  if (cp < 0x0370) return 0;
  for (const auto& r : kScripts)
    if (cp >= r.lo && cp <= r.hi) return r.index;
  return 0;
}

// Letters only Vietnamese uses among Latin scripts (ơ, ư, đ and the stacked tones).
bool vietnamese_letter(char32_t cp) {
  return cp == 0x110 || cp == 0x111 || cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0 ||
         (cp >= 0x1EA0 && cp <= 0x1EF9);
}

// The characters space_at() takes for white space.
bool space_cp(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x200B || cp == 0xFEFF ||
         cp == 0x3000;
}

// ASCII bytes by what the pass does with them; every byte from 0x80 up is
// `other` and decoded.
enum AsciiKind : unsigned char { kLetter = 0, kDigit = 1, kSpace, kPunct, kOther };
constexpr std::array<AsciiKind, 256> kAscii = [] {
  std::array<AsciiKind, 256> t{};
  t.fill(kOther);
  for (unsigned c = 0; c < 128; ++c)
    t[c] = (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? kLetter     // as letter_cp()
           : c >= '0' && c <= '9'                  ? kDigit
           : c == ' ' || (c >= '\t' && c <= '\r')  ? kSpace      // as space_cp()
                                                   : kPunct;    // a fold() separator
  return t;
}();

static_assert(std::size(kScriptCodes) == LanguageCounts::kScripts);
static_assert(kLanguageCount == LanguageCounts::kLanguages);

// Eight bytes of a text as one integer, byte i at bits 8i whatever the
// machine's byte order, so that a word's first bytes are packed as pack()
// does with one read.
constexpr std::uint64_t kOnes = 0x0101010101010101ull;

std::uint64_t load8(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}

// The bytes below byte `n` (<= 8) of a word.
constexpr std::uint64_t low_bytes(std::size_t n) { return n >= 8 ? ~0ull : (1ull << (8 * n)) - 1; }

}  // namespace

// The pass over a text. Its state: the white-space separated token being read
// (a word when it holds a letter or digit) and the fold() word being read,
// whose first kMaxWord bytes are packed as they come, enough to tell a
// function word. It counts into its own members, which the compiler can keep
// in registers, and adds them to the LanguageCounts at the end.
struct LanguageCounts::Pass {
  void run(std::string_view text) {
    const std::size_t n = text.size();
    for (std::size_t pos = 0; pos < n;) {
      const auto b = static_cast<unsigned char>(text[pos]);
      switch (kAscii[b]) {
        case kLetter:
        case kDigit: pos = alnum_run(text, pos); break;
        case kSpace: end_token(), end_word(), ++pos; break;
        case kPunct: in_token_ = true, end_word(), ++pos; break;
        case kOther: other(next_code_point(text, pos)); break;
      }
    }
    end_token();
    end_word();
  }

  void add_to(LanguageCounts& c) const {
    c.letters_ += ascii_letters_ + non_ascii_letters_;
    c.non_ascii_letters_ += non_ascii_letters_;
    c.by_script_[0] += ascii_letters_;
    for (std::size_t i = 0; i < by_script_.size(); ++i) c.by_script_[i] += by_script_[i];
    c.words_ += words_;
    c.vietnamese_ += vietnamese_;
    c.folded_ += folded_;
    for (std::size_t i = 0; i < function_.size(); ++i) c.function_[i] += function_[i];
  }

 private:
  // A run of ASCII letters and digits from `pos`: part of one token and one
  // fold() word, which folds them to lowercase (digits have the 0x20 bit
  // already). Returns where the run ends.
  std::size_t alnum_run(std::string_view text, std::size_t pos) {
    const std::size_t begin = pos, n = text.size();
    std::size_t digits = 0;
    for (AsciiKind k; pos < n && (k = kAscii[static_cast<unsigned char>(text[pos])]) <= kDigit; ++pos)
      digits += k;  // kLetter is 0, kDigit 1
    const std::size_t len = pos - begin;
    const std::size_t take = std::min(len, kMaxWord - std::min(word_len_, kMaxWord));
    if (take > 0 && begin + 8 <= n) {
      key_ |= ((load8(text.data() + begin) | kOnes * 0x20) & low_bytes(take)) << (8 * word_len_);
    } else {
      for (std::size_t i = 0; i < take; ++i)
        key_ |= std::uint64_t(static_cast<unsigned char>(text[begin + i]) | 0x20u) << (8 * (word_len_ + i));
    }
    word_len_ = std::min(word_len_ + len, kMaxWord + 1);
    in_word_ = in_token_ = wordy_ = true;
    ascii_letters_ += len - digits;
    return pos;
  }

  void other(char32_t cp) {
    const bool letter = letter_cp(cp);
    if (letter) {
      ++non_ascii_letters_;
      ++by_script_[script_index(cp)];
    }
    if (space_cp(cp)) {
      end_token();
    } else {
      in_token_ = true;
      wordy_ = wordy_ || letter;
      viet_ = viet_ || vietnamese_letter(cp);
    }
    char piece[4];
    const int n = fold_char(cp, piece);
    if (n == 0) end_word();
    for (int i = 0; i < n; ++i) {
      if (word_len_ <= kMaxWord) append(static_cast<unsigned char>(piece[i]));
      in_word_ = true;
    }
  }

  void append(unsigned byte) {
    if (word_len_ < kMaxWord) key_ |= std::uint64_t(byte) << (8 * word_len_);
    ++word_len_;
  }

  void end_token() {
    if (in_token_) words_ += wordy_, vietnamese_ += wordy_ && viet_;
    in_token_ = wordy_ = viet_ = false;
  }
  void end_word() {
    if (in_word_) {
      ++folded_;
      const unsigned flags = word_len_ <= kMaxWord ? table_.flags(key_ | std::uint64_t(word_len_) << 56) : 0u;
      for (std::size_t i = 0; flags >> i; ++i) function_[i] += (flags >> i) & 1u;
    }
    in_word_ = false;
    word_len_ = 0;
    key_ = 0;
  }

  const FunctionWordTable& table_ = function_words();
  bool in_token_ = false, wordy_ = false, viet_ = false, in_word_ = false;
  std::uint64_t key_ = 0;     // the word's first kMaxWord bytes, as pack() puts them
  std::size_t word_len_ = 0;  // counted up to kMaxWord + 1: too long to be a function word
  std::size_t ascii_letters_ = 0, non_ascii_letters_ = 0, words_ = 0, vietnamese_ = 0, folded_ = 0;
  std::array<std::size_t, kScripts> by_script_{};  // non-ASCII letters only
  std::array<std::size_t, kLanguages> function_{};
};

LanguageCounts::LanguageCounts(std::string_view text) {
  Pass pass;
  pass.run(text);
  pass.add_to(*this);
}

LanguageCounts& LanguageCounts::operator+=(const LanguageCounts& o) {
  letters_ += o.letters_;
  non_ascii_letters_ += o.non_ascii_letters_;
  for (std::size_t i = 0; i < by_script_.size(); ++i) by_script_[i] += o.by_script_[i];
  words_ += o.words_;
  vietnamese_ += o.vietnamese_;
  folded_ += o.folded_;
  for (std::size_t i = 0; i < function_.size(); ++i) function_[i] += o.function_[i];
  return *this;
}

std::optional<Stated> LanguageCounts::latin() const {
  if (words_ < 5) return std::nullopt;
  if (vietnamese_ * 5 >= words_) return Stated{"vi", "inferred: letters"};
  std::size_t best = 0, best_n = 0;
  for (std::size_t i = 0; i < kLanguageCount; ++i)
    if (function_[i] > best_n) best = i, best_n = function_[i];
  if (best_n * 100 < folded_ * 15) return std::nullopt;
  return Stated{std::string(best_n ? kLanguageCodes[best] : ""), "inferred: function words"};
}

std::optional<Stated> LanguageCounts::guess() const {
  if (letters_ < 20) return std::nullopt;
  if (by_script_[0] * 2 > letters_) return latin();
  std::size_t best = 0;
  for (std::size_t i = 1; i < by_script_.size(); ++i)
    if (by_script_[i] > 0 && (best == 0 || by_script_[i] > by_script_[best])) best = i;
  if (best == kZh && by_script_[kJa] * 10 >= by_script_[kZh]) best = kJa;  // kanji with kana
  if (by_script_[best] * 2 <= letters_) return std::nullopt;
  return Stated{std::string(kScriptCodes[best]), "inferred: script"};
}

bool english_function_word(std::string_view folded) { return function_words().flags(folded) & 1u; }

std::optional<Stated> guess_language(std::string_view text) { return LanguageCounts(text).guess(); }

}  // namespace annals
