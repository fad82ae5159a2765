// libFuzzer target: the EL1 payload parser and the strict claims reader must never crash, hang or hit
// undefined behaviour, and what they accept must keep the format's invariants.
#include <windowdesk/license/el1format.h>

#include <cstddef>
#include <cstdint>

using namespace windowdesk::license;

namespace {
void check(bool invariant) {
    if (!invariant)
        __builtin_trap();
}

void readClaims(QByteArrayView json) {
    auto c = readEl1Claims(json);
    if (!c.ok())
        return;
    const qint64 lifetime = c->exp - c->iat; // cannot overflow: the reader checked it
    check(lifetime > 0 && lifetime <= kEl1MaxLifetimeSecs);
    check(isEl1Nonce(c->nonce));
    check(isRealDate(c->isd));
    check(c->vu == QStringView(kEl1NoEnd) || isRealDate(c->vu));
    check(c->toJson().size() == 12);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArrayView in(reinterpret_cast<const char *>(data), qsizetype(size));

    // As scanned: steps 1–4, then the claims of what they accept.
    const El1Syntax syntax = parseEl1(in);
    if (syntax.reason == El1Reason::Ok) {
        check(isEl1Kid(syntax.parts.kid));
        check(syntax.parts.signedText.startsWith("EL1."));
        if (auto claims = decodeBase64Url(syntax.parts.claims))
            readClaims(*claims);
        (void)decodeBase64Url(syntax.parts.signature);
    }
    check(!(size <= 2048 && syntax.reason == El1Reason::TooLong));

    // The bytes as a claims object, and as base64url (decoding is canonical: it round-trips).
    readClaims(in);
    if (auto decoded = decodeBase64Url(in))
        check(encodeBase64Url(*decoded) == in.toByteArray());
    return 0;
}
