#include "timelineitem.h"

#include "geometrybatch.h"
#include "theme.h"
#include "timelinehover.h"
#include "timelinelabels.h"
#include "timelinepasses.h"

#include <QCursor>
#include <algorithm>
#include <cmath>

namespace awaitscope {

TimelineItem::TimelineItem(QQuickItem *parent)
    : QQuickItem(parent)
    , m_zoom(new TimelineZoomControl(this))
    , m_labels(new LabelModel(this))
    , m_ticks(new LabelModel(this))
    , m_holdLabels(new LabelModel(this))
    , m_style(TimelineStyle::from(Theme::instance()->timeline()))
{
    setFlag(ItemHasContents, true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptHoverEvents(true);
    setClip(true);
    connect(Theme::instance(), &Theme::changed, this, &TimelineItem::onThemeChanged);
    for (auto signal : {&TimelineZoomControl::viewChanged, &TimelineZoomControl::playheadChanged,
                        &TimelineZoomControl::followChanged})
        connect(m_zoom, signal, this, &TimelineItem::changed);
}

TimelineItem::~TimelineItem() = default;

TraceIndex *TimelineItem::index() const
{
    return m_lanes ? m_lanes->traceIndex() : nullptr;
}

TimelineFrame TimelineItem::frame() const
{
    TimelineFrame f;
    f.index = index();
    f.lanes = m_lanes;
    f.style = &m_style;
    f.view = m_zoom->view();
    f.playhead = m_zoom->playhead();
    f.width = width();
    f.height = height();
    f.rowHeight = m_rowHeight;
    f.contentY = m_contentY;
    f.selectedTask = m_selectedTask;
    f.highlightFile = m_highlightFile;
    f.highlightLine = m_highlightLine;
    return f;
}

void TimelineItem::setLaneModel(LaneModel *model)
{
    if (m_lanes == model)
        return;
    if (m_lanes) {
        disconnect(m_lanes, nullptr, this, nullptr);
        if (m_lanes->traceIndex())
            disconnect(m_lanes->traceIndex(), nullptr, this, nullptr);
    }
    m_lanes = model;
    if (m_lanes) {
        connect(m_lanes, &LaneModel::lanesChanged, this, &TimelineItem::onLanesChanged);
        if (m_lanes->traceIndex()) {
            connect(m_lanes->traceIndex(), &TraceIndex::updated, this, &TimelineItem::onTraceUpdated);
            connect(m_lanes->traceIndex(), &TraceIndex::reset, this, &TimelineItem::onTraceUpdated);
        }
    }
    onLanesChanged();
    Q_EMIT laneModelChanged();
}

void TimelineItem::onTraceUpdated()
{
    if (const TraceIndex *idx = index())
        m_zoom->setTraceEnd(idx->lastTimeNs());
    changed();
}

void TimelineItem::onLanesChanged()
{
    clampContentY();
    Q_EMIT contentHeightChanged();
    changed();
}

void TimelineItem::onThemeChanged()
{
    m_style = TimelineStyle::from(Theme::instance()->timeline());
    ++m_styleRevision;
    changed();
}

void TimelineItem::changed()
{
    polish();
    update();
}

void TimelineItem::setDensityPeak(int peak)
{
    if (m_densityPeak == peak)
        return;
    m_densityPeak = peak;
    Q_EMIT densityPeakChanged();
}

void TimelineItem::setRowHeight(double h)
{
    h = std::max(8.0, h);
    if (qFuzzyCompare(m_rowHeight, h))
        return;
    m_rowHeight = h;
    ++m_styleRevision;
    clampContentY();
    Q_EMIT rowHeightChanged();
    Q_EMIT contentHeightChanged();
    changed();
}

double TimelineItem::contentHeight() const
{
    return m_lanes ? double(m_lanes->count()) * m_rowHeight : 0.0;
}

void TimelineItem::clampContentY()
{
    const double maxY = std::max(0.0, contentHeight() - height());
    const double y = std::clamp(m_contentY, 0.0, maxY);
    if (y != m_contentY) {
        m_contentY = y;
        Q_EMIT contentYChanged();
    }
}

void TimelineItem::setContentY(double y)
{
    const double maxY = std::max(0.0, contentHeight() - height());
    y = std::clamp(y, 0.0, maxY);
    if (y == m_contentY)
        return;
    m_contentY = y;
    Q_EMIT contentYChanged();
    changed();
}

void TimelineItem::setSelectedTask(int task)
{
    if (m_selectedTask == task)
        return;
    m_selectedTask = task;
    Q_EMIT selectedTaskChanged();
    changed();
}

void TimelineItem::setHighlightFile(const QString &file)
{
    if (m_highlightFile == file)
        return;
    m_highlightFile = file;
    Q_EMIT highlightChanged();
    changed();
}

void TimelineItem::setHighlightLine(int line)
{
    if (m_highlightLine == line)
        return;
    m_highlightLine = line;
    Q_EMIT highlightChanged();
    changed();
}

void TimelineItem::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    clampContentY();
    changed();
}

void TimelineItem::panBy(double dx, double dy)
{
    m_zoom->panBy(dx, width());
    if (dy != 0.0)
        setContentY(m_contentY - dy);
}

void TimelineItem::revealTask(int task)
{
    if (!m_lanes)
        return;
    const int row = m_lanes->rowOfTask(task);
    if (row < 0)
        return;
    const double y = row * m_rowHeight;
    if (y < m_contentY)
        setContentY(y);
    else if (y + m_rowHeight > m_contentY + height())
        setContentY(y + m_rowHeight - height());
}

// --- input ----------------------------------------------------------------------------------

void TimelineItem::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (delta.y() != 0)
        zoomAt(event->position().x(), std::pow(1.0015, double(delta.y())));
    else if (delta.x() != 0)
        panBy(double(delta.x()) / 2.0, 0);
    event->accept();
}

