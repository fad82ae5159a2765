#include "caseservice.h"
#include "caserepository.h"
#include "caseslogging.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/personaldata.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
QVariant nullIfEmpty(const QString &s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}
QString isoDate(const std::optional<core::DueDate> &d) {
    return d ? d->date.toString(Qt::ISODate) : QString();
}
} // namespace

CaseService::CaseService(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                         WindowContext window)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_window(std::move(window)) {}

QString CaseService::decisionLabel(const QString &decision) {
    const auto d = core::decisionFromString(decision);
    return d ? core::label(*d) : QString();
}

QString CaseService::statusLabel(const QString &status) {
    const auto s = core::caseStatusFromString(status);
    return s ? core::label(*s) : status;
}

QString CaseService::checkField(const core::FormField &field, const QJsonValue &value, const QDate &today) {
    const bool empty =
        value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty());
    if (empty)
        return field.required ? tr("Required") : QString();
    if (field.type == u"bool"_s)
        return {};
    if (field.type == u"number"_s) {
        bool ok = value.isDouble();
        const double n = ok ? value.toDouble() : value.toString().toDouble(&ok);
        if (!ok)
            return tr("Enter a number");
        if (field.min && n < *field.min)
            return tr("At least %1").arg(*field.min);
        if (field.max && n > *field.max)
            return tr("At most %1").arg(*field.max);
        return {};
    }
    const QString s = value.toString();
    if (field.maxLength && s.size() > *field.maxLength)
        return tr("At most %1 characters").arg(*field.maxLength);
    if (field.type == u"date"_s) {
        if (!QDate::fromString(s, Qt::ISODate).isValid())
            return tr("Enter a date as YYYY-MM-DD");
    } else if (field.type == u"select"_s) {
        if (!field.options.contains(s))
            return tr("Choose one of the options");
    } else if (field.type == u"id_number"_s) {
        const auto r = core::validateResidentId(s, today);
        if (!r.valid)
            return r.message;
    } else if (field.type == u"uscc"_s) {
        const auto r = core::validateUscc(s);
        if (!r.valid)
            return r.message;
    } else if (field.type == u"phone"_s) {
        const auto r = core::validatePhone(s);
        if (!r.valid)
            return r.message;
    }
    return {};
}

FieldProblems CaseService::fieldProblems(const Matter &matter, const IntakeDraft &draft, const QDate &today) {
    FieldProblems p;
    const ApplicantInput &a = draft.applicant;
    if (a.name.trimmed().isEmpty())
        p.insert(u"applicant.name"_s, tr("Required"));
    if (a.idNumber.trimmed().isEmpty()) {
        p.insert(u"applicant.id_number"_s, tr("Required"));
    } else if (a.idType == u"resident_id"_s) {
        const auto r = core::validateResidentId(a.idNumber, today);
        if (!r.valid)
            p.insert(u"applicant.id_number"_s, r.message);
    }
    if (!a.phone.trimmed().isEmpty()) {
        const auto r = core::validatePhone(a.phone);
        if (!r.valid)
            p.insert(u"applicant.phone"_s, r.message);
    }
    if (matter.legalPersonOnly() && a.kind != u"entity"_s)
        p.insert(u"applicant.kind"_s,
                 tr("This matter is for legal persons: the applicant must be an entity"));
    if (a.kind == u"entity"_s) {
        if (a.entityName.trimmed().isEmpty())
            p.insert(u"applicant.entity_name"_s, tr("Required"));
        const auto r = core::validateUscc(a.uscc);
        if (!r.valid)
            p.insert(u"applicant.uscc"_s, a.uscc.trimmed().isEmpty() ? tr("Required") : r.message);
    }
    for (const auto &f : matter.fields) {
        const QString msg = checkField(f, draft.formValues.value(f.key), today);
        if (!msg.isEmpty())
            p.insert(u"form."_s + f.key, msg);
    }
    for (const auto &m : matter.materials) {
        const MaterialMark mark = draft.materials.value(m.key);
        if (core::is(mark.status, core::MaterialStatus::Commitment) && !m.commitmentAllowed)
            p.insert(u"material."_s + m.key, tr("A commitment is not allowed for this material"));
        else if (core::is(mark.status, core::MaterialStatus::Electronic) && mark.licenseId.isEmpty())
            p.insert(u"material."_s + m.key, tr("Scan the e-license first"));
    }
    return p;
}

