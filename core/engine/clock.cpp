#include "clock.h"

#include <algorithm>

namespace awaitscope {

SimClock::SimClock()
{
    m_wall.start();
}

void SimClock::setMode(ClockMode mode)
{
    reanchor();
    m_mode = mode;
}

double SimClock::setSpeed(double speed)
{
    reanchor();
    m_speed = std::clamp(speed, MinSpeed, MaxSpeed);
    return m_speed;
}

void SimClock::pause()
{
    if (m_paused)
        return;
    reanchor();
    m_paused = true;
}

void SimClock::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    m_anchorWall = m_wall.nsecsElapsed();
}

void SimClock::advanceTo(qint64 t)
{
    reanchor();
    m_anchorSim = std::max(m_anchorSim, t);
}

qint64 SimClock::wallDelayUntil(qint64 t) const
{
    const qint64 ahead = t - now();
    if (ahead <= 0)
        return 0;
    return qint64(double(ahead) / m_speed);
}

void SimClock::reset()
{
    m_anchorSim = 0;
    m_anchorWall = m_wall.nsecsElapsed();
}

void SimClock::reanchor()
{
    m_anchorSim = now();
    m_anchorWall = m_wall.nsecsElapsed();
    m_latchedNow = m_anchorSim;
}

} // namespace awaitscope
