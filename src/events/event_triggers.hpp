#pragma once
// The trigger stage of extraction: the words of a sentence that say something happened ("air strikes", "took
// control", "سيطر"), merged when one verb is written twice, and each marked when it describes a state or an
// intention rather than telling an event.
#include <cstdint>
#include <optional>
#include <vector>

#include "events/lexicon.hpp"
#include "events/text_tokens.hpp"

namespace conflictmap {

struct Trigger {
  const Phrase* phrase = nullptr;
  std::size_t first = 0, last = 0;
  std::size_t first_end = 0;   // end of the first word of a merged pair ("بسط … سيطرته")
  bool descriptive = false;    // "villages seized by IS", "التي تسيطر عليها": a state described, not an event told
  bool captive = false;        // "suspects were captured": people taken, an arrest
  bool attempted = false;      // "attempting to take X": no change of hands, but fighting at X
  bool lost = false;           // "فقدت قوات النظام السيطرة على X": the party named lost X (a withdrawal)
  bool merged_into_strike = false;  // a bombardment the aircraft beside it made: the air strike tells it
  bool background = false;     // told in a relative clause ("the dam, which was seized in December"): no fighting
                               // of the sentence ended in it
  bool supporting = false;     // "backed by coalition air strikes": support of the action told, not an event at its places
  bool agent_follows = false;  // "was captured by the SDF", "fell to IS": the agent is written after the verb
  std::size_t agent_at = 0;    // where the words naming that agent begin
  std::vector<std::size_t> places;  // indexes into the sentence's mentions
  std::optional<std::size_t> count_at;  // where its count is written, when another word of it gives it
  bool folded = false;                  // told by an earlier trigger of its kind, which took its count
  bool borrowed = false;            // took the places of an earlier verb ("regained it")
  std::size_t lender = 0;           // that verb's index
};

// The kinds of phrase that trigger events.
const std::vector<std::string>& trigger_kinds();
bool is_territorial_kind(const std::string& kind);  // control, regain, withdraw
bool is_strike_kind(const std::string& kind);       // air_strike, shelling

class TriggerFinder {
 public:
  explicit TriggerFinder(const Lexicon& lexicon);
  // The triggers of one sentence's annotated tokens, in text order.
  std::vector<Trigger> find(const std::vector<Token>& tokens) const;

 private:
  const Lexicon& lexicon_;
  KindMask trigger_ = 0, attempt_ = 0, intention_ = 0, relative_ = 0, past_auxiliary_ = 0, present_auxiliary_ = 0, agent_after_ = 0,
                supporter_ = 0, still_ = 0, bombardment_ = 0, achieved_ = 0, carried_out_ = 0, actor_ = 0, people_ = 0, came_under_ = 0, purpose_ = 0,
                lost_verb_ = 0, driving_out_ = 0;
};

}  // namespace conflictmap
