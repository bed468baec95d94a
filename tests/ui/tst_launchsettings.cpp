// A presenter's launch script must be reliable: the real window, started with remembered
// settings that differ from the flags it is given, runs with the flags, even when each flag equals
// its default. Read back from the trace the window exports (its "otherData.run").

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestLaunchSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void flagsBeatRememberedSettings();
};

void TestLaunchSettings::flagsBeatRememberedSettings()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    // What an earlier session left behind (the window's own settings file).
    {
        QSettings s(home.filePath(QStringLiteral("awaitscope/awaitscope.conf")), QSettings::IniFormat);
        s.setValue(QStringLiteral("run/scenario"), QStringLiteral("callbacks"));
        s.setValue(QStringLiteral("run/jobs"), 7);
        s.setValue(QStringLiteral("run/latencyMs"), 900.0);
        s.setValue(QStringLiteral("run/jitterMs"), 250.0);
        s.setValue(QStringLiteral("run/seed"), QStringLiteral("42"));
        s.setValue(QStringLiteral("run/speed"), 20.0);
        s.sync();
        QCOMPARE(s.status(), QSettings::NoError);
    }
    const QString trace = home.filePath(QStringLiteral("run.json"));
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedChannels);
    // Each flag equal to its default (fetch-user, 100 ms, no jitter, seed 1, speed 1).
    app.start(QStringLiteral(AWAITSCOPE_BINARY),
              {QStringLiteral("--scenario"), QStringLiteral("fetch-user"), QStringLiteral("--latency"),
               QStringLiteral("100"), QStringLiteral("--jitter"), QStringLiteral("0"),
               QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--speed"), QStringLiteral("1"),
               QStringLiteral("--export-trace"), trace, QStringLiteral("--quit-after"),
               QStringLiteral("2500")});
    QVERIFY(app.waitForFinished(60'000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);

    QFile f(trace);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(trace));
    const QJsonObject run = QJsonDocument::fromJson(f.readAll())
                                .object()[QStringLiteral("otherData")]
                                .toObject()[QStringLiteral("run")]
                                .toObject();
    QCOMPARE(run[QStringLiteral("scenario")].toString(), QStringLiteral("fetch-user"));
    QCOMPARE(run[QStringLiteral("latency_ms")].toDouble(), 100.0);
    QCOMPARE(run[QStringLiteral("jitter_ms")].toDouble(), 0.0);
    QCOMPARE(run[QStringLiteral("seed")].toString(), QStringLiteral("1"));
    QCOMPARE(run[QStringLiteral("speed")].toDouble(), 1.0);
    // Not given: remembered (jobs 7 belongs to the remembered scenario, fetch-user takes its own).
    QCOMPARE(run[QStringLiteral("clock")].toString(), QStringLiteral("real"));
}

QTEST_GUILESS_MAIN(TestLaunchSettings)
#include "tst_launchsettings.moc"
