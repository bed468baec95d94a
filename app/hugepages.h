#pragma once

namespace awaitscope {

/// What the heap is tuned for.
enum class HeapProfile {
    /// Headless runs and the benchmark: the most awaits per second.
    Throughput,
    /// The window: no single allocation may stall the event loop for long.
    Latency,
};

/**
 * Tunes glibc's heap for the profile. Call it first thing in main(), before any thread or Qt
 * object exists.
 *
 * Both profiles give big blocks (the engine's growing vectors) their own mapping, so the old
 * buffer of a vector that doubled goes back to the system at once.
 *
 * Throughput also asks glibc to back its heap with transparent huge pages (the
 * glibc.malloc.hugetlb=1 tunable), by re-executing the program once with the tunable set, unless
 * the user already set GLIBC_TUNABLES. Why: a task costs a few hundred bytes of coroutine frames,
 * touched for the first time when it is spawned. With 4 KiB pages that is a page fault every
 * dozen tasks, and on a virtual machine a fault costs microseconds: measured here, faults were
 * half the cost of an await at 100,000 tasks (bench/awaitscope-bench yield 100000 10: 430 ns
 * per await without, 195 ns with).
 *
 * The window does not use it: there the heap grows 2 MiB at a time, and the first touch of each
 * 2 MiB page stalled the event loop for about 4.5 ms (measured on this VM: one spawn batch in
 * every dozen took 5 ms instead of 0.3 ms); with 4 KiB pages the same cost comes in 9 us pieces
 * that the scheduler's batch budget absorbs.
 *
 * Does nothing where the kernel or the build cannot use it (sanitizers replace malloc).
 */
void configureHeap(char **argv, HeapProfile profile);

/// The profile a command line asks for: Throughput with --headless, Latency otherwise.
HeapProfile heapProfileFor(int argc, char **argv);

} // namespace awaitscope
