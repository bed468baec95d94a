// The timeline as SVG: well-formed (and valid for xmllint), text kept as text, outcomes with
// their shapes, the loop's holds labelled with their wall time.

#include "svgtimelinewriter.h"
#include "testutil.h"
#include "tracefixture.h"
#include "traceindex.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace awaitscope;

namespace {

// A test style: one distinct colour per role the assertions look for (the app's colours come
// from its Theme; these only need to be told apart in the output).
constexpr char TextColour[] = "#000000";
constexpr char FailedColour[] = "#d55e00";

SvgTimelineWriter::Style style()
{
    SvgTimelineWriter::Style s;
    s.background = QStringLiteral("#ffffff");
    s.text = QLatin1String(TextColour);
    s.grid = QStringLiteral("#cccccc");
    s.wait = s.join = s.nested = s.block = s.density = QStringLiteral("#0072b2");
    s.failed = QLatin1String(FailedColour);
    s.timedOut = QStringLiteral("#cc79a7");
    s.cancelled = QStringLiteral("#999999");
    s.tick = s.lifeline = QStringLiteral("#333333");
    s.hold = QStringLiteral("#e69f00");
    return s;
}

QByteArray fillOf(const char *colour)
{
    return QByteArray("fill=\"") + colour + '"';
}

/// Every text element's content.
QStringList texts(const QByteArray &svg, QString *error)
{
    QStringList out;
    QXmlStreamReader r(svg);
    while (!r.atEnd()) {
        if (r.readNext() == QXmlStreamReader::StartElement && r.name() == QLatin1String("text"))
            out << r.readElementText();
    }
    if (r.hasError())
        *error = r.errorString();
    return out;
}

} // namespace

class TestSvgTimelineWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownTraceAsText()
    {
        Trace trace;
        TraceIndex index;
        index.setTrace(&trace);
        testing::buildKnownTrace(trace);
        QVERIFY(index.update());
        const QByteArray svg = SvgTimelineWriter(index, style())
                                   .write({{0, false}, {1, false}}, 0, 600 * testing::Ms, 600 * testing::Ms,
                                          1200, QStringLiteral("Fixture & co"));
        QString error;
        const QStringList t = texts(svg, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(t.contains(QStringLiteral("Fixture & co"))); // escaped, and read back as text
        QVERIFY(t.contains(QStringLiteral("main")));
        QVERIFY(t.contains(QStringLiteral("child(1)")));
        QVERIFY(t.contains(QStringLiteral("GET /a"))); // a bar wide enough carries its label
        QVERIFY(t.contains(QStringLiteral("simulated time")));
        // The failed wait: its colour, and a cross (a path), not colour alone.
        QVERIFY(svg.contains(fillOf(FailedColour)));
        QVERIFY(svg.contains("<path d=\"M"));
        QVERIFY(svg.contains(QByteArray("stroke=\"") + TextColour + '"'));
        // The playhead cuts what is still to come.
        const QByteArray early = SvgTimelineWriter(index, style())
                                     .write({{0, false}, {1, false}}, 0, 600 * testing::Ms, 150 * testing::Ms,
                                            1200, QStringLiteral("early"));
        QVERIFY(!early.contains(fillOf(FailedColour)));
    }

    void blockingRunShowsItsHold_andPassesXmllint()
    {
        Session session;
        // The real clock: a blocking wait holds the loop for real wall time (30 ms each).
        RunConfig config = test::virtualConfig(QStringLiteral("blocking"), 1);
        config.clock = ClockMode::Real;
        config.network.latencyMs = 30;
        QVERIFY(test::runToEnd(session, config));
        TraceIndex index;
        index.setTrace(&session.runtime().trace());
        while (index.update()) { }
        QVERIFY(!index.holds().empty());
        std::vector<SvgTimelineWriter::Lane> lanes;
        for (TaskId t = 0; t < index.taskCount(); ++t)
            lanes.push_back({t, false});
        const QByteArray svg =
            SvgTimelineWriter(index, style())
                .write(lanes, 0, index.lastTimeNs(), index.lastTimeNs(), 1600, QStringLiteral("blocking"));
        QString error;
        const QStringList t = texts(svg, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(std::any_of(t.begin(), t.end(), [](const QString &s) {
            return s.startsWith(QStringLiteral("held the loop")) && s.endsWith(QStringLiteral("(wall)"));
        }));
        const QString xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
        if (xmllint.isEmpty())
            QSKIP("xmllint is not installed (packaging/debian-packages.txt lists libxml2-utils)");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.svg"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(svg);
        f.close();
        QProcess p;
        p.start(xmllint, {QStringLiteral("--noout"), path});
        QVERIFY(p.waitForFinished(20000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void collapsedGroupIsADensity()
    {
        Session session;
        QVERIFY(test::runToEnd(session, test::virtualConfig(QStringLiteral("fan-out"), 50)));
        TraceIndex index;
        index.setTrace(&session.runtime().trace());
        while (index.update()) { }
        const QByteArray svg = SvgTimelineWriter(index, style())
                                   .write({{0, true}}, 0, index.lastTimeNs(), index.lastTimeNs(), 1000,
                                          QStringLiteral("fan-out"));
        QString error;
        const QStringList t = texts(svg, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(std::any_of(t.begin(), t.end(),
                            [](const QString &s) { return s.contains(QStringLiteral("[50 tasks]")); }));
        // All 50 users wait at once at least (each may wait on more than one request).
        QVERIFY(std::any_of(t.begin(), t.end(), [](const QString &s) {
            return s.startsWith(QStringLiteral("waiting at once, top = ")) && s.mid(23).toInt() >= 50;
        }));
    }
};

QTEST_GUILESS_MAIN(TestSvgTimelineWriter)
#include "tst_svgtimelinewriter.moc"
