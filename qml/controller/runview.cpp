#include "runview.h"

#include "scenario.h"

#include <algorithm>

namespace awaitscope {

RunView::RunView(QObject *parent)
    : QObject(parent)
{
    m_lanes.setIndex(&m_index);
    m_wall.start();
    connect(&m_readouts, &Pacer::ready, this, &RunView::onReadout);
    connect(&m_playhead, &Playhead::timeChanged, this, &RunView::showPlayhead);
}

void RunView::setTrace(const Trace *trace)
{
    m_index.setTrace(trace);
    m_playhead.setTrace(trace);
    reset();
}

void RunView::setPrimarySource(const QString &file)
{
    if (m_primarySource == file)
        return;
    m_primarySource = file;
    updateSourceFiles();
}

bool RunView::update(qint64 budgetNs, qint64 nowNs)
{
    QElapsedTimer spent;
    spent.start();
    const bool fresh = m_index.update(budgetNs);
    const qint64 now = nowNs >= 0 ? nowNs : m_index.lastTimeNs();
    const bool moved = now != m_now;
    m_now = now;
    // The playhead's state timeline reads while the past is shown (the whole budget: it is what
    // the user looks at), or in what the index left of it when the index had nothing new (a
    // paused, idle or ended run). A busy live run is not slowed for a past nobody looks at yet:
    // at 100,000 tasks reading it live took as much of the GUI thread as the index (perf), and
    // the window's polls went from 4 to 12 ms (p99).
    const bool readTimeline = inPast() || !fresh;
    const qint64 left = budgetNs < 0 ? -1
        : inPast()                   ? budgetNs
                                     : std::max<qint64>(budgetNs / 4, budgetNs - spent.nsecsElapsed());
    const qint64 shownBefore = m_playhead.time();
    const bool timelineFresh = m_playhead.update(left, m_now, readTimeline);
    if (timelineFresh && inPast() && m_playhead.timeline()->lastTimeNs() >= shownBefore)
        showPlayhead(); // the events up to the time shown were read only now
    if (fresh && m_sourceFiles.size() < 2)
        updateSourceFiles();
    if (fresh || moved) {
        updateCaption();
        Q_EMIT frame();
        readout(false);
    }
    return fresh;
}

void RunView::setEnded(bool ended)
{
    if (ended == m_ended)
        return;
    m_ended = ended;
    updateCaption();
    readout(true);
}

void RunView::onReadout()
{
    m_readoutNow = shownTime();
    updateSourceWaiting();
    Q_EMIT readoutChanged();
}

void RunView::updateCaption()
{
    QString caption;
    if (inPast() && m_playhead.timeline())
        caption = Playhead::captionAt(*m_playhead.timeline(), m_playhead.time());
    else if (m_index.trace() && m_index.taskCount() > 0)
        caption = m_narrator.update(m_index, m_ended && m_index.caughtUp(), m_wall.nsecsElapsed());
    if (caption != m_caption) {
        m_caption = caption;
        Q_EMIT captionChanged();
    }
}

void RunView::reset()
{
    m_now = 0; // (the index forgets everything by itself when its trace is cleared)
    m_playhead.reset();
    m_ended = false;
    const Narrator::RunFacts facts = m_narrator.facts();
    m_narrator.reset();
    m_narrator.setFacts(facts);
    updateSourceFiles();
    updateCaption();
    Q_EMIT frame();
    readout(true);
}

void RunView::showPlayhead()
{
    const StateTimeline *timeline = m_playhead.timeline();
    if (inPast() && timeline) {
        m_at = timeline->countersAt(m_playhead.time());
        m_lanes.setStateAt(timeline, m_playhead.time());
    } else {
        if (!m_lanes.stateAt())
            return; // live, and it was: the per-frame update shows now
        m_lanes.setStateAt(nullptr, 0);
    }
    updateCaption();
    Q_EMIT frame();
    readout(false);
}

void RunView::updateSourceFiles()
{
    // The scenario's own file first, then other scenario files its awaits point at
    // (fetchuser.cpp is shared by several scenarios).
    QStringList files;
    if (!m_primarySource.isEmpty())
        files << m_primarySource;
    for (const QString &f : m_index.locationFiles()) {
        if (files.contains(f))
            continue;
        const bool known = std::any_of(allScenarios().begin(), allScenarios().end(),
                                       [&f](const Scenario &s) { return s.sourceFile == f; });
        if (known)
            files << f;
    }
    if (files != m_sourceFiles) {
        m_sourceFiles = files;
        m_busiestSource = 0;
        Q_EMIT sourceFilesChanged();
        updateSourceWaiting();
    }
}

void RunView::updateSourceWaiting()
{
    QList<int> counts(m_sourceFiles.size(), 0);
    const Trace *trace = m_index.trace();
    const StateTimeline *timeline = m_playhead.timeline();
    if (inPast() && timeline && trace) {
        for (const StateTimeline::LineCount &c : timeline->linesAt(m_playhead.time())) {
            const qsizetype file = m_sourceFiles.indexOf(trace->string(timeline->line(c.line).file));
            if (file >= 0)
                counts[file] += int(c.waiting);
        }
        trace = nullptr; // (not the index's counts: those are now's)
    }
    for (quint32 loc = 0; trace && loc < m_index.locationCount(); ++loc) {
        const quint32 n = m_index.waitingAtLocation(loc);
        if (n == 0)
            continue;
        const qsizetype file = m_sourceFiles.indexOf(trace->string(m_index.location(loc).file));
        if (file >= 0)
            counts[file] += int(n);
    }
    int busiest = m_busiestSource;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        if (counts[i] > (busiest >= 0 && busiest < counts.size() ? counts[busiest] : 0))
            busiest = int(i);
    }
    if (busiest >= counts.size())
        busiest = 0;
    if (counts != m_sourceWaiting || busiest != m_busiestSource) {
        m_sourceWaiting = counts;
        m_busiestSource = busiest;
        Q_EMIT sourceWaitingChanged();
    }
}

} // namespace awaitscope
