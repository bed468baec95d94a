import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The run in figures; the last line is the point of async: awaited time against wall time.
Frame {
    id: pane

    required property RunController controller

    GridLayout {
        anchors.fill: parent
        columns: 4
        columnSpacing: 18
        rowSpacing: 4

        Label { text: qsTr("Running"); opacity: 0.75 }
        Label { text: pane.controller.view.runningTasks; font.bold: true }
        Label { text: qsTr("Suspended"); opacity: 0.75 }
        Label { text: pane.controller.view.suspendedTasks; font.bold: true; color: Theme.colors.accent }

        Label { text: qsTr("Done"); opacity: 0.75 }
        Label { text: pane.controller.view.doneTasks; font.bold: true }
        Label { text: qsTr("Failed"); opacity: 0.75 }
        Label {
            text: pane.controller.view.failedTasks + (pane.controller.view.cancelledTasks > 0 ? qsTr(" (+%1 cancelled)").arg(pane.controller.view.cancelledTasks) : "")
            font.bold: true
            color: pane.controller.view.failedTasks > 0 ? Theme.colors.error : pane.palette.windowText
        }

        Label { text: qsTr("Awaits"); opacity: 0.75 }
        Label { text: pane.controller.view.awaits; font.bold: true }
        Label { text: qsTr("Elapsed (sim.)"); opacity: 0.75 }
        Label { text: pane.controller.formatDuration(pane.controller.view.nowNs); font.bold: true }

        Label {
            Layout.columnSpan: 4
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Awaited in all: %1 during %2 of run time: %3 waits overlapped on average")
                .arg(pane.controller.formatDuration(pane.controller.view.awaitedNs))
                .arg(pane.controller.formatDuration(pane.controller.view.nowNs))
                .arg(pane.controller.view.concurrency.toFixed(1))
        }
        Label {
            Layout.columnSpan: 4
            text: pane.controller.stopping ? qsTr("■ stopping: %L1 tasks unwinding").arg(pane.controller.view.runningTasks)
                : pane.controller.paused ? qsTr("⏸ paused (Space resumes, S steps)")
                : pane.controller.running ? qsTr("▶ running") : pane.controller.finished ? qsTr("✓ finished") : qsTr("idle")
            font.bold: true
        }
    }
}