FieldProblems CaseService::decisionProblems(const Matter &matter, const IntakeDraft &draft,
                                            const QString &decision, const QDate &today) {
    FieldProblems out;
    if (!matter.isValid()) {
        out.insert(u"matter"_s, tr("Choose a service item first"));
        return out;
    }
    const FieldProblems fields = fieldProblems(matter, draft, today);
    if (draft.applicant.name.trimmed().isEmpty())
        out.insert(u"applicant.name"_s, tr("Required"));
    if (core::is(decision, core::Decision::Accepted)) {
        // Everything must hold: the applicant, every form field and every required material.
        out.insert(fields);
        if (draft.applicant.phone.trimmed().isEmpty())
            out.insert(u"applicant.phone"_s, tr("Required"));
        for (const auto &m : matter.materials) {
            const MaterialMark mark = draft.materials.value(m.key);
            if (m.material.required &&
                (mark.status.isEmpty() || core::is(mark.status, core::MaterialStatus::Missing)))
                out.insert(u"material."_s + m.key, mark.status.isEmpty() ? tr("Mark this material")
                                                                         : tr("Required material missing"));
        }
        return out;
    }
    // A correction notice or a refusal may be issued with an incomplete form; only what they state must hold.
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        if (it.key().startsWith(u"material."_s))
            out.insert(it.key(), it.value());
    if (core::is(decision, core::Decision::CorrectionRequired)) {
        int listed = 0;
        for (const auto &m : matter.materials) {
            const MaterialMark mark = draft.materials.value(m.key);
            const bool missing = core::is(mark.status, core::MaterialStatus::Missing) ||
                                 (m.material.required && mark.status.isEmpty());
            if (missing || !mark.reason.trimmed().isEmpty())
                ++listed;
            if (missing && m.material.required && mark.reason.trimmed().isEmpty())
                out.insert(u"material."_s + m.key, tr("Say what is missing or wrong"));
        }
        if (listed == 0)
            out.insert(u"materials"_s, tr("No material is missing or defective"));
    } else if (core::is(decision, core::Decision::Rejected)) {
        if (draft.decisionReason.trimmed().isEmpty())
            out.insert(u"decision_reason"_s, tr("Give the reason for the refusal"));
        if (draft.decisionBasis.trimmed().isEmpty())
            out.insert(u"decision_basis"_s, tr("Give the legal basis"));
    } else {
        out.insert(u"decision"_s, tr("Unknown decision"));
    }
    return out;
}

DueDates CaseService::dueDates(const Matter &matter, const QDate &accepted,
                               const core::WorkingCalendar &calendar) {
    DueDates d;
    d.promisedDays = matter.promisedDays;
    d.legalDays = matter.legalDays;
    auto p = core::dueDate(accepted, matter.promisedDays, calendar);
    if (p.ok())
        d.promised = p.value();
    else if (auto y = core::missingCalendarYear(p.error()))
        d.calendarMissingYear = y;
    auto l = core::dueDate(accepted, matter.legalDays, calendar);
    if (l.ok())
        d.legal = l.value();
    else if (auto y = core::missingCalendarYear(l.error()))
        d.calendarMissingYear = y;
    return d;
}

DueDates CaseService::dueDatesToday(const Matter &matter) const {
    auto cal = storage::CalendarRepository(m_db, m_clock).workingCalendar();
    return dueDates(matter, m_clock.todayCst(), cal.ok() ? cal.value() : core::WorkingCalendar());
}

