#include "comparerun.h"

#include "spanreader.h"

#include <QMetaObject>
#include <algorithm>

namespace awaitscope {

const std::array<QString, CompareRun::Variants> &CompareRun::variantNames()
{
    static const std::array<QString, Variants> names{QStringLiteral("blocking"), QStringLiteral("callbacks"),
                                                     QStringLiteral("await")};
    return names;
}

const std::array<QString, CompareRun::Variants> &CompareRun::variantScenarios()
{
    static const std::array<QString, Variants> ids{QStringLiteral("blocking"), QStringLiteral("callbacks"),
                                                   QStringLiteral("fan-out")};
    return ids;
}

CompareRun::CompareRun(QObject *parent)
    : QObject(parent)
{
    for (int v = 0; v < Variants; ++v) {
        m_sessions[std::size_t(v)] = std::make_unique<Session>();
        // Queued: the next variant starts out of the batch the last one ended in.
        connect(m_sessions[std::size_t(v)].get(), &Session::finished, this, &CompareRun::onVariantFinished,
                Qt::QueuedConnection);
    }
}

CompareRun::~CompareRun()
{
    m_current = -1;
}

RunConfig CompareRun::common(const RunConfig &config)
{
    RunConfig c = config;
    if (c.jobs == -1)
        c.jobs = DefaultJobs;
    return c;
}

QString CompareRun::validate(const RunConfig &config)
{
    for (int v = 0; v < Variants; ++v) {
        RunConfig c = common(config);
        c.scenario = variantScenarios()[std::size_t(v)];
        if (const QString error = c.validate(); !error.isEmpty())
            return QStringLiteral("--compare runs the %1 variant too: %2")
                .arg(variantNames()[std::size_t(v)], error);
    }
    return {};
}

QString CompareRun::start(const RunConfig &config)
{
    if (const QString error = validate(config); !error.isEmpty())
        return error;
    stop();
    m_config = common(config);
    m_results.clear();
    startVariant(0);
    return {};
}

void CompareRun::stop()
{
    const int running = std::exchange(m_current, -1);
    if (running >= 0)
        m_sessions[std::size_t(running)]->stop();
}

void CompareRun::reset()
{
    stop();
    for (const std::unique_ptr<Session> &session : m_sessions)
        session->reset();
    m_results.clear();
}

void CompareRun::startVariant(int variant)
{
    m_current = variant;
    RunConfig c = m_config;
    c.scenario = variantScenarios()[std::size_t(variant)];
    Session &session = *m_sessions[std::size_t(variant)];
    const QString error = session.start(c); // (validated before)
    Q_ASSERT(error.isEmpty());
    if (!error.isEmpty() || !session.isRunning())
        QMetaObject::invokeMethod(this, &CompareRun::onVariantFinished, Qt::QueuedConnection);
}

void CompareRun::onVariantFinished()
{
    if (m_current < 0)
        return; // stopped
    const int done = m_current;
    Session &session = *m_sessions[std::size_t(done)];
    CompareResult r = measure(variantNames()[std::size_t(done)], session.runtime().trace(), session.config());
    r.requests = quint32(session.network().stats().requests);
    m_results.push_back(r);
    Q_EMIT variantFinished(done);
    if (done + 1 < Variants) {
        startVariant(done + 1);
        return;
    }
    m_current = -1;
    Q_EMIT finished();
}

CompareResult CompareRun::measure(const QString &variant, const Trace &trace, const RunConfig &config)
{
    struct Visitor : SpanVisitor {
        std::vector<std::pair<qint64, qint64>> blocks;
        qint64 longestHoldWallNs = 0;
        void blockEnded(TaskId, qint64 begin, qint64 end, SiteId) { blocks.emplace_back(begin, end); }
        void held(TaskId, qint64, qint64 wallNs) { longestHoldWallNs = std::max(longestHoldWallNs, wallNs); }
    } v;
    readSpans(trace, v, true);
    // Blocked sections one right after another (jobs blocking in turn in one batch) hold the
    // loop without a break: the longest such stretch is the freeze.
    std::sort(v.blocks.begin(), v.blocks.end());
    qint64 longestBlockNs = 0;
    for (std::size_t i = 0; i < v.blocks.size();) {
        const qint64 begin = v.blocks[i].first;
        qint64 end = v.blocks[i].second;
        for (++i; i < v.blocks.size() && v.blocks[i].first - end <= MaxBreakNs; ++i)
            end = std::max(end, v.blocks[i].second);
        longestBlockNs = std::max(longestBlockNs, end - begin);
    }
    CompareResult r;
    r.variant = variant;
    r.scenario = config.scenario;
    r.totalNs = trace.size() > 0 ? trace.at(trace.size() - 1).timeNs - trace.at(0).timeNs : 0;
    // A blocked section holds the loop for all of its length in the run's clock. On the real
    // clock, a hold measured in wall time is that times the speed in the run's clock; on the
    // virtual clock wall time says nothing about the run.
    r.longestHoldNs = longestBlockNs;
    if (config.clock == ClockMode::Real)
        r.longestHoldNs = std::max(r.longestHoldNs, qint64(double(v.longestHoldWallNs) * config.speed));
    return r;
}

} // namespace awaitscope
