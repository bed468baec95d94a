// The Python editor in the real window: Esc gives the window's keys back, Ctrl+S saves the
// script while the editor has the keyboard, and unsaved changes are asked about before they
// could be lost.

#include "testutil.h"
#include "viewsettings.h"
#include "windowtestkit.h"

#include <QFile>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(AwaitscopePlugin)

using namespace awaitscope;
using namespace awaitscope::windowtest;

class TestScriptEditorWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void escapeLeavesTheScriptEditor();
    void ctrlSSavesTheScriptFromTheEditor();
    void unsavedChangesAskBeforeOpening();

private:
    QQuickWindow *open(QSize size)
    {
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = openMainWindow(*m_engine, m_controller.get(), m_monitor.get(), size);
        return m_window;
    }
    QQuickItem *find(const char *name) const { return findItem(m_window, name); }

    std::unique_ptr<RunController> m_controller;
    std::unique_ptr<ResponsivenessMonitor> m_monitor;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

void TestScriptEditorWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("awaitscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_scripteditorwindow"));
    QQuickStyle::setStyle(QStringLiteral("Fusion")); // as the application
}

void TestScriptEditorWindow::init()
{
    m_controller = std::make_unique<RunController>();
    m_monitor = std::make_unique<ResponsivenessMonitor>();
}

void TestScriptEditorWindow::cleanup()
{
    m_engine.reset();
    m_window = nullptr;
    m_controller.reset();
    m_monitor.reset();
    ViewSettings::instance()->setPresenter(false);
}

void TestScriptEditorWindow::escapeLeavesTheScriptEditor()
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

void TestScriptEditorWindow::ctrlSSavesTheScriptFromTheEditor()
{
    QTemporaryDir dir;
    const QString path = test::writeFile(dir, QStringLiteral("mine.py"), "print('hello')\n");
    QVERIFY(!path.isEmpty());
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

void TestScriptEditorWindow::unsavedChangesAskBeforeOpening()
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

QTEST_MAIN(TestScriptEditorWindow)
#include "tst_scripteditorwindow.moc"
