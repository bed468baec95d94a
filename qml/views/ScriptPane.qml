pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The code pane of the Python mode: the script's name and an examples menu, how the last run
// failed in one line (file:line: the exception; the whole traceback is in the output pane), the
// editor, and the output pane.
Frame {
    id: pane

    required property RunController controller
    readonly property ScriptSource script: controller.script
    readonly property bool typing: editor.typing

    signal focusReturned

    function showLine(file: string, line: int): void {
        if (file === pane.script.fileName)
            editor.showLine(line)
    }

    padding: 0

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing / 2
            spacing: Theme.spacing

            Label {
                objectName: "scriptName"
                Layout.fillWidth: true
                Layout.minimumWidth: 0
                elide: Text.ElideRight
                font.bold: true
                text: pane.script.edited && pane.controller.running
                      ? qsTr("%1 (edited: Run to apply)").arg(pane.script.fileName)
                      : pane.script.fileName
            }
            Button {
                id: examplesButton
                objectName: "examplesButton"
                focusPolicy: Qt.NoFocus
                text: qsTr("Examples")
                onClicked: examples.open()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Load an example script (replaces the editor's text)")

                Menu {
                    id: examples
                    y: examplesButton.height
                    onClosed: pane.focusReturned()
                    Instantiator {
                        model: pane.script.exampleTitles
                        delegate: MenuItem {
                            required property string modelData
                            required property int index
                            text: modelData
                            onTriggered: {
                                pane.controller.reset()
                                pane.script.loadExample(index)
                            }
                        }
                        onObjectAdded: (index, object) => examples.insertItem(index, object)
                        onObjectRemoved: (index, object) => examples.removeItem(object)
                    }
                }
            }
        }

        Rectangle {
            objectName: "scriptProblem"
            Layout.fillWidth: true
            Layout.preferredHeight: problem.implicitHeight + Theme.spacing
            visible: pane.script.problem.length > 0
            color: Theme.colors.codeFailed
            border.color: Theme.colors.error
            Label {
                id: problem
                anchors.fill: parent
                anchors.margins: Theme.spacing / 2
                wrapMode: Text.WrapAnywhere
                maximumLineCount: 3
                elide: Text.ElideRight
                font.family: "monospace"
                font.pixelSize: Theme.smallFontSize
                text: pane.script.problem
            }
            TapHandler {
                onTapped: editor.showLine(pane.script.problemLine)
            }
        }

        ScriptEditor {
            id: editor
            Layout.fillWidth: true
            Layout.fillHeight: true
            controller: pane.controller
        }

        ScriptOutput {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.rowHeight * 4
            script: pane.script
        }
    }
}
