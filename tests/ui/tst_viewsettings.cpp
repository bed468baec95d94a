#include "theme.h"
#include "viewsettings.h"

#include <QGuiApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace awaitscope;

class TestViewSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("awaitscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_viewsettings"));
    }
    void init() { QSettings().clear(); }

    void fontScaleStepsAndClamps()
    {
        ViewSettings v(nullptr);
        QSignalSpy changed(&v, &ViewSettings::changed);
        QCOMPARE(v.fontPercent(), 100);
        v.growFont();
        v.growFont();
        QCOMPARE(v.fontPercent(), 120);
        QCOMPARE(Theme::instance()->fontScale(), 1.2);
        for (int i = 0; i < 40; ++i)
            v.growFont();
        QCOMPARE(v.fontScale(), ViewSettings::MaxFontScale);
        for (int i = 0; i < 40; ++i)
            v.shrinkFont();
        QCOMPARE(v.fontScale(), ViewSettings::MinFontScale);
        v.setFontScale(qQNaN());
        QCOMPARE(v.fontScale(), ViewSettings::MinFontScale);
        QVERIFY(changed.count() > 0);
    }

    void presenterHasItsOwnScaleAndTucksKnobsAway()
    {
        ViewSettings v(nullptr);
        v.setFontScale(1.2);
        v.setCaptions(false);
        v.setPresenter(true);
        QCOMPARE(v.fontScale(), ViewSettings::DefaultPresenterFontScale);
        QCOMPARE(Theme::instance()->fontScale(), ViewSettings::DefaultPresenterFontScale);
        QVERIFY(!v.knobsVisible());
        QVERIFY(v.captions());
        v.growFont();
        QCOMPARE(v.fontPercent(), 160);
        v.setPresenter(false);
        QCOMPARE(v.fontPercent(), 120); // the normal mode's own
        QVERIFY(v.knobsVisible());
        v.setPresenter(true);
        QCOMPARE(v.fontPercent(), 160);
    }

    void remembersOnlyWhenPersistent()
    {
        {
            ViewSettings v(nullptr); // not persistent: scripted runs leave no trace
            v.setFontScale(2.0);
            v.setHighContrast(true);
            v.setHighContrast(false);
        }
        QVERIFY(!QSettings().contains(QStringLiteral("view/fontScale")));
        {
            ViewSettings v(nullptr);
            v.setPersistent(true);
            v.setFontScale(2.0);
            v.setHighContrast(true);
        }
        ViewSettings again(nullptr);
        again.load();
        QCOMPARE(again.fontScale(), 2.0);
        QVERIFY(again.highContrast());
        QVERIFY(Theme::instance()->highContrast());
        again.setHighContrast(false);
    }

    void badStoredValuesAreClamped()
    {
        QSettings s;
        s.setValue(QStringLiteral("view/fontScale"), 40.0);
        s.setValue(QStringLiteral("view/presenterFontScale"), QStringLiteral("huge"));
        s.sync();
        ViewSettings v(nullptr);
        v.load();
        QCOMPARE(v.fontScale(), ViewSettings::MaxFontScale);
        v.setPresenter(true);
        QCOMPARE(v.fontScale(), ViewSettings::DefaultPresenterFontScale); // unreadable: skipped
    }
};

QTEST_MAIN(TestViewSettings)
#include "tst_viewsettings.moc"
