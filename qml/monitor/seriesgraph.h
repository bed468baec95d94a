#pragma once

#include "responsivenessmonitor.h"

#include <QColor>
#include <QPointer>
#include <QQuickItem>

namespace awaitscope {

/// A bar graph of a monitor's recent samples (one bar per sample), scaled to maxMs, with a line
/// at thresholdMs; bars above it take the warning colour.
class SeriesGraph : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(awaitscope::ResponsivenessMonitor *monitor READ monitor WRITE setMonitor NOTIFY monitorChanged)
    Q_PROPERTY(
        awaitscope::ResponsivenessMonitor::Series series READ series WRITE setSeries NOTIFY seriesChanged)
    Q_PROPERTY(double maxMs READ maxMs WRITE setMaxMs NOTIFY styleChanged)
    Q_PROPERTY(double thresholdMs READ thresholdMs WRITE setThresholdMs NOTIFY styleChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY styleChanged)
    Q_PROPERTY(QColor warningColor READ warningColor WRITE setWarningColor NOTIFY styleChanged)
    Q_PROPERTY(QColor gridColor READ gridColor WRITE setGridColor NOTIFY styleChanged)
public:
    explicit SeriesGraph(QQuickItem *parent = nullptr);

    ResponsivenessMonitor *monitor() const { return m_monitor; }
    void setMonitor(ResponsivenessMonitor *monitor);
    ResponsivenessMonitor::Series series() const noexcept { return m_series; }
    void setSeries(ResponsivenessMonitor::Series series);
    double maxMs() const noexcept { return m_maxMs; }
    void setMaxMs(double ms);
    double thresholdMs() const noexcept { return m_thresholdMs; }
    void setThresholdMs(double ms);
    QColor color() const { return m_color; }
    void setColor(const QColor &c);
    QColor warningColor() const { return m_warningColor; }
    void setWarningColor(const QColor &c);
    QColor gridColor() const { return m_gridColor; }
    void setGridColor(const QColor &c);

Q_SIGNALS:
    void monitorChanged();
    void seriesChanged();
    void styleChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *data) override;

private:
    QPointer<ResponsivenessMonitor> m_monitor;
    ResponsivenessMonitor::Series m_series = ResponsivenessMonitor::Frames;
    double m_maxMs = 50;
    double m_thresholdMs = 16.7;
    QColor m_color; // (the theme's, until QML sets them)
    QColor m_warningColor;
    QColor m_gridColor;
};

} // namespace awaitscope
