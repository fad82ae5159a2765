#include "intakevisit.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/core/licenseholder.h>

#include <QHash>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
const QString kElectronic = u"electronic"_s;
const QString kAccepted = u"accepted"_s;

QString newDraftId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool isEmptyValue(const QJsonValue &v) {
    return v.isNull() || v.isUndefined();
}
} // namespace

ApplicantField applicantFieldOfProblemKey(const QString &key) {
    static const QHash<QString, ApplicantField> fields{
        {u"applicant.kind"_s, ApplicantField::Kind},
        {u"applicant.name"_s, ApplicantField::Name},
        {u"applicant.id_type"_s, ApplicantField::IdType},
        {u"applicant.id_number"_s, ApplicantField::IdNumber},
        {u"applicant.phone"_s, ApplicantField::Phone},
        {u"applicant.entity_name"_s, ApplicantField::EntityName},
        {u"applicant.uscc"_s, ApplicantField::Uscc}};
    return fields.value(key, ApplicantField::None);
}

ApplicantField linkedApplicantField(const core::FormField &f) {
    static const QStringList nameKeys{u"applicant_name"_s, u"name"_s};
    static const QStringList idKeys{u"id_number"_s, u"applicant_id_number"_s};
    static const QStringList phoneKeys{u"phone"_s, u"applicant_phone"_s, u"contact_phone"_s};
    static const QStringList entityKeys{u"entity_name"_s, u"company_name"_s, u"enterprise_name"_s};
    if (f.type == u"id_number"_s && idKeys.contains(f.key))
        return ApplicantField::IdNumber;
    if (f.type == u"phone"_s && phoneKeys.contains(f.key))
        return ApplicantField::Phone;
    if (f.type == u"uscc"_s && f.key == u"uscc"_s)
        return ApplicantField::Uscc;
    if (f.type == u"text"_s && nameKeys.contains(f.key))
        return ApplicantField::Name;
    if (f.type == u"text"_s && entityKeys.contains(f.key))
        return ApplicantField::EntityName;
    return ApplicantField::None;
}

IntakeVisit::IntakeVisit(QObject *parent)
    : QObject(parent)
    , m_draftId(newDraftId())
    , m_decision(kAccepted) {}

IntakeVisit::~IntakeVisit() = default;

IntakeDraft IntakeVisit::draft() const {
    IntakeDraft d;
    d.draftId = m_draftId;
    if (m_ticket) {
        d.ticketNo = m_ticket->ticketNo;
        d.ticketId = m_ticket->id;
    }
    d.applicant = m_applicant;
    if (!isEntity()) {
        d.applicant.entityName.clear();
        d.applicant.uscc.clear();
    }
    d.itemCode = m_matter.itemCode;
    d.bundleCode = m_matter.bundleCode;
    for (const auto &f : m_matter.fields)
        if (const QJsonValue v = m_form.value(f.key); !isEmptyValue(v))
            d.formValues.insert(f.key, v);
    for (const auto &m : m_matter.materials) {
        const auto it = m_materials.constFind(m.key);
        if (it == m_materials.cend())
            continue;
        MaterialMark mark{it->status, QString(), it->reason};
        if (mark.status == kElectronic) {
            mark.licenseId = it->licenseId;
            // The scan's licenses_seen row travels with the draft: a draft restored after a restart links it.
            if (!it->licenseId.isEmpty())
                mark.seenId = it->seenId;
        }
        if (!mark.status.isEmpty() || !mark.reason.isEmpty())
            d.materials.insert(m.key, mark);
    }
    d.decision = m_decision;
    d.decisionReason = m_reason;
    d.decisionBasis = m_basis;
    return d;
}

QString IntakeVisit::applicantValue(ApplicantField field) const {
    switch (field) {
    case ApplicantField::Kind:
        return m_applicant.kind;
    case ApplicantField::Name:
        return m_applicant.name;
    case ApplicantField::IdType:
        return m_applicant.idType;
    case ApplicantField::IdNumber:
        return m_applicant.idNumber;
    case ApplicantField::Phone:
        return m_applicant.phone;
    case ApplicantField::EntityName:
        return m_applicant.entityName;
    case ApplicantField::Uscc:
        return m_applicant.uscc;
    case ApplicantField::None:
        break;
    }
    return {};
}

bool IntakeVisit::isEntity() const {
    return m_applicant.kind == u"entity"_s;
}

QStringList IntakeVisit::materialStatuses(const MatterMaterial &m) {
    QStringList s{QString(), u"paper"_s, kElectronic};
    if (m.commitmentAllowed)
        s << u"commitment"_s;
    s << u"missing"_s;
    return s;
}

bool IntakeVisit::ticketOpen() const {
    return m_ticket && (core::is(m_ticket->status, core::TicketStatus::Called) ||
                        core::is(m_ticket->status, core::TicketStatus::Serving));
}

