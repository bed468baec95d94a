#include "headlesscompare.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

namespace awaitscope {

QString compareOptionsError(const CommandLineOptions &o, bool scenarioGiven)
{
    if (scenarioGiven || !o.scriptFile.isEmpty() || !o.openFile.isEmpty())
        return QStringLiteral(
            "--compare runs its own three scenarios (blocking, callbacks, fan-out): it cannot "
            "be combined with --scenario, --script or --open");
    // (In the window, --at shows the three at that time once they have run.)
    if (!o.saveFile.isEmpty() || (o.atNs >= 0 && o.headless) || !o.exportTrace.isEmpty())
        return QStringLiteral(
            "--compare shows or prints its three runs only: it cannot be combined with --at, "
            "--save or --export-trace");
    return {};
}

QJsonArray compareJson(const CompareRun &run)
{
    QJsonArray out;
    const auto ms = [](qint64 ns) { return double(ns) / 1e6; };
    for (int v = 0; v < int(run.results().size()); ++v) {
        const CompareResult &r = run.results()[std::size_t(v)];
        out.append(QJsonObject{{QStringLiteral("variant"), r.variant},
                               {QStringLiteral("scenario"), r.scenario},
                               {QStringLiteral("jobs"), run.session(v).config().effectiveJobs()},
                               {QStringLiteral("requests"), qint64(r.requests)},
                               {QStringLiteral("total_ms"), ms(r.totalNs)},
                               {QStringLiteral("longest_hold_ms"), ms(r.longestHoldNs)}});
    }
    return out;
}

int runHeadlessCompare(const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    CompareRun compare;
    QEventLoop loop;
    QObject::connect(&compare, &CompareRun::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    bool stopped = false;
    QTimer quitTimer;
    if (options.quitAfterMs > 0) {
        quitTimer.setSingleShot(true);
        QObject::connect(&quitTimer, &QTimer::timeout, &loop, [&] {
            stopped = compare.isRunning();
            compare.stop();
            loop.quit();
        });
        quitTimer.start(int(options.quitAfterMs));
    }
    if (const QString error = compare.start(options.run); !error.isEmpty()) {
        err << "awaitscope: " << error << Qt::endl;
        return ExitUsage;
    }
    if (compare.isRunning())
        loop.exec();
    out << QJsonDocument(compareJson(compare)).toJson(QJsonDocument::Indented);
    out.flush();
    if (stopped) {
        err << "awaitscope: --compare stopped by --quit-after before every variant ran" << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace awaitscope
