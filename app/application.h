#pragma once

#include "commandline.h"

#include <QString>
#include <QUrl>

namespace awaitscope {

/// The window's QML file: the one place that knows the module's resource path.
inline QUrl mainQmlUrl()
{
    return QUrl(QStringLiteral("qrc:/Awaitscope/views/Main.qml"));
}

/// Why the window cannot open here (no display and no platform chosen), or empty if it can.
QString displayProblem();

/// Opens the window and runs until it is closed (or --quit-after, --self-test); returns the exit
/// code. Checks for a display before anything else.
int runApplication(const CommandLineOptions &options, int &argc, char **argv);

} // namespace awaitscope
