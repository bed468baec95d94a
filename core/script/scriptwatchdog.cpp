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
    m_changed.notify_all();
}

quint64 ScriptWatchdog::enter()
{
    quint64 epoch;
    {
        const std::lock_guard lock(m_mutex);
        epoch = ++m_epoch;
        m_busy = true;
    }
    m_changed.notify_all();
    return epoch;
}

void ScriptWatchdog::leave()
{
    {
        const std::lock_guard lock(m_mutex);
        m_busy = false;
    }
    // No notification: the watcher finds out when its wait ends and sees the epoch moved on.
}

void ScriptWatchdog::watch()
{
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        if (!m_busy.load() || m_firedEpoch.load() == m_epoch.load()) {
            m_changed.wait(lock);
            continue;
        }
        const quint64 epoch = m_epoch.load();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_limitMs.load());
        m_changed.wait_until(lock, deadline, [&] { return m_quit || m_epoch.load() != epoch; });
        if (m_quit || m_epoch.load() != epoch || !m_busy.load())
            continue;
        if (std::chrono::steady_clock::now() < deadline)
            continue; // the limit changed: wait again
        m_firedEpoch = epoch;
        lock.unlock();
        m_fire(epoch);
        lock.lock();
    }
}

} // namespace awaitscope
