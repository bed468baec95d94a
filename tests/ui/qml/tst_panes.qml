import QtQuick
import QtQuick.Controls
import QtTest
import Awaitscope

// The window's panes against a real controller: a fast run of fetch-user shows up everywhere.
Item {
    id: root
    width: 1400
    height: 900

    RunController {
        id: controller
    }

    ResponsivenessMonitor {
        id: monitor
    }

    TimelinePane {
        id: timelinePane
        width: 800
        height: 500
        controller: controller
    }

    CodePane {
        id: codePane
        x: 800
        width: 600
        height: 500
        controller: controller
        onLinePicked: (file, line) => timelinePane.highlight(file, line)
    }

    ControlBar {
        id: bar
        y: 500
        width: 1400
        controller: controller
    }

    ResponsivenessPane {
        y: 650
        width: 900
        height: 200
        monitor: monitor
    }

    SummaryPane {
        x: 900
        y: 650
        width: 500
        height: 200
        controller: controller
    }

    AboutDialog {
        id: about
    }

    HelpOverlay {
        id: help
        anchors.fill: parent
        visible: false
    }

    SignalSpy {
        id: finishedSpy
        target: controller
        signalName: "runFinished"
    }

    TestCase {
        name: "Panes"
        when: windowShown

        function init() {
            controller.reset()
            finishedSpy.clear()
        }

        function test_scenarioPicker() {
            const row = controller.settings.scenarios.rowOf("fan-out")
            controller.settings.scenarioIndex = row
            compare(controller.settings.scenarioId, "fan-out")
            compare(controller.settings.sourceFile, "fanout.cpp")
            verify(controller.settings.scenarioLookFor.length > 0)
            compare(controller.view.sourceFiles[0], "fanout.cpp")
        }

        function test_runShowsLanesAndCode() {
            controller.settings.scenarioIndex = controller.settings.scenarios.rowOf("fan-out")
            controller.settings.jobs = 12
            controller.settings.speed = Core.maxSpeed
            verify(controller.run())
            finishedSpy.wait(10000)
            compare(controller.view.tasks, 13)
            compare(controller.view.lanes.count, 13)
            compare(timelinePane.timeline.contentHeight, 13 * timelinePane.timeline.rowHeight)
            verify(timelinePane.timeline.ticks.rowCount() > 0)
            compare(controller.view.sourceFiles.length, 2)
            compare(controller.view.sourceIndexOf("fetchuser.cpp"), 1)
            compare(controller.view.doneTasks, 13)
        }

        function test_stressPresetsRunTheirSize() {
            controller.settings.scenarioIndex = controller.settings.scenarios.rowOf("stress")
            compare(controller.settings.jobPresets, [1000, 10000, 100000, 1000000])
            const labels = []
            let oneK = null
            let oneM = null
            const buttons = findButtons(bar)
            for (let i = 0; i < buttons.length; ++i) {
                const b = buttons[i]
                if (["1k", "10k", "100k", "1M"].indexOf(b.text) >= 0)
                    labels.push(b.text)
                if (b.text === "1k")
                    oneK = b
                if (b.text === "1M")
                    oneM = b
            }
            compare(labels, ["1k", "10k", "100k", "1M"])
            // The row lays the new buttons out when it is polished: click once they stand apart.
            tryVerify(() => oneK.mapToItem(bar, 0, 0).x + oneK.width <= oneM.mapToItem(bar, 0, 0).x)
            controller.settings.speed = Core.maxSpeed
            mouseClick(oneK)
            compare(controller.settings.jobs, 1000)
            verify(controller.running)
            verify(oneK.highlighted)
            finishedSpy.wait(20000)
            compare(controller.view.tasks, 1001)
            compare(bar.presetLabel(250), "250")
        }

        function findButtons(item) {
            let found = []
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (child instanceof Button)
                    found.push(child)
                found = found.concat(findButtons(child))
            }
            return found
        }

        function test_pickedLineHighlightsLanes() {
            codePane.linePicked("fetchuser.cpp", 15)
            compare(timelinePane.timeline.highlightFile, "fetchuser.cpp")
            compare(timelinePane.timeline.highlightLine, 15)
        }

        function test_followStopsOnPanAndResumes() {
            const t = timelinePane.timeline
            t.zoom.follow = true
            t.panBy(50, 0)
            verify(!t.zoom.follow)
            t.zoom.follow = true
            verify(t.zoom.follow)
            const d = t.zoom.viewDuration
            t.zoomBy(2)
            fuzzyCompare(t.zoom.viewDuration, d / 2, 1)
        }

        function test_helpOverlayCloses() {
            help.visible = true
            mouseClick(help, 10, 10)
            verify(!help.visible)
        }

        function test_aboutNamesVersionAndLicence() {
            bar.aboutRequested()
            about.open()
            tryVerify(() => about.opened)
            verify(about.title.indexOf("Awaitscope") >= 0)
            const texts = []
            const walk = item => {
                if (item.text !== undefined)
                    texts.push(String(item.text))
                for (let i = 0; i < item.children.length; ++i)
                    walk(item.children[i])
            }
            walk(about.contentItem)
            const all = texts.join("\n")
            verify(all.indexOf("MIT") >= 0, all)
            verify(Qt.application.version.length > 0)
            verify(all.indexOf("Awaitscope " + Qt.application.version) >= 0, all)
            about.close()
            tryVerify(() => !about.visible)
        }

        function test_stepPausesAtTheFirstAwait() {
            controller.settings.scenarioIndex = controller.settings.scenarios.rowOf("fetch-user")
            controller.step()
            verify(controller.running)
            verify(controller.paused)
            verify(controller.view.awaits >= 1)
            controller.togglePause()
            verify(!controller.paused)
        }
    }
}
