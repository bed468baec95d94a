#include "scriptsource.h"

#include "outputfile.h"
#include "scriptexamples.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace awaitscope {

ScriptSource::ScriptSource(QObject *parent)
    : QObject(parent)
{
    const QList<ScriptExample> examples = ScriptExamples::all();
    if (!examples.isEmpty())
        show(examples.first().fileName, {}, examples.first().source);
    connect(&m_run, &ScriptRun::outputWritten, this, [this](const QString &text, int) {
        m_output += text;
        if (m_output.size() > MaxOutputChars)
            m_output.remove(0, m_output.size() - MaxOutputChars);
        Q_EMIT outputChanged();
    });
    connect(&m_run, &ScriptRun::finished, this, &ScriptSource::onFinished);
}

void ScriptSource::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
}

void ScriptSource::setText(const QString &text)
{
    if (m_text == text)
        return;
    const bool wasEdited = edited();
    const bool wasModified = modified();
    m_text = text;
    Q_EMIT textChanged();
    if (wasEdited != edited())
        Q_EMIT editedChanged();
    if (wasModified != modified())
        Q_EMIT modifiedChanged();
}

QString ScriptSource::title() const
{
    const QString title = ScriptExamples::titleOf(m_text);
    return title.isEmpty() ? m_fileName : title;
}

QStringList ScriptSource::exampleTitles() const
{
    QStringList titles;
    for (const ScriptExample &e : ScriptExamples::all())
        titles << QStringLiteral("%1 (%2)").arg(e.title, e.fileName);
    return titles;
}

void ScriptSource::loadExample(int index)
{
    const QList<ScriptExample> examples = ScriptExamples::all();
    if (index < 0 || index >= examples.size())
        return;
    show(examples[index].fileName, {}, examples[index].source);
}

bool ScriptSource::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read '%1': %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = QStringLiteral("cannot read '%1': %2").arg(path, file.errorString());
        return false;
    }
    show(QFileInfo(path).fileName(), QFileInfo(path).absoluteFilePath(), QString::fromUtf8(bytes));
    return true;
}

QString ScriptSource::open(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty())
        return tr("no file name");
    QString error;
    if (!loadFile(path, &error))
        return error;
    return {};
}

QString ScriptSource::save()
{
    if (m_filePath.isEmpty())
        return tr("the script has no file yet: use Save As");
    QString error;
    if (!writeTo(m_filePath, &error))
        return error;
    return {};
}

QString ScriptSource::saveAs(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty())
        return tr("no file name");
    QString error;
    if (!writeTo(path, &error))
        return error;
    // Written into a pipe or a device ("-", /dev/stdout): saved, but not a file to save to again.
    if (OutputFile::namesStandardOutput(path) || !QFileInfo(path).isFile())
        return {};
    const QString fileName = QFileInfo(path).fileName();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_fileName != fileName || m_filePath != absolute) {
        m_fileName = fileName;
        m_filePath = absolute;
        Q_EMIT fileNameChanged();
    }
    return {};
}

bool ScriptSource::writeTo(const QString &path, QString *error)
{
    if (!OutputFile::writeAll(path, m_text.toUtf8(), error))
        return false;
    const bool wasModified = modified();
    m_savedText = m_text;
    if (wasModified)
        Q_EMIT modifiedChanged();
    return true;
}

QString ScriptSource::keepRecoveryCopy(QString *error, const QString &dir) const
{
    const QString folder = dir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovered")
        : dir;
    if (!QDir().mkpath(folder)) {
        *error = tr("cannot create the folder %1").arg(folder);
        return {};
    }
    const QString base =
        QFileInfo(m_fileName.isEmpty() ? QStringLiteral("script.py") : m_fileName).completeBaseName();
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    QString path = QStringLiteral("%1/%2-recovered-%3.py").arg(folder, base, stamp);
    for (int n = 2; QFileInfo::exists(path); ++n) // never over an earlier copy
        path = QStringLiteral("%1/%2-recovered-%3-%4.py").arg(folder, base, stamp).arg(n);
    if (!OutputFile::writeAll(path, m_text.toUtf8(), error))
        return {};
    return path;
}

void ScriptSource::discardChanges()
{
    setText(m_savedText);
}

void ScriptSource::show(const QString &fileName, const QString &path, const QString &text)
{
    if (m_fileName != fileName || m_filePath != path) {
        m_fileName = fileName;
        m_filePath = path;
        Q_EMIT fileNameChanged();
    }
    m_savedText = text;
    setText(text);
    Q_EMIT modifiedChanged(); // (not modified now, whatever it was)
    setProblem({}, 0);
}

QString ScriptSource::start(const RunConfig &config)
{
    m_run.reset();
    m_output.clear();
    Q_EMIT outputChanged();
    setProblem({}, 0);
    const bool wasEdited = edited();
    m_ranText = m_text;
    if (wasEdited)
        Q_EMIT editedChanged();
    return m_run.start(config, m_text, m_fileName);
}

void ScriptSource::reset()
{
    m_run.reset();
    m_output.clear();
    Q_EMIT outputChanged();
    setProblem({}, 0);
}

void ScriptSource::onFinished()
{
    const ScriptResult &r = m_run.result();
    if (!r.isFailure() || r.status == ScriptResult::Status::Stopped)
        return;
    int line = r.line;
    if (line <= 0)
        line = lineInTraceback(r.message, m_fileName);
    // The whole traceback goes to the output pane; the strip says what and where in one line
    // (the traceback's last: "ValueError: item 9 is broken", "SyntaxError: invalid syntax").
    const QString full = r.message.trimmed();
    if (!full.isEmpty()) {
        m_output +=
            (m_output.isEmpty() || m_output.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n")) +
            full + QLatin1Char('\n');
        Q_EMIT outputChanged();
    }
    QString message = full.section(QLatin1Char('\n'), -1).trimmed();
    if (r.status == ScriptResult::Status::Exit)
        message = tr("the script called sys.exit(%1)").arg(r.exitCode);
    if (message.isEmpty())
        message = tr("the script failed");
    const int column = line > 0 && r.status == ScriptResult::Status::SyntaxError ? qMax(r.column, 0) : 0;
    if (column > 0)
        message = tr("%1:%2:%3: %4").arg(m_fileName).arg(line).arg(column).arg(message);
    else if (line > 0)
        message = tr("%1:%2: %3").arg(m_fileName).arg(line).arg(message);
    setProblem(message, line, column);
}

void ScriptSource::setProblem(const QString &problem, int line, int column)
{
    if (m_problem == problem && m_problemLine == line && m_problemColumn == column)
        return;
    m_problem = problem;
    m_problemLine = line;
    m_problemColumn = column;
    Q_EMIT resultChanged();
}

int ScriptSource::lineInTraceback(const QString &traceback, const QString &fileName)
{
    if (fileName.isEmpty())
        return 0;
    const QRegularExpression frame(
        QStringLiteral("File \"%1\", line (\\d+)").arg(QRegularExpression::escape(fileName)));
    int line = 0;
    for (auto it = frame.globalMatch(traceback); it.hasNext();)
        line = it.next().captured(1).toInt();
    return line;
}

} // namespace awaitscope
