#pragma once
// Kernel shapes for density surfaces. Each is normalised so that it integrates to 1 over the plane, with
// the bandwidth h as its radius of support, as QGIS's Heatmap defines them (quartic: 16/(5πh²)·(15/16)·
// (1−(d/h)²)², the corrected constant, not the 116/(5πh²) older QGIS releases used).
#include <optional>
#include <string_view>

namespace conflictmap {

enum class KernelShape { Quartic, Triangular, Epanechnikov, Uniform, Gaussian };

std::optional<KernelShape> parse_kernel_shape(std::string_view name);
std::string_view kernel_shape_name(KernelShape shape);

// The kernel as a function of the squared distance, so the inner loop needs no square root.
class Kernel {
 public:
  Kernel(KernelShape shape, double bandwidth);
  // Density per unit area at squared distance d² from the point; 0 beyond the support radius.
  double at_squared_distance(double d2) const;
  double at_distance(double d) const { return at_squared_distance(d * d); }
  // How far the kernel reaches: h, except for the Gaussian (σ = h, cut at 4σ and renormalised).
  double support_radius() const { return support_; }
  KernelShape shape() const { return shape_; }
  double bandwidth() const { return bandwidth_; }

 private:
  KernelShape shape_;
  double bandwidth_;
  double support_;
  double support2_;
  double scale_;    // the normalising constant
  double inv_h2_;   // 1/h² (for the Gaussian: 1/(2σ²))
};

}  // namespace conflictmap
