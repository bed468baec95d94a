#pragma once

#include <QtGlobal>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace awaitscope {

/**
 * Bounds how long a script may hold the event loop. The GUI thread says when Python starts
 * running (enter) and when it gives the loop back (leave): two atomic stores, no lock and no
 * wake-up, since it happens on every step of every task. A thread of its own samples them every
 * few milliseconds while a run is active (setActive), and when one busy period has lasted the
 * limit it calls fire(epoch) from that thread. fire must be thread-safe: ScriptRun's asks for
 * the GIL and raises LoopHeld in the script; code that blocks in C (time.sleep) polls hasFired().
 */
class ScriptWatchdog {
public:
    using Fire = void (*)(quint64 epoch);

    explicit ScriptWatchdog(Fire fire, qint64 limitMs = 5000);
    ~ScriptWatchdog();
    ScriptWatchdog(const ScriptWatchdog &) = delete;
    ScriptWatchdog &operator=(const ScriptWatchdog &) = delete;

    void setLimitMs(qint64 ms);
    qint64 limitMs() const noexcept { return m_limitMs.load(); }
    /// While active the watcher samples; otherwise its thread sleeps.
    void setActive(bool active);

    /// Python starts running on the GUI thread: a new busy period (its epoch is returned).
    quint64 enter() noexcept
    {
        const quint64 epoch = m_epoch.fetch_add(1, std::memory_order_relaxed) + 1;
        m_busy.store(true, std::memory_order_release);
        return epoch;
    }
    /// Python gave the event loop back.
    void leave() noexcept { m_busy.store(false, std::memory_order_release); }
    /// The busy period epoch is still going on.
    bool isCurrent(quint64 epoch) const noexcept { return m_busy.load() && m_epoch.load() == epoch; }
    quint64 epoch() const noexcept { return m_epoch.load(); }
    /// The limit passed during the current busy period.
    bool hasFired() const noexcept { return m_busy.load() && m_firedEpoch.load() == m_epoch.load(); }

    /// How often the watcher samples (the precision of the limit).
    static constexpr int SampleMs = 10;

private:
    void watch();

    Fire m_fire;
    std::atomic<qint64> m_limitMs;
    std::atomic<bool> m_busy{false};
    std::atomic<quint64> m_epoch{0};
    std::atomic<quint64> m_firedEpoch{0};
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_active = false;
    bool m_quit = false;
    std::thread m_thread;
};

} // namespace awaitscope
