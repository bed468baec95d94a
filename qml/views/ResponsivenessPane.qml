import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// Is the window still alive? Frame times and event-loop lag, measured on the wall clock (not
// the run's simulated one), a heartbeat and something to poke. The lag graph's scale grows to
// the largest lag it shows, and the run's longest freeze stays written under it.
Frame {
    id: pane

    required property ResponsivenessMonitor monitor
    property bool blocking: false
    property real longestHoldNs: 0
    property string longestHoldText: ""

    // A scale that reaches the largest sample: 100 ms, then 250, 500, 1 s, 2.5 s, 5 s...
    function niceScale(ms: real, least: real): real {
        if (ms <= least)
            return least
        for (let decade = 100; decade < 1e8; decade *= 10) {
            for (const k of [1, 2.5, 5]) {
                if (k * decade >= ms)
                    return Math.max(k * decade, least)
            }
        }
        return ms
    }

    Layout.minimumWidth: 27 * Theme.fontSize
    padding: Theme.padding

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing * 2

        ColumnLayout {
            Layout.fillWidth: true
            Layout.minimumWidth: 8 * Theme.fontSize
            Layout.fillHeight: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Frame time %1 ms (%2 fps)").arg(pane.monitor.frameMs.toFixed(1)).arg(pane.monitor.fps.toFixed(0))
                font.bold: true
            }
            SeriesGraph {
                Layout.fillWidth: true
                Layout.fillHeight: true
                monitor: pane.monitor
                series: ResponsivenessMonitor.Frames
                maxMs: pane.niceScale(pane.monitor.shownMaxFrameMs, 50)
                thresholdMs: 25
                color: Theme.colors.framesGraph
                warningColor: Theme.colors.error
                gridColor: pane.palette.windowText
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("wall clock · 0–%1 ms").arg(pane.niceScale(pane.monitor.shownMaxFrameMs, 50))
                font.pixelSize: Theme.smallFontSize
                opacity: 0.8
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.minimumWidth: 8 * Theme.fontSize
            Layout.fillHeight: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Event-loop lag %1 ms").arg(pane.monitor.lagMs.toFixed(1))
                font.bold: true
            }
            SeriesGraph {
                Layout.fillWidth: true
                Layout.fillHeight: true
                monitor: pane.monitor
                series: ResponsivenessMonitor.Lag
                maxMs: pane.niceScale(pane.monitor.shownMaxLagMs, 100)
                thresholdMs: 10
                color: Theme.colors.lagGraph
                warningColor: Theme.colors.error
                gridColor: pane.palette.windowText
            }
            Label {
                objectName: "freezeLabel"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: pane.longestHoldNs > 0
                      ? qsTr("longest freeze this run: %1 (wall)").arg(pane.longestHoldText)
                      : qsTr("wall clock · 0–%1 ms").arg(pane.niceScale(pane.monitor.shownMaxLagMs, 100))
                color: pane.longestHoldNs > 0 ? Theme.colors.hold : pane.palette.windowText
                font.bold: pane.longestHoldNs > 0
                font.pixelSize: Theme.smallFontSize
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 11 * Theme.fontSize
            Layout.minimumWidth: 9 * Theme.fontSize
            Layout.fillHeight: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                Heartbeat {
                    Layout.preferredWidth: 2.5 * Theme.fontSize
                    Layout.preferredHeight: 2.5 * Theme.fontSize
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: pane.blocking ? qsTr("Try me: I will freeze") : qsTr("Try me while it runs")
                    font.bold: true
                }
            }
            Slider {
                id: poke
                objectName: "pokeSlider"
                Layout.fillWidth: true
                focusPolicy: Qt.NoFocus
                from: 0
                to: 100
                value: 30
            }
            Button {
                id: clicker
                objectName: "pokeButton"
                property int clicks: 0
                Layout.fillWidth: true
                focusPolicy: Qt.NoFocus
                text: qsTr("Clicked %1×").arg(clicker.clicks)
                onClicked: clicker.clicks += 1
            }
        }
    }
}
