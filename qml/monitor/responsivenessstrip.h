#pragma once

#include "comparevariant.h"
#include "timelinezoomcontrol.h"

#include <QColor>
#include <QPointer>
#include <QQuickItem>

namespace awaitscope {

/**
 * A Compare variant's proof of responsiveness under its timeline: the loop lag and frame time
 * samples recorded during its own run, each a bar over the stretch of time it measured (a
 * freeze is one wide, tall bar), on the timeline's axis (zoom), scaled to maxMs, with a line at
 * thresholdMs (one frame); lag above it takes the warning colour. The samples' wall times are
 * put on the run's axis by the variant (CompareVariant::wallToRun).
 */
class ResponsivenessStrip : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(awaitscope::CompareVariant *variant READ variant WRITE setVariant NOTIFY variantChanged)
    Q_PROPERTY(awaitscope::TimelineZoomControl *zoom READ zoom WRITE setZoom NOTIFY zoomChanged)
    Q_PROPERTY(double maxMs READ maxMs WRITE setMaxMs NOTIFY styleChanged)
    Q_PROPERTY(double thresholdMs READ thresholdMs WRITE setThresholdMs NOTIFY styleChanged)
    Q_PROPERTY(QColor lagColor READ lagColor WRITE setLagColor NOTIFY styleChanged)
    Q_PROPERTY(QColor frameColor READ frameColor WRITE setFrameColor NOTIFY styleChanged)
    Q_PROPERTY(QColor warningColor READ warningColor WRITE setWarningColor NOTIFY styleChanged)
    Q_PROPERTY(QColor gridColor READ gridColor WRITE setGridColor NOTIFY styleChanged)
public:
    explicit ResponsivenessStrip(QQuickItem *parent = nullptr);

    CompareVariant *variant() const { return m_variant; }
    void setVariant(CompareVariant *variant);
    TimelineZoomControl *zoom() const { return m_zoom; }
    void setZoom(TimelineZoomControl *zoom);
    double maxMs() const noexcept { return m_maxMs; }
    void setMaxMs(double ms);
    double thresholdMs() const noexcept { return m_thresholdMs; }
    void setThresholdMs(double ms);
    QColor lagColor() const { return m_lagColor; }
    void setLagColor(const QColor &c);
    QColor frameColor() const { return m_frameColor; }
    void setFrameColor(const QColor &c);
    QColor warningColor() const { return m_warningColor; }
    void setWarningColor(const QColor &c);
    QColor gridColor() const { return m_gridColor; }
    void setGridColor(const QColor &c);

    /// The bars drawn at the current size and zoom (for tests): x0, x1 and the height in pixels.
    struct Bar {
        float x0, x1, height;
        bool lag;
    };
    std::vector<Bar> bars() const;

Q_SIGNALS:
    void variantChanged();
    void zoomChanged();
    void styleChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *data) override;

private:
    QPointer<CompareVariant> m_variant;
    QPointer<TimelineZoomControl> m_zoom;
    double m_maxMs = 50;
    double m_thresholdMs = 16.7;
    QColor m_lagColor;
    QColor m_frameColor;
    QColor m_warningColor;
    QColor m_gridColor;
};

} // namespace awaitscope
