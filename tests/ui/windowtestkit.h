#pragma once

// What the tests of the real window share: opening Main.qml with a real controller, finding items
// by objectName, and telling what is on screen (visible, not clipped away) from what is not.

#include "responsivenessmonitor.h"
#include "runcontroller.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <memory>

namespace awaitscope::windowtest {

inline bool isA(const QObject *o, const char *className)
{
    for (const QMetaObject *m = o->metaObject(); m; m = m->superClass()) {
        if (qstrcmp(m->className(), className) == 0)
            return true;
    }
    return false;
}

/// Visible on screen: itself and every ancestor visible, with some size, not clipped away.
inline bool shown(QQuickItem *item, QRectF *sceneRect)
{
    if (!item->isVisible() || item->opacity() <= 0.01 || item->width() < 1 || item->height() < 1)
        return false;
    QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (p->clip()) {
            r = r.intersected(p->mapRectToScene(QRectF(0, 0, p->width(), p->height())));
            if (r.width() < 1 || r.height() < 1)
                return false;
        }
    }
    *sceneRect = r;
    return true;
}

inline bool isAncestor(const QQuickItem *a, const QQuickItem *b)
{
    for (const QQuickItem *p = b->parentItem(); p; p = p->parentItem()) {
        if (p == a)
            return true;
    }
    return false;
}

inline QString describe(const QQuickItem *item)
{
    QString text = item->property("text").toString().left(40);
    return QStringLiteral("%1 \"%2\" %3")
        .arg(QString::fromLatin1(item->metaObject()->className()), text, item->objectName());
}

/// Every item under root in the visual tree (header, footer and popups' items included).
inline void collect(QQuickItem *root, QList<QQuickItem *> *out)
{
    for (QQuickItem *child : root->childItems()) {
        out->append(child);
        collect(child, out);
    }
}

struct Placed {
    QQuickItem *item;
    QRectF rect;
};

/// Loads Main.qml into engine with the controller and monitor, shows it at size; nullptr if it
/// failed to load or to be exposed.
inline QQuickWindow *openMainWindow(QQmlApplicationEngine &engine, RunController *controller,
                                    ResponsivenessMonitor *monitor, QSize size)
{
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(controller)},
                                 {QStringLiteral("monitor"), QVariant::fromValue(monitor)}});
    engine.load(QUrl(QStringLiteral("qrc:/Awaitscope/views/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return nullptr;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    window->setGeometry(QRect(QPoint(0, 0), size));
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return nullptr;
    monitor->setWindow(window);
    return window;
}

/// The item with this objectName anywhere in the window's visual tree, or nullptr.
inline QQuickItem *findItem(QQuickWindow *window, const char *name)
{
    QList<QQuickItem *> all;
    collect(window->contentItem(), &all);
    for (QQuickItem *item : all) {
        if (item->objectName() == QLatin1String(name))
            return item;
    }
    return nullptr;
}

} // namespace awaitscope::windowtest
