#include "runfile.h"

#include "exporter.h"
#include "recordingwriter.h"
#include "scenario.h"
#include "tracefilereader.h"

#include <QFileInfo>

namespace awaitscope {

RunFile::RunFile(QObject *parent)
    : QObject(parent)
{
}

void RunFile::setController(RunController *controller)
{
    if (m_controller == controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller)
        connect(m_controller, &RunController::stateChanged, this, &RunFile::shownFileChanged);
    Q_EMIT controllerChanged();
    Q_EMIT shownFileChanged();
}

QString RunFile::shownFile() const
{
    return m_controller && m_controller->recording() ? m_controller->recording()->fileName : QString();
}

bool RunFile::canOpen(const QUrl &file)
{
    return file.isLocalFile() && QFileInfo(file.toLocalFile()).isFile();
}

QString RunFile::save(const QUrl &file) const
{
    if (!m_controller)
        return tr("nothing to save");
    const QString path = Exporter::localPath(file);
    if (path.isEmpty())
        return tr("no file name");
    return saveRun(*m_controller, path);
}

QString RunFile::open(const QUrl &file)
{
    if (!m_controller)
        return tr("nowhere to open it");
    const QString path = Exporter::localPath(file);
    if (path.isEmpty())
        return tr("no file name");
    const QString error = openRun(*m_controller, path);
    Q_EMIT shownFileChanged();
    return error;
}

QString RunFile::saveRun(const RunController &controller, const QString &path)
{
    const Trace &trace = controller.shownTrace();
    if (trace.taskCount() == 0)
        return tr("there is no run to save yet");
    // The source the code pane shows: the opened file's, the script being edited, or the
    // scenario files the run's awaits point at.
    QMap<QString, QString> sources;
    if (const Recording *shown = controller.recording())
        sources = shown->sources;
    else
        sources = RecordingWriter::sourcesFor(trace, controller.runConfig().scenario);
    if (!controller.recording() && controller.script()->active())
        sources.insert(controller.script()->fileName(), controller.script()->text());
    QString error;
    if (!RecordingWriter(trace, controller.shownConfig(), sources).writeFile(path, &error))
        return error.isEmpty() ? tr("could not write %1").arg(path) : error;
    return {};
}

QString RunFile::openRun(RunController &controller, const QString &path)
{
    QString error;
    std::optional<Recording> read = TraceFileReader::open(path, &error);
    if (!read)
        return error.isEmpty() ? tr("could not read %1").arg(path) : error;
    read->fileName = QFileInfo(path).fileName();
    // The controls show the file's scenario and knobs (the speed stays: it is the replay's).
    if (read->config && findScenario(read->config->scenario)) {
        const RunConfig &c = *read->config;
        RunOverrides knobs;
        knobs.scenario = c.scenario;
        if (c.jobs > 0)
            knobs.jobs = c.jobs;
        knobs.latencyMs = c.network.latencyMs;
        knobs.jitterMs = c.network.jitterMs;
        knobs.latencyModel = c.network.model;
        knobs.failureRate = c.network.failureRate;
        knobs.timeoutMs = c.network.timeoutMs;
        knobs.seed = c.seed;
        controller.settings()->applyOverrides(knobs); // (another scenario clears the live run)
    }
    controller.showRecording(std::make_unique<Recording>(std::move(*read)));
    return {};
}

} // namespace awaitscope
