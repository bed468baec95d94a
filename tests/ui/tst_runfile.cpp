#include "recordingwriter.h"
#include "runcontroller.h"
#include "runfile.h"
#include "tracefixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace awaitscope;
using namespace awaitscope::testing;

class TestRunFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void openShowsAFinishedRun();
    void saveKeepsTraceSettingsAndSource();
    void badFileKeepsThePreviousRun();
    void runAgainLeavesTheFile();
    void nothingToSave();
    void openedFilesSayWhatTheyAre();

private:
    QString writeKnown(const QString &name);
    QTemporaryDir m_dir;
};

namespace {
const QString FixtureSource = QStringLiteral("// fixture.cpp\n").repeated(30);
}

void TestRunFile::init()
{
    QStandardPaths::setTestModeEnabled(true); // settings never in the user's own
}

QString TestRunFile::writeKnown(const QString &name)
{
    Trace trace;
    buildKnownTrace(trace);
    RunConfig config;
    config.scenario = QStringLiteral("fan-out");
    config.jobs = 7;
    const QString path = m_dir.filePath(name);
    QString error;
    const bool written = RecordingWriter(trace, &config, {{QStringLiteral("fixture.cpp"), FixtureSource}})
                             .writeFile(path, &error);
    return written ? path : QString();
}

void TestRunFile::openShowsAFinishedRun()
{
    const QString path = writeKnown(QStringLiteral("known.awaitscope"));
    QVERIFY(!path.isEmpty());
    RunController controller;
    QSignalSpy finished(&controller, &RunController::runFinished);
    QCOMPARE(RunFile::openRun(controller, path), QString());
    QVERIFY(controller.showsRecording());
    QCOMPARE(controller.recording()->fileName, QStringLiteral("known.awaitscope"));
    QTRY_VERIFY(controller.finished()); // once the view has read it all
    QCOMPARE(finished.count(), 1);
    QVERIFY(!controller.running());
    RunView &view = *controller.view();
    QCOMPARE(view.trace(), controller.recording()->trace.get());
    QCOMPARE(view.tasks(), 2);
    QCOMPARE(view.doneTasks(), 1);
    QCOMPARE(view.failedTasks(), 1);
    QCOMPARE(controller.recordedSource(QStringLiteral("fixture.cpp")), FixtureSource);
    QCOMPARE(controller.shownConfig()->jobs, 7);
    // The controls show the file's scenario and knobs.
    QCOMPARE(controller.settings()->scenarioId(), QStringLiteral("fan-out"));
    QCOMPARE(controller.settings()->runConfig().effectiveJobs(), 7);
    // Scrubbed back: the state then, read from the opened trace.
    QVERIFY(view.playhead()->caughtUp());
    QCOMPARE(view.playhead()->end(), 600 * Ms);
    view.playhead()->seek(double(200 * Ms));
    QCOMPARE(view.suspendedTasks(), 2);
    QCOMPARE(view.doneTasks(), 0);
    QVERIFY(view.playhead()->stepEvent(1));
    QCOMPARE(view.playhead()->time(), 300 * Ms);
}

void TestRunFile::saveKeepsTraceSettingsAndSource()
{
    const QString path = writeKnown(QStringLiteral("a.awaitscope"));
    RunController first;
    QCOMPARE(RunFile::openRun(first, path), QString());
    const QString copy = m_dir.filePath(QStringLiteral("copy.awaitscope"));
    RunFile file;
    file.setController(&first);
    QCOMPARE(file.shownFile(), QStringLiteral("a.awaitscope"));
    QCOMPARE(file.save(QUrl::fromLocalFile(copy)), QString());
    RunController second;
    RunFile other;
    other.setController(&second);
    QCOMPARE(other.open(QUrl::fromLocalFile(copy)), QString());
    QCOMPARE(other.shownFile(), QStringLiteral("copy.awaitscope"));
    const Trace &a = first.shownTrace();
    const Trace &b = second.shownTrace();
    QCOMPARE(b.size(), a.size());
    QCOMPARE(b.taskCount(), a.taskCount());
    for (quint64 i = 0; i < a.size(); ++i) {
        QCOMPARE(b.at(i).timeNs, a.at(i).timeNs);
        QCOMPARE(b.at(i).task, a.at(i).task);
    }
    QCOMPARE(second.recordedSource(QStringLiteral("fixture.cpp")), FixtureSource);
    QCOMPARE(second.shownConfig()->scenario, QStringLiteral("fan-out"));
    QCOMPARE(second.shownConfig()->jobs, 7);
}

