// libFuzzer: any bytes given to the Chrome trace importer import or give an error; nothing else.

#include "chrometracereader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const auto rec = awaitscope::ChromeTraceReader::read(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    if (!rec && error.isEmpty())
        std::abort(); // a refusal always says why
    return 0;
}
