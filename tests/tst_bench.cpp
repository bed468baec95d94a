// awaitscope-bench's command line: help, and numbers read as strictly as the app reads them.

#include <QProcess>
#include <QTest>

namespace {

struct Run {
    int exitCode;
    QString out;
    QString err;
};

Run runBench(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(AWAITSCOPE_BENCH_BIN), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, QStringLiteral("timed out")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestBench : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void help_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::newRow("--help") << QStringLiteral("--help");
        QTest::newRow("-h") << QStringLiteral("-h");
    }

    void help()
    {
        QFETCH(QString, flag);
        const Run run = runBench({flag});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QLatin1String("usage: awaitscope-bench")), qPrintable(run.out + run.err));
        QVERIFY(run.err.isEmpty());
    }

    void badNumbersAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mention");
        QTest::newRow("hex latency") << QStringList{QStringLiteral("timer"), QStringLiteral("10"),
                                                    QStringLiteral("1"), QStringLiteral("0x10")}
                                     << QStringLiteral("LATENCY_MS");
        QTest::newRow("latency inf") << QStringList{QStringLiteral("timer"), QStringLiteral("10"),
                                                    QStringLiteral("1"), QStringLiteral("inf")}
                                     << QStringLiteral("LATENCY_MS");
        QTest::newRow("hex tasks") << QStringList{QStringLiteral("yield"), QStringLiteral("0x10"),
                                                  QStringLiteral("1")}
                                   << QStringLiteral("TASKS");
        QTest::newRow("tasks beyond 64 bits")
            << QStringList{QStringLiteral("yield"), QStringLiteral("99999999999999999999999"),
                           QStringLiteral("1")}
            << QStringLiteral("TASKS");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("unknown option --frobnicate");
    }

    void badNumbersAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mention);
        const Run run = runBench(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(mention), qPrintable(run.err));
        QVERIFY(run.out.isEmpty()); // no measurement printed
    }

    void decimalLatencyRuns()
    {
        const Run run = runBench(
            {QStringLiteral("timer"), QStringLiteral("10"), QStringLiteral("2"), QStringLiteral("1.5")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("\"latency_ms\": 1.5")), qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestBench)
#include "tst_bench.moc"
