#pragma once

#include <QString>
#include <stdexcept>

namespace awaitscope {

/**
 * Thrown out of an await when its task was cancelled. Like Python's CancelledError it does not
 * derive from std::exception, so `catch (const std::exception &)` in a job does not swallow a
 * cancellation by accident: the task unwinds unless it names TaskCancelled on purpose.
 */
class TaskCancelled {
public:
    TaskCancelled() = default;
};

/// A simulated request failed or timed out: thrown out of `co_await net.get(...)`.
class NetworkError : public std::runtime_error {
public:
    enum class Kind { Failed, TimedOut };
    NetworkError(Kind kind, const QString &message)
        : std::runtime_error(message.toStdString())
        , m_kind(kind)
    {
    }
    Kind kind() const noexcept { return m_kind; }

private:
    Kind m_kind;
};

} // namespace awaitscope
