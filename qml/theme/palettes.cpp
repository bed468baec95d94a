// Every colour of the window, the timeline and the code pane: the one file that holds them.
//
// States use the Okabe-Ito palette (distinct for the common colour-vision deficiencies), and each
// outcome also has its own shape on the timeline. The high-contrast sets aim at 7:1 for text and
// strong fills for bars: projectors wash colours out.

#include "codecolors.h"
#include "theme.h"
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
        .accent = rgb("#0072b2"),
        .error = rgb("#c0392b"),
        .warning = rgb("#b86e00"),
        .onAccent = rgb("#ffffff"),
        .codeWaiting = rgb("#d6eaf8"),
        .codeBlocking = rgb("#fde3a7"),
        .codeSelected = rgb("#e5e7eb"),
        .codeSelectedBorder = rgb("#b86e00"),
        .codeFailed = rgb("#fadbd8"),
        .timedOut = rgb("#a3507f"),
        .cancelled = rgb("#6b7280"),
        .hold = rgb("#d55e00"),
        .caption = rgb("#1f2937"),
        .captionText = rgb("#ffffff"),
        .framesGraph = rgb("#009e73"),
        .lagGraph = rgb("#0072b2"),
        .gridLine = rgb("#808080"),
        .heartbeat = rgb("#d55e00"),
        .overlay = rgb("#000000", 0.69),
        .overlayText = rgb("#ffffff"),
    };
    return c;
}

const ThemeColors &ThemeColors::dark()
{
    static const ThemeColors c{
        .accent = rgb("#3b9ede"),
        .error = rgb("#ef6f5e"),
        .warning = rgb("#e69f00"),
        .onAccent = rgb("#ffffff"),
        .codeWaiting = rgb("#123a5c"),
        .codeBlocking = rgb("#5c3a06"),
        .codeSelected = rgb("#374151"),
        .codeSelectedBorder = rgb("#e69f00"),
        .codeFailed = rgb("#5c1e16"),
        .timedOut = rgb("#cc79a7"),
        .cancelled = rgb("#9ca3af"),
        .hold = rgb("#ff8a3d"),
        .caption = rgb("#f3f4f6"),
        .captionText = rgb("#111827"),
        .framesGraph = rgb("#009e73"),
        .lagGraph = rgb("#56b4e9"),
        .gridLine = rgb("#a0a0a0"),
        .heartbeat = rgb("#ff8a3d"),
        .overlay = rgb("#000000", 0.75),
        .overlayText = rgb("#ffffff"),
    };
    return c;
}

const ThemeColors &ThemeColors::highContrastLight()
{
    static const ThemeColors c{
        .accent = rgb("#004c80"),
        .error = rgb("#a00000"),
        .warning = rgb("#7a4a00"),
        .onAccent = rgb("#ffffff"),
        .codeWaiting = rgb("#b3d7f2"),
        .codeBlocking = rgb("#ffd27a"),
        .codeSelected = rgb("#d0d0d0"),
        .codeSelectedBorder = rgb("#000000"),
        .codeFailed = rgb("#ffb3ad"),
        .timedOut = rgb("#7a1f5c"),
        .cancelled = rgb("#333333"),
        .hold = rgb("#a33a00"),
        .caption = rgb("#000000"),
        .captionText = rgb("#ffffff"),
        .framesGraph = rgb("#006b4f"),
        .lagGraph = rgb("#004c80"),
        .gridLine = rgb("#000000"),
        .heartbeat = rgb("#a33a00"),
        .overlay = rgb("#000000", 0.85),
        .overlayText = rgb("#ffffff"),
    };
    return c;
}

