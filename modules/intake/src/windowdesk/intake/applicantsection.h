#pragma once
// The applicant section of the intake page: kind, entity (name, USCC), ID type, name, id number (birth date
// and sex shown), phone. It shows the visit's applicant and writes the clerk's edits to it; a returning
// applicant (same id as a local case) is filled in for confirmation.
#include "intakecontext.h"

#include <windowdesk/cases/intakevisit.h>

#include <QGroupBox>
#include <QHash>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace windowdesk::intake {

// What a resident-ID card placed on the reader gives the applicant (the session converts the reader's card).
struct CardReading {
    QString name;
    QString idNumber;
    QString birth;    // YYYY-MM-DD as printed on the card
    QString sex;      // male | female | ""
    QByteArray photo; // encoded image (BMP, PNG…), empty when the reader does not decode it
};

class ApplicantSection : public QGroupBox {
    Q_OBJECT
public:
    // `findReturning`: the earlier applicant with this id number or USCC, if any (CaseService's lookup).
    // `scope`: the page, where the section's shortcut is active. `wheelGuard` keeps the wheel off its boxes.
    ApplicantSection(cases::IntakeVisit &visit, const Clock &clock,
                     std::function<std::optional<ApplicantInput>(const QString &)> findReturning,
                     QWidget *scope, QObject *wheelGuard, QWidget *parent = nullptr);

    // The widget that edits `field` (for the Tab order and the problem to fix).
    QWidget *editor(cases::ApplicantField field) const;
    // As shown, top to bottom: kind, (entity name, USCC), ID type, name, id number, phone.
    QList<QWidget *> tabOrder() const;
    void focusName();
    // The phone's inline problem (FieldProblems "applicant.phone").
    void setPhoneError(const QString &text);
    bool phoneEntered() const;
    // A card was read: the applicant becomes a natural person with a resident ID, its name and number (the
    // birth date and sex follow from the number); the photo is shown beside the form. Returns a warning when
    // the card's printed birth date or sex disagrees with its number (a damaged or forged card), else empty.
    QString fillFromCard(const CardReading &card);

Q_SIGNALS:
    // The kind changed (the entity's fields appeared or went): the page's Tab order changes.
    void kindChanged();
    // Something to tell the clerk (a returning applicant was filled in).
    void info(const QString &text);

private:
    void showApplicant(cases::ApplicantField field);
    void onIdentifierChanged();
    void updateIdInfo();
    void connectEdit(QLineEdit *edit, cases::ApplicantField field);

    cases::IntakeVisit &m_visit;
    const Clock &m_clock;
    std::function<std::optional<ApplicantInput>(const QString &)> m_findReturning;
    QHash<cases::ApplicantField, QLineEdit *> m_edits;
    QComboBox *m_kind = nullptr;
    QComboBox *m_idType = nullptr;
    QLabel *m_idInfo = nullptr;
    QLabel *m_photo = nullptr;
    QLabel *m_phoneError = nullptr;
    QLabel *m_usccError = nullptr;
    QWidget *m_entityBox = nullptr;
};

} // namespace windowdesk::intake
