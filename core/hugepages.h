#pragma once

namespace awaitscope {

/**
 * Asks glibc to back its heap with transparent huge pages (the glibc.malloc.hugetlb=1 tunable),
 * by re-executing the program once with the tunable set, unless the user already set
 * GLIBC_TUNABLES. Call it first thing in main(), before any thread or Qt object exists.
 *
 * Why: a task costs a few hundred bytes of coroutine frames, touched for the first time when it
 * is spawned. With 4 KiB pages that is a page fault every dozen tasks, and on a virtual machine a
 * fault costs microseconds: measured here, faults were half the cost of an await at 100,000
 * tasks (bench/awaitscope-bench yield 100000 10: 430 ns per await without, 195 ns with).
 * Does nothing where the kernel or the build cannot use it (sanitizers replace malloc).
 */
void preferHugePageHeap(char **argv);

} // namespace awaitscope
