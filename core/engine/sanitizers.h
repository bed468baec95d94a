#pragma once

// Which sanitizer a translation unit is built with, named once for gcc and clang: gcc defines
// __SANITIZE_ADDRESS__, clang answers __has_feature. Code that measures memory or tunes the heap
// behaves differently under them (their allocators are not glibc's).

#if defined(__SANITIZE_ADDRESS__)
#    define AWAITSCOPE_ASAN 1
#elif defined(__has_feature)
#    if __has_feature(address_sanitizer)
#        define AWAITSCOPE_ASAN 1
#    endif
#endif

#if defined(__SANITIZE_THREAD__)
#    define AWAITSCOPE_TSAN 1
#elif defined(__has_feature)
#    if __has_feature(thread_sanitizer)
#        define AWAITSCOPE_TSAN 1
#    endif
#endif
