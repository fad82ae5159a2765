#include "qrcode.h"

#include <zint.h>

using namespace Qt::StringLiterals;

namespace windowdesk::license {

Result<QImage> QrCode::render(const QByteArray &data, int pixelsPerModule) {
    if (data.isEmpty())
        return Error{u"qr_failed"_s, u"没有可生成二维码的内容"_s};
    zint_symbol *s = ZBarcode_Create();
    if (!s)
        return Error{u"qr_failed"_s, u"zint 初始化失败"_s};
    s->symbology = BARCODE_QRCODE;
    s->input_mode = DATA_MODE;
    s->option_1 = 2; // ECC level M: enough for a phone screen, keeps the symbol small
    s->scale = 0.5f; // raster X-dimension = 2 * scale pixels: one pixel per module, scaled below
    s->output_options |= BARCODE_QUIET_ZONES;
    const int rc = ZBarcode_Encode_and_Buffer(s, reinterpret_cast<const unsigned char *>(data.constData()),
                                              int(data.size()), 0);
    if (rc >= ZINT_ERROR) {
        const QString why = QString::fromLatin1(s->errtxt);
        ZBarcode_Delete(s);
        return Error{u"qr_failed"_s, u"二维码生成失败：%1"_s.arg(why)};
    }
    QImage img(s->bitmap_width, s->bitmap_height, QImage::Format_RGB888);
    for (int y = 0; y < s->bitmap_height; ++y)
        memcpy(img.scanLine(y), s->bitmap + size_t(y) * size_t(s->bitmap_width) * 3,
               size_t(s->bitmap_width) * 3);
    ZBarcode_Delete(s);
    const int k = qMax(1, pixelsPerModule);
    return img.scaled(img.width() * k, img.height() * k, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

} // namespace windowdesk::license
