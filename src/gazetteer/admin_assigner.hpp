#pragma once
// Gives places from point-only sources (GeoNames, map marks) the admin1–3 P-codes of the polygon they lie in.
#include <filesystem>
#include <memory>

#include "gazetteer/gazetteer.hpp"

namespace conflictmap {

class AdminAssigner {
 public:
  // Reads the deepest admin polygons (an OCHA COD-AB layer with admN_pcode fields).
  explicit AdminAssigner(const std::filesystem::path& admin_layer);
  ~AdminAssigner();
  AdminAssigner(const AdminAssigner&) = delete;
  AdminAssigner& operator=(const AdminAssigner&) = delete;

  // Fills empty admin codes; returns how many places got codes, and counts places outside every polygon.
  std::size_t assign(Gazetteer& gazetteer, std::size_t* outside = nullptr) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace conflictmap
