#include "windowexports.h"

#include "exporter.h"
#include "runcontroller.h"
#include "timelineitem.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

namespace awaitscope {

WindowExports::WindowExports(RunController &controller, QQuickWindow &window, Files files, QTextStream &err)
    : QObject(&controller)
    , m_controller(controller)
    , m_window(&window)
    , m_files(std::move(files))
    , m_err(err)
    , m_exporter(new Exporter(this))
{
    m_exporter->setController(&controller);
    connect(m_exporter, &Exporter::finished, this, [this](const QString &path, const QString &error) {
        report(QStringLiteral("export-png"), path, error);
    });
    // After the frame that shows the end (the view fits the run as it ends).
    connect(&controller, &RunController::runFinished, this,
            [this] { QTimer::singleShot(250, this, &WindowExports::runEnded); });
}

void WindowExports::report(const QString &option, const QString &path, const QString &error)
{
    if (error.isEmpty())
        return;
    m_err << "awaitscope: --" << option << ' ' << path << ": " << error << Qt::endl;
    m_exitCode = 1;
}

void WindowExports::runEnded()
{
    if (!m_files.trace.isEmpty() && !m_traceWritten) {
        m_traceWritten = true;
        report(QStringLiteral("export-trace"), m_files.trace,
               m_exporter->saveTrace(QUrl::fromLocalFile(m_files.trace)));
    }
    if (!m_window)
        return;
    auto *timeline = m_window->contentItem()->findChild<TimelineItem *>(QStringLiteral("timeline"));
    if (!m_files.svg.isEmpty())
        report(QStringLiteral("export-svg"), m_files.svg,
               timeline ? m_exporter->saveSvg(QUrl::fromLocalFile(m_files.svg), timeline)
                        : QStringLiteral("the window has no timeline"));
    if (!m_files.png.isEmpty()) {
        auto *area = m_window->contentItem()->findChild<QQuickItem *>(QStringLiteral("timelineArea"));
        m_exporter->savePng(QUrl::fromLocalFile(m_files.png), area);
    }
}

void WindowExports::finish()
{
    // A run that did not end: its trace so far (the pictures need the window, gone by now).
    if (!m_files.trace.isEmpty() && !m_traceWritten) {
        m_traceWritten = true;
        report(QStringLiteral("export-trace"), m_files.trace,
               m_exporter->saveTrace(QUrl::fromLocalFile(m_files.trace)));
    }
}

} // namespace awaitscope
