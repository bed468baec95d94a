#include "theme.h"
#include "timelinestyle.h"

#include <QGuiApplication>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;

class TestTheme : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsTheApplicationPalette();
    void fontScaleScalesSizes();
    void variantsAreSetsOfValues();
};

void TestTheme::followsTheApplicationPalette()
{
    Theme *theme = Theme::instance();
    QSignalSpy changed(theme, &Theme::changed);
    const QPalette original = QGuiApplication::palette();
    QPalette dark = original;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    QGuiApplication::setPalette(dark);
    QTRY_VERIFY(theme->dark());
    QVERIFY(changed.count() >= 1);
    QCOMPARE(theme->colors().codeWaiting, ThemeColors::dark().codeWaiting);
    QCOMPARE(theme->timeline().wait, TimelineColors::dark().wait);
    QCOMPARE(theme->code().keyword, CodeColors::dark().keyword);
    QPalette light = original;
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    QGuiApplication::setPalette(light);
    QTRY_VERIFY(!theme->dark());
    QCOMPARE(theme->colors().codeWaiting, ThemeColors::light().codeWaiting);
    QGuiApplication::setPalette(original);
}

void TestTheme::fontScaleScalesSizes()
{
    Theme theme;
    const int body = theme.fontSize();
    const double row = theme.rowHeight();
    const quint64 revision = theme.revision();
    QSignalSpy changed(&theme, &Theme::changed);
    theme.setFontScale(2.0);
    QCOMPARE(changed.count(), 1);
    QVERIFY(theme.revision() > revision);
    QCOMPARE(theme.fontSize(), 2 * body);
    QCOMPARE(theme.rowHeight(), 2 * row);
    theme.setFontScale(100); // clamped
    QCOMPARE(theme.fontScale(), Theme::MaxFontScale);
    theme.setFontScale(0.1);
    QCOMPARE(theme.fontScale(), Theme::MinFontScale);
}

void TestTheme::variantsAreSetsOfValues()
{
    // Every colour of each set is valid, and the sets differ where a dark background needs it.
    const auto valid = [](const TimelineColors &c) {
        for (const QColor &q : {c.stripe, c.selected, c.highlightRow, c.grid, c.wait, c.join, c.nested,
                                c.block, c.failed, c.cancelled, c.tick, c.lifeline, c.errorMark, c.cancelMark,
                                c.highlight, c.playhead, c.density, c.densityBlock})
            if (!q.isValid())
                return false;
        return true;
    };
    QVERIFY(valid(TimelineColors::light()));
    QVERIFY(valid(TimelineColors::dark()));
    QVERIFY(TimelineColors::light().tick != TimelineColors::dark().tick);
    QVERIFY(ThemeColors::light().codeWaiting != ThemeColors::dark().codeWaiting);
    // The scene-graph style keeps the alpha of translucent colours (premultiplied).
    const TimelineStyle s = TimelineStyle::from(TimelineColors::light());
    QVERIFY(s.stripe.a > 0 && s.stripe.a < 32);
    QCOMPARE(s.wait.a, uchar(255));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
