pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The keyboard shortcuts, over everything; any click or Esc closes it.
Rectangle {
    id: overlay

    color: Theme.colors.overlay

    TapHandler {
        onTapped: overlay.visible = false
    }

    Pane {
        anchors.centerIn: parent
        padding: 28

        ColumnLayout {
            spacing: 14
            Label {
                text: qsTr("Keyboard")
                font.pixelSize: Theme.headingFontSize
                font.bold: true
            }
            Repeater {
                model: [
                    ["Space", qsTr("run / pause / resume")],
                    ["Enter", qsTr("run again from the start")],
                    ["S", qsTr("step: run exactly the next event")],
                    ["R", qsTr("reset: stop and clear")],
                    ["F", qsTr("follow the run live again")],
                    ["+  /  −", qsTr("zoom in / out")],
                    ["← → ↑ ↓", qsTr("pan the timeline (drag does too)")],
                    ["Wheel", qsTr("zoom around the pointer")],
                    ["0 / Home", qsTr("show the whole run")],
                    ["F11", qsTr("full screen")],
                    ["?  /  H", qsTr("this help (Esc closes)")]
                ]
                delegate: RowLayout {
                    id: shortcut
                    required property var modelData
                    spacing: 28
                    Label {
                        Layout.preferredWidth: 150
                        text: shortcut.modelData[0]
                        font.family: "monospace"
                        font.bold: true
                        font.pixelSize: Theme.titleFontSize
                    }
                    Label {
                        text: shortcut.modelData[1]
                        font.pixelSize: Theme.titleFontSize
                    }
                }
            }
            Label {
                text: qsTr("Click a lane to see its line in the code; click a line to light up the lanes waiting on it.")
                font.pixelSize: Theme.fontSize
                opacity: 0.8
            }
        }
    }
}
