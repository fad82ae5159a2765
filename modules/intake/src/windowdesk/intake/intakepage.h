#pragma once
// The clerk's one page over the visit (cases::IntakeVisit): the queue bar, the applicant, the matter search,
// the generated acceptance form, the materials checklist, the license panel and the decision panel, each a
// section that shows the visit and writes the clerk's edits to it. The page saves the visit's draft as the
// clerk types, submits it through CaseService, writes the notices and hands over to the evaluation.
#include "applicantsection.h"
#include "evaluationdialog.h"
#include "intakecontext.h"
#include "noticerenderer.h"

#include <windowdesk/cases/caseservice.h>
#include <windowdesk/cases/draftrepository.h>
#include <windowdesk/cases/intaketypes.h>
#include <windowdesk/cases/intakevisit.h>
#include <windowdesk/cases/queueservice.h>

#include <QPointer>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QTimer;

namespace windowdesk::license {
struct El1Claims;
}
namespace windowdesk::ui {
class MessageBar;
}
namespace windowdesk::storage {
class CatalogSearch;
}

namespace windowdesk::intake {

class AcceptanceForm;
class ApplicantSection;
class DecisionPanel;
class LicensePanel;
class MaterialsChecklist;
class MatterSearch;
class QueueBar;

class IntakePage : public QWidget {
    Q_OBJECT
public:
    explicit IntakePage(IntakeContext context, QWidget *parent = nullptr);
    ~IntakePage() override;

    // The visit on the page: what every section shows and changes.
    cases::IntakeVisit &visit() const { return *m_visit; }
    // The current state as it would be saved.
    IntakeDraft currentDraft() const { return m_visit->draft(); }
    const Matter &matter() const { return m_visit->matter(); }
    std::optional<Ticket> currentTicket() const { return m_visit->ticket(); }

    // Restores a saved draft exactly (applicant, matter, form values, materials, decision).
    bool restoreDraft(const QString &draftId);
    // Saves the draft now (the debounce timer calls this).
    void saveDraftNow();

    // Puts a verified license on the material whose license_type equals the claim's typ (the license panel's
    // attach). Errors: no_matching_material, holder_mismatch_declined.
    Result<QString> attachLicense(const license::El1Claims &claims);

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
    // (at once for the local queue, later for the platform's), `done(false)` when it refused (the ticket
    // stays).
    void holdCurrentTicket(std::function<void(bool held)> done);

    // A resident-ID card placed on the reader: fills the applicant (see ApplicantSection::fillFromCard),
    // audits the read (a personal-data access: masked number only) and says so, or warns of a mismatch.
    void takeIdCard(const CardReading &card);

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

private:
    void buildUi();
    QWidget *buildRestoreBar();
    QueueBar *buildQueueBar();
    void rebuildTabOrder();
    void onVisitChanged();
    void updateFieldErrors(bool showRequired);
    void applyDraft(const IntakeDraft &d);
    // A resumed ticket's held draft back on the page (the visit there kept as its own draft first).
    void restoreTicketDraft(qint64 ticketId);
    void clearVisit();
    // Writes the notices of the case just submitted as PDF and says where; false when one could not be.
    void writeNotices(const SubmittedCase &submitted, const IntakeDraft &draft);
    void openEvaluation(const QString &caseLocalId, const QString &ticketNo);
    // How a problem's key (FieldProblems) is named on the page, and the widget that fixes it.
    QString problemPlace(const QString &key) const;
    QWidget *problemWidget(const QString &key) const;
    QDate today() const;

    IntakeContext m_ctx;
    std::unique_ptr<LocalQueueService> m_ownQueue;
    QueueService *m_queue = nullptr;
    std::unique_ptr<CaseService> m_cases;
    std::unique_ptr<DraftRepository> m_drafts;
    std::unique_ptr<storage::CatalogSearch> m_catalogSearch; // one instance: it may keep a cache
    cases::IntakeVisit *m_visit = nullptr;
    bool m_loading = false;
    bool m_showRequired = false;
    QStringList m_lastNotices;
    QString m_lastCaseLocalId;
    QString m_lastDecision; // the last committed case's decision: which notice Ctrl+P prints
    int m_visits = 0;

    ui::MessageBar *m_message = nullptr;
    QWidget *m_restoreBar = nullptr;
    QComboBox *m_restoreList = nullptr;
    QueueBar *m_queueBar = nullptr;
    ApplicantSection *m_applicant = nullptr;
    MatterSearch *m_matterSearch = nullptr;
    AcceptanceForm *m_form = nullptr;
    MaterialsChecklist *m_materials = nullptr;
    DecisionPanel *m_decision = nullptr;
    LicensePanel *m_licensePanel = nullptr;

    QObject *m_wheelGuard = nullptr; // closed combo boxes pass the wheel to the page
    QTimer *m_draftTimer = nullptr;
    QTimer *m_clockTimer = nullptr;
    QPointer<EvaluationDialog> m_evaluation;
};

} // namespace windowdesk::intake
