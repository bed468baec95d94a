#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace awaitscope {

/// A FIFO over a power-of-two ring: no allocation per element once grown (std::deque allocates
/// a node every few dozen pushes, which shows on the await path).
template<typename T>
class RingQueue {
public:
    bool empty() const noexcept { return m_head == m_tail; }
    std::size_t size() const noexcept { return m_tail - m_head; }
    void push_back(const T &v)
    {
        if (size() == m_buffer.size())
            grow();
        m_buffer[m_tail++ & (m_buffer.size() - 1)] = v;
    }
    const T &front() const noexcept { return m_buffer[m_head & (m_buffer.size() - 1)]; }
    void pop_front() noexcept { ++m_head; }
    void clear() noexcept { m_head = m_tail = 0; }
    /// Empties the queue and gives its buffer back.
    void release() noexcept
    {
        std::vector<T>().swap(m_buffer);
        clear();
    }

private:
    void grow()
    {
        std::vector<T> bigger(std::max<std::size_t>(64, m_buffer.size() * 2));
        const std::size_t n = size();
        for (std::size_t i = 0; i < n; ++i)
            bigger[i] = m_buffer[(m_head + i) & (m_buffer.size() - 1)];
        m_buffer.swap(bigger);
        m_head = 0;
        m_tail = n;
    }
    std::vector<T> m_buffer;
    std::size_t m_head = 0;
    std::size_t m_tail = 0;
};

} // namespace awaitscope
