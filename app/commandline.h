#pragma once

#include "runconfig.h"

#include <QString>
#include <QStringList>

namespace awaitscope {

struct CommandLineOptions {
    enum class Action { Run, Help, Version, ListScenarios };
    Action action = Action::Run;
    RunConfig run; // the defaults, with every value given on the command line
    RunOverrides given; // only the values given: they win over the window's remembered settings
    bool headless = false;
    QString exportTrace;
    qint64 quitAfterMs = -1;
    // Recordings (--open FILE or a file name alone, --at MS, --save FILE).
    QString openFile;
    qint64 atNs = -1; // -1: not asked
    QString saveFile;
    // The window's own options.
    QString screenshot;
    qint64 screenshotAfterMs = 2500;
    QString metrics;
    bool fullscreen = false;
    bool selfTest = false;
};

struct CommandLineResult {
    CommandLineOptions options;
    QString error; // non-empty: print it with a hint and exit with code 2
    QString helpText;
};

/// Parses arguments (the first one is the program). Never exits: the caller decides.
CommandLineResult parseCommandLine(const QStringList &arguments);

/// The lines --list-scenarios prints.
QString scenarioListText();

/// Exit code for bad input on the command line.
inline constexpr int ExitUsage = 2;

} // namespace awaitscope
