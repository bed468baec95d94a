#include "narrator.h"

#include "names.h"

#include <QLocale>
#include <cmath>

namespace awaitscope {

namespace {

// " (line 15)"; nothing for a site without a line (a slice of a trace from another program).
QString lineNote(const Site &site)
{
    return site.line > 0 ? QStringLiteral(" (line %1)").arg(site.line) : QString();
}

// Figures for a room: "100,001", the same on every machine.
QString count(quint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString latencies(quint64 n)
{
    return n == 1 ? QStringLiteral("1 latency") : count(n) + QStringLiteral(" latencies");
}

QString factor(double x)
{
    return x < 100 ? QString::number(x, 'f', 1) : count(quint64(std::llround(x)));
}

} // namespace

QString Narrator::holdSentence(const TraceIndex &index, bool onPurpose)
{
    if (index.holds().empty())
        return {};
    const Hold &hold = index.holds().back();
    const Trace *trace = index.trace();
    const QString who = trace && hold.task < trace->taskCount() ? trace->taskName(hold.task) : QString();
    QString s = QStringLiteral("%1 held the loop for %2 of wall time: nothing else ran, the window froze")
                    .arg(who.isEmpty() ? QStringLiteral("a task") : who, formatDuration(hold.wallNs));
    if (onPurpose)
        s += QStringLiteral(" (on purpose: this is the blocking version)");
    return s;
}

QString Narrator::waitSentence(const TraceIndex &index, const TraceIndex::LatestWait &wait)
{
    const Trace *trace = index.trace();
    if (!trace || wait.task >= trace->taskCount() || wait.site >= trace->siteCount())
        return {};
    const Site &site = trace->siteAt(wait.site);
    const QString what = trace->string(site.label);
    // Waits that ended since this one began, its own end not counted.
    const bool ended = wait.task < index.taskCount() && index.track(wait.task).openWait < 0;
    const quint64 since = index.resumes() - wait.resumesBefore;
    const quint64 meanwhile = ended && since > 0 ? since - 1 : since;
    QString s;
    switch (site.kind) {
    case SiteKind::Join:
        s = QStringLiteral("%1 waits for %2%3").arg(trace->taskName(wait.task), what, lineNote(site));
        break;
    case SiteKind::Blocking:
        return QStringLiteral("%1 blocks at line %2 (%3): the loop can do nothing else")
            .arg(trace->taskName(wait.task))
            .arg(site.line)
            .arg(what);
    default:
        s = QStringLiteral("%1 waits for %2%3").arg(trace->taskName(wait.task), what, lineNote(site));
    }
    if (meanwhile > 0)
        s += QStringLiteral("; the loop is free: %1 other %2 meanwhile")
                 .arg(count(meanwhile),
                      meanwhile == 1 ? QStringLiteral("wait ended") : QStringLiteral("waits ended"));
    else
        s += QStringLiteral("; the loop is free to run others");
    return s;
}

QString Narrator::ending(const TraceIndex &index) const
{
    const qint64 elapsed = index.lastTimeNs();
    const quint32 tasks = index.taskCount();
    // (A trace from another program has tracks: its threads and async ids.)
    const QString noun = m_facts.foreign ? (tasks == 1 ? QStringLiteral("track") : QStringLiteral("tracks"))
                                         : (tasks == 1 ? QStringLiteral("task") : QStringLiteral("tasks"));
    QString s = QStringLiteral("%1 %2 in %3").arg(count(tasks), noun, formatDuration(elapsed));
    const qint64 longestHold = index.holds().empty() ? 0 : index.longestHoldNs();
    const bool holdLeads = longestHold > 0 &&
        (m_facts.blocksOnPurpose || index.blockedNs() > 0 || longestHold >= VisibleFreezeNs);
    if (holdLeads) {
        s += QStringLiteral(": the loop was held for %1 (wall), nothing else ran meanwhile")
                 .arg(formatDuration(longestHold));
    } else if (m_facts.latencyNs > 0 && elapsed > 0 && index.awaitedNs() > 0) {
        // What the waits would have cost one after another, against what they cost together.
        const double endToEnd = double(elapsed) / double(m_facts.latencyNs);
        const double inSeries = double(index.awaitedNs()) / double(m_facts.latencyNs);
        const double overlap = double(index.awaitedNs()) / double(elapsed);
        if (overlap >= 1.5)
            s += QStringLiteral(": about %1 end to end, not %2 (%3x overlap)")
                     .arg(latencies(quint64(std::max(1.0, std::round(endToEnd)))),
                          count(quint64(std::round(inSeries))), factor(overlap));
        else
            s += QStringLiteral(": %1 one after another, no overlap")
                     .arg(latencies(quint64(std::round(endToEnd))));
    }
    const quint64 failed = index.failedWaits();
    if (failed > 0)
        s += QStringLiteral("; %1 %2 failed (marked in the code)")
                 .arg(count(failed), failed == 1 ? QStringLiteral("request") : QStringLiteral("requests"));
    if (index.finishedCancelled() > 0)
        s += QStringLiteral("; %1 cancelled").arg(count(index.finishedCancelled()));
    return s;
}

QString Narrator::update(const TraceIndex &index, bool finished, qint64 wallNs)
{
    QString next;
    bool urgent = false; // says something the room must see now
    if (index.holds().size() > m_holdsSeen) {
        m_holdsSeen = index.holds().size();
        next = holdSentence(index, m_facts.blocksOnPurpose);
        urgent = true;
    } else if (finished) {
        next = ending(index);
        urgent = true;
    } else if (index.suspendedNow() >= CrowdSize) {
        next = QStringLiteral("%1 tasks waiting at once, on one thread: each await costs the loop a few "
                              "bytes, not a thread")
                   .arg(count(index.suspendedNow()));
    } else if (index.latestWait().task != NoTask) {
        next = waitSentence(index, index.latestWait());
    }
    if (next.isEmpty() || next == m_caption)
        return m_caption;
    // Hold a caption long enough to be read, unless the news is urgent; a hold stays until the
    // run ends (the freeze is the point of the blocking demo).
    const bool showingHold = m_holdsSeen > 0 && !finished;
    if (!urgent && m_shownAtNs >= 0 && (wallNs - m_shownAtNs < MinHoldNs || showingHold))
        return m_caption;
    m_caption = next;
    m_shownAtNs = wallNs;
    return m_caption;
}

} // namespace awaitscope
