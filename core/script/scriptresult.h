#pragma once

#include <QString>

namespace awaitscope {

/// How a script run ended: what the window shows in its output pane and what a headless run
/// turns into an exit code.
struct ScriptResult {
    enum class Status {
        Running, // not ended yet
        Ok, // the script ran to its end
        SyntaxError, // it did not compile: message names the line (and column)
        Error, // an exception escaped it: message is the Python traceback
        Exit, // it called sys.exit(): exitCode is the code
        HeldLoop, // a step held the event loop longer than the hold limit and was interrupted
        Deadlock, // it waits for something nothing will ever do (the loop is idle, main not done)
        Stopped, // stopped from outside (Stop, Reset, a time limit)
    };
    Status status = Status::Running;
    QString message; // the traceback or explanation, Python-style; empty if Ok
    int exitCode = 0; // sys.exit's code
    int line = 0; // the line of a syntax error (1-based), 0 if unknown
    int column = 0; // its column (1-based), 0 if unknown

    bool isFailure() const noexcept
    {
        return status != Status::Ok && status != Status::Running &&
            !(status == Status::Exit && exitCode == 0);
    }
};

} // namespace awaitscope
