// The real window (Main.qml with a real controller), looked at as a presenter would:
// - laid out at projector and desktop sizes, no two visible controls or texts overlap, no text is
//   cut off, nothing hangs off the window;
// - the keys do what the help says after clicking each control (no control keeps the focus);
// - Delete cancels the selected lane's task.
// (The Python editor's keys and files: tst_scripteditorwindow.)

#include "theme.h"
#include "viewsettings.h"
#include "windowtestkit.h"

#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(AwaitscopePlugin)

using namespace awaitscope;
using namespace awaitscope::windowtest;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void layoutHolds_data();
    void layoutHolds();
    void keysWorkAfterClickingEachControl_data();
    void keysWorkAfterClickingEachControl();
    void deleteCancelsTheSelectedLane();

private:
    QQuickWindow *open(QSize size);
    QQuickItem *find(const char *name) const;

    std::unique_ptr<RunController> m_controller;
    std::unique_ptr<ResponsivenessMonitor> m_monitor;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("awaitscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QQuickStyle::setStyle(QStringLiteral("Fusion")); // as the application
}

void TestMainWindow::init()
{
    m_controller = std::make_unique<RunController>();
    m_monitor = std::make_unique<ResponsivenessMonitor>();
}

void TestMainWindow::cleanup()
{
    m_engine.reset();
    m_window = nullptr;
    m_controller.reset();
    m_monitor.reset();
    ViewSettings::instance()->setPresenter(false);
}

QQuickWindow *TestMainWindow::open(QSize size)
{
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_window = openMainWindow(*m_engine, m_controller.get(), m_monitor.get(), size);
    return m_window;
}

QQuickItem *TestMainWindow::find(const char *name) const
{
    return findItem(m_window, name);
}

void TestMainWindow::layoutHolds_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("jobs");
    QTest::addColumn<bool>("presenter");
    QTest::addColumn<QString>("script"); // Python mode with this script (empty: the scenario)
    // A script that fails at its line: the problem strip shows above the editor.
    const QString failing =
        QStringLiteral("import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n"
                       "    raise ValueError('the line is marked')\n\nasyncio.run(main())\n");
    for (const QSize s : {QSize(1024, 768), QSize(1280, 720), QSize(1920, 1080)}) {
        const QByteArray tag = QByteArray::number(s.width()) + 'x' + QByteArray::number(s.height());
        QTest::newRow(tag + " fetch-user") << s << QStringLiteral("fetch-user") << 20 << false << QString();
        QTest::newRow(tag + " stress") << s << QStringLiteral("stress") << 5000 << false << QString();
        QTest::newRow(tag + " presenter") << s << QStringLiteral("errors") << 10 << true << QString();
        QTest::newRow(tag + " python")
            << s << QStringLiteral("fetch-user") << 1 << false << QStringLiteral("fetch_user.py");
        QTest::newRow(tag + " python error") << s << QStringLiteral("fetch-user") << 1 << false << failing;
    }
}

