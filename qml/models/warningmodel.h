#pragma once

#include "loopwarnings.h"
#include "traceindex.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/**
 * The warnings panel: every time the event loop was held longer than a frame (LoopWarnings), one
 * row each, in the order they happened. It follows an index: new holds become rows when the
 * index updates (once per frame), and the rows go when it is cleared.
 */
class WarningModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(awaitscope::TraceIndex *traceIndex READ traceIndex WRITE setIndex NOTIFY indexChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Rows that are not deliberate (not a blocked section written as such).
    Q_PROPERTY(int unexpectedCount READ unexpectedCount NOTIFY countChanged)
public:
    enum Role {
        TaskIdRole = Qt::UserRole + 1,
        TaskNameRole,
        FileRole, // the file of the line (empty if the task had no await or section yet)
        LineRole, // 0 if none
        LabelRole, // what the line waits on or does ("fetch_user_blocking(1)")
        WallNsRole, // how long the loop was held, in wall time
        TimeNsRole, // when the hold ended (trace time)
        BeginNsRole, // where the view centres on it: the start of its section or the hold's end
        DeliberateRole,
    };
    Q_ENUM(Role)

    explicit WarningModel(QObject *parent = nullptr);

    void setIndex(TraceIndex *index);
    TraceIndex *traceIndex() const noexcept { return m_index; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const noexcept { return int(m_warnings.all().size()); }
    int unexpectedCount() const noexcept { return count() - int(m_warnings.deliberateCount()); }
    /// Reads the holds the index found since the last call (the index's updated() calls it).
    void sync();

Q_SIGNALS:
    void indexChanged();
    void countChanged();

private:
    void clear();

    QPointer<TraceIndex> m_index;
    LoopWarnings m_warnings;
};

} // namespace awaitscope
