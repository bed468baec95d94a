import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// Compare's one playhead for all three: the steps, the track of the longest run with the time
// shown on it, and Live (the end). Like ScrubBar.qml, for CompareController's shared time.
RowLayout {
    id: bar

    required property CompareController compare

    signal focusReturned

    spacing: Theme.spacing / 2
    enabled: bar.compare.finished

    component StepButton: ToolButton {
        required property string tip
        Layout.preferredHeight: Theme.rowHeight
        Layout.preferredWidth: Theme.rowHeight * 1.2
        focusPolicy: Qt.NoFocus
        font.pixelSize: Theme.smallFontSize
        ToolTip.visible: hovered
        ToolTip.delay: 500
        ToolTip.text: tip
    }

    StepButton {
        objectName: "compareStart"
        text: "⇤"
        tip: qsTr("To the start (Home)")
        onClicked: bar.compare.toStart()
    }
    StepButton {
        objectName: "comparePrevious"
        text: "◁"
        tip: qsTr("Previous event of any of the three (, or [)")
        onClicked: bar.compare.stepEvent(-1)
    }
    StepButton {
        objectName: "comparePlay"
        text: bar.compare.playing ? "‖" : "▶"
        tip: qsTr("Play all three together at the speed set (P)")
        onClicked: bar.compare.togglePlay()
    }
    StepButton {
        objectName: "compareNext"
        text: "▷"
        tip: qsTr("Next event of any of the three (. or ])")
        onClicked: bar.compare.stepEvent(1)
    }
    StepButton {
        objectName: "compareEnd"
        text: "⇥"
        tip: qsTr("To the end (End)")
        onClicked: bar.compare.toEnd()
    }

    Item {
        id: track
        objectName: "compareTrack"
        Layout.fillWidth: true
        Layout.minimumWidth: Theme.rowHeight * 2
        Layout.preferredHeight: Theme.rowHeight
        readonly property real fraction: bar.compare.endNs > 0 ? Math.min(1, bar.compare.timeNs / bar.compare.endNs) : 1
        readonly property real inset: Theme.spacing * 0.75
        readonly property real span: Math.max(1, width - 2 * inset)

        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            height: Math.max(2, Theme.spacing / 2)
            radius: height / 2
            color: bar.palette.mid
        }
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: track.inset + track.span * track.fraction
            height: Math.max(2, Theme.spacing / 2)
            radius: height / 2
            color: Theme.colors.accent
        }
        Rectangle {
            objectName: "compareHandle"
            x: track.inset + track.span * track.fraction - width / 2
            anchors.verticalCenter: parent.verticalCenter
            width: track.inset * 2
            height: parent.height * 0.7
            radius: width / 3
            color: bar.compare.live ? Theme.colors.accent : Theme.colors.warning
            border.color: bar.palette.windowText
        }
        MouseArea {
            anchors.fill: parent
            preventStealing: true
            function seekTo(x: real): void {
                bar.compare.seek(Math.max(0, Math.min(1, (x - track.inset) / track.span)) * bar.compare.endNs)
            }
            onPressed: (mouse) => seekTo(mouse.x)
            onPositionChanged: (mouse) => seekTo(mouse.x)
            onReleased: bar.focusReturned()
        }
    }

    Label {
        objectName: "compareTime"
        visible: bar.width > 40 * Theme.fontSize
        Layout.preferredWidth: implicitWidth
        font.pixelSize: Theme.smallFontSize
        text: qsTr("%1 of %2").arg(bar.compare.formatDuration(bar.compare.timeNs))
                              .arg(bar.compare.formatDuration(bar.compare.endNs))
    }
    Button {
        objectName: "compareLive"
        Layout.preferredHeight: Theme.rowHeight
        focusPolicy: Qt.NoFocus
        enabled: !bar.compare.live
        font.pixelSize: Theme.smallFontSize
        font.bold: !bar.compare.live
        text: bar.compare.live ? qsTr("● end") : qsTr("End (F)")
        onClicked: {
            bar.compare.goLive()
            bar.focusReturned()
        }
    }
}
