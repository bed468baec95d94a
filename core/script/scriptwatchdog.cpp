#include "scriptwatchdog.h"

#include <chrono>

namespace awaitscope {

ScriptWatchdog::ScriptWatchdog(Fire fire, qint64 limitMs)
    : m_fire(fire)
    , m_limitMs(limitMs)
{
    m_thread = std::thread([this] { watch(); });
}

ScriptWatchdog::~ScriptWatchdog()
{
    {
        const std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ScriptWatchdog::setLimitMs(qint64 ms)
{
    m_limitMs = ms;
}

void ScriptWatchdog::setActive(bool active)
{
    {
        const std::lock_guard lock(m_mutex);
        m_active = active;
    }
    m_changed.notify_all();
}

void ScriptWatchdog::watch()
{
    using Clock = std::chrono::steady_clock;
    quint64 seenEpoch = 0;
    Clock::time_point seenSince;
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        if (!m_active) {
            m_changed.wait(lock);
            seenEpoch = 0;
            continue;
        }
        m_changed.wait_for(lock, std::chrono::milliseconds(SampleMs));
        if (m_quit || !m_active)
            continue;
        const quint64 epoch = m_epoch.load();
        if (!m_busy.load() || m_firedEpoch.load() == epoch) {
            seenEpoch = 0;
            continue;
        }
        const Clock::time_point now = Clock::now();
        if (epoch != seenEpoch) {
            // A busy period seen for the first time: it began at most one sample ago.
            seenEpoch = epoch;
            seenSince = now - std::chrono::milliseconds(SampleMs / 2);
            continue;
        }
        if (now - seenSince < std::chrono::milliseconds(m_limitMs.load()))
            continue;
        m_firedEpoch = epoch;
        lock.unlock();
        m_fire(epoch);
        lock.lock();
    }
}

} // namespace awaitscope
