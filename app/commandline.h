#pragma once

#include "runconfig.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace awaitscope {

struct CommandLineOptions {
    enum class Action { Run, Help, Version, ListScenarios };
    Action action = Action::Run;
    RunConfig run; // the defaults, with every value given on the command line
    RunOverrides given; // only the values given: they win over the window's remembered settings
    bool headless = false;
    QString scriptFile; // --script: a Python file to run instead of a scenario
    qint64 holdLimitMs = 5000; // --hold-limit: longest a script may hold the event loop
    bool noSummary = false; // --no-summary: headless prints only what the run printed
    bool compare = false; // --compare: blocking, callbacks and co_await in turn (CompareRun)
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
    bool presenter = false; // full screen, large text, captions, knobs tucked away
    QString exportSvg; // the timeline as SVG, when the window's run ends
    QString exportPng; // the timeline as PNG, when the window's run ends
    bool selfTest = false;
};

struct CommandLineResult {
    CommandLineOptions options;
    QString error; // non-empty: print it with a hint and exit with code 2
    QString helpText;
};

/// Parses arguments (the first one is the program). Never exits: the caller decides.
CommandLineResult parseCommandLine(const QStringList &arguments);

/// Why --compare cannot run with these options (empty: it can). Defined in headlesscompare.cpp.
QString compareOptionsError(const CommandLineOptions &options, bool scenarioGiven);

/// The lines --list-scenarios prints.
QString scenarioListText();

/// A whole decimal number ("42", "-3"; spaces around are ignored): no hex, no exponent, no
/// fraction. Beyond a qint64 it saturates, so the caller's range check names the limit; nullopt
/// if the text is not a whole number at all.
std::optional<qint64> parseWholeNumber(const QString &text);

/// A finite decimal number ("0.5", "-2", "1e3"); nullopt for anything else (hex, inf, nan, words).
std::optional<double> parseDecimal(const QString &text);

/// Exit code for bad input on the command line.
inline constexpr int ExitUsage = 2;

} // namespace awaitscope
