#include "democaseseeder.h"

#include <windowdesk/core/calendar.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/outboxrepository.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

namespace {
struct Field {
    QString key, type;
    bool required = false;
    int maxLength = 0;
    double min = 0, max = 0;
    bool hasMin = false, hasMax = false;
    QJsonArray options;
};
struct Material {
    QString id;
    bool required = false;
};
struct Item {
    QString code;
    int version = 0;
    QString serviceObject;
    int promised = 0, legal = 0;
    QList<Field> fields;
    QList<Material> materials;
};

const QStringList kSurnames = {u"张"_s, u"王"_s, u"李"_s, u"赵"_s, u"刘"_s,
                               u"陈"_s, u"杨"_s, u"黄"_s, u"周"_s, u"吴"_s};
const QStringList kGiven = {u"伟"_s, u"芳"_s, u"娜"_s, u"敏"_s, u"静"_s, u"强"_s, u"磊"_s, u"洋"_s,
                            u"艳"_s, u"勇"_s, u"军"_s, u"杰"_s, u"娟"_s, u"涛"_s, u"明"_s};
const QStringList kRegions = {u"430102"_s, u"430103"_s, u"430104"_s, u"430105"_s, u"430111"_s, u"430112"_s};
const QStringList kCompanies = {u"长沙湘江餐饮管理有限公司"_s, u"湖南岳麓科技有限公司"_s,
                                u"长沙星城商贸有限公司"_s, u"湖南橘洲文化传媒有限公司"_s,
                                u"长沙麓山物流有限公司"_s};
} // namespace

