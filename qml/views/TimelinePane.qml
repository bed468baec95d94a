pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The lanes: names on the left (the task tree), the timeline on the right, the time axis
// (simulated time) on top. A collapsed group is a tall lane: how many of its tasks wait over
// time, stacked by await line, with its scale and legend in the names column.
Frame {
    id: pane

    required property RunController controller
    readonly property alias timeline: timeline
    readonly property alias scrubBar: scrubBar
    // What a picture of the timeline shows: names, axis and lanes.
    readonly property alias timelineArea: area
    readonly property real namesWidth: Math.max(14 * Theme.fontSize, Math.min(pane.width * 0.35, 24 * Theme.fontSize))

    signal awaitClicked(string file, int line)
    signal focusReturned

    function highlight(file: string, line: int): void {
        timeline.highlightFile = file
        timeline.highlightLine = line
    }

    padding: 0

    // A new run starts clean: following from 0, nothing selected or highlighted; its end fits it
    // (unless the user zoomed meanwhile).
    Connections {
        target: pane.controller
        function onStateChanged(): void {
            if (pane.controller.running && !pane.wasRunning) {
                timeline.zoom.restart()
                timeline.selectedTask = -1
                timeline.highlightLine = -1
                timeline.contentY = 0
            }
            pane.wasRunning = pane.controller.running
        }
        function onRunFinished(): void {
            timeline.zoom.runEnded()
        }
    }
    Connections {
        target: pane.controller.settings
        function onScenarioChanged(): void {
            timeline.selectedTask = -1
            timeline.highlightLine = -1
            timeline.zoom.restart()
        }
    }
    property bool wasRunning: false

    // A lane's right-click menu (one for every lane).
    Menu {
        id: laneMenu
        property int task: -1
        property bool running: false
        function openFor(task: int, running: bool): void {
            laneMenu.task = task
            laneMenu.running = running
            laneMenu.popup()
        }
        MenuItem {
            objectName: "cancelTaskItem"
            text: qsTr("Cancel task  (Delete)")
            enabled: laneMenu.running && pane.controller.running
            onTriggered: pane.controller.cancelTask(laneMenu.task)
        }
    }

    Item {
        id: area
        objectName: "timelineArea"
        anchors.fill: parent

        ColumnLayout {
            anchors.fill: parent
            spacing: 0

            // Header: the lane count and follow state on the left, the time axis over the lanes.
            RowLayout {
                Layout.fillWidth: true
                Layout.fillHeight: false
                Layout.preferredHeight: Theme.rowHeight * 1.3
                spacing: 0

                RowLayout {
                    Layout.preferredWidth: pane.namesWidth
                    Layout.maximumWidth: pane.namesWidth
                    Layout.fillWidth: false
                    Layout.fillHeight: true
                    spacing: Theme.spacing / 2
                    Label {
                        objectName: "laneCount"
                        Layout.leftMargin: Theme.spacing
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        // (A trace from another program has tracks: its threads and async ids.)
                        text: pane.controller.showsForeignTrace
                              ? (pane.controller.view.tasks === 1 ? qsTr("1 track") : qsTr("%L1 tracks").arg(pane.controller.view.tasks))
                              : pane.controller.view.tasks === 1 ? qsTr("1 task")
                              : qsTr("%L1 tasks").arg(pane.controller.view.tasks)
                        font.bold: true
                    }
                    Button {
                        id: followButton
                        objectName: "followButton"
                        flat: true
                        checkable: true
                        focusPolicy: Qt.NoFocus
                        checked: timeline.zoom.follow
                        // (The scrub bar says whether the playhead is live; this says the view
                        // scrolls along with the run.)
                        text: timeline.zoom.follow ? qsTr("● following") : qsTr("○ follow (F)")
                        onToggled: checked ? scrubBar.goLive() : (timeline.zoom.follow = false)
                        font.pixelSize: Theme.smallFontSize
                        // As wide as its longer text whatever it says now, so a change of text never
                        // meets a layout that still has the other width (the task count gives way).
                        Layout.minimumWidth: Math.ceil(Math.max(followMetrics.advanceWidth, followingMetrics.advanceWidth))
                                             + leftPadding + rightPadding + 2
                        Layout.preferredWidth: Layout.minimumWidth
                        TextMetrics {
                            id: followMetrics
                            font: followButton.font
                            text: qsTr("○ follow (F)")
                        }
                        TextMetrics {
                            id: followingMetrics
                            font: followButton.font
                            text: qsTr("● following")
                        }
                    }
                }
                Item {
                    id: axis
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true

                    Repeater {
                        model: timeline.ticks
                        delegate: Text {
                            required property real labelX
                            required property string labelText
                            objectName: "tick"
                            x: labelX + 4
                            y: (axis.height - height) / 2
                            // (Ticks under the clock's name give way to it.)
                            visible: x + width < clockName.x - Theme.spacing
                            text: labelText
                            color: pane.palette.windowText
                            font.pixelSize: Theme.smallFontSize
                            opacity: 0.8
                        }
                    }
                    // Press or drag on the axis: the playhead goes to that time (ScrubBar.qml).
                    MouseArea {
                        objectName: "axisScrub"
                        anchors.fill: parent
                        preventStealing: true
                        function seekTo(x: real): void {
                            const tx = timeline.mapFromItem(axis, x, 0).x
                            scrubBar.seek(timeline.zoom.viewStart + tx / timeline.width * timeline.zoom.viewDuration)
                        }
                        onPressed: (mouse) => seekTo(mouse.x)
                        onPositionChanged: (mouse) => seekTo(mouse.x)
                        onReleased: pane.focusReturned()
                    }
                    // Which clock this axis is.
                    Label {
                        id: clockName
                        anchors.right: parent.right
                        anchors.rightMargin: Theme.spacing
                        anchors.verticalCenter: parent.verticalCenter
                        text: pane.controller.showsForeignTrace ? qsTr("the trace's clock") : qsTr("simulated time")
                        font.pixelSize: Theme.smallFontSize
                        font.italic: true
                        opacity: 0.7
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: 1
                color: pane.palette.mid
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 0

                ListView {
                    id: names
                    Layout.preferredWidth: pane.namesWidth
                    Layout.fillHeight: true
                    clip: true
                    interactive: false
                    cacheBuffer: 0 // it scrolls with the timeline: no rows prepared off screen
                    model: pane.controller.view.lanes
                    contentY: timeline.contentY
                    delegate: LaneName {
                        id: laneName
                        width: names.width
                        height: timeline.rowHeight
                        timeline: timeline
                        controller: pane.controller
                        onMenuRequested: laneMenu.openFor(laneName.taskId, laneName.spanRow === 0
                                                          && laneName.outcome === Core.outcomeRunning)
                    }
                }

                Rectangle {
                    Layout.preferredWidth: 1
                    Layout.fillHeight: true
                    color: pane.palette.mid
                }

                Item {
                    Layout.fillWidth: true
                    Layout.fillHeight: true

                    TimelineItem {
                        id: timeline
                        objectName: "timeline"
                        anchors.fill: parent
                        laneModel: pane.controller.view.lanes
                        zoom.playhead: pane.controller.view.nowNs
                        rowHeight: Theme.rowHeight
                        onTaskClicked: (task, file, line) => {
                            pane.focusReturned()
                            pane.awaitClicked(file, line)
                        }
                    }

                    // Labels of the bars wide enough to carry one (bounded by the item).
                    Item {
                        anchors.fill: parent
                        clip: true
                        Repeater {
                            model: timeline.labels
                            delegate: Text {
                                required property real labelX
                                required property real labelY
                                required property real labelWidth
                                required property string labelText
                                objectName: "barLabel" // shortened to its bar by design
                                x: labelX + 5
                                y: labelY
                                width: labelWidth - 10
                                height: timeline.rowHeight
                                verticalAlignment: Text.AlignVCenter
                                elide: Text.ElideRight
                                color: Theme.colors.onAccent
                                font.pixelSize: Theme.smallFontSize
                                text: labelText
                            }
                        }
                        // Where the loop was held: the wall time it lasted, beside the marker.
                        Repeater {
                            model: timeline.holdLabels
                            delegate: Label {
                                required property real labelX
                                required property real labelY
                                required property string labelText
                                objectName: "holdLabel" // a badge on the lane, over its bars
                                x: Math.min(labelX + Theme.spacing, parent.width - width)
                                y: labelY + (timeline.rowHeight - height) / 2
                                padding: 2
                                text: labelText
                                font.bold: true
                                font.pixelSize: Theme.smallFontSize
                                color: Theme.colors.onAccent
                                background: Rectangle {
                                    color: Theme.colors.hold
                                    radius: 3
                                }
                            }
                        }
                    }

                    NoticeBubble {
                        id: notice
                        objectName: "notice"
                        anchors.horizontalCenter: parent.horizontalCenter
                        anchors.bottom: parent.bottom
                        anchors.bottomMargin: Theme.spacing
                        Connections {
                            target: pane.controller
                            function onNotice(text: string): void {
                                notice.show(text)
                            }
                        }
                    }

                    // What the pointer is over: a tip that floats over the lanes (and their bars).
                    Rectangle {
                        objectName: "hoverTip"
                        visible: timeline.hovering
                        x: Math.min(timeline.hoverX + 2 * Theme.spacing, parent.width - width - Theme.spacing / 2)
                        y: Math.min(timeline.hoverY + 2 * Theme.spacing, parent.height - height - Theme.spacing / 2)
                        width: hoverLabel.implicitWidth + 2 * Theme.padding
                        height: hoverLabel.implicitHeight + 1.5 * Theme.padding
                        radius: Theme.spacing * 0.75
                        color: pane.palette.toolTipBase
                        border.color: pane.palette.mid
                        Label {
                            id: hoverLabel
                            objectName: "hoverLabel"
                            anchors.centerIn: parent
                            text: timeline.hoverText
                            color: pane.palette.toolTipText
                        }
                    }
                }

                ScrollBar {
                    id: vbar
                    Layout.fillHeight: true
                    orientation: Qt.Vertical
                    policy: ScrollBar.AsNeeded
                    focusPolicy: Qt.NoFocus
                    size: timeline.contentHeight > 0 ? Math.min(1, timeline.height / timeline.contentHeight) : 1
                    position: timeline.contentHeight > 0 ? timeline.contentY / timeline.contentHeight : 0
                    onPositionChanged: if (pressed) timeline.contentY = position * timeline.contentHeight
                }
            }

            // (A short pane, as in presenter mode at 1024x768, keeps its lanes: the keys, the time
            // axis and the follow button, which says when the time shown is not now, do the same.)
            Rectangle {
                visible: scrubBar.visible
                Layout.fillWidth: true
                Layout.preferredHeight: 1
                color: pane.palette.mid
            }
            ScrubBar {
                id: scrubBar
                objectName: "scrubBar"
                // (One row: hidden only when the lanes would be left with fewer than about five.)
                visible: pane.height > 8 * Theme.rowHeight
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacing / 2
                Layout.rightMargin: Theme.spacing / 2
                controller: pane.controller
                timeline: timeline
                onFocusReturned: pane.focusReturned()
            }
        }
    }
}
