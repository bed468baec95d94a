#include "responsivenessstrip.h"

#include "geometrybatch.h"
#include "theme.h"
#include "timemath.h"

#include <QSGNode>
#include <algorithm>

namespace awaitscope {

ResponsivenessStrip::ResponsivenessStrip(QQuickItem *parent)
    : QQuickItem(parent)
    , m_lagColor(Theme::instance()->colors().lagGraph)
    , m_frameColor(Theme::instance()->colors().framesGraph)
    , m_warningColor(Theme::instance()->colors().error)
    , m_gridColor(Theme::instance()->colors().gridLine)
{
    setFlag(ItemHasContents, true);
}

void ResponsivenessStrip::setVariant(CompareVariant *variant)
{
    if (m_variant == variant)
        return;
    if (m_variant)
        disconnect(m_variant, nullptr, this, nullptr);
    m_variant = variant;
    if (m_variant) {
        connect(m_variant, &CompareVariant::samplesChanged, this, &QQuickItem::update);
        connect(m_variant, &CompareVariant::stateChanged, this, &QQuickItem::update);
    }
    update();
    Q_EMIT variantChanged();
}

void ResponsivenessStrip::setZoom(TimelineZoomControl *zoom)
{
    if (m_zoom == zoom)
        return;
    if (m_zoom)
        disconnect(m_zoom, nullptr, this, nullptr);
    m_zoom = zoom;
    if (m_zoom)
        connect(m_zoom, &TimelineZoomControl::viewChanged, this, &QQuickItem::update);
    update();
    Q_EMIT zoomChanged();
}

#define AWAITSCOPE_STYLE_SETTER(name, member, type)                                                          \
    void ResponsivenessStrip::name(type v)                                                                   \
    {                                                                                                        \
        if (member == v)                                                                                     \
            return;                                                                                          \
        member = v;                                                                                          \
        update();                                                                                            \
        Q_EMIT styleChanged();                                                                               \
    }
AWAITSCOPE_STYLE_SETTER(setMaxMs, m_maxMs, double)
AWAITSCOPE_STYLE_SETTER(setThresholdMs, m_thresholdMs, double)
AWAITSCOPE_STYLE_SETTER(setLagColor, m_lagColor, const QColor &)
AWAITSCOPE_STYLE_SETTER(setFrameColor, m_frameColor, const QColor &)
AWAITSCOPE_STYLE_SETTER(setWarningColor, m_warningColor, const QColor &)
AWAITSCOPE_STYLE_SETTER(setGridColor, m_gridColor, const QColor &)
#undef AWAITSCOPE_STYLE_SETTER

std::vector<ResponsivenessStrip::Bar> ResponsivenessStrip::bars() const
{
    std::vector<Bar> out;
    const double w = width();
    const float h = float(height());
    if (!m_variant || !m_zoom || w <= 0 || h <= 0 || !(m_maxMs > 0))
        return out;
    const timemath::View view = m_zoom->view();
    const auto x = [&](qint64 wallNs) {
        return float(timemath::timeToPixel(m_variant->wallToRun(wallNs), view, w));
    };
    const auto add = [&](const std::vector<CompareVariant::Sample> &samples, bool lag) {
        for (const CompareVariant::Sample &s : samples) {
            if (s.ms < 0.5f)
                continue; // (on time: nothing to draw)
            const float x1 = x(s.atNs);
            const float x0 = std::min(x(s.atNs - qint64(double(s.ms) * 1e6)), x1 - 1.0f);
            if (x1 < 0 || x0 > float(w))
                continue;
            out.push_back({std::max(x0, 0.0f), std::min(x1, float(w)),
                           float(std::min(double(s.ms), m_maxMs) / m_maxMs) * h, lag});
        }
    };
    add(m_variant->frames(), false);
    add(m_variant->lags(), true);
    return out;
}

QSGNode *ResponsivenessStrip::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    QSGNode *root = old ? old : new QSGNode;
    QuadBatch batch;
    const float w = float(width());
    const float h = float(height());
    const VertexColor frame = VertexColor::from(m_frameColor, 0.45);
    const VertexColor lag = VertexColor::from(m_lagColor);
    const VertexColor warn = VertexColor::from(m_warningColor);
    const float threshold = float(std::min(m_thresholdMs, m_maxMs) / m_maxMs) * h;
    for (const Bar &b : bars())
        batch.addRect(b.x0, h - std::max(1.0f, b.height), b.x1, h,
                      !b.lag                     ? frame
                          : b.height > threshold ? warn
                                                 : lag);
    if (w > 0 && h > 0 && m_thresholdMs < m_maxMs)
        batch.addRect(0, h - threshold, w, h - threshold + 1, VertexColor::from(m_gridColor, 0.8));
    batch.commit(root);
    return root;
}

} // namespace awaitscope
