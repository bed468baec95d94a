pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The lanes: names on the left (the task tree), the timeline on the right, a time axis on top.
Frame {
    id: pane

    required property RunController controller
    readonly property alias timeline: timeline
    readonly property int namesWidth: 250

    signal awaitClicked(string file, int line)

    function highlight(file: string, line: int): void {
        timeline.highlightFile = file
        timeline.highlightLine = line
    }

    padding: 0

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Header: legend and follow state on the left, the time axis over the lanes.
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: false
            Layout.preferredHeight: 36
            Layout.maximumHeight: 36
            spacing: 0

            RowLayout {
                Layout.preferredWidth: pane.namesWidth
                Layout.maximumWidth: pane.namesWidth
                Layout.fillWidth: false
                Layout.fillHeight: true
                spacing: 6
                Label {
                    Layout.leftMargin: 8
                    text: qsTr("%1 lanes").arg(pane.controller.view.lanes.count)
                    font.bold: true
                }
                Item { Layout.fillWidth: true }
                Button {
                    flat: true
                    checkable: true
                    checked: timeline.zoom.follow
                    text: timeline.zoom.follow ? qsTr("● live") : qsTr("○ follow (F)")
                    onToggled: timeline.zoom.follow = checked
                    font.pixelSize: Theme.smallFontSize
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
                        x: labelX + 4
                        y: (axis.height - height) / 2
                        text: labelText
                        color: pane.palette.windowText
                        font.pixelSize: Theme.smallFontSize
                        opacity: 0.8
                    }
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
                delegate: Item {
                    id: lane
                    required property int index
                    required property int taskId
                    required property string name
                    required property int depth
                    required property int childCount
                    required property bool expanded
                    required property string outcome
                    width: names.width
                    height: timeline.rowHeight

                    Rectangle {
                        anchors.fill: parent
                        color: lane.taskId === timeline.selectedTask ? pane.palette.highlight : "transparent"
                        opacity: 0.25
                    }
                    Label {
                        id: arrow
                        x: 6 + Math.min(lane.depth, 8) * 14
                        anchors.verticalCenter: parent.verticalCenter
                        width: 18
                        text: lane.childCount > 0 ? (lane.expanded ? "▾" : "▸") : ""
                        TapHandler {
                            onTapped: pane.controller.view.lanes.toggleExpanded(lane.index)
                        }
                    }
                    Label {
                        anchors.left: arrow.right
                        anchors.right: parent.right
                        anchors.rightMargin: 6
                        anchors.verticalCenter: parent.verticalCenter
                        elide: Text.ElideRight
                        font.pixelSize: Theme.codeFontSize
                        font.strikeout: lane.outcome === Core.outcomeCancelled
                        color: lane.outcome === Core.outcomeError ? Theme.colors.error : pane.palette.windowText
                        opacity: lane.outcome === Core.outcomeRunning ? 1.0 : 0.7
                        text: lane.childCount > 0 && !lane.expanded
                              ? qsTr("%1  [%2 tasks]").arg(lane.name).arg(lane.childCount) : lane.name
                    }
                    TapHandler {
                        onTapped: timeline.selectedTask = lane.taskId
                        onDoubleTapped: pane.controller.view.lanes.toggleExpanded(lane.index)
                    }
                    // Cancel the selected task: it unwinds from its await, with its children.
                    // (Loaded on demand: a button in every lane would slow down a run's start.)
                    Loader {
                        anchors.right: parent.right
                        anchors.rightMargin: 4
                        anchors.verticalCenter: parent.verticalCenter
                        active: lane.taskId === timeline.selectedTask && lane.outcome === Core.outcomeRunning
                                && pane.controller.running
                        sourceComponent: Button {
                            height: lane.height - 4
                            text: qsTr("Cancel")
                            font.pixelSize: Theme.tinyFontSize
                            onClicked: pane.controller.cancelTask(lane.taskId)
                        }
                    }
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
                    anchors.fill: parent
                    laneModel: pane.controller.view.lanes
                    zoom.playhead: pane.controller.view.nowNs
                    rowHeight: Theme.rowHeight
                    onTaskClicked: (task, file, line) => pane.awaitClicked(file, line)
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
                }

                Rectangle {
                    visible: timeline.hovering
                    x: Math.min(timeline.hoverX + 18, parent.width - width - 4)
                    y: Math.min(timeline.hoverY + 18, parent.height - height - 4)
                    width: hoverLabel.implicitWidth + 20
                    height: hoverLabel.implicitHeight + 14
                    radius: 6
                    color: pane.palette.toolTipBase
                    border.color: pane.palette.mid
                    Label {
                        id: hoverLabel
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
                policy: ScrollBar.AlwaysOn
                size: timeline.contentHeight > 0 ? Math.min(1, timeline.height / timeline.contentHeight) : 1
                position: timeline.contentHeight > 0 ? timeline.contentY / timeline.contentHeight : 0
                onPositionChanged: if (pressed) timeline.contentY = position * timeline.contentHeight
            }
        }
    }
}
