import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// What the script printed (stdout and stderr in order), following the end.
Frame {
    id: pane

    required property ScriptSource script

    padding: Theme.spacing / 2

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2

        Label {
            Layout.fillWidth: true
            text: qsTr("Output")
            font.bold: true
            font.pixelSize: Theme.smallFontSize
            elide: Text.ElideRight
        }
        Flickable {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                focusPolicy: Qt.NoFocus
            }

            TextArea.flickable: TextArea {
                id: output
                objectName: "scriptOutput"
                readOnly: true
                textFormat: TextEdit.PlainText
                wrapMode: TextEdit.WrapAnywhere
                font.family: "monospace"
                font.pixelSize: Theme.smallFontSize
                activeFocusOnPress: false
                placeholderText: qsTr("print() output shows here")
                text: pane.script.output
                background: null
                onTextChanged: output.cursorPosition = output.length
            }
        }
    }
}
