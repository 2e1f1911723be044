#include "io/interrupt_cleanup.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace conflictmap {

namespace {

// A slot is free, being written, or holds a path the handler may remove.
enum SlotState : int { kFree = 0, kBusy = 1, kReady = 2 };

struct Slot {
  std::atomic<int> state{kFree};
  char path[4096];
};

constexpr int kSlots = 1024;
Slot slots[kSlots];

void remove_temporaries(int signal_number) {
  // files first, then folders, which must be empty by then
  for (auto& slot : slots) {
    if (slot.state.load(std::memory_order_acquire) == kReady) ::unlink(slot.path);
  }
  for (auto& slot : slots) {
    if (slot.state.load(std::memory_order_acquire) == kReady) ::rmdir(slot.path);
  }
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

}  // namespace

void install_interrupt_cleanup() {
  static std::atomic<bool> installed{false};
  if (installed.exchange(true)) return;
  struct sigaction action {};
  action.sa_handler = remove_temporaries;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    // a signal the caller ignores (nohup, a background job) stays ignored
    struct sigaction current {};
    if (::sigaction(signal_number, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    ::sigaction(signal_number, &action, nullptr);
  }
}

void register_temporary(const std::filesystem::path& path) {
  const std::string& text = path.native();
  if (text.size() >= sizeof(Slot::path)) return;
  for (auto& slot : slots) {
    int expected = kFree;
    if (!slot.state.compare_exchange_strong(expected, kBusy, std::memory_order_acq_rel)) continue;
    std::memcpy(slot.path, text.c_str(), text.size() + 1);
    slot.state.store(kReady, std::memory_order_release);
    return;
  }
}

void forget_temporary(const std::filesystem::path& path) {
  const std::string& text = path.native();
  for (auto& slot : slots) {
    int expected = kReady;
    if (slot.state.load(std::memory_order_acquire) != kReady || std::strcmp(slot.path, text.c_str()) != 0) continue;
    if (slot.state.compare_exchange_strong(expected, kBusy, std::memory_order_acq_rel)) {
      slot.path[0] = '\0';
      slot.state.store(kFree, std::memory_order_release);
      return;
    }
  }
}

}  // namespace conflictmap
