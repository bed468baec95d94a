#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace awaitscope {

/**
 * Proof of responsiveness: the time between frames the window presented (from frameSwapped,
 * which the render thread emits: received queued on this object's thread), and the event loop's
 * lag (a 16 ms timer measuring how late it is served). Keeps a short history for the graphs and
 * every sample for --metrics.
 */
class ResponsivenessMonitor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickWindow *window READ window WRITE setWindow NOTIFY windowChanged)
    Q_PROPERTY(double frameMs READ frameMs NOTIFY sampled)
    Q_PROPERTY(double lagMs READ lagMs NOTIFY sampled)
    Q_PROPERTY(double recentMaxFrameMs READ recentMaxFrameMs NOTIFY sampled)
    Q_PROPERTY(double recentMaxLagMs READ recentMaxLagMs NOTIFY sampled)
    Q_PROPERTY(double fps READ fps NOTIFY sampled)
    Q_PROPERTY(int frameCount READ frameCount NOTIFY sampled)
public:
    static constexpr int ProbeIntervalMs = 16;
    static constexpr std::size_t HistorySize = 240;

    enum Series { Frames, Lag };
    Q_ENUM(Series)

    explicit ResponsivenessMonitor(QObject *parent = nullptr);

    QQuickWindow *window() const { return m_window; }
    void setWindow(QQuickWindow *window);

    double frameMs() const noexcept { return m_frameMs; }
    double lagMs() const noexcept { return m_lagMs; }
    double recentMaxFrameMs() const;
    double recentMaxLagMs() const;
    double fps() const;
    int frameCount() const noexcept { return int(m_allFrames.size()); }

    /// The last HistorySize samples of a series, oldest first.
    std::vector<float> history(Series series) const;
    const std::vector<float> &allFrames() const noexcept { return m_allFrames; }
    const std::vector<float> &allLags() const noexcept { return m_allLags; }

    /// Records samples by hand (tests, and the probes themselves).
    void addFrame(double ms);
    void addLag(double ms);
    Q_INVOKABLE void clear();
    /// Starts the loop-lag probe (done by the first frame when there is a window).
    Q_INVOKABLE void startProbe();

    /// {"frames": {...}, "loop_lag": {...}} with counts and percentiles in ms.
    QJsonObject metrics() const;

Q_SIGNALS:
    void windowChanged();
    void sampled();

private:
    void onFrameSwapped();
    void onProbe();

    QPointer<QQuickWindow> m_window;
    QTimer m_probe;
    QElapsedTimer m_clock;
    qint64 m_lastProbeNs = -1;
    qint64 m_lastFrameNs = -1;
    double m_frameMs = 0;
    double m_lagMs = 0;
    std::vector<float> m_frames; // ring
    std::vector<float> m_lags; // ring
    std::size_t m_frameHead = 0;
    std::size_t m_lagHead = 0;
    std::vector<float> m_allFrames;
    std::vector<float> m_allLags;
};

} // namespace awaitscope