void IntakeVisit::reset() {
    m_draftId = newDraftId();
    m_applicant = ApplicantInput();
    m_decision = kAccepted;
    m_reason.clear();
    m_basis.clear();
    m_matter = Matter();
    m_form = QJsonObject();
    m_materials.clear();
    Q_EMIT applicantChanged(ApplicantField::None);
    Q_EMIT matterChanged();
    Q_EMIT decisionChanged();
    Q_EMIT changed();
}

void IntakeVisit::load(const IntakeDraft &d, const Matter &matter) {
    m_draftId = d.draftId;
    // As the page's boxes took them: an unknown kind or id type is the first one.
    static const QStringList idTypes{u"resident_id"_s, u"hk_macao_permit"_s, u"taiwan_permit"_s,
                                     u"foreign_permanent_residence"_s, u"passport"_s};
    m_applicant = d.applicant;
    m_applicant.kind = d.applicant.kind == u"entity"_s ? u"entity"_s : u"person"_s;
    if (!idTypes.contains(m_applicant.idType))
        m_applicant.idType = idTypes.first();
    m_matter = matter;
    m_form = QJsonObject();
    for (const auto &f : m_matter.fields)
        if (d.formValues.contains(f.key) && !isEmptyValue(d.formValues.value(f.key)))
            m_form.insert(f.key, d.formValues.value(f.key));
    initialiseForm();
    m_materials.clear();
    for (auto it = d.materials.cbegin(); it != d.materials.cend(); ++it) {
        const MatterMaterial *m = m_matter.material(it.key());
        if (!m)
            continue;
        Material mat;
        mat.licenseId = it->licenseId;
        mat.seenId = it->licenseId.isEmpty() ? 0 : it->seenId;
        mat.status = materialStatuses(*m).contains(it->status) ? it->status : QString();
        mat.reason = it->reason;
        m_materials.insert(it.key(), mat);
    }
    static const QStringList decisions{kAccepted, u"correction_required"_s, u"rejected"_s};
    m_decision = decisions.contains(d.decision) ? d.decision : kAccepted;
    m_reason = d.decisionReason;
    m_basis = d.decisionBasis;
    Q_EMIT applicantChanged(ApplicantField::None);
    Q_EMIT matterChanged();
    Q_EMIT decisionChanged();
    Q_EMIT changed();
}

void IntakeVisit::initialiseForm() {
    // A check box always has a value: unticked is false, as the form shows it.
    for (const auto &f : m_matter.fields)
        if (f.type == u"bool"_s && !m_form.contains(f.key))
            m_form.insert(f.key, false);
}

void IntakeVisit::setTicket(std::optional<Ticket> ticket) {
    m_ticket = std::move(ticket);
    if (m_ticket)
        m_walkIn = false;
    Q_EMIT ticketChanged();
    Q_EMIT changed();
}

void IntakeVisit::setWalkIn(bool walkIn) {
    if (m_walkIn == walkIn)
        return;
    m_walkIn = walkIn;
    Q_EMIT ticketChanged();
}

void IntakeVisit::setApplicantValue(ApplicantField field, const QString &value) {
    QString *target = nullptr;
    switch (field) {
    case ApplicantField::Kind:
        target = &m_applicant.kind;
        break;
    case ApplicantField::Name:
        target = &m_applicant.name;
        break;
    case ApplicantField::IdType:
        target = &m_applicant.idType;
        break;
    case ApplicantField::IdNumber:
        target = &m_applicant.idNumber;
        break;
    case ApplicantField::Phone:
        target = &m_applicant.phone;
        break;
    case ApplicantField::EntityName:
        target = &m_applicant.entityName;
        break;
    case ApplicantField::Uscc:
        target = &m_applicant.uscc;
        break;
    case ApplicantField::None:
        return;
    }
    if (*target == value)
        return;
    *target = value;
    Q_EMIT applicantChanged(field);
    applyLinkedFromApplicant(field);
    Q_EMIT changed();
}

void IntakeVisit::applyLinkedFromApplicant(ApplicantField field) {
    if (m_linking)
        return;
    m_linking = true;
    const QString value = applicantValue(field);
    for (const auto &f : m_matter.fields)
        if (linkedApplicantField(f) == field && m_form.value(f.key).toString() != value)
            setFormValue(f.key, value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value));
    m_linking = false;
}

void IntakeVisit::setMatter(const Matter &matter) {
    m_matter = matter;
    m_form = QJsonObject();
    m_materials.clear();
    initialiseForm();
    Q_EMIT matterChanged();
    exchangeLinkedValues();
    Q_EMIT changed();
}

void IntakeVisit::setFormValue(const QString &key, const QJsonValue &value) {
    const QJsonValue old = m_form.value(key);
    if (old == value || (isEmptyValue(old) && isEmptyValue(value)))
        return;
    if (isEmptyValue(value))
        m_form.remove(key);
    else
        m_form.insert(key, value);
    Q_EMIT formValueChanged(key);
    if (!m_linking) {
        for (const auto &f : m_matter.fields) {
            if (f.key != key)
                continue;
            if (const ApplicantField a = linkedApplicantField(f); a != ApplicantField::None) {
                m_linking = true;
                setApplicantValue(a, value.toString());
                m_linking = false;
            }
        }
    }
    Q_EMIT changed();
}