void TestRunFile::badFileKeepsThePreviousRun()
{
    const QString good = writeKnown(QStringLiteral("good.awaitscope"));
    const QString bad = m_dir.filePath(QStringLiteral("bad.awaitscope"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("AWAITREC\x01", 9)); // the magic, then the file ends
    }
    RunController controller;
    RunFile file;
    file.setController(&controller);
    QCOMPARE(file.open(QUrl::fromLocalFile(good)), QString());
    QTRY_VERIFY(controller.finished());
    const Recording *shown = controller.recording();
    QSignalSpy state(&controller, &RunController::stateChanged);
    const QString error = file.open(QUrl::fromLocalFile(bad));
    QVERIFY2(error.contains(QLatin1String("truncated")) && error.contains(bad), qPrintable(error));
    QCOMPARE(controller.recording(), shown); // the same run, untouched
    QCOMPARE(file.shownFile(), QStringLiteral("good.awaitscope"));
    QCOMPARE(controller.view()->tasks(), 2);
    QVERIFY(controller.finished());
    QCOMPARE(state.count(), 0);
    // A missing file, an empty name: named too.
    QVERIFY(file.open(QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("none"))))
                .contains(QLatin1String("none")));
    QVERIFY(!file.open(QUrl()).isEmpty());
    QCOMPARE(controller.recording(), shown);
    QVERIFY(!RunFile::canOpen(QUrl(QStringLiteral("https://example.org/x.json"))));
    QVERIFY(RunFile::canOpen(QUrl::fromLocalFile(good)));
}

void TestRunFile::runAgainLeavesTheFile()
{
    const QString path = writeKnown(QStringLiteral("r.awaitscope"));
    RunController controller;
    QCOMPARE(RunFile::openRun(controller, path), QString());
    QTRY_VERIFY(controller.finished());
    controller.view()->playhead()->seek(double(100 * Ms));
    controller.reset();
    QVERIFY(!controller.showsRecording());
    QCOMPARE(controller.view()->trace(), &controller.runtime().trace());
    QCOMPARE(controller.view()->tasks(), 0);
    QVERIFY(controller.view()->playhead()->live());
    QVERIFY(!controller.finished());
}

void TestRunFile::nothingToSave()
{
    RunController controller;
    QVERIFY(
        RunFile::saveRun(controller, m_dir.filePath(QStringLiteral("x"))).contains(QLatin1String("no run")));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x"))));
}

void TestRunFile::openedFilesSayWhatTheyAre()
{
    // The header names the file and says what it is: the scenario's own text would be wrong.
    RunController controller;
    QCOMPARE(controller.recordingDescription(), QString()); // the live run: the scenario's text
    QCOMPARE(RunFile::openRun(controller, writeKnown(QStringLiteral("known.awaitscope"))), QString());
    QVERIFY(!controller.showsForeignTrace());
    QString text = controller.recordingDescription();
    QVERIFY2(text.startsWith(QLatin1String("<b>known.awaitscope</b>")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("A recording of Fan-out: 2 tasks over 600 ms")), qPrintable(text));

    const QString path = m_dir.filePath(QStringLiteral("other <program>.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"traceEvents": [
        {"ph": "X", "pid": 1, "tid": 1, "ts": 0, "dur": 100, "name": "ReadFile"},
        {"ph": "X", "pid": 1, "tid": 1, "ts": 10, "dur": 20, "name": "Parse"},
        {"ph": "X", "pid": 1, "tid": 2, "ts": 50, "dur": 200, "name": "Decode"}]})");
    file.close();
    QCOMPARE(RunFile::openRun(controller, path), QString());
    QVERIFY(controller.showsForeignTrace());
    text = controller.recordingDescription();
    QVERIFY2(text.startsWith(QLatin1String("<b>other &lt;program&gt;.json</b>")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("another program")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("2 tracks")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("1 nested slices are shown as their outermost slice")),
             qPrintable(text));
    QTRY_VERIFY(controller.finished());
    QVERIFY2(controller.view()->caption().startsWith(QLatin1String("2 tracks in 250")),
             qPrintable(controller.view()->caption()));
}

QTEST_GUILESS_MAIN(TestRunFile)
#include "tst_runfile.moc"
