#include "comparevariant.h"

#include "comparerun.h"
#include "scenario.h"

#include <algorithm>
#include <cmath>

namespace awaitscope {

CompareVariant::CompareVariant(int index, QObject *parent)
    : QObject(parent)
    , m_index(index)
{
    m_view.setPrimarySource(sourceFile());
}

QString CompareVariant::name() const
{
    return CompareRun::variantNames()[std::size_t(m_index)];
}

QString CompareVariant::title() const
{
    return name() == QLatin1String("await") ? QStringLiteral("co_await") : name();
}

QString CompareVariant::how() const
{
    // (The co_await variant is the fan-out scenario: fetch-user awaits one user after another,
    // as slow as blocking without the freeze; the fair comparison starts every job at once.)
    switch (m_index) {
    case 0:
        return tr("one request at a time, loop held");
    case 1:
        return tr("all jobs at once, callbacks");
    default:
        return tr("all jobs at once (fan-out)");
    }
}

QString CompareVariant::scenario() const
{
    return CompareRun::variantScenarios()[std::size_t(m_index)];
}

QString CompareVariant::sourceFile() const
{
    const Scenario *s = findScenario(scenario());
    return s ? s->sourceFile : QString();
}

void CompareVariant::started(qint64 wallNs, double speed)
{
    clear();
    m_speed = speed;
    m_running = true;
    m_wallStartNs = m_wallEndNs = wallNs;
    Q_EMIT stateChanged();
}

void CompareVariant::ended(qint64 wallNs, qint64 totalNs, qint64 longestHoldNs)
{
    m_running = false;
    m_wallEndNs = std::max(m_wallStartNs, wallNs);
    m_totalNs = std::max<qint64>(0, totalNs);
    m_longestHoldNs = std::max<qint64>(0, longestHoldNs);
    Q_EMIT stateChanged();
}

void CompareVariant::clear()
{
    const bool had = m_running || m_totalNs >= 0 || m_wallStartNs >= 0;
    m_running = false;
    m_wallStartNs = m_wallEndNs = -1;
    m_totalNs = m_longestHoldNs = -1;
    m_lags.clear();
    m_frames.clear();
    m_maxLagMs = m_maxFrameMs = 0;
    if (had) {
        Q_EMIT stateChanged();
        Q_EMIT samplesChanged();
    }
}

bool CompareVariant::covers(qint64 atNs, double ms) const
{
    if (m_wallStartNs < 0)
        return false;
    // A sample measures the stretch before it: it is this run's if that stretch overlaps the
    // run. The freeze began in this run even if the late probe fired only after it ended (and
    // the next variant started); a probe due just before the start may still see the freeze.
    const qint64 began = atNs - qint64(ms * 1e6);
    return atNs >= m_wallStartNs && (m_running || began < m_wallEndNs);
}

void CompareVariant::addLag(qint64 atNs, double ms)
{
    m_lags.push_back({atNs - m_wallStartNs, float(ms)});
    m_maxLagMs = std::max(m_maxLagMs, ms);
    Q_EMIT samplesChanged();
}

void CompareVariant::addFrame(qint64 atNs, double ms)
{
    m_frames.push_back({atNs - m_wallStartNs, float(ms)});
    m_maxFrameMs = std::max(m_maxFrameMs, ms);
    Q_EMIT samplesChanged();
}

qint64 CompareVariant::wallToRun(qint64 wallNs) const
{
    if (m_speed > 0)
        return std::llround(double(wallNs) * m_speed);
    const qint64 wall = m_wallEndNs - m_wallStartNs;
    if (wall <= 0 || m_totalNs < 0)
        return wallNs;
    return std::llround(double(wallNs) * double(m_totalNs) / double(wall));
}

} // namespace awaitscope
