// The simulated network: latency models, failures, timeouts, seeds.

#include "network.h"
#include "runlimits.h"
#include "runtime.h"
#include "testutil.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <vector>

using namespace awaitscope;
using awaitscope::test::Ms;

namespace {

std::vector<qint64> drawMany(quint64 seed, const EndpointConfig &c, int n)
{
    Runtime rt;
    SimNetwork net(&rt, seed);
    net.setDefaults(c);
    std::vector<qint64> out;
    for (int i = 0; i < n; ++i)
        out.push_back(net.draw(QStringLiteral("/x")).waitNs);
    return out;
}

} // namespace

class TestNetwork : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void latencyModels_data()
    {
        QTest::addColumn<int>("model");
        QTest::addColumn<double>("expectedMean");
        QTest::addColumn<double>("tolerance");
        QTest::addColumn<double>("minMs");
        QTest::addColumn<double>("maxMs");
        // latency 100, jitter 20
        QTest::newRow("fixed") << int(LatencyModel::Fixed) << 100.0 << 0.0 << 100.0 << 100.0;
        QTest::newRow("uniform") << int(LatencyModel::Uniform) << 100.0 << 1.0 << 80.0 << 120.0;
        QTest::newRow("normal") << int(LatencyModel::Normal) << 100.0 << 1.0 << 0.0 << 1e9;
        // log-normal with median 100 and sigma ln(1.2): mean = 100 * exp(sigma^2 / 2)
        QTest::newRow("lognormal") << int(LatencyModel::LogNormal)
                                   << 100.0 * std::exp(std::pow(std::log(1.2), 2) / 2) << 1.5 << 0.0 << 1e9;
    }

    void latencyModels()
    {
        QFETCH(int, model);
        QFETCH(double, expectedMean);
        QFETCH(double, tolerance);
        QFETCH(double, minMs);
        QFETCH(double, maxMs);
        Runtime rt;
        SimNetwork net(&rt, 42);
        EndpointConfig c;
        c.model = LatencyModel(model);
        c.latencyMs = 100;
        c.jitterMs = 20;
        net.setDefaults(c);
        for (int i = 0; i < 20000; ++i)
            net.draw(QStringLiteral("/x"));
        const NetworkStats &s = net.stats();
        QCOMPARE(s.requests, quint64(20000));
        QVERIFY2(std::abs(s.meanLatencyMs() - expectedMean) <= tolerance + 1e-9,
                 qPrintable(QStringLiteral("mean %1").arg(s.meanLatencyMs())));
        QVERIFY(s.latencyMinMs >= minMs);
        QVERIFY(s.latencyMaxMs <= maxMs);
        if (LatencyModel(model) == LatencyModel::Normal)
            QVERIFY(std::abs(s.stddevLatencyMs() - 20.0) < 1.0);
        if (LatencyModel(model) == LatencyModel::Fixed)
            QCOMPARE(s.stddevLatencyMs(), 0.0);
    }

    void drawsStayWithinTheLatencyLimit_data()
    {
        QTest::addColumn<int>("model");
        QTest::newRow("uniform") << int(LatencyModel::Uniform);
        QTest::newRow("normal") << int(LatencyModel::Normal);
        QTest::newRow("lognormal") << int(LatencyModel::LogNormal);
    }

    void drawsStayWithinTheLatencyLimit()
    {
        // The widest spread the limits allow: a log-normal tail goes far beyond 10 minutes.
        QFETCH(int, model);
        Runtime rt;
        SimNetwork net(&rt, 1);
        EndpointConfig c;
        c.model = LatencyModel(model);
        c.latencyMs = 100;
        c.jitterMs = limits::MaxJitterMs;
        QVERIFY(c.validate().isEmpty());
        net.setDefaults(c);
        for (int i = 0; i < 20000; ++i) {
            const SimNetwork::Draw d = net.draw(QStringLiteral("/x"));
            QVERIFY2(d.waitNs >= 0 && d.waitNs <= qint64(limits::MaxLatencyMs) * 1'000'000,
                     qPrintable(QString::number(d.waitNs)));
        }
        QVERIFY(net.stats().latencyMaxMs <= limits::MaxLatencyMs);
        QVERIFY(std::isfinite(net.stats().latencySumSqMs));
    }

    void failureRateUnderFixedSeed()
    {
        Runtime rt;
        SimNetwork net(&rt, 7);
        EndpointConfig c;
        c.failureRate = 0.25;
        net.setDefaults(c);
        for (int i = 0; i < 20000; ++i)
            net.draw(QStringLiteral("/x"));
        const double fraction = double(net.stats().failures) / 20000.0;
        QVERIFY2(std::abs(fraction - 0.25) < 0.015, qPrintable(QString::number(fraction)));
        QCOMPARE(net.stats().timeouts, quint64(0));
    }

    void sameSeedSameDraws()
    {
        EndpointConfig c;
        c.jitterMs = 50;
        c.model = LatencyModel::LogNormal;
        QCOMPARE(drawMany(123, c, 1000), drawMany(123, c, 1000));
        QVERIFY(drawMany(123, c, 1000) != drawMany(124, c, 1000));
    }

    void failureRateDoesNotShiftLatencies()
    {
        // The failure draw is always taken, so latencies stay the same whatever the rate.
        EndpointConfig a;
        a.jitterMs = 30;
        EndpointConfig b = a;
        b.failureRate = 0.5;
        QCOMPARE(drawMany(9, a, 500), drawMany(9, b, 500));
    }

    void longestPrefixWins()
    {
        Runtime rt;
        SimNetwork net(&rt);
        EndpointConfig slow;
        slow.latencyMs = 1000;
        EndpointConfig slower;
        slower.latencyMs = 5000;
        net.setEndpoint(QStringLiteral("/reports"), slow);
        net.setEndpoint(QStringLiteral("/reports/yearly"), slower);
        QCOMPARE(net.configFor(QStringLiteral("/users/1")).latencyMs, 100.0);
        QCOMPARE(net.configFor(QStringLiteral("/reports/daily")).latencyMs, 1000.0);
        QCOMPARE(net.configFor(QStringLiteral("/reports/yearly")).latencyMs, 5000.0);
    }

    void configValidation_data()
    {
        QTest::addColumn<double>("latency");
        QTest::addColumn<double>("jitter");
        QTest::addColumn<double>("failure");
        QTest::addColumn<double>("timeout");
        QTest::addColumn<QString>("problem");
        QTest::newRow("ok") << 100.0 << 10.0 << 0.5 << 0.0 << QString();
        QTest::newRow("negative latency") << -1.0 << 0.0 << 0.0 << 0.0 << QStringLiteral("latency");
        QTest::newRow("nan latency") << std::nan("") << 0.0 << 0.0 << 0.0 << QStringLiteral("latency");
        QTest::newRow("absurd latency") << 1e12 << 0.0 << 0.0 << 0.0 << QStringLiteral("latency");
        QTest::newRow("negative jitter") << 100.0 << -5.0 << 0.0 << 0.0 << QStringLiteral("jitter");
        QTest::newRow("failure above 1") << 100.0 << 0.0 << 1.5 << 0.0 << QStringLiteral("failure rate");
        QTest::newRow("failure below 0") << 100.0 << 0.0 << -0.1 << 0.0 << QStringLiteral("failure rate");
        QTest::newRow("negative timeout") << 100.0 << 0.0 << 0.0 << -3.0 << QStringLiteral("timeout");
    }

    void configValidation()
    {
        QFETCH(double, latency);
        QFETCH(double, jitter);
        QFETCH(double, failure);
        QFETCH(double, timeout);
        QFETCH(QString, problem);
        EndpointConfig c;
        c.latencyMs = latency;
        c.jitterMs = jitter;
        c.failureRate = failure;
        c.timeoutMs = timeout;
        const QString message = c.validate();
        if (problem.isEmpty())
            QVERIFY2(message.isEmpty(), qPrintable(message));
        else
            QVERIFY2(message.startsWith(problem), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestNetwork)
#include "tst_network.moc"
