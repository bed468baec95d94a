#include "styledtext.h"

namespace awaitscope {

QString escapeStyledText(QStringView text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        switch (c.unicode()) {
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '"':
            out += QStringLiteral("&quot;");
            break;
        case ' ':
            out += i + 1 < text.size() && text[i + 1] == QLatin1Char(' ') ? QStringLiteral("&nbsp;")
                                                                          : QStringLiteral(" ");
            break;
        case '\t':
            out += QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace awaitscope
