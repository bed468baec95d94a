import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import Awaitscope

// Save the trace (Chrome JSON) or a picture of the timeline (PNG, SVG) where the user says; a
// failure is said in a dialog, naming the file and the reason.
Item {
    id: dialogs

    required property RunController controller
    required property TimelineItem timeline
    required property Item area // what the PNG shows

    function ask(kind: string): void {
        save.kind = kind
        save.open()
    }
    function done(path: string, error: string): void {
        if (error.length > 0) {
            problem.text = qsTr("Could not save %1:\n%2").arg(path).arg(error)
            problem.open()
        }
    }

    Exporter {
        id: exporter
        controller: dialogs.controller
        onFinished: (path, error) => dialogs.done(path, error)
    }

    FileDialog {
        id: save
        property string kind: "trace"
        fileMode: FileDialog.SaveFile
        title: save.kind === "trace" ? qsTr("Export the trace") : qsTr("Export the timeline")
        nameFilters: save.kind === "trace" ? [qsTr("Chrome trace (*.json)")]
                   : save.kind === "png" ? [qsTr("PNG picture (*.png)")] : [qsTr("SVG picture (*.svg)")]
        defaultSuffix: save.kind === "trace" ? "json" : save.kind
        onAccepted: {
            const file = save.selectedFile
            if (save.kind === "trace")
                dialogs.done(file, exporter.saveTrace(file))
            else if (save.kind === "svg")
                dialogs.done(file, exporter.saveSvg(file, dialogs.timeline))
            else
                exporter.savePng(file, dialogs.area)
        }
    }

    Dialog {
        id: problem
        property alias text: message.text
        anchors.centerIn: parent
        modal: true
        title: qsTr("Export failed")
        standardButtons: Dialog.Ok
        Label {
            id: message
            wrapMode: Text.WordWrap
        }
    }
}
