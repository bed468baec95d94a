pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The code pane of the Python mode: the script's name (• when it has unsaved changes), its File
// menu (Open, Save, Save As: ScriptFiles.qml) and an examples menu, how the last run
// failed in one line (file:line: the exception; the whole traceback is in the output pane), the
// editor, and the output pane.
Frame {
    id: pane

    required property RunController controller
    required property ScriptFiles files
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
                text: (pane.script.modified ? "• " : "") + (pane.script.edited && pane.controller.running
                      ? qsTr("%1 (edited: Run to apply)").arg(pane.script.fileName)
                      : pane.script.fileName)
                ToolTip.visible: nameHover.hovered
                ToolTip.text: (pane.script.filePath.length > 0 ? pane.script.filePath : qsTr("an example (Save As to keep it)"))
                              + (pane.script.modified ? qsTr(": unsaved changes") : "")
                HoverHandler {
                    id: nameHover
                }
            }
            Button {
                id: fileButton
                objectName: "scriptFileButton"
                focusPolicy: Qt.NoFocus
                text: qsTr("File")
                onClicked: fileMenu.open()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Open or save the script")

                Menu {
                    id: fileMenu
                    y: fileButton.height
                    // (A dialog it opened keeps the keyboard.)
                    onClosed: if (!pane.files.busy) pane.focusReturned()
                    MenuItem {
                        text: qsTr("Open…  Ctrl+Shift+O")
                        onTriggered: pane.files.open()
                    }
                    MenuItem {
                        text: qsTr("Save  Ctrl+S (in the editor)")
                        onTriggered: pane.files.save()
                    }
                    MenuItem {
                        text: qsTr("Save As…  Ctrl+Shift+S")
                        onTriggered: pane.files.saveAs()
                    }
                }
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
                    // (A dialog it opened keeps the keyboard.)
                    onClosed: if (!pane.files.busy) pane.focusReturned()
                    Instantiator {
                        model: pane.script.exampleTitles
                        delegate: MenuItem {
                            required property string modelData
                            required property int index
                            text: modelData
                            onTriggered: pane.files.whenSaved(() => {
                                pane.controller.reset()
                                pane.script.loadExample(index)
                            })
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
                // Between words where it can (a long path or token still breaks).
                wrapMode: Text.Wrap
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
            onFocusReturned: pane.focusReturned()
        }

        ScriptOutput {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.rowHeight * 4
            script: pane.script
        }
    }
}
