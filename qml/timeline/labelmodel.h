#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace awaitscope {

/// A text placed over the timeline: a bar's label or a time-axis tick.
struct PlacedLabel {
    double x = 0;
    double y = 0;
    double width = 0;
    QString text;
    friend bool operator==(const PlacedLabel &, const PlacedLabel &) = default;
};

/**
 * A bounded list of labels for a Repeater of Text items. Updated in place (rows change their data,
 * only the tail is inserted or removed), so the delegates are reused frame after frame.
 */
class LabelModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabelModel belongs to a TimelineItem")
public:
    enum Role { XRole = Qt::UserRole + 1, YRole, WidthRole, TextRole };
    Q_ENUM(Role)

    explicit LabelModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setLabels(std::vector<PlacedLabel> labels);
    const std::vector<PlacedLabel> &labels() const noexcept { return m_labels; }

private:
    std::vector<PlacedLabel> m_labels;
};

} // namespace awaitscope
