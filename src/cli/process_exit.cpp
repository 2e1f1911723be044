#include "cli/process_exit.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace conflictmap::cli {

void exit_without_teardown(int status) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(status);
}

}  // namespace conflictmap::cli
