#pragma once
// QR codes with zint (the demo "citizen phone" shows an EL1 payload; notices show case numbers).
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QImage>

namespace windowdesk::license {

class QrCode {
public:
    // A black-on-white QR code of `data` (bytes as they are, error correction level M) with the standard
    // 4-module quiet zone, `pixelsPerModule` pixels per module. Error "qr_failed" with zint's text.
    static Result<QImage> render(const QByteArray &data, int pixelsPerModule = 4);
};

} // namespace windowdesk::license
