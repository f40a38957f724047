#include "lines.h"

namespace annals::gen {
namespace {

const std::vector<Line> kTalks = {
    {"The two sides discussed ways to expand cooperation in {X}, {Y} and {Z}."},
    {"They exchanged views on regional and international issues of mutual concern."},
    {"{s1} and {s2} agreed to step up exchanges of delegations at all levels.", kLead | kPartner},
    {"The talks focused on {X}, {Y} and closer coordination at multilateral forums."},
    {"Both sides expressed satisfaction with the growth of bilateral ties in recent years."},
    {"{s1} briefed {s2} on the socio-economic situation in {A}.", kLead | kPartner},
    {"The leaders reviewed the implementation of agreements reached during previous high-level contacts."},
    {"They agreed to instruct their ministries to draw up a road map for cooperation in {X}."},
    {"According to a statement issued after the talks, both sides support the peaceful settlement of disputes."},
    {"The discussions, which lasted more than two hours, were held in what officials called a warm and candid atmosphere."},
    {"Much of the conversation dealt with {X}, an area both governments have identified as a priority."},
    {"The two sides also touched on the situation in the wider region and on the reform of international institutions."},
    {"The two sides agreed to review progress at their next meeting and to keep in close contact."},
    {"Officials said the agenda also covered energy security and the supply of fertiliser and grain."},
    {"Both delegations included ministers responsible for trade, finance and foreign affairs."},
    {"The atmosphere was described by one participant as businesslike but friendly."},
};

const std::vector<Line> kStatements = {
    {"{s1} said that {A} valued its partnership with {B} and wanted to raise it to a higher level.", kLead},
    {"{s2} noted that companies from {A} were welcome to invest in {X} and {Y}.", kPartner},
    {"{s1} stressed the need to speed up the implementation of joint projects, especially in {X}.", kLead},
    {"The two leaders agreed to increase the frequency of high-level contacts and to make better use of existing cooperation mechanisms."},
    {"{s2} expressed support for {A's} development goals and said {B} would continue to share its experience in {X}.", kPartner},
    {"They also agreed to make travel easier for business people, students and tourists."},
    {"{s1} proposed setting up a joint working group on {X}, a suggestion {s2} welcomed.", kLead | kPartner},
    {"Both sides agreed to encourage closer links between their ministries, provinces and business communities."},
    {"{s2} reaffirmed {B's} policy of developing friendly relations with all countries on the basis of mutual respect.", kPartner},
    {"The two sides noted that there was still much room to expand cooperation in {X}, given the complementary strengths of their economies."},
    {"{s1} briefed {s2} on {A's} efforts to improve its business climate and attract foreign investment.", kLead | kPartner},
    {"They discussed preparations for the next session of the joint commission on economic cooperation."},
    {"{s1} said {his1} government attached great importance to {X} and hoped to learn from the experience of {B}.", kLead},
    {"{s2} said the two countries should work together to cope with common challenges, from climate change to public health.", kPartner},
    {"{s2} said {B} hoped to see more investment from {A} in {X}, particularly in projects that create jobs.", kPartner},
    {"{s1} called for a more balanced trade relationship and for easier market access for goods from {A}.", kLead},
    {"The two sides agreed to strengthen cooperation between their customs and border agencies."},
    {"{s1} also raised the protection of citizens of {A} living and working in {B}.", kLead},
};

const std::vector<Line> kQuote = {
    {"\"Our two countries share a long history of friendship and mutual respect,\" {s1} said.", kLead},
    {"\"We are determined to take our cooperation in {X} to a new level,\" {s1} told reporters.", kLead},
    {"\"{A} regards {B} as a reliable partner,\" {s2} said at a joint press conference.", kPartner},
    {"\"There is huge potential in {X} and {Y} that we have not yet tapped,\" {s1} said.", kLead},
    {"{s2} described the talks as \"frank, friendly and productive.\"", kPartner},
    {"\"This is a new chapter in our relations,\" {s1} said, adding that trade could double within five years.", kLead},
    {"\"We will continue to stand by our friends,\" a spokesperson for the {Aadj} foreign ministry said."},
    {"\"The door to dialogue remains open,\" an official in {B} said, speaking on condition of anonymity."},
    {"\"We agreed that our ministers will meet more often and report back to us on the results,\" {s1} said.", kLead},
    {"\"Our cooperation is based on trust, and trust is built step by step,\" {s2} told journalists.", kPartner},
    {"\"{B} is a friend we can count on,\" {s1} said.", kLead},
    {"\"We see great opportunities in {X},\" a senior official from {B} said after the meeting."},
    {"\"Our relations have never been better,\" a diplomat from {A} told reporters."},
};

const std::vector<Line> kEconomy = {
    {"Bilateral trade stood at about ${Z} billion last year, according to official figures."},
    {"{A} is among the ten largest trading partners of {B}."},
    {"Companies from {A} have invested in {X} and {Y} projects across {B}."},
    {"The two sides set a target of doubling two-way trade by the end of the decade."},
    {"{A} exports mainly machinery and electronics to {B}, while imports from {B} are dominated by farm products."},
    {"Officials said several joint ventures in {X} were at the planning stage."},
    {"{A} also offers scholarships and technical training to specialists from {B}."},
    {"Economists say a free trade deal could boost two-way trade significantly, though negotiations have yet to begin."},
    {"The central banks of the two countries have discussed ways to settle more trade in local currencies."},
    {"Tourism has recovered strongly, with the number of travellers between the two countries rising every year."},
    {"Officials want to expand cooperation in {X}, where both countries have ambitious plans."},
    {"Investors from {B} have shown growing interest in opportunities in {A}."},
    {"Shipping and air links are being expanded to cut costs for exporters."},
};

const std::vector<Line> kRegion = {
    {"{A} and {B} also pledged to coordinate closely at multilateral forums."},
    {"The two leaders called for dialogue and restraint to ease tensions in the region."},
    {"They agreed that climate change, food security and energy security require joint responses."},
    {"Both sides stressed the importance of freedom of navigation and respect for international law."},
    {"{A} and {B} hold similar positions on many international issues, including reform of the United Nations Security Council.",
     0, "United Nations Security Council"},
    {"The two sides also discussed maritime security and the fight against terrorism and transnational crime."},
    {"They welcomed efforts to resolve conflicts in the region through dialogue."},
    {"Both countries said they would continue to support each other's candidacies at the United Nations.", 0,
     "United Nations"},
    {"Both sides called for a peaceful and lasting solution to conflicts in their neighbourhood."},
    {"They agreed to work together on regional connectivity projects, including roads, ports and power lines."},
};

const std::vector<Line> kClosing = {
    {"The talks are expected to give fresh impetus to cooperation between the two countries."},
    {"{s1} invited {s2} to visit {A} at a convenient time, and the invitation was accepted with pleasure.", kLead | kPartner},
    {"The two sides agreed to hold the next round of talks in {A} next year."},
    {"Both leaders expressed confidence that relations between {A} and {B} would continue to grow."},
    {"{s2} is expected to pay a return visit to {A} at a date to be agreed through diplomatic channels.", kPartner},
};

const std::vector<Line> kVisit = {
    {"The visit is expected to give fresh impetus to cooperation between the two countries."},
    {"Officials described the trip as the most substantive in several years."},
    {"Security was tight in the capital throughout the visit."},
    {"The visit comes amid efforts by both governments to diversify their foreign partnerships."},
};

const std::vector<Line> kExercise = {
    {"The drills focused on counter-terrorism operations, search and rescue and maritime security."},
    {"Officials said the exercise was not directed at any third country."},
    {"Warships, helicopters and special forces units took part."},
    {"Commanders from both sides said the training had improved coordination between the two armed forces."},
    {"Live-fire drills and a joint landing operation were held on the final day."},
    {"The armed forces of {A} and {B} have trained together regularly in recent years."},
    {"Officers from both sides said the training helped them share experience in peacekeeping operations."},
    {"The programme included command post drills, medical evacuation and counter-piracy training."},
};

const std::vector<Line> kAid = {
    {"The {Badj} government thanked {A} for its swift response."},
    {"The supplies will be distributed to the worst-hit provinces, officials said."},
    {"More than {Z}0,000 people have been affected, according to local authorities."},
    {"Aid agencies have warned that more help will be needed in the coming months."},
    {"A team of doctors and rescue workers accompanied the shipment."},
    {"The {Badj} foreign ministry said the assistance reflected the close friendship between the two peoples."},
    {"International organisations have appealed for further support as reconstruction gets under way."},
    {"Officials in {B} said the help had arrived at a critical moment."},
};

const std::vector<Line> kElection = {
    {"Turnout was about {Z}0 percent, according to the electoral commission."},
    {"{s1} has promised to pursue a balanced foreign policy and to attract foreign investment.", kLead},
    {"Observers described the vote as calm and orderly."},
    {"Congratulatory messages arrived from leaders across the region."},
    {"The new government has said it will honour the country's existing international commitments."},
    {"Analysts expect few changes in relations with {B}."},
};

const std::vector<Line> kRelations = {
    {"The two countries have cooperated closely in {X} for decades."},
    {"Thousands of students from {B} have studied in {A} over the years."},
    {"People-to-people exchanges have also grown, with direct flights linking the two capitals."},
    {"{A} opened an embassy in {B} and later a consulate general."},
    {"Trade, investment and development cooperation have been at the core of the relationship."},
    {"The relationship has weathered several changes of government on both sides."},
    {"Over the decades the two countries have built up a framework of dozens of bilateral documents."},
    {"Political dialogue between the two foreign ministries takes place regularly."},
    {"Parliamentary friendship groups in both legislatures help sustain the relationship."},
};

// Only right after the sentence on how relations began.
const std::vector<Line> kSince = {
    {"Since then, cooperation has expanded to cover {X}, {Y} and {Z}."},
    {"Since then, ties have deepened steadily despite occasional differences."},
    {"In the decades since, the two countries have built a wide-ranging partnership."},
};

const std::vector<Line> kPeople = {
    {"Cultural exchanges have flourished, with film weeks, art exhibitions and student exchanges held regularly."},
    {"Direct flights between the two countries have made business and tourist travel easier."},
    {"Several universities in {A} and {B} run joint programmes and exchange lecturers."},
    {"A growing number of students from {B} are studying in {A}."},
    {"Friendship associations in both countries organise cultural events throughout the year."},
    {"Language courses in both countries report growing demand."},
    {"Media organisations from {A} and {B} have expanded their exchanges of news and programmes."},
    {"Sister-city ties link several provinces and municipalities of the two countries."},
};

const std::vector<Line> kAnalysis = {
    {"Analysts say the relationship has gained momentum as both countries seek to diversify their partnerships."},
    {"For {A}, {B} is an increasingly important partner in {X}."},
    {"Observers note that the two governments have avoided public disagreements in recent years."},
    {"Critics, however, argue that the economic benefits have been unevenly shared."},
    {"The relationship is not without friction: disputes over tariffs and market access have flared from time to time."},
    {"Much will depend on whether the promises on {X} turn into projects on the ground."},
    {"Diplomats in the region say the two governments have found common ground on most issues."},
    {"Still, the gap between political declarations and economic results remains wide."},
    {"Some experts caution that domestic politics in both countries could slow progress."},
    {"For {B}, the relationship offers access to new markets and sources of investment."},
    {"Some observers see the relationship as a test of how middle-sized countries can deepen ties without choosing sides."},
    {"The economic case is strong, but implementation has often been slow."},
    {"Officials privately acknowledge that bureaucratic obstacles remain."},
    {"Public opinion in both countries is broadly favourable to closer ties, surveys suggest."},
};

}  // namespace

const std::vector<Line>& lines_of(Topic topic) {
  switch (topic) {
    case Topic::talks: return kTalks;
    case Topic::statements: return kStatements;
    case Topic::quote: return kQuote;
    case Topic::economy: return kEconomy;
    case Topic::region: return kRegion;
    case Topic::closing: return kClosing;
    case Topic::visit: return kVisit;
    case Topic::exercise: return kExercise;
    case Topic::aid: return kAid;
    case Topic::election: return kElection;
    case Topic::relations: return kRelations;
    case Topic::since: return kSince;
    case Topic::people: return kPeople;
    case Topic::analysis: return kAnalysis;
  }
  return kTalks;
}

}  // namespace annals::gen
