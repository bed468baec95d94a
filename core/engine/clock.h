#pragma once

#include "runlimits.h"

#include <QElapsedTimer>
#include <QtGlobal>

namespace awaitscope {

enum class ClockMode : quint8 {
    Real, // simulated time follows the wall clock, times the speed factor
    Virtual, // simulated time jumps to the next due event as soon as the loop is idle
};

/**
 * The simulated time of a run, in nanoseconds since the run started.
 *
 * In real mode it is the wall time elapsed while running, scaled by the speed factor: pausing
 * freezes it, and changing speed re-anchors it so time never jumps. In virtual mode only the
 * scheduler moves it (advanceTo), which makes runs instant and exactly reproducible.
 */
class SimClock {
public:
    static constexpr double MinSpeed = limits::MinSpeed;
    static constexpr double MaxSpeed = limits::MaxSpeed;

    SimClock();

    ClockMode mode() const noexcept { return m_mode; }
    void setMode(ClockMode mode);

    double speed() const noexcept { return m_speed; }
    /// Clamps to [MinSpeed, MaxSpeed]; returns the speed actually set.
    double setSpeed(double speed);

    bool isPaused() const noexcept { return m_paused; }
    void pause();
    void resume();

    qint64 now() const noexcept
    {
        if (m_mode == ClockMode::Virtual || m_paused)
            return m_anchorSim;
        if (m_latched)
            return m_latchedNow;
        return readWall();
    }

    /// While latched, now() returns the time read when latching: a batch of resumptions reads
    /// the wall clock once per group of wake-ups, not four times per await. relatch() reads it
    /// again (after a synchronous wait, and every few dozen wake-ups).
    void latch() noexcept
    {
        m_latchedNow = readWall();
        m_latched = true;
    }
    void relatch() noexcept
    {
        if (m_latched)
            m_latchedNow = readWall();
    }
    void unlatch() noexcept { m_latched = false; }

    /// Moves time forward to t (never backwards). Used by the virtual clock, by single
    /// stepping, and by synchronous waits in virtual mode.
    void advanceTo(qint64 t);

    /// Wall nanoseconds from now until simulated time t at the current speed (0 if past).
    qint64 wallDelayUntil(qint64 t) const;

    void reset();

private:
    void reanchor();
    qint64 readWall() const noexcept
    {
        return m_anchorSim + qint64(double(m_wall.nsecsElapsed() - m_anchorWall) * m_speed);
    }

    QElapsedTimer m_wall;
    qint64 m_anchorWall = 0;
    qint64 m_anchorSim = 0;
    double m_speed = 1.0;
    // Virtual until told otherwise: a new clock reads 0 until something moves it, so a run set
    // up in virtual time starts exactly at 0.
    ClockMode m_mode = ClockMode::Virtual;
    bool m_paused = false;
    bool m_latched = false;
    qint64 m_latchedNow = 0;
};

} // namespace awaitscope
