#pragma once

// clang 14 (Debian 12's) lacks __builtin_source_location, so libstdc++ 12's <source_location>
// declares nothing there. The fuzz preset force-includes this stand-in, with the same interface,
// so the core compiles with clang for libFuzzer. Never used by the gcc builds.

#if defined(__clang__) && !__has_builtin(__builtin_source_location)
#    include <cstdint>
namespace std {
struct source_location {
    static constexpr source_location current(const char *file = __builtin_FILE(),
                                             const char *function = __builtin_FUNCTION(),
                                             uint_least32_t line = __builtin_LINE(),
                                             uint_least32_t column = __builtin_COLUMN()) noexcept
    {
        source_location s;
        s.m_file = file;
        s.m_function = function;
        s.m_line = line;
        s.m_column = column;
        return s;
    }
    constexpr source_location() noexcept = default;
    constexpr const char *file_name() const noexcept { return m_file; }
    constexpr const char *function_name() const noexcept { return m_function; }
    constexpr uint_least32_t line() const noexcept { return m_line; }
    constexpr uint_least32_t column() const noexcept { return m_column; }

private:
    const char *m_file = "";
    const char *m_function = "";
    uint_least32_t m_line = 0;
    uint_least32_t m_column = 0;
};
} // namespace std
#endif
