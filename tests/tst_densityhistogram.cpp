// The density histogram behind collapsed groups: incremental, exact at bucket resolution.

#include "densityhistogram.h"
#include "traceindex.h"

#include <QTest>

using namespace awaitscope;

namespace {
constexpr qint64 Us = 1000;
constexpr qint64 Ms = 1'000'000;
} // namespace

class TestDensityHistogram : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void closedAndOpenSpans()
    {
        DensityHistogram d;
        QCOMPARE(d.bucketNs(), 100 * Us);
        d.open(DensityHistogram::Wait, 0);
        d.close(DensityHistogram::Wait, 0, 1 * Ms); // buckets 0..9
        d.open(DensityHistogram::Wait, 500 * Us); // still open: counts up to the playhead
        d.open(DensityHistogram::Block, 200 * Us);
        d.close(DensityHistogram::Block, 200 * Us, 300 * Us); // bucket 2 only
        const auto wait = d.occupancy(DensityHistogram::Wait, 20, 1500 * Us);
        QCOMPARE(wait[0], 1);
        QCOMPARE(wait[4], 1);
        QCOMPARE(wait[5], 2); // both
        QCOMPARE(wait[9], 2);
        QCOMPARE(wait[10], 1); // the open one alone
        QCOMPARE(wait[15], 1); // the playhead's bucket
        QCOMPARE(wait[16], 0); // after the playhead: nothing
        const auto block = d.occupancy(DensityHistogram::Block, 5, 1500 * Us);
        QCOMPARE(block, (std::vector<qint32>{0, 0, 1, 0, 0}));
    }

    void waitsAreKeptPerSite()
    {
        DensityHistogram d;
        // Six sites: the first four seen get a channel each, the rest share "other".
        for (SiteId site = 10; site < 16; ++site)
            d.openWait(site, 0);
        d.closeWait(12, 0, 200 * Us); // buckets 0..1
        QCOMPARE(d.usedSiteChannels(), DensityHistogram::SiteChannels);
        QCOMPARE(d.siteOfChannel(0), SiteId(10));
        QCOMPARE(d.siteOfChannel(3), SiteId(13));
        QCOMPARE(d.siteOfChannel(DensityHistogram::OtherChannel), DensityHistogram::NoSite);
        QCOMPARE(d.channelOccupancy(2, 4, Ms), (std::vector<qint32>{1, 1, 0, 0}));
        QCOMPARE(d.channelOccupancy(0, 4, Ms), (std::vector<qint32>{1, 1, 1, 1}));
        QCOMPARE(d.channelOccupancy(DensityHistogram::OtherChannel, 2, Ms), (std::vector<qint32>{2, 2}));
        // Together they are the waits; blocks stay apart.
        QCOMPARE(d.occupancy(DensityHistogram::Wait, 4, Ms), (std::vector<qint32>{6, 6, 5, 5}));
        QCOMPARE(d.occupancy(DensityHistogram::Block, 2, Ms), (std::vector<qint32>{0, 0}));
    }

    void shortSpansKeepTheirBucket()
    {
        DensityHistogram d;
        d.open(DensityHistogram::Wait, 150 * Us);
        d.close(DensityHistogram::Wait, 150 * Us, 151 * Us);
        QCOMPARE(d.occupancy(DensityHistogram::Wait, 3, Ms), (std::vector<qint32>{0, 1, 0}));
    }

    void coarsensInsteadOfGrowingForever()
    {
        DensityHistogram d;
        // A span an hour in: far more than MaxBuckets of 100 us, so buckets double until it fits.
        const qint64 hour = qint64(3600) * 1000 * Ms;
        d.open(DensityHistogram::Wait, hour);
        d.close(DensityHistogram::Wait, hour, hour + 10 * Ms);
        QVERIFY(d.bucketNs() > 100 * Us);
        QVERIFY(d.bucketOf(hour) < DensityHistogram::MaxBuckets);
        const std::size_t b = d.bucketOf(hour);
        const auto occ = d.occupancy(DensityHistogram::Wait, b + 2, hour + 20 * Ms);
        QCOMPARE(occ[b], 1);
        QCOMPARE(occ[b > 0 ? b - 1 : 0], b > 0 ? 0 : 1);
    }

    void indexKeepsOneHistogramPerParent()
    {
        // parent(0) with two children; a join by the parent does not count (it mirrors them).
        Trace trace;
        const TaskId parent = trace.addTask(NoTask, trace.intern(QStringLiteral("main")), -1, 0);
        const TaskId a = trace.addTask(parent, trace.intern(QStringLiteral("a")), -1, 0);
        const TaskId b = trace.addTask(parent, trace.intern(QStringLiteral("b")), -1, 0);
        const SiteId get = trace.site(QStringLiteral("GET /x"), "x.cpp", 1);
        const SiteId join = trace.site(QStringLiteral("join"), "x.cpp", 2, SiteKind::Join);
        trace.append(0, parent, EventKind::Suspend, join);
        trace.append(0, a, EventKind::Suspend, get);
        trace.append(0, b, EventKind::Suspend, get);
        trace.append(1 * Ms, a, EventKind::Resume, 0);
        TraceIndex index;
        index.setTrace(&trace);
        index.update();
        QVERIFY(index.density(parent));
        QVERIFY(!index.density(a)); // no children, no histogram
        const auto occ = index.density(parent)->occupancy(DensityHistogram::Wait, 12, 1100 * Us);
        QCOMPARE(occ[0], 2);
        QCOMPARE(occ[9], 2);
        QCOMPARE(occ[10], 1); // a resumed at 1 ms; b is still waiting
        trace.append(1100 * Us, b, EventKind::Resume, 0);
        index.update();
        QCOMPARE(index.density(parent)->occupancy(DensityHistogram::Wait, 12, 2 * Ms)[11], 0);
    }
};

QTEST_GUILESS_MAIN(TestDensityHistogram)
#include "tst_densityhistogram.moc"
