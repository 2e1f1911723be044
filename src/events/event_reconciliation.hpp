#pragma once
// The last stage of extraction, across a report: one change of control per place and new controller, one event
// of a type per place and sentence, and fighting that ends in a capture the same sentence tells is that capture.
#include <cstddef>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/event.hpp"

namespace conflictmap {

class EventReconciler {
 public:
  // Opens a sentence whose events will be appended to `events` after its current end.
  void begin_sentence(std::size_t sentence, const std::vector<Event>& events);
  // Whether an event is new. A place known only by its area (`area_only`) stays apart from the town it is placed
  // at: two unknown villages are not one.
  // `background`: a capture told as background ("which was seized in December") ends no fighting of the sentence.
  bool admit(const Event& event, bool area_only, bool background = false);
  // Closes the sentence: its armed clashes at places it says changed hands go.
  void end_sentence(std::vector<Event>& events);

 private:
  std::set<std::pair<std::string, std::string>> controlled_;  // place, new controller
  std::set<std::tuple<int, std::string, std::size_t>> told_;  // type, place, sentence
  std::set<std::string> taken_in_sentence_;
  std::size_t sentence_ = 0, sentence_begin_ = 0;
};

}  // namespace conflictmap
