#include "names.h"

#include <QLocale>
#include <array>
#include <cmath>
#include <utility>

namespace awaitscope {

namespace {

constexpr std::array<std::pair<TaskOutcome, QLatin1StringView>, 4> Outcomes{{
    {TaskOutcome::Running, QLatin1StringView("running")},
    {TaskOutcome::Ok, QLatin1StringView("ok")},
    {TaskOutcome::Error, QLatin1StringView("error")},
    {TaskOutcome::Cancelled, QLatin1StringView("cancelled")},
}};

constexpr std::array<std::pair<WaitResult, QLatin1StringView>, 4> Results{{
    {WaitResult::Ok, QLatin1StringView("ok")},
    {WaitResult::Failed, QLatin1StringView("failed")},
    {WaitResult::TimedOut, QLatin1StringView("timed out")},
    {WaitResult::Cancelled, QLatin1StringView("cancelled")},
}};

template<typename Table, typename Value>
QLatin1StringView nameIn(const Table &table, Value v)
{
    for (const auto &[value, name] : table) {
        if (value == v)
            return name;
    }
    return QLatin1StringView("unknown");
}

template<typename Value, typename Table>
std::optional<Value> valueIn(const Table &table, QLatin1StringView n)
{
    for (const auto &[value, name] : table) {
        if (name == n)
            return value;
    }
    return std::nullopt;
}

} // namespace

QLatin1StringView outcomeName(TaskOutcome outcome)
{
    return nameIn(Outcomes, outcome);
}

std::optional<TaskOutcome> outcomeFromName(QLatin1StringView name)
{
    return valueIn<TaskOutcome>(Outcomes, name);
}

QLatin1StringView waitResultName(WaitResult result)
{
    return nameIn(Results, result);
}

std::optional<WaitResult> waitResultFromName(QLatin1StringView name)
{
    return valueIn<WaitResult>(Results, name);
}

QString formatDuration(qint64 ns)
{
    const double a = std::abs(double(ns));
    const auto num = [](double v) {
        // Thousands grouped as the captions group them: "40,379 s", not "40379 s".
        if (std::abs(v) >= 1000)
            return QLocale(QLocale::English).toString(qlonglong(std::llround(v)));
        QString s = QString::number(v, 'f', std::abs(v) < 10 ? 2 : (std::abs(v) < 100 ? 1 : 0));
        if (s.contains(QLatin1Char('.'))) {
            while (s.endsWith(QLatin1Char('0')))
                s.chop(1);
            if (s.endsWith(QLatin1Char('.')))
                s.chop(1);
        }
        return s;
    };
    if (ns == 0)
        return QStringLiteral("0");
    if (a >= 1e9)
        return num(double(ns) / 1e9) + QStringLiteral(" s");
    if (a >= 1e6)
        return num(double(ns) / 1e6) + QStringLiteral(" ms");
    if (a >= 1e3)
        return num(double(ns) / 1e3) + QStringLiteral(" µs");
    return QString::number(ns) + QStringLiteral(" ns");
}

} // namespace awaitscope
