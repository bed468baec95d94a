#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/// The scenarios, for the picker: title, summary and what to look for.
class ScenarioModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        SummaryRole,
        LookForRole,
        SourceFileRole,
        DefaultJobsRole,
        MaxJobsRole,
        BlocksEventLoopRole,
    };
    Q_ENUM(Role)

    explicit ScenarioModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int rowOf(const QString &id) const;
    /// Every scenario's title, in row order.
    Q_INVOKABLE QStringList titles() const;
};

} // namespace awaitscope
