#pragma once
// Temporaries removed when the program is interrupted (SIGINT, SIGTERM, SIGHUP), so that a run stopped by
// Ctrl-C or a job scheduler leaves no file of any kind, as a failed run leaves none.
//
// Every temporary path temporary_path_for() gives is registered here and forgotten once renamed or removed.
// The handler only calls unlink() and rmdir() on paths stored in a fixed table, which is safe in a signal
// handler; then the signal takes its default course, so the exit status still says what stopped the run.
#include <filesystem>

namespace conflictmap {

// Installs the handlers (once; later calls do nothing).
void install_interrupt_cleanup();
// Remembers a temporary file or folder to remove on interruption. Folders are removed after the files
// registered after them. Best effort: beyond a thousand live temporaries, the rest are not remembered.
void register_temporary(const std::filesystem::path& path);
// Forgets it: it was committed or removed.
void forget_temporary(const std::filesystem::path& path);

}  // namespace conflictmap
