#include "scriptexamples.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace awaitscope {

namespace {
const QString ExamplesDir = QStringLiteral(":/awaitscope/script/examples");
// The order the menu lists them in: the article's example first, then one idea at a time.
const QStringList Order = {
    QStringLiteral("fetch_user.py"), QStringLiteral("gather_fanout.py"), QStringLiteral("callbacks.py"),
    QStringLiteral("blocking.py"),   QStringLiteral("infectious.py"),    QStringLiteral("slow_io.py"),
    QStringLiteral("timeouts.py"),   QStringLiteral("cancellation.py"),  QStringLiteral("taskgroup.py"),
};
} // namespace

QString ScriptExamples::resourcePath(const QString &fileName)
{
    return ExamplesDir + QLatin1Char('/') + fileName;
}

QString ScriptExamples::titleOf(const QString &source)
{
    static const QRegularExpression docstring(
        QStringLiteral(R"(^\s*(?:#[^\n]*\n\s*)*[rRuU]?("""|''')\s*([^\n]*))"));
    const QRegularExpressionMatch m = docstring.match(source);
    if (!m.hasMatch())
        return {};
    QString title = m.captured(2);
    const qsizetype end = title.indexOf(m.captured(1));
    if (end >= 0)
        title.truncate(end);
    return title.trimmed();
}

ScriptExample ScriptExamples::find(const QString &fileName)
{
    ScriptExample e;
    e.fileName = fileName;
    QFile file(resourcePath(fileName));
    if (fileName.contains(QLatin1Char('/')) || !file.open(QIODevice::ReadOnly))
        return e;
    e.source = QString::fromUtf8(file.readAll());
    e.title = titleOf(e.source);
    return e;
}

QList<ScriptExample> ScriptExamples::all()
{
    QStringList names = Order;
    // Any example not in the list (added to CMake only) comes last, by name.
    const QStringList present =
        QDir(ExamplesDir).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    for (const QString &n : present) {
        if (!names.contains(n))
            names << n;
    }
    QList<ScriptExample> list;
    for (const QString &n : names) {
        ScriptExample e = find(n);
        if (!e.source.isEmpty())
            list << e;
    }
    return list;
}

} // namespace awaitscope
