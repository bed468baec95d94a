#include "statejsonwriter.h"
#include "tracefixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace awaitscope;
using namespace awaitscope::testing;

class TestStateJsonWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shape()
    {
        Trace trace;
        buildKnownTrace(trace);
        StateTimeline tl(trace);
        tl.update();
        const QByteArray json = StateJsonWriter(tl).at(350 * Ms);
        QVERIFY(!json.contains('\n'));
        QVERIFY(json.startsWith("{\"time_ms\":350,\"counters\":{")); // in the order the issue shows
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QCOMPARE(o.value(QStringLiteral("time_ms")).toInt(), 350);
        const QJsonArray tasks = o.value(QStringLiteral("tasks")).toArray();
        QCOMPARE(tasks.size(), 2);
        const QJsonObject child = tasks.at(1).toObject();
        QCOMPARE(child.value(QStringLiteral("id")).toInt(), 1);
        QCOMPARE(child.value(QStringLiteral("name")).toString(), QStringLiteral("child(1)"));
        QCOMPARE(child.value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
        QCOMPARE(child.value(QStringLiteral("file")).toString(), QStringLiteral("fixture.cpp"));
        QCOMPARE(child.value(QStringLiteral("line")).toInt(), 21);
        QCOMPARE(child.value(QStringLiteral("call")).toString(), QStringLiteral("GET /b"));
        QCOMPARE(child.value(QStringLiteral("since_ms")).toInt(), 300);
        const QJsonArray lines = o.value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(1).toObject().value(QStringLiteral("line")).toInt(), 21);
        QCOMPARE(lines.at(1).toObject().value(QStringLiteral("waiting")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("counters")).toObject().value(QStringLiteral("waiting")).toInt(), 2);

        const QJsonObject end = QJsonDocument::fromJson(StateJsonWriter(tl).at(600 * Ms + 500)).object();
        QCOMPARE(end.value(QStringLiteral("time_ms")).toDouble(), 600.0005);
        const QJsonObject main = end.value(QStringLiteral("tasks")).toArray().at(0).toObject();
        QCOMPARE(main.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QVERIFY(!main.contains(QStringLiteral("file")));
        QVERIFY(end.value(QStringLiteral("lines")).toArray().isEmpty());
        QVERIFY(StateJsonWriter(tl).at(1).startsWith("{\"time_ms\":0.000001,"));
        QVERIFY(StateJsonWriter(tl).at(-1'500'000).startsWith("{\"time_ms\":-1.5,"));
        const QJsonObject before = QJsonDocument::fromJson(StateJsonWriter(tl).at(-1)).object();
        QCOMPARE(
            before.value(QStringLiteral("tasks")).toArray().at(1).toObject().value(QStringLiteral("state")),
            QStringLiteral("not-started"));
    }
};

QTEST_GUILESS_MAIN(TestStateJsonWriter)
#include "tst_statejsonwriter.moc"
