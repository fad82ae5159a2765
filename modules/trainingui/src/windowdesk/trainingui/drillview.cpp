#include "drillview.h"

#include "paperview.h"

#include <windowdesk/cases/caserepository.h>
#include <windowdesk/cases/draftrepository.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/intake/intakecontext.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/license/el1verifier.h>
#include <windowdesk/license/keyset.h>
#include <windowdesk/license/licensescanservice.h>
#include <windowdesk/license/replaystore.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QScrollArea>
#include <QShortcut>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace windowdesk::training;

namespace windowdesk::trainingui {

QString practiceDirFor(const storage::Database &real) {
    return QFileInfo(real.path()).dir().filePath(u"practice"_s);
}

QString sandboxPathFor(const storage::Database &real) {
    QDir dir = QFileInfo(real.path()).dir();
    dir.mkpath(u"practice"_s);
    return dir.filePath(u"practice/drill-%1.db"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
}

DrillView::DrillView(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context) {
    setObjectName(u"practiceDrill"_s);
    auto *layout = new QVBoxLayout(this);
    m_banner = new QLabel(this);
    m_banner->setObjectName(u"practiceBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(
        u"background: #fff3cd; color: #7a4b00; border: 2px solid #e0a800; padding: 6px; font-weight: bold;"_s);
    layout->addWidget(m_banner);
    auto *row = new QHBoxLayout;
    m_applicant = new QLabel(this);
    m_applicant->setObjectName(u"practiceApplicant"_s);
    m_applicant->setWordWrap(true);
    m_applicant->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_applicant, 1);
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(u"drillCountdown"_s);
    m_countdown->setStyleSheet(u"font-size: 16pt; font-weight: bold;"_s);
    row->addWidget(m_countdown);
    layout->addLayout(row);
    m_says = new QLabel(this);
    m_says->setObjectName(u"practiceApplicantSays"_s);
    m_says->setWordWrap(true);
    m_says->setStyleSheet(u"font-size: 12pt; color: #004085;"_s);
    layout->addWidget(m_says);
    m_message = new ui::MessageBar(this);
    m_message->setObjectName(u"practiceDrillMessage"_s);
    layout->addWidget(m_message);
    m_host = new QWidget(this);
    m_host->setLayout(new QVBoxLayout);
    m_host->layout()->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_host, 1);
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &DrillView::tick);
    auto *finish = new QShortcut(ui::shortcutKey(ui::shortcut::practiceFinishDrill), this);
    finish->setContext(Qt::WidgetWithChildrenShortcut);
    connect(finish, &QShortcut::activated, this, &DrillView::askFinish);
}

DrillView::~DrillView() {
    teardown();
}

void DrillView::teardown() {
    m_timer->stop();
    setPracticeTitle(false);
    if (m_ctx.routeDevices && m_intake)
        m_ctx.routeDevices(nullptr, nullptr); // the scanner and the card reader feed the real visit again
    delete m_intakeWidget.data();
    m_intake = nullptr;
    m_intakeContext.reset();
    m_scan.reset();
    m_verifier.reset();
    m_replay.reset();
    m_queue.reset();
    m_audit.reset();
    m_sandbox.reset();
}

Status DrillView::start(const QString &drillId) {
    TrainingAttempts attempts(*m_ctx.db, *m_ctx.clock);
    if (auto open = attempts.openAttempt(m_ctx.user.id); open)
        return Error{u"attempt_open"_s,
                     tr("You have an unfinished attempt (%1): finish it first.")
                         .arg(open->drillTitle.isEmpty() ? open->drillId : open->drillTitle)};
    const QString path = sandboxPathFor(*m_ctx.db);
    auto sandbox = ScenarioSandbox::create(*m_ctx.db, path);
    if (!sandbox)
        return sandbox.error();
    sandbox.value().reset(); // opened again below, as a resume does
    auto a = ScenarioDrills(*m_ctx.db, *m_ctx.clock).start(drillId, m_ctx.user.id, path);
    if (!a) {
        QFile::remove(path);
        return a.error();
    }
    return open(a.value(), path, false);
}

