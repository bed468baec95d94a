pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// Compare (Ctrl+K): the same job run three ways in turn, blocking, callbacks and co_await, then
// stacked on one time axis, each with its figures, its responsiveness strip and its code; one
// playhead for all three (CompareBar.qml, CompareShortcuts.qml). All logic is CompareController's.
Frame {
    id: view

    required property CompareController compare
    readonly property alias bar: compareBar
    readonly property alias rows: rowRepeater

    // The shared axis: the longest run so far fits (unless the user zoomed a row).
    property real viewStart: 0
    property real viewDuration: view.fitDuration
    readonly property real fitDuration: {
        let end = Math.max(1e6, view.compare.endNs)
        const variants = view.compare.variants
        for (let i = 0; i < variants.length; ++i)
            end = Math.max(end, variants[i].view.nowNs)
        return end * 1.04
    }
    function fit(): void {
        view.viewStart = 0
        view.viewDuration = Qt.binding(() => view.fitDuration)
    }

    signal focusReturned

    padding: Theme.spacing / 2

    Connections {
        target: view.compare
        function onStateChanged(): void {
            if (view.compare.running && view.compare.current <= 0)
                view.fit() // a new compare starts fitted
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2

        // What runs now, or what this is; Run again and Leave.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "compareStatus"
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: view.compare.status
                color: view.compare.error.length > 0 ? Theme.colors.error : view.palette.windowText
                font.bold: true
                font.pixelSize: Theme.headingFontSize
            }
            Label {
                text: view.compare.virtualClock ? qsTr("simulated time (virtual clock)") : qsTr("run's clock")
                font.pixelSize: Theme.smallFontSize
                font.italic: true
                opacity: 0.7
            }
            Button {
                objectName: "compareAgain"
                focusPolicy: Qt.NoFocus
                enabled: !view.compare.running
                text: qsTr("Run again (R)")
                onClicked: view.compare.start()
            }
            Button {
                objectName: "compareLeave"
                focusPolicy: Qt.NoFocus
                text: qsTr("Leave (Esc)")
                onClicked: view.compare.leave()
            }
        }

        Repeater {
            id: rowRepeater
            model: view.compare.variants
            delegate: CompareRow {
                required property CompareVariant modelData
                Layout.fillWidth: true
                Layout.fillHeight: true
                compare: view.compare
                variant: modelData
                viewStart: view.viewStart
                viewDuration: view.viewDuration
                onViewAdjusted: (start, duration) => {
                    view.viewStart = start
                    view.viewDuration = duration
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 1
            color: view.palette.mid
        }
        CompareBar {
            id: compareBar
            objectName: "compareBar"
            Layout.fillWidth: true
            compare: view.compare
        }
    }

    NoticeBubble {
        id: notice
        objectName: "compareNotice"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.rowHeight * 2
        Connections {
            target: view.compare
            function onNotice(text: string): void {
                notice.show(text)
            }
        }
    }
}
