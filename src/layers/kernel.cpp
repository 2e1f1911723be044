#include "layers/kernel.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace conflictmap {

namespace {
constexpr double kGaussianCutoff = 4.0;  // in σ; 99.97% of the mass lies inside
}

std::optional<KernelShape> parse_kernel_shape(std::string_view name) {
  if (name == "quartic" || name == "biweight") return KernelShape::Quartic;
  if (name == "triangular") return KernelShape::Triangular;
  if (name == "epanechnikov") return KernelShape::Epanechnikov;
  if (name == "uniform") return KernelShape::Uniform;
  if (name == "gaussian") return KernelShape::Gaussian;
  return std::nullopt;
}

std::string_view kernel_shape_name(KernelShape shape) {
  switch (shape) {
    case KernelShape::Quartic: return "quartic";
    case KernelShape::Triangular: return "triangular";
    case KernelShape::Epanechnikov: return "epanechnikov";
    case KernelShape::Uniform: return "uniform";
    case KernelShape::Gaussian: return "gaussian";
  }
  return "quartic";
}

Kernel::Kernel(KernelShape shape, double bandwidth) : shape_(shape), bandwidth_(bandwidth) {
  if (!(bandwidth > 0.0) || !std::isfinite(bandwidth)) throw std::invalid_argument("kernel bandwidth must be > 0");
  const double pi = std::numbers::pi;
  const double h2 = bandwidth * bandwidth;
  support_ = bandwidth;
  inv_h2_ = 1.0 / h2;
  switch (shape) {
    case KernelShape::Quartic: scale_ = 16.0 / (5.0 * pi * h2) * (15.0 / 16.0); break;  // = 3/(πh²)
    case KernelShape::Triangular: scale_ = 3.0 / (pi * h2); break;
    case KernelShape::Epanechnikov: scale_ = 2.0 / (pi * h2); break;
    case KernelShape::Uniform: scale_ = 1.0 / (pi * h2); break;
    case KernelShape::Gaussian: {
      // σ = h; the tail beyond the cut is folded back in so that the mass stays exactly 1.
      support_ = kGaussianCutoff * bandwidth;
      inv_h2_ = 1.0 / (2.0 * h2);
      const double kept = 1.0 - std::exp(-kGaussianCutoff * kGaussianCutoff / 2.0);
      scale_ = 1.0 / (2.0 * pi * h2 * kept);
      break;
    }
  }
  support2_ = support_ * support_;
}

double Kernel::at_squared_distance(double d2) const {
  if (d2 > support2_) return 0.0;
  switch (shape_) {
    case KernelShape::Quartic: {
      const double u = 1.0 - d2 * inv_h2_;
      return scale_ * u * u;
    }
    case KernelShape::Triangular: return scale_ * (1.0 - std::sqrt(d2 * inv_h2_));
    case KernelShape::Epanechnikov: return scale_ * (1.0 - d2 * inv_h2_);
    case KernelShape::Uniform: return scale_;
    case KernelShape::Gaussian: return scale_ * std::exp(-d2 * inv_h2_);
  }
  return 0.0;
}

}  // namespace conflictmap