QJsonObject CaseService::caseBody(const QString &localId, const Matter &matter, const IntakeDraft &draft,
                                  const QString &createdAt) const {
    const ApplicantInput &a = draft.applicant;
    const bool entity = a.kind == u"entity"_s;
    QJsonArray codes;
    for (const auto &i : matter.items)
        codes.append(i.code);
    QJsonObject form;
    for (const auto &f : matter.fields) {
        const QJsonValue v = draft.formValues.value(f.key);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()))
            continue;
        if (f.type == u"number"_s)
            form.insert(f.key, v.isDouble() ? v.toDouble() : v.toString().toDouble());
        else if (f.type == u"bool"_s)
            form.insert(f.key, v.toBool());
        else
            form.insert(f.key, v.toString());
    }
    QJsonArray mats;
    for (const auto &m : matter.materials) {
        const MaterialMark mark = draft.materials.value(m.key);
        const QString status = mark.status.isEmpty() ? u"missing"_s : mark.status;
        for (const auto &ref : m.refs) {
            QJsonObject o{
                {u"material_id"_s, ref.materialId}, {u"item_code"_s, ref.itemCode}, {u"status"_s, status}};
            if (core::is(status, core::MaterialStatus::Electronic))
                o.insert(u"license_id"_s, mark.licenseId);
            if (!mark.reason.trimmed().isEmpty())
                o.insert(u"reason"_s, mark.reason.trimmed());
            mats.append(o);
        }
    }
    auto str = [](const QString &s) {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    QString reason = draft.decisionReason.trimmed();
    if (reason.isEmpty() && core::is(draft.decision, core::Decision::CorrectionRequired))
        reason = u"申请材料不齐全或者不符合法定形式，需一次性补正"_s;
    QJsonObject body{
        {u"local_id"_s, localId},
        {u"item_codes"_s, codes},
        {u"bundle_code"_s, str(matter.bundleCode)},
        {u"applicant"_s,
         QJsonObject{
             {u"kind"_s, entity ? u"entity"_s : u"person"_s},
             {u"name"_s, a.name.trimmed()},
             {u"id_type"_s, a.idType},
             {u"id_number"_s, str(core::normalizeIdentifier(a.idNumber))},
             {u"phone"_s, str(core::normalizePhone(a.phone))},
             {u"entity_name"_s, entity ? str(a.entityName.trimmed()) : QJsonValue(QJsonValue::Null)},
             {u"uscc"_s, entity ? str(core::normalizeIdentifier(a.uscc)) : QJsonValue(QJsonValue::Null)}}},
        {u"form_values"_s, form},
        {u"materials"_s, mats},
        {u"decision"_s, draft.decision},
        {u"decision_reason"_s,
         core::is(draft.decision, core::Decision::Accepted) ? QJsonValue(QJsonValue::Null) : str(reason)},
        {u"clerk_id"_s, m_window.clerkId},
        {u"window_no"_s, m_window.windowNo},
        {u"ticket_no"_s, str(draft.ticketNo)},
        {u"created_at"_s, createdAt}};
    if (core::is(draft.decision, core::Decision::Rejected))
        body.insert(u"decision_basis"_s, draft.decisionBasis.trimmed());
    return body;
}

Status CaseService::injectFailure(const QString &step, Status st) const {
    if (st.ok() && step == m_failAt)
        return Status::failure(u"test_failure"_s, u"failure injected at "_s + step);
    return st;
}

Status CaseService::writeCaseRows(const Matter &matter, const IntakeDraft &draft, const SubmittedCase &out,
                                  bool accepted) {
    const ApplicantInput &a = draft.applicant;
    const bool entity = a.kind == u"entity"_s;
    auto step = [this](const QString &name, Status st) {
        return injectFailure(name, std::move(st));
    };
    NewCaseRow row;
    row.localId = out.localId;
    row.bundleCode = nullIfEmpty(matter.bundleCode);
    row.bundleVersion = matter.isBundle() ? QVariant(matter.bundleVersion) : QVariant();
    row.applicantKind = entity ? u"entity"_s : u"person"_s;
    row.applicantName = a.name.trimmed();
    row.idType = a.idType;
    row.idNumber = nullIfEmpty(core::normalizeIdentifier(a.idNumber));
    row.phone = nullIfEmpty(core::normalizePhone(a.phone));
    row.entityName = entity ? nullIfEmpty(a.entityName.trimmed()) : QVariant();
    row.uscc = entity ? nullIfEmpty(core::normalizeIdentifier(a.uscc)) : QVariant();
    row.formValuesJson = QString::fromUtf8(QJsonDocument(draft.formValues).toJson(QJsonDocument::Compact));
    row.decision = draft.decision;
    row.decisionReason = nullIfEmpty(draft.decisionReason.trimmed());
    row.decisionBasis = nullIfEmpty(draft.decisionBasis.trimmed());
    row.clerkId = m_window.clerkId;
    row.windowNo = m_window.windowNo;
    row.ticketNo = nullIfEmpty(draft.ticketNo);
    row.ticketId = draft.ticketId > 0 ? QVariant(draft.ticketId) : QVariant();
    row.createdAt = out.createdAt;
    row.acceptedDate = out.acceptedDate.toString(Qt::ISODate);
    row.promisedDays = accepted ? QVariant(matter.promisedDays) : QVariant();
    row.legalDays = accepted ? QVariant(matter.legalDays) : QVariant();
    row.promisedDue = nullIfEmpty(isoDate(out.due.promised));
    row.legalDue = nullIfEmpty(isoDate(out.due.legal));
    row.dueProvisional = out.due.provisional();
    CaseRepository repo(m_db);
    Status s = step(u"case"_s, repo.insertCase(row));
    if (!s.ok())
        return s;
    int ord = 0;
    for (const auto &item : matter.items) {
        s = step(u"items"_s, repo.insertItem(out.localId, ord++, item.code, item.version));
        if (!s.ok())
            return s;
    }
    for (const auto &m : matter.materials) {
        const MaterialMark mark = draft.materials.value(m.key);
        const QString status = mark.status.isEmpty() ? u"missing"_s : mark.status;
        for (const auto &ref : m.refs) {
            s = step(u"materials"_s, repo.insertMaterial(out.localId, ref.itemCode, ref.materialId, status,
                                                         core::is(status, core::MaterialStatus::Electronic)
                                                             ? nullIfEmpty(mark.licenseId)
                                                             : QVariant(),
                                                         nullIfEmpty(mark.reason.trimmed())));
            if (!s.ok())
                return s;
        }
    }
    return s;
}

