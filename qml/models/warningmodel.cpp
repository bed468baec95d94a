#include "warningmodel.h"

namespace awaitscope {

WarningModel::WarningModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void WarningModel::setIndex(TraceIndex *index)
{
    if (m_index == index)
        return;
    if (m_index)
        disconnect(m_index, nullptr, this, nullptr);
    clear();
    m_index = index;
    if (m_index) {
        connect(m_index, &TraceIndex::updated, this, &WarningModel::sync);
        connect(m_index, &TraceIndex::reset, this, &WarningModel::clear);
        sync();
    }
    Q_EMIT indexChanged();
}

void WarningModel::clear()
{
    if (m_warnings.all().empty())
        return;
    beginResetModel();
    m_warnings.clear();
    endResetModel();
    Q_EMIT countChanged();
}

void WarningModel::sync()
{
    if (!m_index)
        return;
    const std::size_t found = m_index->holds().size();
    const std::size_t have = m_warnings.all().size();
    if (found < have)
        clear();
    if (found <= m_warnings.all().size())
        return;
    beginInsertRows({}, int(m_warnings.all().size()), int(found) - 1);
    m_warnings.update(*m_index);
    endInsertRows();
    Q_EMIT countChanged();
}

int WarningModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant WarningModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count() || !m_index || !m_index->trace())
        return {};
    const LoopWarning &w = m_warnings.all()[std::size_t(index.row())];
    const Trace &trace = *m_index->trace();
    const bool known = w.hasSite() && w.site < trace.siteCount();
    switch (role) {
    case TaskIdRole:
        return int(w.task);
    case TaskNameRole:
        return w.task < trace.taskCount() ? trace.taskName(w.task) : QString();
    case FileRole:
        return known ? trace.string(trace.siteAt(w.site).file) : QString();
    case LineRole:
        return known ? int(trace.siteAt(w.site).line) : 0;
    case LabelRole:
        return known ? trace.siteLabel(w.site) : QString();
    case WallNsRole:
        return double(w.wallNs);
    case TimeNsRole:
        return double(w.timeNs);
    case BeginNsRole:
        return double(w.beginNs);
    case DeliberateRole:
        return w.deliberate;
    default:
        return {};
    }
}

QHash<int, QByteArray> WarningModel::roleNames() const
{
    return {{TaskIdRole, "taskId"}, {TaskNameRole, "taskName"}, {FileRole, "file"},
            {LineRole, "line"},     {LabelRole, "label"},       {WallNsRole, "wallNs"},
            {TimeNsRole, "timeNs"}, {BeginNsRole, "beginNs"},   {DeliberateRole, "deliberate"}};
}

} // namespace awaitscope
