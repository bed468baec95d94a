#pragma once

#include <QList>
#include <QString>

namespace awaitscope {

/// One example script shipped with the application (core/script/examples/, in the resources).
struct ScriptExample {
    QString fileName; // "fetch_user.py"
    QString title; // the first line of its docstring
    QString source;
};

/**
 * The example scripts the window's examples menu offers and the tests run, in the order of
 * AWAITSCOPE_PYTHON_EXAMPLES (core/script/CMakeLists.txt). Read from the resources, so the
 * window shows exactly what is installed.
 */
class ScriptExamples {
public:
    static QList<ScriptExample> all();
    /// The example with this file name, or one with an empty source.
    static ScriptExample find(const QString &fileName);
    /// The resource path of an example (":/awaitscope/script/examples/fetch_user.py").
    static QString resourcePath(const QString &fileName);
    /// The title of a script: the first line of its module docstring (empty if none).
    static QString titleOf(const QString &source);
};

} // namespace awaitscope