// The chain vouches for the case's confirmed content and for its outbox row (issue 18 #3). A seeded case is
// case_seeded by whoever seeded it, marked demo for good (the sync engine never sends it off this machine).
Status CaseService::auditDecision(const Matter &matter, const IntakeDraft &draft, const SubmittedCase &out,
                                  const Seeded *seeded) {
    QJsonArray codes;
    for (const auto &i : matter.items)
        codes.append(i.code);
    auto digest = storage::AuditLog::caseContentDigest(m_db, out.localId);
    if (!digest.ok())
        return Status(digest.error());
    QJsonObject details{
        {u"decision"_s, draft.decision},
        {u"item_codes"_s, codes},
        {u"window_no"_s, m_window.windowNo},
        {u"content_sha256"_s, digest.value()},
        {u"payload_sha256"_s,
         QString::fromLatin1(QCryptographicHash::hash(out.payload, QCryptographicHash::Sha256).toHex())}};
    if (seeded)
        details.insert(u"demo"_s, true);
    return m_audit->append({seeded ? seeded->actorId : m_window.clerkId,
                            seeded ? u"case_seeded"_s : u"case_decided"_s, out.localId, details});
}

Result<SubmittedCase> CaseService::submit(const Matter &matter, const IntakeDraft &draft,
                                          const QList<qint64> &licenseSeenIds) {
    return takeIn(matter, draft, licenseSeenIds, nullptr);
}

Result<SubmittedCase> CaseService::submit(const Matter &matter, const IntakeDraft &draft,
                                          const Seeded &seeded) {
    return takeIn(matter, draft, {}, &seeded);
}

