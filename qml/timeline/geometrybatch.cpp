#include "geometrybatch.h"

#include <QSGGeometryNode>
#include <QSGVertexColorMaterial>
#include <algorithm>
#include <cstring>

namespace awaitscope {

VertexColor VertexColor::from(const QColor &c, double opacity)
{
    const double a = std::clamp(c.alphaF() * opacity, 0.0, 1.0);
    const auto ch = [a](int v) { return uchar(std::lround(double(v) * a)); };
    return {ch(c.red()), ch(c.green()), ch(c.blue()), uchar(std::lround(a * 255.0))};
}

void QuadBatch::addRect(float x0, float y0, float x1, float y1, VertexColor c)
{
    QSGGeometry::ColoredPoint2D p[4];
    p[0].set(x0, y0, c.r, c.g, c.b, c.a);
    p[1].set(x1, y0, c.r, c.g, c.b, c.a);
    p[2].set(x0, y1, c.r, c.g, c.b, c.a);
    p[3].set(x1, y1, c.r, c.g, c.b, c.a);
    m_vertices.insert(m_vertices.end(), {p[0], p[1], p[2], p[1], p[3], p[2]});
}

void QuadBatch::addQuad(QPointF a, QPointF b, QPointF c, QPointF d, VertexColor color)
{
    QSGGeometry::ColoredPoint2D p[4];
    const QPointF corners[4] = {a, b, c, d};
    for (int i = 0; i < 4; ++i)
        p[i].set(float(corners[i].x()), float(corners[i].y()), color.r, color.g, color.b, color.a);
    m_vertices.insert(m_vertices.end(), {p[0], p[1], p[2], p[0], p[2], p[3]});
}

int QuadBatch::commit(QSGNode *parent) const
{
    const int needed = int((m_vertices.size() + MaxVertices - 1) / MaxVertices);
    // Drop the nodes no longer needed (from the end), keep the rest for reuse.
    while (parent->childCount() > needed) {
        QSGNode *last = parent->lastChild();
        parent->removeChildNode(last);
        delete last;
    }
    QSGNode *child = parent->firstChild();
    for (int i = 0; i < needed; ++i) {
        const std::size_t first = std::size_t(i) * MaxVertices;
        const int count = int(std::min<std::size_t>(MaxVertices, m_vertices.size() - first));
        auto *node = static_cast<QSGGeometryNode *>(child);
        if (!node) {
            node = new QSGGeometryNode;
            auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), count);
            geometry->setDrawingMode(QSGGeometry::DrawTriangles);
            node->setGeometry(geometry);
            node->setMaterial(new QSGVertexColorMaterial);
            node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
            parent->appendChildNode(node);
        } else {
            node->geometry()->allocate(count);
        }
        std::memcpy(node->geometry()->vertexDataAsColoredPoint2D(), m_vertices.data() + first,
                    std::size_t(count) * sizeof(QSGGeometry::ColoredPoint2D));
        node->markDirty(QSGNode::DirtyGeometry);
        child = node->nextSibling();
    }
    return needed;
}

} // namespace awaitscope
