#include "comparecontroller.h"

#include "timemath.h"

#include <QQmlEngine>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace awaitscope {

CompareController::CompareController(QObject *parent)
    : QObject(parent)
    , m_ticker([this] { poll(); })
    , m_player([this] { play(); })
{
    m_wall.start();
    for (int v = 0; v < Variants; ++v) {
        auto *variant = new CompareVariant(v, this);
        QQmlEngine::setObjectOwnership(variant, QQmlEngine::CppOwnership);
        variant->view()->setTrace(&m_run.session(v).runtime().trace());
        connect(variant, &CompareVariant::samplesChanged, this, &CompareController::samplesChanged);
        m_variants[std::size_t(v)] = variant;
        m_variantList << variant;
    }
    connect(&m_run, &CompareRun::variantFinished, this, &CompareController::onVariantFinished);
    connect(&m_run, &CompareRun::finished, this, &CompareController::onFinished);
}

CompareController::~CompareController()
{
    m_ticker.stop();
    m_player.stop();
    m_run.stop();
}

void CompareController::setController(RunController *controller)
{
    if (m_controller == controller)
        return;
    m_controller = controller;
    Q_EMIT controllerChanged();
}

void CompareController::setMonitor(ResponsivenessMonitor *monitor)
{
    if (m_monitor == monitor)
        return;
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (m_monitor)
        connect(m_monitor, &ResponsivenessMonitor::sampleTaken, this, &CompareController::onSample);
    Q_EMIT monitorChanged();
}

double CompareController::wallSpeed() const
{
    return m_config.clock == ClockMode::Real ? m_config.speed : 0.0;
}

qint64 CompareController::wallNow() const
{
    return m_monitor ? m_monitor->timestampNs() : m_wall.nsecsElapsed();
}

int CompareController::current() const
{
    if (m_pending)
        return 0;
    // (The variants know first: the next one is marked running as the last one ends.)
    for (const CompareVariant *v : m_variants) {
        if (v->running())
            return v->index();
    }
    return -1;
}

QString CompareController::status() const
{
    if (!m_error.isEmpty())
        return m_error;
    const int v = current();
    if (v >= 0)
        return tr("%1/%2 %3 running…").arg(v + 1).arg(Variants).arg(m_variants[std::size_t(v)]->title());
    if (m_finished)
        return tr("Done: one time for all three");
    return {};
}

QString CompareController::formatDuration(double ns) const
{
    return timemath::formatDuration(qint64(ns));
}

qint64 CompareController::end() const
{
    qint64 e = 0;
    for (CompareVariant *v : m_variants)
        e = std::max(e, v->view()->playhead()->end());
    return e;
}

double CompareController::stripScaleMs() const
{
    double top = MinStripScaleMs;
    for (CompareVariant *v : m_variants)
        top = std::max({top, v->maxLagMs(), v->maxFrameMs()});
    return top;
}

bool CompareController::enter()
{
    if (!m_active) {
        // One run at a time: the normal one stops (and would distort the figures otherwise).
        if (m_controller)
            m_controller->reset();
        m_active = true;
        Q_EMIT activeChanged();
    }
    return start();
}

bool CompareController::start()
{
    if (!m_active)
        return false;
    stopPlaying();
    m_ticker.stop();
    m_pending = false;
    m_run.reset();
    for (CompareVariant *v : m_variants)
        v->clear();
    m_finished = false;
    m_live = true;
    m_time = 0;
    const RunConfig config = m_controller ? m_controller->settings()->runConfig() : RunConfig{};
    m_error = CompareRun::validate(config);
    if (!m_error.isEmpty()) {
        Q_EMIT stateChanged();
        Q_EMIT timeChanged();
        Q_EMIT notice(m_error);
        return false;
    }
    m_config = CompareRun::common(config);
    for (CompareVariant *v : m_variants) {
        v->view()->reset();
        v->view()->setFacts({qint64(m_config.network.latencyMs * 1e6), v->index() == 0});
    }
    // The blocking variant freezes the loop as it starts: first let the window draw the cleared
    // view and the status that says which variant runs.
    m_pending = true;
    Q_EMIT stateChanged();
    Q_EMIT timeChanged();
    QTimer::singleShot(RunController::BlockingStartDelayMs, this, [this, config] {
        if (!m_pending)
            return; // left or restarted meanwhile
        m_pending = false;
        m_variants[0]->started(wallNow(), wallSpeed());
        if (const QString error = m_run.start(config); !error.isEmpty()) {
            m_variants[0]->clear();
            m_error = error;
            Q_EMIT notice(m_error);
        }
        m_ticker.start();
        Q_EMIT stateChanged();
    });
    return true;
}

