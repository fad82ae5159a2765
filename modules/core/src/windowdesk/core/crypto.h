#pragma once
// Thin wrappers over OpenSSL 3 EVP for the national algorithms (SM3) and password verifiers.
#include <QByteArray>

namespace windowdesk::crypto {

QByteArray sm3(const QByteArray &data);                               // 32 bytes
QByteArray hmacSm3(const QByteArray &key, const QByteArray &data);    // 32 bytes
QByteArray sha256(const QByteArray &data);                            // 32 bytes
QByteArray hmacSha256(const QByteArray &key, const QByteArray &data); // 32 bytes
// AES-256-GCM with a fresh random 12-byte nonce: nonce || ciphertext || 16-byte tag. `aad` is authenticated,
// not stored: the same aad must be given to decrypt. Empty on a key that is not 32 bytes.
QByteArray aes256GcmSeal(const QByteArray &key, const QByteArray &plaintext, const QByteArray &aad);
// The plaintext, or false in `ok` when the key, the aad or any byte of `sealed` is not what sealed it.
QByteArray aes256GcmOpen(const QByteArray &key, const QByteArray &sealed, const QByteArray &aad, bool *ok);
QByteArray randomBytes(int n); // CSPRNG
// PBKDF2-HMAC-SHA256; used for password verifiers (never store a password).
QByteArray pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations, int length = 32);
// Constant-time comparison.
bool equalConstantTime(const QByteArray &a, const QByteArray &b);

// A stored verifier: "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>".
QByteArray makePasswordVerifier(const QString &password, int iterations = 120000);
bool checkPasswordVerifier(const QString &password, const QByteArray &verifier);

} // namespace windowdesk::crypto
