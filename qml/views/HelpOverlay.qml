pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The keyboard shortcuts, over everything, in two columns (it fits a 1024x768 projector at
// large text); any click or Esc closes it.
Rectangle {
    id: overlay

    readonly property var keys: [
        ["Space", qsTr("run / pause / resume")],
        ["Enter", qsTr("run again from the start")],
        ["S", qsTr("step: the next event")],
        ["R", qsTr("reset: stop and clear")],
        ["F", qsTr("live again: now")],
        [", / .", qsTr("back / on one event")],
        ["[ / ]", qsTr("the selected task's awaits")],
        ["⇧Home / End", qsTr("to the start / end")],
        ["P", qsTr("play from the time shown")],
        ["+  /  −", qsTr("zoom in / out")],
        ["← → ↑ ↓", qsTr("pan (drag does too)")],
        ["0 / Home", qsTr("show the whole run")],
        ["Delete", qsTr("cancel the lane's task")],
        ["W", qsTr("loop held: warnings")],
        ["Ctrl+K", qsTr("Compare: blocking, callbacks, co_await")],
        ["Esc", qsTr("leave Compare")],
        ["F5", qsTr("presenter mode")],
        ["C", qsTr("captions on / off")],
        ["K", qsTr("knobs on / off")],
        ["Ctrl + / −", qsTr("larger / smaller text")],
        ["Ctrl+Shift+C", qsTr("high contrast")],
        ["Ctrl+S / O", qsTr("save / open a run")],
        ["Ctrl+E", qsTr("export the trace")],
        ["Ctrl+Shift+O", qsTr("open a Python script")],
        ["Ctrl+S", qsTr("save the script (in the editor)")],
        ["Ctrl+Shift+S", qsTr("save the script as…")],
        ["Esc", qsTr("leave the script editor")],
        ["F11", qsTr("full screen")],
        ["?  /  H", qsTr("this help (Esc closes)")]
    ]

    color: Theme.colors.overlay

    TapHandler {
        onTapped: overlay.visible = false
    }

    Pane {
        anchors.centerIn: parent
        width: Math.min(implicitWidth, overlay.width - 2 * Theme.padding)
        padding: Theme.padding * 3

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing
            Label {
                text: qsTr("Keyboard")
                font.pixelSize: Theme.headingFontSize
                font.bold: true
            }
            GridLayout {
                columns: overlay.width > 90 * Theme.fontSize ? 4 : 2
                columnSpacing: Theme.spacing * 3
                rowSpacing: Theme.spacing
                Repeater {
                    model: overlay.keys
                    delegate: RowLayout {
                        id: shortcut
                        required property var modelData
                        spacing: Theme.spacing * 2
                        Label {
                            Layout.preferredWidth: 8 * Theme.fontSize
                            text: shortcut.modelData[0]
                            font.family: "monospace"
                            font.bold: true
                        }
                        Label {
                            text: shortcut.modelData[1]
                        }
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Click a lane to see its line in the code; click a line to light up the lanes waiting on it. Drag on the time axis to see the run then.")
                opacity: 0.8
            }
        }
    }
}
