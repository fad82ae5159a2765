#include "licenseconfirmation.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/core/licenseid.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/storage/database.h>

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace windowdesk::license {

namespace {
Q_LOGGING_CATEGORY(lcConfirm, "windowdesk.license.confirm")
constexpr int kConfirmIntervalMs = 30 * 1000;
} // namespace

LicenseConfirmation::LicenseConfirmation(storage::Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock) {
    m_timer.setInterval(kConfirmIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LicenseConfirmation::confirmPending);
    m_timer.start();
}

LicenseConfirmation::~LicenseConfirmation() = default;

QByteArray LicenseConfirmation::resolveBody(const QString &payload) {
    return QJsonDocument(QJsonObject{{u"payload"_s, payload}, {u"case_local_id"_s, QJsonValue()}})
        .toJson(QJsonDocument::Compact);
}

QString LicenseConfirmation::licenseIdWarning(const El1Claims &claims) {
    return core::checkLicenseId(claims.lid).warning;
}

LicenseConfirmation::Outcome LicenseConfirmation::interpret(const Answer &a, const El1Claims &claims) {
    Outcome o;
    o.errorCode = a.errorCode;
    if (a.status == 0 || a.status >= 500 || a.errorCode == u"login_required"_s)
        return o; // Unreachable
    if (a.status < 200 || a.status >= 300) {
        // The platform confirmed nothing. A code used in another hall, a signature the platform rejects or a
        // license it does not know cannot stand in for a material. An expired code (410) says nothing against
        // the license: it stays, verified offline, like a scan while the platform is unreachable.
        if (a.status == 409 || a.errorCode == u"payload_replayed"_s) {
            o.verdict = Verdict::CodeReplayed;
            o.takeOff = true;
        } else if (a.status == 410 || a.errorCode == u"payload_expired"_s) {
            o.verdict = Verdict::CodeExpired;
        } else if (a.status == 422) {
            o.verdict = Verdict::BadSignature;
            o.takeOff = true;
        } else if (a.status == 404) {
            o.verdict = Verdict::UnknownLicense;
            o.takeOff = true;
            o.licenseItself = true;
        } else {
            o.verdict = Verdict::Refused;
        }
        return o;
    }
    const QJsonObject r = QJsonDocument::fromJson(a.body).object();
    const QString status = r.value(u"status"_s).toString();
    o.licenseId = r.value(u"license_id"_s).toString();
    if (status != u"valid"_s) {
        o.verdict = status == u"revoked"_s ? Verdict::Revoked : Verdict::Expired;
        o.takeOff = true;
        o.licenseItself = true;
        return o;
    }
    o.verdict = Verdict::Valid;
    // The record as the platform has it; a number that is the holder's id number stays masked.
    const QString holderId = r.value(u"holder_id_number"_s).toString();
    QString number = r.value(u"number"_s).toString();
    if (!holderId.isEmpty() && core::normalizeIdentifier(number) == core::normalizeIdentifier(holderId))
        number = core::maskIdNumber(number);
    o.confirmed = claims;
    o.confirmed.tn = r.value(u"type_name"_s).toString(claims.tn);
    o.confirmed.no = number.isEmpty() ? claims.no : number;
    o.confirmed.hn = r.value(u"holder_name"_s).toString(claims.hn);
    o.confirmed.hid = holderId.isEmpty() ? claims.hid : core::maskIdNumber(holderId);
    o.confirmed.iss = r.value(u"issuer"_s).toString(claims.iss);
    o.confirmed.isd = r.value(u"issued_on"_s).toString(claims.isd);
    o.confirmed.vu = r.value(u"valid_until"_s).toString(claims.vu);
    return o;
}

qint64 LicenseConfirmation::recordSeen(const El1Claims &c) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    auto q =
        m_db.query(u"INSERT INTO licenses_seen (lid, type_code, type_name, number_masked, holder_name, "
                   u"holder_id_masked, issuer, issued_on, valid_until, verified_at, verification, status, "
                   u"payload_exp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'offline', 'unconfirmed', ?)"_s,
                   {c.lid, c.typ, c.tn, c.no, c.hn, c.hid, c.iss, c.isd, c.vu, now, c.exp});
    if (!q.ok()) {
        qCWarning(lcConfirm) << "licenses_seen insert failed:" << q.error().code;
        return 0;
    }
    return q.value().lastInsertId().toLongLong();
}

QList<qint64> LicenseConfirmation::scansOfCase(const QString &localId) const {
    QList<qint64> ids;
    auto q = m_db.query(u"SELECT id FROM licenses_seen WHERE case_local_id = ?"_s, {localId});
    while (q.ok() && q->next())
        ids << q->value(0).toLongLong();
    return ids;
}

void LicenseConfirmation::confirm(qint64 seenId, const QString &payload, const El1Claims &claims) {
    if (!seenId || payload.isEmpty())
        return;
    m_unconfirmed.insert(seenId, Pending{payload, claims});
    if (online())
        resolve(seenId, payload, claims);
}

// The platform's GET /licenses/{license_id} needs the platform's license id, which only POST
// /licenses/resolve returns — and resolve needs a live payload. So a license is confirmed with resolve while
// its payload lives (at most 300 s); one whose payload expired before the platform was reachable stays
// 'unconfirmed' in licenses_seen (the clerk checks the original).
void LicenseConfirmation::confirmPending() {
    const qint64 now = m_clock.nowSecs();
    for (auto it = m_unconfirmed.begin(); it != m_unconfirmed.end();) {
        if (it->claims.exp <= now) {
            const qint64 seenId = it.key();
            it = m_unconfirmed.erase(it);
            Q_EMIT expiredUnconfirmed(seenId);
            continue;
        }
        if (online())
            resolve(it.key(), it->payload, it->claims);
        ++it;
    }
}

void LicenseConfirmation::resolve(qint64 seenId, const QString &payload, const El1Claims &claims) {
    if (!m_platform.post)
        return;
    QPointer<LicenseConfirmation> guard(this);
    m_platform.post(u"/licenses/resolve"_s, resolveBody(payload), [guard, seenId, claims](const Answer &a) {
        if (guard)
            guard->onAnswer(seenId, claims, a);
    });
}

void LicenseConfirmation::onAnswer(qint64 seenId, const El1Claims &claims, const Answer &answer) {
    const Outcome o = interpret(answer, claims);
    if (o.verdict == Verdict::Unreachable)
        return; // stays 已离线验签，状态待联网确认; the timer tries again while the payload lives
    m_unconfirmed.remove(seenId);
    if (answer.status >= 200 && answer.status < 300) {
        // licenses_seen keeps verification 'offline', status 'unconfirmed' unless the platform answered.
        const QJsonObject r = QJsonDocument::fromJson(answer.body).object();
        const QString status = r.value(u"status"_s).toString();
        const bool known = status == u"valid"_s || status == u"expired"_s || status == u"revoked"_s;
        auto s = m_db.exec(
            u"UPDATE licenses_seen SET license_id = ?, verification = 'online', status = ?, "
            u"file_sha256 = ? WHERE id = ?"_s,
            {o.licenseId, known ? status : u"unconfirmed"_s, r.value(u"file_sha256"_s).toString(), seenId});
        if (!s.ok())
            qCWarning(lcConfirm) << "licenses_seen update failed:" << s.error().code;
    }
    Q_EMIT answered(seenId, claims, o);
}

} // namespace windowdesk::license
