#pragma once

#include "statetimeline.h"
#include "traceindex.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace awaitscope {

/**
 * The timeline's lanes: the task tree flattened, children under their parent. A collapsed task
 * keeps one lane that aggregates its descendants (drawn as a density), so a run with a million
 * tasks does not become a million rows unless asked to. Groups larger than autoCollapseChildren
 * start collapsed.
 */
class LaneModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LaneModel belongs to a RunController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        TaskIdRole = Qt::UserRole + 1,
        NameRole,
        DepthRole,
        ChildCountRole,
        ExpandedRole,
        OutcomeRole, // "running", "ok", "error", "cancelled" ("not-started" at a time shown)
        SuspendedRole, // waiting at an await right now (or at the time shown)
        MessageRole, // the error message, if any
        SpanRowRole, // 0 for a lane's first row; 1.. for the further rows of a tall (density) lane
    };
    Q_ENUM(Role)

    explicit LaneModel(QObject *parent = nullptr);

    void setIndex(TraceIndex *index);
    TraceIndex *traceIndex() const noexcept { return m_index; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const noexcept { return int(m_rows.size()); }
    /// The task shown in a row (NoTask outside).
    TaskId taskAtRow(int row) const
    {
        return row >= 0 && std::size_t(row) < m_rows.size() ? m_rows[std::size_t(row)] : NoTask;
    }
    /// True if the row stands for its descendants too (collapsed, with children).
    bool isAggregate(int row) const;
    /// A collapsed group's lane is AggregateRows rows tall (its density needs the room); its task
    /// fills them all. The first row of the lane that holds `row`, and how many rows it spans.
    int laneStart(int row) const;
    int laneRows(int row) const { return isAggregate(row) ? AggregateRows : 1; }
    /// What a tall lane's density shows, for its legend: [{channel, label}] per await site.
    Q_INVOKABLE QVariantList densityLegend(int row) const;
    bool isExpanded(TaskId task) const;
    /// Bumped whenever rows move: the timeline rebuilds its geometry then.
    quint64 layoutRevision() const noexcept { return m_layoutRevision; }

    Q_INVOKABLE int rowOfTask(int task) const;
    Q_INVOKABLE int taskAt(int row) const
    {
        return row >= 0 && row < count() ? int(m_rows[std::size_t(row)]) : -1;
    }
    Q_INVOKABLE void toggleExpanded(int row);
    Q_INVOKABLE void setExpanded(int row, bool expanded);

    /// Reads what the index added (called on its updated()).
    void refresh();

    /// Shows each lane's outcome and "suspended" as they were at time t, read from timeline
    /// (null: as they are now, from the index).
    void setStateAt(const StateTimeline *timeline, qint64 t);
    const StateTimeline *stateAt() const noexcept { return m_stateAt; }

    static constexpr std::size_t AutoCollapseChildren = 2000;
    static constexpr int AggregateRows = 6; // its name, its scale, four lines of legend

Q_SIGNALS:
    void countChanged();
    void lanesChanged(); // rows moved or changed: see layoutRevision()

private:
    void rebuild(std::vector<TaskId> &rows) const;
    void applyRows(std::vector<TaskId> rows);
    void onReset();
    void indexRows();

    QPointer<TraceIndex> m_index;
    std::vector<TaskId> m_rows;
    std::vector<qint32> m_rowOf; // per task
    std::vector<qint8> m_expanded; // per task: -1 default, 0 collapsed, 1 expanded
    quint64 m_layoutRevision = 0;
    const StateTimeline *m_stateAt = nullptr;
    qint64 m_stateAtNs = 0;
};

} // namespace awaitscope
