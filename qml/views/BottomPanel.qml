import QtQuick
import QtQuick.Layouts
import Awaitscope

// The proof of responsiveness and the run in figures, side by side when they fit, else one
// above the other (a 1024-pixel projector, large text): never on top of each other.
GridLayout {
    id: panel

    required property RunController controller
    required property ResponsivenessMonitor monitor
    // The timeline a warning's click moves to it (Main's).
    property TimelineItem timeline: null
    // W: the list of the loop's holds in the graphs' place.
    property bool showWarnings: false

    signal lineRequested(string file, int line)

    readonly property bool wide: width >= responsiveness.Layout.minimumWidth + summary.Layout.minimumWidth + columnSpacing

    // One height for the row: the graphs' own, or what the figures need if that is more.
    readonly property real graphsHeight: Theme.rowHeight * (ViewSettings.presenter ? 3.8 : 4.5)
    readonly property real rowHeight: Math.max(panel.graphsHeight, summary.implicitHeight)

    columns: panel.wide ? 2 : 1
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing

    ResponsivenessPane {
        id: responsiveness
        visible: !panel.showWarnings
        Layout.fillWidth: true
        Layout.preferredHeight: panel.wide ? panel.rowHeight : panel.graphsHeight
        monitor: panel.monitor
        blocking: panel.controller.settings.blocksEventLoop
        longestHoldNs: panel.controller.view.longestHoldNs
        longestHoldText: panel.controller.formatDuration(panel.controller.view.longestHoldNs)
    }
    WarningsPane {
        id: warningsPane
        objectName: "warningsPane"
        visible: panel.showWarnings
        Layout.fillWidth: true
        Layout.minimumWidth: responsiveness.Layout.minimumWidth
        Layout.preferredHeight: panel.wide ? panel.rowHeight : panel.graphsHeight
        controller: panel.controller
        timeline: panel.timeline
        onLineRequested: (file, line) => panel.lineRequested(file, line)
    }
    SummaryPane {
        id: summary
        Layout.fillWidth: !panel.wide
        Layout.preferredWidth: panel.wide ? Layout.minimumWidth : -1
        Layout.preferredHeight: summary.implicitHeight
        controller: panel.controller
    }
}