void TimelineItem::mousePressEvent(QMouseEvent *event)
{
    forceActiveFocus(Qt::MouseFocusReason); // off any control: the window's keys work again
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_lastDragPos = event->position();
    event->accept();
}

void TimelineItem::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed)
        return;
    const QPointF p = event->position();
    if (!m_dragging && (p - m_pressPos).manhattanLength() > 4)
        m_dragging = true;
    if (m_dragging) {
        const QPointF d = p - m_lastDragPos;
        panBy(d.x(), d.y());
        m_lastDragPos = p;
    }
    event->accept();
}

void TimelineItem::mouseReleaseEvent(QMouseEvent *event)
{
    const bool click = m_pressed && !m_dragging;
    m_pressed = m_dragging = false;
    event->accept();
    if (!click)
        return;
    const TimelineFrame f = frame();
    const timelinehover::Hit hit = timelinehover::hitTest(f, event->position().x(), event->position().y());
    setSelectedTask(hit.task == NoTask ? -1 : int(hit.task));
    QString file;
    int line = -1;
    if (hit.span && f.index && f.index->trace()) {
        const Site &site = f.trace().siteAt(hit.span->site);
        file = f.trace().string(site.file);
        line = int(site.line);
    }
    Q_EMIT taskClicked(hit.task == NoTask ? -1 : int(hit.task), file, line);
}

QString TimelineItem::describeAt(double x, double y) const
{
    const TimelineFrame f = frame();
    return timelinehover::describe(f, timelinehover::hitTest(f, x, y));
}

void TimelineItem::hoverMoveEvent(QHoverEvent *event)
{
    const QPointF p = event->position();
    const QString text = describeAt(p.x(), p.y());
    const bool hovering = !text.isEmpty();
    if (hovering == m_hovering && text == m_hoverText && p == m_hoverPos)
        return;
    m_hovering = hovering;
    m_hoverText = text;
    m_hoverPos = p;
    Q_EMIT hoverChanged();
}

void TimelineItem::hoverLeaveEvent(QHoverEvent *)
{
    if (!m_hovering)
        return;
    m_hovering = false;
    m_hoverText.clear();
    Q_EMIT hoverChanged();
}

// --- polish: labels and ticks (GUI thread) --------------------------------------------------

void TimelineItem::updatePolish()
{
    const TimelineFrame f = frame();
    m_ticks->setLabels(timelinelabels::ticks(f));
    m_labels->setLabels(timelinelabels::barLabels(f));
    m_holdLabels->setLabels(timelinelabels::holdLabels(f));
}

// --- scene graph (render thread, GUI thread blocked) ----------------------------------------

