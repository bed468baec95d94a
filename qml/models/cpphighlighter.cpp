#include "cpphighlighter.h"

#include "styledtext.h"

#include <QSet>

namespace awaitscope {

namespace {

const QSet<QString> &keywords()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        for (const char *k :
             {"alignas",   "auto",      "bool",     "break",    "case",    "catch",    "char",     "class",
              "const",     "constexpr", "continue", "default",  "delete",  "do",       "double",   "else",
              "enum",      "explicit",  "false",    "float",    "for",     "if",       "inline",   "int",
              "long",      "namespace", "new",      "noexcept", "nullptr", "operator", "override", "private",
              "protected", "public",    "return",   "short",    "signed",  "sizeof",   "static",   "struct",
              "switch",    "template",  "this",     "throw",    "true",    "try",      "typename", "unsigned",
              "using",     "virtual",   "void",     "volatile", "while"})
            s.insert(QString::fromLatin1(k));
        return s;
    }();
    return set;
}

QString coloured(QStringView text, const QString &colour, bool bold = false)
{
    QString s = QStringLiteral("<font color=\"") + colour + QStringLiteral("\">") + escapeStyledText(text) +
        QStringLiteral("</font>");
    return bold ? QStringLiteral("<b>") + s + QStringLiteral("</b>") : s;
}

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}
bool isIdent(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

QString highlightCppLine(const QString &line, const CodeColors &colors, bool *inBlockComment)
{
    QString out;
    const qsizetype n = line.size();
    qsizetype i = 0;
    bool dummy = false;
    bool &inComment = inBlockComment ? *inBlockComment : dummy;

    if (!inComment) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1Char('#')))
            return coloured(line, colors.preprocessor);
    }
    while (i < n) {
        if (inComment) {
            const qsizetype end = line.indexOf(QLatin1String("*/"), i);
            const qsizetype stop = end < 0 ? n : end + 2;
            out += coloured(QStringView(line).mid(i, stop - i), colors.comment);
            i = stop;
            if (end >= 0)
                inComment = false;
            continue;
        }
        const QChar c = line.at(i);
        if (c == QLatin1Char('/') && i + 1 < n && line.at(i + 1) == QLatin1Char('/')) {
            out += coloured(QStringView(line).mid(i), colors.comment);
            break;
        }
        if (c == QLatin1Char('/') && i + 1 < n && line.at(i + 1) == QLatin1Char('*')) {
            inComment = true;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            qsizetype j = i + 1;
            while (j < n && line.at(j) != c) {
                if (line.at(j) == QLatin1Char('\\'))
                    ++j;
                ++j;
            }
            j = std::min(j + 1, n);
            out += coloured(QStringView(line).mid(i, j - i), colors.string);
            i = j;
            continue;
        }
        if (c.isDigit()) {
            qsizetype j = i;
            while (j < n &&
                   (line.at(j).isLetterOrNumber() || line.at(j) == QLatin1Char('.') ||
                    line.at(j) == QLatin1Char('\'')))
                ++j;
            out += coloured(QStringView(line).mid(i, j - i), colors.number);
            i = j;
            continue;
        }
        if (isIdentStart(c)) {
            qsizetype j = i;
            while (j < n && isIdent(line.at(j)))
                ++j;
            const QString word = line.mid(i, j - i);
            if (word.startsWith(QLatin1String("co_")))
                out += coloured(word, colors.await, true);
            else if (keywords().contains(word))
                out += coloured(word, colors.keyword);
            else if (word.at(0).isUpper() || word.startsWith(QLatin1String("std")))
                out += coloured(word, colors.type);
            else
                out += escapeStyledText(word);
            i = j;
            continue;
        }
        if (c == QLatin1Char(' ')) {
            // A run of spaces as one piece: it keeps its width, and may wrap at its end only.
            qsizetype j = i;
            while (j < n && line.at(j) == QLatin1Char(' '))
                ++j;
            out += escapeStyledText(QStringView(line).mid(i, j - i));
            i = j;
            continue;
        }
        out += escapeStyledText(QStringView(line).mid(i, 1));
        ++i;
    }
    return out;
}

} // namespace awaitscope
