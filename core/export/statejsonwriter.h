#pragma once

#include "statetimeline.h"

#include <QByteArray>

class QIODevice;

namespace awaitscope {

/**
 * The state of a run at one time as one JSON object (what `--at MS` prints):
 *
 *     {"time_ms": 130, "counters": {"started": 21, ...},
 *      "tasks": [{"id": 3, "name": "fetch_user(2)", "state": "waiting", "since_ms": 100,
 *                 "file": "fetchuser.cpp", "line": 15, "call": "GET /users/2/posts"}, ...],
 *      "lines": [{"file": "fetchuser.cpp", "line": 15, "waiting": 20}, ...]}
 *
 * Every task is listed (file, line, call and since_ms only while it waits or blocks); lines are
 * those with tasks waiting or blocked on them. Streamed: a million tasks print in about a second.
 */
class StateJsonWriter {
public:
    explicit StateJsonWriter(const StateTimeline &timeline)
        : m_timeline(timeline)
    {
    }
    /// Writes the state at timeNs as one line of compact JSON (and a newline); false on a write
    /// error.
    bool write(QIODevice *device, qint64 timeNs) const;
    /// The same in memory, without the newline.
    QByteArray at(qint64 timeNs) const;

private:
    const StateTimeline &m_timeline;
};

} // namespace awaitscope
