#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <vector>

namespace awaitscope {

/**
 * A vector that never moves what it holds once it is big: the first BlockSize elements live in
 * one growing buffer (most tasks have a handful of spans), the rest in fixed blocks of BlockSize.
 * A std::vector of a million spans doubling copied 16 MiB and touched 32 MiB of fresh memory in
 * one go, which held the window's frame for 40-150 ms; here growth costs one block at a time.
 */
template<typename T, std::size_t BlockSize = 4096>
class SegmentedVector {
    static_assert((BlockSize & (BlockSize - 1)) == 0, "BlockSize must be a power of two");

public:
    template<bool Const>
    class Iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = std::conditional_t<Const, const T *, T *>;
        using reference = std::conditional_t<Const, const T &, T &>;
        using Owner = std::conditional_t<Const, const SegmentedVector, SegmentedVector>;

        Iterator() = default;
        Iterator(Owner *v, std::size_t i)
            : m_v(v)
            , m_i(i)
        {
        }
        reference operator*() const { return (*m_v)[m_i]; }
        pointer operator->() const { return &(*m_v)[m_i]; }
        reference operator[](difference_type n) const
        {
            return (*m_v)[std::size_t(difference_type(m_i) + n)];
        }
        Iterator &operator++()
        {
            ++m_i;
            return *this;
        }
        Iterator operator++(int)
        {
            Iterator old = *this;
            ++m_i;
            return old;
        }
        Iterator &operator--()
        {
            --m_i;
            return *this;
        }
        Iterator operator--(int)
        {
            Iterator old = *this;
            --m_i;
            return old;
        }
        Iterator &operator+=(difference_type n)
        {
            m_i = std::size_t(difference_type(m_i) + n);
            return *this;
        }
        Iterator &operator-=(difference_type n) { return *this += -n; }
        friend Iterator operator+(Iterator it, difference_type n) { return it += n; }
        friend Iterator operator+(difference_type n, Iterator it) { return it += n; }
        friend Iterator operator-(Iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const Iterator &a, const Iterator &b)
        {
            return difference_type(a.m_i) - difference_type(b.m_i);
        }
        friend bool operator==(const Iterator &a, const Iterator &b) { return a.m_i == b.m_i; }
        friend auto operator<=>(const Iterator &a, const Iterator &b) { return a.m_i <=> b.m_i; }

    private:
        Owner *m_v = nullptr;
        std::size_t m_i = 0;
    };
    using iterator = Iterator<false>;
    using const_iterator = Iterator<true>;
    using reverse_iterator = std::reverse_iterator<iterator>;
    using const_reverse_iterator = std::reverse_iterator<const_iterator>;

    std::size_t size() const noexcept { return m_head.size() + (m_tail ? m_tail->size : 0); }
    bool empty() const noexcept { return size() == 0; }
    /// Elements it has room for without allocating.
    std::size_t capacity() const noexcept
    {
        return m_head.capacity() + (m_tail ? m_tail->blocks.size() * BlockSize : 0);
    }
    /// Gives back the head's spare room (a finished task's spans); the blocks stay as they are.
    void shrinkToFit() { m_head.shrink_to_fit(); }

    void push_back(const T &value)
    {
        if (m_head.size() < BlockSize) {
            m_head.push_back(value);
            return;
        }
        if (!m_tail)
            m_tail = std::make_unique<Tail>();
        if (m_tail->size % BlockSize == 0)
            m_tail->blocks.push_back(std::make_unique<T[]>(BlockSize));
        m_tail->blocks.back()[m_tail->size % BlockSize] = value;
        ++m_tail->size;
    }

    T &operator[](std::size_t i) noexcept
    {
        if (i < BlockSize)
            return m_head[i];
        i -= BlockSize;
        return m_tail->blocks[i / BlockSize][i % BlockSize];
    }
    const T &operator[](std::size_t i) const noexcept { return const_cast<SegmentedVector &>(*this)[i]; }
    T &back() noexcept { return (*this)[size() - 1]; }
    const T &back() const noexcept { return (*this)[size() - 1]; }

    iterator begin() noexcept { return {this, 0}; }
    iterator end() noexcept { return {this, size()}; }
    const_iterator begin() const noexcept { return {this, 0}; }
    const_iterator end() const noexcept { return {this, size()}; }
    reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
    reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
    const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
    const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }

private:
    struct Tail {
        std::vector<std::unique_ptr<T[]>> blocks;
        std::size_t size = 0;
    };
    std::vector<T> m_head;
    std::unique_ptr<Tail> m_tail; // only past BlockSize elements: 32 bytes for a small lane
};

} // namespace awaitscope
