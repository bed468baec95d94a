#include "cpphighlighter.h"

#include <QTest>

using namespace awaitscope;

class TestCppHighlighter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void colours_data();
    void colours();
    void escapes();
    void wrapsOnlyBetweenTokens();
    void blockComment();
};

void TestCppHighlighter::colours_data()
{
    const CodeColors c = CodeColors::light();
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("await") << QStringLiteral("co_await x;")
                           << QStringLiteral("<b><font color=\"%1\">co_await</font></b>").arg(c.await);
    QTest::newRow("keyword") << QStringLiteral("int x")
                             << QStringLiteral("<font color=\"%1\">int</font>").arg(c.keyword);
    QTest::newRow("string") << QStringLiteral("f(\"a b\")")
                            << QStringLiteral("<font color=\"%1\">&quot;a b&quot;</font>").arg(c.string);
    QTest::newRow("comment") << QStringLiteral("x; // why")
                             << QStringLiteral("<font color=\"%1\">// why</font>").arg(c.comment);
    QTest::newRow("number") << QStringLiteral("x = 42;")
                            << QStringLiteral("<font color=\"%1\">42</font>").arg(c.number);
    QTest::newRow("include")
        << QStringLiteral("#include <a>")
        << QStringLiteral("<font color=\"%1\">#include &lt;a&gt;</font>").arg(c.preprocessor);
}

void TestCppHighlighter::colours()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    bool inComment = false;
    const QString html = highlightCppLine(line, CodeColors::light(), &inComment);
    QVERIFY2(html.contains(expected), qPrintable(html));
    QVERIFY(!inComment);
}

void TestCppHighlighter::escapes()
{
    const QString html = highlightCppLine(QStringLiteral("a < b && c > d"), CodeColors::dark(), nullptr);
    QVERIFY(!html.contains(QLatin1String(" < ")));
    QVERIFY(html.contains(QLatin1String("&lt;")));
    QVERIFY(html.contains(QLatin1String("&amp;&amp;")));
}

void TestCppHighlighter::wrapsOnlyBetweenTokens()
{
    // A run of spaces keeps its width: all but its last space are non-breaking, so a wrapped
    // line breaks between tokens ("co_a wait" was seen), never inside one.
    const QString html = highlightCppLine(QStringLiteral("x =   co_await y"), CodeColors::light(), nullptr);
    QVERIFY2(html.contains(QLatin1String("=&nbsp;&nbsp; ")), qPrintable(html));
    QVERIFY(html.contains(QLatin1String("co_await")));
    QVERIFY(!html.contains(QLatin1String("&nbsp;y")));
}

void TestCppHighlighter::blockComment()
{
    bool inComment = false;
    const CodeColors c = CodeColors::light();
    highlightCppLine(QStringLiteral("x = 1; /* starts"), c, &inComment);
    QVERIFY(inComment);
    const QString middle = highlightCppLine(QStringLiteral("int still comment"), c, &inComment);
    QVERIFY(middle.startsWith(QStringLiteral("<font color=\"%1\">").arg(c.comment)));
    QVERIFY(inComment);
    highlightCppLine(QStringLiteral("ends */ int y;"), c, &inComment);
    QVERIFY(!inComment);
}

QTEST_APPLESS_MAIN(TestCppHighlighter)
#include "tst_cpphighlighter.moc"
