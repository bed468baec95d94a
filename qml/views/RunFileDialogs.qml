import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import Awaitscope

// Save the run shown as a recording, open a recording or a Chrome trace (also by dropping it on
// the window). A file that cannot be read leaves the window as it was, and a dialog names the
// file and the problem.
Item {
    id: dialogs

    required property RunController controller
    readonly property string shownFile: runFile.shownFile

    function ask(kind: string): void {
        if (kind === "save")
            saveDialog.open()
        else
            openDialog.open()
    }
    function openUrl(url: url): void {
        const error = runFile.open(url)
        if (error.length > 0) {
            problem.title = qsTr("Could not open the file")
            problem.text = error
            problem.open()
        }
    }

    RunFile {
        id: runFile
        controller: dialogs.controller
    }

    FileDialog {
        id: saveDialog
        fileMode: FileDialog.SaveFile
        title: qsTr("Save the run")
        nameFilters: [qsTr("Awaitscope recording (*.awaitscope)")]
        defaultSuffix: "awaitscope"
        onAccepted: {
            const error = runFile.save(saveDialog.selectedFile)
            if (error.length > 0) {
                problem.title = qsTr("Could not save the run")
                problem.text = error
                problem.open()
            }
        }
    }
    FileDialog {
        id: openDialog
        fileMode: FileDialog.OpenFile
        title: qsTr("Open a run")
        nameFilters: [qsTr("Recordings and traces (*.awaitscope *.json)"), qsTr("All files (*)")]
        onAccepted: dialogs.openUrl(openDialog.selectedFile)
    }

    // A file dropped anywhere on the window opens.
    DropArea {
        anchors.fill: parent
        onEntered: (drag) => drag.accepted = drag.hasUrls && RunFile.canOpen(drag.urls[0])
        onDropped: (drop) => {
            if (drop.hasUrls)
                dialogs.openUrl(drop.urls[0])
        }
    }

    Dialog {
        id: problem
        objectName: "runFileProblem"
        property alias text: message.text
        anchors.centerIn: parent
        width: Math.min(parent.width * 0.8, implicitWidth)
        modal: true
        standardButtons: Dialog.Ok
        Label {
            id: message
            width: Math.min(implicitWidth, dialogs.width * 0.7)
            wrapMode: Text.WordWrap
        }
    }
}
