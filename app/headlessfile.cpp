#include "headlessfile.h"

#include "chrometracewriter.h"
#include "recordingwriter.h"
#include "statejsonwriter.h"
#include "statetimeline.h"
#include "summarytext.h"
#include "tracefilereader.h"
#include "tracesummary.h"

#include <QTextStream>

namespace awaitscope {

QString openedFileSummary(const Recording &rec, const QString &path)
{
    QString text = QStringLiteral("%1: %2").arg(path, rec.format);
    if (rec.config)
        text += QStringLiteral(", ") + summarytext::scenarioLine(*rec.config);
    text += u'\n';
    const TraceSummary summary = TraceSummary::of(*rec.trace);
    text += rec.isForeign() ? summarytext::foreignTraceLines(summary) : summarytext::traceLines(summary, -1);
    if (!rec.sources.isEmpty())
        text += QStringLiteral("sources: %1\n").arg(rec.sources.keys().join(QStringLiteral(", ")));
    for (const QString &note : rec.notes)
        text += QStringLiteral("note: %1\n").arg(note);
    return text;
}

int writeRecordingOutputs(const Trace &trace, const RunConfig *config, const QMap<QString, QString> &sources,
                          const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    if (options.atNs >= 0) {
        StateTimeline timeline(trace);
        timeline.update();
        // Streamed to stdout: the JSON of a million tasks is over 100 MB.
        out.flush();
        if (!out.device() || !StateJsonWriter(timeline).write(out.device(), options.atNs)) {
            err << "awaitscope: --at: cannot write the state to stdout" << Qt::endl;
            return ExitUsage;
        }
    }
    if (!options.saveFile.isEmpty()) {
        QString error;
        if (!RecordingWriter(trace, config, sources).writeFile(options.saveFile, &error)) {
            err << "awaitscope: --save: " << error << Qt::endl;
            return ExitUsage;
        }
        (options.atNs >= 0 ? err : out) << "recording written to " << options.saveFile << Qt::endl;
    }
    return 0;
}

int runOpenedFile(const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::optional<Recording> rec = TraceFileReader::open(options.openFile, &error);
    if (!rec) {
        err << "awaitscope: --open: " << error << Qt::endl;
        return ExitUsage;
    }
    // With --at, stdout holds only the state's JSON; the rest goes to stderr.
    QTextStream &info = options.atNs >= 0 ? err : out;
    info << openedFileSummary(*rec, options.openFile);
    info.flush();
    if (!options.exportTrace.isEmpty()) {
        if (!ChromeTraceWriter(*rec->trace).writeFile(options.exportTrace, &error)) {
            err << "awaitscope: --export-trace: " << error << Qt::endl;
            return ExitUsage;
        }
        info << "trace written to " << options.exportTrace << Qt::endl;
    }
    return writeRecordingOutputs(*rec->trace, rec->config ? &*rec->config : nullptr, rec->sources, options,
                                 out, err);
}

} // namespace awaitscope
