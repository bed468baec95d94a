#include "lanemodel.h"

#include "names.h"

namespace awaitscope {

LaneModel::LaneModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void LaneModel::setIndex(TraceIndex *index)
{
    if (m_index == index)
        return;
    if (m_index)
        disconnect(m_index, nullptr, this, nullptr);
    m_index = index;
    if (m_index) {
        connect(m_index, &TraceIndex::updated, this, &LaneModel::refresh);
        connect(m_index, &TraceIndex::reset, this, &LaneModel::onReset);
    }
    onReset();
    refresh();
}

int LaneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

namespace {

/// The outcome role's word for a task's state at a time.
QString outcomeAt(TaskState state)
{
    switch (state) {
    case TaskState::NotStarted:
        return QString(taskStateName(state));
    case TaskState::Done:
        return QString(outcomeName(TaskOutcome::Ok));
    case TaskState::Failed:
        return QString(outcomeName(TaskOutcome::Error));
    case TaskState::Cancelled:
        return QString(outcomeName(TaskOutcome::Cancelled));
    default:
        return QString(outcomeName(TaskOutcome::Running));
    }
}

} // namespace

QVariant LaneModel::data(const QModelIndex &idx, int role) const
{
    if (!checkIndex(idx, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_index)
        return {};
    const TaskId task = m_rows[std::size_t(idx.row())];
    const Trace *trace = m_index->trace();
    if (!trace || task >= trace->taskCount() || task >= m_index->taskCount())
        return {};
    const TaskTrack &track = m_index->track(task);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return trace->taskName(task);
    case TaskIdRole:
        return int(task);
    case DepthRole:
        return int(track.depth);
    case ChildCountRole:
        return int(track.children.size());
    case ExpandedRole:
        return isExpanded(task);
    case OutcomeRole:
        if (m_stateAt && task < m_stateAt->taskCount())
            return outcomeAt(m_stateAt->stateAt(task, m_stateAtNs).state);
        return QString(outcomeName(trace->task(task).outcome));
    case SuspendedRole:
        if (m_stateAt && task < m_stateAt->taskCount())
            return m_stateAt->stateAt(task, m_stateAtNs).state == TaskState::Waiting;
        return track.openWait >= 0;
    case MessageRole:
        if (m_stateAt && task < m_stateAt->taskCount() &&
            m_stateAt->stateAt(task, m_stateAtNs).state != TaskState::Failed)
            return QString();
        return trace->taskMessage(task);
    case SpanRowRole:
        return idx.row() - laneStart(idx.row());
    default:
        return {};
    }
}

QHash<int, QByteArray> LaneModel::roleNames() const
{
    return {
        {TaskIdRole, "taskId"},         {NameRole, "name"},         {DepthRole, "depth"},
        {ChildCountRole, "childCount"}, {ExpandedRole, "expanded"}, {OutcomeRole, "outcome"},
        {SuspendedRole, "suspended"},   {MessageRole, "message"},   {SpanRowRole, "spanRow"},
    };
}

bool LaneModel::isExpanded(TaskId task) const
{
    if (!m_index || task >= m_index->taskCount())
        return false;
    const qint8 state = task < m_expanded.size() ? m_expanded[task] : qint8(-1);
    if (state >= 0)
        return state == 1;
    return m_index->track(task).children.size() <= AutoCollapseChildren;
}

bool LaneModel::isAggregate(int row) const
{
    const TaskId task = taskAtRow(row);
    if (task == NoTask || !m_index || task >= m_index->taskCount())
        return false;
    return !m_index->track(task).children.empty() && !isExpanded(task);
}

int LaneModel::laneStart(int row) const
{
    const TaskId task = taskAtRow(row);
    const int first = task == NoTask ? -1 : rowOfTask(int(task));
    return first >= 0 ? first : row;
}

QVariantList LaneModel::densityLegend(int row) const
{
    QVariantList out;
    const TaskId task = taskAtRow(row);
    if (!m_index || !m_index->trace() || task >= m_index->taskCount())
        return out;
    const DensityHistogram *density = m_index->density(task);
    if (!density)
        return out;
    const Trace &trace = *m_index->trace();
    for (int c = 0; c < density->usedSiteChannels(); ++c) {
        const SiteId site = density->siteOfChannel(c);
        if (site >= trace.siteCount())
            continue;
        const Site &s = trace.siteAt(site);
        out.append(
            QVariantMap{{QStringLiteral("channel"), c},
                        {QStringLiteral("label"), tr("line %1 · %2").arg(s.line).arg(trace.string(s.label))},
                        {QStringLiteral("file"), trace.string(s.file)}});
    }
    if (density->usedSiteChannels() >= DensityHistogram::SiteChannels)
        out.append(QVariantMap{{QStringLiteral("channel"), DensityHistogram::OtherChannel},
                               {QStringLiteral("label"), tr("other lines")}});
    return out;
}

int LaneModel::rowOfTask(int task) const
{
    if (task < 0 || std::size_t(task) >= m_rowOf.size())
        return -1;
    return m_rowOf[std::size_t(task)];
}

void LaneModel::rebuild(std::vector<TaskId> &rows) const
{
    rows.clear();
    if (!m_index)
        return;
    // Depth first without recursion: a chain of a million awaits must not overflow the stack.
    std::vector<std::pair<TaskId, std::size_t>> stack;
    for (const TaskId root : m_index->roots()) {
        rows.push_back(root);
        if (!m_index->track(root).children.empty() && !isExpanded(root))
            rows.insert(rows.end(), AggregateRows - 1, root);
        stack.emplace_back(root, 0);
        while (!stack.empty()) {
            auto &[task, next] = stack.back();
            const TaskTrack &t = m_index->track(task);
            if (next >= t.children.size() || !isExpanded(task)) {
                stack.pop_back();
                continue;
            }
            const TaskId child = t.children[next++];
            rows.push_back(child);
            stack.emplace_back(child, 0);
            if (!m_index->track(child).children.empty() && !isExpanded(child))
                rows.insert(rows.end(), AggregateRows - 1, child);
        }
    }
}

void LaneModel::indexRows()
{
    m_rowOf.assign(m_index ? m_index->taskCount() : 0, -1);
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r] < m_rowOf.size() && m_rowOf[m_rows[r]] < 0)
            m_rowOf[m_rows[r]] = qint32(r);
    }
}

