#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace awaitscope {

/**
 * Makes room for n elements up front, so that growing to n never reallocates: a vector that
 * doubles copies everything and touches its new buffer at once, which held the event loop for
 * tens of milliseconds at a few hundred thousand tasks. Reserved memory costs nothing until it
 * is written (big blocks are mapped on demand). An empty vector holding a far larger buffer from
 * an earlier, bigger run gives it back first.
 */
template<typename T>
void reserveAhead(std::vector<T> &v, std::size_t n)
{
    if (v.empty() && v.capacity() > 4 * std::max<std::size_t>(n, 4096))
        std::vector<T>().swap(v);
    if (v.capacity() < n)
        v.reserve(n);
}

} // namespace awaitscope
