#include "responsivenessmonitor.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace awaitscope;

class TestResponsivenessMonitor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void historyKeepsTheNewest();
    void readoutsAndMetrics();
    void notifiesOncePerAnimationFrame();
    void probeMeasuresAHeldLoop();
    void clearForgetsEverything();
};

void TestResponsivenessMonitor::historyKeepsTheNewest()
{
    ResponsivenessMonitor m;
    const auto n = int(ResponsivenessMonitor::HistorySize);
    for (int i = 0; i < n + 10; ++i)
        m.addFrame(double(i));
    const std::vector<float> h = m.history(ResponsivenessMonitor::Frames);
    QCOMPARE(int(h.size()), n);
    QCOMPARE(h.front(), 10.0f); // the ten oldest fell out
    QCOMPARE(h.back(), float(n + 9)); // newest last
    QCOMPARE(int(m.allFrames().size()), n + 10); // --metrics keeps every sample
    QVERIFY(m.history(ResponsivenessMonitor::Lag).empty());
}

void TestResponsivenessMonitor::readoutsAndMetrics()
{
    ResponsivenessMonitor m;
    for (int i = 1; i <= 100; ++i) {
        m.addFrame(i == 100 ? 50.0 : 16.0);
        m.addLag(double(i % 10));
    }
    // The frame time is the mean of the frames fps counts: the two always agree.
    QVERIFY(qAbs(m.frameMs() - (29 * 16 + 50) / 30.0) < 1e-9);
    QVERIFY(qAbs(m.fps() * m.frameMs() - 1000.0) < 1e-9);
    QCOMPARE(m.lagMs(), 0.0);
    QCOMPARE(m.shownMaxFrameMs(), 50.0);
    QCOMPARE(m.shownMaxLagMs(), 9.0);
    QCOMPARE(m.recentMaxFrameMs(), 50.0);
    QCOMPARE(m.recentMaxLagMs(), 9.0);
    QCOMPARE(m.frameCount(), 100);
    // 29 frames of 16 ms and one of 50 ms in the last 30.
    QVERIFY(qAbs(m.fps() - 1000.0 * 30 / (29 * 16 + 50)) < 1e-9);
    const QJsonObject json = m.metrics();
    const QJsonObject frames = json.value(QStringLiteral("frames")).toObject();
    QCOMPARE(frames.value(QStringLiteral("count")).toInt(), 100);
    QCOMPARE(frames.value(QStringLiteral("p50_ms")).toDouble(), 16.0);
    QCOMPARE(frames.value(QStringLiteral("max_ms")).toDouble(), 50.0);
    const QJsonObject lag = json.value(QStringLiteral("loop_lag")).toObject();
    QCOMPARE(lag.value(QStringLiteral("p99_ms")).toDouble(), 9.0);
    QVERIFY(!json.contains(QStringLiteral("lag_attribution"))); // only when attributing
}

void TestResponsivenessMonitor::notifiesOncePerAnimationFrame()
{
    ResponsivenessMonitor m;
    QSignalSpy sampled(&m, &ResponsivenessMonitor::sampled);
    for (int i = 0; i < 50; ++i)
        m.addFrame(16.0);
    // Not per sample: starting the animation ticker may tell at once, the rest waits for a tick.
    QVERIFY(sampled.count() <= 1);
    QTRY_VERIFY(sampled.count() >= 1);
    QTest::qWait(100);
    QVERIFY2(sampled.count() <= 2, qPrintable(QString::number(sampled.count())));
}

void TestResponsivenessMonitor::probeMeasuresAHeldLoop()
{
    ResponsivenessMonitor m;
    m.startProbe();
    QTest::qWait(3 * ResponsivenessMonitor::ProbeIntervalMs);
    QThread::msleep(120); // hold the loop: the probe is served about 100 ms late
    QTRY_VERIFY(m.recentMaxLagMs() >= 80.0);
}

void TestResponsivenessMonitor::clearForgetsEverything()
{
    ResponsivenessMonitor m;
    m.addFrame(20);
    m.addLag(5);
    QSignalSpy readout(&m, &ResponsivenessMonitor::readoutChanged);
    m.clear();
    QCOMPARE(readout.count(), 1);
    QCOMPARE(m.frameCount(), 0);
    QCOMPARE(m.frameMs(), 0.0);
    QVERIFY(m.history(ResponsivenessMonitor::Frames).empty());
    QVERIFY(m.allLags().empty());
}

QTEST_GUILESS_MAIN(TestResponsivenessMonitor)
#include "tst_responsivenessmonitor.moc"
