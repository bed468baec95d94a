pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Awaitscope

// The knobs and the commands, and what the chosen scenario shows.
ToolBar {
    id: bar

    required property RunController controller

    signal helpRequested
    signal aboutRequested

    // 1000 -> "1k", 1000000 -> "1M"
    function presetLabel(n: int): string {
        if (n >= 1000000 && n % 1000000 === 0)
            return (n / 1000000) + "M"
        if (n >= 1000 && n % 1000 === 0)
            return (n / 1000) + "k"
        return String(n)
    }

    padding: 8

    ColumnLayout {
        width: bar.availableWidth
        spacing: 6

        Flow {
            Layout.fillWidth: true
            spacing: 10

            ComboBox {
                id: scenarioBox
                width: 300
                model: bar.controller.settings.scenarios
                textRole: "title"
                currentIndex: bar.controller.settings.scenarioIndex
                onActivated: (index) => bar.controller.settings.scenarioIndex = index
            }
            Button {
                text: bar.controller.stopping ? qsTr("Stopping…") : bar.controller.running ? qsTr("Restart") : qsTr("Run")
                highlighted: !bar.controller.running
                onClicked: bar.controller.run()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Start the scenario (Enter)")
            }
            Button {
                text: bar.controller.paused ? qsTr("Resume") : qsTr("Pause")
                enabled: bar.controller.running && !bar.controller.stopping
                onClicked: bar.controller.togglePause()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Pause or resume (Space)")
            }
            Button {
                text: qsTr("Step")
                onClicked: bar.controller.step()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Run exactly the next event (S)")
            }
            Button {
                text: qsTr("Reset")
                onClicked: bar.controller.reset()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Stop and clear (R)")
            }
            Row {
                spacing: 6
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Speed ×%1").arg(bar.controller.settings.speed.toFixed(bar.controller.settings.speed < 1 ? 2 : 1))
                    width: 110
                }
                Slider {
                    width: 130
                    from: Math.log10(Core.minSpeed)
                    to: Math.log10(Core.maxSpeed)
                    value: Math.log10(bar.controller.settings.speed)
                    onMoved: bar.controller.settings.speed = Math.pow(10, value)
                }
            }
            Row {
                spacing: 6
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Jobs")
                }
                SpinBox {
                    width: 140
                    from: 1
                    to: Math.max(1, bar.controller.settings.maxJobs)
                    enabled: bar.controller.settings.maxJobs > 0
                    editable: true
                    value: bar.controller.settings.jobs
                    onValueModified: bar.controller.settings.jobs = value
                }
                // One click to a size worth showing (stress: 1k to 1M): sets the jobs and runs.
                Repeater {
                    model: bar.controller.settings.jobPresets
                    delegate: Button {
                        required property int modelData
                        text: bar.presetLabel(modelData)
                        flat: bar.controller.settings.jobs !== modelData
                        highlighted: bar.controller.settings.jobs === modelData
                        implicitWidth: 52
                        onClicked: {
                            bar.controller.settings.jobs = modelData
                            bar.controller.run()
                        }
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Run with %L1 jobs").arg(modelData)
                    }
                }
            }
            Row {
                spacing: 6
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Latency ms")
                }
                SpinBox {
                    width: 130
                    from: 0
                    to: 60000
                    stepSize: 10
                    editable: true
                    value: bar.controller.settings.latencyMs
                    onValueModified: bar.controller.settings.latencyMs = value
                }
            }
            Row {
                spacing: 6
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Jitter ms")
                }
                SpinBox {
                    width: 120
                    from: 0
                    to: 60000
                    stepSize: 10
                    editable: true
                    value: bar.controller.settings.jitterMs
                    onValueModified: bar.controller.settings.jitterMs = value
                }
            }
            Row {
                spacing: 6
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Failures %")
                }
                SpinBox {
                    width: 110
                    from: 0
                    to: 100
                    stepSize: 5
                    editable: true
                    value: Math.round(bar.controller.settings.failureRate * 100)
                    onValueModified: bar.controller.settings.failureRate = value / 100
                }
            }
            Row {
                spacing: 6
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Seed")
                }
                SpinBox {
                    width: 120
                    from: 0
                    to: 999999
                    editable: true
                    value: bar.controller.settings.seed
                    onValueModified: bar.controller.settings.seed = value
                }
            }
            Button {
                text: qsTr("? Keys")
                onClicked: bar.helpRequested()
            }
            Button {
                text: qsTr("About")
                onClicked: bar.aboutRequested()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 16

            Label {
                Layout.fillWidth: true
                Layout.preferredWidth: bar.availableWidth * 0.4
                wrapMode: Text.WordWrap
                text: bar.controller.settings.scenarioSummary
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                Layout.preferredWidth: bar.availableWidth * 0.6
                wrapMode: Text.WordWrap
                text: qsTr("Look for: %1").arg(bar.controller.settings.scenarioLookFor)
                opacity: 0.85
            }
            Label {
                visible: bar.controller.error.length > 0
                text: bar.controller.error
                color: Theme.colors.error
            }
        }
    }
}
