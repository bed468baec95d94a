#pragma once

#include <QString>

namespace awaitscope {

/// Colours of the code pane, for a light or a dark background.
struct CodeColors {
    QString keyword;
    QString type;
    QString string;
    QString comment;
    QString number;
    QString preprocessor;
    QString await; // co_await, co_return: what the audience should see first

    static CodeColors forDark(bool dark);
};

/**
 * One line of C++ as Qt Quick "StyledText" (font colours, &nbsp; for spaces). A small lexer, not a
 * parser: keywords, strings, numbers, comments and preprocessor lines. inBlockComment carries a
 * block comment from one line to the next.
 */
QString highlightCppLine(const QString &line, const CodeColors &colors, bool *inBlockComment);

} // namespace awaitscope
