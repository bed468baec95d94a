#include "labelmodel.h"

namespace awaitscope {

LabelModel::LabelModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int LabelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_labels.size());
}

QVariant LabelModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlacedLabel &l = m_labels[std::size_t(index.row())];
    switch (role) {
    case XRole:
        return l.x;
    case YRole:
        return l.y;
    case WidthRole:
        return l.width;
    case Qt::DisplayRole:
    case TextRole:
        return l.text;
    default:
        return {};
    }
}

QHash<int, QByteArray> LabelModel::roleNames() const
{
    return {{XRole, "labelX"}, {YRole, "labelY"}, {WidthRole, "labelWidth"}, {TextRole, "labelText"}};
}

void LabelModel::setLabels(std::vector<PlacedLabel> labels)
{
    const std::size_t common = std::min(labels.size(), m_labels.size());
    if (labels.size() < m_labels.size()) {
        beginRemoveRows({}, int(labels.size()), int(m_labels.size()) - 1);
        m_labels.resize(labels.size());
        endRemoveRows();
    }
    // Rows kept: signal the changed ones, in runs.
    std::size_t i = 0;
    while (i < common) {
        if (m_labels[i] == labels[i]) {
            ++i;
            continue;
        }
        const std::size_t first = i;
        while (i < common && !(m_labels[i] == labels[i])) {
            m_labels[i] = labels[i];
            ++i;
        }
        Q_EMIT dataChanged(index(int(first)), index(int(i) - 1));
    }
    if (labels.size() > m_labels.size()) {
        beginInsertRows({}, int(m_labels.size()), int(labels.size()) - 1);
        m_labels.insert(m_labels.end(), labels.begin() + std::ptrdiff_t(m_labels.size()), labels.end());
        endInsertRows();
    }
}

} // namespace awaitscope
