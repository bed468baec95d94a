#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>

namespace awaitscope {

/**
 * Paces a readout: figures that change every frame are told to QML at most once per interval of
 * wall time (text laid out 60 times a second costs the GUI thread and nobody reads it), and a
 * change that comes sooner is not lost: it goes out when the interval has passed. RunView's
 * counters (10 a second) and ResponsivenessMonitor's figures (4 a second) use one each.
 */
class Pacer : public QObject {
    Q_OBJECT
public:
    /// now: the wall clock in nanoseconds (a QElapsedTimer's when null; tests pass their own).
    explicit Pacer(qint64 intervalNs, std::function<qint64()> now = {}, QObject *parent = nullptr);

    qint64 intervalNs() const noexcept { return m_intervalNs; }
    /// Something changed: ready() now if the interval has passed since the last, else once it has.
    void changed();
    /// ready() now, whatever the time (a reset, the end of a run).
    void flush();
    /// A change is waiting for the interval to pass.
    bool isPending() const { return m_timer.isActive(); }

Q_SIGNALS:
    void ready();

private:
    qint64 wall() const { return m_now ? m_now() : m_wall.nsecsElapsed(); }

    const qint64 m_intervalNs;
    const std::function<qint64()> m_now;
    QElapsedTimer m_wall;
    QTimer m_timer;
    qint64 m_lastNs = -1; // when ready() was last emitted (-1: never)
};

} // namespace awaitscope