void TestMainWindow::layoutHolds()
{
    QFETCH(QSize, size);
    QFETCH(QString, scenario);
    QFETCH(int, jobs);
    QFETCH(bool, presenter);
    QFETCH(QString, script);
    RunOverrides o;
    o.scenario = scenario;
    o.jobs = jobs;
    o.clock = ClockMode::Virtual;
    m_controller->settings()->applyOverrides(o);
    ViewSettings::instance()->setPresenter(presenter);
    if (!script.isEmpty()) {
        ScriptSource &source = *m_controller->script();
        source.setActive(true);
        if (!script.endsWith(QLatin1String(".py")))
            source.setText(script);
    }
    QVERIFY(open(size));
    QSignalSpy finished(m_controller.get(), &RunController::runFinished);
    QVERIFY(m_controller->run());
    QVERIFY(finished.wait(20'000));
    QTest::qWait(300); // the frames after the end (fit, captions, counts)
    QCOMPARE(m_window->size(), size);
    // Presenter mode: large text, the knobs tucked away, the captions on.
    QQuickItem *knob = find("jobsKnob");
    QVERIFY(knob);
    QCOMPARE(knob->isVisible(), !presenter);
    QCOMPARE(Theme::instance()->fontScale(), presenter ? ViewSettings::DefaultPresenterFontScale : 1.0);
    // (The QML singletons are the C++ ones: the window shows what the settings say.)
    QCOMPARE(m_engine->singletonInstance<ViewSettings *>(qmlTypeId("Awaitscope", 1, 0, "ViewSettings")),
             ViewSettings::instance());
    QQuickItem *caption = find("captionText");
    QVERIFY(caption && caption->isVisible());

    // Everything a viewer reads or clicks: controls without controls inside, and texts.
    std::vector<Placed> controls;
    std::vector<Placed> texts;
    const QRectF window(QPointF(0, 0), QSizeF(size));
    QList<QQuickItem *> all;
    collect(m_window->contentItem(), &all);
    for (QQuickItem *item : all) {
        QRectF r;
        if (!shown(item, &r))
            continue;
        if (item->objectName() == QLatin1String("tick"))
            continue; // axis ticks sit under the clock's label by design
        const bool text = isA(item, "QQuickText");
        const bool control = isA(item, "QQuickControl") && !isA(item, "QQuickPane") &&
            !isA(item, "QQuickContainer") && !isA(item, "QQuickLabel");
        if (!text && !control)
            continue;
        QVERIFY2(window.adjusted(-1, -1, 1, 1).contains(r),
                 qPrintable(describe(item) + QStringLiteral(" hangs off the window")));
        if (text) {
            // (A bar's label is shortened to its bar by design.)
            QVERIFY2(item->objectName() == QLatin1String("barLabel") || !item->property("truncated").toBool(),
                     qPrintable(describe(item) + QStringLiteral(" is cut off")));
            // A wrapped text stays inside its box: a word wider than the box ran past its edge
            // and was clipped there (code lines in presenter mode).
            if (item->property("wrapMode").toInt() != 0) { // Text.NoWrap
                const qreal used = item->property("contentWidth").toReal() +
                    item->property("leftPadding").toReal() + item->property("rightPadding").toReal();
                QVERIFY2(
                    used <= item->width() + 1,
                    qPrintable(
                        describe(item) +
                        QStringLiteral(" runs past its edge: %1 of %2 px").arg(used).arg(item->width())));
            }
            texts.push_back({item, r});
        } else {
            controls.push_back({item, r});
        }
    }
    QVERIFY(controls.size() > 10);
    QVERIFY(texts.size() > 20);
    // Controls (and the texts outside them) never overlap.
    std::vector<Placed> things = controls;
    for (const Placed &t : texts) {
        const bool insideControl = std::any_of(controls.begin(), controls.end(),
                                               [&t](const Placed &c) { return isAncestor(c.item, t.item); });
        if (!insideControl)
            things.push_back(t);
    }
    for (std::size_t i = 0; i < things.size(); ++i) {
        for (std::size_t j = i + 1; j < things.size(); ++j) {
            const Placed &a = things[i];
            const Placed &b = things[j];
            if (isAncestor(a.item, b.item) || isAncestor(b.item, a.item))
                continue;
            // A hold's badge sits on its lane, over the bars (and their labels) at that time.
            const auto onLane = [](const QQuickItem *i) {
                return i->objectName() == QLatin1String("barLabel") ||
                    i->objectName() == QLatin1String("holdLabel");
            };
            if (onLane(a.item) && onLane(b.item))
                continue;
            // The pointer's tip floats over the lanes by design (the pointer may be anywhere).
            if (a.item->objectName() == QLatin1String("hoverLabel") ||
                b.item->objectName() == QLatin1String("hoverLabel"))
                continue;
            const QRectF overlap = a.rect.adjusted(1, 1, -1, -1).intersected(b.rect.adjusted(1, 1, -1, -1));
            QVERIFY2(overlap.isEmpty(),
                     qPrintable(describe(a.item) + QStringLiteral(" overlaps ") + describe(b.item)));
        }
    }
    // The timeline gets a fair share of the screen.
    QQuickItem *timeline = find("timeline");
    QVERIFY(timeline);
    QVERIFY2(timeline->height() >= size.height() * 0.3,
             qPrintable(QString::number(timeline->height()) + QStringLiteral(" px under the caption: ") +
                        caption->property("text").toString()));
    if (!script.isEmpty()) {
        // The editor shows, not the C++ pane; a failing script says so above it.
        QQuickItem *editor = find("scriptEditor");
        QVERIFY(editor && editor->isVisible());
        QQuickItem *problem = find("scriptProblem");
        QVERIFY(problem);
        QCOMPARE(problem->isVisible(), !script.endsWith(QLatin1String(".py")));
        QVERIFY(!find("codeView")->isVisible());
    }
}

void TestMainWindow::keysWorkAfterClickingEachControl_data()
{
    QTest::addColumn<QString>("control");
    for (const char *name :
         {"scenarioBox", "runButton", "pauseButton", "stepButton", "resetButton", "speedSlider",
          "knobsButton", "followButton", "pokeButton", "pokeSlider", "timeline", "codeView"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestMainWindow::keysWorkAfterClickingEachControl()
{
    QFETCH(QString, control);
    RunOverrides o;
    o.scenario = QStringLiteral("fetch-user");
    o.jobs = 5;
    o.latencyMs = 5000; // a long run on the real clock: it is still going when the keys come
    o.speed = 1;
    m_controller->settings()->applyOverrides(o);
    QVERIFY(open(QSize(1280, 720)));
    QVERIFY(m_controller->run());
    QTRY_VERIFY(m_controller->view()->tasks() > 0);

    QQuickItem *item = find(qPrintable(control));
    QVERIFY2(item, qPrintable(control));
    QTRY_VERIFY(item->isVisible() && item->width() > 0);
    const QPoint centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    QTest::mouseClick(m_window, Qt::LeftButton, {}, centre);
    QTest::qWait(50);
    if (control == QLatin1String("scenarioBox")) {
        // The list opened: pick the scenario shown (Return on the open list), as a user would.
        QTRY_VERIFY(item->property("popup").value<QObject *>()->property("visible").toBool());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!item->property("popup").value<QObject *>()->property("visible").toBool());
        QTest::qWait(50);
        QVERIFY2(m_window->activeFocusItem() != item, "the closed list left the keyboard on the box");
    }
    // Whatever the click did, start from a running, unpaused run.
    if (!m_controller->running())
        QVERIFY(m_controller->run());
    if (m_controller->paused())
        m_controller->togglePause();
    QTRY_VERIFY(m_controller->running() && !m_controller->paused());

    // Space pauses (and does nothing else: no list opens, no button fires).
    const quint64 before = m_controller->view()->index()->eventCount();
    if (qEnvironmentVariableIsSet("DEBUG_FOCUS"))
        qWarning() << "focus before Space:" << m_window->activeFocusItem();
    QTest::keyClick(m_window, Qt::Key_Space);
    QTRY_VERIFY2(m_controller->paused(), qPrintable(QStringLiteral("Space after clicking ") + control));
    if (qEnvironmentVariableIsSet("DEBUG_FOCUS"))
        qWarning() << "focus after Space:" << m_window->activeFocusItem();
    QVERIFY(m_controller->running());
    if (control == QLatin1String("scenarioBox"))
        QVERIFY(!item->property("popup").value<QObject *>()->property("visible").toBool());
    // S steps: exactly the next event(s), still paused.
    QTest::keyClick(m_window, Qt::Key_S);
    QTRY_VERIFY(m_controller->view()->index()->eventCount() > before);
    QVERIFY(m_controller->paused());
    // Space resumes.
    QTest::keyClick(m_window, Qt::Key_Space);
    QTRY_VERIFY(!m_controller->paused());
    // R resets; Enter runs again.
    QTest::keyClick(m_window, Qt::Key_R);
    QTRY_VERIFY(!m_controller->running());
    QCOMPARE(m_controller->view()->tasks(), 0);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY(m_controller->running());
    QTRY_VERIFY(m_controller->view()->tasks() > 0);
}

void TestMainWindow::deleteCancelsTheSelectedLane()
{
    RunOverrides o;
    o.scenario = QStringLiteral("fan-out");
    o.jobs = 3;
    o.latencyMs = 5000; // on the real clock: every fetch_user is mid-await when Delete comes
    o.speed = 1;
    m_controller->settings()->applyOverrides(o);
    QVERIFY(open(QSize(1280, 720)));
    QVERIFY(m_controller->run());
    QTRY_COMPARE(m_controller->view()->tasks(), 4);
    const Trace &trace = m_controller->runtime().trace();
    const TaskId main = 0;
    const TaskId second = 2; // fetch_user(2)
    QCOMPARE(trace.taskName(second), QStringLiteral("fetch_user(2)"));
    QQuickItem *timeline = find("timeline");
    QQuickItem *notice = find("noticeText");
    QVERIFY(timeline && notice);

    // Nothing selected: Delete says how, and cancels nothing.
    QTest::keyClick(m_window, Qt::Key_Delete);
    QTRY_VERIFY(notice->isVisible());
    QCOMPARE(m_controller->runtime().runningTasks(), 4u);

    // The selected lane's task ends cancelled, its await too; the others go on.
    timeline->setProperty("selectedTask", int(second));
    QTest::keyClick(m_window, Qt::Key_Delete);
    QTRY_COMPARE(trace.task(second).outcome, TaskOutcome::Cancelled);
    QCOMPARE(notice->property("text").toString(), QStringLiteral("fetch_user(2) cancelled."));
    QCOMPARE(trace.task(1).outcome, TaskOutcome::Running);
    QTRY_COMPARE(m_controller->view()->cancelledTasks(), 1); // the summary counts it
    QVERIFY(m_controller->running());
    // Its await ended cancelled (the slash on its lane, the mark on its line).
    bool waitCancelled = false;
    for (quint64 i = 0; i < trace.size(); ++i) {
        const TraceEvent e = trace.at(i);
        if (e.task == second && e.kind() == EventKind::Resume)
            waitCancelled = WaitResult(e.arg()) == WaitResult::Cancelled;
    }
    QVERIFY(waitCancelled);

    // Right click on fetch_user(3)'s name: its menu cancels it too.
    QList<QQuickItem *> all;
    collect(m_window->contentItem(), &all);
    const auto laneName = std::find_if(all.begin(), all.end(), [](QQuickItem *i) {
        return i->property("taskId").toInt() == 3 && i->property("spanRow").toInt() == 0 &&
            i->property("controller").isValid();
    });
    QVERIFY(laneName != all.end());
    QTest::mouseClick(m_window, Qt::RightButton, {},
                      (*laneName)->mapToScene(QPointF(20, (*laneName)->height() / 2)).toPoint());
    QQuickItem *item = nullptr;
    QTRY_VERIFY((item = find("cancelTaskItem")) && item->isVisible() && item->isEnabled());
    QTest::mouseClick(m_window, Qt::LeftButton, {},
                      item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
    QTRY_COMPARE(trace.task(3).outcome, TaskOutcome::Cancelled);
    timeline->setProperty("selectedTask", int(second));

    // Again: it has already finished, nothing happens.
    QTest::keyClick(m_window, Qt::Key_Delete);
    QTRY_VERIFY(notice->property("text").toString().contains(QLatin1String("already finished")));
    QTRY_COMPARE(m_controller->view()->cancelledTasks(), 2);

    // The main task: the run stops cleanly, every task ends cancelled.
    QSignalSpy finished(m_controller.get(), &RunController::runFinished);
    timeline->setProperty("selectedTask", int(main));
    QTest::keyClick(m_window, Qt::Key_Delete);
    QVERIFY(finished.count() > 0 || finished.wait(5000));
    QVERIFY(!m_controller->running());
    for (TaskId t = 0; t < trace.taskCount(); ++t)
        QCOMPARE(trace.task(t).outcome, TaskOutcome::Cancelled);
    QCOMPARE(m_controller->view()->cancelledTasks(), 4);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
