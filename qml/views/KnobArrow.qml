import QtQuick
import QtQuick.Controls
import Awaitscope

// One of a Knob's two step buttons (up on top, down below, at the box's end), its arrow drawn
// as text in the control's palette. SpinBox disables it at the end of the range.
Rectangle {
    id: arrow

    required property SpinBox control
    required property bool pressed
    required property bool up

    x: control.mirrored ? 0 : control.width - width
    y: up ? 0 : control.height / 2
    implicitWidth: Math.round(Theme.fontSize * 1.4)
    // (Not from the control's height: the SpinBox's own height follows its indicators'.)
    implicitHeight: Math.round(Theme.fontSize * 0.6)
    height: control.height / 2
    color: pressed ? control.palette.mid : control.palette.button
    border.color: control.palette.mid

    Text {
        anchors.centerIn: parent
        text: arrow.up ? "\u25B4" : "\u25BE"
        font.pixelSize: Theme.smallFontSize
        color: arrow.control.palette.buttonText
        opacity: arrow.enabled ? 1 : 0.4
    }
}
