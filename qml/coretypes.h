#pragma once

// Types of the GUI-free core that QML sees as property types. The core knows nothing of QML, so
// they are registered here (QML_FOREIGN) rather than where they are declared.

#include "traceindex.h"

#include <QtQml/qqml.h>

namespace awaitscope {

struct TraceIndexForeign {
    Q_GADGET
    QML_FOREIGN(awaitscope::TraceIndex)
    QML_NAMED_ELEMENT(TraceIndex)
    QML_UNCREATABLE("A TraceIndex belongs to a run view")
};

} // namespace awaitscope
