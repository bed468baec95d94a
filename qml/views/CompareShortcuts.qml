import QtQuick
import Awaitscope

// Compare's keys: Ctrl+K enters or leaves it, Esc leaves it, and while it is shown the keys of
// moving through time (, . [ ] Home End P F) move its one time for all three (the normal view's
// own keys rest then: Shortcuts.qml, ReplayShortcuts.qml). R or Enter runs the three again.
Item {
    id: keys

    required property CompareController compare
    property bool typing: false
    property bool helpVisible: false
    readonly property bool keysOn: keys.compare.active && !keys.typing

    Shortcut {
        sequences: ["Ctrl+K"]
        context: Qt.ApplicationShortcut
        onActivated: keys.compare.toggle()
    }
    Shortcut {
        sequences: ["Esc"]
        context: Qt.ApplicationShortcut
        enabled: keys.compare.active && !keys.helpVisible
        onActivated: keys.compare.leave()
    }
    Shortcut {
        sequences: ["R", "Return", "Enter"]
        context: Qt.ApplicationShortcut
        enabled: keys.keysOn
        onActivated: keys.compare.start()
    }
    Shortcut {
        sequences: [",", "["]
        context: Qt.ApplicationShortcut
        enabled: keys.keysOn
        onActivated: keys.compare.stepEvent(-1)
    }
    Shortcut {
        sequences: [".", "]"]
        context: Qt.ApplicationShortcut
        enabled: keys.keysOn
        onActivated: keys.compare.stepEvent(1)
    }
    Shortcut {
        sequences: ["Home", "Shift+Home"]
        context: Qt.ApplicationShortcut
        enabled: keys.keysOn
        onActivated: keys.compare.toStart()
    }
    Shortcut {
        sequences: ["End", "Shift+End"]
        context: Qt.ApplicationShortcut
        enabled: keys.keysOn
        onActivated: keys.compare.toEnd()
    }
    Shortcut {
        sequences: ["P", "Space"]
        context: Qt.ApplicationShortcut
        enabled: keys.keysOn
        onActivated: keys.compare.togglePlay()
    }
    Shortcut {
        sequences: ["F"]
        context: Qt.ApplicationShortcut
        enabled: keys.keysOn
        onActivated: keys.compare.goLive()
    }
}
