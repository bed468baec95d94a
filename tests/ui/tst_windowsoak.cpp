// Soak of the real window: Main.qml with a real controller, driven only by the keys a presenter
// presses (random ones from the help's list, with a fixed seed) while a stress run goes on and is
// restarted under it. After every key the event loop must come back (a key that hung the window
// would stop the test there, naming the key), the window must keep drawing frames, and at the end
// one R and a run to the end must give a clean, complete run: nothing a key did is left behind.
//
// The short version (150 keys over stress with 2,000 jobs) runs in the test command;
// AWAITSCOPE_SOAK_LONG=1 presses 600 keys over 100,000 jobs.

#include "clock.h"
#include "responsivenessmonitor.h"
#include "runcontroller.h"
#include "scenariomodel.h"
#include "viewsettings.h"

#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(AwaitscopePlugin)

using namespace awaitscope;

namespace {

struct Key {
    Qt::Key key;
    Qt::KeyboardModifiers modifiers = Qt::NoModifier;
    const char *name;
};

// The window's keys (qml/views/Shortcuts.qml and the help overlay), but those that open a file
// dialog or quit: a soak of dialogs is not a soak of the window.
const Key Keys[] = {
    {Qt::Key_Space, Qt::NoModifier, "Space"},
    {Qt::Key_S, Qt::NoModifier, "S"},
    {Qt::Key_R, Qt::NoModifier, "R"},
    {Qt::Key_Return, Qt::NoModifier, "Return"},
    {Qt::Key_F, Qt::NoModifier, "F"},
    {Qt::Key_Plus, Qt::NoModifier, "+"},
    {Qt::Key_Minus, Qt::NoModifier, "-"},
    {Qt::Key_Left, Qt::NoModifier, "Left"},
    {Qt::Key_Right, Qt::NoModifier, "Right"},
    {Qt::Key_Up, Qt::NoModifier, "Up"},
    {Qt::Key_Down, Qt::NoModifier, "Down"},
    {Qt::Key_Home, Qt::NoModifier, "Home"},
    {Qt::Key_0, Qt::NoModifier, "0"},
    {Qt::Key_F1, Qt::NoModifier, "F1"},
    {Qt::Key_Escape, Qt::NoModifier, "Esc"},
    {Qt::Key_F11, Qt::NoModifier, "F11"},
    {Qt::Key_F5, Qt::NoModifier, "F5"},
    {Qt::Key_C, Qt::NoModifier, "C"},
    {Qt::Key_K, Qt::NoModifier, "K"},
    {Qt::Key_Plus, Qt::ControlModifier, "Ctrl++"},
    {Qt::Key_Minus, Qt::ControlModifier, "Ctrl+-"},
    {Qt::Key_0, Qt::ControlModifier, "Ctrl+0"},
    {Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier, "Ctrl+Shift+C"},
};

struct SoakPlan {
    int keys = 150;
    int jobs = 2'000;
    quint64 seed = 10;
};

/// True if a zero-time timer posted now fires within the limit: the event loop came back.
bool loopComesBack(int limitMs)
{
    bool fired = false;
    QTimer::singleShot(0, [&fired] { fired = true; });
    QElapsedTimer wall;
    wall.start();
    while (!fired && wall.elapsed() < limitMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return fired;
}

} // namespace

class TestWindowSoak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void randomKeysWhileRunning();
};

void TestWindowSoak::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a throw-away place
    QCoreApplication::setOrganizationName(QStringLiteral("awaitscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_windowsoak"));
    QQuickStyle::setStyle(QStringLiteral("Fusion")); // as the application
}

void TestWindowSoak::randomKeysWhileRunning()
{
    SoakPlan plan;
    if (qEnvironmentVariableIntValue("AWAITSCOPE_SOAK_LONG") == 1) {
        plan.keys = 600;
        plan.jobs = 100'000;
    }
    RunController controller;
    ResponsivenessMonitor monitor;
    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)},
                                 {QStringLiteral("monitor"), QVariant::fromValue(&monitor)}});
    engine.load(QUrl(QStringLiteral("qrc:/Awaitscope/views/Main.qml")));
    QVERIFY(!engine.rootObjects().isEmpty());
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    QVERIFY(window);
    window->setGeometry(QRect(0, 0, 1280, 720));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    monitor.setWindow(window);

    const int stress = controller.settings()->scenarios()->rowOf(QStringLiteral("stress"));
    QVERIFY(stress >= 0);
    controller.settings()->setScenarioIndex(stress);
    controller.settings()->setJobs(plan.jobs);
    controller.settings()->setSpeed(1.0);
    QVERIFY(controller.run());

    QRandomGenerator random(plan.seed);
    QSignalSpy frames(window, &QQuickWindow::frameSwapped);
    QStringList pressed;
    for (int i = 0; i < plan.keys; ++i) {
        const Key &k = Keys[random.bounded(int(std::size(Keys)))];
        pressed << QString::fromLatin1(k.name);
        QTest::keyClick(window, k.key, k.modifiers);
        QVERIFY2(
            loopComesBack(10'000),
            qPrintable(QStringLiteral("the window did not come back after key %1 (%2): %3")
                           .arg(i)
                           .arg(QString::fromLatin1(k.name), pressed.mid(std::max(0, i - 10)).join(u' '))));
        QTest::qWait(int(random.bounded(40)));
        QVERIFY2(controller.error().isEmpty(), qPrintable(controller.error()));
    }
    // Still drawing: frames come while a run goes on (one is started if the keys left none).
    ViewSettings::instance()->setPresenter(false);
    if (!controller.running())
        QVERIFY(controller.run());
    else if (controller.paused())
        controller.togglePause();
    const qsizetype before = frames.count();
    QTRY_VERIFY_WITH_TIMEOUT(frames.count() > before + 5, 10'000);

    // One R and a run to the end: complete and clean, whatever the keys left.
    QTest::keyClick(window, Qt::Key_R);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.stopping(), 120'000);
    if (!controller.running())
        QVERIFY(controller.run());
    if (controller.paused())
        controller.togglePause();
    controller.settings()->setSpeed(SimClock::MaxSpeed);
    QTRY_VERIFY_WITH_TIMEOUT(controller.finished(), 300'000);
    QCOMPARE(controller.view()->tasks(), plan.jobs + 1); // the jobs and main
    QCOMPARE(controller.view()->doneTasks(), plan.jobs + 1);
    QCOMPARE(controller.view()->suspendedTasks(), 0);
    QCOMPARE(controller.view()->index()->eventCount(), controller.session().runtime().trace().size());
    qInfo("%d keys (%lld restarts with R) over stress with %d jobs; %lld frames drawn", plan.keys,
          qlonglong(pressed.count(QStringLiteral("R"))), plan.jobs, qlonglong(frames.count()));
}

QTEST_MAIN(TestWindowSoak)
#include "tst_windowsoak.moc"
