// What held the GUI thread when the loop-lag probe ran late: the split of each late probe's
// lateness between engine batches, frame polls, frame syncs and the rest.

#include "lagattribution.h"

#include <QJsonObject>
#include <QTest>

using namespace awaitscope;

namespace {
constexpr qint64 Ms = 1'000'000;
}

class TestLagAttribution : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitsTheLateness();
    void onTimeProbesAreNotLate();
    void overlappingKindsCountOnce();
    void oldSpansAreDropped();
    void json();
};

void TestLagAttribution::splitsTheLateness()
{
    // The probe was due at 100 ms and ran at 112 ms: 12 ms late. An engine batch covered
    // 95..106 (6 ms of the lateness), a frame sync 107..110 (3 ms); 3 ms are unexplained.
    LagAttribution a;
    a.record(LagAttribution::EngineBatch, 95 * Ms, 106 * Ms);
    a.record(LagAttribution::FrameSync, 107 * Ms, 110 * Ms);
    a.probe(100 * Ms, 112 * Ms);
    QCOMPARE(a.lateSamples(), 1);
    QCOMPARE(a.lateMs(), 12.0);
    QCOMPARE(a.coveredMs(LagAttribution::EngineBatch), 6.0);
    QCOMPARE(a.coveredMs(LagAttribution::FrameSync), 3.0);
    QCOMPARE(a.coveredMs(LagAttribution::FramePoll), 0.0);
    QCOMPARE(a.otherMs(), 3.0);
    // Durations are kept whole, not clipped to the lateness.
    QCOMPARE(a.durations(LagAttribution::EngineBatch), std::vector<float>{11.0f});
}

void TestLagAttribution::onTimeProbesAreNotLate()
{
    LagAttribution a;
    a.record(LagAttribution::EngineBatch, 95 * Ms, 104 * Ms);
    a.probe(100 * Ms, 104 * Ms); // 4 ms: under the threshold
    QCOMPARE(a.lateSamples(), 0);
    QCOMPARE(a.lateMs(), 0.0);
    QCOMPARE(a.coveredMs(LagAttribution::EngineBatch), 0.0);
    QCOMPARE(int(a.durations(LagAttribution::EngineBatch).size()), 1);
}

void TestLagAttribution::overlappingKindsCountOnce()
{
    // A poll run from inside an engine batch: the overlap counts for the batch only.
    LagAttribution a;
    a.record(LagAttribution::EngineBatch, 100 * Ms, 110 * Ms);
    a.record(LagAttribution::FramePoll, 104 * Ms, 114 * Ms);
    a.probe(100 * Ms, 120 * Ms);
    QCOMPARE(a.coveredMs(LagAttribution::EngineBatch), 10.0);
    QCOMPARE(a.coveredMs(LagAttribution::FramePoll), 4.0);
    QCOMPARE(a.otherMs(), 6.0);
}

void TestLagAttribution::oldSpansAreDropped()
{
    // A span that ended before a probe was due cannot explain a later probe either.
    LagAttribution a;
    a.record(LagAttribution::EngineBatch, 10 * Ms, 20 * Ms);
    a.probe(30 * Ms, 31 * Ms);
    a.probe(15 * Ms, 40 * Ms); // (an earlier due time: only reachable by hand)
    QCOMPARE(a.lateSamples(), 1);
    QCOMPARE(a.coveredMs(LagAttribution::EngineBatch), 0.0);
    QCOMPARE(a.otherMs(), 25.0);
}

void TestLagAttribution::json()
{
    LagAttribution a;
    a.record(LagAttribution::FramePoll, 0, 2 * Ms);
    a.record(LagAttribution::FramePoll, 3 * Ms, 12 * Ms);
    a.probe(2 * Ms, 12 * Ms);
    const QJsonObject j = a.toJson();
    QCOMPARE(j.value(QStringLiteral("late_samples")).toInt(), 1);
    QCOMPARE(j.value(QStringLiteral("late_ms")).toDouble(), 10.0);
    QCOMPARE(j.value(QStringLiteral("frame_poll_ms")).toDouble(), 9.0);
    QCOMPARE(j.value(QStringLiteral("other_ms")).toDouble(), 1.0);
    const QJsonObject poll =
        j.value(QStringLiteral("spans")).toObject().value(QStringLiteral("frame_poll")).toObject();
    QCOMPARE(poll.value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(poll.value(QStringLiteral("max_ms")).toDouble(), 9.0);
    a.clear();
    QCOMPARE(a.lateSamples(), 0);
    QVERIFY(a.durations(LagAttribution::FramePoll).empty());
}

QTEST_APPLESS_MAIN(TestLagAttribution)
#include "tst_lagattribution.moc"
