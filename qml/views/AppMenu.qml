import QtQuick
import QtQuick.Controls
import Awaitscope

// Everything a presenter reaches for: exports, presenter mode, captions, font size, contrast.
Menu {
    id: menu

    signal helpRequested
    signal aboutRequested
    signal presenterToggled
    signal exportRequested(string kind)
    signal scriptOpenRequested
    signal compareToggled
    property bool comparing: false

    MenuItem {
        objectName: "compareItem"
        text: menu.comparing ? qsTr("Leave Compare  Ctrl+K") : qsTr("Compare three ways…  Ctrl+K")
        onTriggered: menu.compareToggled()
    }
    MenuSeparator {}
    MenuItem {
        text: qsTr("Open a run…  Ctrl+O")
        onTriggered: menu.exportRequested("open")
    }
    MenuItem {
        text: qsTr("Save the run…  Ctrl+S")
        onTriggered: menu.exportRequested("save")
    }
    MenuItem {
        text: qsTr("Open Python script…  Ctrl+Shift+O")
        onTriggered: menu.scriptOpenRequested()
    }
    MenuSeparator {}
    MenuItem {
        text: qsTr("Export trace (Chrome JSON)…  Ctrl+E")
        onTriggered: menu.exportRequested("trace")
    }
    MenuItem {
        text: qsTr("Export timeline as PNG…")
        onTriggered: menu.exportRequested("png")
    }
    MenuItem {
        text: qsTr("Export timeline as SVG…")
        onTriggered: menu.exportRequested("svg")
    }
    MenuSeparator {}
    MenuItem {
        text: ViewSettings.presenter ? qsTr("Leave presenter mode  F5") : qsTr("Presenter mode  F5")
        onTriggered: menu.presenterToggled()
    }
    MenuItem {
        checkable: true
        checked: ViewSettings.captions
        text: qsTr("Captions  C")
        onToggled: ViewSettings.captions = checked
    }
    MenuItem {
        checkable: true
        checked: ViewSettings.highContrast
        text: qsTr("High contrast  Ctrl+Shift+C")
        onToggled: ViewSettings.highContrast = checked
    }
    MenuItem {
        text: qsTr("Larger text (%1%)  Ctrl++").arg(ViewSettings.fontPercent)
        enabled: ViewSettings.fontScale < ViewSettings.maxFontScale
        onTriggered: ViewSettings.growFont()
    }
    MenuItem {
        text: qsTr("Smaller text  Ctrl+-")
        enabled: ViewSettings.fontScale > ViewSettings.minFontScale
        onTriggered: ViewSettings.shrinkFont()
    }
    MenuSeparator {}
    MenuItem {
        text: qsTr("Keys  ?")
        onTriggered: menu.helpRequested()
    }
    MenuItem {
        text: qsTr("About Awaitscope")
        onTriggered: menu.aboutRequested()
    }
}