Result<SubmittedCase> CaseService::takeIn(const Matter &matter, const IntakeDraft &draft,
                                          const QList<qint64> &licenseSeenIds, const Seeded *seeded) {
    const QDateTime now = seeded ? seeded->decidedAt.toUTC() : m_clock.nowUtc();
    const QDate today = now.toTimeZone(Clock::chinaStandardTime()).date();
    const FieldProblems problems = decisionProblems(matter, draft, draft.decision, today);
    if (!problems.isEmpty())
        return Error{u"decision_invalid"_s, QStringList(problems.values()).join(u"；"_s)};

    SubmittedCase out;
    out.localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    out.createdAt = now.toString(Qt::ISODate);
    out.acceptedDate = today;
    const bool accepted = core::is(draft.decision, core::Decision::Accepted);
    if (accepted) {
        auto cal = storage::CalendarRepository(m_db, m_clock).workingCalendar();
        out.due = dueDates(matter, today, cal.ok() ? cal.value() : core::WorkingCalendar());
    }
    out.payload =
        QJsonDocument(caseBody(out.localId, matter, draft, out.createdAt)).toJson(QJsonDocument::Compact);

    auto step = [this](const QString &name, Status st) {
        return injectFailure(name, std::move(st));
    };

    Status st = m_db.write([&]() -> Status {
        Status s = writeCaseRows(matter, draft, out, accepted);
        if (!s.ok())
            return s;
        // The e-licenses seen for this case; a row already bound to another case keeps that case.
        for (qint64 seenId : licenseSeenIds) {
            s = step(
                u"licenses"_s,
                m_db.exec(u"UPDATE licenses_seen SET case_local_id = ? WHERE id = ? AND case_local_id IS "
                          u"NULL"_s,
                          {out.localId, seenId}));
            if (!s.ok())
                return s;
        }
        if (licenseSeenIds.isEmpty())
            s = step(u"licenses"_s, {});
        if (!s.ok())
            return s;
        s = step(u"event"_s,
                 CaseRepository(m_db).addEvent({QUuid::createUuid().toString(QUuid::WithoutBraces),
                                                out.localId,
                                                u"created"_s,
                                                draft.decision,
                                                out.createdAt,
                                                m_window.clerkId,
                                                {}}));
        if (!s.ok())
            return s;
        s = step(u"audit"_s, m_audit ? auditDecision(matter, draft, out, seeded) : Status());
        if (!s.ok())
            return s;
        auto op = storage::OutboxRepository(m_db, m_clock)
                      .enqueue({u"case"_s, out.localId, QString(), u"/cases"_s, out.payload});
        if (!op.ok())
            return op.error();
        out.opId = op.value();
        s = step(u"outbox"_s, {});
        if (!s.ok())
            return s;
        if (!draft.draftId.isEmpty())
            s = step(u"draft"_s,
                     m_db.exec(u"UPDATE drafts SET status = 'submitted', case_local_id = ?, updated_at "
                               u"= ? WHERE id = ?"_s,
                               {out.localId, out.createdAt, draft.draftId}));
        else
            s = step(u"draft"_s, {});
        return s;
    });
    if (!st.ok()) {
        qCWarning(lcCases) << "case submit failed:" << st.error().code;
        return st.error();
    }
    // One line per case taken in at the window; a seeding run of thousands logs its own summary instead.
    if (!seeded)
        qCInfo(lcCases) << "case committed" << out.localId << draft.decision;
    return out;
}

Result<QString> CaseService::recordEvent(const QString &caseLocalId, const QString &type,
                                         const QString &reason) {
    using core::CaseStatus;
    static const QList<CaseStatus> deliverable{CaseStatus::Accepted, CaseStatus::InProgress,
                                               CaseStatus::Completed};
    static const QList<CaseStatus> withdrawable{CaseStatus::Accepted, CaseStatus::InProgress,
                                                CaseStatus::Suspended, CaseStatus::CorrectionRequired};
    const QList<CaseStatus> *allowed = type == u"delivered"_s   ? &deliverable
                                       : type == u"withdrawn"_s ? &withdrawable
                                                                : nullptr;
    if (!allowed)
        return Error{u"invalid_argument"_s, u"unknown event type"_s};
    CaseRepository repo(m_db);
    auto head = repo.head(caseLocalId);
    if (!head.ok())
        return head.error();
    if (!head.value())
        return Error{u"not_found"_s, tr("No such case.")};
    const QString status = head.value()->status;
    const std::optional<CaseStatus> current = core::caseStatusFromString(status);
    if (!current || !allowed->contains(*current))
        return Error{u"state_conflict"_s,
                     tr("Not possible for a case in status %1.").arg(statusLabel(status))};
    const QString eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString at = m_clock.nowUtc().toString(Qt::ISODate);
    QJsonObject body{{u"type"_s, type}, {u"at"_s, at}};
    if (!reason.trimmed().isEmpty())
        body.insert(u"reason"_s, reason.trimmed());
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    Status st = m_db.write([&]() -> Status {
        Status s = repo.addEvent(
            {eventId, caseLocalId, type, nullIfEmpty(reason.trimmed()), at, m_window.clerkId, {}});
        if (!s.ok())
            return s;
        s = repo.setStatus(caseLocalId, type, at);
        if (!s.ok())
            return s;
        if (m_audit) {
            s = m_audit->append(
                {m_window.clerkId, u"case_"_s + type, caseLocalId, QJsonObject{{u"event_id"_s, eventId}}});
            if (!s.ok())
                return s;
        }
        auto op =
            storage::OutboxRepository(m_db, m_clock)
                .enqueue({u"case_event"_s, eventId, caseLocalId, u"/cases/{case_no}/events"_s, payload});
        return op.ok() ? Status() : Status(op.error());
    });
    if (!st.ok())
        return st.error();
    return eventId;
}

