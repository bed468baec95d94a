#pragma once

#include <QByteArray>
#include <QString>
#include <cstdio>

namespace awaitscope {

/// A JSON string literal's contents (UTF-8): quotes, backslashes and control characters escaped.
inline QByteArray jsonEscaped(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 8);
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
                out.append(buf);
            } else {
                out.append(c);
            }
        }
    }
    return out;
}

} // namespace awaitscope
