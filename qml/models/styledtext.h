#pragma once

#include <QString>
#include <QStringView>

namespace awaitscope {

/**
 * Source text made safe for Qt Quick "StyledText" (the code panes' highlighted lines): &, <, >
 * and " escaped; runs of spaces keep their width (non-breaking), but the last space of a run is a
 * plain one, so a long line can still wrap there (between tokens, never inside one); a tab is
 * four non-breaking spaces.
 */
QString escapeStyledText(QStringView text);

} // namespace awaitscope
