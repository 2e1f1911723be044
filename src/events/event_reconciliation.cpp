#include "events/event_reconciliation.hpp"

#include <algorithm>

namespace conflictmap {

namespace {

std::string place_key(const Event& e) { return e.place.place_id + "|" + e.place.written; }

}  // namespace

void EventReconciler::begin_sentence(std::size_t sentence, const std::vector<Event>& events) {
  sentence_ = sentence;
  sentence_begin_ = events.size();
  taken_in_sentence_.clear();
}

bool EventReconciler::admit(const Event& e, bool area_only, bool background) {
  if (!e.new_controller.empty()) {
    // also when an earlier sentence already told it: the fighting here still ended in that capture
    if (!background) taken_in_sentence_.insert(place_key(e));
    const std::string key = e.place.precision >= 3 || e.place.place_id.empty() || area_only ? place_key(e) : e.place.place_id;
    return controlled_.insert({key, e.new_controller}).second;
  }
  return told_.insert({static_cast<int>(e.type), place_key(e), sentence_}).second;
}

void EventReconciler::end_sentence(std::vector<Event>& events) {
  // "IS took Soran after clashes with the regime": one event, the capture
  if (taken_in_sentence_.empty()) return;
  const auto first = events.begin() + static_cast<std::ptrdiff_t>(sentence_begin_);
  events.erase(std::remove_if(first, events.end(),
                              [&](const Event& e) {
                                return e.type == SubEventType::ArmedClash && taken_in_sentence_.count(place_key(e)) > 0;
                              }),
               events.end());
}

}  // namespace conflictmap
