#pragma once
// Dates written relative to the report: "yesterday", "two days ago", "on Wednesday", "a month ago",
// "منذ أربعة أيام", "ليل أمس". Without a publication date they cannot be placed, and events stay undated.
#include <optional>

#include "core/event.hpp"
#include "events/lexicon.hpp"
#include "events/text_tokens.hpp"

namespace conflictmap {

// The first date expression in the tokens, resolved against `published` when there is one. Returns nothing
// when the tokens hold no date expression.
std::optional<EventDate> read_relative_date(const std::vector<Token>& tokens, std::string_view text,
                                            const Lexicon& lexicon, std::optional<CivilDate> published);

}  // namespace conflictmap
