#include "seriesgraph.h"

#include "geometrybatch.h"
#include "theme.h"

#include <QSGNode>

namespace awaitscope {

SeriesGraph::SeriesGraph(QQuickItem *parent)
    : QQuickItem(parent)
    , m_color(Theme::instance()->colors().framesGraph)
    , m_warningColor(Theme::instance()->colors().error)
    , m_gridColor(Theme::instance()->colors().gridLine)
{
    setFlag(ItemHasContents, true);
}

void SeriesGraph::setMonitor(ResponsivenessMonitor *monitor)
{
    if (m_monitor == monitor)
        return;
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (m_monitor)
        connect(m_monitor, &ResponsivenessMonitor::sampled, this, &QQuickItem::update);
    update();
    Q_EMIT monitorChanged();
}

void SeriesGraph::setSeries(ResponsivenessMonitor::Series series)
{
    if (m_series == series)
        return;
    m_series = series;
    update();
    Q_EMIT seriesChanged();
}

#define AWAITSCOPE_STYLE_SETTER(name, member, type)                                                          \
    void SeriesGraph::name(type v)                                                                           \
    {                                                                                                        \
        if (member == v)                                                                                     \
            return;                                                                                          \
        member = v;                                                                                          \
        update();                                                                                            \
        Q_EMIT styleChanged();                                                                               \
    }
AWAITSCOPE_STYLE_SETTER(setMaxMs, m_maxMs, double)
AWAITSCOPE_STYLE_SETTER(setThresholdMs, m_thresholdMs, double)
AWAITSCOPE_STYLE_SETTER(setColor, m_color, const QColor &)
AWAITSCOPE_STYLE_SETTER(setWarningColor, m_warningColor, const QColor &)
AWAITSCOPE_STYLE_SETTER(setGridColor, m_gridColor, const QColor &)
#undef AWAITSCOPE_STYLE_SETTER

QSGNode *SeriesGraph::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    QSGNode *root = old ? old : new QSGNode;
    QuadBatch batch;
    const float w = float(width());
    const float h = float(height());
    const auto y = [&](double ms) { return h - float(std::min(ms, m_maxMs) / m_maxMs) * h; };
    if (m_monitor && w > 0 && h > 0) {
        const std::vector<float> samples = m_monitor->history(m_series);
        const float barW = w / float(ResponsivenessMonitor::HistorySize);
        // Newest on the right.
        const float x0 = w - barW * float(samples.size());
        const VertexColor ok = VertexColor::from(m_color);
        const VertexColor warn = VertexColor::from(m_warningColor);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const float x = x0 + barW * float(i);
            const double v = double(samples[i]);
            batch.addRect(x, std::min(y(v), h - 1.0f), x + std::max(1.0f, barW - 0.5f), h,
                          v > m_thresholdMs ? warn : ok);
        }
    }
    if (w > 0 && h > 0 && m_thresholdMs < m_maxMs) {
        const float ty = y(m_thresholdMs);
        batch.addRect(0, ty, w, ty + 1, VertexColor::from(m_gridColor, 0.8));
    }
    batch.commit(root);
    return root;
}

} // namespace awaitscope
