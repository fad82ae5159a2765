#pragma once
// The clerk's one page: queue strip, applicant, matter search, the generated acceptance form, the
// materials checklist, the decision panel. Widgets show and collect; CaseService decides what is allowed.
#include "evaluationdialog.h"
#include "intakecontext.h"
#include "noticerenderer.h"

#include <windowdesk/cases/caseservice.h>
#include <windowdesk/cases/draftrepository.h>
#include <windowdesk/cases/intaketypes.h>
#include <windowdesk/cases/queueservice.h>

#include <QHash>
#include <QPointer>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace windowdesk::license {
struct El1Claims;
struct El1Result;
} // namespace windowdesk::license
namespace windowdesk::ui {
class MessageBar;
}
namespace windowdesk::storage {
class CatalogSearch;
}

namespace windowdesk::intake {

class LicensePanel;

class IntakePage : public QWidget {
    Q_OBJECT
public:
    explicit IntakePage(IntakeContext context, QWidget *parent = nullptr);
    ~IntakePage() override;

    // The current state as it would be saved.
    IntakeDraft currentDraft() const;
    const Matter &matter() const { return m_matter; }
    std::optional<Ticket> currentTicket() const { return m_ticket; }

    // Restores a saved draft exactly (applicant, matter, form values, materials, decision).
    bool restoreDraft(const QString &draftId);
    // Saves the draft now (the debounce timer calls this).
    void saveDraftNow();

    // The license panel's hook: fills the material whose license_type equals the claim's typ (electronic,
    // license id recorded). Warns and asks for confirmation when the holder does not match the applicant.
    // Errors: no_matching_material, holder_mismatch_declined.
    Result<QString> attachLicense(const license::El1Claims &claims);
    // Undoes attachLicense for the license `lid` (the platform said it is revoked or expired): the material
    // goes back to unmarked. Returns the material's name, empty when it was not attached.
    QString detachLicense(const QString &lid);
    // The materials standing on the e-license scan `fromSeenId` (licenses_seen.id) now stand on `toSeenId`
    // (a refreshed code of the same license, when the platform refused the earlier one). Returns how many.
    int moveLicenseScan(qint64 fromSeenId, qint64 toSeenId);
    // True when a material of the current visit stands on the scan `seenId`.
    bool standsOnLicenseScan(qint64 seenId) const;

    // Paths of the notices of the last committed case.
    QStringList lastNoticePaths() const { return m_lastNotices; }
    QString lastCaseLocalId() const { return m_lastCaseLocalId; }
    EvaluationDialog *evaluationDialog() const { return m_evaluation; }
    ui::MessageBar *messageBar() const { return m_message; }
    LicensePanel *licensePanel() const { return m_licensePanel; }
    int visitCount() const { return m_visits; }

