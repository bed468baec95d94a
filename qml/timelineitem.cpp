#include "timelineitem.h"

#include "geometrybatch.h"

#include <QCursor>
#include <QSGGeometryNode>
#include <algorithm>
#include <cmath>

namespace awaitscope {

namespace {

/// The timeline's colours for a light or a dark background.
struct Style {
    VertexColor stripe, selected, highlightRow, grid, wait, join, nested, block, failed, cancelled, tick,
        lifeline, errorMark, cancelMark, highlight, playhead, density, densityBlock;

    static Style of(bool dark)
    {
        const auto c = [](const char *name, double opacity = 1.0) {
            return VertexColor::from(QColor(QLatin1String(name)), opacity);
        };
        if (dark)
            return {c("#ffffff", 0.035), c("#60a5fa", 0.22), c("#facc15", 0.16), c("#ffffff", 0.10),
                    c("#3b82f6"),        c("#64748b"),       c("#a855f7"),       c("#f59e0b"),
                    c("#ef4444"),        c("#9ca3af"),       c("#e5e7eb"),       c("#94a3b8", 0.7),
                    c("#f87171"),        c("#d1d5db"),       c("#facc15"),       c("#f43f5e"),
                    c("#60a5fa"),        c("#f59e0b")};
        return {c("#000000", 0.035), c("#2563eb", 0.16), c("#eab308", 0.22), c("#000000", 0.10), c("#2563eb"),
                c("#94a3b8"),        c("#9333ea"),       c("#f59e0b"),       c("#dc2626"),       c("#9ca3af"),
                c("#111827"),        c("#64748b", 0.7),  c("#b91c1c"),       c("#4b5563"),       c("#ca8a04"),
                c("#e11d48"),        c("#2563eb"),       c("#d97706")};
    }
};

VertexColor spanColor(const Style &s, const Span &span, SiteKind siteKind)
{
    if (span.kind == Span::Block)
        return s.block;
    if (!span.isOpen()) {
        if (span.result == WaitResult::Failed || span.result == WaitResult::TimedOut)
            return s.failed;
        if (span.result == WaitResult::Cancelled)
            return s.cancelled;
    }
    switch (siteKind) {
    case SiteKind::Join:
        return s.join;
    case SiteKind::NestedLoop:
        return s.nested;
    case SiteKind::Blocking:
        return s.block;
    case SiteKind::Wait:
        break;
    }
    return s.wait;
}

bool sameColor(VertexColor a, VertexColor b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/// Merges rectangles of one lane that touch within a pixel and share a colour.
class RunMerger {
public:
    RunMerger(QuadBatch &batch, float y0, float y1)
        : m_batch(batch)
        , m_y0(y0)
        , m_y1(y1)
    {
    }
    ~RunMerger() { flush(); }
    void add(float x0, float x1, VertexColor c)
    {
        x1 = std::max(x1, x0 + 1.0f); // never thinner than a pixel
        if (m_open && sameColor(c, m_color) && x0 <= m_x1 + 1.0f) {
            m_x1 = std::max(m_x1, x1);
            return;
        }
        flush();
        m_open = true;
        m_x0 = x0;
        m_x1 = x1;
        m_color = c;
    }
    void flush()
    {
        if (m_open)
            m_batch.addRect(m_x0, m_y0, m_x1, m_y1, m_color);
        m_open = false;
    }

private:
    QuadBatch &m_batch;
    float m_y0, m_y1;
    bool m_open = false;
    float m_x0 = 0, m_x1 = 0;
    VertexColor m_color;
};

} // namespace

TimelineRootNode::TimelineRootNode()
{
    back = new QSGNode;
    content = new QSGTransformNode;
    live = new QSGNode;
    appendChildNode(back);
    appendChildNode(content);
    appendChildNode(live);
}

TimelineItem::TimelineItem(QQuickItem *parent)
    : QQuickItem(parent)
    , m_labels(new LabelModel(this))
    , m_ticks(new LabelModel(this))
{
    setFlag(ItemHasContents, true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptHoverEvents(true);
    setClip(true);
}

TimelineItem::~TimelineItem() = default;

TraceIndex *TimelineItem::index() const
{
    return m_lanes ? m_lanes->traceIndex() : nullptr;
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
    changed();
}

void TimelineItem::onLanesChanged()
{
    clampContentY();
    Q_EMIT contentHeightChanged();
    changed();
}

void TimelineItem::changed()
{
    polish();
    update();
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

void TimelineItem::setView(const timemath::View &v)
{
    timemath::View n{v.start, timemath::clampDuration(v.duration)};
    if (n == m_view)
        return;
    m_view = n;
    Q_EMIT viewChanged();
    changed();
}

void TimelineItem::setViewStart(double ns)
{
    setView({qint64(ns), m_view.duration});
}

void TimelineItem::setViewDuration(double ns)
{
    setView({m_view.start, qint64(ns)});
}

void TimelineItem::setPlayhead(double ns)
{
    const auto p = qint64(ns);
    if (p == m_playhead)
        return;
    m_playhead = p;
    Q_EMIT playheadChanged();
    changed();
}

void TimelineItem::setFollow(bool follow)
{
    if (m_follow == follow)
        return;
    m_follow = follow;
    Q_EMIT followChanged();
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

void TimelineItem::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    ++m_styleRevision;
    Q_EMIT darkChanged();
    changed();
}

void TimelineItem::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    clampContentY();
    changed();
}

// --- navigation -----------------------------------------------------------------------------

void TimelineItem::zoomAt(double x, double factor)
{
    setView(timemath::zoomAround(m_view, x, width(), factor));
}

void TimelineItem::zoomBy(double factor)
{
    // Keyboard zoom: around the playhead when it is in view (following), else the middle.
    double x = timemath::timeToPixel(m_playhead, m_view, width());
    if (x < 0 || x > width())
        x = width() / 2;
    zoomAt(x, factor);
}

void TimelineItem::panBy(double dx, double dy)
{
    if (dx != 0.0) {
        setFollow(false);
        setView(timemath::panBy(m_view, dx, width()));
    }
    if (dy != 0.0)
        setContentY(m_contentY - dy);
}

void TimelineItem::panByPage(double pages)
{
    panBy(-pages * width() * 0.8, 0);
}

void TimelineItem::fitAll()
{
    const TraceIndex *idx = index();
    const qint64 end =
        std::max<qint64>(idx ? std::max(idx->lastTimeNs(), m_playhead) : m_playhead, 1'000'000);
    setView({0, qint64(double(end) * 1.05)});
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

int TimelineItem::firstVisibleRow() const
{
    return std::max(0, int(std::floor(m_contentY / m_rowHeight)));
}

int TimelineItem::lastVisibleRow() const
{
    if (!m_lanes)
        return -1;
    return std::min(m_lanes->count() - 1, int(std::floor((m_contentY + height()) / m_rowHeight)));
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
    const Hit hit = hitTest(event->position().x(), event->position().y());
    setSelectedTask(hit.task == NoTask ? -1 : int(hit.task));
    QString file;
    int line = -1;
    if (hit.span && index() && index()->trace()) {
        const Site &site = index()->trace()->siteAt(hit.span->site);
        file = index()->trace()->string(site.file);
        line = int(site.line);
    }
    Q_EMIT taskClicked(hit.task == NoTask ? -1 : int(hit.task), file, line);
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

TimelineItem::Hit TimelineItem::hitTest(double x, double y) const
{
    Hit hit;
    const TraceIndex *idx = index();
    if (!m_lanes || !idx || y < 0 || y > height())
        return hit;
    const int row = int(std::floor((y + m_contentY) / m_rowHeight));
    hit.task = m_lanes->taskAtRow(row);
    if (hit.task == NoTask || hit.task >= idx->taskCount())
        return hit;
    const qint64 t = timemath::pixelToTime(x, m_view, width());
    const double slack = timemath::nsPerPixel(m_view, width()) * 2; // a bar is at least a pixel wide
    const auto &spans = idx->track(hit.task).spans;
    // Blocked sections and the innermost await win: search from the latest span back.
    for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
        if (it->begin > m_playhead)
            continue;
        const qint64 end = it->isOpen() ? m_playhead : std::min(it->end, m_playhead);
        if (double(t) >= double(it->begin) - slack && double(t) <= double(end) + slack) {
            hit.span = &*it;
            break;
        }
    }
    return hit;
}

QString TimelineItem::describeAt(double x, double y) const
{
    const Hit hit = hitTest(x, y);
    const TraceIndex *idx = index();
    if (hit.task == NoTask || !idx || !idx->trace())
        return {};
    const Trace &trace = *idx->trace();
    QString text = trace.taskName(hit.task);
    const TaskInfo &info = trace.task(hit.task);
    const TaskTrack &track = idx->track(hit.task);
    if (!track.children.empty())
        text += QStringLiteral("  (%1 child tasks)").arg(track.children.size());
    if (!hit.span) {
        switch (info.outcome) {
        case TaskOutcome::Running:
            text += QStringLiteral("\nrunning, spawned at %1").arg(timemath::formatDuration(info.spawnNs));
            break;
        case TaskOutcome::Ok:
            text += QStringLiteral("\nfinished at %1").arg(timemath::formatDuration(info.endNs));
            break;
        case TaskOutcome::Error:
            text += QStringLiteral("\nfailed: %1").arg(trace.taskMessage(hit.task));
            break;
        case TaskOutcome::Cancelled:
            text += QStringLiteral("\ncancelled");
            break;
        }
        return text;
    }
    const Span &s = *hit.span;
    const Site &site = trace.siteAt(s.site);
    const QString verb =
        s.kind == Span::Block ? QStringLiteral("blocks the loop in ") : QStringLiteral("co_await ");
    text += QLatin1Char('\n') + verb + trace.string(site.label);
    text += QStringLiteral("\n%1:%2").arg(trace.string(site.file)).arg(site.line);
    const qint64 end = s.isOpen() ? m_playhead : s.end;
    text += QStringLiteral("\nstart %1, %2%3")
                .arg(timemath::formatDuration(s.begin), timemath::formatDuration(end - s.begin),
                     s.isOpen() ? QStringLiteral(" so far") : QString());
    if (!s.isOpen() && s.kind == Span::Wait) {
        switch (s.result) {
        case WaitResult::Failed:
            text += QStringLiteral("\nfailed");
            break;
        case WaitResult::TimedOut:
            text += QStringLiteral("\ntimed out");
            break;
        case WaitResult::Cancelled:
            text += QStringLiteral("\ncancelled");
            break;
        case WaitResult::Ok:
            break;
        }
    }
    return text;
}

// --- polish: follow, labels, ticks (GUI thread) ---------------------------------------------

void TimelineItem::updatePolish()
{
    const double w = width();
    if (m_follow && w > 0) {
        // Keep the playhead in the last tenth of the view; never scroll before the run's start.
        const qint64 limit = m_view.start + qint64(double(m_view.duration) * 0.9);
        if (m_playhead > limit || m_playhead < m_view.start) {
            const qint64 start = std::max<qint64>(0, m_playhead - qint64(double(m_view.duration) * 0.9));
            if (start != m_view.start) {
                m_view.start = start;
                Q_EMIT viewChanged();
                update();
            }
        }
    }

    // Axis ticks.
    std::vector<PlacedLabel> ticks;
    if (w > 0) {
        const qint64 step = timemath::tickStep(m_view, w, TickSpacing);
        for (qint64 t = timemath::firstTick(m_view, step); t <= m_view.start + m_view.duration; t += step) {
            const double x = timemath::timeToPixel(t, m_view, w);
            ticks.push_back({x, 0, TickSpacing, timemath::formatDuration(t)});
        }
    }
    m_ticks->setLabels(std::move(ticks));

    // Labels of the bars wide enough to hold one, visible lanes only, at most MaxLabels.
    std::vector<PlacedLabel> labels;
    const TraceIndex *idx = index();
    if (idx && idx->trace() && m_lanes && w > 0) {
        const Trace &trace = *idx->trace();
        for (int row = firstVisibleRow(); row <= lastVisibleRow() && int(labels.size()) < MaxLabels; ++row) {
            const TaskId task = m_lanes->taskAtRow(row);
            if (task >= idx->taskCount())
                continue;
            const double y = row * m_rowHeight - m_contentY;
            for (const Span &s : idx->track(task).spans) {
                if (s.begin > m_playhead || s.begin > m_view.start + m_view.duration)
                    break;
                const qint64 end = s.isOpen() ? m_playhead : std::min(s.end, m_playhead);
                const double x0 = std::max(0.0, timemath::timeToPixel(s.begin, m_view, w));
                const double x1 = std::min(w, timemath::timeToPixel(end, m_view, w));
                if (x1 - x0 < LabelMinWidth)
                    continue;
                // Widths in steps of 16 px: a growing bar does not re-elide its label every frame.
                const double w16 = std::floor((x1 - x0) / 16.0) * 16.0;
                labels.push_back({x0, y, w16, trace.string(trace.siteAt(s.site).label)});
                if (int(labels.size()) >= MaxLabels)
                    break;
            }
        }
    }
    m_labels->setLabels(std::move(labels));
}

// --- scene graph (render thread, GUI thread blocked) ----------------------------------------

QSGNode *TimelineItem::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    auto *root = static_cast<TimelineRootNode *>(old);
    if (!root)
        root = new TimelineRootNode;
    const double w = width();
    const TraceIndex *idx = index();

    // The build scale: kept while the zoom stays within a factor of 1.5 and the origin near.
    const double nsPerPx = timemath::nsPerPixel(m_view, w);
    const double ratio = nsPerPx / root->nsPerPx;
    const double drift = std::abs(double(m_view.start - root->origin)) / root->nsPerPx;
    if (root->scaleId == 0 || ratio > 1.5 || ratio < 1.0 / 1.5 || drift > 200'000) {
        root->nsPerPx = nsPerPx;
        root->origin = m_view.start;
        ++root->scaleId;
    }
    QMatrix4x4 m;
    m.translate(float(double(root->origin - m_view.start) / nsPerPx), 0);
    m.scale(float(root->nsPerPx / nsPerPx), 1);
    root->content->setMatrix(m);

    // Blocks of the visible lanes; others are dropped.
    const int firstBlock = firstVisibleRow() / BlockRows;
    const int lastBlock = (idx && m_lanes && m_lanes->count() > 0) ? lastVisibleRow() / BlockRows : -1;
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
            (block->dependsOnPlayhead && block->playhead != m_playhead) || block->dependsOnView;
        if (!dirty)
            continue;
        block->layoutRevision = m_lanes->layoutRevision();
        block->taskRevision = taskRevision;
        block->scaleId = root->scaleId;
        block->styleRevision = m_styleRevision;
        block->playhead = m_playhead;
        buildBlock(root, block);
    }

    QuadBatch back;
    buildBack(back);
    back.commit(root->back);
    QuadBatch live;
    buildLive(live);
    live.commit(root->live);
    return root;
}

void TimelineItem::buildBlock(TimelineRootNode *root, TimelineRootNode::Block *block) const
{
    QuadBatch bars;
    QuadBatch marks;
    bool clipped = false;
    bool aggregate = false;
    const int first = block->index * BlockRows;
    const int last = std::min(m_lanes->count() - 1, first + BlockRows - 1);
    for (int row = first; row <= last; ++row) {
        const float y0 = float(double(row - first) * m_rowHeight);
        if (m_lanes->isAggregate(row)) {
            aggregate = true;
            buildAggregate(bars, row, y0, *root);
        }
        buildLane(bars, marks, row, y0, *root, &clipped);
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

void TimelineItem::buildLane(QuadBatch &bars, QuadBatch &marks, int row, float y0,
                             const TimelineRootNode &root, bool *clipped) const
{
    const TraceIndex *idx = index();
    const TaskId task = m_lanes->taskAtRow(row);
    if (!idx || task >= idx->taskCount())
        return;
    const Trace &trace = *idx->trace();
    const Style style = Style::of(m_dark);
    const TaskTrack &track = idx->track(task);
    const TaskInfo &info = trace.task(task);
    const auto px = [&root](qint64 t) { return float(double(t - root.origin) / root.nsPerPx); };
    const float h = float(m_rowHeight);
    const float mid = y0 + h / 2;
    const bool aggregate = m_lanes->isAggregate(row);

    // The lifeline of a finished task (a running one is drawn live, up to the playhead).
    const bool ended = info.endNs >= 0 && info.outcome != TaskOutcome::Running;
    if (!ended || info.endNs > m_playhead)
        *clipped = *clipped || ended; // an ended task is redrawn here once the playhead passes its end
    else if (!aggregate)
        bars.addRect(px(info.spawnNs), mid - 1, std::max(px(info.endNs), px(info.spawnNs) + 1), mid + 1,
                     style.lifeline);

    // Closed spans, merged when they touch within a pixel. An aggregate lane shows its own spans
    // as a thin strip above the density of its descendants.
    const float top = aggregate ? y0 + 2 : y0 + 4;
    const float bottom = aggregate ? y0 + 6 : y0 + h - 4;
    RunMerger waits(bars, top, bottom);
    float lastTick = -1e30f;
    for (const Span &s : track.spans) {
        if (s.isOpen())
            continue;
        if (s.begin > m_playhead || s.end > m_playhead) {
            *clipped = true;
            continue; // drawn by the live pass while the playhead is inside it
        }
        const SiteKind siteKind = trace.siteAt(s.site).kind;
        const VertexColor c = spanColor(style, s, siteKind);
        const float x0 = px(s.begin);
        const float x1 = px(s.end);
        if (s.kind == Span::Block) {
            waits.flush();
            bars.addRect(x0, y0 + 2, std::max(x1, x0 + 1), y0 + h - 2, c);
            continue;
        }
        waits.add(x0, x1, c);
        if (aggregate)
            continue;
        // The resume: a tick, or a wider mark for a failure or a cancellation.
        const bool failed = s.result == WaitResult::Failed || s.result == WaitResult::TimedOut;
        const bool cancelled = s.result == WaitResult::Cancelled;
        if (failed || cancelled) {
            marks.addRect(x1 - 1.5f, y0 + 1, x1 + 1.5f, y0 + h - 1,
                          failed ? style.errorMark : style.cancelMark);
            lastTick = x1;
        } else if (x1 - lastTick >= 1.0f) {
            marks.addRect(x1 - 1.0f, y0 + 2, x1 + 1.0f, y0 + h - 2, style.tick);
            lastTick = x1;
        }
    }
    waits.flush();

    // How the task ended: a square for an error or a cancellation.
    if (info.outcome == TaskOutcome::Error || info.outcome == TaskOutcome::Cancelled) {
        if (info.endNs <= m_playhead) {
            const float x = px(info.endNs);
            const float r = std::min(5.0f, h / 4);
            const VertexColor c = info.outcome == TaskOutcome::Error ? style.errorMark : style.cancelMark;
            marks.addRect(x - r, mid - r, x + r, mid + r, c);
        }
    }
}

void TimelineItem::buildAggregate(QuadBatch &bars, int row, float y0, const TimelineRootNode &root) const
{
    const TraceIndex *idx = index();
    const TaskId task = m_lanes->taskAtRow(row);
    if (!idx || task >= idx->taskCount() || width() <= 0)
        return;
    const DensityHistogram *density = idx->density(task);
    if (!density)
        return;
    const Style style = Style::of(m_dark);
    // One bin per pixel over the visible range, each the most descendants waiting (or blocked) in
    // any histogram bucket it covers. The histogram is kept by the index as events arrive, so this
    // costs the buckets up to the view's end, not the number of tasks or spans.
    const int bins = int(std::ceil(width())) + 1;
    const double w = width();
    const qint64 viewEnd = std::min(m_view.start + m_view.duration, m_playhead);
    if (viewEnd < m_view.start)
        return;
    const std::size_t buckets = density->bucketOf(viewEnd) + 1;
    const std::vector<qint32> waiting = density->occupancy(DensityHistogram::Wait, buckets, m_playhead);
    const std::vector<qint32> blocked = density->occupancy(DensityHistogram::Block, buckets, m_playhead);
    std::vector<qint32> counts(static_cast<std::size_t>(bins), 0);
    std::vector<qint32> blockCounts(static_cast<std::size_t>(bins), 0);
    qint32 most = 1;
    for (int i = 0; i < bins; ++i) {
        const qint64 t0 = std::max<qint64>(timemath::pixelToTime(double(i), m_view, w), 0);
        const qint64 t1 = std::min(timemath::pixelToTime(double(i + 1), m_view, w), viewEnd);
        if (t1 < t0 || t0 > viewEnd)
            break;
        const std::size_t b0 = density->bucketOf(t0);
        const std::size_t b1 = std::min(buckets - 1, density->bucketOf(std::max(t0, t1 - 1)));
        for (std::size_t b = b0; b <= b1 && b < buckets; ++b) {
            counts[std::size_t(i)] = std::max(counts[std::size_t(i)], waiting[b]);
            blockCounts[std::size_t(i)] = std::max(blockCounts[std::size_t(i)], blocked[b]);
        }
        most = std::max(most, counts[std::size_t(i)]);
    }
    // Bins map to screen pixels; the block draws in build units: convert back.
    const auto toBuild = [&](int b) {
        const qint64 t = timemath::pixelToTime(double(b), m_view, w);
        return float(double(t - root.origin) / root.nsPerPx);
    };
    const float h = float(m_rowHeight) - 10;
    const float base = y0 + float(m_rowHeight) - 2;
    int i = 0;
    while (i < bins) {
        const qint32 c = counts[std::size_t(i)];
        int j = i + 1;
        while (j < bins && counts[std::size_t(j)] == c)
            ++j;
        if (c > 0) {
            const float hh = std::max(2.0f, h * float(c) / float(most));
            bars.addRect(toBuild(i), base - hh, toBuild(j), base, style.density);
        }
        i = j;
    }
    for (int k = 0; k < bins; ++k) {
        if (blockCounts[std::size_t(k)] > 0)
            bars.addRect(toBuild(k), y0 + 8, toBuild(k + 1), y0 + 12, style.densityBlock);
    }
}

void TimelineItem::buildBack(QuadBatch &batch) const
{
    const Style style = Style::of(m_dark);
    const float w = float(width());
    const TraceIndex *idx = index();
    if (m_lanes) {
        const Trace *trace = idx ? idx->trace() : nullptr;
        for (int row = firstVisibleRow(); row <= lastVisibleRow(); ++row) {
            const float y = float(row * m_rowHeight - m_contentY);
            const TaskId task = m_lanes->taskAtRow(row);
            if (row % 2 == 1)
                batch.addRect(0, y, w, y + float(m_rowHeight), style.stripe);
            if (int(task) == m_selectedTask)
                batch.addRect(0, y, w, y + float(m_rowHeight), style.selected);
            // Lanes waiting right now on the line picked in the code pane.
            if (trace && m_highlightLine > 0 && task < idx->taskCount()) {
                const TaskTrack &tr = idx->track(task);
                const qint32 open = tr.openWait >= 0 ? tr.openWait : tr.openBlock;
                if (open >= 0) {
                    const Site &s = trace->siteAt(tr.spans[std::size_t(open)].site);
                    if (int(s.line) == m_highlightLine && trace->string(s.file) == m_highlightFile)
                        batch.addRect(0, y, w, y + float(m_rowHeight), style.highlightRow);
                }
            }
        }
    }
    for (const PlacedLabel &t : m_ticks->labels())
        batch.addRect(float(t.x), 0, float(t.x) + 1, float(height()), style.grid);
}

void TimelineItem::buildLive(QuadBatch &batch) const
{
    const TraceIndex *idx = index();
    const double w = width();
    const Style style = Style::of(m_dark);
    if (idx && idx->trace() && m_lanes && w > 0) {
        const Trace &trace = *idx->trace();
        const auto px = [&](qint64 t) {
            return float(std::clamp(timemath::timeToPixel(t, m_view, w), -10.0, w + 10));
        };
        const float h = float(m_rowHeight);
        for (int row = firstVisibleRow(); row <= lastVisibleRow(); ++row) {
            const TaskId task = m_lanes->taskAtRow(row);
            if (task >= idx->taskCount())
                continue;
            const float y0 = float(row * m_rowHeight - m_contentY);
            const TaskTrack &tr = idx->track(task);
            const TaskInfo &info = trace.task(task);
            const bool aggregate = m_lanes->isAggregate(row);
            const bool running = info.outcome == TaskOutcome::Running || info.endNs > m_playhead;
            if (running && info.spawnNs <= m_playhead && !aggregate)
                batch.addRect(px(info.spawnNs), y0 + h / 2 - 1,
                              std::max(px(m_playhead), px(info.spawnNs) + 1), y0 + h / 2 + 1, style.lifeline);
            const float top = aggregate ? y0 + 2 : y0 + 4;
            const float bottom = aggregate ? y0 + 6 : y0 + h - 4;
            for (const Span &s : tr.spans) {
                if (s.begin > m_playhead)
                    break;
                const bool openAtPlayhead = s.isOpen() || s.end > m_playhead;
                const Site &site = trace.siteAt(s.site);
                const bool highlighted = m_highlightLine > 0 && int(site.line) == m_highlightLine &&
                    trace.string(site.file) == m_highlightFile;
                if (!openAtPlayhead && !highlighted)
                    continue;
                const qint64 end = openAtPlayhead ? m_playhead : s.end;
                if (end < m_view.start || s.begin > m_view.start + m_view.duration)
                    continue;
                const float x0 = px(s.begin);
                const float x1 = std::max(px(end), x0 + 1);
                if (s.kind == Span::Block) {
                    batch.addRect(x0, y0 + 2, x1, y0 + h - 2, style.block);
                    continue;
                }
                if (openAtPlayhead) {
                    Span open = s;
                    open.end = -1;
                    batch.addRect(x0, top, x1, bottom, spanColor(style, open, site.kind));
                }
                if (highlighted) // an outline over the await picked in the code pane
                    batch.addRect(x0, y0 + 1, x1, y0 + 4, style.highlight);
            }
        }
    }
    const double x = timemath::timeToPixel(m_playhead, m_view, w);
    if (x >= 0 && x <= w)
        batch.addRect(float(x) - 1, 0, float(x) + 1, float(height()), style.playhead);
}

} // namespace awaitscope
