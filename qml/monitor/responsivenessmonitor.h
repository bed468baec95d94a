#pragma once

#include "frameticker.h"
#include "lagattribution.h"
#include "pacer.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <atomic>
#include <vector>

namespace awaitscope {

/**
 * Proof of responsiveness: the time between frames the window presented (from frameSwapped,
 * which the render thread emits: received queued on this object's thread), and the event loop's
 * lag (a 16 ms timer measuring how late it is served). Keeps a short history for the graphs and
 * every sample for --metrics, and says what held the GUI thread when the probe ran late
 * (LagAttribution: engine batches and frame polls reported by the controller, the wait for the
 * render thread to synchronise each frame measured from the window's signals).
 */
class ResponsivenessMonitor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickWindow *window READ window WRITE setWindow NOTIFY windowChanged)
    Q_PROPERTY(double frameMs READ frameMs NOTIFY readoutChanged)
    Q_PROPERTY(double lagMs READ lagMs NOTIFY readoutChanged)
    Q_PROPERTY(double recentMaxFrameMs READ recentMaxFrameMs NOTIFY readoutChanged)
    Q_PROPERTY(double recentMaxLagMs READ recentMaxLagMs NOTIFY readoutChanged)
    Q_PROPERTY(double fps READ fps NOTIFY readoutChanged)
    /// The largest sample of each graph's history (what its scale must reach).
    Q_PROPERTY(double shownMaxLagMs READ shownMaxLagMs NOTIFY readoutChanged)
    Q_PROPERTY(double shownMaxFrameMs READ shownMaxFrameMs NOTIFY readoutChanged)
    Q_PROPERTY(int frameCount READ frameCount NOTIFY readoutChanged)
public:
    static constexpr int ProbeIntervalMs = 16;
    static constexpr std::size_t HistorySize = 240;
    /// The numbers refresh four times a second: readable, and no text relaid out every frame.
    static constexpr qint64 ReadoutIntervalNs = 250'000'000;

    enum Series { Frames, Lag };
    Q_ENUM(Series)

    explicit ResponsivenessMonitor(QObject *parent = nullptr);

    QQuickWindow *window() const { return m_window; }
    void setWindow(QQuickWindow *window);

    /// The mean frame time over the last FpsWindow frames: the same frames fps() counts, so
    /// the two figures always agree (1000 / frameMs == fps).
    double frameMs() const;
    static constexpr std::size_t FpsWindow = 30;
    double lagMs() const noexcept { return m_lagMs; }
    double recentMaxFrameMs() const;
    double recentMaxLagMs() const;
    double fps() const;
    double shownMaxLagMs() const;
    double shownMaxFrameMs() const;
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

    /// Whether to say what held the GUI thread (only --metrics asks: in a workshop it would be
    /// bookkeeping per batch and per frame that nobody reads). Set it before setWindow().
    void setAttributing(bool on) noexcept { m_attributing = on; }
    bool isAttributing() const noexcept { return m_attributing; }
    /// Nanoseconds on the monitor's monotonic clock (any thread): the time base of recordWork.
    qint64 timestampNs() const { return m_clock.nsecsElapsed(); }
    /// The GUI thread did work of this kind from beginNs to endNs (GUI thread only; ignored
    /// unless attributing).
    void recordWork(LagAttribution::Work kind, qint64 beginNs, qint64 endNs);
    const LagAttribution &attribution() const noexcept { return m_attribution; }

    /// {"frames": {...}, "loop_lag": {...}} with counts and percentiles in ms, and
    /// "lag_attribution": {...} when attributing.
    QJsonObject metrics() const;

Q_SIGNALS:
    void windowChanged();
    /// New samples arrived: at most once per animation frame (the graphs redraw on it).
    void sampled();
    /// The numeric readouts changed: at most every ReadoutIntervalNs.
    void readoutChanged();
    /// Every sample as it is taken, with the time it was taken (timestampNs()): for whoever
    /// records them per run (Compare).
    void sampleTaken(awaitscope::ResponsivenessMonitor::Series series, double ms, qint64 atNs);

private:
    void onFrameSwapped();
    void onProbe();
    void onAnimationFrame();
    void takeSyncSpans();
    void markSampled();

    QPointer<QQuickWindow> m_window;
    QTimer m_probe;
    // Notifications go out on the animation tick, so they join the frame being prepared instead
    // of each asking the render loop for one more (the monitor would otherwise drive the frame
    // rate it measures).
    FrameTicker m_ticker;
    bool m_sampledPending = false;
    Pacer m_readouts{ReadoutIntervalNs};
    QElapsedTimer m_clock;
    qint64 m_lastProbeNs = -1;
    qint64 m_lastFrameNs = -1;
    double m_lagMs = 0;
    std::vector<float> m_frames; // ring
    std::vector<float> m_lags; // ring
    std::size_t m_frameHead = 0;
    std::size_t m_lagHead = 0;
    std::vector<float> m_allFrames;
    std::vector<float> m_allLags;
    LagAttribution m_attribution;
    bool m_attributing = false;
    // Frame synchronisation, measured on the render thread: from afterAnimating (the GUI thread
    // starts to wait) to afterSynchronizing (it is released).
    std::atomic<qint64> m_syncWaitBeginNs{-1};
    QMutex m_syncMutex;
    std::vector<std::pair<qint64, qint64>> m_syncSpans; // guarded by m_syncMutex
};

} // namespace awaitscope
