#pragma once
// A scenario drill in 练习模式 (issue 15): the REAL intake page (intake::IntakePage) over a sandbox database
// made for this attempt (training::ScenarioSandbox: the hall's catalog, no real case, draft, outbox or audit
// row), with its own local queue and license scan service over the sandbox, under a banner that says 练习模式
// and shows the simulated applicant and the documents they hand over; the window title says 练习模式 too.
// The scenario's events arrive at their times through the intake page's own seams (the scan service fails,
// the queue goes offline, the applicant says something else). F12 finishes: the sandbox's case is scored
// by the rubric (ScenarioDrills::finish); the time limit finishes it too.
#include "trainingpages.h"

#include <windowdesk/cases/queueservice.h>
#include <windowdesk/training/scenariodrill.h>

#include <QPointer>
#include <QWidget>
#include <memory>

class QLabel;
class QTimer;

namespace windowdesk::license {
class El1Verifier;
class LicenseScanService;
class SqlReplayStore;
} // namespace windowdesk::license
namespace windowdesk::storage {
class AuditLog;
}
namespace windowdesk::ui {
class MessageBar;
}
namespace windowdesk::intake {
class IntakePage;
struct IntakeContext;
} // namespace windowdesk::intake

namespace windowdesk::trainingui {

class DrillView : public QWidget {
    Q_OBJECT
public:
    DrillView(const TrainingContext &context, QWidget *parent = nullptr);
    ~DrillView() override;

    // Starts the trainee's drill: the sandbox file, the attempt, the intake page. Errors: attempt_open, …
    Status start(const QString &drillId);
    // Continues an open scenario attempt over its stored sandbox (after a restart).
    Status resume(const training::AttemptInfo &attempt);
    // Finishes now and scores (F12 asks first; the time limit does not).
    void askFinish();
    void finishNow(training::FinishReason reason);

    intake::IntakePage *intakePage() const;
    storage::Database *sandbox() const { return m_sandbox.get(); }
    QString attemptId() const { return m_attempt.id; }
    QString bannerText() const;
    QString applicantSays() const;
    cases::LocalQueueService *queue() const { return m_queue.get(); }
    // Runs the events due by now (the timer calls it every second).
    void tick();

signals:
    void finished(const QString &attemptId);

private:
    Status open(const training::AttemptInfo &attempt, const QString &sandboxPath, bool create);
    void fire(const training::ScenarioEvent &e);
    void setPracticeTitle(bool on);
    void teardown();

    TrainingContext m_ctx;
    training::AttemptInfo m_attempt;
    training::Scenario m_scenario;
    QString m_sandboxPath;
    std::unique_ptr<storage::Database> m_sandbox;
    std::unique_ptr<storage::AuditLog> m_audit;
    std::unique_ptr<cases::LocalQueueService> m_queue;
    std::unique_ptr<license::SqlReplayStore> m_replay;
    std::unique_ptr<license::El1Verifier> m_verifier;
    std::unique_ptr<license::LicenseScanService> m_scan;
    std::unique_ptr<intake::IntakeContext> m_intakeContext;
    QPointer<QWidget> m_intakeWidget; // the intake page (deleted with the sandbox it works on)
    intake::IntakePage *m_intake = nullptr;
    int m_fired = 0; // events run so far
    bool m_finishing = false;
    QString m_savedTitle;
    QLabel *m_banner = nullptr;
    QLabel *m_applicant = nullptr;
    QLabel *m_says = nullptr;
    QLabel *m_countdown = nullptr;
    ui::MessageBar *m_message = nullptr;
    QWidget *m_host = nullptr;
    QTimer *m_timer = nullptr;
};

// Where a drill's sandbox file goes: <dir of the real database>/practice/<attempt or drill>-<uuid>.db.
QString sandboxPathFor(const storage::Database &real);
// The directory the sandboxes are made in (next to the real database).
QString practiceDirFor(const storage::Database &real);

} // namespace windowdesk::trainingui
