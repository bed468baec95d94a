#pragma once

#include "session.h"

#include <QString>
#include <QStringList>

namespace awaitscope {

struct CommandLineOptions {
    enum class Action { Run, Help, Version, ListScenarios };
    Action action = Action::Run;
    RunConfig run;
    bool clockGiven = false; // --clock given: else the window runs real, headless virtual
    bool speedGiven = false; // --speed given: else the window runs at a slower, teaching pace
    bool headless = false;
    QString exportTrace;
    qint64 quitAfterMs = -1;
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