void CompareController::leave()
{
    if (!m_active)
        return;
    stopPlaying();
    m_ticker.stop();
    m_pending = false;
    m_run.reset();
    for (CompareVariant *v : m_variants) {
        v->clear();
        v->view()->reset();
    }
    m_finished = false;
    m_error.clear();
    m_time = 0;
    m_live = true;
    m_active = false;
    Q_EMIT stateChanged();
    Q_EMIT timeChanged();
    Q_EMIT activeChanged();
}

void CompareController::toggle()
{
    m_active ? leave() : void(enter());
}

void CompareController::poll()
{
    const int v = m_run.current();
    if (v >= 0)
        m_variants[std::size_t(v)]->view()->update(RunController::PollBudgetNs,
                                                   m_run.session(v).runtime().now());
    if (!running())
        m_ticker.stop();
}

void CompareController::onVariantFinished(int v)
{
    CompareVariant *variant = m_variants[std::size_t(v)];
    RunView *view = variant->view();
    // All of it, up to its last event (the state timeline reads once the index has nothing new).
    for (int i = 0; i < 3 && (!view->index()->caughtUp() || !view->playhead()->caughtUp()); ++i)
        view->update(-1, -1);
    view->setEnded(true);
    const CompareResult &r = m_run.results().back();
    const qint64 now = wallNow();
    variant->ended(now, r.totalNs, r.longestHoldNs);
    if (v + 1 < Variants)
        m_variants[std::size_t(v) + 1]->started(now, wallSpeed()); // (CompareRun starts it next)
    Q_EMIT stateChanged();
    Q_EMIT timeChanged();
}

void CompareController::onFinished()
{
    m_ticker.stop();
    m_finished = true;
    goLive();
    Q_EMIT stateChanged();
    Q_EMIT compareFinished();
}

void CompareController::onSample(ResponsivenessMonitor::Series series, double ms, qint64 atNs)
{
    if (!m_active)
        return;
    for (CompareVariant *v : m_variants) {
        if (!v->covers(atNs, ms))
            continue;
        series == ResponsivenessMonitor::Lag ? v->addLag(atNs, ms) : v->addFrame(atNs, ms);
        return;
    }
}

void CompareController::setTime(qint64 t, bool live)
{
    m_time = t;
    m_live = live;
    for (CompareVariant *v : m_variants) {
        Playhead *p = v->view()->playhead();
        if (live)
            p->goLive();
        else
            p->seek(double(std::min(t, p->end()))); // (a run that ended earlier shows its end)
    }
    Q_EMIT timeChanged();
}

void CompareController::seek(double ns)
{
    if (!std::isfinite(ns) || running())
        return;
    stopPlaying();
    setTime(std::clamp<qint64>(qint64(ns), 0, end()), false);
}

void CompareController::goLive()
{
    stopPlaying();
    setTime(end(), true);
}

bool CompareController::stepEvent(int direction)
{
    if (direction == 0 || running())
        return false;
    // The nearest event of any of the three.
    qint64 best = -1;
    for (CompareVariant *v : m_variants) {
        const StateTimeline *timeline = v->view()->playhead()->timeline();
        if (!timeline)
            continue;
        const qint64 t =
            direction > 0 ? timeline->nextEventTime(m_time) : timeline->previousEventTime(m_time);
        if (t >= 0 && (best < 0 || (direction > 0 ? t < best : t > best)))
            best = t;
    }
    if (best < 0)
        return false;
    seek(double(best));
    return true;
}

void CompareController::togglePlay()
{
    if (playing()) {
        stopPlaying();
        return;
    }
    if (running() || !m_finished)
        return;
    if (m_live || m_time >= end())
        setTime(0, false); // a replay from the start
    m_player.start(); // (its first tick starts the wall clock)
    Q_EMIT playingChanged();
}

void CompareController::stopPlaying()
{
    if (!playing())
        return;
    m_player.stop();
    Q_EMIT playingChanged();
}

void CompareController::play()
{
    if (m_player.currentTime() == 0) {
        m_playWall.start();
        m_lastPlayNs = 0;
        return;
    }
    const qint64 wall = m_playWall.nsecsElapsed();
    const double speed = m_controller ? m_controller->settings()->speed() : 1.0;
    const qint64 t = m_time + qint64(double(wall - m_lastPlayNs) * speed);
    m_lastPlayNs = wall;
    if (t >= end()) {
        goLive();
        return;
    }
    setTime(t, false);
}

} // namespace awaitscope
