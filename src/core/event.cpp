#include "core/event.hpp"

#include <charconv>
#include <cstdio>

namespace conflictmap {

namespace {

struct TypeNames {
  SubEventType type;
  std::string_view event_type;
  std::string_view sub_event_type;
};

constexpr TypeNames kTypes[] = {
    {SubEventType::ArmedClash, "Battles", "Armed clash"},
    {SubEventType::GovernmentRegainsTerritory, "Battles", "Government regains territory"},
    {SubEventType::NonStateActorOvertakesTerritory, "Battles", "Non-state actor overtakes territory"},
    {SubEventType::AirDroneStrike, "Explosions/Remote violence", "Air/drone strike"},
    {SubEventType::ShellingArtilleryMissile, "Explosions/Remote violence", "Shelling/artillery/missile attack"},
    {SubEventType::RemoteExplosive, "Explosions/Remote violence", "Remote explosive/landmine/IED"},
    {SubEventType::SuicideBomb, "Explosions/Remote violence", "Suicide bomb"},
    {SubEventType::ViolenceAgainstCivilians, "Violence against civilians", "Attack"},
    {SubEventType::Agreement, "Strategic developments", "Agreement"},
    {SubEventType::Arrests, "Strategic developments", "Arrests"},
    {SubEventType::NonViolentTransfer, "Strategic developments", "Non-violent transfer of territory"},
    {SubEventType::OtherDevelopment, "Strategic developments", "Other"},
};

const TypeNames& names_of(SubEventType type) {
  for (const auto& t : kTypes) {
    if (t.type == type) return t;
  }
  return kTypes[0];
}

}  // namespace

std::string_view event_type_name(SubEventType type) { return names_of(type).event_type; }
std::string_view sub_event_type_name(SubEventType type) { return names_of(type).sub_event_type; }

std::optional<SubEventType> parse_sub_event_type(std::string_view acled_name) {
  for (const auto& t : kTypes) {
    if (t.sub_event_type == acled_name) return t.type;
  }
  // ACLED's longer spellings
  if (acled_name == "Shelling/artillery/missile attack" || acled_name == "Shelling/artillery/missile")
    return SubEventType::ShellingArtilleryMissile;
  if (acled_name == "Remote explosive/landmine/IED") return SubEventType::RemoteExplosive;
  if (acled_name == "Attack" || acled_name == "Abduction/forced disappearance" || acled_name == "Sexual violence")
    return SubEventType::ViolenceAgainstCivilians;
  if (acled_name == "Arrests") return SubEventType::Arrests;
  if (acled_name == "Grenade") return SubEventType::RemoteExplosive;
  if (acled_name == "Change to group/activity" || acled_name == "Headquarters or base established" ||
      acled_name == "Looting/property destruction" || acled_name == "Disrupted weapons use")
    return SubEventType::OtherDevelopment;
  return std::nullopt;
}

bool is_territorial(SubEventType type) {
  return type == SubEventType::GovernmentRegainsTerritory || type == SubEventType::NonStateActorOvertakesTerritory ||
         type == SubEventType::NonViolentTransfer;
}

bool is_strike(SubEventType type) {
  return type == SubEventType::AirDroneStrike || type == SubEventType::ShellingArtilleryMissile;
}

std::string CivilDate::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// Howard Hinnant's civil-date algorithms: exact over the proleptic Gregorian calendar.
std::int64_t CivilDate::days() const {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilDate::from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = yoe + era * 400;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int CivilDate::weekday() const {
  const std::int64_t z = days();
  return static_cast<int>(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

std::optional<CivilDate> CivilDate::parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  CivilDate d;
  auto number = [&](std::size_t at, std::size_t length, int& out) {
    const auto [end, error] = std::from_chars(iso.data() + at, iso.data() + at + length, out);
    return error == std::errc() && end == iso.data() + at + length;
  };
  if (!number(0, 4, d.year) || !number(5, 2, d.month) || !number(8, 2, d.day)) return std::nullopt;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31 || d.year < 1) return std::nullopt;
  // reject 2023-02-30 and the like: a valid date survives the round trip
  const CivilDate back = from_days(d.days());
  if (back.month != d.month || back.day != d.day) return std::nullopt;
  return d;
}

}  // namespace conflictmap
