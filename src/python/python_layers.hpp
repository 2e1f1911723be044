#pragma once
// Density and control layers for the Python module, through the same layer functions as the `density` and
// `control` commands: the same selection, grid and files for the same options.
#include <pybind11/pybind11.h>

namespace conflictmap::python {

void bind_layers(pybind11::module_& module);

}  // namespace conflictmap::python
