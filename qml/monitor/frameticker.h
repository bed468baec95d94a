#pragma once

#include <QAbstractAnimation>
#include <functional>

namespace awaitscope {

/**
 * Calls a function once per animation frame of the GUI thread: the tick that advances QML
 * animations, paced by the window's render loop (its vsync, or a 16 ms system timer where vsync
 * does not throttle, as under Xvfb). Work done there lands in the frame being prepared. A plain
 * 16 ms QTimer beats at its own phase instead, and every change it makes between two animation
 * ticks asks the render loop for one more frame: under a software rasterizer that doubled the
 * frame rate and starved the GUI thread.
 */
class FrameTicker : public QAbstractAnimation {
public:
    explicit FrameTicker(std::function<void()> onFrame, QObject *parent = nullptr)
        : QAbstractAnimation(parent)
        , m_onFrame(std::move(onFrame))
    {
    }

    int duration() const override { return -1; } // runs until stopped

    bool isActive() const noexcept { return state() == Running; }

protected:
    void updateCurrentTime(int) override { m_onFrame(); }

private:
    std::function<void()> m_onFrame;
};

} // namespace awaitscope
