#pragma once

// Runs the real executable as a user would, for the command-line and headless tests.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <functional>

namespace awaitscope::test {

struct Run {
    int exitCode;
    QString out;
    QString err;
};

/// Runs the app; setup may redirect its output or change its folder first.
inline Run runApp(const QStringList &args, const std::function<void(QProcess &)> &setup = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // A run that opens the window remembers its settings: never in the user's own.
    static const QTemporaryDir config;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    p.setProcessEnvironment(env);
    if (setup)
        setup(p);
    p.start(QStringLiteral(AWAITSCOPE_BIN), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, QStringLiteral("timed out")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

inline QStringList headlessExport(const QString &target)
{
    return {QStringLiteral("--headless"),
            QStringLiteral("--scenario"),
            QStringLiteral("fan-out"),
            QStringLiteral("--jobs"),
            QStringLiteral("20"),
            QStringLiteral("--export-trace"),
            target};
}

inline bool isTraceJson(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    return doc.isObject() && doc.object().value(QStringLiteral("traceEvents")).isArray();
}

/// The first number after prefix in text ("total time 300.0 ms" -> 300), or -1.
inline double numberAfter(const QString &text, const QString &prefix)
{
    const QRegularExpression re(QRegularExpression::escape(prefix) + QStringLiteral("\\s*([0-9.]+)"));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

} // namespace awaitscope::test
