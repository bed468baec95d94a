import QtQuick
import Awaitscope

// The keys of moving through time (ScrubBar.qml does the moving), and of saving and opening
// runs. Application shortcuts, like those of Shortcuts.qml, and off while a script is typed.
Item {
    id: keys

    required property ScrubBar scrubBar
    // The script editor has the keyboard: its keys are text, not commands.
    property bool typing: false
    // Compare is shown: its own keys (CompareShortcuts.qml) move its one time for all three.
    property bool comparing: false

    signal saveRequested
    signal openRequested

    Shortcut {
        sequences: [","]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.scrubBar.stepEvent(-1)
    }
    Shortcut {
        sequences: ["."]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.scrubBar.stepEvent(1)
    }
    Shortcut {
        sequences: ["["]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.scrubBar.stepAwait(-1)
    }
    Shortcut {
        sequences: ["]"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.scrubBar.stepAwait(1)
    }
    Shortcut {
        sequences: ["Shift+Home"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.scrubBar.toStart()
    }
    Shortcut {
        sequences: ["Shift+End", "End"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.scrubBar.toEnd()
    }
    Shortcut {
        sequences: ["P"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.scrubBar.togglePlay()
    }
    Shortcut {
        sequences: ["Ctrl+S"]
        context: Qt.ApplicationShortcut
        // In the Python editor, Ctrl+S saves the script (ScriptFiles.qml): two enabled
        // shortcuts on one key would be ambiguous and neither would fire.
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.saveRequested()
    }
    Shortcut {
        sequences: ["Ctrl+O"]
        context: Qt.ApplicationShortcut
        enabled: !keys.comparing
        onActivated: keys.openRequested()
    }
}
