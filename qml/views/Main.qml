import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The live window: controls on top, the lanes and the code in the middle, the proof of
// responsiveness and the summary below. All logic lives in C++; this file only lays it out.
ApplicationWindow {
    id: root

    required property RunController controller
    required property ResponsivenessMonitor monitor

    width: Math.max(1000, Math.min(1600, Screen.desktopAvailableWidth - 40))
    height: Math.max(640, Math.min(960, Screen.desktopAvailableHeight - 40))
    minimumWidth: 1000
    minimumHeight: 640
    title: qsTr("Awaitscope — %1").arg(root.controller.settings.scenarioTitle)
    font.pixelSize: Theme.fontSize

    Shortcut {
        sequences: ["Space"]
        context: Qt.ApplicationShortcut
        onActivated: root.controller.runOrPause()
    }
    Shortcut {
        sequences: ["S"]
        context: Qt.ApplicationShortcut
        onActivated: root.controller.step()
    }
    Shortcut {
        sequences: ["R"]
        context: Qt.ApplicationShortcut
        onActivated: root.controller.reset()
    }
    Shortcut {
        sequences: ["Return", "Enter"]
        context: Qt.ApplicationShortcut
        onActivated: root.controller.run()
    }
    Shortcut {
        sequences: ["F"]
        context: Qt.ApplicationShortcut
        onActivated: {
            timelinePane.timeline.zoom.follow = true
            codePane.followBusiest = true
        }
    }
    Shortcut {
        sequences: ["+", "="]
        context: Qt.ApplicationShortcut
        onActivated: timelinePane.timeline.zoomBy(1.5)
    }
    Shortcut {
        sequences: ["-"]
        context: Qt.ApplicationShortcut
        onActivated: timelinePane.timeline.zoomBy(1 / 1.5)
    }
    Shortcut {
        sequences: ["Left"]
        context: Qt.ApplicationShortcut
        onActivated: timelinePane.timeline.panByPage(-0.25)
    }
    Shortcut {
        sequences: ["Right"]
        context: Qt.ApplicationShortcut
        onActivated: timelinePane.timeline.panByPage(0.25)
    }
    Shortcut {
        sequences: ["Up"]
        context: Qt.ApplicationShortcut
        onActivated: timelinePane.timeline.panBy(0, timelinePane.timeline.rowHeight * 3)
    }
    Shortcut {
        sequences: ["Down"]
        context: Qt.ApplicationShortcut
        onActivated: timelinePane.timeline.panBy(0, -timelinePane.timeline.rowHeight * 3)
    }
    Shortcut {
        sequences: ["Home", "0"]
        context: Qt.ApplicationShortcut
        onActivated: timelinePane.timeline.fitAll()
    }
    Shortcut {
        sequences: ["?", "F1", "H"]
        context: Qt.ApplicationShortcut
        onActivated: help.visible = !help.visible
    }
    Shortcut {
        sequences: ["Esc"]
        context: Qt.ApplicationShortcut
        onActivated: help.visible = false
    }
    Shortcut {
        sequences: ["F11"]
        context: Qt.ApplicationShortcut
        onActivated: root.visibility === Window.FullScreen ? root.showNormal() : root.showFullScreen()
    }

    header: ControlBar {
        controller: root.controller
        onHelpRequested: help.visible = true
        onAboutRequested: about.open()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 8

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Horizontal

            TimelinePane {
                id: timelinePane
                SplitView.fillWidth: true
                SplitView.minimumWidth: 500
                controller: root.controller
                onAwaitClicked: (file, line) => codePane.showLine(file, line)
            }
            CodePane {
                id: codePane
                SplitView.preferredWidth: Math.max(560, root.width * 0.4)
                SplitView.minimumWidth: 360
                controller: root.controller
                onLinePicked: (file, line) => timelinePane.highlight(file, line)
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: false
            Layout.preferredHeight: 210
            Layout.maximumHeight: 210
            spacing: 8

            ResponsivenessPane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                monitor: root.monitor
                blocking: root.controller.settings.blocksEventLoop
            }
            SummaryPane {
                Layout.preferredWidth: 520
                Layout.fillHeight: true
                controller: root.controller
            }
        }
    }

    AboutDialog {
        id: about
    }

    HelpOverlay {
        id: help
        anchors.fill: parent
        visible: false
    }
}
