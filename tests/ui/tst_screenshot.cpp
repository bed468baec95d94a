// Runs the real window on an X display, takes a screenshot of a finished run and checks it is a
// picture: many distinct colours, the await bars' blue. Skipped without DISPLAY.
//
// At speed 1 the run (40 jobs at 100 ms) ends well before the screenshot, and the view is fitted
// to it, whatever the machine's load: mid-run at the window's 0.1x, a slow start under load (the
// sanitizer build beside other tests) left too few bars drawn by the time of the screenshot.

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestScreenshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fanOut();
};

void TestScreenshot::fanOut()
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        QSKIP("SKIP: no X display (run the tests under xvfb-run -a)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(AWAITSCOPE_BINARY),
              {QStringLiteral("--scenario"), QStringLiteral("fan-out"), QStringLiteral("--jobs"),
               QStringLiteral("40"), QStringLiteral("--speed"), QStringLiteral("1"),
               QStringLiteral("--screenshot"), png, QStringLiteral("--screenshot-after"),
               QStringLiteral("3000"), QStringLiteral("--quit-after"), QStringLiteral("4000")});
    QVERIFY(app.waitForFinished(60'000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);

    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800 && image.height() >= 600);
    QSet<QRgb> colours;
    int blue = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb p = image.pixel(x, y);
            colours.insert(p);
            const QColor c(p);
            // The await bars: the light theme's wait colour, Okabe-Ito blue #0072b2 (palettes.cpp).
            if (c.red() < 30 && qAbs(c.green() - 0x72) < 20 && qAbs(c.blue() - 0xb2) < 20)
                ++blue;
        }
    }
    QVERIFY2(colours.size() > 200, qPrintable(QStringLiteral("%1 colours").arg(colours.size())));
    qInfo("%d colours, %d bar pixels", int(colours.size()), blue);
    QVERIFY2(blue > 20000, qPrintable(QStringLiteral("%1 bar pixels").arg(blue)));
}

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
