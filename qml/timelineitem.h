#pragma once

#include "labelmodel.h"
#include "lanemodel.h"
#include "timemath.h"

#include <QPointer>
#include <QQuickItem>
#include <QSGNode>
#include <QSGTransformNode>
#include <vector>

namespace awaitscope {

class QuadBatch;

/// The scene graph of the timeline, kept between frames so unchanged parts are not rebuilt.
class TimelineRootNode : public QSGNode {
public:
    /// A block of lanes, in time units of its build scale; rebuilt only when its lanes changed.
    class Block : public QSGTransformNode {
    public:
        int index = -1;
        quint64 layoutRevision = 0;
        quint64 taskRevision = 0;
        quint64 scaleId = 0;
        quint64 styleRevision = 0;
        qint64 playhead = 0;
        bool dependsOnPlayhead = false; // clipped by the playhead, or aggregates open waits
        bool dependsOnView = false; // aggregates: density binned over the visible range
        int builds = 0;
    };

    TimelineRootNode();

    QSGNode *back = nullptr; // row stripes, selection, grid (item coordinates)
    QSGTransformNode *content = nullptr; // blocks; the matrix maps build time units to pixels
    QSGNode *live = nullptr; // open waits, running tasks, highlights, playhead (item coordinates)
    std::vector<Block *> blocks; // children of content, any order

