#pragma once

#include <QString>

namespace awaitscope {

/// Colours of the code pane's syntax highlighting, as "#rrggbb" for StyledText; one set per
/// theme variant.
struct CodeColors {
    QString keyword;
    QString type;
    QString string;
    QString comment;
    QString number;
    QString preprocessor;
    QString await; // co_await, co_return: what the audience should see first

    static const CodeColors &light();
    static const CodeColors &dark();
    static const CodeColors &highContrastLight();
    static const CodeColors &highContrastDark();
};

} // namespace awaitscope
