#include "pythonhighlighter.h"

#include "styledtext.h"
#include "theme.h"

#include <QColor>
#include <QFont>
#include <QQuickTextDocument>
#include <QSet>
#include <QTextCharFormat>
#include <algorithm>

namespace awaitscope {

namespace {

const QSet<QStringView> &keywords()
{
    static const QSet<QStringView> set = {
        u"False", u"None",   u"True", u"and",   u"as",     u"assert",   u"break", u"class", u"continue",
        u"def",   u"del",    u"elif", u"else",  u"except", u"finally",  u"for",   u"from",  u"global",
        u"if",    u"import", u"in",   u"is",    u"lambda", u"nonlocal", u"not",   u"or",    u"pass",
        u"raise", u"return", u"try",  u"while", u"with",   u"yield",    u"match", u"case"};
    return set;
}

const QSet<QStringView> &builtins()
{
    static const QSet<QStringView> set = {u"print", u"len",  u"range", u"self",      u"str",
                                          u"int",   u"list", u"dict",  u"Exception", u"isinstance"};
    return set;
}

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdent(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Where a string that opened with quote (one or three characters) ends at or after from: the
// index after its closing quote, or -1 if it runs past the line.
qsizetype stringEnd(QStringView line, qsizetype from, QStringView quote)
{
    for (qsizetype i = from; i < line.size(); ++i) {
        if (line[i] == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (line.mid(i).startsWith(quote))
            return i + quote.size();
    }
    return -1;
}

} // namespace

PythonHighlighter::PythonHighlighter(QObject *parent)
    : QSyntaxHighlighter(parent)
{
    connect(Theme::instance(), &Theme::changed, this, &QSyntaxHighlighter::rehighlight);
}

void PythonHighlighter::setTextDocument(QQuickTextDocument *document)
{
    if (m_quickDocument == document)
        return;
    m_quickDocument = document;
    setDocument(document ? document->textDocument() : nullptr);
    Q_EMIT textDocumentChanged();
}

QList<PythonHighlighter::Token> PythonHighlighter::tokens(QStringView line, int *state)
{
    QList<Token> out;
    qsizetype i = 0;
    if (*state != Plain) {
        const QStringView quote = *state == InTripleDouble ? QStringView(u"\"\"\"") : QStringView(u"'''");
        const qsizetype end = stringEnd(line, 0, quote);
        out.append({0, end < 0 ? line.size() : end, Kind::String});
        if (end < 0)
            return out;
        *state = Plain;
        i = end;
    }
    while (i < line.size()) {
        const QChar c = line[i];
        if (c == QLatin1Char('#')) {
            out.append({i, line.size() - i, Kind::Comment});
            break;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const qsizetype start = i;
            const bool triple = line.mid(i, 3) == QString(3, c);
            const QString quote = triple ? QString(3, c) : QString(c);
            const qsizetype end = stringEnd(line, i + quote.size(), quote);
            if (end < 0) {
                out.append({start, line.size() - start, Kind::String});
                if (triple)
                    *state = c == QLatin1Char('"') ? InTripleDouble : InTripleSingle;
                break;
            }
            out.append({start, end - start, Kind::String});
            i = end;
            continue;
        }
        if (c == QLatin1Char('@') && line.left(i).trimmed().isEmpty()) {
            qsizetype j = i + 1;
            while (j < line.size() && (isIdent(line[j]) || line[j] == QLatin1Char('.')))
                ++j;
            out.append({i, j - i, Kind::Decorator});
            i = j;
            continue;
        }
        if (c.isDigit()) {
            qsizetype j = i + 1;
            while (j < line.size() &&
                   (line[j].isLetterOrNumber() || line[j] == QLatin1Char('.') || line[j] == QLatin1Char('_')))
                ++j;
            out.append({i, j - i, Kind::Number});
            i = j;
            continue;
        }
        if (isIdentStart(c)) {
            qsizetype j = i + 1;
            while (j < line.size() && isIdent(line[j]))
                ++j;
            const QStringView word = line.mid(i, j - i);
            const bool prefix = j < line.size() &&
                (line[j] == QLatin1Char('"') || line[j] == QLatin1Char('\'')) && word.size() <= 2 &&
                std::all_of(word.begin(), word.end(),
                            [](QChar p) { return QStringView(u"rbfuRBFU").contains(p); });
            if (prefix) {
                // f"...", rb'...': the prefix belongs to the string.
                const QChar q = line[j];
                const bool triple = line.mid(j, 3) == QString(3, q);
                const QString quote = triple ? QString(3, q) : QString(q);
                const qsizetype end = stringEnd(line, j + quote.size(), quote);
                if (end < 0) {
                    out.append({i, line.size() - i, Kind::String});
                    if (triple)
                        *state = q == QLatin1Char('"') ? InTripleDouble : InTripleSingle;
                    break;
                }
                out.append({i, end - i, Kind::String});
                i = end;
                continue;
            }
            if (word == u"async" || word == u"await")
                out.append({i, j - i, Kind::Await});
            else if (keywords().contains(word))
                out.append({i, j - i, Kind::Keyword});
            else if (builtins().contains(word))
                out.append({i, j - i, Kind::Builtin});
            i = j;
            continue;
        }
        ++i;
    }
    return out;
}

QString PythonHighlighter::styledLine(const QString &line, const CodeColors &colors, int *state)
{
    const auto colorOf = [&colors](Kind kind) -> const QString & {
        switch (kind) {
        case Kind::Keyword:
            return colors.keyword;
        case Kind::Await:
            return colors.await;
        case Kind::String:
            return colors.string;
        case Kind::Comment:
            return colors.comment;
        case Kind::Number:
            return colors.number;
        case Kind::Decorator:
            return colors.preprocessor;
        case Kind::Builtin:
            break;
        }
        return colors.type;
    };
    QString out;
    qsizetype at = 0;
    for (const Token &t : tokens(line, state)) {
        out += escapeStyledText(QStringView(line).mid(at, t.start - at));
        const QString text = escapeStyledText(QStringView(line).mid(t.start, t.length));
        out += t.kind == Kind::Await
            ? QStringLiteral("<b><font color=\"%1\">%2</font></b>").arg(colorOf(t.kind), text)
            : QStringLiteral("<font color=\"%1\">%2</font>").arg(colorOf(t.kind), text);
        at = t.start + t.length;
    }
    out += escapeStyledText(QStringView(line).mid(at));
    return out;
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    const CodeColors &colors = Theme::instance()->code();
    int state = qMax(previousBlockState(), 0);
    for (const Token &t : tokens(text, &state)) {
        QTextCharFormat format;
        switch (t.kind) {
        case Kind::Keyword:
            format.setForeground(QColor(colors.keyword));
            break;
        case Kind::Await:
            format.setForeground(QColor(colors.await));
            format.setFontWeight(QFont::Bold);
            break;
        case Kind::String:
            format.setForeground(QColor(colors.string));
            break;
        case Kind::Comment:
            format.setForeground(QColor(colors.comment));
            format.setFontItalic(true);
            break;
        case Kind::Number:
            format.setForeground(QColor(colors.number));
            break;
        case Kind::Decorator:
            format.setForeground(QColor(colors.preprocessor));
            break;
        case Kind::Builtin:
            format.setForeground(QColor(colors.type));
            break;
        }
        setFormat(int(t.start), int(t.length), format);
    }
    setCurrentBlockState(state);
}

} // namespace awaitscope
