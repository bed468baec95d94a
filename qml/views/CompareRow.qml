pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// One of Compare's three recordings: its name and figures, its lanes on the shared time axis
// with the loop lag and frame times recorded during its own run under them, and its code beside
// them with the lines waiting at the time shown.
Frame {
    id: row

    required property CompareController compare
    required property CompareVariant variant
    // The shared time axis (CompareView.qml).
    required property real viewStart
    required property real viewDuration
    readonly property alias timeline: timeline
    readonly property alias strip: strip
    readonly property Playhead playhead: row.variant.view.playhead

    // The user zoomed or panned this row: every row follows (CompareView.qml).
    signal viewAdjusted(real start, real duration)

    padding: Theme.spacing / 2

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        // Which variant, how long it took, how long it held the loop.
        ColumnLayout {
            Layout.preferredWidth: 9 * Theme.fontSize
            Layout.maximumWidth: 9 * Theme.fontSize
            Layout.fillHeight: true
            spacing: Theme.spacing / 4
            Label {
                objectName: "compareName"
                Layout.fillWidth: true
                text: row.variant.title
                font.bold: true
                font.pixelSize: Theme.headingFontSize
                elide: Text.ElideRight
            }
            Label {
                objectName: "compareHow"
                Layout.fillWidth: true
                text: row.variant.how
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                font.pixelSize: Theme.smallFontSize
                opacity: 0.8
            }
            Label {
                objectName: "compareTotal"
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: row.variant.finished ? row.compare.formatDuration(row.variant.totalNs)
                    : row.variant.running ? qsTr("running…") : qsTr("waiting")
                font.bold: row.variant.finished
                font.pixelSize: Theme.titleFontSize
                color: row.variant.running ? Theme.colors.accent : row.palette.windowText
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                visible: row.variant.finished
                text: row.compare.virtualClock ? qsTr("total, simulated") : qsTr("total, run's clock")
                font.pixelSize: Theme.smallFontSize
                font.italic: true
                opacity: 0.7
            }
            Label {
                objectName: "compareHold"
                Layout.fillWidth: true
                elide: Text.ElideRight
                visible: row.variant.finished
                text: row.variant.longestHoldNs > 0 ? qsTr("loop held %1").arg(row.compare.formatDuration(row.variant.longestHoldNs))
                                                    : qsTr("loop never held")
                color: row.variant.longestHoldNs > 0 ? Theme.colors.hold : row.palette.windowText
                font.pixelSize: Theme.smallFontSize
                font.bold: row.variant.longestHoldNs > 0
            }
            Item {
                Layout.fillHeight: true
            }
        }

        // The lanes, and the responsiveness strip under them, on the shared axis.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing / 4

            TimelineItem {
                id: timeline
                objectName: "compareTimeline"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                laneModel: row.variant.view.lanes
                rowHeight: Theme.rowHeight * 0.6
                zoom.follow: false
                zoom.playhead: row.variant.view.nowNs
                zoom.viewStart: row.viewStart
                zoom.viewDuration: row.viewDuration
                // (Once the bindings have settled: a change of the shared axis passes through
                // here too, its start and its duration one after the other.)
                Timer {
                    id: propagate
                    interval: 0
                    onTriggered: {
                        if (timeline.zoom.viewStart !== row.viewStart || timeline.zoom.viewDuration !== row.viewDuration)
                            row.viewAdjusted(timeline.zoom.viewStart, timeline.zoom.viewDuration)
                    }
                }
                Connections {
                    target: timeline.zoom
                    function onViewChanged(): void {
                        propagate.restart()
                    }
                }
            }
            // (As wide as the timeline: the same axis. Its legend sits over its top right.)
            Item {
                Layout.fillWidth: true
                Layout.fillHeight: false
                Layout.preferredHeight: Theme.rowHeight * 1.4
                Layout.maximumHeight: Theme.rowHeight * 1.4
                ResponsivenessStrip {
                    id: strip
                    objectName: "compareStrip"
                    anchors.fill: parent
                    variant: row.variant
                    zoom: timeline.zoom
                    maxMs: row.compare.stripScaleMs
                    lagColor: Theme.colors.lagGraph
                    frameColor: Theme.colors.framesGraph
                    warningColor: Theme.colors.hold
                    gridColor: Theme.colors.gridLine
                }
                // Press or drag on the strip: all three go to that time (as on the bar below).
                MouseArea {
                    objectName: "compareStripScrub"
                    anchors.fill: parent
                    enabled: row.compare.finished
                    preventStealing: true
                    function seekTo(x: real): void {
                        row.compare.seek(timeline.zoom.viewStart + x / width * timeline.zoom.viewDuration)
                    }
                    onPressed: (mouse) => seekTo(mouse.x)
                    onPositionChanged: (mouse) => seekTo(mouse.x)
                }
                Label {
                    anchors.right: parent.right
                    anchors.top: parent.top
                    text: row.variant.maxLagMs > 0 ? qsTr("loop lag, frames: ≤ %1 ms").arg(Math.round(row.variant.maxLagMs))
                                                   : qsTr("loop lag, frames")
                    font.pixelSize: Theme.tinyFontSize
                    font.bold: row.variant.maxLagMs > strip.thresholdMs
                    color: row.variant.maxLagMs > strip.thresholdMs ? Theme.colors.hold : row.palette.windowText
                    leftPadding: Theme.spacing / 2
                    rightPadding: Theme.spacing / 2
                    // (Readable over a tall bar.)
                    background: Rectangle {
                        color: row.palette.window
                        opacity: 0.85
                    }
                }
            }
        }

        // Its code, compact: the lines where its tasks wait at the time shown.
        ListView {
            id: code
            objectName: "compareCode"
            Layout.preferredWidth: Math.max(14 * Theme.fontSize, row.width * 0.3)
            Layout.fillHeight: true
            clip: true
            cacheBuffer: 0
            boundsBehavior: Flickable.StopAtBounds
            model: SourceModel {
                id: source
                traceIndex: row.variant.view.index
                fileName: row.variant.sourceFile
                atTime: true
                waitingAtTime: source.atTime ? row.playhead.waitingAt(source.fileName, row.playhead.timeNs) : []
                blockingAtTime: source.atTime ? row.playhead.blockingAt(source.fileName, row.playhead.timeNs) : []
                onBusiestLineChanged: if (source.busiestLine > 0) code.positionViewAtIndex(source.busiestLine - 1, ListView.Center)
            }
            ScrollBar.vertical: ScrollBar {
                focusPolicy: Qt.NoFocus
            }
            delegate: Rectangle {
                id: line
                required property int lineNumber
                required property string styledText
                required property int indent
                required property int waiting
                required property bool blocking
                width: code.width
                height: lineText.implicitHeight + Theme.spacing / 4
                color: line.blocking ? Theme.colors.codeBlocking
                     : line.waiting > 0 ? Theme.colors.codeWaiting : "transparent"
                Text {
                    id: lineText
                    x: Theme.spacing / 2
                    width: parent.width - x - (badge.visible ? badge.implicitWidth : 0) - Theme.spacing
                    text: "&nbsp;".repeat(Math.ceil(line.indent / 2)) + line.styledText
                    textFormat: Text.StyledText
                    elide: Text.ElideRight
                    color: row.palette.windowText
                    font.family: "monospace"
                    font.pixelSize: Theme.tinyFontSize
                }
                Label {
                    id: badge
                    anchors.right: parent.right
                    anchors.rightMargin: Theme.spacing / 2
                    visible: line.waiting > 0
                    leftPadding: Theme.spacing / 2
                    rightPadding: Theme.spacing / 2
                    text: line.waiting
                    font.pixelSize: Theme.tinyFontSize
                    font.bold: true
                    color: Theme.colors.onAccent
                    background: Rectangle {
                        radius: height / 2
                        color: line.blocking ? Theme.colors.warning : Theme.colors.accent
                    }
                }
            }
        }
    }
}
