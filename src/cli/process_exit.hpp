#pragma once
// Ending the process once a command's outputs are committed.

namespace conflictmap::cli {

// Flushes the standard streams and ends the process without running destructors or atexit handlers. By then
// every output is renamed into place and every dataset closed; what is left is memory, which the kernel takes
// back in one step, while freeing a density run's hundred thousand events and GDAL's and PROJ's caches piece
// by piece took ~30 ms, as long as some whole stages.
[[noreturn]] void exit_without_teardown(int status);

}  // namespace conflictmap::cli
