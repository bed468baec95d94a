#include "names.h"

#include <QTest>

using namespace awaitscope;

class TestNames : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void outcomesRoundTrip();
    void waitResultsRoundTrip();
};

void TestNames::outcomesRoundTrip()
{
    for (const auto o : {TaskOutcome::Running, TaskOutcome::Ok, TaskOutcome::Error, TaskOutcome::Cancelled}) {
        const QLatin1StringView name = outcomeName(o);
        QVERIFY(name != QLatin1StringView("unknown"));
        QCOMPARE(outcomeFromName(name), std::optional<TaskOutcome>(o));
    }
    QCOMPARE(outcomeName(TaskOutcome::Error), QLatin1StringView("error"));
    QVERIFY(!outcomeFromName(QLatin1StringView("nope")));
}

void TestNames::waitResultsRoundTrip()
{
    for (const auto r : {WaitResult::Ok, WaitResult::Failed, WaitResult::TimedOut, WaitResult::Cancelled}) {
        const QLatin1StringView name = waitResultName(r);
        QVERIFY(name != QLatin1StringView("unknown"));
        QCOMPARE(waitResultFromName(name), std::optional<WaitResult>(r));
    }
    QCOMPARE(waitResultName(WaitResult::TimedOut), QLatin1StringView("timed out"));
    QVERIFY(!waitResultFromName(QLatin1StringView("")));
}

QTEST_APPLESS_MAIN(TestNames)
#include "tst_names.moc"