    // The build scale: content x = (t - origin) / nsPerPx.
    qint64 origin = 0;
    double nsPerPx = 1.0;
    quint64 scaleId = 0;
};

/**
 * The lanes of a run, drawn with batched scene-graph geometry: a bar for every await, a tick at
 * every resume, blocked sections in a warning colour, failures and cancellations marked. Lanes
 * come from a LaneModel (one row per lane); the trace is drawn up to the playhead.
 *
 * Closed spans live in blocks of BlockRows lanes whose geometry is reused until a lane of the block
 * changes, the zoom changes a lot, or the style changes; panning and small zooms only move a
 * matrix. What is still open (waits in progress, running tasks, the playhead) is drawn apart and
 * rebuilt each frame, for the visible lanes only. Spans closer than a pixel are merged.
 */
class TimelineItem : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(awaitscope::LaneModel *laneModel READ laneModel WRITE setLaneModel NOTIFY laneModelChanged)
    Q_PROPERTY(double rowHeight READ rowHeight WRITE setRowHeight NOTIFY rowHeightChanged)
    Q_PROPERTY(double contentY READ contentY WRITE setContentY NOTIFY contentYChanged)
    Q_PROPERTY(double contentHeight READ contentHeight NOTIFY contentHeightChanged)
    Q_PROPERTY(double viewStart READ viewStart WRITE setViewStart NOTIFY viewChanged)
    Q_PROPERTY(double viewDuration READ viewDuration WRITE setViewDuration NOTIFY viewChanged)
    Q_PROPERTY(double playhead READ playhead WRITE setPlayhead NOTIFY playheadChanged)
    Q_PROPERTY(bool follow READ follow WRITE setFollow NOTIFY followChanged)
    Q_PROPERTY(int selectedTask READ selectedTask WRITE setSelectedTask NOTIFY selectedTaskChanged)
    Q_PROPERTY(QString highlightFile READ highlightFile WRITE setHighlightFile NOTIFY highlightChanged)
    Q_PROPERTY(int highlightLine READ highlightLine WRITE setHighlightLine NOTIFY highlightChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    Q_PROPERTY(awaitscope::LabelModel *labels READ labels CONSTANT)
    Q_PROPERTY(awaitscope::LabelModel *ticks READ ticks CONSTANT)
    Q_PROPERTY(bool hovering READ hovering NOTIFY hoverChanged)
    Q_PROPERTY(double hoverX READ hoverX NOTIFY hoverChanged)
    Q_PROPERTY(double hoverY READ hoverY NOTIFY hoverChanged)
    Q_PROPERTY(QString hoverText READ hoverText NOTIFY hoverChanged)
public:
    static constexpr int BlockRows = 32;
    static constexpr double LabelMinWidth = 60.0;
    static constexpr int MaxLabels = 200;
    static constexpr double TickSpacing = 110.0;

    explicit TimelineItem(QQuickItem *parent = nullptr);
    ~TimelineItem() override;

    LaneModel *laneModel() const { return m_lanes; }
    void setLaneModel(LaneModel *model);
    double rowHeight() const noexcept { return m_rowHeight; }
    void setRowHeight(double h);
    double contentY() const noexcept { return m_contentY; }
    void setContentY(double y);
    double contentHeight() const;
    double viewStart() const noexcept { return double(m_view.start); }
    void setViewStart(double ns);
    double viewDuration() const noexcept { return double(m_view.duration); }
    void setViewDuration(double ns);
    timemath::View view() const noexcept { return m_view; }
    void setView(const timemath::View &v);
    double playhead() const noexcept { return double(m_playhead); }
    void setPlayhead(double ns);
    bool follow() const noexcept { return m_follow; }
    void setFollow(bool follow);
    int selectedTask() const noexcept { return m_selectedTask; }
    void setSelectedTask(int task);
    QString highlightFile() const { return m_highlightFile; }
    void setHighlightFile(const QString &file);
    int highlightLine() const noexcept { return m_highlightLine; }
    void setHighlightLine(int line);
    bool dark() const noexcept { return m_dark; }
    void setDark(bool dark);
    LabelModel *labels() const noexcept { return m_labels; }
    LabelModel *ticks() const noexcept { return m_ticks; }
    bool hovering() const noexcept { return m_hovering; }
    double hoverX() const noexcept { return m_hoverPos.x(); }
    double hoverY() const noexcept { return m_hoverPos.y(); }
    QString hoverText() const { return m_hoverText; }

    Q_INVOKABLE void zoomAt(double x, double factor);
    Q_INVOKABLE void zoomBy(double factor);
    Q_INVOKABLE void panBy(double dx, double dy);
    Q_INVOKABLE void panByPage(double pages);
    /// Shows the whole run so far.
    Q_INVOKABLE void fitAll();
    /// Scrolls so the task's lane is visible.
    Q_INVOKABLE void revealTask(int task);

    /// The text a hover at (x, y) shows (empty over nothing).
    QString describeAt(double x, double y) const;

Q_SIGNALS:
    void laneModelChanged();
    void rowHeightChanged();
    void contentYChanged();
    void contentHeightChanged();
    void viewChanged();
    void playheadChanged();
    void followChanged();
    void selectedTaskChanged();
    void highlightChanged();
    void darkChanged();
    void hoverChanged();
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
    struct Hit {
        TaskId task = NoTask;
        const Span *span = nullptr;
    };
    Hit hitTest(double x, double y) const;
    TraceIndex *index() const;
    void onTraceUpdated();
    void onLanesChanged();
    void clampContentY();
    void changed(); // polish + update
    void buildBlock(TimelineRootNode *root, TimelineRootNode::Block *block) const;
    void buildLane(QuadBatch &bars, QuadBatch &marks, int row, float y0, const TimelineRootNode &root,
                   bool *clipped) const;
    void buildAggregate(QuadBatch &bars, int row, float y0, const TimelineRootNode &root) const;
    void buildBack(QuadBatch &batch) const;
    void buildLive(QuadBatch &batch) const;
    int firstVisibleRow() const;
    int lastVisibleRow() const;

    QPointer<LaneModel> m_lanes;
    LabelModel *m_labels;
    LabelModel *m_ticks;
    double m_rowHeight = 28.0;
    double m_contentY = 0.0;
    timemath::View m_view{0, 500'000'000};
    qint64 m_playhead = 0;
    bool m_follow = true;
    int m_selectedTask = -1;
    QString m_highlightFile;
    int m_highlightLine = -1;
    bool m_dark = false;
    quint64 m_styleRevision = 1;

    bool m_hovering = false;
    QPointF m_hoverPos;
    QString m_hoverText;
    QPointF m_pressPos;
    QPointF m_lastDragPos;
    bool m_dragging = false;
    bool m_pressed = false;
};

} // namespace awaitscope
