#pragma once

#include "traceindex.h"

#include <QString>

namespace awaitscope {

/**
 * Captions: one sentence that narrates a run from its trace, as it happens and at its end. It
 * reads only a TraceIndex (so it narrates a live, finished or loaded run alike) and what the run
 * was asked to do (RunFacts), and says what a presenter would say:
 *   "fetch_user(3) waits for GET /users/3/posts (line 15); the loop is free: 37 other waits
 *    ended meanwhile"
 *   "the loop was held for 300 ms: nothing else ran, the window froze"
 *   "20 tasks in 310 ms: about 3 latencies end to end, not 60 (19.4x overlap)"
 * A caption stays at least MinHoldNs of wall time so the room can read it.
 */
class Narrator {
public:
    struct RunFacts {
        qint64 latencyNs = 0; // the network's mean latency (0: not a network run)
        bool blocksOnPurpose = false; // the scenario holds the loop to show what that does
        bool foreign = false; // a trace from another program: tracks and slices, not tasks and awaits
    };
    static constexpr qint64 MinHoldNs = 2'000'000'000;
    static constexpr quint32 CrowdSize = 1000; // "the loop does not care" from here
    /// A hold this long is a freeze the room sees: the ending leads with it whatever the run.
    static constexpr qint64 VisibleFreezeNs = 100'000'000;

    void reset() { *this = Narrator(); }
    void setFacts(const RunFacts &facts) { m_facts = facts; }
    const RunFacts &facts() const noexcept { return m_facts; }

    /// The caption now. wallNs is a monotonic wall clock (for how long a caption stays);
    /// finished says the run has ended.
    QString update(const TraceIndex &index, bool finished, qint64 wallNs);

    /// The sentence for a finished run (also what update() says at the end). It leads with the
    /// longest hold of the loop when the hold is the run's story (the scenario blocks on purpose,
    /// task code blocked, or the freeze lasted VisibleFreezeNs). A shorter, incidental hold (a
    /// batch the machine stalled) does not change the run's point: the ending says the overlap
    /// and leaves the hold to the caption that showed it and to the loop warnings.
    QString ending(const TraceIndex &index) const;
    /// The sentence for the latest hold of the loop (empty if none).
    static QString holdSentence(const TraceIndex &index, bool onPurpose);
    /// The sentence for a task waiting right now.
    static QString waitSentence(const TraceIndex &index, const TraceIndex::LatestWait &wait);

private:
    RunFacts m_facts;
    QString m_caption;
    qint64 m_shownAtNs = -1;
    std::size_t m_holdsSeen = 0;
};

} // namespace awaitscope
