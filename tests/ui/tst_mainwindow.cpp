// The real window (Main.qml with a real controller), looked at as a presenter would:
// - laid out at projector and desktop sizes, no two visible controls or texts overlap, no text is
//   cut off, nothing hangs off the window;
// - the keys do what the help says after clicking each control (no control keeps the focus).

#include "responsivenessmonitor.h"
#include "runcontroller.h"
#include "theme.h"
#include "viewsettings.h"

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

namespace {

bool isA(const QObject *o, const char *className)
{
    for (const QMetaObject *m = o->metaObject(); m; m = m->superClass()) {
        if (qstrcmp(m->className(), className) == 0)
            return true;
    }
    return false;
}

/// Visible on screen: itself and every ancestor visible, with some size, not clipped away.
bool shown(QQuickItem *item, QRectF *sceneRect)
{
    if (!item->isVisible() || item->opacity() <= 0.01 || item->width() < 1 || item->height() < 1)
        return false;
    QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (p->clip()) {
            r = r.intersected(p->mapRectToScene(QRectF(0, 0, p->width(), p->height())));
            if (r.width() < 1 || r.height() < 1)
                return false;
        }
    }
    *sceneRect = r;
    return true;
}

bool isAncestor(const QQuickItem *a, const QQuickItem *b)
{
    for (const QQuickItem *p = b->parentItem(); p; p = p->parentItem()) {
        if (p == a)
            return true;
    }
    return false;
}

QString describe(const QQuickItem *item)
{
    QString text = item->property("text").toString().left(40);
    return QStringLiteral("%1 \"%2\" %3")
        .arg(QString::fromLatin1(item->metaObject()->className()), text, item->objectName());
}

/// Every item under root in the visual tree (header, footer and popups' items included).
void collect(QQuickItem *root, QList<QQuickItem *> *out)
{
    for (QQuickItem *child : root->childItems()) {
        out->append(child);
        collect(child, out);
    }
}

struct Placed {
    QQuickItem *item;
    QRectF rect;
};

} // namespace

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
    void escapeLeavesTheScriptEditor();
    void ctrlSSavesTheScriptFromTheEditor();
    void unsavedChangesAskBeforeOpening();

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
    m_engine->setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(m_controller.get())},
                                    {QStringLiteral("monitor"), QVariant::fromValue(m_monitor.get())}});
    m_engine->load(QUrl(QStringLiteral("qrc:/Awaitscope/views/Main.qml")));
    if (m_engine->rootObjects().isEmpty())
        return nullptr;
    m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
    m_window->setGeometry(QRect(QPoint(0, 0), size));
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window))
        return nullptr;
    m_monitor->setWindow(m_window);
    return m_window;
}

QQuickItem *TestMainWindow::find(const char *name) const
{
    QList<QQuickItem *> all;
    collect(m_window->contentItem(), &all);
    for (QQuickItem *item : all) {
        if (item->objectName() == QLatin1String(name))
            return item;
    }
    return nullptr;
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
            const QRectF overlap = a.rect.adjusted(1, 1, -1, -1).intersected(b.rect.adjusted(1, 1, -1, -1));
            QVERIFY2(overlap.isEmpty(),
                     qPrintable(describe(a.item) + QStringLiteral(" overlaps ") + describe(b.item)));
        }
    }
    // The timeline gets a fair share of the screen.
    QQuickItem *timeline = find("timeline");
    QVERIFY(timeline);
    QVERIFY2(timeline->height() >= size.height() * 0.3, qPrintable(QString::number(timeline->height())));
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

void TestMainWindow::escapeLeavesTheScriptEditor()
{
    m_controller->script()->setActive(true);
    QVERIFY(open(QSize(1280, 720)));
    QQuickItem *editor = find("scriptEditor");
    QVERIFY(editor);
    QTRY_VERIFY(editor->isVisible() && editor->width() > 0);
    // Click into the text: the keys are text now (Space types a space, R an R; nothing runs).
    QRectF visible; // (the text may be wider and taller than the pane: its visible part)
    QVERIFY(shown(editor, &visible));
    const QPointF inside = visible.center();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTest::mouseClick(m_window, Qt::LeftButton, {}, inside.toPoint());
    QTRY_VERIFY2(editor->hasActiveFocus(),
                 qPrintable(QStringLiteral("focus on %1")
                                .arg(m_window->activeFocusItem() ? describe(m_window->activeFocusItem())
                                                                 : QStringLiteral("nothing"))));
    const QString before = m_controller->script()->text();
    // (A comment at the end, so that the script still runs.)
    QTest::keyClick(m_window, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(m_window, '#');
    QTest::keyClick(m_window, Qt::Key_Space);
    QTest::keyClick(m_window, Qt::Key_R);
    QTRY_COMPARE(m_controller->script()->text(), before + QStringLiteral("# r"));
    QVERIFY(!m_controller->running());
    // Esc leaves the editor: the window's keys work again.
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!editor->hasActiveFocus());
    // Space runs the script (it may well be over by the time we look: the tasks stay in view).
    QTest::keyClick(m_window, Qt::Key_Space);
    QTRY_VERIFY(m_controller->view()->tasks() > 0);
    QCOMPARE(m_controller->script()->text(), before + QStringLiteral("# r")); // not typed
    // R resets: the run and its lanes are gone.
    QTest::keyClick(m_window, Qt::Key_R);
    QTRY_COMPARE(m_controller->view()->tasks(), 0);
    QVERIFY(!m_controller->running());
    QCOMPARE(m_controller->script()->text(), before + QStringLiteral("# r"));
}

