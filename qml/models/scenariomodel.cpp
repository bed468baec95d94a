#include "scenariomodel.h"

#include "scenario.h"

namespace awaitscope {

ScenarioModel::ScenarioModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ScenarioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(allScenarios().size());
}

QVariant ScenarioModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Scenario &s = allScenarios().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return s.title;
    case IdRole:
        return s.id;
    case SummaryRole:
        return s.summary;
    case LookForRole:
        return s.lookFor;
    case SourceFileRole:
        return s.sourceFile;
    case DefaultJobsRole:
        return s.defaultJobs;
    case MaxJobsRole:
        return s.maxJobs;
    case BlocksEventLoopRole:
        return s.blocksEventLoop;
    default:
        return {};
    }
}

QHash<int, QByteArray> ScenarioModel::roleNames() const
{
    return {
        {IdRole, "scenarioId"},         {TitleRole, "title"},
        {SummaryRole, "summary"},       {LookForRole, "lookFor"},
        {SourceFileRole, "sourceFile"}, {DefaultJobsRole, "defaultJobs"},
        {MaxJobsRole, "maxJobs"},       {BlocksEventLoopRole, "blocksEventLoop"},
    };
}

int ScenarioModel::rowOf(const QString &id) const
{
    const auto &all = allScenarios();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).id == id)
            return int(i);
    }
    return -1;
}

QStringList ScenarioModel::titles() const
{
    QStringList out;
    for (int row = 0; row < rowCount(); ++row)
        out << data(index(row), TitleRole).toString();
    return out;
}

} // namespace awaitscope
