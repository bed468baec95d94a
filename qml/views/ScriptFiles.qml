import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import Awaitscope

// The Python script's files: Open, Save and Save As (written atomically by ScriptSource through
// OutputFile), and the unsaved-changes question (Save / Discard / Cancel) asked before whatever
// would drop an edited script: opening another file, picking an example, leaving the Python
// mode, quitting. Keys: Ctrl+Shift+O opens, Ctrl+Shift+S saves as; Ctrl+S saves only while the
// editor has the keyboard (typing), so a window-wide Ctrl+S (run recordings) must stand aside
// then, as the one-key shortcuts do. A failure is said in a dialog; the editor keeps its text.
Item {
    id: files

    required property RunController controller
    readonly property ScriptSource script: controller.script
    // The script editor has the keyboard.
    property bool typing: false
    // Something waits for the unsaved-changes question to be answered (a function).
    property var pending: null
    // A dialog of these is open (it has the keyboard).
    readonly property bool busy: openDialog.visible || saveDialog.visible || unsaved.visible || problem.visible

    // Gives the keyboard back to the window once a dialog closed.
    signal focusReturned

    // Runs action now if nothing would be lost, else once the question is answered (not at all
    // on Cancel, nor when the save it asked for failed).
    function whenSaved(action: var): void {
        if (!files.script.modified) {
            action()
            return
        }
        files.pending = action
        unsaved.open()
    }
    function open(): void {
        files.whenSaved(() => openDialog.open())
    }
    function save(): void {
        if (files.script.filePath.length === 0) {
            files.saveAs()
            return
        }
        files.report(files.script.filePath, files.script.save())
    }
    function saveAs(): void {
        saveDialog.open()
    }
    // The pending action goes on if it saved.
    function report(path: string, error: string): bool {
        if (error.length === 0)
            return true
        files.pending = null
        problem.text = qsTr("Could not save %1:\n%2\n\nThe editor keeps your text.").arg(path).arg(error)
        problem.title = qsTr("Save failed")
        problem.open()
        return false
    }
    function proceed(): void {
        const action = files.pending
        files.pending = null
        if (action)
            action()
    }

    Shortcut {
        sequences: ["Ctrl+Shift+O"]
        context: Qt.ApplicationShortcut
        onActivated: files.open()
    }
    Shortcut {
        sequences: ["Ctrl+S"]
        context: Qt.ApplicationShortcut
        enabled: files.typing && files.script.active
        onActivated: files.save()
    }
    Shortcut {
        sequences: ["Ctrl+Shift+S"]
        context: Qt.ApplicationShortcut
        enabled: files.script.active
        onActivated: files.saveAs()
    }

    FileDialog {
        id: openDialog
        title: qsTr("Open a Python script")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Python scripts (*.py)"), qsTr("All files (*)")]
        onAccepted: {
            const error = files.script.open(openDialog.selectedFile)
            if (error.length > 0) {
                problem.title = qsTr("Open failed")
                problem.text = error
                problem.open()
                return
            }
            files.controller.reset()
            files.script.active = true
            files.focusReturned()
        }
        onRejected: files.focusReturned()
    }

    FileDialog {
        id: saveDialog
        title: qsTr("Save the Python script as")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Python scripts (*.py)"), qsTr("All files (*)")]
        defaultSuffix: "py"
        onAccepted: {
            const file = saveDialog.selectedFile
            if (files.report(file.toString().replace(/^file:\/\//, ""), files.script.saveAs(file)))
                files.proceed()
            files.focusReturned()
        }
        onRejected: {
            files.pending = null
            files.focusReturned()
        }
    }

    Dialog {
        id: unsaved
        objectName: "unsavedDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        focus: true
        title: qsTr("Unsaved changes")
        standardButtons: Dialog.Save | Dialog.Discard | Dialog.Cancel
        Label {
            objectName: "unsavedMessage"
            width: Math.min(implicitWidth, files.width * 0.6)
            wrapMode: Text.WordWrap
            text: qsTr("%1 has changes that are not saved. Save them first?").arg(files.script.fileName)
        }
        onAccepted: {
            // Save: to its file, or where the user says first.
            if (files.script.filePath.length === 0) {
                saveDialog.open()
                return
            }
            if (files.report(files.script.filePath, files.script.save()))
                files.proceed()
        }
        onDiscarded: {
            files.script.discardChanges()
            unsaved.close()
            files.proceed()
        }
        onRejected: files.pending = null
        // (Unless Save opened the file dialog, which has the keyboard now.)
        onClosed: if (!saveDialog.visible) files.focusReturned()
    }

    Dialog {
        id: problem
        property alias text: message.text
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        focus: true
        standardButtons: Dialog.Ok
        Label {
            id: message
            width: Math.min(implicitWidth, files.width * 0.6)
            wrapMode: Text.WordWrap
        }
        onClosed: files.focusReturned()
    }
}
