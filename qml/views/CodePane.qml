pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The running scenario's source, following the run: the lines where tasks wait right now (with
// how many), the line a step just reached, and the lines where waits failed, timed out or were
// cancelled (hover for how many). Long lines wrap between tokens with a hanging indent, so the
// shape of the code survives a narrow pane.
Frame {
    id: pane

    required property RunController controller

    // Shows the file and line where most tasks wait (or the latest await, when paused or
    // stepping), until the user picks a tab or a line (F follows again).
    property bool followBusiest: true

    signal linePicked(string file, int line)
    signal focusReturned

    function showLine(file: string, line: int): void {
        const tab = pane.controller.view.sourceIndexOf(file)
        if (tab < 0)
            return
        pane.followBusiest = false
        tabs.currentIndex = tab
        source.selectedLine = line
        code.positionViewAtIndex(line - 1, ListView.Contain)
    }
    // The line the run is at: where most wait while it runs, the latest await when it stands.
    function followedLine(): int {
        // (At a time in the past, the busiest line then.)
        const stepping = (pane.controller.paused || !pane.controller.running) && pane.controller.view.playhead.live
        return stepping && source.latestLine > 0 ? source.latestLine : source.busiestLine
    }
    function follow(): void {
        const line = pane.followedLine()
        if (pane.followBusiest && line > 0)
            code.positionViewAtIndex(line - 1, ListView.Contain)
    }

    padding: 0

    SourceModel {
        id: source
        traceIndex: pane.controller.view.index
        fileName: pane.controller.view.sourceFiles[tabs.currentIndex] ?? ""
        // An opened file shows the source it kept (else the scenario's, from the resources).
        text: pane.controller.showsRecording ? pane.controller.recordedSource(source.fileName) : ""
        // The counts at the playhead's time when it is not live (timeNs: read again as it moves).
        atTime: !pane.controller.view.playhead.live
        waitingAtTime: source.atTime ? pane.controller.view.playhead.waitingAt(source.fileName, pane.controller.view.playhead.timeNs) : []
        blockingAtTime: source.atTime ? pane.controller.view.playhead.blockingAt(source.fileName, pane.controller.view.playhead.timeNs) : []
        onBusiestLineChanged: pane.follow()
        onLatestLineChanged: pane.follow()
        onModelReset: followLater.restart()
    }
    Connections {
        target: pane.controller
        function onStateChanged(): void {
            followLater.restart()
        }
    }
    // After the rows are laid out.
    Timer {
        id: followLater
        interval: 0
        onTriggered: pane.follow()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TabBar {
            id: tabs
            // Never wider than the pane (tabs that do not fit scroll, they do not spill over the
            // timeline).
            Layout.fillWidth: true
            Layout.maximumWidth: pane.availableWidth
            Layout.minimumWidth: 0
            clip: true
            focusPolicy: Qt.NoFocus

            Binding on currentIndex {
                when: pane.followBusiest
                value: pane.controller.view.busiestSource
            }
            Repeater {
                model: pane.controller.view.sourceFiles
                delegate: TabButton {
                    required property string modelData
                    required property int index
                    readonly property int waiting: pane.controller.view.sourceWaiting[index] ?? 0
                    focusPolicy: Qt.NoFocus
                    text: waiting > 0 ? qsTr("%1 · %L2 waiting").arg(modelData).arg(waiting) : modelData
                    width: implicitWidth
                    onClicked: pane.followBusiest = false
                }
            }
        }

        ListView {
            id: code
            objectName: "codeView"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: source
            // No rows prepared off screen: a file switch resets the model, and a row still being
            // created then would be cancelled against the empty model (a Qt warning).
            cacheBuffer: 0
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                focusPolicy: Qt.NoFocus
            }

            // A trace from another program keeps no source: say so instead of a blank pane.
            Label {
                objectName: "noSource"
                anchors.fill: parent
                anchors.margins: Theme.spacing
                visible: code.count === 0 && pane.controller.showsRecording
                wrapMode: Text.WordWrap
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: Text.AlignHCenter
                opacity: 0.75
                text: pane.controller.showsForeignTrace
                      ? qsTr("No source code: this trace comes from another program.\n\nIts lanes are the threads and async tracks it names, its bars are its slices. Hover a bar for its name and times.")
                      : qsTr("This file keeps no source code (a Chrome trace export has none; a saved recording keeps it).")
            }

            // One column of the code font: the unit of the hanging indent.
            TextMetrics {
                id: column
                font.family: "monospace"
                font.pixelSize: Theme.codeFontSize
                text: "m"
            }

            delegate: Rectangle {
                id: row
                required property int lineNumber
                required property string styledText
                required property int indent
                required property int waiting
                required property bool blocking
                required property bool selected
                required property int failures
                required property string failureText
                readonly property bool atLine: pane.controller.paused && source.latestLine === row.lineNumber
                width: code.width
                height: Math.max(lineText.implicitHeight, badges.implicitHeight) + 4
                color: row.blocking ? Theme.colors.codeBlocking
                     : row.waiting > 0 ? Theme.colors.codeWaiting
                     : row.failures > 0 ? Theme.colors.codeFailed
                     : row.selected ? Theme.colors.codeSelected : "transparent"
                border.color: row.selected || row.atLine ? Theme.colors.codeSelectedBorder : "transparent"
                border.width: row.selected || row.atLine ? 2 : 0

                Text {
                    id: number
                    width: 3.2 * Theme.codeFontSize
                    y: 2
                    horizontalAlignment: Text.AlignRight
                    text: row.lineNumber
                    color: pane.palette.windowText
                    opacity: 0.45
                    font.family: "monospace"
                    font.pixelSize: Theme.codeFontSize
                }
                Text {
                    id: lineText
                    anchors.left: number.right
                    anchors.leftMargin: Theme.spacing
                    anchors.right: badges.left
                    anchors.rightMargin: Theme.spacing
                    y: 2
                    // The indentation is a padding: wrapped parts start under the code, not at 0.
                    leftPadding: row.indent * column.advanceWidth
                    textFormat: Text.StyledText
                    text: row.styledText
                    color: pane.palette.windowText
                    // Between words where it can; inside one only when a single word is wider
                    // than the pane (presenter text on a projector): never past the pane's edge,
                    // where WordWrap cut off what did not fit.
                    wrapMode: Text.Wrap
                    font.family: "monospace"
                    font.pixelSize: Theme.codeFontSize
                }
                Column {
                    id: badges
                    anchors.right: parent.right
                    anchors.rightMargin: Theme.spacing
                    y: 2
                    spacing: 2
                    width: Math.max(waitBadge.visible ? waitBadge.implicitWidth : 0,
                                    failBadge.visible ? failBadge.implicitWidth : 0)
                    Label {
                        id: waitBadge
                        visible: row.waiting > 0
                        leftPadding: 8
                        rightPadding: 8
                        font.pixelSize: Theme.smallFontSize
                        font.bold: true
                        color: Theme.colors.onAccent
                        text: row.blocking ? qsTr("%L1 blocking").arg(row.waiting)
                                           : qsTr("%L1 waiting").arg(row.waiting)
                        background: Rectangle {
                            radius: height / 2
                            color: row.blocking ? Theme.colors.warning : Theme.colors.accent
                        }
                    }
                    Label {
                        id: failBadge
                        visible: row.failures > 0
                        leftPadding: 8
                        rightPadding: 8
                        font.pixelSize: Theme.smallFontSize
                        font.bold: true
                        color: Theme.colors.onAccent
                        // A cross, like the timeline's failure mark: not colour alone.
                        text: qsTr("✕ %L1").arg(row.failures)
                        background: Rectangle {
                            radius: height / 2
                            color: Theme.colors.error
                        }
                        HoverHandler {
                            id: failHover
                        }
                        ToolTip.visible: failHover.hovered
                        ToolTip.text: qsTr("Waits on this line: %1").arg(row.failureText)
                    }
                }
                TapHandler {
                    onTapped: {
                        source.selectedLine = row.lineNumber
                        pane.linePicked(source.fileName, row.lineNumber)
                        pane.focusReturned()
                    }
                }
            }
        }
    }
}
