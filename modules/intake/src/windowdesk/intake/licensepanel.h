#pragma once
// The license panel on the intake page: the last scan's result (verified license or the reason it was
// refused), a manual paste field for a scanner that failed, and the 证照标识 check. Scans from the scanner
// filter, the serial scanner and the paste field all arrive through the same LicenseScanService. What a scan
// and the platform's answers mean is LicenseConfirmation's; the panel shows it and puts the license on the
// visit's material (IntakeVisit), never touching the page's widgets.
#include "citizenphonewindow.h"
#include "intakecontext.h"

#include <windowdesk/cases/intakevisit.h>
#include <windowdesk/license/el1verifier.h>
#include <windowdesk/license/licenseconfirmation.h>

#include <QHash>
#include <QPointer>
#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::intake {

class LicensePanel : public QWidget {
    Q_OBJECT
public:
    // `messages`: the page's message bar, for what the clerk must see wherever the focus is.
    LicensePanel(cases::IntakeVisit &visit, ui::MessageBar *messages, const IntakeContext &context,
                 QWidget *parent = nullptr);
    ~LicensePanel() override;

    // The verification state shown until the platform confirms the license.
    static QString offlineStateText();

    // The last verified license (nullopt after a rejection or before any scan).
    const std::optional<license::El1Claims> &lastClaims() const { return m_last; }
    // licenses_seen.id of the last verified license (0 when none was recorded).
    qint64 lastSeenId() const { return m_lastSeenId; }
    QLineEdit *pasteField() const { return m_paste; }
    CitizenPhoneWindow *citizenPhone() const { return m_phone; }

    // Puts a verified license on the visit's material whose license_type is its type code (electronic, the
    // scan recorded when it is the last one scanned). Asks the clerk when the holder is not the applicant.
    // Errors: no_matching_material, holder_mismatch_declined.
    Result<QString> attach(const license::El1Claims &claims);

    // Milliseconds between attempts to confirm licenses verified offline (online again).
    void setConfirmIntervalMs(int ms);
    int unconfirmedCount() const;

public Q_SLOTS:
    // Verifies `payload` through the scan service, remembering the text so it can be resolved online.
    // The scanner should feed this slot (not the service directly) so online confirmation works for scans.
    void verifyPayload(const QString &payload);
    // Confirms the unconfirmed licenses whose payload is still alive; the timer calls it.
    void confirmPending();
    void openDocument();
    void showResult(const windowdesk::license::El1Result &result);
    void focusPaste();
    void verifyPasted();
    // Demo hall only: the "citizen phone" window with a live demo license QR.
    void openCitizenPhone();
    // The visit's case was committed (CaseService linked its licenses in the same transaction): the next
    // visit starts with no attached licenses. Called before the visit is cleared.
    void onCaseCommitted(const QString &localId);

Q_SIGNALS:
    // A change to the visit that must be on disk at once (a refused code's material moved to an earlier scan:
    // a restart now must still link that one).
    void saveDraftRequested();

private:
    // LicenseConfirmation over this desk's database, reaching the platform through the online API when there
    // is one; its answers are shown here.
    void connectConfirmation();
    void clearShown();
    void showAnswer(qint64 seenId, const license::El1Claims &claims,
                    const license::LicenseConfirmation::Outcome &outcome);
    // Takes the license off its material (the platform said it cannot stand in): for every scan when the
    // license itself is refused, else for this scan only. Returns the material's name (empty: nothing taken).
    QString detach(qint64 seenId, const license::El1Claims &claims, bool licenseItself);
    bool isCurrent(qint64 seenId) const { return seenId && seenId == m_lastSeenId; }

    cases::IntakeVisit &m_visit;
    ui::MessageBar *m_messages;
    IntakeContext m_ctx;
    license::LicenseConfirmation *m_confirmation = nullptr; // null without a database
    std::optional<license::El1Claims> m_last;
    qint64 m_lastSeenId = 0;
    struct Attached {
        QString lid;
        QString draftId; // the visit's draft: a held ticket's licenses stay with its draft
    };
    // licenses_seen.id → attached in this session, not yet linked to a case: which scans of a license are
    // still on a material when the platform refuses one code (the links themselves come from the draft).
    QHash<qint64, Attached> m_attachedSeenIds;

    QLabel *m_state = nullptr;
    QLabel *m_type = nullptr;
    QLabel *m_number = nullptr;
    QLabel *m_holder = nullptr;
    QLabel *m_holderId = nullptr;
    QLabel *m_issuer = nullptr;
    QLabel *m_issued = nullptr;
    QLabel *m_validity = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_idWarning = nullptr; // the 证照标识 check character does not match
    QLabel *m_note = nullptr;
    QLineEdit *m_paste = nullptr;
    QPointer<CitizenPhoneWindow> m_phone;
    QPushButton *m_openDocument = nullptr;
    QString m_pendingPayload; // the text being verified right now (set just before verifyScanned)
    QString m_lastLicenseId;  // platform license id of the shown license, once resolved
};

} // namespace windowdesk::intake
