#pragma once

#include "labelmodel.h"
#include "lanemodel.h"
#include "timelineframe.h"
#include "timelinenode.h"
#include "timelinestyle.h"
#include "timelinezoomcontrol.h"

#include <QPointer>
#include <QQuickItem>

namespace awaitscope {

/**
 * The lanes of a run, drawn with batched scene-graph geometry: a bar for every await, a tick at
 * every resume, blocked sections in a warning colour, failures and cancellations marked. Lanes
 * come from a LaneModel (one row per lane); the trace is drawn up to the playhead. Where it looks
 * (the visible range, the playhead, following) is its zoom control's.
 *
 * The item owns the node bookkeeping: closed spans live in blocks of BlockRows lanes whose
 * geometry is reused until a lane of the block changes, the zoom changes a lot, or the theme
 * changes; panning and small zooms only move a matrix. What is still open (waits in progress,
 * running tasks, the playhead) is drawn apart and rebuilt each frame, for the visible lanes only.
 * The geometry itself comes from the passes (timelinepasses.h), labels and hover text from their
 * own files.
 */
class TimelineItem : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(awaitscope::LaneModel *laneModel READ laneModel WRITE setLaneModel NOTIFY laneModelChanged)
    Q_PROPERTY(awaitscope::TimelineZoomControl *zoom READ zoom CONSTANT)
    Q_PROPERTY(double rowHeight READ rowHeight WRITE setRowHeight NOTIFY rowHeightChanged)
    Q_PROPERTY(double contentY READ contentY WRITE setContentY NOTIFY contentYChanged)
    Q_PROPERTY(double contentHeight READ contentHeight NOTIFY contentHeightChanged)
    Q_PROPERTY(int selectedTask READ selectedTask WRITE setSelectedTask NOTIFY selectedTaskChanged)
    Q_PROPERTY(QString highlightFile READ highlightFile WRITE setHighlightFile NOTIFY highlightChanged)
    Q_PROPERTY(int highlightLine READ highlightLine WRITE setHighlightLine NOTIFY highlightChanged)
    Q_PROPERTY(awaitscope::LabelModel *labels READ labels CONSTANT)
    Q_PROPERTY(awaitscope::LabelModel *ticks READ ticks CONSTANT)
    Q_PROPERTY(awaitscope::LabelModel *holdLabels READ holdLabels CONSTANT)
    Q_PROPERTY(bool hovering READ hovering NOTIFY hoverChanged)
    Q_PROPERTY(double hoverX READ hoverX NOTIFY hoverChanged)
    Q_PROPERTY(double hoverY READ hoverY NOTIFY hoverChanged)
    Q_PROPERTY(QString hoverText READ hoverText NOTIFY hoverChanged)
    /// The top of the tall lanes' density scale: the most tasks waiting at once in the view.
    Q_PROPERTY(int densityPeak READ densityPeak NOTIFY densityPeakChanged)
public:
    static constexpr int BlockRows = 32;

    explicit TimelineItem(QQuickItem *parent = nullptr);
    ~TimelineItem() override;

    LaneModel *laneModel() const { return m_lanes; }
    void setLaneModel(LaneModel *model);
    TimelineZoomControl *zoom() const noexcept { return m_zoom; }
    double rowHeight() const noexcept { return m_rowHeight; }
    void setRowHeight(double h);
    double contentY() const noexcept { return m_contentY; }
    void setContentY(double y);
    double contentHeight() const;
    int selectedTask() const noexcept { return m_selectedTask; }
    void setSelectedTask(int task);
    QString highlightFile() const { return m_highlightFile; }
    void setHighlightFile(const QString &file);
    int highlightLine() const noexcept { return m_highlightLine; }
    void setHighlightLine(int line);
    LabelModel *labels() const noexcept { return m_labels; }
    LabelModel *ticks() const noexcept { return m_ticks; }
    LabelModel *holdLabels() const noexcept { return m_holdLabels; }
    bool hovering() const noexcept { return m_hovering; }
    double hoverX() const noexcept { return m_hoverPos.x(); }
    double hoverY() const noexcept { return m_hoverPos.y(); }
    QString hoverText() const { return m_hoverText; }

    // The zoom control's commands in this item's pixels.
    Q_INVOKABLE void zoomAt(double x, double factor) { m_zoom->zoomAt(x, width(), factor); }
    Q_INVOKABLE void zoomBy(double factor) { m_zoom->zoomBy(width(), factor); }
    Q_INVOKABLE void panBy(double dx, double dy);
    Q_INVOKABLE void panByPage(double pages) { m_zoom->panByPage(pages, width()); }
    Q_INVOKABLE void fitAll() { m_zoom->fitAll(); }
    /// Scrolls so the task's lane is visible.
    Q_INVOKABLE void revealTask(int task);

    int densityPeak() const noexcept { return m_densityPeak; }

    /// The text a hover at (x, y) shows (empty over nothing).
    QString describeAt(double x, double y) const;

Q_SIGNALS:
    void laneModelChanged();
    void rowHeightChanged();
    void contentYChanged();
    void contentHeightChanged();
    void selectedTaskChanged();
    void highlightChanged();
    void hoverChanged();
    void densityPeakChanged();
    /// A lane was clicked; file and line are those of the await under the pointer, if any.
    void taskClicked(int task, const QString &file, int line);

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *data) override;
    void updatePolish() override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void hoverLeaveEvent(QHoverEvent *event) override;

private:
    TraceIndex *index() const;
    /// A snapshot of what the passes need.
    TimelineFrame frame() const;
    void onTraceUpdated();
    void onLanesChanged();
    void onThemeChanged();
    void clampContentY();
    void setDensityPeak(int peak);
    void changed(); // polish + update
    void buildBlock(const TimelineFrame &f, TimelineRootNode *root, TimelineRootNode::Block *block) const;

    QPointer<LaneModel> m_lanes;
    TimelineZoomControl *m_zoom;
    LabelModel *m_labels;
    LabelModel *m_ticks;
    LabelModel *m_holdLabels;
    TimelineStyle m_style;
    quint64 m_styleRevision = 1;
    double m_rowHeight = 28.0;
    double m_contentY = 0.0;
    int m_selectedTask = -1;
    QString m_highlightFile;
    int m_highlightLine = -1;
    int m_densityPeak = 0;

    bool m_hovering = false;
    QPointF m_hoverPos;
    QString m_hoverText;
    QPointF m_pressPos;
    QPointF m_lastDragPos;
    bool m_dragging = false;
    bool m_pressed = false;
};

} // namespace awaitscope
