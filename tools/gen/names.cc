#include "names.h"

#include <array>
#include <vector>

#include "text/text.h"

namespace annals::gen {
namespace {

using Syllables = std::vector<std::string_view>;

// One style: given names of `given_min`..`given_max` syllables, family names
// of `family_min`..`family_max`, an optional family ending.
struct Table {
  Syllables given_first, given_rest;
  Syllables family_first, family_rest;
  Syllables family_end;  // "" entries make the ending optional
  int given_min = 2, given_max = 2, family_min = 2, family_max = 3;
};

const Table& table_of(NameStyle style) {
  static const std::array<Table, 13> kTables = {{
      // african
      {{"A", "Ba", "Che", "Da", "E", "Fu", "Ka", "Ki", "Ma", "Nja", "O", "Se", "Ta", "Wa", "Ze", "Ade", "Olu", "Kwa"},
       {"ma", "ni", "ku", "la", "be", "mi", "yo", "si", "nde", "nga", "ro", "tu", "wu", "ke"},
       {"Ba", "Da", "Ka", "Mwa", "Nya", "O", "Ta", "We", "Ade", "Oke", "Chi", "Ndi", "Mo", "Se", "Bo"},
       {"ke", "nga", "la", "si", "mbe", "go", "ru", "ye", "ko", "ba", "nu", "wo", "de", "mi"},
       {"", "", "", "sa", "ye", "ra", "de"},
       2, 3, 2, 3},
      // arab
      {{"Ha", "Sa", "Ka", "Fa", "Na", "Ra", "Ja", "Ma", "Ta", "Za", "Ya", "Wa", "Ba"},
       {"mir", "lid", "sim", "dir", "bil", "ziz", "sir", "mad", "lim", "hed", "rim", "waf", "yid", "nan"},
       {"Al-Na", "Al-Ra", "Al-Sha", "Al-Ka", "Ma", "Ha", "Za", "Ta", "Fa", "Ba", "Qa", "Da"},
       {"da", "wa", "ma", "ri", "li", "ba", "ha", "sa", "ja"},
       {"ri", "ni", "wi", "di", "si", "mi", "bi", "ti"},
       2, 2, 2, 3},
      // chinese
      {{"Jian", "Xiao", "Wen", "Hao", "Yun", "Zhi", "Ming", "Rui", "Kai", "Lan", "Qing", "Shu", "Bo"},
       {"ping", "tao", "lin", "feng", "hua", "jun", "yu", "chen", "rong", "xin", "an", "hui"},
       {"Zhao", "Qiu", "Fang", "Tang", "Shen", "Gao", "Pei", "Luo", "Xue", "Mo", "Cen", "Rao"},
       {}, {""}, 2, 2, 1, 1},
      // japanese
      {{"Ka", "Ta", "Hi", "Mi", "Yo", "Sa", "Ma", "Na", "Ke", "Shi", "Ha", "Ri"},
       {"ro", "ki", "ko", "to", "shi", "mi", "na", "ru", "ya", "hei", "suke", "e"},
       {"Ta", "Ka", "Mo", "Ya", "Ha", "Su", "O", "Ni", "Wa", "Se", "Ku", "Fu"},
       {"na", "mu", "ri", "ta", "shi", "ki", "no", "ge", "ba"},
       {"moto", "da", "gawa", "zaki", "mura", "hara", "yama", "saki"},
       2, 3, 2, 2},
      // korean
      {{"Ji", "Min", "Seo", "Hyun", "Jae", "Yeon", "Sung", "Dong", "Eun", "Tae", "Hee", "Woo"},
       {"-ho", "-jin", "-woo", "-soo", "-hyuk", "-ah", "-bin", "-yeon", "-seok", "-mi"},
       {"Pyo", "Seon", "Yeom", "Hwang", "Bae", "Noh", "Gil", "Ahn", "Byun", "Chae"},
       {}, {""}, 2, 2, 1, 1},
      // vietnamese
      {{"Văn", "Minh", "Đức", "Quốc", "Thanh", "Hoài", "Xuân", "Ngọc", "Hữu", "Công"},
       {"Khang", "Lâm", "Sơn", "Tuấn", "Hải", "Long", "Bình", "Khoa", "Vinh", "Phúc", "Tâm", "Dũng"},
       {"Trần", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Tạ", "Lương"},
       {}, {""}, 2, 2, 1, 1},
      // southeast_asian
      {{"Som", "Thong", "Bou", "Ka", "Sa", "Wi", "Pra", "Su", "Anu", "Nga", "Bu", "Rat"},
       {"chai", "phan", "savanh", "lith", "wat", "nan", "dee", "pong", "sak", "mani", "di", "yo"},
       {"Phon", "Sisa", "Kham", "Wong", "Sri", "Su", "Chan", "Rat", "Ma", "Hari", "Keo", "Inta"},
       {"vong", "pan", "tha", "sa", "wa", "la", "ma", "yo", "ri"},
       {"", "", "vanh", "sak", "to", "no", "dhi"},
       2, 2, 2, 3},
      // south_asian
      {{"A", "Ra", "Vi", "Su", "Ka", "Pra", "Ma", "De", "Ni", "Sha", "Har", "Ja"},
       {"jay", "nesh", "kash", "dha", "vind", "shan", "mit", "tin", "ran", "lal", "deep", "esh"},
       {"Va", "Cha", "Dha", "Ku", "Ra", "Me", "Pa", "Sha", "Na", "Bha", "Go", "Ti"},
       {"ran", "war", "ma", "ka", "tel", "sa", "ni", "dav", "kar", "tri"},
       {"", "", "i", "ra", "an", "dar"},
       2, 2, 2, 3},
      // turkic
      {{"Nur", "Ay", "Er", "Bek", "Ka", "Ser", "Tem", "Ul", "Da", "Ar", "Mu", "Yer"},
       {"lan", "bek", "tay", "sul", "mir", "han", "dar", "zhan", "gul", "tan"},
       {"Kara", "Tok", "Ay", "Sar", "Bay", "Tur", "Ish", "Ka", "Or", "Jum", "Ab", "Ras"},
       {"ba", "mu", "ta", "ke", "sy", "li", "da"},
       {"yev", "ov", "ova", "bekov", "uly", "oglu", "ev"},
       2, 2, 2, 2},
      // slavic
      {{"Vla", "Bo", "Mi", "Ra", "Sta", "Ya", "Dra", "Lu", "Ve", "Zo", "Go", "Pe"},
       {"dim", "ris", "slav", "mir", "dan", "rek", "tor", "shan", "lan", "vel"},
       {"Kor", "Vol", "Ma", "Dub", "Bel", "Zar", "Kra", "No", "Mir", "Sok", "Lev", "Gri"},
       {"ba", "ro", "ze", "ni", "ko", "vi", "la"},
       {"enko", "ov", "sky", "ić", "ovich", "ak", "in", "ev"},
       2, 2, 1, 2},
      // western
      {{"Al", "Ma", "Ju", "Cla", "Ed", "Fre", "He", "Lo", "Ro", "Ste", "Tho", "Vi"},
       {"ric", "rine", "lian", "ra", "win", "da", "len", "bert", "na", "mas", "an"},
       {"Hal", "Wes", "Brin", "Cor", "Dal", "Fen", "Gar", "Lind", "Mar", "Ost", "Pem", "Ther"},
       {"ling", "ton", "ro", "ver", "ham", "ley", "by", "mer", "wick"},
       {"", "", "", "s", "er"},
       2, 2, 2, 2},
      // latin
      {{"Ale", "Ca", "Di", "Es", "Fer", "Gus", "Ja", "Lu", "Mar", "Ra", "Se", "Val"},
       {"jandro", "milo", "ego", "teban", "nanda", "tavo", "vier", "cía", "cela", "món", "rena", "lia"},
       {"Al", "Ba", "Cas", "Fi", "Gal", "Ma", "Or", "Quin", "Ro", "San", "Ve", "Zu"},
       {"va", "ta", "ri", "lle", "de", "ci", "ne", "bo"},
       {"", "ez", "ro", "ano", "illo", "eda"},
       2, 2, 2, 2},
      // pacific
      {{"Ta", "Lo", "Se", "Ma", "Fe", "Ka", "Vi", "Pa", "Ne", "To", "Ila", "Sio"},
       {"ne", "ua", "ki", "lo", "ta", "mi", "sa", "ni", "fa", "le"},
       {"Tui", "Fa", "Ma", "Ko", "Sa", "Le", "Na", "Va", "Po", "Ta"},
       {"ka", "lo", "ne", "ta", "ui", "fa", "li", "ma", "ga"},
       {"", "", "u", "ia", "ea"},
       2, 3, 2, 3},
  }};
  return kTables[static_cast<std::size_t>(style)];
}

std::string draw_word(Rng& rng, const Syllables& first, const Syllables& rest, int count) {
  std::string out(rng.pick(first));
  for (int i = 1; i < count && !rest.empty(); ++i) out += rng.pick(rest);
  return out;
}

}  // namespace

std::string PersonName::full() const {
  return family_first ? family + " " + given : given + " " + family;
}

std::string PersonName::short_form() const {
  if (!short_is_given) return family;
  const auto space = given.rfind(' ');
  return space == std::string::npos ? given : given.substr(space + 1);
}

PersonName invent_name(NameStyle style, Rng& rng) {
  const Table& t = table_of(style);
  PersonName name;
  if (style == NameStyle::vietnamese) {
    // Family, middle and given name: "Trần Quốc Khang".
    name.family = std::string(rng.pick(t.family_first));
    name.given = std::string(rng.pick(t.given_first)) + " " + std::string(rng.pick(t.given_rest));
    name.family_first = name.short_is_given = true;
    return name;
  }
  name.given = draw_word(rng, t.given_first, t.given_rest, rng.between(t.given_min, t.given_max));
  name.family = draw_word(rng, t.family_first, t.family_rest,
                          rng.between(t.family_min, t.family_max));
  name.family += rng.pick(t.family_end);
  name.family_first = style == NameStyle::chinese || style == NameStyle::korean;
  return name;
}

bool has_diacritics(std::string_view text) {
  for (const char ch : text)
    if (static_cast<unsigned char>(ch) >= 0x80) return true;
  return false;
}

std::string without_diacritics(std::string_view text) {
  // fold() strips diacritics but also lowercases; the case of each word's
  // first letter is restored from the original.
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    const std::string_view word = text.substr(pos, end - pos);
    std::string plain = has_diacritics(word) ? fold(word) : std::string(word);
    if (!plain.empty() && starts_upper(word) && plain[0] >= 'a' && plain[0] <= 'z')
      plain[0] = static_cast<char>(plain[0] - 'a' + 'A');
    if (!out.empty()) out += ' ';
    out += plain;
    pos = end + 1;
  }
  return out;
}

}  // namespace annals::gen
