#include "sourcemodel.h"

#include "pythonhighlighter.h"
#include "scenario.h"
#include "theme.h"

#include <QFile>
#include <algorithm>

namespace awaitscope {

SourceModel::SourceModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(Theme::instance(), &Theme::changed, this, [this] {
        rehighlight();
        if (!m_lines.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_lines.size()) - 1), {TextRole});
    });
}

int SourceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant SourceModel::data(const QModelIndex &idx, int role) const
{
    if (!checkIndex(idx, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = idx.row();
    switch (role) {
    case LineNumberRole:
        return row + 1;
    case TextRole:
        return m_styled.value(row);
    case Qt::DisplayRole:
    case PlainTextRole:
        return m_lines.at(row);
    case WaitingRole:
        return int(m_waiting[std::size_t(row)]);
    case BlockingRole:
        return m_blocking[std::size_t(row)] != 0;
    case SelectedRole:
        return row + 1 == m_selectedLine;
    case IndentRole:
        return int(m_indent[std::size_t(row)]);
    case FailuresRole:
        return int(m_outcomes[std::size_t(row)].total());
    case FailureTextRole: {
        const TraceIndex::LocationOutcomes &o = m_outcomes[std::size_t(row)];
        QStringList parts;
        if (o.failed)
            parts << tr("%n failed", nullptr, int(o.failed));
        if (o.timedOut)
            parts << tr("%n timed out", nullptr, int(o.timedOut));
        if (o.cancelled)
            parts << tr("%n cancelled", nullptr, int(o.cancelled));
        return parts.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> SourceModel::roleNames() const
{
    return {{LineNumberRole, "lineNumber"}, {TextRole, "styledText"},   {PlainTextRole, "plainText"},
            {WaitingRole, "waiting"},       {BlockingRole, "blocking"}, {SelectedRole, "selected"},
            {IndentRole, "indent"},         {FailuresRole, "failures"}, {FailureTextRole, "failureText"}};
}

QString SourceModel::sourceText(const QString &fileName)
{
    for (const Scenario &s : allScenarios()) {
        if (s.sourceFile == fileName)
            return s.source();
    }
    return {};
}

void SourceModel::setFileName(const QString &fileName)
{
    if (m_fileName == fileName)
        return;
    m_fileName = fileName;
    reload();
    Q_EMIT fileNameChanged();
}

void SourceModel::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    reload();
    Q_EMIT textChanged();
}

void SourceModel::setTraceIndex(TraceIndex *index)
{
    if (m_index == index)
        return;
    if (m_index)
        disconnect(m_index, nullptr, this, nullptr);
    m_index = index;
    if (m_index) {
        connect(m_index, &TraceIndex::updated, this, &SourceModel::refreshCounts);
        connect(m_index, &TraceIndex::reset, this, &SourceModel::refreshCounts);
    }
    refreshCounts();
    Q_EMIT traceIndexChanged();
}

void SourceModel::setAtTime(bool atTime)
{
    if (m_atTime == atTime)
        return;
    m_atTime = atTime;
    refreshCounts();
    Q_EMIT atTimeChanged();
}

void SourceModel::setWaitingAtTime(const QList<int> &counts)
{
    if (m_waitingAtTime == counts)
        return;
    m_waitingAtTime = counts;
    if (m_atTime)
        refreshCounts();
    Q_EMIT waitingAtTimeChanged();
}

void SourceModel::setBlockingAtTime(const QList<int> &lines)
{
    if (m_blockingAtTime == lines)
        return;
    m_blockingAtTime = lines;
    if (m_atTime)
        refreshCounts();
    Q_EMIT blockingAtTimeChanged();
}

void SourceModel::setSelectedLine(int line)
{
    if (m_selectedLine == line)
        return;
    const int old = m_selectedLine;
    m_selectedLine = line;
    for (const int l : {old, line}) {
        if (l >= 1 && l <= m_lines.size())
            Q_EMIT dataChanged(index(l - 1), index(l - 1), {SelectedRole});
    }
    Q_EMIT selectedLineChanged();
}

void SourceModel::reload()
{
    beginResetModel();
    m_busiestLine = -1;
    QString text = m_text.isEmpty() ? sourceText(m_fileName) : m_text;
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    m_lines = text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
    m_waiting.assign(std::size_t(m_lines.size()), 0);
    m_blocking.assign(std::size_t(m_lines.size()), 0);
    m_outcomes.assign(std::size_t(m_lines.size()), {});
    m_latestLine = -1;
    rehighlight();
    endResetModel();
    refreshCounts();
}

void SourceModel::rehighlight()
{
    const CodeColors &colors = Theme::instance()->code();
    bool inComment = false;
    int pythonState = PythonHighlighter::Plain;
    const bool python = m_fileName.endsWith(QLatin1String(".py"));
    m_styled.clear();
    m_indent.clear();
    for (const QString &line : std::as_const(m_lines)) {
        // The indentation becomes a hanging indent in the view: wrapped lines keep the shape of
        // the code (a callback pyramid stays a pyramid).
        quint32 columns = 0;
        qsizetype i = 0;
        for (; i < line.size() && (line[i] == QLatin1Char(' ') || line[i] == QLatin1Char('\t')); ++i)
            columns += line[i] == QLatin1Char('\t') ? 4 : 1;
        m_indent.push_back(columns);
        const QString code = QStringView(line).mid(i).toString();
        m_styled << (python ? PythonHighlighter::styledLine(code, colors, &pythonState)
                            : highlightCppLine(code, colors, &inComment));
    }
}

void SourceModel::refreshCounts()
{
    std::vector<quint32> waiting(std::size_t(m_lines.size()), 0);
    std::vector<quint8> blocking(std::size_t(m_lines.size()), 0);
    std::vector<TraceIndex::LocationOutcomes> outcomes(std::size_t(m_lines.size()));
    int latest = -1;
    if (m_index && m_index->trace()) {
        const Trace &trace = *m_index->trace();
        for (quint32 loc = 0; loc < m_index->locationCount(); ++loc) {
            const auto &l = m_index->location(loc);
            if (l.line < 1 || l.line > quint32(m_lines.size()) || trace.string(l.file) != m_fileName)
                continue;
            if (!m_atTime)
                waiting[l.line - 1] += m_index->waitingAtLocation(loc);
            const TraceIndex::LocationOutcomes &o = m_index->outcomesAtLocation(loc);
            outcomes[l.line - 1].failed += o.failed;
            outcomes[l.line - 1].timedOut += o.timedOut;
            outcomes[l.line - 1].cancelled += o.cancelled;
        }
        const SiteId last = m_index->latestWaitSite();
        if (last < trace.siteCount()) {
            const Site &s = trace.siteAt(last);
            if (s.line >= 1 && s.line <= quint32(m_lines.size()) && trace.string(s.file) == m_fileName)
                latest = int(s.line);
        }
        // Blocked sections hold the loop: mark those lines so the pane can say so.
        for (SiteId site = 0; !m_atTime && m_index->blockedNow() > 0 && site < m_index->siteCount(); ++site) {
            const Site &s = trace.siteAt(site);
            if (s.kind != SiteKind::Blocking || m_index->waitingAt(site) == 0)
                continue;
            if (s.line >= 1 && s.line <= quint32(m_lines.size()) && trace.string(s.file) == m_fileName)
                blocking[s.line - 1] = 1;
        }
    }
    if (m_atTime) {
        // Another time's counts (the playhead's), as the playhead read them.
        for (qsizetype i = 0; i < m_waitingAtTime.size() && std::size_t(i) < waiting.size(); ++i)
            waiting[std::size_t(i)] = quint32(std::max(0, m_waitingAtTime[i]));
        for (qsizetype i = 0; i < m_blockingAtTime.size() && std::size_t(i) < blocking.size(); ++i)
            blocking[std::size_t(i)] = m_blockingAtTime[i] != 0 ? 1 : 0;
    }
    int total = 0;
    int busiest = -1;
    quint32 most = 0;
    for (std::size_t i = 0; i < waiting.size(); ++i) {
        total += int(waiting[i]);
        if (waiting[i] > most) {
            most = waiting[i];
            busiest = int(i) + 1;
        }
        if (waiting[i] != m_waiting[i] || blocking[i] != m_blocking[i] ||
            outcomes[i].total() != m_outcomes[i].total()) {
            m_waiting[i] = waiting[i];
            m_blocking[i] = blocking[i];
            m_outcomes[i] = outcomes[i];
            Q_EMIT dataChanged(index(int(i)), index(int(i)),
                               {WaitingRole, BlockingRole, FailuresRole, FailureTextRole});
        }
    }
    if (latest > 0 && latest != m_latestLine) {
        m_latestLine = latest;
        Q_EMIT latestLineChanged();
    }
    if (total != m_totalWaiting) {
        m_totalWaiting = total;
        Q_EMIT totalWaitingChanged();
    }
    // The busiest line is kept while nothing waits, so the view does not jump back and forth.
    if (busiest > 0 && busiest != m_busiestLine) {
        m_busiestLine = busiest;
        Q_EMIT busiestLineChanged();
    }
}

} // namespace awaitscope