QSGNode *TimelineItem::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    auto *root = static_cast<TimelineRootNode *>(old);
    if (!root)
        root = new TimelineRootNode;
    const TimelineFrame f = frame();
    const TraceIndex *idx = f.index;

    // The build scale: kept while the zoom stays within a factor of 1.5 and the origin near.
    const double nsPerPx = timemath::nsPerPixel(f.view, f.width);
    const double ratio = nsPerPx / root->nsPerPx;
    const double drift = std::abs(double(f.view.start - root->origin)) / root->nsPerPx;
    if (root->scaleId == 0 || ratio > 1.5 || ratio < 1.0 / 1.5 || drift > 200'000) {
        root->nsPerPx = nsPerPx;
        root->origin = f.view.start;
        ++root->scaleId;
    }
    QMatrix4x4 m;
    m.translate(float(double(root->origin - f.view.start) / nsPerPx), 0);
    m.scale(float(root->nsPerPx / nsPerPx), 1);
    root->content->setMatrix(m);

    // Blocks of the visible lanes; others are dropped.
    const int firstBlock = f.firstVisibleRow() / BlockRows;
    const int lastBlock = (idx && m_lanes && m_lanes->count() > 0) ? f.lastVisibleRow() / BlockRows : -1;
    for (auto it = root->blocks.begin(); it != root->blocks.end();) {
        if ((*it)->index < firstBlock || (*it)->index > lastBlock) {
            root->content->removeChildNode(*it);
            delete *it;
            it = root->blocks.erase(it);
        } else {
            ++it;
        }
    }
    for (int b = firstBlock; b <= lastBlock; ++b) {
        auto found = std::find_if(root->blocks.begin(), root->blocks.end(),
                                  [b](const TimelineRootNode::Block *n) { return n->index == b; });
        TimelineRootNode::Block *block = found == root->blocks.end() ? nullptr : *found;
        if (!block) {
            block = new TimelineRootNode::Block;
            block->index = b;
            root->content->appendChildNode(block);
            root->blocks.push_back(block);
        }
        QMatrix4x4 bm;
        bm.translate(0, float(double(b) * BlockRows * m_rowHeight - m_contentY));
        block->setMatrix(bm);

        quint64 taskRevision = 0;
        const int lastRow = std::min(m_lanes->count() - 1, (b + 1) * BlockRows - 1);
        for (int row = b * BlockRows; row <= lastRow; ++row) {
            const TaskId task = m_lanes->taskAtRow(row);
            if (task < idx->taskCount())
                taskRevision = std::max(taskRevision, idx->track(task).revision);
        }
        const bool dirty = block->builds == 0 || block->layoutRevision != m_lanes->layoutRevision() ||
            block->taskRevision != taskRevision || block->scaleId != root->scaleId ||
            block->styleRevision != m_styleRevision ||
            (block->dependsOnPlayhead && block->playhead != f.playhead) ||
            f.playhead < block->playhead || // scrubbed back: spans it drew whole may end after it now
            block->dependsOnView;
        if (!dirty)
            continue;
        block->layoutRevision = m_lanes->layoutRevision();
        block->taskRevision = taskRevision;
        block->scaleId = root->scaleId;
        block->styleRevision = m_styleRevision;
        block->playhead = f.playhead;
        buildBlock(f, root, block);
    }

    qint32 peak = 0;
    for (const auto *block : root->blocks)
        peak = std::max(peak, block->densityPeak);
    if (peak != m_densityPeak) {
        // (The GUI thread is blocked here: tell it once this frame is done.)
        QMetaObject::invokeMethod(
            this, [this, peak] { setDensityPeak(peak); }, Qt::QueuedConnection);
    }

    QuadBatch back;
    buildBackPass(back, f, m_ticks->labels());
    back.commit(root->back);
    QuadBatch live;
    buildLivePass(live, f);
    live.commit(root->live);
    return root;
}

void TimelineItem::buildBlock(const TimelineFrame &f, TimelineRootNode *root,
                              TimelineRootNode::Block *block) const
{
    QuadBatch bars;
    QuadBatch marks;
    bool clipped = false;
    bool aggregate = false;
    const BuildScale scale{root->origin, root->nsPerPx};
    const int first = block->index * BlockRows;
    const int last = std::min(m_lanes->count() - 1, first + BlockRows - 1);
    block->densityPeak = 0;
    for (int row = first; row <= last; ++row) {
        const float y0 = float(double(row - first) * m_rowHeight);
        const int start = m_lanes->laneStart(row);
        if (m_lanes->isAggregate(row)) {
            aggregate = true;
            // A tall lane: drawn once per block, clipped to the block's rows.
            if (row == start || row == first) {
                const float top = float(double(start - first) * m_rowHeight);
                const float h = float(m_rowHeight) * float(m_lanes->laneRows(row));
                const DensityBox box{top + 14, top + h - 3, 0.0f, float(double(BlockRows) * m_rowHeight)};
                block->densityPeak = std::max(block->densityPeak,
                                              buildDensityPass(bars, f, scale, m_lanes->taskAtRow(row), box));
            }
        }
        if (row == start)
            buildLanePass(bars, marks, f, scale, row, y0, &clipped);
    }
    block->dependsOnPlayhead = clipped || aggregate;
    block->dependsOnView = aggregate;
    ++block->builds;
    // Two holders: bars first, then marks (resume ticks, failures), so marks are drawn on top.
    if (block->childCount() != 2) {
        block->removeAllChildNodes();
        block->appendChildNode(new QSGNode);
        block->appendChildNode(new QSGNode);
    }
    bars.commit(block->firstChild());
    marks.commit(block->lastChild());
}

} // namespace awaitscope
