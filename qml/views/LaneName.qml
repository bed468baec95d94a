pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Awaitscope

// One row of the names column: a task's name (indented by depth, with its outcome), or, in the
// further rows of a tall lane, the legend of its density: the scale and one swatch per line.
Item {
    id: lane

    required property int index
    required property int taskId
    required property string name
    required property int depth
    required property int childCount
    required property bool expanded
    required property string outcome
    required property int spanRow
    required property TimelineItem timeline
    required property RunController controller

    signal menuRequested

    // The legend of a tall lane, asked once per row (it changes only when sites appear).
    // (Read again as the peak moves: new lines may have appeared.)
    readonly property var legend: lane.spanRow > 0 && lane.timeline.densityPeak >= 0
                                  ? lane.controller.view.lanes.densityLegend(lane.index) : []

    Rectangle {
        anchors.fill: parent
        color: lane.taskId === lane.timeline.selectedTask ? lane.palette.highlight : "transparent"
        opacity: 0.25
    }

    // The first row: the task itself.
    Item {
        anchors.fill: parent
        visible: lane.spanRow === 0

        Label {
            id: arrow
            x: Theme.spacing + Math.min(lane.depth, 8) * Theme.fontSize
            anchors.verticalCenter: parent.verticalCenter
            width: Theme.fontSize * 1.2
            text: lane.childCount > 0 ? (lane.expanded ? "▾" : "▸") : ""
            TapHandler {
                onTapped: lane.controller.view.lanes.toggleExpanded(lane.index)
            }
        }
        Label {
            anchors.left: arrow.right
            anchors.right: cancelledTag.visible ? cancelledTag.left : parent.right
            anchors.rightMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            elide: Text.ElideRight
            font.pixelSize: Theme.codeFontSize
            font.strikeout: lane.outcome === Core.outcomeCancelled
            color: lane.outcome === Core.outcomeError ? Theme.colors.error : lane.palette.windowText
            opacity: lane.outcome === Core.outcomeRunning ? 1.0 : 0.7
            text: lane.childCount > 0 && !lane.expanded
                  ? qsTr("%1  [%L2 tasks]").arg(lane.name).arg(lane.childCount) : lane.name
        }
        // The lane says how it ended when it was cancelled (Delete, its menu, or a stop).
        Label {
            id: cancelledTag
            objectName: "cancelledTag"
            visible: lane.outcome === Core.outcomeCancelled
            anchors.right: parent.right
            anchors.rightMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("cancelled")
            font.pixelSize: Theme.smallFontSize
            font.italic: true
            color: Theme.colors.cancelled
        }
    }

    // Further rows of a tall lane: the scale, then the lines its tasks wait on.
    Label {
        visible: lane.spanRow === 1
        anchors.left: parent.left
        anchors.leftMargin: Theme.spacing * 2
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        elide: Text.ElideRight
        font.pixelSize: Theme.smallFontSize
        text: qsTr("waiting at once, top = %L1").arg(lane.timeline.densityPeak)
    }
    // One line of the legend a row: rows 2 to 5 (the last says how many more there are).
    Row {
        id: entry
        readonly property int at: lane.spanRow - 2
        readonly property var site: entry.at >= 0 && entry.at < lane.legend.length ? lane.legend[entry.at] : null
        visible: entry.site !== null
        anchors.left: parent.left
        anchors.leftMargin: Theme.spacing * 2
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.spacing / 2
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: Theme.smallFontSize
            height: Theme.smallFontSize
            color: Theme.densityColor(entry.site ? entry.site.channel : 0)
        }
        Label {
            width: parent.width - Theme.smallFontSize - Theme.spacing / 2
            elide: Text.ElideRight
            font.pixelSize: Theme.smallFontSize
            text: !entry.site ? "" : entry.at === 3 && lane.legend.length > 4
                  ? qsTr("%1 more lines").arg(lane.legend.length - 3) : entry.site.label
        }
    }

    TapHandler {
        onTapped: {
            lane.timeline.selectedTask = lane.taskId
            lane.timeline.forceActiveFocus()
        }
        onDoubleTapped: lane.controller.view.lanes.toggleExpanded(lane.index)
    }
    // Right click: select the lane and ask for the lanes' menu (TimelinePane's: cancel the task).
    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: {
            lane.timeline.selectedTask = lane.taskId
            lane.menuRequested()
        }
    }
    // Cancel the selected task: it unwinds from its await, with its children. (Made here, not
    // in a Loader: a bound component cannot be loaded inside a view's delegate in Qt 6.4.)
    Button {
        anchors.right: parent.right
        anchors.rightMargin: 4
        anchors.verticalCenter: parent.verticalCenter
        visible: lane.spanRow === 0 && lane.taskId === lane.timeline.selectedTask
                 && lane.outcome === Core.outcomeRunning && lane.controller.running
        focusPolicy: Qt.NoFocus
        height: lane.height - 4
        text: qsTr("Cancel")
        font.pixelSize: Theme.tinyFontSize
        onClicked: lane.controller.cancelTask(lane.taskId)
    }
}
