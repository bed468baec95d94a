#pragma once

#include "sanitizers.h"

#include <QThreadPool>
#include <memory>
#include <utility>
// glibc's malloc_trim gives freed pages back; not under AddressSanitizer, whose allocator is not
// glibc's: there glibc's malloc is never initialised, and pool threads trimming at once raced in
// its initialisation (a crash in tst_scriptrun and "malloc assertion failure in
// __malloc_arena_thread_freeres" at exit, seen under the asan preset).
#if defined(__GLIBC__) && !defined(AWAITSCOPE_ASAN)
#    define AWAITSCOPE_TRIM_MALLOC 1
#    include <malloc.h>
#endif

namespace awaitscope {

/**
 * Destroys a container on a pool thread instead of this one. Resetting a run of a million tasks
 * frees millions of small blocks (each task's spans and children): measured at 60-400 ms on the
 * GUI thread, a frozen window for no reason a user can see. The container must own plain data,
 * reachable from nowhere else.
 */
template<typename Container>
void disposeInBackground(Container &container)
{
    if (container.empty())
        return;
    auto doomed = std::make_shared<Container>(std::move(container));
    container = Container();
    QThreadPool::globalInstance()->start([doomed]() mutable {
        doomed.reset();
#if defined(AWAITSCOPE_TRIM_MALLOC)
        // Freed on this thread, the blocks stay in glibc's arenas (a reset from a million tasks
        // kept 891 of 1,061 MB resident): give the free pages back to the system.
        malloc_trim(0);
#endif
    });
}

} // namespace awaitscope
