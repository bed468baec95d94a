#pragma once

#include "runconfig.h"
#include "trace.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace awaitscope {

/**
 * A run kept for later: its trace, the settings it ran with and the source of the files its
 * sites point at (what the code pane shows). What RecordingReader and ChromeTraceReader load and
 * RecordingWriter saves; docs/recording-format.md describes the file.
 */
struct Recording {
    std::unique_ptr<Trace> trace = std::make_unique<Trace>();
    std::optional<RunConfig> config; // none for a trace from another program
    QMap<QString, QString> sources; // file name ("fetchuser.cpp") -> its text
    QString format; // what the file was: "awaitscope recording 1", "chrome trace"
    QStringList notes; // what a loader simplified, for the user to read
    QString fileName; // the name of the file it was opened from, if the opener says (the window's title)
    bool fromAwaitscope = true; // false: another program wrote it (tracks and slices, its own clock)

    /// A trace another program wrote: its lanes are threads and async ids, its bars slices.
    bool isForeign() const noexcept { return !fromAwaitscope; }
};

namespace recording {
/// The first bytes of a recording file.
inline constexpr char Magic[8] = {'A', 'W', 'A', 'I', 'T', 'R', 'E', 'C'};
inline constexpr quint32 Version = 1;
/// No trace time goes beyond this (about three years of simulated time): more is a broken file.
inline constexpr qint64 MaxTimeNs = qint64(100'000'000) * 1'000'000'000;
// Sections, in this order, each a 4-byte tag, a 64-bit length and the payload.
inline constexpr char ConfigTag[4] = {'C', 'O', 'N', 'F'};
inline constexpr char StringsTag[4] = {'S', 'T', 'R', 'S'};
inline constexpr char SitesTag[4] = {'S', 'I', 'T', 'E'};
inline constexpr char TasksTag[4] = {'T', 'A', 'S', 'K'};
inline constexpr char EventsTag[4] = {'E', 'V', 'N', 'T'};
inline constexpr char SourcesTag[4] = {'S', 'R', 'C', 'S'};
inline constexpr char EndTag[4] = {'E', 'N', 'D', '.'};
inline constexpr qint64 SiteBytes = 13; // label, file, line (u32), kind (u8)
inline constexpr qint64 TaskBytes = 16; // parent, name (u32), name argument (i32), message (u32)
inline constexpr qint64 EventBytes = 16; // time (i64), task (u32), kind and argument (u32)
} // namespace recording

} // namespace awaitscope
