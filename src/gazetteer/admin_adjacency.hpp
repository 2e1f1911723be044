#pragma once
// Which admin units share a border. Writers name a governorate loosely ("Damascus" for a town in Rural
// Damascus, "Hama" for a village just inside Idlib), so the resolver doubts a neighbouring unit less.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace conflictmap {

using AdminNeighbours = std::map<std::string, std::set<std::string>>;

// Units of each layer (OCHA COD-AB admN_pcode fields) whose polygons touch or overlap, both ways round.
AdminNeighbours find_admin_neighbours(const std::vector<std::filesystem::path>& layers);

}  // namespace conflictmap
