// A stand-in for an SDT-family vendor library (libsdtapi.so), to test the helper's dlopen path: the real one
// needs the device. Its behaviour comes from the environment of the helper that loads it:
//   FAKE_SDT_DEVICE=absent   no reader on any port
//   FAKE_SDT_CARD=1          a card lies on the reader (text block of a made-up applicant)
//   FAKE_SDT_CRASH=1         SDT_ReadBaseMsg crashes, as a broken vendor library may
#include <cstdlib>
#include <cstring>

namespace {
bool env(const char *name, const char *value) {
    const char *v = std::getenv(name);
    return v && std::strcmp(v, value) == 0;
}
// Writes text as UCS-2LE into a field of n characters, padded with spaces.
void field(unsigned char *&out, const char16_t *text, int n) {
    int i = 0;
    for (; text[i] && i < n; ++i) {
        *out++ = static_cast<unsigned char>(text[i] & 0xff);
        *out++ = static_cast<unsigned char>(text[i] >> 8);
    }
    for (; i < n; ++i) {
        *out++ = ' ';
        *out++ = 0;
    }
}
} // namespace

extern "C" {
int SDT_OpenPort(int port) {
    return env("FAKE_SDT_DEVICE", "absent") || port != 1001 ? 0x01 : 0x90;
}
int SDT_ClosePort(int) {
    return 0x90;
}
int SDT_StartFindIDCard(int, unsigned char *, int) {
    return env("FAKE_SDT_CARD", "1") ? 0x9f : 0x80;
}
int SDT_SelectIDCard(int, unsigned char *, int) {
    return 0x90;
}
int SDT_ReadBaseMsg(int, unsigned char *text, unsigned int *textLen, unsigned char *photo,
                    unsigned int *photoLen, int) {
    if (env("FAKE_SDT_CRASH", "1"))
        std::abort();
    unsigned char *p = text;
    field(p, u"王芳", 15);
    field(p, u"2", 1);
    field(p, u"03", 2);
    field(p, u"19850612", 8);
    field(p, u"湖南省长沙市岳麓区桃子湖路8号", 35);
    field(p, u"430104198506120024", 18);
    field(p, u"长沙市公安局岳麓分局", 15);
    field(p, u"20200101", 8);
    field(p, u"长期", 8);
    std::memset(p, 0, 36);
    *textLen = 256;
    std::memset(photo, 0, 1024);
    *photoLen = 1024;
    return 0x90;
}
}
