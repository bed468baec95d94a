// The trace store: compact events, exact times across chunks and long gaps, interning.

#include "dispose.h"
#include "trace.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <atomic>

using namespace awaitscope;

class TestTrace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aParentIsAnEarlierTask()
    {
        // A parent that is not an earlier task would make a cycle in the tree (a walk up from a
        // task would never end): it is dropped.
        Trace t;
        const TaskId a = t.addTask(NoTask, t.intern(QStringLiteral("a")), -1, 0);
        QCOMPARE(t.addTask(a, t.intern(QStringLiteral("b")), -1, 0), 1u);
        QCOMPARE(t.task(1).parent, a);
        QCOMPARE(t.addTask(2, t.intern(QStringLiteral("self")), -1, 0), 2u);
        QCOMPARE(t.task(2).parent, NoTask);
        QCOMPARE(t.addTask(7, t.intern(QStringLiteral("later")), -1, 0), 3u);
        QCOMPARE(t.task(3).parent, NoTask);
    }

    void timesSurviveChunksAndLongGaps()
    {
        Trace t;
        const TaskId task = t.addTask(NoTask, t.intern(QStringLiteral("t")), -1, 0);
        // 200,000 events (several chunks), with gaps of up to an hour between some of them.
        qint64 time = 0;
        std::vector<qint64> written;
        for (int i = 0; i < 200000; ++i) {
            time += (i % 50000 == 49999) ? qint64(3600) * 1'000'000'000 : (i % 7) * 1'000'003;
            t.append(time, task, i % 2 ? EventKind::Resume : EventKind::Suspend, quint32(i % 1000));
            written.push_back(time);
        }
        QCOMPARE(t.size(), quint64(200001)); // and the spawn
        for (int i = 0; i < 200000; ++i) {
            const TraceEvent e = t.at(quint64(i) + 1);
            QCOMPARE(e.timeNs, written[std::size_t(i)]);
            QCOMPARE(e.kind(), i % 2 ? EventKind::Resume : EventKind::Suspend);
            QCOMPARE(e.arg(), quint32(i % 1000));
        }
    }

    void fillingALoadedTrace()
    {
        // What a loader uses: sites with a file name as given, and the strings counted.
        Trace t;
        QCOMPARE(t.stringCount(), 1u); // the empty string
        const SiteId a = t.site(QStringLiteral("GET /a"), QStringLiteral("dir/x.cpp"), 3, SiteKind::Join);
        QCOMPARE(t.string(t.siteAt(a).file), QStringLiteral("dir/x.cpp")); // kept as given
        QCOMPARE(t.siteAt(a).kind, SiteKind::Join);
        QCOMPARE(t.site(QStringLiteral("GET /a"), QStringLiteral("dir/x.cpp"), 3, SiteKind::Join), a);
        QCOMPARE(t.site(QStringLiteral("GET /a"), "/src/x.cpp", 3, SiteKind::Join),
                 t.site(QStringLiteral("GET /a"), QStringLiteral("x.cpp"), 3, SiteKind::Join));
        QCOMPARE(t.stringCount(), 4u); // "", "GET /a", "dir/x.cpp", "x.cpp"
        QCOMPARE(t.string(3), QStringLiteral("x.cpp"));
        QVERIFY(t.string(4).isNull());
    }

    void storageIsTwelveBytesAnEvent()
    {
        Trace t;
        const TaskId task = t.addTask(NoTask, t.intern(QStringLiteral("t")), -1, 0);
        for (quint64 i = 0; i < 4 * Trace::ChunkSize; ++i)
            t.append(qint64(i), task, EventKind::Suspend, 0);
        // Five chunks of 12-byte events (the spawn spilled into the fifth), one task, no site.
        QCOMPARE(Trace::ChunkSize * 12 + 8, Trace::ChunkBytes); // 2 MiB: 174,762 events and 8 spare bytes
        QCOMPARE(t.memoryBytes(), 5 * Trace::ChunkBytes + sizeof(TaskInfo));
    }

    void disposalHappensOnAnotherThread()
    {
        // Freeing a million tasks' worth of small blocks must not hold the GUI thread.
        struct Marker {
            std::atomic<Qt::HANDLE> *freedOn = nullptr;
            ~Marker()
            {
                if (freedOn)
                    freedOn->store(QThread::currentThreadId());
            }
        };
        std::atomic<Qt::HANDLE> freedOn{nullptr};
        std::vector<std::unique_ptr<Marker>> markers;
        markers.push_back(std::make_unique<Marker>());
        markers.back()->freedOn = &freedOn;
        disposeInBackground(markers);
        QVERIFY(markers.empty());
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
        QVERIFY(freedOn.load() != nullptr);
        QVERIFY(freedOn.load() != QThread::currentThreadId());
    }

    void internsByContent()
    {
        Trace t;
        const QString a = QStringLiteral("GET /users/1");
        const quint32 id = t.intern(a);
        QCOMPARE(t.intern(QString(a)), id);
        QCOMPARE(t.intern(QStringLiteral("GET /users/") + QString::number(1)), id);
        // Same length, other content: must not be mistaken for the last string.
        const quint32 other = t.intern(QStringLiteral("GET /users/2"));
        QVERIFY(other != id);
        QCOMPARE(t.string(other), QStringLiteral("GET /users/2"));
        QCOMPARE(t.intern(QString()), 0u);
    }

    void sitesAreDeduplicatedByLabelFileLineAndKind()
    {
        Trace t;
        const SiteId s1 = t.site(QStringLiteral("GET /a"), "/build/x/fetch.cpp", 10);
        QCOMPARE(t.site(QStringLiteral("GET /a"), "/other/dir/fetch.cpp", 10), s1); // file name only
        QVERIFY(t.site(QStringLiteral("GET /a"), "fetch.cpp", 11) != s1);
        QVERIFY(t.site(QStringLiteral("GET /a"), "fetch.cpp", 10, SiteKind::Join) != s1);
        QCOMPARE(t.string(t.siteAt(s1).file), QStringLiteral("fetch.cpp"));
        QCOMPARE(t.siteLabel(s1), QStringLiteral("GET /a"));
    }

    void flushReportsEachRangeOnce()
    {
        Trace t;
        QSignalSpy spy(&t, &Trace::eventsAppended);
        QVERIFY(!t.flush());
        const TaskId task = t.addTask(NoTask, t.intern(QStringLiteral("t")), -1, 0);
        t.append(1, task, EventKind::Suspend, 0);
        QVERIFY(t.flush());
        QVERIFY(!t.flush());
        t.append(2, task, EventKind::Resume, 0);
        QVERIFY(t.flush());
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(0).at(0).toULongLong(), 0ull);
        QCOMPARE(spy.at(0).at(1).toULongLong(), 2ull);
        QCOMPARE(spy.at(1).at(0).toULongLong(), 2ull);
        QCOMPARE(spy.at(1).at(1).toULongLong(), 3ull);
    }

    void taskNamesAndOutcomes()
    {
        Trace t;
        const TaskId a = t.addTask(NoTask, t.intern(QStringLiteral("fetch_user(%1)")), 42, 5);
        QCOMPARE(t.taskName(a), QStringLiteral("fetch_user(42)"));
        t.finishTask(a, TaskOutcome::Error, 9, QStringLiteral("boom"));
        t.finishTask(a, TaskOutcome::Ok, 10); // a finished task stays finished
        QCOMPARE(t.task(a).outcome, TaskOutcome::Error);
        QCOMPARE(t.task(a).endNs, qint64(9));
        QCOMPARE(t.taskMessage(a), QStringLiteral("boom"));
        t.clear();
        QCOMPARE(t.taskCount(), 0u);
        QCOMPARE(t.size(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
