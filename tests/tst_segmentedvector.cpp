// The lanes' span and child lists: a vector that never moves what it holds once it is big.

#include "segmentedvector.h"

#include <QTest>
#include <algorithm>
#include <numeric>

using namespace awaitscope;

class TestSegmentedVector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void behavesLikeAVector();
    void bigElementsStayPut();
    void emptyAndSmall();
    void capacityAndShrink();
};

void TestSegmentedVector::capacityAndShrink()
{
    SegmentedVector<int, 16> v;
    QCOMPARE(v.capacity(), std::size_t(0));
    for (int i = 0; i < 10; ++i)
        v.push_back(i);
    QVERIFY(v.capacity() >= 10);
    v.shrinkToFit();
    QCOMPARE(v.capacity(), std::size_t(10));
    QCOMPARE(v[9], 9);
    for (int i = 10; i < 40; ++i) // the head (16, with room to spare) and two blocks of 16
        v.push_back(i);
    QVERIFY(v.capacity() >= std::size_t(16 + 2 * 16));
    v.shrinkToFit();
    QCOMPARE(v.capacity(), std::size_t(16 + 2 * 16));
    QCOMPARE(v[39], 39);
}

void TestSegmentedVector::behavesLikeAVector()
{
    SegmentedVector<int, 16> v;
    std::vector<int> reference;
    for (int i = 0; i < 1000; ++i) {
        v.push_back(i * 3);
        reference.push_back(i * 3);
    }
    QCOMPARE(v.size(), reference.size());
    for (std::size_t i = 0; i < reference.size(); ++i)
        QCOMPARE(v[i], reference[i]);
    QVERIFY(std::equal(v.begin(), v.end(), reference.begin(), reference.end()));
    QVERIFY(std::equal(v.rbegin(), v.rend(), reference.rbegin(), reference.rend()));
    QCOMPARE(v.back(), 2997);
    // Random access: binary search and distances work as on a vector.
    const auto it = std::lower_bound(v.begin(), v.end(), 1500);
    QCOMPARE(std::size_t(it - v.begin()), std::size_t(500));
    QCOMPARE(*it, 1500);
    QCOMPARE(std::accumulate(v.begin(), v.end(), 0LL),
             std::accumulate(reference.begin(), reference.end(), 0LL));
    v[700] = -1;
    QCOMPARE(*(v.begin() + 700), -1);
}

void TestSegmentedVector::bigElementsStayPut()
{
    // Past the first block, appending never moves an element (no copy of everything, no stall).
    SegmentedVector<int, 16> v;
    for (int i = 0; i < 40; ++i)
        v.push_back(i);
    const int *twenty = &v[20];
    const int *thirtyNine = &v[39];
    for (int i = 40; i < 10000; ++i)
        v.push_back(i);
    QCOMPARE(&v[20], twenty);
    QCOMPARE(&v[39], thirtyNine);
    QCOMPARE(*twenty, 20);
}

void TestSegmentedVector::emptyAndSmall()
{
    SegmentedVector<double> v;
    QVERIFY(v.empty());
    QCOMPARE(v.size(), std::size_t(0));
    QVERIFY(v.begin() == v.end());
    QVERIFY(v.rbegin() == v.rend());
    v.push_back(1.5);
    QVERIFY(!v.empty());
    QCOMPARE(v.back(), 1.5);
    // A lane with a few spans costs a small vector plus one pointer.
    QVERIFY(sizeof(SegmentedVector<double>) <= sizeof(std::vector<double>) + sizeof(void *));
}

QTEST_APPLESS_MAIN(TestSegmentedVector)
#include "tst_segmentedvector.moc"
