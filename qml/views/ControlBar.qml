pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The commands, the knobs (a row that K tucks away) and what the chosen scenario shows. No
// control here takes the keyboard focus: the window's shortcuts keep working after a click.
ToolBar {
    id: bar

    required property RunController controller

    signal helpRequested
    signal aboutRequested
    signal presenterToggled
    signal exportRequested(string kind)
    signal scriptOpenRequested
    signal focusReturned
    signal compareToggled
    // Compare is shown (its own Run again and Leave): the run buttons rest.
    property bool comparing: false
    // Asked before leaving the Python mode for a scenario: calls proceed() once the script's
    // unsaved changes are saved or dropped (ScriptFiles.whenSaved), never if the user cancels.
    property var beforeLeavingScript: (proceed) => proceed()

    // 1000 -> "1k", 1000000 -> "1M"
    function presetLabel(n: int): string {
        if (n >= 1000000 && n % 1000000 === 0)
            return (n / 1000000) + "M"
        if (n >= 1000 && n % 1000 === 0)
            return (n / 1000) + "k"
        return String(n)
    }

    padding: Theme.padding

    // After the list's own focus handling is done.
    Timer {
        id: giveBack
        interval: 0
        onTriggered: bar.focusReturned()
    }

    ColumnLayout {
        width: bar.availableWidth
        spacing: Theme.spacing / 2

        // The commands: one row that never wraps; the speed label gives way first.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            ComboBox {
                id: scenarioBox
                objectName: "scenarioBox"
                // As wide as the longest title when there is room; it gives way first.
                implicitContentWidthPolicy: ComboBox.WidestText
                Layout.fillWidth: true
                Layout.maximumWidth: implicitWidth
                Layout.minimumWidth: 8 * Theme.fontSize
                focusPolicy: Qt.NoFocus
                // The arrow as text, as the Knobs' (Fusion's image is cached and never freed).
                indicator: Text {
                    x: scenarioBox.mirrored ? scenarioBox.padding : scenarioBox.width - width - scenarioBox.padding
                    y: (scenarioBox.height - height) / 2
                    text: "\u25BE"
                    font.pixelSize: Theme.fontSize
                    color: scenarioBox.palette.buttonText
                }
                // The scenarios, then the Python mode (the script editor): the last entry.
                readonly property var scenarioTitles: bar.controller.settings.scenarios.titles()
                model: scenarioTitles.concat([qsTr("Python script")])
                currentIndex: bar.controller.script.active ? scenarioTitles.length : bar.controller.settings.scenarioIndex
                onActivated: (index) => {
                    const pick = () => {
                        bar.controller.script.active = index === scenarioTitles.length
                        if (index < scenarioTitles.length)
                            bar.controller.settings.scenarioIndex = index
                    }
                    // The box shows the mode until the pick happens (a cancelled one never does).
                    scenarioBox.currentIndex = Qt.binding(() => bar.controller.script.active ? scenarioTitles.length
                                                                                      : bar.controller.settings.scenarioIndex)
                    if (bar.controller.script.active && index < scenarioTitles.length)
                        bar.beforeLeavingScript(pick)
                    else
                        pick()
                }
                // The list gives the keyboard back to the window when it closes, however it
                // closed (a pick, Esc, a click elsewhere): Space must not open it again.
                popup.onClosed: giveBack.restart()
                // The open list has the keyboard (arrows, Enter, Esc), the box never does.
                popup.onOpened: scenarioBox.popup.forceActiveFocus()
            }
            Button {
                objectName: "runButton"
                focusPolicy: Qt.NoFocus
                text: bar.controller.stopping ? qsTr("Stopping…") : bar.controller.running ? qsTr("Restart") : qsTr("Run")
                highlighted: !bar.controller.running
                enabled: !bar.comparing
                onClicked: bar.controller.run()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Start the scenario (Enter)")
            }
            Button {
                objectName: "pauseButton"
                focusPolicy: Qt.NoFocus
                text: bar.controller.paused ? qsTr("Resume") : qsTr("Pause")
                enabled: bar.controller.running && !bar.controller.stopping && !bar.comparing
                onClicked: bar.controller.togglePause()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Pause or resume (Space)")
            }
            Button {
                objectName: "stepButton"
                focusPolicy: Qt.NoFocus
                text: qsTr("Step")
                enabled: !bar.comparing
                onClicked: bar.controller.step()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Run exactly the next event (S)")
            }
            Button {
                objectName: "resetButton"
                focusPolicy: Qt.NoFocus
                text: qsTr("Reset")
                enabled: !bar.comparing
                onClicked: bar.controller.reset()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Stop and clear (R)")
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                objectName: "compareButton"
                focusPolicy: Qt.NoFocus
                checkable: true
                checked: bar.comparing
                text: qsTr("Compare")
                onClicked: bar.compareToggled()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("The same job three ways, blocking, callbacks and co_await, on one time axis (Ctrl+K)")
            }
            Button {
                objectName: "knobsButton"
                focusPolicy: Qt.NoFocus
                checkable: true
                checked: ViewSettings.knobsVisible
                text: qsTr("Knobs")
                onToggled: ViewSettings.knobsVisible = checked
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Show or hide jobs, latency, jitter, failures and seed (K)")
            }
            Button {
                objectName: "menuButton"
                focusPolicy: Qt.NoFocus
                text: qsTr("☰ Menu")
                onClicked: menu.open()

                AppMenu {
                    id: menu
                    y: parent.height
                    onHelpRequested: bar.helpRequested()
                    onAboutRequested: bar.aboutRequested()
                    onPresenterToggled: bar.presenterToggled()
                    onExportRequested: (kind) => bar.exportRequested(kind)
                    onScriptOpenRequested: bar.scriptOpenRequested()
                    comparing: bar.comparing
                    onCompareToggled: bar.compareToggled()
                }
            }
        }

        // The knobs: the pace (applies at once), then the next run's.
        Flow {
            Layout.fillWidth: true
            visible: ViewSettings.knobsVisible
            spacing: Theme.spacing * 2

            Row {
                spacing: Theme.spacing / 2
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Speed ×%1").arg(bar.controller.settings.speed.toFixed(bar.controller.settings.speed < 1 ? 2 : 1))
                }
                Slider {
                    objectName: "speedSlider"
                    width: 8 * Theme.fontSize
                    focusPolicy: Qt.NoFocus
                    from: Math.log10(Core.minSpeed)
                    to: Math.log10(Core.maxSpeed)
                    value: Math.log10(bar.controller.settings.speed)
                    onMoved: bar.controller.settings.speed = Math.pow(10, value)
                }
            }

            Knob {
                label: qsTr("Jobs")
                objectName: "jobsKnob"
                from: 1
                to: Math.max(1, bar.controller.settings.maxJobs)
                enabled: bar.controller.settings.maxJobs > 0
                value: bar.controller.settings.jobs
                onEdited: (v) => bar.controller.settings.jobs = v
                onFocusReturned: bar.focusReturned()
            }
            // One click to a size worth showing (stress: 1k to 1M): sets the jobs and runs.
            Row {
                spacing: Theme.spacing / 2
                visible: bar.controller.settings.jobPresets.length > 0
                Repeater {
                    model: bar.controller.settings.jobPresets
                    delegate: Button {
                        required property int modelData
                        focusPolicy: Qt.NoFocus
                        text: bar.presetLabel(modelData)
                        flat: bar.controller.settings.jobs !== modelData
                        highlighted: bar.controller.settings.jobs === modelData
                        onClicked: {
                            bar.controller.settings.jobs = modelData
                            bar.controller.run()
                        }
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Run with %L1 jobs").arg(modelData)
                    }
                }
            }
            Knob {
                label: qsTr("Latency ms")
                from: 0
                to: Core.maxLatencyMs
                step: 10
                value: bar.controller.settings.latencyMs
                onEdited: (v) => bar.controller.settings.latencyMs = v
                onFocusReturned: bar.focusReturned()
            }
            Knob {
                label: qsTr("Jitter ms")
                from: 0
                to: Core.maxJitterMs
                step: 10
                value: bar.controller.settings.jitterMs
                onEdited: (v) => bar.controller.settings.jitterMs = v
                onFocusReturned: bar.focusReturned()
            }
            Knob {
                label: qsTr("Failures %")
                from: 0
                to: 100
                step: 5
                value: Math.round(bar.controller.settings.failureRate * 100)
                onEdited: (v) => bar.controller.settings.failureRate = v / 100
                onFocusReturned: bar.focusReturned()
            }
            Knob {
                label: qsTr("Seed")
                from: 0
                to: Core.maxSeed
                value: bar.controller.settings.seed
                onEdited: (v) => bar.controller.settings.seed = v
                onFocusReturned: bar.focusReturned()
            }
        }

        // What the scenario shows, and what to look for, or what the opened file is (in presenter
        // mode the presenter and the captions say that: the room gets the timeline's height).
        Label {
            Layout.fillWidth: true
            visible: !ViewSettings.presenter
            wrapMode: Text.WordWrap
            textFormat: Text.StyledText
            text: bar.comparing
                  ? "<b>" + qsTr("Compare: the same job three ways") + "</b>  " + qsTr("Look for: blocking takes one latency per request and freezes the window (its strip); callbacks and co_await overlap the requests and finish in about three latencies, the loop never held. Jobs and latency apply to all three.")
                  : bar.controller.showsRecording ? bar.controller.recordingDescription
                  : bar.controller.script.active
                  ? "<b>" + bar.controller.script.title + "</b>  " + qsTr("Edit the script and Run: every await shows on the timeline and in the code.")
                  : "<b>" + bar.controller.settings.scenarioSummary + "</b>  " + qsTr("Look for: %1").arg(bar.controller.settings.scenarioLookFor)
        }
        Label {
            Layout.fillWidth: true
            visible: bar.controller.error.length > 0
            wrapMode: Text.WordWrap
            text: bar.controller.error
            color: Theme.colors.error
        }
    }
}
