#pragma once

#include "codecolors.h"

#include <QList>
#include <QPointer>
#include <QQuickTextDocument>
#include <QSyntaxHighlighter>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/**
 * Python highlighting for the script editor (a TextArea's textDocument) in the theme's code
 * colours: keywords, strings (triple-quoted ones across lines), comments, numbers, decorators,
 * and `async`/`await` emphasised like co_await. A small lexer, not a parser; tokens() is the
 * same lexer for the read-only views and the tests.
 */
class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        QQuickTextDocument *textDocument READ textDocument WRITE setTextDocument NOTIFY textDocumentChanged)
public:
    enum class Kind { Keyword, Await, String, Comment, Number, Decorator, Builtin };
    struct Token {
        qsizetype start;
        qsizetype length;
        Kind kind;
        bool operator==(const Token &) const = default;
    };
    /// Open multi-line string carried from one line to the next.
    enum State { Plain = 0, InTripleDouble = 1, InTripleSingle = 2 };

    explicit PythonHighlighter(QObject *parent = nullptr);

    QQuickTextDocument *textDocument() const { return m_quickDocument; }
    void setTextDocument(QQuickTextDocument *document);

    /// The tokens of one line; *state is the line's opening state in, its closing state out.
    static QList<Token> tokens(QStringView line, int *state);
    /// One line as Qt Quick StyledText in colors (for read-only views).
    static QString styledLine(const QString &line, const CodeColors &colors, int *state);

Q_SIGNALS:
    void textDocumentChanged();

protected:
    void highlightBlock(const QString &text) override;

private:
    QPointer<QQuickTextDocument> m_quickDocument;
};

} // namespace awaitscope
