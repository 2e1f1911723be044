#pragma once
// Numbers a sentence gives for its events: how many strikes a trigger counts ("more than 70 air strikes"), how
// they are shared among places ("8 of them on X, two of them on Y and Z"), and the death toll.
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "events/lexicon.hpp"
#include "events/text_tokens.hpp"

namespace conflictmap {

// "more than 70 air strikes", "10 air raids", "عدد من الضربات": the number just before the trigger at `trigger`.
std::optional<int> count_before(const std::vector<Token>& tokens, std::size_t trigger, const Lexicon& lexicon);

// The lowest death toll the sentence states: numbers and vague words next to "killed", "قتلى", …
std::optional<int> fatalities_in(const std::vector<Token>& tokens, const Lexicon& lexicon);

// "8 of them were on X while two of them were on Y and Z": where each stated share starts, and its number.
std::vector<std::pair<std::size_t, int>> strike_shares(const std::vector<Token>& tokens, const Lexicon& lexicon);

// The share of each place (given by the token where its mention starts) that a stated share covers: the share
// split evenly among the places inside it.
std::map<std::size_t, int> share_per_place(const std::vector<std::pair<std::size_t, int>>& shares,
                                           const std::vector<std::size_t>& place_starts, std::size_t sentence_end);

}  // namespace conflictmap
