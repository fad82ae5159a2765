#include "draftrepository.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/personaldata.h>

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

Status DraftRepository::save(const QString &clerkId, const IntakeDraft &draft) {
    if (draft.draftId.isEmpty())
        return Status::failure(u"invalid_argument"_s, u"draft without id"_s);
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    // The draft holds the applicant's id number and phone: sealed at rest like the case (PersonalData).
    const QString json = QString::fromUtf8(
        storage::PersonalData(m_db).sealBytes(QJsonDocument(draft.toJson()).toJson(QJsonDocument::Compact),
                                              storage::pdcolumn::draftState, draft.draftId));
    return m_db.write([&]() -> Status {
        // A submitted draft stays submitted: a late debounced save must not reopen it.
        return m_db.exec(
            uR"(INSERT INTO drafts (id, clerk_id, kind, state_json, status, created_at, updated_at)
            VALUES (?, ?, 'intake', ?, 'open', ?, ?)
            ON CONFLICT(id) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at
            WHERE drafts.status = 'open')"_s,
            {draft.draftId, clerkId, json, now, now});
    });
}

Result<IntakeDraft> DraftRepository::load(const QString &draftId) const {
    auto q = m_db.query(u"SELECT state_json FROM drafts WHERE id = ?"_s, {draftId});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"no such draft"_s};
    QJsonParseError pe;
    const auto doc =
        QJsonDocument::fromJson(storage::PersonalData(m_db).openBytes(q->value(0).toString().toUtf8(),
                                                                      storage::pdcolumn::draftState, draftId),
                                &pe);
    if (!doc.isObject())
        return Error{u"draft_invalid"_s, pe.errorString()};
    IntakeDraft d = IntakeDraft::fromJson(doc.object());
    d.draftId = draftId;
    return d;
}

Result<QList<StoredDraft>> DraftRepository::openDrafts(const QString &clerkId) const {
    auto q =
        m_db.query(u"SELECT id, updated_at, state_json FROM drafts WHERE clerk_id = ? AND status = 'open' "
                   u"ORDER BY updated_at DESC, id"_s,
                   {clerkId});
    if (!q.ok())
        return q.error();
    QList<StoredDraft> out;
    const storage::PersonalData pd(m_db);
    while (q->next()) {
        const auto doc = QJsonDocument::fromJson(pd.openBytes(
            q->value(2).toString().toUtf8(), storage::pdcolumn::draftState, q->value(0).toString()));
        StoredDraft s{q->value(0).toString(), q->value(1).toString(), IntakeDraft::fromJson(doc.object())};
        s.draft.draftId = s.id;
        out.append(s);
    }
    return out;
}

Status DraftRepository::discard(const QString &draftId) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    return m_db.write([&] {
        return m_db.exec(
            u"UPDATE drafts SET status = 'discarded', updated_at = ? WHERE id = ? AND status = 'open'"_s,
            {now, draftId});
    });
}

} // namespace windowdesk::cases
