#include "summarytext.h"

namespace awaitscope::summarytext {

namespace {

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 1);
}

} // namespace

QString clockName(ClockMode mode)
{
    return mode == ClockMode::Virtual ? QStringLiteral("virtual") : QStringLiteral("real");
}

QString scenarioLine(const RunConfig &config)
{
    return QStringLiteral("scenario %1: %2 jobs, seed %3, %4 clock")
        .arg(config.scenario)
        .arg(config.effectiveJobs())
        .arg(config.seed)
        .arg(clockName(config.clock));
}

QString traceLines(const TraceSummary &sum, qint64 wallMs)
{
    QString text;
    text += QStringLiteral("tasks %1 (ok %2, failed %3, cancelled %4")
                .arg(sum.tasks)
                .arg(sum.ok)
                .arg(sum.failed)
                .arg(sum.cancelled);
    if (sum.running > 0)
        text += QStringLiteral(", unfinished %1").arg(sum.running);
    text += QStringLiteral(")\n");
    text += QStringLiteral("awaits %1, errors %2 (%3 failed tasks), blocked sections %4 (%5 ms)\n")
                .arg(sum.awaits)
                .arg(sum.failedWaits)
                .arg(sum.failed)
                .arg(sum.blockedSections)
                .arg(ms(sum.blockedNs));
    if (sum.holds > 0)
        text +=
            QStringLiteral("event loop held longer than a frame %1 times, the longest %2 ms of wall time\n")
                .arg(sum.holds)
                .arg(ms(sum.longestHoldNs));
    const QString wall = wallMs >= 0 ? QStringLiteral(", %1 ms wall").arg(wallMs) : QString();
    text += QStringLiteral("total time %1 ms simulated%2; awaited %3 ms in all (concurrency %4x)\n")
                .arg(ms(sum.spanNs), wall, ms(sum.awaitedNs), QString::number(sum.concurrency(), 'f', 1));
    return text;
}

QString foreignTraceLines(const TraceSummary &sum)
{
    QString text =
        QStringLiteral("tracks %1 (%2 ended").arg(sum.tasks).arg(sum.ok + sum.failed + sum.cancelled);
    if (sum.running > 0)
        text += QStringLiteral(", %1 in a slice at the end").arg(sum.running);
    text += QStringLiteral(")\n");
    text += QStringLiteral("slices %1 (outermost), %2 ms in slices in all (%3 at once on average)\n")
                .arg(sum.awaits)
                .arg(ms(sum.awaitedNs), QString::number(sum.concurrency(), 'f', 1));
    text += QStringLiteral("time span %1 ms of the trace's clock\n").arg(ms(sum.spanNs));
    return text;
}

} // namespace awaitscope::summarytext
