import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// Under the lanes: the whole run as a track with the playhead on it (drag it to any time, live
// or finished), the steps (start, previous and next event, play at the speed slider's speed,
// end), the time shown, and "Live" when it is not now. Everything else (lanes, code counts,
// summary, caption) shows the run at the playhead's time.
RowLayout {
    id: bar

    required property RunController controller
    required property TimelineItem timeline
    readonly property Playhead playhead: bar.controller.view.playhead

    signal focusReturned

    // Every move by the user keeps the time shown in view.
    function seek(ns: real): void {
        bar.playhead.seek(ns)
        bar.reveal()
    }
    function reveal(): void {
        const zoom = bar.timeline.zoom
        const t = bar.playhead.timeNs
        if (t < zoom.viewStart || t > zoom.viewStart + zoom.viewDuration)
            zoom.viewStart = Math.max(0, t - zoom.viewDuration / 2)
    }
    function stepEvent(direction: int): void {
        if (bar.playhead.stepEvent(direction))
            bar.reveal()
    }
    function stepAwait(direction: int): void {
        if (bar.playhead.stepAwait(bar.timeline.selectedTask, direction))
            bar.reveal()
    }
    function toStart(): void {
        bar.seek(0)
    }
    function toEnd(): void {
        bar.seek(bar.playhead.endNs)
    }
    function togglePlay(): void {
        bar.playhead.togglePlay()
    }
    function goLive(): void {
        bar.playhead.goLive()
        bar.timeline.zoom.follow = true // (also when it was live already)
    }

    spacing: Theme.spacing / 2

    Binding {
        target: bar.playhead
        property: "speed"
        value: bar.controller.settings.speed
    }
    // Off now: the view stops following (it stays where the user looks); live again: it follows.
    // While playing, it keeps the time shown in sight.
    Connections {
        target: bar.playhead
        function onLiveChanged(): void {
            bar.timeline.zoom.follow = bar.playhead.live
        }
        function onTimeChanged(): void {
            if (bar.playhead.playing)
                bar.reveal()
        }
    }

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
        objectName: "replayStart"
        text: "⇤"
        tip: qsTr("To the start (Shift+Home)")
        onClicked: {
            bar.toStart()
            bar.focusReturned()
        }
    }
    StepButton {
        objectName: "replayPreviousEvent"
        text: "◁"
        tip: qsTr("Previous event (,); previous await of the selected task ([)")
        onClicked: {
            bar.stepEvent(-1)
            bar.focusReturned()
        }
    }
    StepButton {
        objectName: "replayPlay"
        text: bar.playhead.playing ? "‖" : "▶"
        tip: qsTr("Play from the time shown at the speed set (P)")
        onClicked: {
            bar.togglePlay()
            bar.focusReturned()
        }
    }
    StepButton {
        objectName: "replayNextEvent"
        text: "▷"
        tip: qsTr("Next event (.); next await of the selected task (])")
        onClicked: {
            bar.stepEvent(1)
            bar.focusReturned()
        }
    }
    StepButton {
        objectName: "replayEnd"
        text: "⇥"
        tip: qsTr("To the end (Shift+End)")
        onClicked: {
            bar.toEnd()
            bar.focusReturned()
        }
    }

    // The whole run, with the playhead on it.
    Item {
        id: track
        objectName: "scrubTrack"
        Layout.fillWidth: true
        Layout.minimumWidth: Theme.rowHeight * 2
        Layout.preferredHeight: Theme.rowHeight
        readonly property real fraction: bar.playhead.endNs > 0 ? Math.min(1, bar.playhead.timeNs / bar.playhead.endNs) : 1
        // The handle stays inside: its middle runs from inset to width - inset.
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
            objectName: "scrubHandle"
            x: track.inset + track.span * track.fraction - width / 2
            anchors.verticalCenter: parent.verticalCenter
            width: track.inset * 2
            height: parent.height * 0.7
            radius: width / 3
            color: bar.playhead.live ? Theme.colors.accent : Theme.colors.warning
            border.color: bar.palette.windowText
        }
        MouseArea {
            anchors.fill: parent
            preventStealing: true
            function seekTo(x: real): void {
                bar.seek(Math.max(0, Math.min(1, (x - track.inset) / track.span)) * bar.playhead.endNs)
            }
            onPressed: (mouse) => seekTo(mouse.x)
            onPositionChanged: (mouse) => seekTo(mouse.x)
            onReleased: bar.focusReturned()
        }
    }

    Label {
        objectName: "replayTime"
        // (Only where it fits whole: a narrow pane keeps the track.)
        visible: bar.width > 40 * Theme.fontSize
        Layout.preferredWidth: implicitWidth
        font.pixelSize: Theme.smallFontSize
        // Live, the time shown is paced like the other readouts (a label re-laid out every
        // frame cost the GUI thread more than reading the trace).
        text: bar.playhead.live ? bar.controller.formatDuration(bar.controller.view.elapsedNs)
                                : qsTr("%1 of %2").arg(bar.controller.formatDuration(bar.playhead.timeNs))
                                                  .arg(bar.controller.formatDuration(bar.playhead.endNs))
    }
    Button {
        objectName: "liveButton"
        Layout.preferredHeight: Theme.rowHeight
        focusPolicy: Qt.NoFocus
        enabled: !bar.playhead.live
        font.pixelSize: Theme.smallFontSize
        font.bold: !bar.playhead.live
        text: bar.playhead.live ? qsTr("● live") : qsTr("Live (F)")
        onClicked: {
            bar.goLive()
            bar.focusReturned()
        }
    }
}
