#pragma once

#include "trace.h"

namespace awaitscope {

/// Totals over a trace: what the headless summary prints and the window's summary shows.
struct TraceSummary {
    quint32 tasks = 0;
    quint32 running = 0;
    quint32 ok = 0;
    quint32 failed = 0;
    quint32 cancelled = 0;
    quint64 awaits = 0; // suspends
    quint64 failedWaits = 0; // awaits that ended with a failure or a timeout
    quint64 blockedSections = 0;
    qint64 awaitedNs = 0; // the sum of every I/O or timer wait: more than the span when concurrent
    qint64 blockedNs = 0;
    qint64 spanNs = 0; // first to last event
    quint64 holds = 0; // times a task held the event loop longer than a frame
    qint64 longestHoldNs = 0; // of wall time

    /// Awaited time per unit of elapsed time: how many waits overlapped on average.
    double concurrency() const { return spanNs > 0 ? double(awaitedNs) / double(spanNs) : 0.0; }

    static TraceSummary of(const Trace &trace);
};

} // namespace awaitscope
