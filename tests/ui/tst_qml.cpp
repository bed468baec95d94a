// The Qt Quick Test runner for tests/ui/qml/tst_*.qml, with the static Awaitscope module linked in.

#include "awaitscope_version.h"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(AwaitscopePlugin)

class Setup : public QObject {
    Q_OBJECT
public:
    Setup() { QStandardPaths::setTestModeEnabled(true); }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // As the application sets it: the About dialog shows it.
        QCoreApplication::setApplicationVersion(QStringLiteral(AWAITSCOPE_VERSION));
        // The module's qmldir and QML files are resources of the static library.
        engine->addImportPath(QStringLiteral("qrc:/"));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(awaitscope_ui, Setup)

#include "tst_qml.moc"