void IntakeVisit::exchangeLinkedValues() {
    for (const auto &f : m_matter.fields) {
        const ApplicantField a = linkedApplicantField(f);
        if (a == ApplicantField::None)
            continue;
        const QString formText = m_form.value(f.key).toString();
        const QString applicantText = applicantValue(a);
        if (formText.isEmpty() && !applicantText.isEmpty()) {
            m_linking = true;
            setFormValue(f.key, applicantText);
            m_linking = false;
        } else if (applicantText.isEmpty() && !formText.isEmpty()) {
            m_linking = true;
            setApplicantValue(a, formText);
            m_linking = false;
        }
    }
}

void IntakeVisit::setMaterialStatus(const QString &key, const QString &status) {
    const MatterMaterial *m = m_matter.material(key);
    if (!m || !materialStatuses(*m).contains(status) || m_materials.value(key).status == status)
        return;
    m_materials[key].status = status;
    Q_EMIT materialChanged(key);
    Q_EMIT changed();
}

void IntakeVisit::setMaterialReason(const QString &key, const QString &reason) {
    if (!m_matter.material(key) || m_materials.value(key).reason == reason)
        return;
    m_materials[key].reason = reason;
    Q_EMIT materialChanged(key);
    Q_EMIT changed();
}

void IntakeVisit::markUnmarkedPaper() {
    for (const auto &m : m_matter.materials)
        if (m.material.required && materialStatus(m.key).isEmpty())
            setMaterialStatus(m.key, u"paper"_s);
}

void IntakeVisit::setDecision(const QString &decision) {
    if (m_decision == decision)
        return;
    m_decision = decision;
    Q_EMIT decisionChanged();
    Q_EMIT changed();
}

void IntakeVisit::setDecisionReason(const QString &reason) {
    if (m_reason == reason)
        return;
    m_reason = reason;
    Q_EMIT decisionChanged();
    Q_EMIT changed();
}

void IntakeVisit::setDecisionBasis(const QString &basis) {
    if (m_basis == basis)
        return;
    m_basis = basis;
    Q_EMIT decisionChanged();
    Q_EMIT changed();
}

QString IntakeVisit::holderName() const {
    return isEntity() && !m_applicant.entityName.isEmpty() ? m_applicant.entityName : m_applicant.name;
}

QString IntakeVisit::holderId() const {
    return isEntity() && !m_applicant.uscc.isEmpty() ? m_applicant.uscc : m_applicant.idNumber;
}

bool IntakeVisit::holderMatches(const VisitLicense &l) const {
    return core::licenseHolderMatches(holderName(), holderId(), l.holderName, l.holderId);
}

const MatterMaterial *IntakeVisit::materialForLicense(const QString &typeCode) const {
    if (typeCode.isEmpty())
        return nullptr;
    for (const auto &m : m_matter.materials)
        if (m.material.licenseType == typeCode)
            return &m;
    return nullptr;
}

Result<QString> IntakeVisit::attachLicense(const VisitLicense &l,
                                           const std::function<bool()> &acceptMismatch) {
    // A resident ID license may fill an empty applicant.
    if (!isEntity() && l.residentId && m_applicant.name.isEmpty() && m_applicant.idNumber.isEmpty())
        setApplicantValue(ApplicantField::Name, l.holderName);
    const MatterMaterial *target = materialForLicense(l.typeCode);
    if (!target)
        return Error{u"no_matching_material"_s, tr("The license fits no material of this case.")};
    if (!holderMatches(l) && !(acceptMismatch && acceptMismatch()))
        return Error{u"holder_mismatch_declined"_s, tr("Not attached: the holder does not match.")};
    const QString key = target->key;
    Material &m = m_materials[key];
    m.licenseId = l.lid;
    m.seenId = l.seenId;
    m.status = kElectronic;
    Q_EMIT materialChanged(key);
    Q_EMIT changed();
    return key;
}

QString IntakeVisit::detachLicense(const QString &lid) {
    QString name;
    for (const auto &m : m_matter.materials) {
        auto it = m_materials.find(m.key);
        if (it == m_materials.end() || it->licenseId != lid)
            continue;
        it->licenseId.clear();
        it->seenId = 0;
        it->status.clear();
        name = m.material.name;
        Q_EMIT materialChanged(m.key);
    }
    if (!name.isEmpty())
        Q_EMIT changed();
    return name;
}

int IntakeVisit::moveLicenseScan(qint64 fromSeenId, qint64 toSeenId) {
    int moved = 0;
    for (Material &m : m_materials)
        if (fromSeenId != 0 && m.seenId == fromSeenId) {
            m.seenId = toSeenId;
            ++moved;
        }
    if (moved)
        Q_EMIT changed();
    return moved;
}

bool IntakeVisit::standsOnLicenseScan(qint64 seenId) const {
    return seenId != 0 && std::any_of(m_materials.cbegin(), m_materials.cend(),
                                      [seenId](const Material &m) { return m.seenId == seenId; });
}

} // namespace windowdesk::cases
