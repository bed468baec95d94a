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
    void highContrastSwapsSetsAndPalette();
};

void TestTheme::highContrastSwapsSetsAndPalette()
{
    Theme *theme = Theme::instance();
    const QPalette original = QGuiApplication::palette();
    const bool dark = theme->dark();
    theme->setHighContrast(true);
    QVERIFY(theme->highContrast());
    QCOMPARE(theme->dark(), dark); // our own palette change does not flip light/dark
    QCOMPARE(theme->timeline().wait,
             (dark ? TimelineColors::highContrastDark() : TimelineColors::highContrastLight()).wait);
    QCOMPARE(QGuiApplication::palette().color(QPalette::Window),
             highContrastPalette(dark).color(QPalette::Window));
    theme->setHighContrast(false);
    QCOMPARE(theme->timeline().wait, (dark ? TimelineColors::dark() : TimelineColors::light()).wait);
    QCOMPARE(QGuiApplication::palette().color(QPalette::Window), original.color(QPalette::Window));
}

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
    Theme theme(nullptr);
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
        for (const QColor &q :
             {c.stripe,   c.selected, c.highlightRow, c.grid,        c.wait,       c.join,
              c.nested,   c.block,    c.blockHatch,   c.failed,      c.timedOut,   c.cancelled,
              c.tick,     c.lifeline, c.errorMark,    c.timeoutMark, c.cancelMark, c.highlight,
              c.playhead, c.hold,     c.densityBlock, c.densityAxis})
            if (!q.isValid())
                return false;
        for (const QColor &q : c.density)
            if (!q.isValid())
                return false;
        return true;
    };
    QVERIFY(valid(TimelineColors::light()));
    QVERIFY(valid(TimelineColors::dark()));
    QVERIFY(valid(TimelineColors::highContrastLight()));
    QVERIFY(valid(TimelineColors::highContrastDark()));
    QVERIFY(TimelineColors::light().tick != TimelineColors::dark().tick);
    QVERIFY(ThemeColors::light().codeWaiting != ThemeColors::dark().codeWaiting);
    // The scene-graph style keeps the alpha of translucent colours (premultiplied).
    const TimelineStyle s = TimelineStyle::from(TimelineColors::light());
    QVERIFY(s.stripe.a > 0 && s.stripe.a < 32);
    QCOMPARE(s.wait.a, uchar(255));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
