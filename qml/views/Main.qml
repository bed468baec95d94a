import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import Awaitscope

// The live window: commands on top, the lanes and the code in the middle, the caption strip, and
// the proof of responsiveness with the summary below. All logic lives in C++; this file only lays
// it out. Every shortcut is an application shortcut and no control keeps the keyboard focus, so
// Space, Enter, S and R do the same whatever was clicked last.
ApplicationWindow {
    id: root

    required property RunController controller
    required property ResponsivenessMonitor monitor

    // Gives the keyboard back to the window (after a spin box was edited, a lane clicked...).
    function takeFocus(): void {
        keySink.forceActiveFocus()
    }
    function setPresenter(on: bool): void {
        ViewSettings.presenter = on
        if (on) {
            // Without a window manager (a bare X server) the full-screen state alone does not
            // resize: cover the screen first.
            root.x = Screen.virtualX
            root.y = Screen.virtualY
            root.width = Screen.width
            root.height = Screen.height
            root.showFullScreen()
        } else {
            root.showMaximized()
        }
    }

    // The window fills the screen it opens on (application.cpp shows it maximized).
    width: Math.max(minimumWidth, Screen.desktopAvailableWidth)
    height: Math.max(minimumHeight, Screen.desktopAvailableHeight)
    minimumWidth: 960
    minimumHeight: 600
    // (The platform adds the application's name.)
    title: runFiles.shownFile.length > 0 ? runFiles.shownFile
         : root.controller.script.active ? root.controller.script.title : root.controller.settings.scenarioTitle
    font.pixelSize: Theme.fontSize

    // Quitting with an edited script asks first (Save / Discard / Cancel).
    property bool closeConfirmed: false
    onClosing: (close) => {
        if (root.closeConfirmed || !root.controller.script.modified)
            return
        close.accepted = false
        scriptFiles.whenSaved(() => {
            root.closeConfirmed = true
            root.close()
        })
    }

    Item {
        id: keySink
        focus: true
    }

    // Compare (Ctrl+K): the same job three ways, in place of the normal view while shown.
    readonly property alias compare: compareController
    CompareController {
        id: compareController
        controller: root.controller
        monitor: root.monitor
        onActiveChanged: root.takeFocus()
    }
    CompareShortcuts {
        compare: compareController
        typing: scriptPane.typing
        helpVisible: help.visible
    }

    Shortcuts {
        window: root
        controller: root.controller
        timeline: timelinePane.timeline
        codePane: codePane
        helpVisible: help.visible
        typing: scriptPane.typing
        comparing: compareController.active
        onHelpRequested: help.visible = !help.visible
        onHelpClosed: help.visible = false
        onPresenterToggled: root.setPresenter(!ViewSettings.presenter)
        onExportRequested: (kind) => exporter.ask(kind)
        onWarningsToggled: bottomPanel.showWarnings = !bottomPanel.showWarnings
    }

    ReplayShortcuts {
        scrubBar: timelinePane.scrubBar
        typing: scriptPane.typing
        comparing: compareController.active
        onSaveRequested: runFiles.ask("save")
        onOpenRequested: runFiles.ask("open")
    }

    header: ControlBar {
        controller: root.controller
        onHelpRequested: help.visible = true
        onAboutRequested: about.open()
        onPresenterToggled: root.setPresenter(!ViewSettings.presenter)
        // (Save and Open come through the menu's export signal too.)
        onExportRequested: (kind) => kind === "save" || kind === "open" ? runFiles.ask(kind) : exporter.ask(kind)
        onScriptOpenRequested: scriptFiles.open()
        beforeLeavingScript: (proceed) => scriptFiles.whenSaved(proceed)
        onFocusReturned: root.takeFocus()
        comparing: compareController.active
        onCompareToggled: compareController.toggle()
    }

    ColumnLayout {
        anchors.fill: parent
        visible: !compareController.active
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Horizontal

            TimelinePane {
                id: timelinePane
                SplitView.fillWidth: true
                SplitView.minimumWidth: root.width * 0.4
                controller: root.controller
                onAwaitClicked: (file, line) => root.controller.script.active ? scriptPane.showLine(file, line)
                                                                              : codePane.showLine(file, line)
                onFocusReturned: root.takeFocus()
            }
            Item {
                SplitView.preferredWidth: root.width * 0.36
                SplitView.minimumWidth: Math.min(root.width * 0.25, 320)

                CodePane {
                    id: codePane
                    anchors.fill: parent
                    visible: !root.controller.script.active
                    controller: root.controller
                    onLinePicked: (file, line) => timelinePane.highlight(file, line)
                    onFocusReturned: root.takeFocus()
                }
                // The Python mode's editor and output (ScriptPane.qml).
                ScriptPane {
                    id: scriptPane
                    anchors.fill: parent
                    visible: root.controller.script.active
                    controller: root.controller
                    files: scriptFiles
                    onFocusReturned: root.takeFocus()
                }
            }
        }

        CaptionStrip {
            Layout.fillWidth: true
            visible: ViewSettings.captions && text.length > 0
            text: root.controller.view.caption
        }

        BottomPanel {
            id: bottomPanel
            Layout.fillWidth: true
            controller: root.controller
            monitor: root.monitor
            timeline: timelinePane.timeline
            onLineRequested: (file, line) => root.controller.script.active ? scriptPane.showLine(file, line)
                                                                          : codePane.showLine(file, line)
        }
    }

    // (After the normal view: the tests find its items first by name, the notice among them.)
    CompareView {
        id: compareView
        objectName: "compareView"
        anchors.fill: parent
        anchors.margins: Theme.spacing
        visible: compareController.active
        compare: compareController
        onFocusReturned: root.takeFocus()
    }

    ExportDialogs {
        id: exporter
        anchors.fill: parent
        controller: root.controller
        timeline: timelinePane.timeline
        area: timelinePane.timelineArea
    }

    RunFileDialogs {
        id: runFiles
        anchors.fill: parent
        controller: root.controller
    }

    // Open and Save of the Python script, and the unsaved-changes question (ScriptFiles.qml).
    ScriptFiles {
        id: scriptFiles
        anchors.fill: parent
        controller: root.controller
        typing: scriptPane.typing
        onFocusReturned: root.takeFocus()
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
