// Every colour of the window, the timeline and the code pane: the one file that holds them.

#include "codecolors.h"
#include "themecolors.h"
#include "timelinecolors.h"

namespace awaitscope {

namespace {

QColor rgb(const char *hex, double alpha = 1.0)
{
    QColor c = QColor::fromString(QLatin1StringView(hex));
    c.setAlphaF(float(alpha));
    return c;
}

} // namespace

const ThemeColors &ThemeColors::light()
{
    static const ThemeColors c{
        .accent = rgb("#2563eb"),
        .error = rgb("#dc2626"),
        .warning = rgb("#d97706"),
        .onAccent = rgb("#ffffff"),
        .codeWaiting = rgb("#dbeafe"),
        .codeBlocking = rgb("#fde68a"),
        .codeSelected = rgb("#e5e7eb"),
        .codeSelectedBorder = rgb("#ca8a04"),
        .framesGraph = rgb("#16a34a"),
        .lagGraph = rgb("#0891b2"),
        .gridLine = rgb("#808080"),
        .heartbeat = rgb("#e11d48"),
        .overlay = rgb("#000000", 0.69),
        .overlayText = rgb("#ffffff"),
    };
    return c;
}

const ThemeColors &ThemeColors::dark()
{
    static const ThemeColors c{
        .accent = rgb("#2563eb"),
        .error = rgb("#dc2626"),
        .warning = rgb("#d97706"),
        .onAccent = rgb("#ffffff"),
        .codeWaiting = rgb("#1e3a8a"),
        .codeBlocking = rgb("#5c3a06"),
        .codeSelected = rgb("#374151"),
        .codeSelectedBorder = rgb("#ca8a04"),
        .framesGraph = rgb("#16a34a"),
        .lagGraph = rgb("#0891b2"),
        .gridLine = rgb("#808080"),
        .heartbeat = rgb("#e11d48"),
        .overlay = rgb("#000000", 0.69),
        .overlayText = rgb("#ffffff"),
    };
    return c;
}

const TimelineColors &TimelineColors::light()
{
    static const TimelineColors c{
        .stripe = rgb("#000000", 0.035),
        .selected = rgb("#2563eb", 0.16),
        .highlightRow = rgb("#eab308", 0.22),
        .grid = rgb("#000000", 0.10),
        .wait = rgb("#2563eb"),
        .join = rgb("#94a3b8"),
        .nested = rgb("#9333ea"),
        .block = rgb("#f59e0b"),
        .failed = rgb("#dc2626"),
        .cancelled = rgb("#9ca3af"),
        .tick = rgb("#111827"),
        .lifeline = rgb("#64748b", 0.7),
        .errorMark = rgb("#b91c1c"),
        .cancelMark = rgb("#4b5563"),
        .highlight = rgb("#ca8a04"),
        .playhead = rgb("#e11d48"),
        .density = rgb("#2563eb"),
        .densityBlock = rgb("#d97706"),
    };
    return c;
}

const TimelineColors &TimelineColors::dark()
{
    static const TimelineColors c{
        .stripe = rgb("#ffffff", 0.035),
        .selected = rgb("#60a5fa", 0.22),
        .highlightRow = rgb("#facc15", 0.16),
        .grid = rgb("#ffffff", 0.10),
        .wait = rgb("#3b82f6"),
        .join = rgb("#64748b"),
        .nested = rgb("#a855f7"),
        .block = rgb("#f59e0b"),
        .failed = rgb("#ef4444"),
        .cancelled = rgb("#9ca3af"),
        .tick = rgb("#e5e7eb"),
        .lifeline = rgb("#94a3b8", 0.7),
        .errorMark = rgb("#f87171"),
        .cancelMark = rgb("#d1d5db"),
        .highlight = rgb("#facc15"),
        .playhead = rgb("#f43f5e"),
        .density = rgb("#60a5fa"),
        .densityBlock = rgb("#f59e0b"),
    };
    return c;
}

const CodeColors &CodeColors::light()
{
    static const CodeColors c{
        .keyword = QStringLiteral("#8e24aa"),
        .type = QStringLiteral("#1565c0"),
        .string = QStringLiteral("#2e7d32"),
        .comment = QStringLiteral("#6b7280"),
        .number = QStringLiteral("#c2410c"),
        .preprocessor = QStringLiteral("#00838f"),
        .await = QStringLiteral("#b45309"),
    };
    return c;
}

const CodeColors &CodeColors::dark()
{
    static const CodeColors c{
        .keyword = QStringLiteral("#c792ea"),
        .type = QStringLiteral("#82aaff"),
        .string = QStringLiteral("#c3e88d"),
        .comment = QStringLiteral("#8a93a6"),
        .number = QStringLiteral("#f78c6c"),
        .preprocessor = QStringLiteral("#89ddff"),
        .await = QStringLiteral("#ffcb6b"),
    };
    return c;
}

} // namespace awaitscope
