#include "pacer.h"

namespace awaitscope {

Pacer::Pacer(qint64 intervalNs, std::function<qint64()> now, QObject *parent)
    : QObject(parent)
    , m_intervalNs(intervalNs)
    , m_now(std::move(now))
{
    m_wall.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Pacer::flush);
}

void Pacer::changed()
{
    const qint64 t = wall();
    if (m_lastNs >= 0 && t - m_lastNs < m_intervalNs) {
        if (!m_timer.isActive())
            m_timer.start(int((m_intervalNs - (t - m_lastNs)) / 1'000'000) + 1);
        return;
    }
    flush();
}

void Pacer::flush()
{
    m_timer.stop();
    m_lastNs = wall();
    Q_EMIT ready();
}

} // namespace awaitscope
