import QtQuick
import Awaitscope

// A heart that beats and a hand that turns, driven by the GUI thread's animation timer (not an
// Animator, which would keep turning on the render thread): when the event loop is held, both stop.
Item {
    id: heart

    property color color: Theme.colors.heartbeat

    implicitWidth: 96
    implicitHeight: 96

    Rectangle {
        id: dial
        anchors.centerIn: parent
        width: Math.min(heart.width, heart.height) - 4
        height: width
        radius: width / 2
        color: "transparent"
        border.color: heart.color
        border.width: 3
        opacity: 0.6
    }
    Rectangle {
        id: hand
        x: dial.x + dial.width / 2 - width / 2
        y: dial.y + 6
        width: 4
        height: dial.height / 2 - 6
        radius: 2
        color: heart.color
        transformOrigin: Item.Bottom

        NumberAnimation on rotation {
            from: 0
            to: 360
            duration: 2000
            loops: Animation.Infinite
            running: true
        }
    }
    Rectangle {
        id: beat
        anchors.centerIn: parent
        width: dial.width * 0.35
        height: width
        radius: width / 2
        color: heart.color

        SequentialAnimation on scale {
            loops: Animation.Infinite
            running: true
            NumberAnimation {
                from: 0.7
                to: 1.15
                duration: 180
                easing.type: Easing.OutQuad
            }
            NumberAnimation {
                from: 1.15
                to: 0.7
                duration: 520
                easing.type: Easing.InQuad
            }
        }
    }
}
