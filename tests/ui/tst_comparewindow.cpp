// The real window's Compare view (Ctrl+K), as a presenter uses it: the three runs one after
// another, then stacked on one axis with their totals, laid out without overlaps at projector
// sizes, one time for all three (keys and the bar), and Esc back to a normal view that runs.

#include "comparecontroller.h"
#include "windowtestkit.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(AwaitscopePlugin)

using namespace awaitscope;
using namespace awaitscope::windowtest;

namespace {

/// Every shown item under root with this objectName.
QList<QQuickItem *> findAll(QQuickWindow *window, const char *name)
{
    QList<QQuickItem *> all;
    collect(window->contentItem(), &all);
    QList<QQuickItem *> out;
    for (QQuickItem *item : all) {
        QRectF r;
        if (item->objectName() == QLatin1String(name) && shown(item, &r))
            out << item;
    }
    return out;
}

bool insideCode(const QQuickItem *item)
{
    for (const QQuickItem *p = item; p; p = p->parentItem()) {
        if (p->objectName() == QLatin1String("compareCode"))
            return true;
    }
    return false;
}

} // namespace

class TestCompareWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("awaitscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_comparewindow"));
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }

    void compareThreeWays_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x720") << QSize(1280, 720);
        QTest::newRow("1024x768") << QSize(1024, 768);
    }

    void compareThreeWays()
    {
        QFETCH(QSize, size);
        RunController controller;
        ResponsivenessMonitor monitor;
        RunOverrides o;
        o.scenario = QStringLiteral("fetch-user");
        o.jobs = 5;
        o.latencyMs = 100;
        o.jitterMs = 0;
        o.failureRate = 0;
        o.clock = ClockMode::Virtual;
        controller.settings()->applyOverrides(o);
        QQmlApplicationEngine engine;
        QQuickWindow *window = openMainWindow(engine, &controller, &monitor, size);
        QVERIFY(window);
        auto *compare = window->property("compare").value<CompareController *>();
        QVERIFY(compare);
        QVERIFY(!compare->active());
        QQuickItem *compareView = findItem(window, "compareView");
        QVERIFY(compareView && !compareView->isVisible());

        QSignalSpy done(compare, &CompareController::compareFinished);
        QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(compare->active());
        QVERIFY(compareView->isVisible());
        QVERIFY(!findItem(window, "timeline")->isVisible()); // the normal view gives way
        QVERIFY(done.wait(20'000));
        QTest::qWait(300); // the frames after the end

        // Three timelines, one per variant, each with its total.
        const QList<QQuickItem *> timelines = findAll(window, "compareTimeline");
        QCOMPARE(timelines.size(), 3);
        const QList<QQuickItem *> totals = findAll(window, "compareTotal");
        QCOMPARE(totals.size(), 3);
        QCOMPARE(totals[0]->property("text").toString(),
                 compare->formatDuration(compare->variant(0)->totalNs()));
        QVERIFY(totals[0]->property("text").toString().startsWith(QStringLiteral("1.5")));
        for (int v : {1, 2})
            QCOMPARE(totals[v]->property("text").toString(),
                     compare->formatDuration(compare->variant(v)->totalNs()));
        QCOMPARE(findAll(window, "compareStrip").size(), 3);
        // One axis: the three timelines show the same stretch of time.
        for (QQuickItem *t : timelines) {
            auto *zoom = t->property("zoom").value<QObject *>();
            QCOMPARE(zoom->property("viewStart").toDouble(), 0.0);
            QVERIFY(zoom->property("viewDuration").toDouble() >= compare->variant(0)->totalNs());
            QCOMPARE(zoom->property("viewDuration").toDouble(),
                     timelines[0]->property("zoom").value<QObject *>()->property("viewDuration").toDouble());
        }

        // Laid out: nothing hangs off the window, no control overlaps another.
        std::vector<Placed> things;
        QList<QQuickItem *> all;
        collect(compareView, &all);
        const QRectF area(QPointF(0, 0), QSizeF(size));
        for (QQuickItem *item : all) {
            QRectF r;
            if (!shown(item, &r) || insideCode(item))
                continue;
            const bool text = isA(item, "QQuickText");
            const bool control = isA(item, "QQuickControl") && !isA(item, "QQuickPane") &&
                !isA(item, "QQuickContainer") && !isA(item, "QQuickLabel");
            if (!text && !control)
                continue;
            QVERIFY2(area.adjusted(-1, -1, 1, 1).contains(r),
                     qPrintable(describe(item) + QStringLiteral(" hangs off the window")));
            if (text)
                QVERIFY2(!item->property("truncated").toBool(),
                         qPrintable(describe(item) + QStringLiteral(" is cut off")));
            things.push_back({item, r});
        }
        QVERIFY(things.size() > 12);
        for (std::size_t i = 0; i < things.size(); ++i) {
            for (std::size_t j = i + 1; j < things.size(); ++j) {
                if (isAncestor(things[i].item, things[j].item) || isAncestor(things[j].item, things[i].item))
                    continue;
                const QRectF overlap =
                    things[i].rect.adjusted(1, 1, -1, -1).intersected(things[j].rect.adjusted(1, 1, -1, -1));
                QVERIFY2(overlap.isEmpty(),
                         qPrintable(describe(things[i].item) + QStringLiteral(" overlaps ") +
                                    describe(things[j].item)));
            }
        }

        // One time for all three: Home, then steps and End move every playhead.
        QTest::keyClick(window, Qt::Key_Home);
        QCOMPARE(compare->timeNs(), 0.0);
        QTest::keyClick(window, Qt::Key_Period);
        QTest::keyClick(window, Qt::Key_Period);
        const qint64 t = qint64(compare->timeNs());
        QVERIFY(t > 0);
        for (int v = 0; v < 3; ++v)
            QCOMPARE(compare->variant(v)->view()->playhead()->time(),
                     std::min(t, compare->variant(v)->view()->playhead()->end()));
        compare->seek(200e6);
        for (int v = 0; v < 3; ++v)
            QCOMPARE(compare->variant(v)->view()->playhead()->time(), qint64(200'000'000));
        QTest::keyClick(window, Qt::Key_F);
        QVERIFY(compare->live());
        // A press on a strip: all three at that time of the shared axis.
        const QList<QQuickItem *> scrubs = findAll(window, "compareStripScrub");
        QCOMPARE(scrubs.size(), 3);
        QQuickItem *scrub = scrubs[1];
        const QPointF middle = scrub->mapToScene(QPointF(scrub->width() / 2, scrub->height() / 2));
        QTest::mouseClick(window, Qt::LeftButton, {}, middle.toPoint());
        QVERIFY(!compare->live());
        auto *zoom = timelines[1]->property("zoom").value<QObject *>();
        const double expected = zoom->property("viewDuration").toDouble() / 2;
        QVERIFY2(std::abs(compare->timeNs() - expected) < zoom->property("viewDuration").toDouble() / 50,
                 qPrintable(QString::number(compare->timeNs())));
        for (int v = 0; v < 3; ++v)
            QCOMPARE(compare->variant(v)->view()->playhead()->time(),
                     std::min(qint64(compare->timeNs()), compare->variant(v)->view()->playhead()->end()));

        // Esc: the normal view again, clean, and R... Enter runs it.
        QTest::keyClick(window, Qt::Key_Escape);
        QVERIFY(!compare->active());
        QVERIFY(!compareView->isVisible());
        QVERIFY(findItem(window, "timeline")->isVisible());
        QCOMPARE(controller.view()->tasks(), 0);
        QSignalSpy normalDone(&controller, &RunController::runFinished);
        QTest::keyClick(window, Qt::Key_Return);
        QVERIFY2(normalDone.count() > 0 || normalDone.wait(10'000),
                 qPrintable(QStringLiteral("running %1 finished %2 error %3")
                                .arg(controller.running())
                                .arg(controller.finished())
                                .arg(controller.error())));
        QVERIFY(controller.view()->tasks() > 1);
    }
};

QTEST_MAIN(TestCompareWindow)
#include "tst_comparewindow.moc"