const ThemeColors &ThemeColors::highContrastDark()
{
    static const ThemeColors c{
        .accent = rgb("#7cc4f5"),
        .error = rgb("#ff8a80"),
        .warning = rgb("#ffc233"),
        .onAccent = rgb("#000000"),
        .codeWaiting = rgb("#0b4a7a"),
        .codeBlocking = rgb("#6b4400"),
        .codeSelected = rgb("#404040"),
        .codeSelectedBorder = rgb("#ffffff"),
        .codeFailed = rgb("#7a1010"),
        .timedOut = rgb("#f5a3d0"),
        .cancelled = rgb("#d0d0d0"),
        .hold = rgb("#ffa05a"),
        .caption = rgb("#ffffff"),
        .captionText = rgb("#000000"),
        .framesGraph = rgb("#33d6a6"),
        .lagGraph = rgb("#7cc4f5"),
        .gridLine = rgb("#ffffff"),
        .heartbeat = rgb("#ffa05a"),
        .overlay = rgb("#000000", 0.9),
        .overlayText = rgb("#ffffff"),
    };
    return c;
}

const TimelineColors &TimelineColors::light()
{
    static const TimelineColors c{
        .stripe = rgb("#000000", 0.035),
        .selected = rgb("#0072b2", 0.16),
        .highlightRow = rgb("#e69f00", 0.22),
        .grid = rgb("#000000", 0.10),
        .wait = rgb("#0072b2"),
        .join = rgb("#94a3b8"),
        .nested = rgb("#009e73"),
        .block = rgb("#e69f00"),
        .blockHatch = rgb("#8a5a00"),
        .failed = rgb("#d55e00"),
        .timedOut = rgb("#cc79a7"),
        .cancelled = rgb("#a8a8a8"),
        .tick = rgb("#111827"),
        .lifeline = rgb("#64748b", 0.7),
        .errorMark = rgb("#a33a00"),
        .timeoutMark = rgb("#7a1f5c"),
        .cancelMark = rgb("#374151"),
        .highlight = rgb("#e69f00"),
        .playhead = rgb("#d55e00"),
        .hold = rgb("#d55e00"),
        .density = {rgb("#0072b2"), rgb("#56b4e9"), rgb("#009e73"), rgb("#cc79a7"), rgb("#94a3b8")},
        .densityBlock = rgb("#e69f00"),
        .densityAxis = rgb("#000000", 0.45),
    };
    return c;
}

const TimelineColors &TimelineColors::dark()
{
    static const TimelineColors c{
        .stripe = rgb("#ffffff", 0.035),
        .selected = rgb("#56b4e9", 0.22),
        .highlightRow = rgb("#e69f00", 0.18),
        .grid = rgb("#ffffff", 0.10),
        .wait = rgb("#3b9ede"),
        .join = rgb("#64748b"),
        .nested = rgb("#20b98a"),
        .block = rgb("#e69f00"),
        .blockHatch = rgb("#6b4400"),
        .failed = rgb("#ef7d3a"),
        .timedOut = rgb("#d98ab8"),
        .cancelled = rgb("#8a8a8a"),
        .tick = rgb("#e5e7eb"),
        .lifeline = rgb("#94a3b8", 0.7),
        .errorMark = rgb("#ffb080"),
        .timeoutMark = rgb("#f5c0de"),
        .cancelMark = rgb("#e5e7eb"),
        .highlight = rgb("#f0e442"),
        .playhead = rgb("#ff8a3d"),
        .hold = rgb("#ff8a3d"),
        .density = {rgb("#3b9ede"), rgb("#8fd0f5"), rgb("#20b98a"), rgb("#d98ab8"), rgb("#64748b")},
        .densityBlock = rgb("#e69f00"),
        .densityAxis = rgb("#ffffff", 0.5),
    };
    return c;
}

const TimelineColors &TimelineColors::highContrastLight()
{
    static const TimelineColors c{
        .stripe = rgb("#000000", 0.07),
        .selected = rgb("#004c80", 0.25),
        .highlightRow = rgb("#e69f00", 0.35),
        .grid = rgb("#000000", 0.25),
        .wait = rgb("#004c80"),
        .join = rgb("#505a66"),
        .nested = rgb("#006b4f"),
        .block = rgb("#e69f00"),
        .blockHatch = rgb("#000000"),
        .failed = rgb("#a33a00"),
        .timedOut = rgb("#7a1f5c"),
        .cancelled = rgb("#6b6b6b"),
        .tick = rgb("#000000"),
        .lifeline = rgb("#000000", 0.8),
        .errorMark = rgb("#000000"),
        .timeoutMark = rgb("#000000"),
        .cancelMark = rgb("#000000"),
        .highlight = rgb("#000000"),
        .playhead = rgb("#a33a00"),
        .hold = rgb("#a33a00"),
        .density = {rgb("#004c80"), rgb("#2f8fcf"), rgb("#006b4f"), rgb("#7a1f5c"), rgb("#505a66")},
        .densityBlock = rgb("#b86e00"),
        .densityAxis = rgb("#000000"),
    };
    return c;
}