std::optional<ApplicantInput> CaseService::findReturningApplicant(const QString &idNumberOrUscc) const {
    const QString key = core::normalizeIdentifier(idNumberOrUscc);
    if (key.size() < 15)
        return std::nullopt;
    auto held = CaseRepository(m_db).latestApplicantWith(key);
    if (!held.ok() || !held.value())
        return std::nullopt;
    const HeldApplicant &h = *held.value();
    ApplicantInput a;
    a.kind = h.kind;
    a.name = h.name;
    a.idType = h.idType;
    a.idNumber = h.idNumber;
    a.phone = h.phone;
    a.entityName = h.entityName;
    a.uscc = h.uscc;
    return a;
}

Result<QString> CaseService::correctRejected(const QString &caseLocalId, const Correction &c) {
    QString opId;
    Status st = m_db.write([&]() -> Status {
        // The body the platform refused is the base: only what the clerk corrected changes in it.
        auto q = m_db.query(
            u"SELECT payload, op_id FROM outbox WHERE kind = 'case' AND local_id = ? AND superseded_by IS "
            u"NULL ORDER BY seq DESC LIMIT 1"_s,
            {caseLocalId});
        if (!q.ok())
            return Status(q.error());
        if (!q->next())
            return Status(Error{u"not_found"_s, tr("No such case.")});
        QJsonObject body =
            QJsonDocument::fromJson(storage::PersonalData(m_db).openBytes(q->value(0).toString().toUtf8(),
                                                                          storage::pdcolumn::outboxPayload,
                                                                          q->value(1).toString()))
                .object();
        QJsonObject applicant = body.value(u"applicant"_s).toObject();
        if (c.applicantName)
            applicant.insert(u"name"_s, c.applicantName->trimmed());
        if (c.idNumber)
            applicant.insert(u"id_number"_s, core::normalizeIdentifier(*c.idNumber));
        if (c.phone)
            applicant.insert(u"phone"_s, core::normalizePhone(*c.phone));
        body.insert(u"applicant"_s, applicant);
        QJsonObject form = body.value(u"form_values"_s).toObject();
        for (auto it = c.formValues.begin(); it != c.formValues.end(); ++it)
            form.insert(it.key(), it.value());
        body.insert(u"form_values"_s, form);
        const QString at = m_clock.nowUtc().toString(Qt::ISODate);
        Status s = CaseRepository(m_db).correctApplicant(
            caseLocalId, applicant.value(u"name"_s).toString(), applicant.value(u"id_number"_s).toVariant(),
            applicant.value(u"phone"_s).toVariant(),
            QString::fromUtf8(QJsonDocument(form).toJson(QJsonDocument::Compact)), at);
        if (!s.ok())
            return s;
        auto op = storage::OutboxRepository(m_db, m_clock)
                      .replaceRejected(caseLocalId, QJsonDocument(body).toJson(QJsonDocument::Compact));
        if (!op.ok())
            return Status(op.error());
        opId = op.value();
        if (m_audit) {
            // Which fields changed, never their values (personal data).
            QJsonArray fields;
            if (c.applicantName)
                fields.append(u"applicant.name"_s);
            if (c.idNumber)
                fields.append(u"applicant.id_number"_s);
            if (c.phone)
                fields.append(u"applicant.phone"_s);
            for (auto it = c.formValues.begin(); it != c.formValues.end(); ++it)
                fields.append(u"form_values."_s + it.key());
            auto digest = storage::AuditLog::caseContentDigest(m_db, caseLocalId);
            if (!digest.ok())
                return Status(digest.error());
            s = m_audit->append({m_window.clerkId, u"case_changed"_s, caseLocalId,
                                 QJsonObject{{u"op_id"_s, opId},
                                             {u"fields"_s, fields},
                                             {u"content_sha256"_s, digest.value()}}});
            if (!s.ok())
                return s;
        }
        return {};
    });
    if (!st.ok())
        return st.error();
    return opId;
}

} // namespace windowdesk::cases
