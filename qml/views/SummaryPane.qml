pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The run in figures; the last line is the point of async: awaited time against run time. The
// figures flow: two columns beside the graphs, one or two rows under them on a narrow screen.
Frame {
    id: pane

    required property RunController controller
    readonly property RunView view: pane.controller.view
    // A trace from another program has tracks and slices, on its own clock, not tasks and awaits.
    readonly property bool foreign: pane.controller.showsForeignTrace

    // Wide enough for two figures a row.
    Layout.minimumWidth: 18 * Theme.fontSize
    implicitHeight: content.implicitHeight + topPadding + bottomPadding

    component Figure: Row {
        id: figure
        required property string name
        required property string value
        property color valueColor: pane.palette.windowText
        width: Math.max(implicitWidth, 8 * Theme.fontSize)
        spacing: Theme.spacing
        Label {
            text: figure.name
            opacity: 0.75
        }
        Label {
            text: figure.value
            font.bold: true
            color: figure.valueColor
        }
    }

    ColumnLayout {
        id: content
        anchors.fill: parent
        spacing: Theme.spacing / 2

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Figure {
                name: pane.foreign ? qsTr("Open") : qsTr("Running")
                value: pane.view.runningTasks.toLocaleString(Qt.locale(), "f", 0)
            }
            Figure {
                name: pane.foreign ? qsTr("In a slice") : qsTr("Waiting")
                value: pane.view.suspendedTasks.toLocaleString(Qt.locale(), "f", 0)
                valueColor: Theme.colors.accent
            }
            Figure {
                name: qsTr("Done")
                value: pane.view.doneTasks.toLocaleString(Qt.locale(), "f", 0)
            }
            Figure {
                name: qsTr("Failed")
                value: pane.view.failedTasks + (pane.view.cancelledTasks > 0 ? qsTr(" +%1 cancelled").arg(pane.view.cancelledTasks) : "")
                valueColor: pane.view.failedTasks > 0 ? Theme.colors.error : pane.palette.windowText
            }
            Figure {
                name: pane.foreign ? qsTr("Slices") : qsTr("Awaits")
                value: pane.view.awaits.toLocaleString(Qt.locale(), "f", 0)
            }
            Figure {
                name: pane.foreign ? qsTr("Time") : qsTr("Sim. time")
                value: pane.controller.formatDuration(pane.view.elapsedNs)
            }
        }
        // (In presenter mode the captions say it.)
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: pane.view.awaitedNs > 0 && !ViewSettings.presenter
            text: (pane.foreign ? qsTr("%1 in slices over %2: %3 at once on average")
                                : qsTr("%1 of waiting fitted in %2: %3 waits at once on average"))
                .arg(pane.controller.formatDuration(pane.view.awaitedNs))
                .arg(pane.controller.formatDuration(pane.view.elapsedNs))
                .arg(pane.view.concurrency > 0 && pane.view.concurrency < 0.05 ? qsTr("under 0.1")
                     : pane.view.concurrency >= 100 ? pane.view.concurrency.toLocaleString(Qt.locale(), "f", 0)
                     : pane.view.concurrency.toFixed(1))
        }
        Label {
            objectName: "runState"
            Layout.fillWidth: true
            elide: Text.ElideRight
            text: pane.controller.stopping ? qsTr("■ stopping: %L1 tasks unwinding").arg(pane.view.runningTasks)
                : pane.controller.paused ? qsTr("‖ paused (Space resumes, S steps)")
                : pane.controller.running ? qsTr("▶ running") : pane.controller.finished ? qsTr("✓ finished") : qsTr("idle")
            font.bold: true
        }
    }
}