void LaneModel::applyRows(std::vector<TaskId> rows)
{
    const bool prefix =
        rows.size() >= m_rows.size() && std::equal(m_rows.begin(), m_rows.end(), rows.begin());
    if (prefix && rows.size() == m_rows.size())
        return;
    if (prefix) {
        beginInsertRows({}, int(m_rows.size()), int(rows.size()) - 1);
        m_rows = std::move(rows);
    } else {
        beginResetModel();
        m_rows = std::move(rows);
    }
    indexRows();
    if (prefix)
        endInsertRows();
    else
        endResetModel();
    ++m_layoutRevision;
    Q_EMIT countChanged();
    Q_EMIT lanesChanged();
}

void LaneModel::refresh()
{
    if (!m_index)
        return;
    if (m_index->tasksAddedInLastUpdate() || m_rowOf.size() != m_index->taskCount()) {
        std::vector<TaskId> rows;
        rebuild(rows);
        applyRows(std::move(rows));
        // New tasks are new children: a collapsed group's "[N tasks]" grows without rows moving.
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {ChildCountRole});
    }
    // Outcomes and "suspended" change without rows moving: refresh the rows that changed.
    for (const TaskId task : m_index->lastChanged()) {
        const int row = rowOfTask(int(task));
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {OutcomeRole, MessageRole, SuspendedRole});
    }
}

void LaneModel::setStateAt(const StateTimeline *timeline, qint64 t)
{
    if (timeline == m_stateAt && t == m_stateAtNs)
        return;
    m_stateAt = timeline;
    m_stateAtNs = t;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                           {OutcomeRole, MessageRole, SuspendedRole});
}

void LaneModel::onReset()
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_expanded.clear();
    endResetModel();
    ++m_layoutRevision;
    Q_EMIT countChanged();
    Q_EMIT lanesChanged();
}

void LaneModel::toggleExpanded(int row)
{
    setExpanded(row, !isExpanded(taskAtRow(row)));
}

void LaneModel::setExpanded(int row, bool expanded)
{
    const TaskId task = taskAtRow(row);
    if (task == NoTask || !m_index || isExpanded(task) == expanded)
        return;
    if (m_expanded.size() <= task)
        m_expanded.resize(std::size_t(task) + 1, -1);
    m_expanded[task] = expanded ? 1 : 0;
    std::vector<TaskId> rows;
    rebuild(rows);
    // Always a reset: rows appear or vanish in the middle.
    beginResetModel();
    m_rows = std::move(rows);
    indexRows();
    endResetModel();
    ++m_layoutRevision;
    Q_EMIT countChanged();
    Q_EMIT lanesChanged();
}

} // namespace awaitscope
