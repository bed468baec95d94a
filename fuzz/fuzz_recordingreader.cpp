// libFuzzer: any bytes given to the recording reader load or give an error; nothing else.

#include "recordingreader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const auto rec =
        awaitscope::RecordingReader::read(reinterpret_cast<const char *>(data), qint64(size), &error);
    if (!rec && error.isEmpty())
        std::abort(); // a refusal always says why
    return 0;
}
