pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The running scenario's C++ source, with the lines where tasks are suspended right now.
Frame {
    id: pane

    required property RunController controller

    // Shows the file where most tasks wait, until the user picks a tab (F follows again).
    property bool followBusiest: true

    signal linePicked(string file, int line)

    function showLine(file: string, line: int): void {
        const tab = pane.controller.view.sourceIndexOf(file)
        if (tab < 0)
            return
        pane.followBusiest = false
        tabs.currentIndex = tab
        source.selectedLine = line
        code.positionViewAtIndex(line - 1, ListView.Contain)
    }

    padding: 0

    SourceModel {
        id: source
        traceIndex: pane.controller.view.index
        fileName: pane.controller.view.sourceFiles[tabs.currentIndex] ?? ""
        // While following, keep the line where most tasks wait in view.
        onBusiestLineChanged: if (pane.followBusiest && source.busiestLine > 0) code.positionViewAtIndex(source.busiestLine - 1, ListView.Contain)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TabBar {
            id: tabs
            Layout.fillWidth: true

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
                    text: waiting > 0 ? qsTr("%1  ·  %2 waiting").arg(modelData).arg(waiting) : modelData
                    width: Math.max(200, implicitWidth)
                    onClicked: pane.followBusiest = false
                }
            }
        }

        ListView {
            id: code
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: source
            // No rows prepared off screen: a file switch resets the model, and a row still being
            // created then would be cancelled against the empty model (a Qt warning).
            cacheBuffer: 0
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            delegate: Rectangle {
                id: row
                required property int lineNumber
                required property string styledText
                required property int waiting
                required property bool blocking
                required property bool selected
                width: code.width
                height: Math.max(lineText.implicitHeight, badge.implicitHeight) + 4
                color: row.blocking ? Theme.colors.codeBlocking
                     : row.waiting > 0 ? Theme.colors.codeWaiting
                     : row.selected ? Theme.colors.codeSelected : "transparent"
                border.color: row.selected ? Theme.colors.codeSelectedBorder : "transparent"
                border.width: row.selected ? 2 : 0

                Text {
                    id: number
                    width: 44
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
                    anchors.leftMargin: 12
                    anchors.right: parent.right
                    anchors.rightMargin: 8
                    y: 2
                    textFormat: Text.StyledText
                    text: row.styledText
                    color: pane.palette.windowText
                    wrapMode: Text.Wrap
                    font.family: "monospace"
                    font.pixelSize: Theme.codeFontSize
                }
                Label {
                    id: badge
                    visible: row.waiting > 0
                    // After the code when it fits, else over the line's end.
                    x: Math.min(lineText.x + lineText.contentWidth + 16, row.width - width - 8)
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: 3
                    leftPadding: 8
                    rightPadding: 8
                    topPadding: 1
                    bottomPadding: 1
                    font.pixelSize: Theme.smallFontSize
                    font.bold: true
                    color: Theme.colors.onAccent
                    text: row.blocking ? qsTr("%1 blocking here").arg(row.waiting)
                                       : (row.waiting === 1 ? qsTr("1 task waiting here")
                                                            : qsTr("%1 tasks waiting here").arg(row.waiting))
                    background: Rectangle {
                        radius: height / 2
                        color: row.blocking ? Theme.colors.warning : Theme.colors.accent
                    }
                }
                TapHandler {
                    onTapped: {
                        source.selectedLine = row.lineNumber
                        pane.linePicked(source.fileName, row.lineNumber)
                    }
                }
            }
        }
    }
}
