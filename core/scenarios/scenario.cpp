#include "scenario.h"

#include "scenariolist.h" // generated from the one list in core/CMakeLists.txt

#include <QFile>

// Resources of a static library are not registered by themselves.
static void initResources()
{
    Q_INIT_RESOURCE(scenarios);
}

namespace awaitscope {

QString Scenario::sourceResource() const
{
    return QStringLiteral(":/awaitscope/scenarios/") + sourceFile;
}

QString Scenario::source() const
{
    initResources();
    QFile f(sourceResource());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

const QList<Scenario> &allScenarios()
{
    static const QList<Scenario> all = [] {
        QList<Scenario> list;
        for (const Scenario *s : scenarios::declared)
            list.append(*s);
        return list;
    }();
    return all;
}

const Scenario *findScenario(const QString &id)
{
    for (const Scenario &s : allScenarios()) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QStringList scenarioIds()
{
    QStringList ids;
    for (const Scenario &s : allScenarios())
        ids << s.id;
    return ids;
}

} // namespace awaitscope
