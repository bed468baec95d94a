#pragma once

// Coroutines the runtime's tests spawn: sleepers, throwers, parents, stubborn and endless jobs.

#include "runtime.h"
#include "testutil.h"

#include <QList>
#include <QString>
#include <stdexcept>

namespace awaitscope::test {

/// Counts live coroutine frames: each job holds one for as long as its frame exists.
struct FrameGuard {
    static inline int live = 0;
    static inline int destroyed = 0;
    FrameGuard() { ++live; }
    ~FrameGuard()
    {
        --live;
        ++destroyed;
    }
    FrameGuard(const FrameGuard &) = delete;
    FrameGuard &operator=(const FrameGuard &) = delete;
};

inline QCoro::Task<int> sleeper(Runtime &rt, qint64 ns, int value)
{
    FrameGuard guard;
    co_await rt.sleep(ns);
    co_return value;
}

inline QCoro::Task<int> thrower(Runtime &rt)
{
    co_await rt.sleep(10 * Ms);
    throw std::runtime_error("boom in a job");
}

inline QCoro::Task<> parentOf(Runtime &rt, int *sum, QString *caught)
{
    auto a = rt.spawn("a", sleeper, std::ref(rt), 30 * Ms, 1);
    auto b = rt.spawn("b", sleeper, std::ref(rt), 10 * Ms, 2);
    auto c = rt.spawn("c", thrower, std::ref(rt));
    const int va = co_await a.join();
    const int vb = co_await b.join();
    *sum = va + vb;
    try {
        const int vc = co_await c.join();
        Q_UNUSED(vc);
    } catch (const std::exception &e) {
        *caught = QString::fromUtf8(e.what());
    }
}

inline QCoro::Task<> forever(Runtime &rt)
{
    FrameGuard guard;
    for (;;)
        co_await rt.sleep(1000 * Ms);
}

inline QCoro::Task<> parentOfGrandchild(Runtime &rt)
{
    auto grandchild = rt.spawn("grandchild", forever, std::ref(rt));
    co_await grandchild.join();
}

inline QCoro::Task<> grandparent(Runtime &rt)
{
    auto child = rt.spawn("child", parentOfGrandchild, std::ref(rt));
    co_await child.join();
}

inline QCoro::Task<> catchesEverything(Runtime &rt)
{
    FrameGuard guard;
    try {
        co_await rt.sleep(1000 * Ms);
    } catch (...) {
        // A stubborn job that swallows its cancellation and awaits again: it must still end.
    }
    co_await rt.sleep(1000 * Ms);
}

// A worker with a child, suspended mid-await; its boss joins it and sees the cancellation.
inline QCoro::Task<> worker(Runtime &rt)
{
    FrameGuard guard;
    auto leaf = rt.spawn("leaf", forever, std::ref(rt));
    co_await rt.sleep(500 * Ms, QStringLiteral("work"));
    co_await leaf.join();
}

inline QCoro::Task<> boss(Runtime &rt, bool *sawCancel)
{
    auto w = rt.spawn("worker", worker, std::ref(rt));
    try {
        co_await w.join();
    } catch (const TaskCancelled &) {
        *sawCancel = true;
    }
}

inline QCoro::Task<> cancelAfter(Runtime &rt, qint64 ns, TaskId task)
{
    co_await rt.sleep(ns);
    rt.cancel(task);
}

inline QCoro::Task<> awaitOutsideTask(Runtime &rt, QString *error)
{
    try {
        co_await rt.sleep(Ms);
    } catch (const std::logic_error &e) {
        *error = QString::fromUtf8(e.what());
    }
}

inline QCoro::Task<> holdsTheLoop(Runtime &rt, int ms)
{
    co_await rt.sleep(0);
    rt.blocking(QStringLiteral("busy"), [ms] { QThread::msleep(ulong(ms)); });
}

/// The wall time of every Hold event of a trace, in ms.
inline QList<qint64> holdsOf(const Trace &t)
{
    QList<qint64> out;
    for (quint64 i = 0; i < t.size(); ++i) {
        if (t.at(i).kind() == EventKind::Hold)
            out << qint64(t.at(i).arg()) / 1000;
    }
    return out;
}

} // namespace awaitscope::test
