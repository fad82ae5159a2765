#pragma once
// The visit at the window, without widgets: the ticket, the applicant, the matter (item or bundle), the
// acceptance form's values, the materials as marked (with the e-license scans they stand on) and the
// decision. The intake page's sections and the license panel observe it and change it; none of them reads
// another's widgets. draft() is what is saved while the clerk types and what the submit takes.
#include "intaketypes.h"
#include "queueservice.h"

#include <windowdesk/core/result.h>

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <functional>
#include <optional>

namespace windowdesk::cases {

// The applicant's values (ApplicantInput's fields).
enum class ApplicantField { None, Kind, Name, IdType, IdNumber, Phone, EntityName, Uscc };

// The applicant value a form field asks for when it asks for the applicant themself (their name, id number,
// phone, entity name or USCC): the form field and the applicant's value are then one value. A spouse's or an
// agent's id is never linked. None for every other field.
ApplicantField linkedApplicantField(const core::FormField &field);

// The applicant value a field problem's key names ("applicant.name", "applicant.id_number", … as
// CaseService and CrossProvinceService report them); None for any other key.
ApplicantField applicantFieldOfProblemKey(const QString &key);

// A verified e-license as the visit needs it (the license panel fills it from the claims).
struct VisitLicense {
    QString lid;      // 证照标识
    QString typeCode; // matches MatterMaterial's license_type
    QString holderName;
    QString holderId;        // masked as on the license
    bool residentId = false; // license::isResidentIdLicense(typeCode)
    qint64 seenId = 0;       // licenses_seen.id of the scan (0: no scan behind it)
};

class IntakeVisit : public QObject {
    Q_OBJECT
public:
    explicit IntakeVisit(QObject *parent = nullptr);
    ~IntakeVisit() override;

    // ── What the visit holds ──────────────────────────────────────────────
    // The whole visit as saved: what the draft repository keeps and CaseService::submit takes.
    IntakeDraft draft() const;
    // Nothing entered yet (IntakeDraft::isEmpty).
    bool isEmpty() const { return draft().isEmpty(); }
    const QString &draftId() const { return m_draftId; }
    const Matter &matter() const { return m_matter; }
    // The applicant's values as entered (the entity's too while the kind is person: draft() leaves them out).
    const ApplicantInput &applicant() const { return m_applicant; }
    QString applicantValue(ApplicantField field) const;
    bool isEntity() const;
    // Null when the field is empty.
    QJsonValue formValue(const QString &key) const {
        return m_form.contains(key) ? m_form.value(key) : QJsonValue(QJsonValue::Null);
    }
    const QJsonObject &formValues() const { return m_form; }
    QString materialStatus(const QString &key) const { return m_materials.value(key).status; }
    QString materialReason(const QString &key) const { return m_materials.value(key).reason; }
    // The statuses a material may be marked with ("" = not checked); commitment only where it is allowed.
    static QStringList materialStatuses(const MatterMaterial &m);
    const QString &decision() const { return m_decision; }
    const QString &decisionReason() const { return m_reason; }
    const QString &decisionBasis() const { return m_basis; }
    const std::optional<Ticket> &ticket() const { return m_ticket; }
    bool walkIn() const { return m_walkIn; }
    // The ticket is called or in service at this window.
    bool ticketOpen() const;

    // ── Changes: each emits its signal and changed(), nothing when the value is the same ──
    // A new visit: a new draft id, nothing entered, decision back to accepted. The ticket stays.
    void reset();
    // Restores a saved draft exactly (its ticket is set separately); `matter` is the draft's, loaded.
    void load(const IntakeDraft &draft, const Matter &matter);
    void setTicket(std::optional<Ticket> ticket);
    void setWalkIn(bool walkIn);
    // Sets an applicant value; a form field that means the same value follows.
    void setApplicantValue(ApplicantField field, const QString &value);
    // Takes a matter: its form starts empty (the applicant's linked values filled in) and nothing is marked.
    void setMatter(const Matter &matter);
    // Sets a form value (null: empty); the applicant's value it means follows.
    void setFormValue(const QString &key, const QJsonValue &value);
    // The applicant section and the linked form fields: whichever side has the value gives it to the other.
    void exchangeLinkedValues();
    void setMaterialStatus(const QString &key, const QString &status);
    void setMaterialReason(const QString &key, const QString &reason);
    // Ctrl+M: every required material not yet checked is marked paper.
    void markUnmarkedPaper();
    void setDecision(const QString &decision);
    void setDecisionReason(const QString &reason);
    void setDecisionBasis(const QString &basis);

    // ── E-licenses ────────────────────────────────────────────────────────
    // The name and id a license holder must match: the entity's when the applicant is one and they are
    // entered, else the person's.
    QString holderName() const;
    QString holderId() const;
    bool holderMatches(const VisitLicense &license) const;
    // The material of the matter whose license_type is `typeCode`, or null.
    const MatterMaterial *materialForLicense(const QString &typeCode) const;
    // Puts the license on its material (marked electronic, the scan recorded). A resident ID license fills an
    // empty applicant's name first. When the holder does not match the applicant, `acceptMismatch` is asked
    // (the clerk confirms). Returns the material's key. Errors: no_matching_material,
    // holder_mismatch_declined.
    Result<QString> attachLicense(const VisitLicense &license, const std::function<bool()> &acceptMismatch);
    // Takes the license `lid` off every material (back to not checked). Returns the material's name, empty
    // when it was on none.
    QString detachLicense(const QString &lid);
    // The materials standing on the scan `fromSeenId` now stand on `toSeenId` (a refreshed code of the same
    // license). Returns how many.
    int moveLicenseScan(qint64 fromSeenId, qint64 toSeenId);
    bool standsOnLicenseScan(qint64 seenId) const;

Q_SIGNALS:
    // Anything of the draft changed (the draft is due for saving).
    void changed();
    void ticketChanged();
    // One value, or all of them (field None) after reset() or load().
    void applicantChanged(windowdesk::cases::ApplicantField field);
    // A new matter (or none): the form and the checklist are rebuilt.
    void matterChanged();
    void formValueChanged(const QString &key);
    void materialChanged(const QString &key);
    void decisionChanged();

private:
    struct Material {
        QString status;
        QString reason;
        QString licenseId; // kept while the status is changed away and back, as the clerk left it
        qint64 seenId = 0;
    };
    void applyLinkedFromApplicant(ApplicantField field);
    void initialiseForm();

    QString m_draftId;
    std::optional<Ticket> m_ticket;
    bool m_walkIn = false;
    ApplicantInput m_applicant;
    Matter m_matter;
    QJsonObject m_form;
    QHash<QString, Material> m_materials;
    QString m_decision;
    QString m_reason;
    QString m_basis;
    bool m_linking = false;
};

} // namespace windowdesk::cases
