#pragma once

#include <QColor>
#include <QPointF>
#include <QSGGeometry>
#include <vector>

class QSGNode;

namespace awaitscope {

/// A premultiplied RGBA colour as the vertex-colour material wants it.
struct VertexColor {
    uchar r = 0, g = 0, b = 0, a = 255;
    static VertexColor from(const QColor &c, double opacity = 1.0);
};

/**
 * Rectangles collected as vertex-coloured triangles and committed into QSGGeometryNodes under one
 * parent. A node never holds more than MaxVertices (the 16-bit limit of some GPUs), so a big batch
 * becomes several nodes; committing again reuses the parent's existing nodes.
 */
class QuadBatch {
public:
    static constexpr int VerticesPerQuad = 6;
    static constexpr int MaxVertices = 65'532; // a multiple of 6, below 65,535

    void addRect(float x0, float y0, float x1, float y1, VertexColor c);
    /// Any convex quadrilateral, corners in order around it.
    void addQuad(QPointF a, QPointF b, QPointF c, QPointF d, VertexColor color);
    void clear() { m_vertices.clear(); }
    std::size_t quadCount() const noexcept { return m_vertices.size() / VerticesPerQuad; }
    std::size_t vertexCount() const noexcept { return m_vertices.size(); }
    bool isEmpty() const noexcept { return m_vertices.empty(); }

    /// Makes parent's children hold exactly this batch; returns the number of geometry nodes.
    int commit(QSGNode *parent) const;

private:
    std::vector<QSGGeometry::ColoredPoint2D> m_vertices;
};

} // namespace awaitscope
