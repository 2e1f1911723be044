// jemalloc reads its options from this symbol when the process starts (see CMakeLists.txt for why it is used).
// Huge pages for the heap: the index and the reports are millions of small allocations, and a 4 KiB page fault
// each time the heap grows cost more than building them. metadata_thp:auto lets jemalloc's own bookkeeping join
// them once the heap is large. A user's MALLOC_CONF still overrides these.
#ifdef CONFLICTMAP_JEMALLOC
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:auto";
}
#endif
