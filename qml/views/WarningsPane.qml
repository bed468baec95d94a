pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// Where the event loop was held longer than a frame: one row per hold (its task's lane, the line,
// the wall time it lasted, when in the run's time). The blocking scenario's holds are labelled
// deliberate; any other is a warning. Clicking a row selects the lane, centres the timeline on
// the hold and shows the line. W shows or hides this list.
Frame {
    id: pane

    required property RunController controller
    property TimelineItem timeline: null

    signal lineRequested(string file, int line)

    function jumpTo(task: int, beginNs: real, endNs: real, file: string, line: int): void {
        if (pane.timeline) {
            pane.timeline.selectedTask = task
            pane.timeline.revealTask(task)
            const zoom = pane.timeline.zoom
            const span = Math.max(endNs - beginNs, zoom.traceEnd / 20, 1e6)
            zoom.follow = false
            zoom.viewDuration = span * 3
            zoom.viewStart = Math.max(0, (beginNs + endNs) / 2 - span * 1.5)
        }
        if (line > 0)
            pane.lineRequested(file, line)
    }

    padding: Theme.padding

    WarningModel {
        id: warnings
        traceIndex: pane.controller.view.index
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 2

        Label {
            objectName: "warningsTitle"
            Layout.fillWidth: true
            elide: Text.ElideRight
            font.bold: true
            text: warnings.count === 0
                  ? qsTr("Loop held over a frame (%1 ms): never in this run (W hides)").arg(Core.holdThresholdMs.toFixed(1))
                  : qsTr("Loop held over a frame: %L1 times, %L2 unexpected (W hides)").arg(warnings.count).arg(warnings.unexpectedCount)
        }
        ListView {
            id: list
            objectName: "warningsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: warnings
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: row
                required property int index
                required property int taskId
                required property string taskName
                required property string file
                required property int line
                required property string label
                required property real wallNs
                required property real timeNs
                required property real beginNs
                required property bool deliberate

                objectName: "warningRow"
                width: list.width
                height: Theme.rowHeight
                focusPolicy: Qt.NoFocus
                padding: 2
                leftPadding: Theme.spacing
                contentItem: Label {
                    elide: Text.ElideRight
                    verticalAlignment: Text.AlignVCenter
                    color: row.deliberate ? pane.palette.windowText : Theme.colors.error
                    text: qsTr("%1  %2  held %3 at %4%5").arg(row.deliberate ? qsTr("deliberate") : qsTr("⚠"))
                          .arg(row.taskName)
                          .arg(pane.controller.formatDuration(row.wallNs))
                          .arg(pane.controller.formatDuration(row.timeNs))
                          .arg(row.line > 0 ? qsTr(", %1:%2").arg(row.file).arg(row.line) : "")
                }
                onClicked: pane.jumpTo(row.taskId, row.beginNs, row.timeNs, row.file, row.line)
            }
        }
    }
}
