// QR rendering of EL1 payloads with zint: a square symbol of the right version with its quiet zone.
#include <windowdesk/license/qrcode.h>

#include <QTest>

using namespace Qt::StringLiterals;
using windowdesk::license::QrCode;

class TestQrCode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rendersASquareSymbolWithQuietZone() {
        auto img = QrCode::render("EL1.demo-hall-2026.eyJhIjoxfQ.MEUCIQ", 3);
        QVERIFY(img.ok());
        QCOMPARE(img->width(), img->height());
        QCOMPARE(img->width() % 3, 0);
        const int modules = img->width() / 3;
        // Versions are 21 + 4k modules wide; plus 4 quiet modules each side.
        QCOMPARE((modules - 8 - 21) % 4, 0);
        // Quiet zone white, finder pattern corner black.
        QCOMPARE(img->pixelColor(0, 0), QColor(Qt::white));
        QCOMPARE(img->pixelColor(4 * 3 + 1, 4 * 3 + 1), QColor(Qt::black));
        QCOMPARE(img->pixelColor(img->width() - 4 * 3 - 2, 4 * 3 + 1), QColor(Qt::black));
    }

    void largerPayloadLargerSymbol() {
        auto small = QrCode::render(QByteArray(40, 'A'), 1);
        auto large = QrCode::render(QByteArray(2048, 'A'), 1); // the longest EL1 payload
        QVERIFY(small.ok() && large.ok());
        QVERIFY(large->width() > small->width());
    }

    void errors() {
        QVERIFY(!QrCode::render({}).ok());
        auto tooMuch = QrCode::render(QByteArray(8000, 'x'));
        QVERIFY(!tooMuch.ok());
        QCOMPARE(tooMuch.error().code, u"qr_failed"_s);
    }
};

QTEST_GUILESS_MAIN(TestQrCode)
#include "tst_qrcode.moc"
