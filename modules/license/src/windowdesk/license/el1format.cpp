#include "el1format.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>

using namespace Qt::StringLiterals;

namespace windowdesk::license {

QString reasonCode(El1Reason reason) {
    switch (reason) {
    case El1Reason::Ok:
        return u"ok"_s;
    case El1Reason::Malformed:
        return u"malformed"_s;
    case El1Reason::TooLong:
        return u"too_long"_s;
    case El1Reason::UnsupportedVersion:
        return u"unsupported_version"_s;
    case El1Reason::UnknownKey:
        return u"unknown_key"_s;
    case El1Reason::BadSignature:
        return u"bad_signature"_s;
    case El1Reason::NotYetValid:
        return u"not_yet_valid"_s;
    case El1Reason::Expired:
        return u"expired"_s;
    case El1Reason::LicenseExpired:
        return u"license_expired"_s;
    case El1Reason::Replayed:
        return u"replayed"_s;
    }
    return u"malformed"_s;
}

QString reasonMessage(El1Reason reason) {
    switch (reason) {
    case El1Reason::Ok:
        return u"电子证照验签通过"_s;
    case El1Reason::Malformed:
        return u"无法识别的亮证码，请申请人在湘易办中重新出示证照二维码"_s;
    case El1Reason::TooLong:
        return u"扫描内容过长，不是电子证照亮证码，请重新扫描"_s;
    case El1Reason::UnsupportedVersion:
        return u"亮证码版本本机暂不支持，请升级综窗工作台或联网核验"_s;
    case El1Reason::UnknownKey:
        return u"亮证码的签发密钥未知或不在有效期内，请联网同步密钥后重新扫描"_s;
    case El1Reason::BadSignature:
        return u"亮证码验签失败，证照信息可能被篡改，不能作为有效材料"_s;
    case El1Reason::NotYetValid:
        return u"亮证码尚未生效，请核对本机时间后重新扫描"_s;
    case El1Reason::Expired:
        return u"亮证码已过期，请申请人刷新后重新出示"_s;
    case El1Reason::LicenseExpired:
        return u"证照已超过有效期，不能作为有效材料"_s;
    case El1Reason::Replayed:
        return u"该亮证码已使用过，请申请人刷新后重新出示"_s;
    }
    return {};
}

namespace {

bool isUrlSafeChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool allUrlSafe(QByteArrayView s) {
    for (char c : s) {
        if (!isUrlSafeChar(c))
            return false;
    }
    return true;
}

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int base64UrlValue(char c) {
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

} // namespace

bool isEl1Kid(QByteArrayView s) {
    return !s.isEmpty() && s.size() <= 64 && allUrlSafe(s);
}

bool isEl1Nonce(QStringView s) {
    if (s.size() < 16 || s.size() > 64)
        return false;
    for (QChar c : s) {
        if (c.unicode() > 0x7F || !isUrlSafeChar(char(c.unicode())))
            return false;
    }
    return true;
}

bool isRealDate(QStringView s) {
    if (s.size() != 10 || s[4] != u'-' || s[7] != u'-')
        return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (s[i] < u'0' || s[i] > u'9')
            return false;
    }
    const QDate d(s.mid(0, 4).toInt(), s.mid(5, 2).toInt(), s.mid(8, 2).toInt());
    return d.isValid();
}

El1Syntax parseEl1(QByteArrayView scanned) {
    El1Syntax out;
    // 1. Scanners add a suffix (CR, LF, Tab); some also a leading space.
    qsizetype b = 0, e = scanned.size();
    while (b < e && isAsciiSpace(scanned[b]))
        ++b;
    while (e > b && isAsciiSpace(scanned[e - 1]))
        --e;
    const QByteArrayView text = scanned.sliced(b, e - b);

    // 2. Length before characters.
    if (text.isEmpty())
        return out;
    if (text.size() > kEl1MaxBytes) {
        out.reason = El1Reason::TooLong;
        return out;
    }
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u > 0x7E)
            return out;
    }

    // 3. Version first, then the number of parts.
    const qsizetype firstDot = text.indexOf('.');
    const QByteArrayView version = firstDot < 0 ? text : text.first(firstDot);
    if (version.size() < 3 || version[0] != 'E' || version[1] != 'L')
        return out;
    for (char c : version.sliced(2)) {
        if (c < '0' || c > '9')
            return out;
    }
    if (version != QByteArrayView("EL1")) {
        out.reason = El1Reason::UnsupportedVersion;
        return out;
    }
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '.') {
            parts.append(text.sliced(start, i - start));
            start = i + 1;
            if (parts.size() > 4)
                return out;
        }
    }
    if (parts.size() != 4)
        return out;
    for (const auto &p : parts) {
        if (p.isEmpty())
            return out;
    }

    // 4. Character sets of the parts (the key lookup is the verifier's).
    if (!isEl1Kid(parts[1]) || !allUrlSafe(parts[2]) || !allUrlSafe(parts[3]))
        return out;

    out.parts.kid = parts[1].toByteArray();
    out.parts.claims = parts[2].toByteArray();
    out.parts.signature = parts[3].toByteArray();
    out.parts.signedText = text.first(text.size() - parts[3].size() - 1).toByteArray();
    out.reason = El1Reason::Ok;
    return out;
}

