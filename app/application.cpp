#include "application.h"

#include "awaitscope_version.h"
#include "comparecontroller.h"
#include "outputfile.h"
#include "responsivenessmonitor.h"
#include "runcontroller.h"
#include "runfile.h"
#include "runlimits.h"
#include "viewsettings.h"
#include "windowexports.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QScreen>
#include <QTextStream>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <cstdlib>
#include <memory>

Q_IMPORT_QML_PLUGIN(AwaitscopePlugin)

namespace awaitscope {

namespace {

QStringList g_qmlProblems;
QtMessageHandler g_previousHandler = nullptr;

/// Keeps QML warnings for --self-test (a binding error must fail it), then prints as usual.
void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg &&
        (message.contains(QLatin1String("qrc:/")) || message.contains(QLatin1String(".qml"))))
        g_qmlProblems << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

bool saveImage(const QString &path, const QImage &image, QString *error)
{
    OutputFile f(path); // a file atomically; a device, a FIFO or "-" straight into
    if (!f.open()) {
        *error = f.errorString();
        return false;
    }
    if (!image.save(f.device(), "PNG")) {
        *error = !f.writeError().isEmpty() ? f.writeError() : QStringLiteral("could not encode the picture");
        f.cancel();
        return false;
    }
    if (!f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace

QString displayProblem()
{
    const bool any = !qEnvironmentVariableIsEmpty("DISPLAY") ||
        !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#if defined(Q_OS_LINUX)
    if (!any)
        return QStringLiteral(
            "awaitscope: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
            "  Run without a window:       awaitscope --headless --scenario fan-out --jobs 20\n"
            "  Or in a virtual X server:   xvfb-run -a awaitscope --scenario fan-out\n"
            "  Or off screen:              QT_QPA_PLATFORM=offscreen awaitscope --self-test");
#endif
    Q_UNUSED(any);
    return {};
}

int runApplication(const CommandLineOptions &options, int &argc, char **argv)
{
    QTextStream err(stderr);
    // Before QGuiApplication: without a display Qt would abort.
    if (const QString problem = displayProblem(); !problem.isEmpty()) {
        err << problem << Qt::endl;
        return ExitUsage;
    }

    if (options.selfTest)
        g_previousHandler = qInstallMessageHandler(messageHandler);

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("awaitscope"));
    QGuiApplication::setOrganizationName(QStringLiteral("awaitscope"));
    QGuiApplication::setOrganizationDomain(QStringLiteral("awaitscope.github.io"));
    QGuiApplication::setApplicationVersion(QStringLiteral(AWAITSCOPE_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Awaitscope"));
    QGuiApplication::setDesktopFileName(QStringLiteral(AWAITSCOPE_APP_ID));
    // Native glyphs: crisp at projector sizes, and much cheaper than distance fields for a
    // software rasterizer (llvmpipe), which keeps the GUI thread's wait for each frame short.
    QQuickWindow::setTextRenderType(QQuickWindow::NativeTextRendering);
    // Fusion follows the system palette (light or dark) and reads well on a projector.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    // Scripted runs (self-test, screenshot, metrics) must not depend on remembered settings.
    const bool scripted = options.selfTest || !options.screenshot.isEmpty() || !options.metrics.isEmpty();
    CommandLineOptions effective = options;
    if (options.selfTest) {
        effective.given.scenario = QStringLiteral("fetch-user");
        effective.given.jobs = 2;
        effective.given.speed = limits::MaxSpeed;
    }
    RunController controller;
    RunSettings &settings = *controller.settings();
    settings.setPersistent(!scripted);
    if (!scripted)
        settings.load();
    settings.applyOverrides(effective.given);
    // --script: the window opens in Python mode on the file (checked readable by the parser).
    controller.script()->run().setHoldLimitMs(options.holdLimitMs);
    if (!options.scriptFile.isEmpty()) {
        QString error;
        if (!controller.script()->loadFile(options.scriptFile, &error)) {
            err << "awaitscope: --script: " << error << Qt::endl;
            return ExitUsage;
        }
        controller.script()->setActive(true);
    }
    // --compare: the window opens in Compare; settings that do not suit every variant are a
    // usage error, as headless.
    if (options.compare) {
        if (const QString error = CompareRun::validate(settings.runConfig()); !error.isEmpty()) {
            err << "awaitscope: " << error << Qt::endl;
            return ExitUsage;
        }
    }
    ViewSettings &view = *ViewSettings::instance();
    view.setPersistent(!scripted);
    if (!scripted)
        view.load();
    if (options.presenter)
        view.setPresenter(true);
    ResponsivenessMonitor monitor;

    QQmlApplicationEngine engine;
    engine.setInitialProperties({
        {QStringLiteral("controller"), QVariant::fromValue(&controller)},
        {QStringLiteral("monitor"), QVariant::fromValue(&monitor)},
    });
    engine.load(mainQmlUrl());
    auto *window =
        engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window) {
        err << "awaitscope: the window could not be loaded from " << mainQmlUrl().toString() << Qt::endl;
        for (const QString &p : std::as_const(g_qmlProblems))
            err << "  " << p << Qt::endl;
        return 1;
    }
    // What holds the GUI thread, for the lag attribution in --metrics (and only then).
    monitor.setAttributing(!options.metrics.isEmpty());
    monitor.setWindow(window);
    if (monitor.isAttributing()) {
        // The scenarios' scheduler and the Python scripts' (each run keeps its runtime).
        for (const Scheduler *scheduler : {&controller.session().runtime().scheduler(),
                                           &controller.script()->run().runtime().scheduler()}) {
            QObject::connect(scheduler, &Scheduler::batchFinished, &monitor, [&monitor, scheduler] {
                const qint64 end = monitor.timestampNs();
                monitor.recordWork(LagAttribution::EngineBatch, end - scheduler->lastBatchNs(), end);
            });
        }
        QObject::connect(&controller, &RunController::polled, &monitor, [&monitor](qint64 ns) {
            const qint64 end = monitor.timestampNs();
            monitor.recordWork(LagAttribution::FramePoll, end - ns, end);
        });
    }
    if (options.fullscreen || options.presenter) {
        // Without a window manager (a bare X server) the full-screen state alone does not resize.
        if (window->screen())
            window->setGeometry(window->screen()->geometry());
        window->showFullScreen();
    } else {
        // The window fills the screen it opens on.
        if (window->screen())
            window->setGeometry(window->screen()->availableGeometry());
        window->showMaximized();
    }
    WindowExports exports(controller, *window, {options.exportTrace, options.exportSvg, options.exportPng},
                          err);

    int exitCode = 0;
    if (!options.screenshot.isEmpty()) {
        QTimer::singleShot(options.screenshotAfterMs, window, [window, &options, &exitCode, &err] {
            QString error;
            const QImage image = window->grabWindow();
            if (image.isNull())
                error = QStringLiteral("the window gave an empty picture");
            if (!error.isEmpty() || !saveImage(options.screenshot, image, &error)) {
                err << "awaitscope: --screenshot: " << error << Qt::endl;
                exitCode = 1;
            }
        });
    }
    if (options.quitAfterMs > 0)
        // The run is stopped after the loop has ended (below): a million tasks unwinding here
        // would show in --metrics as one last 1.5 s loop lag that no user ever saw.
        QTimer::singleShot(options.quitAfterMs, &app, [&controller, window, &err] {
            // Asked to quit at a set time: no question to answer (nobody may be there), and
            // nothing lost either: unsaved script edits are kept in a new file, said on stderr.
            if (controller.script()->modified()) {
                QString error;
                const QString kept = controller.script()->keepRecoveryCopy(&error);
                if (kept.isEmpty())
                    err << "awaitscope: --quit-after: the edited script could not be kept: " << error
                        << Qt::endl;
                else
                    err << "awaitscope: --quit-after: the script had unsaved changes; they are kept in "
                        << kept << Qt::endl;
            }
            window->setProperty("closeConfirmed", true);
            QCoreApplication::quit();
        });

    if (options.selfTest) {
        // Load the real window, run fetch-user to the end, check what it shows, quit.
        QTimer::singleShot(15000, &app, [&err] {
            err << "awaitscope --self-test: the run did not finish within 15 s" << Qt::endl;
            QCoreApplication::exit(1);
        });
        QObject::connect(&controller, &RunController::runFinished, &app, [&] {
            QTimer::singleShot(300, &app, [&] {
                QStringList problems = g_qmlProblems;
                if (controller.view()->index()->eventCount() == 0)
                    problems << QStringLiteral("the run recorded no events");
                if (controller.view()->awaits() < 3)
                    problems << QStringLiteral("the run recorded %1 awaits").arg(controller.view()->awaits());
                if (controller.view()->lanes()->count() < 2)
                    problems << QStringLiteral("the timeline shows %1 lanes")
                                    .arg(controller.view()->lanes()->count());
                if (controller.view()->doneTasks() != controller.view()->tasks())
                    problems << QStringLiteral("%1 of %2 tasks ended well")
                                    .arg(controller.view()->doneTasks())
                                    .arg(controller.view()->tasks());
                if (monitor.frameCount() < 2)
                    problems << QStringLiteral("the window presented %1 frames").arg(monitor.frameCount());
                if (window->grabWindow().isNull())
                    problems << QStringLiteral("the window gave an empty picture");
                for (const QString &p : std::as_const(problems))
                    err << "awaitscope --self-test: " << p << Qt::endl;
                if (problems.isEmpty())
                    QTextStream(stdout) << "awaitscope --self-test: ok (" << controller.view()->tasks()
                                        << " tasks, " << controller.view()->index()->eventCount()
                                        << " events, " << monitor.frameCount() << " frames)" << Qt::endl;
                QCoreApplication::exit(problems.isEmpty() ? 0 : 1);
            });
        });
    }

    // --at: once the run has ended (or the file is read), the playhead goes to that time; with
    // --compare, the shared time of the three once they have run.
    if (options.atNs >= 0 && options.compare) {
        if (auto *compare = window->property("compare").value<CompareController *>()) {
            QObject::connect(compare, &CompareController::compareFinished, window,
                             [compare, &options] { compare->seek(double(options.atNs)); });
        }
    } else if (options.atNs >= 0) {
        QObject::connect(&controller, &RunController::runFinished, window, [&controller, &options] {
            controller.view()->playhead()->seek(double(options.atNs));
        });
    }
    // The run starts by itself with the scenario from the command line (or the file given opens),
    // once the window has shown its first frame (so the blocking scenario freezes a window the
    // audience can see).
    auto started = std::make_shared<bool>(false);
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &controller,
        [&controller, &err, &options, started, window] {
            if (*started)
                return;
            *started = true;
            if (options.compare) {
                auto *compare = window->property("compare").value<CompareController *>();
                if (!compare || !compare->enter())
                    err << "awaitscope: " << (compare ? compare->error() : QStringLiteral("no Compare view"))
                        << Qt::endl;
                return;
            }
            if (!options.openFile.isEmpty()) {
                if (const QString error = RunFile::openRun(controller, options.openFile); !error.isEmpty()) {
                    err << "awaitscope: " << error << Qt::endl;
                    QCoreApplication::exit(ExitUsage);
                }
                return;
            }
            if (!controller.run())
                err << "awaitscope: " << controller.error() << Qt::endl;
        },
        Qt::QueuedConnection);

    const int code = app.exec();
    exports.finish(); // the trace of a run that did not end, stopped where it was
    controller.session().stop();
    controller.script()->run().stop();

    if (!options.metrics.isEmpty()) {
        QJsonObject json = monitor.metrics();
        if (controller.script()->active()) {
            json.insert(QStringLiteral("script"), controller.script()->fileName());
        } else {
            json.insert(QStringLiteral("scenario"), settings.scenarioId());
            json.insert(QStringLiteral("jobs"), settings.runConfig().effectiveJobs());
        }
        QString error;
        if (!OutputFile::writeAll(options.metrics, QJsonDocument(json).toJson(QJsonDocument::Indented),
                                  &error)) {
            err << "awaitscope: --metrics: " << error << Qt::endl;
            return 1;
        }
    }
    if (options.selfTest)
        qInstallMessageHandler(g_previousHandler);
    return code != 0 ? code : (exitCode != 0 ? exitCode : exports.exitCode());
}

} // namespace awaitscope
