import QtQuick
import QtQuick.Controls
import Awaitscope

// A short message over the lanes (what a cancel did), gone after a few seconds.
Rectangle {
    id: bubble

    property alias text: label.text

    function show(message: string): void {
        label.text = message
        bubble.visible = true
        hideTimer.restart()
    }

    visible: false
    width: Math.min(label.implicitWidth + 2 * Theme.padding, parent ? parent.width - 2 * Theme.spacing : label.implicitWidth)
    height: label.implicitHeight + Theme.padding
    radius: Theme.spacing / 2
    color: Theme.colors.caption

    Label {
        id: label
        objectName: "noticeText"
        anchors.fill: parent
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        color: Theme.colors.captionText
    }
    Timer {
        id: hideTimer
        interval: 3000
        onTriggered: bubble.visible = false
    }
}
