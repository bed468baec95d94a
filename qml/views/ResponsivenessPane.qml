import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// Is the window still alive? Frame times, event-loop lag, a heartbeat and something to poke.
Frame {
    id: pane

    required property ResponsivenessMonitor monitor
    property bool blocking: false

    RowLayout {
        anchors.fill: parent
        spacing: 16

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Label {
                text: qsTr("Frame time  %1 ms  (%2 fps)").arg(pane.monitor.frameMs.toFixed(1)).arg(pane.monitor.fps.toFixed(0))
                font.bold: true
            }
            SeriesGraph {
                Layout.fillWidth: true
                Layout.fillHeight: true
                monitor: pane.monitor
                series: ResponsivenessMonitor.Frames
                maxMs: 50
                thresholdMs: 25
                color: Theme.colors.framesGraph
                warningColor: Theme.colors.error
                gridColor: pane.palette.windowText
            }
            Label {
                text: qsTr("worst of the last second: %1 ms · line: 25 ms").arg(pane.monitor.recentMaxFrameMs.toFixed(1))
                font.pixelSize: Theme.smallFontSize
                opacity: 0.8
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Label {
                text: qsTr("Event-loop lag  %1 ms").arg(pane.monitor.lagMs.toFixed(1))
                font.bold: true
            }
            SeriesGraph {
                Layout.fillWidth: true
                Layout.fillHeight: true
                monitor: pane.monitor
                series: ResponsivenessMonitor.Lag
                maxMs: 100
                thresholdMs: 10
                color: Theme.colors.lagGraph
                warningColor: Theme.colors.error
                gridColor: pane.palette.windowText
            }
            Label {
                text: qsTr("worst of the last second: %1 ms · line: 10 ms").arg(pane.monitor.recentMaxLagMs.toFixed(1))
                font.pixelSize: Theme.smallFontSize
                opacity: 0.8
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 120
            Layout.fillHeight: true
            Label {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Heartbeat")
                font.bold: true
            }
            Heartbeat {
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: 96
                Layout.preferredHeight: 96
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 260
            Layout.fillHeight: true
            Label {
                text: pane.blocking ? qsTr("Try me: I will freeze") : qsTr("Try me while it runs")
                font.bold: true
            }
            Slider {
                id: poke
                Layout.fillWidth: true
                from: 0
                to: 100
                value: 30
            }
            Label {
                text: qsTr("slider at %1").arg(poke.value.toFixed(0))
                font.pixelSize: Theme.smallFontSize
            }
            Button {
                id: clicker
                property int clicks: 0
                Layout.fillWidth: true
                text: qsTr("Clicked %1 times").arg(clicker.clicks)
                onClicked: clicker.clicks += 1
            }
        }
    }
}
