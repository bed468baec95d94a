#include "scriptexamples.h"

#include <QTest>

using namespace awaitscope;

class TestScriptExamples : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsEveryExampleInOrder();
    void findsOneByName();
    void readsTitles();
};

void TestScriptExamples::listsEveryExampleInOrder()
{
    const QList<ScriptExample> all = ScriptExamples::all();
    QCOMPARE(all.size(), 9);
    QCOMPARE(all.first().fileName, QStringLiteral("fetch_user.py"));
    for (const ScriptExample &e : all) {
        QVERIFY2(!e.title.isEmpty(), qPrintable(e.fileName));
        QVERIFY2(e.source.contains(QLatin1String("asyncio.run(")), qPrintable(e.fileName));
    }
}

void TestScriptExamples::findsOneByName()
{
    const ScriptExample e = ScriptExamples::find(QStringLiteral("fetch_user.py"));
    QVERIFY(e.source.contains(QLatin1String("async def fetch_user(user_id):")));
    QCOMPARE(e.title, QStringLiteral("Fetch a user: the article's fetch_user, three awaits in a row."));
    QCOMPARE(ScriptExamples::resourcePath(e.fileName),
             QStringLiteral(":/awaitscope/script/examples/fetch_user.py"));
    QVERIFY(ScriptExamples::find(QStringLiteral("nope.py")).source.isEmpty());
    QVERIFY(ScriptExamples::find(QStringLiteral("../python/awaitscope.py")).source.isEmpty());
}

void TestScriptExamples::readsTitles()
{
    QCOMPARE(ScriptExamples::titleOf(QStringLiteral("\"\"\"One line.\"\"\"\nx = 1\n")),
             QStringLiteral("One line."));
    QCOMPARE(ScriptExamples::titleOf(QStringLiteral("# comment\n'''Title\n\nbody'''\n")),
             QStringLiteral("Title"));
    QCOMPARE(ScriptExamples::titleOf(QStringLiteral("x = '''not a docstring'''\n")), QString());
    QCOMPARE(ScriptExamples::titleOf(QString()), QString());
}

QTEST_GUILESS_MAIN(TestScriptExamples)
#include "tst_scriptexamples.moc"