const TimelineColors &TimelineColors::highContrastDark()
{
    static const TimelineColors c{
        .stripe = rgb("#ffffff", 0.08),
        .selected = rgb("#7cc4f5", 0.3),
        .highlightRow = rgb("#ffc233", 0.3),
        .grid = rgb("#ffffff", 0.25),
        .wait = rgb("#7cc4f5"),
        .join = rgb("#b0b8c4"),
        .nested = rgb("#33d6a6"),
        .block = rgb("#ffc233"),
        .blockHatch = rgb("#000000"),
        .failed = rgb("#ff8a3d"),
        .timedOut = rgb("#f5a3d0"),
        .cancelled = rgb("#b0b0b0"),
        .tick = rgb("#ffffff"),
        .lifeline = rgb("#ffffff", 0.8),
        .errorMark = rgb("#ffffff"),
        .timeoutMark = rgb("#ffffff"),
        .cancelMark = rgb("#ffffff"),
        .highlight = rgb("#ffffff"),
        .playhead = rgb("#ffa05a"),
        .hold = rgb("#ffa05a"),
        .density = {rgb("#7cc4f5"), rgb("#c2e4fb"), rgb("#33d6a6"), rgb("#f5a3d0"), rgb("#b0b8c4")},
        .densityBlock = rgb("#ffc233"),
        .densityAxis = rgb("#ffffff"),
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

const CodeColors &CodeColors::highContrastLight()
{
    static const CodeColors c{
        .keyword = QStringLiteral("#5b0f80"),
        .type = QStringLiteral("#0b3d91"),
        .string = QStringLiteral("#1b5e20"),
        .comment = QStringLiteral("#3f3f3f"),
        .number = QStringLiteral("#8a2a00"),
        .preprocessor = QStringLiteral("#005a63"),
        .await = QStringLiteral("#8a2a00"),
    };
    return c;
}

const CodeColors &CodeColors::highContrastDark()
{
    static const CodeColors c{
        .keyword = QStringLiteral("#e0b3ff"),
        .type = QStringLiteral("#a8c8ff"),
        .string = QStringLiteral("#d4f5a8"),
        .comment = QStringLiteral("#c8c8c8"),
        .number = QStringLiteral("#ffb28a"),
        .preprocessor = QStringLiteral("#a6f0ff"),
        .await = QStringLiteral("#ffd24d"),
    };
    return c;
}

QPalette highContrastPalette(bool dark)
{
    const QColor back = dark ? rgb("#000000") : rgb("#ffffff");
    const QColor fore = dark ? rgb("#ffffff") : rgb("#000000");
    const QColor button = dark ? rgb("#1a1a1a") : rgb("#f0f0f0");
    const QColor highlight = dark ? rgb("#7cc4f5") : rgb("#004c80");
    QPalette p;
    for (const auto role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::ToolTipBase})
        p.setColor(role, back);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
                            QPalette::BrightText, QPalette::PlaceholderText})
        p.setColor(role, fore);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::Mid, fore);
    p.setColor(QPalette::Dark, fore);
    p.setColor(QPalette::Mid, dark ? rgb("#a0a0a0") : rgb("#505050"));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, back);
    p.setColor(QPalette::Disabled, QPalette::WindowText, dark ? rgb("#a0a0a0") : rgb("#505050"));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, dark ? rgb("#a0a0a0") : rgb("#505050"));
    p.setColor(QPalette::Disabled, QPalette::Text, dark ? rgb("#a0a0a0") : rgb("#505050"));
    return p;
}

} // namespace awaitscope
