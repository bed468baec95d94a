import QtQuick
import QtQuick.Controls
import Awaitscope

// A labelled number the user can type or step. After Enter (or leaving it) the keyboard goes
// back to the window, so Space and S drive the run again.
Row {
    id: knob

    property alias label: caption.text
    property real from: 0
    property real to: 100
    property real step: 1
    property real value: 0

    signal edited(real value)
    signal focusReturned

    spacing: Theme.spacing / 2

    Label {
        id: caption
        anchors.verticalCenter: parent.verticalCenter
    }
    SpinBox {
        id: box
        // Wide enough for the largest value it takes.
        width: Math.max(7 * Theme.fontSize, (String(Math.round(knob.to)).length + 5) * Theme.fontSize * 0.6)
        from: Math.round(knob.from)
        to: Math.min(Math.round(knob.to), 2147483647)
        stepSize: Math.max(1, Math.round(knob.step))
        editable: true
        value: Math.round(knob.value)
        focusPolicy: Qt.ClickFocus
        onValueModified: knob.edited(value)
        Keys.onReturnPressed: (event) => {
            box.focus = false
            knob.focusReturned()
        }
        Keys.onEnterPressed: (event) => {
            box.focus = false
            knob.focusReturned()
        }
        Keys.onEscapePressed: knob.focusReturned()
        onActiveFocusChanged: if (!activeFocus) knob.edited(box.value)

        // Arrows drawn as text, where Fusion's are images: bigger on a projector, and no image
        // textures (Qt 6.4 caches those of Fusion's indicators and never frees them at exit,
        // which LeakSanitizer reports for every window).
        up.indicator: KnobArrow {
            control: box
            pressed: box.up.pressed
            up: true
        }
        down.indicator: KnobArrow {
            control: box
            pressed: box.down.pressed
            up: false
        }
    }
}
