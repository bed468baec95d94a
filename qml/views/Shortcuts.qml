import QtQuick
import QtQuick.Controls
import Awaitscope

// Every key of the window, in one place. Application shortcuts: they work whatever was
// clicked last (controls do not keep the focus; a spin box being typed in keeps its keys).
Item {
    id: keys

    required property ApplicationWindow window
    required property RunController controller
    required property TimelineItem timeline
    required property Item codePane
    // Esc is the help's only while it shows: a popup (the scenario list) needs it otherwise.
    property bool helpVisible: false
    // The script editor has the keyboard: its keys are text, not commands.
    property bool typing: false
    // Compare is shown: its own keys (CompareShortcuts.qml) move its time; the run keys rest.
    property bool comparing: false

    signal helpRequested
    signal helpClosed
    signal presenterToggled
    signal exportRequested(string kind)
    signal warningsToggled

    Shortcut {
        sequences: ["Space"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.controller.runOrPause()
    }
    Shortcut {
        sequences: ["S"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.controller.step()
    }
    Shortcut {
        sequences: ["R"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.controller.reset()
    }
    Shortcut {
        sequences: ["Return", "Enter"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.controller.run()
    }
    // Cancel the selected lane's task (and its children).
    Shortcut {
        sequences: ["Delete"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.controller.cancelTask(keys.timeline.selectedTask)
    }
    Shortcut {
        sequences: ["F"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: {
            keys.controller.view.playhead.goLive()
            keys.timeline.zoom.follow = true
            keys.codePane.followBusiest = true
        }
    }
    Shortcut {
        sequences: ["+", "="]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.timeline.zoomBy(1.5)
    }
    Shortcut {
        sequences: ["-"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.timeline.zoomBy(1 / 1.5)
    }
    Shortcut {
        sequences: ["Left"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.timeline.panByPage(-0.25)
    }
    Shortcut {
        sequences: ["Right"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.timeline.panByPage(0.25)
    }
    Shortcut {
        sequences: ["Up"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.timeline.panBy(0, keys.timeline.rowHeight * 3)
    }
    Shortcut {
        sequences: ["Down"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.timeline.panBy(0, -keys.timeline.rowHeight * 3)
    }
    Shortcut {
        sequences: ["Home", "0"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing && !keys.comparing
        onActivated: keys.timeline.fitAll()
    }
    Shortcut {
        sequences: ["?", "F1", "H"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing
        onActivated: keys.helpRequested()
    }
    Shortcut {
        sequences: ["Esc"]
        context: Qt.ApplicationShortcut
        enabled: keys.helpVisible
        onActivated: keys.helpClosed()
    }
    Shortcut {
        sequences: ["F11"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing
        onActivated: keys.window.visibility === Window.FullScreen ? keys.window.showMaximized() : keys.window.showFullScreen()
    }
    Shortcut {
        sequences: ["F5"]
        context: Qt.ApplicationShortcut
        onActivated: keys.presenterToggled()
    }
    Shortcut {
        sequences: ["C"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing
        onActivated: ViewSettings.captions = !ViewSettings.captions
    }
    Shortcut {
        sequences: ["W"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing
        onActivated: keys.warningsToggled()
    }
    Shortcut {
        sequences: ["K"]
        context: Qt.ApplicationShortcut
        enabled: !keys.typing
        onActivated: ViewSettings.knobsVisible = !ViewSettings.knobsVisible
    }
    Shortcut {
        sequences: ["Ctrl++", "Ctrl+="]
        context: Qt.ApplicationShortcut
        onActivated: ViewSettings.growFont()
    }
    Shortcut {
        sequences: ["Ctrl+-"]
        context: Qt.ApplicationShortcut
        onActivated: ViewSettings.shrinkFont()
    }
    Shortcut {
        sequences: ["Ctrl+0"]
        context: Qt.ApplicationShortcut
        onActivated: ViewSettings.resetFont()
    }
    Shortcut {
        sequences: ["Ctrl+Shift+C"]
        context: Qt.ApplicationShortcut
        onActivated: ViewSettings.highContrast = !ViewSettings.highContrast
    }
    Shortcut {
        sequences: ["Ctrl+E"]
        context: Qt.ApplicationShortcut
        onActivated: keys.exportRequested("trace")
    }
}
