#pragma once

#include "codecolors.h"

#include <QString>

namespace awaitscope {

/**
 * One line of C++ as Qt Quick "StyledText" (font colours, &nbsp; for spaces). A small lexer, not a
 * parser: keywords, strings, numbers, comments and preprocessor lines. inBlockComment carries a
 * block comment from one line to the next.
 */
QString highlightCppLine(const QString &line, const CodeColors &colors, bool *inBlockComment);

} // namespace awaitscope