Result<SeedReport> DemoCaseSeeder::seed(const SeedOptions &options) {
    SeedReport report;
    auto count = m_db.query(u"SELECT count(*) FROM service_items WHERE is_current = 1 AND deleted = 0"_s);
    if (!count.ok())
        return count.error();
    if (!count->next() || count->value(0).toInt() == 0) {
        auto loaded = storage::DemoHall::load(m_db, m_clock);
        if (!loaded.ok())
            return loaded.error();
        report.catalogLoaded = true;
    }
    QList<Item> items;
    auto q =
        m_db.query(u"SELECT code, version, service_object, promised_time_limit_days, legal_time_limit_days "
                   u"FROM service_items WHERE is_current = 1 AND deleted = 0 ORDER BY code LIMIT 500"_s);
    if (!q.ok())
        return q.error();
    while (q->next())
        items.append({q->value(0).toString(),
                      q->value(1).toInt(),
                      q->value(2).toString(),
                      q->value(3).toInt(),
                      q->value(4).toInt(),
                      {},
                      {}});
    if (items.isEmpty())
        return Error{u"catalog_empty"_s, u"no current catalog item to make cases of"_s};
    for (Item &it : items) {
        auto f = m_db.query(
            u"SELECT field_key, type, required, max_length, min_value, max_value, options_json FROM "
            u"item_form_fields WHERE item_code = ? AND item_version = ? ORDER BY ord"_s,
            {it.code, it.version});
        if (!f.ok())
            return f.error();
        while (f->next()) {
            Field fd{f->value(0).toString(), f->value(1).toString(), f->value(2).toBool(),
                     f->value(3).toInt()};
            fd.hasMin = !f->value(4).isNull();
            fd.hasMax = !f->value(5).isNull();
            fd.min = f->value(4).toDouble();
            fd.max = f->value(5).toDouble();
            fd.options = QJsonDocument::fromJson(f->value(6).toString().toUtf8()).array();
            it.fields.append(fd);
        }
        auto m = m_db.query(u"SELECT material_id, required FROM item_materials WHERE item_code = ? AND "
                            u"item_version = ? ORDER BY ord"_s,
                            {it.code, it.version});
        if (!m.ok())
            return m.error();
        while (m->next())
            it.materials.append({m->value(0).toString(), m->value(1).toBool()});
    }
    auto cal = storage::CalendarRepository(m_db, m_clock).workingCalendar();
    const core::WorkingCalendar calendar = cal.ok() ? cal.value() : core::WorkingCalendar();

    QRandomGenerator rng =
        options.seed ? QRandomGenerator(quint32(options.seed)) : QRandomGenerator::securelySeeded();
    const QDateTime now = m_clock.nowUtc();
    storage::OutboxRepository outbox(m_db, m_clock);
    storage::AuditLog chainOnly(m_db, m_clock, nullptr);
    storage::AuditLog &audit = m_audit ? *m_audit : chainOnly;
    for (int n = 0; n < options.count; ++n) {
        const Item &it = items.at(int(rng.bounded(qsizetype(items.size()))));
        const bool entity = it.serviceObject == u"legal_person"_s;
        // A moment in the last D days, in office hours (CST 09:00–17:00), never in the future.
        QDateTime at = now.addSecs(-qint64(rng.bounded(qMax(1, options.days) * 86400)));
        QDateTime cst = at.toTimeZone(Clock::chinaStandardTime());
        cst.setTime(QTime(9 + int(rng.bounded(8)), int(rng.bounded(60)), int(rng.bounded(60))));
        at = cst.toUTC();
        if (at > now)
            at = now;
        const QString createdAt = at.toString(Qt::ISODate);
        const QDate acceptedDate = at.toTimeZone(Clock::chinaStandardTime()).date();

        const QString name = kSurnames.at(int(rng.bounded(kSurnames.size()))) +
                             kGiven.at(int(rng.bounded(kGiven.size()))) +
                             (rng.bounded(2) ? kGiven.at(int(rng.bounded(kGiven.size()))) : QString());
        const QDate birth = QDate(1950, 1, 1).addDays(rng.bounded(365 * 50));
        const QString first17 = kRegions.at(int(rng.bounded(kRegions.size()))) +
                                birth.toString(u"yyyyMMdd"_s) +
                                u"%1"_s.arg(rng.bounded(1000), 3, 10, QChar(u'0'));
        const QString idNumber = first17 + core::residentIdCheckCharacter(first17);
        const QString phone =
            u"1%1%2"_s.arg(3 + rng.bounded(7)).arg(rng.bounded(1000000000), 9, 10, QChar(u'0'));
        QString uscc, entityName;
        if (entity) {
            const QString org8 = u"%1"_s.arg(rng.bounded(100000000), 8, 10, QChar(u'0'));
            const QString first = u"91430100"_s + org8 + core::organizationCodeCheckCharacter(org8);
            uscc = first + core::usccCheckCharacter(first);
            entityName = kCompanies.at(int(rng.bounded(kCompanies.size())));
        }
        const bool accepted = rng.bounded(10) < 9;
        const QString decision = accepted ? u"accepted"_s : u"correction_required"_s;
        const QString reason = accepted ? QString() : u"申请材料不齐全，需一次性补正"_s;

        QJsonObject form;
        for (const Field &f : it.fields) {
            QJsonValue v;
            if (f.type == u"number"_s)
                v = f.hasMin ? qMax(f.min, 1.0) : 1.0;
            else if (f.type == u"bool"_s)
                v = true;
            else if (f.type == u"select"_s)
                v = f.options.isEmpty() ? QJsonValue(u"其他"_s) : f.options.first();
            else if (f.type == u"date"_s)
                v = acceptedDate.toString(Qt::ISODate);
            else if (f.type == u"id_number"_s)
                v = idNumber;
            else if (f.type == u"uscc"_s)
                v = entity ? uscc : QString();
            else if (f.type == u"phone"_s)
                v = phone;
            else {
                QString text = entity ? entityName : u"示例填写内容"_s;
                if (f.maxLength > 0)
                    text = text.left(f.maxLength);
                v = text;
            }
            if (f.type == u"uscc"_s && !entity) {
                // A person's case with a USCC field: a synthetic valid code.
                const QString org8 = u"%1"_s.arg(rng.bounded(100000000), 8, 10, QChar(u'0'));
                const QString first = u"92430100"_s + org8 + core::organizationCodeCheckCharacter(org8);
                v = first + core::usccCheckCharacter(first);
            }
            form.insert(f.key, v);
        }
        QJsonArray mats;
        for (const Material &m : it.materials) {
            QJsonObject o{{u"material_id"_s, m.id},
                          {u"item_code"_s, it.code},
                          {u"status"_s, accepted || !m.required ? u"paper"_s : u"missing"_s}};
            if (!accepted && m.required)
                o.insert(u"reason"_s, u"未提供"_s);
            mats.append(o);
        }
        const QString localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto nul = [](const QString &s) {
            return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
        };
        const QJsonObject body{{u"local_id"_s, localId},
                               {u"item_codes"_s, QJsonArray{it.code}},
                               {u"bundle_code"_s, QJsonValue(QJsonValue::Null)},
                               {u"applicant"_s, QJsonObject{{u"kind"_s, entity ? u"entity"_s : u"person"_s},
                                                            {u"name"_s, name},
                                                            {u"id_type"_s, u"resident_id"_s},
                                                            {u"id_number"_s, idNumber},
                                                            {u"phone"_s, phone},
                                                            {u"entity_name"_s, nul(entityName)},
                                                            {u"uscc"_s, nul(uscc)}}},
                               {u"form_values"_s, form},
                               {u"materials"_s, mats},
                               {u"decision"_s, decision},
                               {u"decision_reason"_s, nul(reason)},
                               {u"clerk_id"_s, options.clerkId},
                               {u"window_no"_s, options.windowNo},
                               {u"ticket_no"_s, QJsonValue(QJsonValue::Null)},
                               {u"created_at"_s, createdAt}};
        const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        QVariant promisedDue, legalDue;
        bool provisional = false;
        if (accepted) {
            if (auto d = core::dueDate(acceptedDate, it.promised, calendar); d.ok()) {
                promisedDue = d->date.toString(Qt::ISODate);
                provisional = provisional || d->provisional;
            }
            if (auto d = core::dueDate(acceptedDate, it.legal, calendar); d.ok()) {
                legalDue = d->date.toString(Qt::ISODate);
                provisional = provisional || d->provisional;
            }
        }
        const Status st = m_db.write([&]() -> Status {
            Status s = m_db.exec(
                u"INSERT INTO cases (local_id, applicant_kind, applicant_name, applicant_id_type, "
                u"applicant_id_number, "
                u"applicant_phone, entity_name, uscc, form_values_json, decision, decision_reason, status, "
                u"clerk_id, "
                u"window_no, created_at, accepted_date, promised_days, legal_days, promised_due, legal_due, "
                u"due_provisional, updated_at) VALUES (?,?,?,'resident_id',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s,
                {localId,
                 entity ? u"entity"_s : u"person"_s,
                 name,
                 idNumber,
                 phone,
                 entity ? QVariant(entityName) : QVariant(),
                 entity ? QVariant(uscc) : QVariant(),
                 QString::fromUtf8(QJsonDocument(form).toJson(QJsonDocument::Compact)),
                 decision,
                 reason.isEmpty() ? QVariant() : QVariant(reason),
                 decision,
                 options.clerkId,
                 options.windowNo,
                 createdAt,
                 acceptedDate.toString(Qt::ISODate),
                 accepted ? QVariant(it.promised) : QVariant(),
                 accepted ? QVariant(it.legal) : QVariant(),
                 promisedDue,
                 legalDue,
                 provisional ? 1 : 0,
                 createdAt});
            if (!s.ok())
                return s;
            s = m_db.exec(
                u"INSERT INTO case_items (case_local_id, ord, item_code, item_version) VALUES (?,0,?,?)"_s,
                {localId, it.code, it.version});
            if (!s.ok())
                return s;
            for (const auto &mv : mats) {
                const QJsonObject m = mv.toObject();
                s = m_db.exec(
                    u"INSERT INTO case_materials (case_local_id, item_code, material_id, status, reason) "
                    u"VALUES (?,?,?,?,?)"_s,
                    {localId, it.code, m.value(u"material_id"_s).toString(), m.value(u"status"_s).toString(),
                     m.value(u"reason"_s).isString() ? QVariant(m.value(u"reason"_s).toString())
                                                     : QVariant()});
                if (!s.ok())
                    return s;
            }
            s = m_db.exec(
                u"INSERT INTO case_events (event_id, case_local_id, type, reason, at, by_user) VALUES "
                u"(?,?,'created',?,?,?)"_s,
                {QUuid::createUuid().toString(QUuid::WithoutBraces), localId, decision, createdAt,
                 options.clerkId});
            if (!s.ok())
                return s;
            auto digest = storage::AuditLog::caseContentDigest(m_db, localId);
            if (!digest.ok())
                return Status(digest.error());
            s = audit.append(
                {options.actorId, u"case_seeded"_s, localId,
                 QJsonObject{{u"decision"_s, decision},
                             {u"item_codes"_s, QJsonArray{it.code}},
                             {u"window_no"_s, options.windowNo},
                             {u"demo"_s, true},
                             {u"content_sha256"_s, digest.value()},
                             {u"payload_sha256"_s,
                              QString::fromLatin1(
                                  QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex())}}});
            if (!s.ok())
                return s;
            auto op = outbox.enqueue({u"case"_s, localId, QString(), u"/cases"_s, payload});
            return op.ok() ? Status() : Status(op.error());
        });
        if (!st.ok())
            return st.error();
        ++report.cases;
        (accepted ? report.accepted : report.correctionRequired) += 1;
    }
    return report;
}

} // namespace windowdesk::sync
