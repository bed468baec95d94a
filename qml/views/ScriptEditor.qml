pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Awaitscope

// The Python script, editable: line numbers, Python highlighting, and over the text the run's
// marks as in the C++ code pane (the lines where tasks wait now, with how many; where waits
// failed; the line a step reached) and the line a script error names. Edits take effect on the
// next Run. No wrapping: one row per line, so the marks sit exactly on their lines (long lines
// scroll sideways with the cursor, the wheel or a drag). Esc gives the keyboard back to the window
// (its one-key shortcuts work again); while the editor has the keyboard (typing), Ctrl+S saves the
// script (ScriptFiles.qml).
Item {
    id: editor

    required property RunController controller
    readonly property ScriptSource script: controller.script
    // The text has the keyboard: the window's one-key shortcuts stand aside.
    readonly property bool typing: area.activeFocus
    readonly property real lineHeight: area.lineCount > 0 ? area.contentHeight / area.lineCount : metrics.height
    readonly property real gutterWidth: 3.2 * Theme.codeFontSize

    signal focusReturned

    function showLine(line: int): void {
        if (line < 1)
            return
        const y = area.topPadding + (line - 1) * editor.lineHeight
        if (y < flick.contentY || y + editor.lineHeight > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(y - flick.height / 3, flick.contentHeight - flick.height))
    }
    // The document position of line (1-based) and column (1-based), clamped to the line.
    function positionOf(line: int, column: int): int {
        const text = area.text
        let at = 0
        for (let n = 1; n < line; ++n) {
            const next = text.indexOf("\n", at)
            if (next < 0)
                return text.length
            at = next + 1
        }
        const end = text.indexOf("\n", at)
        return Math.min(at + Math.max(column - 1, 0), end < 0 ? text.length : end)
    }
    function followedLine(): int {
        const stepping = editor.controller.paused || !editor.controller.running
        return stepping && source.latestLine > 0 ? source.latestLine : source.busiestLine
    }

    FontMetrics {
        id: metrics
        font.family: "monospace"
        font.pixelSize: Theme.codeFontSize
    }

    SourceModel {
        id: source
        traceIndex: editor.controller.view.index
        fileName: editor.script.fileName
        text: editor.script.text
        onBusiestLineChanged: editor.showLine(editor.followedLine())
        onLatestLineChanged: editor.showLine(editor.followedLine())
    }
    Connections {
        target: editor.script
        function onTextChanged(): void {
            if (area.text !== editor.script.text)
                area.text = editor.script.text
        }
        function onResultChanged(): void {
            editor.showLine(editor.script.problemLine)
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        clip: true
        contentWidth: editor.gutterWidth + Math.max(area.implicitWidth, flick.width - editor.gutterWidth)
        contentHeight: Math.max(area.implicitHeight, flick.height)
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {
            focusPolicy: Qt.NoFocus
        }

        // The run's marks, behind the text.
        Repeater {
            model: source
            delegate: Rectangle {
                id: mark
                required property int lineNumber
                required property int waiting
                required property bool blocking
                required property int failures
                required property string failureText
                readonly property bool problem: editor.script.problemLine === mark.lineNumber
                readonly property bool atLine: editor.controller.paused && source.latestLine === mark.lineNumber
                visible: mark.problem || mark.blocking || mark.waiting > 0 || mark.failures > 0 || mark.atLine
                x: 0
                y: area.topPadding + (mark.lineNumber - 1) * editor.lineHeight
                width: flick.contentWidth
                height: editor.lineHeight
                color: mark.problem ? Theme.colors.codeFailed
                     : mark.blocking ? Theme.colors.codeBlocking
                     : mark.waiting > 0 ? Theme.colors.codeWaiting
                     : mark.failures > 0 ? Theme.colors.codeFailed : "transparent"
                border.color: mark.atLine || mark.problem ? Theme.colors.codeSelectedBorder : "transparent"
                border.width: mark.atLine || mark.problem ? 2 : 0
            }
        }

        Column {
            id: gutter
            x: 0
            y: area.topPadding
            width: editor.gutterWidth
            Repeater {
                model: area.lineCount
                delegate: Text {
                    id: number
                    required property int index
                    // The line a script error names: marked here, where no code runs under it.
                    readonly property bool problem: editor.script.problemLine === number.index + 1
                    width: editor.gutterWidth
                    height: editor.lineHeight
                    horizontalAlignment: Text.AlignRight
                    verticalAlignment: Text.AlignVCenter
                    text: number.problem ? "✕" + (number.index + 1) : number.index + 1
                    color: number.problem ? Theme.colors.error : editor.palette.windowText
                    opacity: number.problem ? 1 : 0.45
                    font.family: "monospace"
                    font.bold: number.problem
                    font.pixelSize: Theme.codeFontSize
                }
            }
        }

        TextArea {
            id: area
            objectName: "scriptEditor"
            x: editor.gutterWidth
            width: flick.contentWidth - editor.gutterWidth
            height: flick.contentHeight
            leftPadding: Theme.spacing
            textFormat: TextEdit.PlainText
            wrapMode: TextEdit.NoWrap
            selectByMouse: true
            persistentSelection: true
            font.family: "monospace"
            font.pixelSize: Theme.codeFontSize
            tabStopDistance: 4 * metrics.averageCharacterWidth
            background: null
            Component.onCompleted: area.text = editor.script.text
            onTextChanged: editor.script.text = area.text
            // Tab indents with spaces, as Python wants.
            Keys.onTabPressed: area.insert(area.cursorPosition, "    ")
            Keys.onEscapePressed: editor.focusReturned()
            onCursorRectangleChanged: {
                const r = area.cursorRectangle
                if (r.y + area.y < flick.contentY)
                    flick.contentY = r.y + area.y
                else if (r.y + r.height + area.y > flick.contentY + flick.height)
                    flick.contentY = r.y + r.height + area.y - flick.height
                if (r.x + area.x < flick.contentX + editor.gutterWidth)
                    flick.contentX = Math.max(0, r.x + area.x - editor.gutterWidth)
                else if (r.x + area.x > flick.contentX + flick.width - Theme.spacing)
                    flick.contentX = r.x + area.x - flick.width + Theme.spacing
            }
        }
        PythonHighlighter {
            textDocument: area.textDocument
        }

        // Where on its line a syntax error is (CPython's caret): a box around that character.
        Rectangle {
            id: caret
            objectName: "problemColumn"
            readonly property rect at: editor.script.problemColumn > 0 && editor.script.problemLine > 0
                                       ? area.positionToRectangle(editor.positionOf(editor.script.problemLine,
                                                                                    editor.script.problemColumn))
                                       : Qt.rect(0, 0, 0, 0)
            visible: caret.at.height > 0
            x: area.x + caret.at.x - caret.border.width
            y: area.y + caret.at.y + caret.border.width
            width: Math.max(metrics.averageCharacterWidth, 2) + 2 * caret.border.width
            height: caret.at.height - 2 * caret.border.width
            color: "transparent"
            border.color: Theme.colors.error
            border.width: 2
        }

        // The counts, over the text (a line's end may run under them).
        Repeater {
            model: source
            delegate: Item {
                id: badgeRow
                required property int lineNumber
                required property int waiting
                required property bool blocking
                required property int failures
                required property string failureText
                visible: badgeRow.waiting > 0 || badgeRow.failures > 0
                y: area.topPadding + (badgeRow.lineNumber - 1) * editor.lineHeight
                width: flick.contentWidth
                height: editor.lineHeight

                Row {
                    // Kept at the right edge of the visible part, however far the text scrolls.
                    x: flick.contentX + flick.width - width - Theme.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: Theme.spacing / 2
                    z: 2
                    Label {
                        visible: badgeRow.waiting > 0
                        leftPadding: Theme.spacing
                        rightPadding: Theme.spacing
                        font.pixelSize: Theme.smallFontSize
                        font.bold: true
                        color: Theme.colors.onAccent
                        text: badgeRow.blocking ? qsTr("%L1 blocking").arg(badgeRow.waiting)
                                            : qsTr("%L1 waiting").arg(badgeRow.waiting)
                        background: Rectangle {
                            radius: height / 2
                            color: badgeRow.blocking ? Theme.colors.warning : Theme.colors.accent
                        }
                    }
                    Label {
                        visible: badgeRow.failures > 0
                        leftPadding: Theme.spacing
                        rightPadding: Theme.spacing
                        font.pixelSize: Theme.smallFontSize
                        font.bold: true
                        color: Theme.colors.onAccent
                        text: qsTr("✕ %L1").arg(badgeRow.failures)
                        background: Rectangle {
                            radius: height / 2
                            color: Theme.colors.error
                        }
                        ToolTip.visible: failHover.hovered
                        ToolTip.text: qsTr("Waits on this line: %1").arg(badgeRow.failureText)
                        HoverHandler {
                            id: failHover
                        }
                    }
                }
            }
        }
    }
}