Status DrillView::resume(const AttemptInfo &attempt) {
    const QString path = attempt.sandboxPath;
    if (path.isEmpty() || !QFile::exists(path))
        return Error{u"sandbox_missing"_s, tr("The practice database of this drill is gone.")};
    return open(attempt, path, false);
}

Status DrillView::open(const AttemptInfo &attempt, const QString &sandboxPath, bool) {
    teardown();
    auto s = ScenarioDrills(*m_ctx.db, *m_ctx.clock).scenario(attempt.drillId);
    if (!s)
        return s.error();
    storage::OpenOptions o;
    o.createIfMissing = false;
    auto db = storage::Database::open(sandboxPath, o);
    if (!db)
        return db.error();
    m_attempt = attempt;
    m_scenario = s.value();
    m_sandbox = std::move(db).value();
    m_audit = std::make_unique<storage::AuditLog>(*m_sandbox, *m_ctx.clock, nullptr); // never the keychain
    m_queue = std::make_unique<cases::LocalQueueService>(*m_sandbox, *m_ctx.clock, m_ctx.user.id);
    auto keys = license::LicenseKeyRepository(*m_sandbox).load();
    m_replay = std::make_unique<license::SqlReplayStore>(*m_sandbox);
    m_verifier = std::make_unique<license::El1Verifier>(keys ? keys.value() : license::KeySet{}, *m_replay,
                                                        *m_ctx.clock);
    m_scan = std::make_unique<license::LicenseScanService>(*m_verifier);
    m_intakeContext = std::make_unique<intake::IntakeContext>();
    m_intakeContext->db = m_sandbox.get();
    m_intakeContext->clock = m_ctx.clock;
    m_intakeContext->audit = m_audit.get();
    m_intakeContext->window = {m_ctx.user.id, m_ctx.user.name, tr("Practice"), m_ctx.user.hallName};
    m_intakeContext->queue = m_queue.get();
    m_intakeContext->demoHall = false;
    m_intakeContext->noticeDir = sandboxPath + u".notices"_s; // removed with the sandbox
    m_sandboxPath = sandboxPath;
    m_intakeContext->scanService = m_scan.get();
    m_intake = new intake::IntakePage(*m_intakeContext, m_host);
    m_intakeWidget = m_intake;
    if (m_ctx.routeDevices)
        m_ctx.routeDevices(m_intake, m_scan.get()); // a scan or a card placed now belongs to the drill
    m_host->layout()->addWidget(m_intake);
    m_fired = 0;
    m_finishing = false;
    m_banner->setText(bannerText());
    QStringList docs;
    for (const ScenarioDocument &d : std::as_const(m_scenario.documents))
        if (d.state != ScenarioDocument::State::Missing)
            docs.append(d.name);
    m_applicant->setText(tr("Applicant: %1 · ID %2 · phone %3\nHands over: %4")
                             .arg(m_scenario.applicantName, m_scenario.idNumber, m_scenario.phone,
                                  docs.isEmpty() ? tr("nothing") : docs.join(u'、')));
    m_says->setText(tr("The applicant says: “%1”").arg(m_scenario.brief));
    m_message->clearMessage();
    setPracticeTitle(true);
    tick();
    m_timer->start();
    // A resumed drill: the visit the trainee had begun comes back as it stood (its draft in the sandbox), not
    // as a draft to find and restore by hand. Otherwise the trainee starts where a clerk starts a visit, on
    // the applicant's name (the intake page itself takes no keys): a new visit of the fresh page.
    auto drafts = cases::DraftRepository(*m_sandbox, *m_ctx.clock).openDrafts(m_ctx.user.id);
    if (!drafts || drafts->isEmpty() || !m_intake->restoreDraft(drafts->first().id))
        m_intake->newVisit();
    return {};
}

