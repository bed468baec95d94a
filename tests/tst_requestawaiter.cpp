// The awaiter of `co_await net.get(path)`: it takes the drawn latency, throws the network's
// errors at the right time, ends cancelled when its task is cancelled, and the trace says which.

#include "errors.h"
#include "network.h"
#include "requestawaiter.h"
#include "runtime.h"
#include "testutil.h"

#include <QTest>

using namespace awaitscope;
using awaitscope::test::Ms;

namespace {

struct Outcome {
    bool done = false;
    qint64 latencyNs = -1;
    QString error;
    NetworkError::Kind kind = NetworkError::Kind::Failed;
    bool cancelled = false;
};

QCoro::Task<> request(SimNetwork &net, QString path, Outcome *out)
{
    try {
        const Response r = co_await net.get(path);
        out->latencyNs = r.latencyNs;
    } catch (const TaskCancelled &) {
        out->cancelled = true;
    } catch (const NetworkError &e) {
        out->error = QString::fromUtf8(e.what());
        out->kind = e.kind();
    }
    out->done = true;
}

} // namespace

class TestRequestAwaiter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void awaitedRequestTakesItsLatency()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        SimNetwork net(&rt);
        EndpointConfig c;
        c.latencyMs = 250;
        net.setDefaults(c);
        Outcome out;
        rt.spawn("req", request, std::ref(net), QStringLiteral("/a"), &out);
        QTRY_VERIFY_WITH_TIMEOUT(out.done, 5000);
        QCOMPARE(out.latencyNs, 250 * Ms);
        QCOMPARE(rt.now(), 250 * Ms);
        QVERIFY(out.error.isEmpty());
    }

    void timeoutThrowsAtTheTimeout()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        SimNetwork net(&rt);
        EndpointConfig c;
        c.latencyMs = 500;
        c.timeoutMs = 120;
        net.setDefaults(c);
        Outcome out;
        rt.spawn("req", request, std::ref(net), QStringLiteral("/slow"), &out);
        QTRY_VERIFY_WITH_TIMEOUT(out.done, 5000);
        QCOMPARE(out.kind, NetworkError::Kind::TimedOut);
        QVERIFY(out.error.contains(QLatin1String("/slow timed out after 120 ms")));
        QCOMPARE(rt.now(), 120 * Ms);
        const auto awaits = test::awaitsOf(rt.trace(), 0);
        QCOMPARE(awaits.size(), std::size_t(1));
        QCOMPARE(awaits[0].result, WaitResult::TimedOut);
    }

    void failureThrowsNetworkError()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        SimNetwork net(&rt);
        EndpointConfig c;
        c.failureRate = 1.0;
        net.setDefaults(c);
        Outcome out;
        rt.spawn("req", request, std::ref(net), QStringLiteral("/a"), &out);
        QTRY_VERIFY_WITH_TIMEOUT(out.done, 5000);
        QCOMPARE(out.kind, NetworkError::Kind::Failed);
        QVERIFY(out.error.contains(QLatin1String("GET /a failed")));
        QCOMPARE(test::awaitsOf(rt.trace(), 0).at(0).result, WaitResult::Failed);
    }

    void cancelledMidRequest()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        SimNetwork net(&rt);
        EndpointConfig c;
        c.latencyMs = 1000;
        net.setDefaults(c);
        Outcome out;
        const TaskId task = rt.spawn("req", request, std::ref(net), QStringLiteral("/a"), &out).id();
        rt.pause();
        QTRY_VERIFY_WITH_TIMEOUT(!test::awaitsOf(rt.trace(), task).empty(), 5000); // suspended on it
        rt.cancel(task);
        rt.resume();
        QTRY_VERIFY_WITH_TIMEOUT(out.done, 5000);
        QVERIFY(out.cancelled);
        QCOMPARE(out.latencyNs, qint64(-1)); // no response
        const test::Await wait = test::awaitsOf(rt.trace(), task).at(0);
        QCOMPARE(wait.result, WaitResult::Cancelled);
        QVERIFY(wait.endNs < 1000 * Ms); // it did not wait for the answer
    }
};

QTEST_GUILESS_MAIN(TestRequestAwaiter)
#include "tst_requestawaiter.moc"
