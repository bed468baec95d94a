#pragma once

#include "comparerun.h"
#include "comparevariant.h"
#include "frameticker.h"
#include "responsivenessmonitor.h"
#include "runcontroller.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQmlListProperty>
#include <QtQml/qqmlregistration.h>
#include <array>

namespace awaitscope {

/**
 * The window's Compare mode (Ctrl+K): the same job three ways (blocking, callbacks, co_await),
 * run in turn by a CompareRun with the window's settings, then shown together. Each variant has
 * its own RunView over its own trace (CompareVariant), and the responsiveness samples the
 * monitor took during its own run. While a variant runs its view is polled once per frame; the
 * blocking one freezes the window for real, so it starts only after the window has drawn the
 * cleared view (RunController::BlockingStartDelayMs).
 *
 * Once all three have finished there is one time for all three: seek, steps, play and live move
 * every variant's playhead to it (each clamped to its own end: a run that ended earlier shows
 * its end). Leaving Compare stops and clears it; the normal view was reset on entering.
 */
class CompareController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        awaitscope::RunController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(awaitscope::ResponsivenessMonitor *monitor READ monitor WRITE setMonitor NOTIFY monitorChanged)
    Q_PROPERTY(QQmlListProperty<awaitscope::CompareVariant> variants READ variantList CONSTANT)
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY stateChanged)
    /// The variant running (-1: none).
    Q_PROPERTY(int current READ current NOTIFY stateChanged)
    /// What is going on, in a few words ("2/3 callbacks running…").
    Q_PROPERTY(QString status READ status NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    /// The runs' clock is the virtual one (their times are simulated).
    Q_PROPERTY(bool virtualClock READ virtualClock NOTIFY stateChanged)
    /// The shared time, and the longest variant's end.
    Q_PROPERTY(double timeNs READ timeNs NOTIFY timeChanged)
    Q_PROPERTY(double endNs READ endNs NOTIFY timeChanged)
    Q_PROPERTY(bool live READ live NOTIFY timeChanged)
    Q_PROPERTY(bool playing READ playing NOTIFY playingChanged)
    /// The top of every responsiveness strip's scale: the largest sample of the three, in ms.
    Q_PROPERTY(double stripScaleMs READ stripScaleMs NOTIFY samplesChanged)
public:
    static constexpr int Variants = CompareRun::Variants;
    /// The strips' scale reaches at least this (ms): a smooth run stays low on it.
    static constexpr double MinStripScaleMs = 50.0;

    explicit CompareController(QObject *parent = nullptr);
    ~CompareController() override;

    RunController *controller() const { return m_controller; }
    void setController(RunController *controller);
    ResponsivenessMonitor *monitor() const { return m_monitor; }
    void setMonitor(ResponsivenessMonitor *monitor);
    QQmlListProperty<CompareVariant> variantList() { return {this, &m_variantList}; }
    CompareVariant *variant(int v) const { return m_variants[std::size_t(v)]; }
    const CompareRun &run() const noexcept { return m_run; }

    bool active() const noexcept { return m_active; }
    bool running() const noexcept { return m_pending || m_run.isRunning(); }
    bool finished() const noexcept { return m_finished; }
    int current() const;
    QString status() const;
    QString error() const { return m_error; }
    bool virtualClock() const noexcept { return m_config.clock == ClockMode::Virtual; }
    double timeNs() const noexcept { return double(m_time); }
    double endNs() const noexcept { return double(end()); }
    qint64 end() const;
    bool live() const noexcept { return m_live; }
    bool playing() const noexcept { return m_player.isActive(); }
    double stripScaleMs() const;

    /// Enters Compare (the normal run is reset) and starts it; false (and error set) if the
    /// settings do not suit every variant.
    Q_INVOKABLE bool enter();
    /// Runs the three again with the current settings.
    Q_INVOKABLE bool start();
    /// Stops and clears Compare, back to the normal view.
    Q_INVOKABLE void leave();
    Q_INVOKABLE void toggle();

    Q_INVOKABLE void seek(double ns);
    Q_INVOKABLE void goLive();
    Q_INVOKABLE bool stepEvent(int direction);
    Q_INVOKABLE void toStart() { seek(0); }
    Q_INVOKABLE void toEnd() { seek(double(end())); }
    Q_INVOKABLE void togglePlay();
    Q_INVOKABLE void stopPlaying();

    Q_INVOKABLE QString formatDuration(double ns) const;

    /// Reads what the variants recorded now (the per-frame poll does it by itself).
    void pollNow() { poll(); }

Q_SIGNALS:
    void controllerChanged();
    void monitorChanged();
    void activeChanged();
    void stateChanged();
    void timeChanged();
    void playingChanged();
    void samplesChanged();
    /// All three have finished.
    void compareFinished();
    /// A short message for the window (an invalid setting), shown for a few seconds.
    void notice(const QString &text);

private:
    void poll();
    void play();
    void setTime(qint64 t, bool live);
    void onVariantFinished(int v);
    void onFinished();
    void onSample(ResponsivenessMonitor::Series series, double ms, qint64 atNs);
    qint64 wallNow() const;
    /// The run's time per wall time (the speed on the real clock; 0 on the virtual clock).
    double wallSpeed() const;

    QPointer<RunController> m_controller;
    QPointer<ResponsivenessMonitor> m_monitor;
    CompareRun m_run;
    std::array<CompareVariant *, Variants> m_variants{};
    QList<CompareVariant *> m_variantList; // (the same, for QML)
    RunConfig m_config;
    FrameTicker m_ticker;
    FrameTicker m_player;
    QElapsedTimer m_wall; // without a monitor: the wall clock of the variants
    QElapsedTimer m_playWall;
    qint64 m_lastPlayNs = 0;
    bool m_active = false;
    bool m_pending = false; // the blocking variant starts after the window has drawn
    bool m_finished = false;
    QString m_error;
    qint64 m_time = 0;
    bool m_live = true;
};

} // namespace awaitscope
