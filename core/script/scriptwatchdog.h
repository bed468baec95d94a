#pragma once

#include <QtGlobal>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace awaitscope {

/**
 * Bounds how long a script may hold the event loop. The GUI thread says when Python starts
 * running (enter) and when it gives the loop back (leave); a thread of its own watches, and when
 * one busy period outlasts the limit it calls fire(epoch) from that thread. fire must be
 * thread-safe: ScriptRun's asks the interpreter, with Py_AddPendingCall, to raise LoopHeld in
 * the script at its next bytecode; code that blocks in C (time.sleep) polls hasFired().
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

    /// Python starts running on the GUI thread: a new busy period (its epoch is returned).
    quint64 enter();
    /// Python gave the event loop back.
    void leave();
    /// The busy period epoch is still going on.
    bool isCurrent(quint64 epoch) const noexcept { return m_busy.load() && m_epoch.load() == epoch; }
    quint64 epoch() const noexcept { return m_epoch.load(); }
    /// The limit passed during the current busy period.
    bool hasFired() const noexcept { return m_busy.load() && m_firedEpoch.load() == m_epoch.load(); }

private:
    void watch();

    Fire m_fire;
    std::atomic<qint64> m_limitMs;
    std::atomic<bool> m_busy{false};
    std::atomic<quint64> m_epoch{0};
    std::atomic<quint64> m_firedEpoch{0};
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_quit = false;
    std::thread m_thread;
};

} // namespace awaitscope
