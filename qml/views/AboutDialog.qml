import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// Help > About: what the application is, its version and its licence.
Dialog {
    id: about

    title: qsTr("About Awaitscope")
    modal: true
    standardButtons: Dialog.Close
    anchors.centerIn: parent

    ColumnLayout {
        spacing: 12
        width: 560

        Label {
            text: qsTr("Awaitscope %1").arg(Qt.application.version)
            font.pixelSize: Theme.headingFontSize
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Makes async/await visible: real C++20 coroutines (QCoro) run simulated network "
                       + "jobs on the Qt event loop, and every task's lane shows where it suspended, on "
                       + "which co_await line, for how long, and when it resumed, next to proof that the "
                       + "window stays responsive.")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Released under the MIT licence. Built with Qt 6 and QCoro.")
        }
        Label {
            text: qsTr("Copyright © 2026 The Awaitscope developers")
            opacity: 0.7
        }
    }
}
