#include "hugepages.h"

#include "sanitizers.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <malloc.h>
#include <string>
#include <unistd.h>

namespace awaitscope {

namespace {
constexpr const char *Guard = "AWAITSCOPE_HUGEPAGE_HEAP";

[[maybe_unused]] bool kernelOffersHugePages()
{
    // "always [madvise] never": anything but never lets glibc's madvise take effect.
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    return std::getline(f, line) && line.find("[never]") == std::string::npos;
}
} // namespace

HeapProfile heapProfileFor(int argc, char **argv)
{
    for (int i = 1; i < argc && argv; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return HeapProfile::Throughput;
    }
    return HeapProfile::Latency;
}

void configureHeap(char **argv, HeapProfile profile)
{
#if defined(AWAITSCOPE_ASAN) || defined(AWAITSCOPE_TSAN)
    (void)argv;
    (void)profile;
#else
    // Big blocks (the engine's growing vectors) always get their own mapping, so the old buffer
    // of a vector that doubled goes back to the system at once instead of staying in the heap.
    // (Left alone, glibc raises this threshold after the first such free.)
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    if (profile != HeapProfile::Throughput || !argv || std::getenv(Guard) || std::getenv("GLIBC_TUNABLES") ||
        !kernelOffersHugePages())
        return;
    // The real path, not /proc/self/exe: the process name (ps, top, killall) comes from it.
    char self[4096];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return;
    self[n] = '\0';
    ::setenv(Guard, "1", 1);
    ::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1);
    ::execv(self, argv);
    // Could not re-execute: carry on as we are, without the tunable.
    ::unsetenv("GLIBC_TUNABLES");
#endif
}

} // namespace awaitscope