    // Leaving (log out, quit): true while a ticket is called or in service, or the visit has entries.
    bool hasOpenWork() const;
    // Puts the current ticket on hold with its draft kept, as F7 does; `done(true)` once the queue took it
    // (at once for the local queue, later for the platform's), `done(false)` when it refused (the ticket stays).
    void holdCurrentTicket(std::function<void(bool held)> done);

public slots:
    // Takes an item (bundle = false) or a bundle as the matter, e.g. chosen on the catalog page.
    bool startMatter(const QString &code, bool bundle);
    void callNext();
    void recall();
    void startServing();
    void finishTicket();
    void noShow();
    void holdTicket();
    void resumeHeld();
    void transferTicket();
    void serveWalkIn();
    void focusMatterSearch();
    void decide();
    void printLastNotice();
    void markUnmarkedPaper();
    void newVisit();
    void refreshQueue();

signals:
    void caseCommitted(const QString &localId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void endTicket(TicketAction action);
    // Resumes the held ticket `id` with its draft; when that fails and `fallbackId` is set (the ticket just
    // held for a swap), that one is resumed instead.
    void resumeTicket(qint64 id, qint64 fallbackId);
    void buildUi();
    void buildForm();
    void buildMaterials();
    void rebuildTabOrder();
    void setMatter(const Matter &m);
    void chooseMatter(int row);
    void onSearchTextChanged(const QString &text);
    void onChanged();
    void onIdChanged();
    void updateIdInfo();
    void updateFieldErrors(bool showRequired);
    void updateDecisionPanel();
    void applyDraft(const IntakeDraft &d);
    void clearVisit();
    void showQueueError(const Error &e);
    void setTicket(std::optional<Ticket> t);
    void prefillFormFromApplicant();
    // The applicant section's edit holding the same value as the form field `f` (its own name, id number,
    // phone, entity name or USCC), or null.
    QLineEdit *applicantEditFor(const core::FormField &f) const;
    void copyLinked(QLineEdit *from, QLineEdit *to);
    // How a problem's key (FieldProblems) is named on the page, and the widget that fixes it.
    QString problemPlace(const QString &key) const;
    QWidget *problemWidget(const QString &key) const;
    // On the screen of the setting evaluation.screen (a name or a number from 1) when it names one of this
    // desk's screens, else centred on the clerk's window.
    void placeEvaluationWindow(QWidget *w) const;
    QString decisionValue() const;
    QJsonValue fieldValue(const core::FormField &f) const;
    void setFieldValue(const core::FormField &f, const QJsonValue &v);
    QDate today() const;

    IntakeContext m_ctx;
    std::unique_ptr<LocalQueueService> m_ownQueue;
    QueueService *m_queue = nullptr;
    std::unique_ptr<CaseService> m_cases;
    std::unique_ptr<DraftRepository> m_drafts;
    std::unique_ptr<storage::CatalogSearch> m_catalogSearch; // one instance: it may keep a cache
    Matter m_matter;
    std::optional<Ticket> m_ticket;
    bool m_walkIn = false;
    QString m_draftId;
    bool m_loading = false;
    bool m_copyingLinked = false;
    bool m_showRequired = false;
    QStringList m_lastNotices;
    QString m_lastCaseLocalId;
    QString m_lastTicketNo;
    int m_visits = 0;

    ui::MessageBar *m_message = nullptr;
    QLabel *m_queueStrip = nullptr;
    QLabel *m_ticketLabel = nullptr;
    QLabel *m_queueState = nullptr;
    QComboBox *m_transferTo = nullptr;
    QWidget *m_restoreBar = nullptr;
    QComboBox *m_restoreList = nullptr;

    QComboBox *m_kind = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_idType = nullptr;
    QLineEdit *m_idNumber = nullptr;
    QLabel *m_idInfo = nullptr;
    QLineEdit *m_phone = nullptr;
    QLabel *m_phoneError = nullptr;
    QLineEdit *m_entityName = nullptr;
    QLineEdit *m_uscc = nullptr;
    QLabel *m_usccError = nullptr;
    QWidget *m_entityBox = nullptr;

    QLineEdit *m_search = nullptr;
    QListWidget *m_results = nullptr;
    QLabel *m_noResults = nullptr; // 无结果 and what to try
    QLabel *m_matterLabel = nullptr;

    QWidget *m_formArea = nullptr;
    QFormLayout *m_formLayout = nullptr;
    QHash<QString, QWidget *> m_fieldWidgets;
    QHash<QString, QLabel *> m_fieldErrors;

    QWidget *m_materialsArea = nullptr;
    QVBoxLayout *m_materialsLayout = nullptr;
    struct MaterialRow {
        QComboBox *status = nullptr;
        QLineEdit *reason = nullptr;
        QLabel *error = nullptr;
        QString licenseId;
        qint64 seenId = 0; // the licenses_seen row of the scan the material stands on (0: none)
    };
    QHash<QString, MaterialRow> m_materialRows;

    QComboBox *m_decision = nullptr;
    QLineEdit *m_reason = nullptr;
    QLineEdit *m_basis = nullptr;
    QLabel *m_dueDates = nullptr;
    QLabel *m_problems = nullptr;
    QPushButton *m_confirm = nullptr;

    QObject *m_wheelGuard = nullptr; // closed combo boxes pass the wheel to the page
    QTimer *m_draftTimer = nullptr;
    QTimer *m_clockTimer = nullptr;
    QPointer<EvaluationDialog> m_evaluation;
    LicensePanel *m_licensePanel = nullptr;
};

} // namespace windowdesk::intake
