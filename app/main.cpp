// Awaitscope's entry point: parse the command line, then run headless or open the window.

#include "awaitscope_version.h"
#include "commandline.h"
#include "headless.h"
#include "hugepages.h"

#include <QCoreApplication>
#include <QTextStream>

#ifdef AWAITSCOPE_WITH_GUI
#    include "application.h"
#endif

#include <cstdio>

int main(int argc, char *argv[])
{
    using namespace awaitscope;
    configureHeap(argv, heapProfileFor(argc, argv)); // may re-execute once: before anything else exists
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const CommandLineResult parsed = parseCommandLine(arguments);
    if (!parsed.error.isEmpty()) {
        err << "awaitscope: " << parsed.error << "\nTry 'awaitscope --help' for the options." << Qt::endl;
        return ExitUsage;
    }
    const CommandLineOptions &options = parsed.options;
    switch (options.action) {
    case CommandLineOptions::Action::Help:
        out << parsed.helpText;
        return 0;
    case CommandLineOptions::Action::Version:
        out << "awaitscope " << AWAITSCOPE_VERSION << Qt::endl;
        return 0;
    case CommandLineOptions::Action::ListScenarios:
        out << scenarioListText();
        return 0;
    case CommandLineOptions::Action::Run:
        break;
    }

    // (`awaitscope FILE` opens the file in the window; with --headless it prints its summary.)
    if (options.headless) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("awaitscope"));
        QCoreApplication::setApplicationVersion(QStringLiteral(AWAITSCOPE_VERSION));
        return options.scriptFile.isEmpty() ? runHeadless(options, out, err)
                                            : runHeadlessScript(options, out, err);
    }
#ifdef AWAITSCOPE_WITH_GUI
    return runApplication(options, argc, argv);
#else
    err << "awaitscope: this build has no window; run it with --headless" << Qt::endl;
    return ExitUsage;
#endif
}
