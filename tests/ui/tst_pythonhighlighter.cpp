#include "pythonhighlighter.h"

#include <QTest>

using namespace awaitscope;

using Kind = PythonHighlighter::Kind;
using Token = PythonHighlighter::Token;

class TestPythonHighlighter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keywordsAwaitAndComments();
    void strings();
    void tripleQuotedAcrossLines();
    void styledLineEscapesAndEmphasises();
    void styledLineWrapsBetweenTokens();
};

namespace {

QList<Token> lex(const QString &line, int state = PythonHighlighter::Plain)
{
    return PythonHighlighter::tokens(line, &state);
}

} // namespace

void TestPythonHighlighter::keywordsAwaitAndComments()
{
    const QString line = QStringLiteral("async def main():  # go");
    QCOMPARE(lex(line), (QList<Token>{{0, 5, Kind::Await}, {6, 3, Kind::Keyword}, {19, 4, Kind::Comment}}));
    // Names that contain a keyword are not keywords.
    QCOMPARE(lex(QStringLiteral("awaited = define")), QList<Token>{});
    QCOMPARE(lex(QStringLiteral("    x = await net.get(1.5)")),
             (QList<Token>{{8, 5, Kind::Await}, {22, 3, Kind::Number}}));
    QCOMPARE(lex(QStringLiteral("@decorator.x")), (QList<Token>{{0, 12, Kind::Decorator}}));
}

void TestPythonHighlighter::strings()
{
    // A # inside a string is not a comment; escapes do not end it; prefixes belong to it.
    QCOMPARE(lex(QStringLiteral("s = \"a # \\\" b\"  # c")),
             (QList<Token>{{4, 10, Kind::String}, {16, 3, Kind::Comment}}));
    QCOMPARE(lex(QStringLiteral("f'{x}' + rb\"y\"")),
             (QList<Token>{{0, 6, Kind::String}, {9, 5, Kind::String}}));
    // An unterminated one-line string ends with the line and opens nothing.
    int state = PythonHighlighter::Plain;
    QCOMPARE(PythonHighlighter::tokens(u"x = 'open", &state), (QList<Token>{{4, 5, Kind::String}}));
    QCOMPARE(state, int(PythonHighlighter::Plain));
}

void TestPythonHighlighter::tripleQuotedAcrossLines()
{
    int state = PythonHighlighter::Plain;
    QCOMPARE(PythonHighlighter::tokens(u"\"\"\"Doc: await", &state), (QList<Token>{{0, 13, Kind::String}}));
    QCOMPARE(state, int(PythonHighlighter::InTripleDouble));
    QCOMPARE(PythonHighlighter::tokens(u"still 'inside' await", &state),
             (QList<Token>{{0, 20, Kind::String}}));
    QCOMPARE(PythonHighlighter::tokens(u"end.\"\"\" await x", &state),
             (QList<Token>{{0, 7, Kind::String}, {8, 5, Kind::Await}}));
    QCOMPARE(state, int(PythonHighlighter::Plain));
}

void TestPythonHighlighter::styledLineEscapesAndEmphasises()
{
    CodeColors colors;
    colors.await = QStringLiteral("#aa0000");
    colors.string = QStringLiteral("#00aa00");
    int state = PythonHighlighter::Plain;
    const QString styled = PythonHighlighter::styledLine(QStringLiteral("await f('<a>')"), colors, &state);
    QCOMPARE(styled,
             QStringLiteral("<b><font color=\"#aa0000\">await</font></b> f(<font "
                            "color=\"#00aa00\">'&lt;a&gt;'</font>)"));
}

void TestPythonHighlighter::styledLineWrapsBetweenTokens()
{
    // The same escaping as the C++ pane (styledtext.h): a single space is a plain one, where a
    // long line may wrap; a run of spaces keeps its width (all but its last non-breaking).
    int state = PythonHighlighter::Plain;
    const QString styled = PythonHighlighter::styledLine(QStringLiteral("    x = fetch(a,   b)  # \"c\""),
                                                         CodeColors::light(), &state);
    QVERIFY2(styled.startsWith(QLatin1String("&nbsp;&nbsp;&nbsp; x = fetch(a,&nbsp;&nbsp; b)")),
             qPrintable(styled));
    QVERIFY(styled.contains(QLatin1String("&quot;c&quot;")));
    QVERIFY(!styled.contains(QLatin1String("&nbsp;x")));
}

QTEST_MAIN(TestPythonHighlighter)
#include "tst_pythonhighlighter.moc"