intake::IntakePage *DrillView::intakePage() const {
    return m_intakeWidget ? m_intake : nullptr;
}

QString DrillView::bannerText() const {
    return tr("练习模式 · %1 — a practice database: real cases, drafts, sync and the audit log are not "
              "touched. "
              "%2 finishes and scores the drill.")
        .arg(m_scenario.title,
             ui::shortcutKey(ui::shortcut::practiceFinishDrill).toString(QKeySequence::NativeText));
}

QString DrillView::applicantSays() const {
    return m_says->text();
}

void DrillView::setPracticeTitle(bool on) {
    QWidget *w = window();
    if (!w || w == this)
        return;
    const QString mark = tr(" — 练习模式");
    if (on && !w->windowTitle().endsWith(mark))
        w->setWindowTitle(w->windowTitle() + mark);
    else if (!on && w->windowTitle().endsWith(mark))
        w->setWindowTitle(w->windowTitle().chopped(mark.size()));
}

void DrillView::fire(const ScenarioEvent &e) {
    switch (e.kind) {
    case ScenarioEvent::Kind::ScannerFails:
        emit m_scan->failed(
            Error{u"scanner_failed"_s, e.text.isEmpty() ? tr("the scanner does not answer") : e.text});
        m_message->showWarning(tr("Event: the scanner fails — %1").arg(e.text));
        break;
    case ScenarioEvent::Kind::QueueOffline:
        m_queue->setOnline(false);
        m_intake->refreshQueue();
        m_message->showWarning(tr("Event: the queue is offline — %1").arg(e.text));
        break;
    case ScenarioEvent::Kind::QueueOnline:
        m_queue->setOnline(true);
        m_intake->refreshQueue();
        m_message->showInfo(tr("Event: the queue is back — %1").arg(e.text));
        break;
    case ScenarioEvent::Kind::ApplicantChangesMind:
    case ScenarioEvent::Kind::Say:
        m_says->setText(tr("The applicant says: “%1”").arg(e.text));
        m_message->showInfo(tr("The applicant speaks (see above)."));
        break;
    }
}

void DrillView::tick() {
    if (m_attempt.id.isEmpty() || m_finishing || !m_intake)
        return;
    setPracticeTitle(true);
    const int elapsed = int(m_attempt.startedAt.secsTo(m_ctx.clock->nowUtc()));
    while (m_fired < m_scenario.events.size() && m_scenario.events.at(m_fired).atS <= elapsed)
        fire(m_scenario.events.at(m_fired++));
    const int left = std::max(0, m_attempt.timeLimitS - elapsed);
    m_countdown->setText(tr("Time left %1").arg(clockText(left)));
    if (m_attempt.timeLimitS > 0 && left == 0)
        finishNow(FinishReason::TimeUp);
}

void DrillView::askFinish() {
    if (m_attempt.id.isEmpty() || m_finishing)
        return;
    const auto answer = ui::DialogFacade::instance().question(
        this, tr("Finish the drill"), tr("Finish the drill now and score the case you took in?"));
    if (answer == QMessageBox::Yes)
        finishNow(FinishReason::Trainee);
}

void DrillView::finishNow(FinishReason reason) {
    if (m_finishing || !m_sandbox)
        return;
    m_finishing = true;
    m_timer->stop();
    auto c = cases::CaseRepository(*m_sandbox).lastDecidedCase();
    auto done = ScenarioDrills(*m_ctx.db, *m_ctx.clock)
                    .finish(m_attempt.id, c ? c.value() : std::optional<cases::DecidedCase>(), reason);
    if (!done) {
        m_finishing = false;
        m_message->showError(tr("The drill could not be scored: %1").arg(done.error().message));
        m_timer->start();
        return;
    }
    const QString id = m_attempt.id;
    teardown();
    ScenarioSandbox::remove(m_sandboxPath); // the drill is scored: its practice database has done its work
    m_sandboxPath.clear();
    emit finished(id);
}

} // namespace windowdesk::trainingui
