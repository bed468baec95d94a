#pragma once

#include "names.h"
#include "runlimits.h"
#include "runsettings.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/**
 * The core's limits and words, for QML (`Core.maxLatencyMs`, `Core.outcomeError`): the spin
 * boxes and the lanes read them here instead of repeating them.
 */
class CoreConstants : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Core)
    QML_SINGLETON
    Q_PROPERTY(double minSpeed MEMBER m_minSpeed CONSTANT)
    Q_PROPERTY(double maxSpeed MEMBER m_maxSpeed CONSTANT)
    Q_PROPERTY(double teachingSpeed MEMBER m_teachingSpeed CONSTANT)
    Q_PROPERTY(double maxLatencyMs MEMBER m_maxLatencyMs CONSTANT)
    Q_PROPERTY(double maxJitterMs MEMBER m_maxJitterMs CONSTANT)
    Q_PROPERTY(double maxTimeoutMs MEMBER m_maxTimeoutMs CONSTANT)
    Q_PROPERTY(int maxSeed MEMBER m_maxSeed CONSTANT)
    /// Holding the loop longer than this is a warning (one frame at 60 Hz).
    Q_PROPERTY(double holdThresholdMs MEMBER m_holdThresholdMs CONSTANT)
    Q_PROPERTY(QString outcomeRunning MEMBER m_outcomeRunning CONSTANT)
    Q_PROPERTY(QString outcomeOk MEMBER m_outcomeOk CONSTANT)
    Q_PROPERTY(QString outcomeError MEMBER m_outcomeError CONSTANT)
    Q_PROPERTY(QString outcomeCancelled MEMBER m_outcomeCancelled CONSTANT)
public:
    explicit CoreConstants(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

private:
    double m_minSpeed = limits::MinSpeed;
    double m_maxSpeed = limits::MaxSpeed;
    double m_teachingSpeed = RunSettings::TeachingSpeed;
    double m_maxLatencyMs = limits::MaxLatencyMs;
    double m_maxJitterMs = limits::MaxJitterMs;
    double m_maxTimeoutMs = limits::MaxTimeoutMs;
    int m_maxSeed = int(limits::MaxSeed);
    double m_holdThresholdMs = double(HoldThresholdNs) / 1e6;
    QString m_outcomeRunning = outcomeName(TaskOutcome::Running);
    QString m_outcomeOk = outcomeName(TaskOutcome::Ok);
    QString m_outcomeError = outcomeName(TaskOutcome::Error);
    QString m_outcomeCancelled = outcomeName(TaskOutcome::Cancelled);
};

} // namespace awaitscope
