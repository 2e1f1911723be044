#pragma once
// An event: what happened, where, when, who, how much, and the words it was read from. No I/O here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/geo.hpp"

namespace conflictmap {

// ACLED's event taxonomy: the sub-event type; the event type follows from it.
enum class SubEventType {
  ArmedClash,
  GovernmentRegainsTerritory,
  NonStateActorOvertakesTerritory,
  AirDroneStrike,
  ShellingArtilleryMissile,
  RemoteExplosive,  // remote explosive, landmine, IED; car bombs go here
  SuicideBomb,
  ViolenceAgainstCivilians,  // ACLED's attack on civilians
  Agreement,
  Arrests,
  NonViolentTransfer,  // non-violent transfer of territory
  OtherDevelopment,
};

std::string_view event_type_name(SubEventType type);      // "Battles", "Explosions/Remote violence", …
std::string_view sub_event_type_name(SubEventType type);  // "Armed clash", "Air/drone strike", …
std::optional<SubEventType> parse_sub_event_type(std::string_view acled_name);
// Events that move a front line: their new controller matters.
bool is_territorial(SubEventType type);
bool is_strike(SubEventType type);  // air or drone strikes and shelling: what density layers count

// ACLED's time precision: 1 the day is known, 2 the week, 3 the month; undated when no date could be set.
enum class TimePrecision : int { Undated = 0, Day = 1, Week = 2, Month = 3 };

struct CivilDate {
  int year = 0, month = 0, day = 0;
  bool valid() const { return year > 0; }
  std::string iso() const;  // YYYY-MM-DD
  // Days since 1970-01-01 and back, for arithmetic on dates.
  std::int64_t days() const;
  static CivilDate from_days(std::int64_t days);
  int weekday() const;  // 0 = Sunday … 6 = Saturday
  static std::optional<CivilDate> parse(std::string_view iso);
};

struct EventDate {
  CivilDate date;
  TimePrecision precision = TimePrecision::Undated;
  std::string written;  // the words the date came from ("yesterday", "منذ أربعة أيام"), if any
};

struct Actor {
  std::string canonical;  // from the actor lexicon: "Islamic State", "Syrian government forces", …
  std::string written;    // as the source wrote it
  bool empty() const { return canonical.empty() && written.empty(); }
};

struct EventPlace {
  std::string place_id;  // gazetteer id; empty for coordinates a table gave
  std::string name;      // the gazetteer's name, or the table's location
  std::string written;   // as the source wrote it
  LatLon point;
  int precision = 0;     // ACLED geo precision 1–3; 0 when there is no point
  bool has_point() const { return precision > 0; }
};

struct Provenance {
  std::string document;    // the report file or the table it came from
  std::size_t span_begin = 0, span_end = 0;  // byte offsets of the sentence in the document
  long line = 0;           // for table rows: the line number
  std::string sentence;    // the sentence, or the table's notes
};

struct Event {
  std::string id;
  EventDate date;
  SubEventType type = SubEventType::ArmedClash;
  Actor actor1, actor2;
  EventPlace place;
  std::optional<int> count;       // strikes or raids, when stated
  std::optional<int> fatalities;  // the lowest estimate
  std::string new_controller;     // canonical actor, for territorial events
  Provenance provenance;
};

}  // namespace conflictmap
