#pragma once
// Thin wrappers over OpenSSL 3 EVP for the national algorithms (SM3) and password verifiers.
#include <QByteArray>

namespace windowdesk::crypto {

QByteArray sm3(const QByteArray &data);                            // 32 bytes
QByteArray hmacSm3(const QByteArray &key, const QByteArray &data); // 32 bytes
QByteArray sha256(const QByteArray &data);                         // 32 bytes
QByteArray randomBytes(int n);                                     // CSPRNG
// PBKDF2-HMAC-SHA256; used for password verifiers (never store a password).
QByteArray pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations, int length = 32);
// Constant-time comparison.
bool equalConstantTime(const QByteArray &a, const QByteArray &b);

// A stored verifier: "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>".
QByteArray makePasswordVerifier(const QString &password, int iterations = 120000);
bool checkPasswordVerifier(const QString &password, const QByteArray &verifier);

} // namespace windowdesk::crypto