std::optional<QByteArray> decodeBase64Url(QByteArrayView text) {
    if (text.size() % 4 == 1)
        return std::nullopt;
    QByteArray out;
    out.reserve(text.size() * 3 / 4 + 3);
    quint32 acc = 0;
    int bits = 0;
    for (char c : text) {
        const int v = base64UrlValue(c);
        if (v < 0)
            return std::nullopt;
        acc = (acc << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((acc >> bits) & 0xFF));
        }
    }
    // Leftover bits must be zero: otherwise two texts would decode to the same bytes.
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

QByteArray encodeBase64Url(QByteArrayView bytes) {
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonObject El1Claims::toJson() const {
    return QJsonObject{
        {u"lid"_s, lid}, {u"typ"_s, typ}, {u"tn"_s, tn},   {u"no"_s, no},
        {u"hn"_s, hn},   {u"hid"_s, hid}, {u"iss"_s, iss}, {u"isd"_s, isd},
        {u"vu"_s, vu},   {u"iat"_s, iat}, {u"exp"_s, exp}, {u"nonce"_s, nonce},
    };
}

namespace {

// A small strict JSON reader for the claims: Qt's reader keeps the last of two equal keys and reads
// 1.7e9 as an integer, both of which the format forbids. Only the top-level members are kept.
class ClaimsScanner {
public:
    enum class Kind { String, Number, Other };
    struct Member {
        Kind kind = Kind::Other;
        QString string;    // decoded, for strings
        QByteArray number; // the number's text as written
    };

    explicit ClaimsScanner(QByteArrayView in)
        : m_in(in) {}

    // Fills `members`; false with `error` set on any violation.
    bool readObject(QHash<QString, Member> &members) {
        if (!validUtf8())
            return fail("not UTF-8");
        skipWs();
        if (!readTopObject(members))
            return false;
        skipWs();
        if (m_pos != m_in.size())
            return fail("trailing data");
        return true;
    }
    const char *error() const { return m_error; }

private:
    static constexpr int kMaxDepth = 32;

    bool fail(const char *why) {
        if (!m_error)
            m_error = why;
        return false;
    }
    bool atEnd() const { return m_pos >= m_in.size(); }
    unsigned char peek() const { return atEnd() ? 0 : static_cast<unsigned char>(m_in[m_pos]); }
    void skipWs() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    bool expect(char c) {
        if (peek() != static_cast<unsigned char>(c))
            return false;
        ++m_pos;
        return true;
    }

    // Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
    bool validUtf8() const {
        const qsizetype n = m_in.size();
        for (qsizetype i = 0; i < n;) {
            const auto c = static_cast<unsigned char>(m_in[i]);
            int len = 0;
            quint32 cp = 0, min = 0;
            if (c < 0x80) {
                ++i;
                continue;
            } else if ((c & 0xE0) == 0xC0) {
                len = 2, cp = c & 0x1F, min = 0x80;
            } else if ((c & 0xF0) == 0xE0) {
                len = 3, cp = c & 0x0F, min = 0x800;
            } else if ((c & 0xF8) == 0xF0) {
                len = 4, cp = c & 0x07, min = 0x10000;
            } else {
                return false;
            }
            if (i + len > n)
                return false;
            for (int k = 1; k < len; ++k) {
                const auto cc = static_cast<unsigned char>(m_in[i + k]);
                if ((cc & 0xC0) != 0x80)
                    return false;
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                return false;
            i += len;
        }
        return true;
    }

    bool readTopObject(QHash<QString, Member> &members) {
        if (!expect('{'))
            return fail("not an object");
        skipWs();
        if (expect('}'))
            return true;
        for (;;) {
            skipWs();
            QString key;
            if (!readString(key))
                return false;
            skipWs();
            if (!expect(':'))
                return fail("expected ':'");
            skipWs();
            Member m;
            if (!readValue(1, &m))
                return false;
            if (members.contains(key))
                return fail("duplicate key");
            members.insert(key, m);
            skipWs();
            if (expect(','))
                continue;
            if (expect('}'))
                return true;
            return fail("expected ',' or '}'");
        }
    }

    bool readValue(int depth, Member *top) {
        if (depth > kMaxDepth)
            return fail("too deep");
        const unsigned char c = peek();
        if (c == '"') {
            QString s;
            if (!readString(s))
                return false;
            if (top) {
                top->kind = Kind::String;
                top->string = std::move(s);
            }
            return true;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            const qsizetype start = m_pos;
            if (!readNumber())
                return false;
            if (top) {
                top->kind = Kind::Number;
                top->number = m_in.sliced(start, m_pos - start).toByteArray();
            }
            return true;
        }
        if (c == '{')
            return readNested('{', '}', depth);
        if (c == '[')
            return readNested('[', ']', depth);
        for (const char *lit : {"true", "false", "null"}) {
            const QByteArrayView l(lit);
            if (m_in.sliced(m_pos).startsWith(l)) {
                m_pos += l.size();
                return true;
            }
        }
        return fail("bad value");
    }

    // Unknown extra fields may hold anything valid; nested keys are not checked for duplicates.
    bool readNested(char open, char close, int depth) {
        expect(open);
        skipWs();
        if (expect(close))
            return true;
        for (;;) {
            skipWs();
            if (open == '{') {
                QString key;
                if (!readString(key))
                    return false;
                skipWs();
                if (!expect(':'))
                    return fail("expected ':'");
                skipWs();
            }
            if (!readValue(depth + 1, nullptr))
                return false;
            skipWs();
            if (expect(','))
                continue;
            if (expect(close))
                return true;
            return fail("unterminated container");
        }
    }

    bool readNumber() {
        expect('-');
        if (expect('0')) {
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9')
                ++m_pos;
        } else {
            return fail("bad number");
        }
        if (expect('.')) {
            if (!(peek() >= '0' && peek() <= '9'))
                return fail("bad number");
            while (peek() >= '0' && peek() <= '9')
                ++m_pos;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!(peek() >= '0' && peek() <= '9'))
                return fail("bad number");
            while (peek() >= '0' && peek() <= '9')
                ++m_pos;
        }
        return true;
    }

    int hex4() {
        if (m_pos + 4 > m_in.size())
            return -1;
        int v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = m_in[m_pos + k];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= c - '0';
            else if (c >= 'a' && c <= 'f')
                v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                v |= c - 'A' + 10;
            else
                return -1;
        }
        m_pos += 4;
        return v;
    }

    bool readString(QString &out) {
        if (!expect('"'))
            return fail("expected string");
        QByteArray buf;
        for (;;) {
            if (atEnd())
                return fail("unterminated string");
            const unsigned char c = peek();
            ++m_pos;
            if (c == '"')
                break;
            if (c < 0x20)
                return fail("control character in string");
            if (c != '\\') {
                buf.append(char(c));
                continue;
            }
            const unsigned char esc = peek();
            ++m_pos;
            switch (esc) {
            case '"':
                buf.append('"');
                break;
            case '\\':
                buf.append('\\');
                break;
            case '/':
                buf.append('/');
                break;
            case 'b':
                buf.append('\b');
                break;
            case 'f':
                buf.append('\f');
                break;
            case 'n':
                buf.append('\n');
                break;
            case 'r':
                buf.append('\r');
                break;
            case 't':
                buf.append('\t');
                break;
            case 'u': {
                int u = hex4();
                if (u < 0)
                    return fail("bad \\u escape");
                char32_t cp = char32_t(u);
                if (u >= 0xD800 && u <= 0xDBFF) {
                    if (!expect('\\') || !expect('u'))
                        return fail("lone surrogate");
                    const int lo = hex4();
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        return fail("lone surrogate");
                    cp = 0x10000 + ((char32_t(u) - 0xD800) << 10) + (char32_t(lo) - 0xDC00);
                } else if (u >= 0xDC00 && u <= 0xDFFF) {
                    return fail("lone surrogate");
                }
                buf.append(QString::fromUcs4(&cp, 1).toUtf8());
                break;
            }
            default:
                return fail("bad escape");
            }
        }
        out = QString::fromUtf8(buf);
        return true;
    }

    QByteArrayView m_in;
    qsizetype m_pos = 0;
    const char *m_error = nullptr;
};

// "-?(0|[1-9][0-9]*)" that fits in 64 bits.
std::optional<qint64> integerText(const QByteArray &t) {
    qsizetype i = t.startsWith('-') ? 1 : 0;
    if (i >= t.size() || (t[i] == '0' && t.size() > i + 1))
        return std::nullopt;
    for (; i < t.size(); ++i) {
        if (t[i] < '0' || t[i] > '9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 v = t.toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

Error malformed(const char *why) {
    return Error{u"malformed"_s, QString::fromLatin1(why)};
}

} // namespace

Result<El1Claims> readEl1Claims(QByteArrayView json) {
    QHash<QString, ClaimsScanner::Member> m;
    ClaimsScanner scanner(json);
    if (!scanner.readObject(m))
        return malformed(scanner.error());

    El1Claims c;
    const std::pair<const char16_t *, QString *> strings[] = {
        {u"lid", &c.lid}, {u"typ", &c.typ}, {u"tn", &c.tn},   {u"no", &c.no}, {u"hn", &c.hn},
        {u"hid", &c.hid}, {u"iss", &c.iss}, {u"isd", &c.isd}, {u"vu", &c.vu}, {u"nonce", &c.nonce},
    };
    for (const auto &[name, field] : strings) {
        const auto it = m.constFind(QString::fromUtf16(name));
        if (it == m.cend())
            return malformed("missing field");
        if (it->kind != ClaimsScanner::Kind::String)
            return malformed("field is not a string");
        *field = it->string;
    }
    const std::pair<const char16_t *, qint64 *> integers[] = {{u"iat", &c.iat}, {u"exp", &c.exp}};
    for (const auto &[name, field] : integers) {
        const auto it = m.constFind(QString::fromUtf16(name));
        if (it == m.cend())
            return malformed("missing field");
        if (it->kind != ClaimsScanner::Kind::Number)
            return malformed("field is not a number");
        const auto v = integerText(it->number);
        if (!v)
            return malformed("not an integer");
        *field = *v;
    }
    if (!isEl1Nonce(c.nonce))
        return malformed("bad nonce");
    if (!isRealDate(c.isd))
        return malformed("bad isd");
    if (c.vu != QStringView(kEl1NoEnd) && !isRealDate(c.vu))
        return malformed("bad vu");
    qint64 lifetime = 0;
    if (__builtin_sub_overflow(c.exp, c.iat, &lifetime) || lifetime <= 0 || lifetime > kEl1MaxLifetimeSecs)
        return malformed("bad lifetime");
    return c;
}

} // namespace windowdesk::license
