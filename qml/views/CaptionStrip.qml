import QtQuick
import QtQuick.Controls
import Awaitscope

// One sentence that narrates the run (the Narrator, from the trace), large enough for the back
// of the room. C toggles it.
Rectangle {
    id: strip

    property alias text: caption.text

    implicitHeight: caption.implicitHeight + 2 * Theme.padding
    radius: Theme.spacing / 2
    color: Theme.colors.caption

    Label {
        id: caption
        objectName: "captionText"
        anchors.fill: parent
        anchors.margins: Theme.padding
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
        // (The end of a run says the most: up to three lines on a narrow projector.)
        maximumLineCount: 3
        elide: Text.ElideRight
        color: Theme.colors.captionText
        font.pixelSize: Theme.titleFontSize
    }
}
