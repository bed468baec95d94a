#include "timemath.h"

#include <QTest>

using namespace awaitscope;
using namespace awaitscope::timemath;

class TestTimeMath : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void emptyWidth();
    void zoomKeepsPointer_data();
    void zoomKeepsPointer();
    void zoomIsClamped();
    void pan();
    void ticks_data();
    void ticks();
    void format_data();
    void format();
};

void TestTimeMath::roundTrip_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("duration");
    QTest::addColumn<double>("width");
    QTest::addColumn<qint64>("t");
    QTest::newRow("ms over 1000 px") << qint64(0) << qint64(1'000'000'000) << 1000.0 << qint64(250'000'000);
    QTest::newRow("start not zero") << qint64(5'000) << qint64(10'000) << 800.0 << qint64(7'500);
    QTest::newRow("before the view") << qint64(1'000'000) << qint64(1'000'000) << 500.0 << qint64(0);
    QTest::newRow("one day") << qint64(0) << MaxDuration << 1920.0 << qint64(MaxDuration / 3);
    QTest::newRow("huge start") << qint64(3'600'000'000'000) << qint64(1'000) << 1000.0
                                << qint64(3'600'000'000'500);
    QTest::newRow("narrow") << qint64(0) << qint64(1'000) << 1.0 << qint64(1'000);
}

void TestTimeMath::roundTrip()
{
    QFETCH(qint64, start);
    QFETCH(qint64, duration);
    QFETCH(double, width);
    QFETCH(qint64, t);
    const View v{start, duration};
    const double x = timeToPixel(t, v, width);
    const qint64 back = pixelToTime(x, v, width);
    // Exact within the resolution of a double and of one nanosecond.
    QVERIFY2(std::abs(back - t) <= std::max<qint64>(1, duration / qint64(1e12)),
             qPrintable(QStringLiteral("%1 -> %2 -> %3").arg(t).arg(x).arg(back)));
    QCOMPARE(timeToPixel(start, v, width), 0.0);
    QCOMPARE(timeToPixel(start + duration, v, width), width);
}

void TestTimeMath::emptyWidth()
{
    const View v{100, 1000};
    QCOMPARE(timeToPixel(500, v, 0), 0.0);
    QCOMPARE(pixelToTime(10, v, 0), qint64(100));
    QCOMPARE(timeToPixel(500, View{0, 0}, 100), 0.0);
    QCOMPARE(zoomAround(v, 5, 0, 2.0), v);
    QCOMPARE(panBy(v, 5, 0), v);
    QCOMPARE(tickStep(v, 0, 100), qint64(1));
    QVERIFY(nsPerPixel(v, 0) > 0);
}

void TestTimeMath::zoomKeepsPointer_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("factor");
    QTest::newRow("in at the middle") << 500.0 << 2.0;
    QTest::newRow("out at the left") << 0.0 << 0.5;
    QTest::newRow("in at the right") << 1000.0 << 4.0;
    QTest::newRow("wheel notch") << 123.0 << 1.2;
}

void TestTimeMath::zoomKeepsPointer()
{
    QFETCH(double, x);
    QFETCH(double, factor);
    const View v{1'000'000, 1'000'000'000};
    const qint64 before = pixelToTime(x, v, 1000);
    const View z = zoomAround(v, x, 1000, factor);
    QCOMPARE(z.duration, qint64(std::llround(double(v.duration) / factor)));
    QVERIFY(std::abs(pixelToTime(x, z, 1000) - before) <= 2);
}

void TestTimeMath::zoomIsClamped()
{
    QCOMPARE(zoomAround(View{0, MinDuration}, 10, 100, 1000).duration, MinDuration);
    QCOMPARE(zoomAround(View{0, MaxDuration}, 10, 100, 0.001).duration, MaxDuration);
}

void TestTimeMath::pan()
{
    const View v{1000, 10'000};
    QCOMPARE(panBy(v, 100, 1000).start, qint64(0)); // dragging right shows earlier times
    QCOMPARE(panBy(v, -100, 1000).start, qint64(2000));
    QCOMPARE(panBy(v, -100, 1000).duration, v.duration);
}

void TestTimeMath::ticks_data()
{
    QTest::addColumn<qint64>("duration");
    QTest::addColumn<double>("width");
    QTest::addColumn<qint64>("step");
    QTest::newRow("500 ms on 1000 px") << qint64(500'000'000) << 1000.0 << qint64(50'000'000);
    QTest::newRow("1 s on 700 px") << qint64(1'000'000'000) << 700.0 << qint64(200'000'000);
    QTest::newRow("3 us on 300 px") << qint64(3'000) << 300.0 << qint64(1'000);
    QTest::newRow("an hour") << qint64(3'600'000'000'000) << 1800.0 << qint64(200'000'000'000);
}

void TestTimeMath::ticks()
{
    QFETCH(qint64, duration);
    QFETCH(double, width);
    QFETCH(qint64, step);
    const View v{0, duration};
    QCOMPARE(tickStep(v, width, 100), step);
    QCOMPARE(firstTick(View{150, 1000}, 100), qint64(200));
    QCOMPARE(firstTick(View{200, 1000}, 100), qint64(200));
    QCOMPARE(firstTick(View{-150, 1000}, 100), qint64(-100));
}

void TestTimeMath::format_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0");
    QTest::newRow("ns") << qint64(7) << QStringLiteral("7 ns");
    QTest::newRow("us") << qint64(12'000) << QStringLiteral("12 µs");
    QTest::newRow("ms") << qint64(250'000'000) << QStringLiteral("250 ms");
    QTest::newRow("fraction") << qint64(1'500'000) << QStringLiteral("1.5 ms");
    QTest::newRow("s") << qint64(2'000'000'000) << QStringLiteral("2 s");
    // As the captions write big numbers (a stress run's total waiting).
    QTest::newRow("grouped") << qint64(40'379'000'000'000) << QStringLiteral("40,379 s");
    QTest::newRow("seconds, two decimals") << qint64(1'234'500'000) << QStringLiteral("1.23 s");
}

void TestTimeMath::format()
{
    QFETCH(qint64, ns);
    QFETCH(QString, text);
    QCOMPARE(formatDuration(ns), text);
}

QTEST_APPLESS_MAIN(TestTimeMath)
#include "tst_timemath.moc"