void TestMainWindow::ctrlSSavesTheScriptFromTheEditor()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mine.py"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("print('hello')\n");
    }
    QString error;
    QVERIFY(m_controller->script()->loadFile(path, &error));
    m_controller->script()->setActive(true);
    QVERIFY(open(QSize(1280, 720)));
    QQuickItem *editor = find("scriptEditor");
    QVERIFY(editor);
    QTRY_VERIFY(editor->isVisible() && editor->width() > 0);
    QRectF visible;
    QVERIFY(shown(editor, &visible));
    QTest::mouseClick(m_window, Qt::LeftButton, {}, visible.center().toPoint());
    QTRY_VERIFY(editor->hasActiveFocus());
    QTest::keyClick(m_window, Qt::Key_End, Qt::ControlModifier);
    for (const char ch : {'x', '=', '1'})
        QTest::keyClick(m_window, ch);
    QTRY_VERIFY(m_controller->script()->modified());
    QTest::keyClick(m_window, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!m_controller->script()->modified());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), m_controller->script()->text());
    QVERIFY(m_controller->script()->text().endsWith(QLatin1String("x=1")));
    QVERIFY(editor->hasActiveFocus()); // saving leaves the keyboard where it was
    QVERIFY(!m_controller->running()); // S was not a step
}

void TestMainWindow::unsavedChangesAskBeforeOpening()
{
    m_controller->script()->setActive(true);
    QVERIFY(open(QSize(1280, 720)));
    m_controller->script()->setText(m_controller->script()->text() + QStringLiteral("\n# edited\n"));
    QVERIFY(m_controller->script()->modified());
    // Ctrl+Shift+O with unsaved changes: the question comes first (not the file dialog).
    QTest::keyClick(m_window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QQuickItem *message = nullptr;
    QTRY_VERIFY((message = find("unsavedMessage")) && message->isVisible());
    QVERIFY(message->property("text").toString().contains(m_controller->script()->fileName()));
    // Cancel (Esc) keeps everything as it was.
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!message->isVisible());
    QVERIFY(m_controller->script()->modified());
    QVERIFY(m_controller->script()->text().endsWith(QLatin1String("# edited\n")));
    // Closing the window asks too, and Cancel keeps it open.
    QVERIFY(!m_window->close());
    QTRY_VERIFY(message->isVisible());
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!message->isVisible());
    QVERIFY(m_window->isVisible());
    // Picking a scenario asks too; Cancel stays in Python mode, with the list showing it.
    QQuickItem *box = find("scenarioBox");
    QVERIFY(box);
    QVERIFY(QMetaObject::invokeMethod(box, "activated", Q_ARG(int, 0)));
    QTRY_VERIFY(message->isVisible());
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!message->isVisible());
    QVERIFY(m_controller->script()->active());
    QCOMPARE(box->property("currentIndex").toInt(), box->property("count").toInt() - 1);
    // Discard: the scenario is picked and the script is back to its saved text.
    QVERIFY(QMetaObject::invokeMethod(box, "activated", Q_ARG(int, 0)));
    QTRY_VERIFY(message->isVisible());
    QQuickItem *discard = nullptr;
    QList<QQuickItem *> all;
    collect(m_window->contentItem(), &all);
    for (QQuickItem *item : all) {
        if (isA(item, "QQuickAbstractButton") &&
            item->property("text").toString() == QLatin1String("Discard") && item->isVisible())
            discard = item;
    }
    QVERIFY(discard);
    QTest::mouseClick(m_window, Qt::LeftButton, {},
                      discard->mapToScene(QPointF(discard->width() / 2, discard->height() / 2)).toPoint());
    QTRY_VERIFY(!m_controller->script()->active());
    QVERIFY(!m_controller->script()->modified());
    QVERIFY(!m_controller->script()->text().endsWith(QLatin1String("# edited\n")));
    QCOMPARE(box->property("currentIndex").toInt(), 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
