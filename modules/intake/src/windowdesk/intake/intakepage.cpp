#include "intakepage.h"
#include "acceptanceform.h"
#include "applicantsection.h"
#include "decisionpanel.h"
#include "evaluationdialog.h"
#include "evaluationplacement.h"
#include "intakelogging.h"
#include "intakewidgets.h"
#include "licensepanel.h"
#include "materialschecklist.h"
#include "mattersearch.h"
#include "noticeoutput.h"
#include "queuebar.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/core/timeformat.h>
#include <windowdesk/license/el1format.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/paths.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;
using windowdesk::cases::ApplicantField;

namespace windowdesk::intake {

namespace {
constexpr int kDraftDebounceMs = 600; // "at most ~1 s behind"

} // namespace

IntakePage::IntakePage(IntakeContext context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(std::move(context)) {
    setObjectName(u"intakePage"_s);
    if (m_ctx.queue) {
        m_queue = m_ctx.queue;
    } else {
        m_ownQueue = std::make_unique<LocalQueueService>(*m_ctx.db, *m_ctx.clock, m_ctx.window.clerkId);
        if (m_ctx.demoHall) {
            auto gen = m_ownQueue->generateDemoTickets();
            if (!gen.ok())
                qCWarning(lcIntake) << "demo tickets:" << gen.error().code;
        }
        m_queue = m_ownQueue.get();
    }
    m_cases = std::make_unique<CaseService>(*m_ctx.db, *m_ctx.clock, m_ctx.audit, m_ctx.window);
    m_drafts = std::make_unique<DraftRepository>(*m_ctx.db, *m_ctx.clock);
    m_catalogSearch = std::make_unique<storage::CatalogSearch>(*m_ctx.db);
    m_visit = new cases::IntakeVisit(this);
    m_draftTimer = new QTimer(this);
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(kDraftDebounceMs);
    connect(m_draftTimer, &QTimer::timeout, this, &IntakePage::saveDraftNow);
    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(30 * 1000);
    connect(m_clockTimer, &QTimer::timeout, this, &IntakePage::refreshQueue);
    m_clockTimer->start();
    buildUi();
    clearVisit();
    refreshQueue();
}

IntakePage::~IntakePage() {
    if (m_draftTimer->isActive())
        saveDraftNow();
}

QDate IntakePage::today() const {
    return m_ctx.clock->todayCst();
}

void IntakePage::buildUi() {
    m_wheelGuard = new ComboWheelGuard(this);
    auto *root = new QVBoxLayout(this);
    m_message = new ui::MessageBar(this);
    m_message->setObjectName(u"intakeMessage"_s);
    root->addWidget(m_message);
    root->addWidget(buildRestoreBar());
    m_queueBar = buildQueueBar();
    root->addWidget(m_queueBar);

    auto *columns = new QHBoxLayout;
    root->addLayout(columns, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *left = new QWidget(scroll);
    auto *ll = new QVBoxLayout(left);
    scroll->setWidget(left);
    columns->addWidget(scroll, 3);
    // At 768 px high most of the form is below the fold: a field the page focuses (the first one still
    // empty after a matter is chosen) is scrolled into view, not only the ones reached with Tab.
    connect(qApp, &QApplication::focusChanged, scroll, [scroll, left](QWidget *, QWidget *now) {
        if (now && left->isAncestorOf(now))
            scroll->ensureWidgetVisible(now);
    });

    m_applicant = new ApplicantSection(
        *m_visit, *m_ctx.clock, [this](const QString &key) { return m_cases->findReturningApplicant(key); },
        this, m_wheelGuard, left);
    connect(m_applicant, &ApplicantSection::kindChanged, this, &IntakePage::rebuildTabOrder);
    connect(m_applicant, &ApplicantSection::info, m_message, &ui::MessageBar::showInfo);
    ll->addWidget(m_applicant);
    m_matterSearch = new MatterSearch(*m_visit, *m_ctx.db, *m_catalogSearch, m_ctx.window.windowNo, left);
    connect(m_matterSearch, &MatterSearch::chosen, this, &IntakePage::startMatter);
    scopedShortcut(this, ui::shortcutKey(ui::shortcut::findMatter), [this] { focusMatterSearch(); });
    ll->addWidget(m_matterSearch);
    m_form = new AcceptanceForm(*m_visit, m_wheelGuard, left);
    ll->addWidget(m_form);
    m_materials = new MaterialsChecklist(*m_visit, m_wheelGuard, left);
    ll->addWidget(m_materials);
    scopedShortcut(this, ui::shortcutKey(ui::shortcut::markPaper), [this] { markUnmarkedPaper(); });
    // The license panel: scans (scanner, serial, paste) are shown there and put on the visit's material.
    m_licensePanel = new LicensePanel(*m_visit, m_message, m_ctx, left);
    connect(this, &IntakePage::caseCommitted, m_licensePanel, &LicensePanel::onCaseCommitted);
    connect(m_licensePanel, &LicensePanel::saveDraftRequested, this, &IntakePage::saveDraftNow);
    ll->addWidget(m_licensePanel);
    ll->addStretch(1);

    m_decision = new DecisionPanel(
        *m_visit, [this](const Matter &m) { return m_cases->dueDatesToday(m); }, this, m_wheelGuard, this);
    connect(m_decision, &DecisionPanel::confirmRequested, this, &IntakePage::decide);
    connect(m_decision, &DecisionPanel::printRequested, this, &IntakePage::printLastNotice);
    connect(m_decision, &DecisionPanel::newVisitRequested, this, &IntakePage::newVisit);
    columns->addWidget(m_decision, 1);

    // After the sections: they have rebuilt their editors when the page orders them.
    connect(m_visit, &cases::IntakeVisit::matterChanged, this, &IntakePage::rebuildTabOrder);
    connect(m_visit, &cases::IntakeVisit::changed, this, &IntakePage::onVisitChanged);
}

QWidget *IntakePage::buildRestoreBar() {
    // Unfinished drafts after a crash or a closed window.
    m_restoreBar = new QWidget(this);
    m_restoreBar->setObjectName(u"restoreBar"_s);
    auto *rb = new QHBoxLayout(m_restoreBar);
    rb->setContentsMargins(0, 0, 0, 0);
    rb->addWidget(new QLabel(tr("Unfinished drafts:"), m_restoreBar));
    m_restoreList = new QComboBox(m_restoreBar);
    m_restoreList->setObjectName(u"restoreList"_s);
    // Entries (time · name · ticket) must not set the page's minimum width; the row stretches to show them.
    m_restoreList->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_restoreList->setMinimumContentsLength(24);
    m_restoreList->installEventFilter(m_wheelGuard);
    rb->addWidget(m_restoreList, 1);
    auto *restore = actionButton(m_restoreBar, u"restoreDraftButton"_s, tr("Restore"), {});
    auto *discard = actionButton(m_restoreBar, u"discardDraftButton"_s, tr("Discard"), {});
    rb->addWidget(restore);
    rb->addWidget(discard);
    connect(restore, &QPushButton::clicked, this, [this] {
        if (m_restoreList->currentIndex() >= 0)
            restoreDraft(m_restoreList->currentData().toString());
    });
    connect(discard, &QPushButton::clicked, this, [this] {
        if (m_restoreList->currentIndex() < 0)
            return;
        (void)m_drafts->discard(m_restoreList->currentData().toString());
        m_restoreList->removeItem(m_restoreList->currentIndex());
        m_restoreBar->setVisible(m_restoreList->count() > 0);
    });
    auto open = m_drafts->openDrafts(m_ctx.window.clerkId);
    if (open.ok())
        for (const auto &s : open.value()) {
            const QString who = s.draft.applicant.name.isEmpty() ? tr("(no name)") : s.draft.applicant.name;
            m_restoreList->addItem(
                u"%1 · %2 · %3"_s.arg(core::displayTime(s.updatedAt), who, s.draft.ticketNo), s.id);
        }
    m_restoreBar->setVisible(m_restoreList->count() > 0);
    return m_restoreBar;
}

QueueBar *IntakePage::buildQueueBar() {
    QueueBar::Hooks hooks;
    hooks.newVisit = [this] {
        newVisit();
    };
    hooks.heldVisit = [this] {
        saveDraftNow();
        m_visit->setTicket(std::nullopt);
        clearVisit();
    };
    hooks.restoreTicketDraft = [this](qint64 ticketId) {
        restoreTicketDraft(ticketId);
    };
    hooks.focusApplicant = [this] {
        m_applicant->focusName();
    };
    return new QueueBar(*m_queue, *m_visit, m_message, *m_ctx.clock, m_ctx.window.windowNo, std::move(hooks),
                        this, m_wheelGuard, this);
}

void IntakePage::rebuildTabOrder() {
    // As the fields are shown, top to bottom: nothing visible is skipped.
    QList<QWidget *> order = m_applicant->tabOrder();
    order << m_matterSearch->searchField();
    order << m_form->tabOrder() << m_materials->tabOrder() << m_decision->tabOrder();
    for (int i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order[i - 1], order[i]);
}

void IntakePage::takeIdCard(const CardReading &card) {
    const QString warning = m_applicant->fillFromCard(card);
    if (m_ctx.audit) {
        const Status audited = m_ctx.audit->append(
            {m_ctx.window.clerkId, u"id_card_read"_s, core::maskIdNumber(card.idNumber.trimmed().toUpper()),
             QJsonObject{{u"window_no"_s, m_ctx.window.windowNo}, {u"photo"_s, !card.photo.isEmpty()}}});
        if (!audited.ok())
            qCWarning(lcIntake) << "card read not audited:" << audited.error().code;
    }
    if (warning.isEmpty())
        m_message->showInfo(tr("Applicant read from the ID card — compare the photo with the person."));
    else
        m_message->showWarning(warning);
}

bool IntakePage::startMatter(const QString &code, bool bundle) {
    storage::CatalogRepository catalog(*m_ctx.db);
    auto m = bundle ? Matter::loadBundle(catalog, code) : Matter::loadItem(catalog, code);
    if (!m.ok()) {
        m_message->showError(tr("This matter cannot be loaded from the catalog."));
        return false;
    }
    if (!m->isBundle())
        (void)m_catalogSearch->recordUse(m_ctx.window.windowNo, code, *m_ctx.clock);
    // A matter only for legal persons asks for the entity: the applicant section follows.
    if (m->legalPersonOnly() && !m_visit->isEntity()) {
        m_visit->setApplicantValue(ApplicantField::Kind, u"entity"_s);
        m_message->showInfo(tr("This matter is for legal persons: enter the entity and its USCC."));
    }
    m_visit->setMatter(m.value());
    // Straight on to the first field the clerk still has to fill.
    m_form->focusFirstEmpty();
    return true;
}

void IntakePage::applyDraft(const IntakeDraft &d) {
    m_loading = true;
    storage::CatalogRepository catalog(*m_ctx.db);
    Matter matter;
    if (!d.bundleCode.isEmpty() || !d.itemCode.isEmpty()) {
        auto m = !d.bundleCode.isEmpty() ? Matter::loadBundle(catalog, d.bundleCode)
                                         : Matter::loadItem(catalog, d.itemCode);
        if (m.ok())
            matter = m.value();
    }
    m_visit->load(d, matter);
    m_loading = false;
    updateFieldErrors(false);
    m_decision->refresh();
}

bool IntakePage::restoreDraft(const QString &draftId) {
    auto d = m_drafts->load(draftId);
    if (!d.ok()) {
        m_message->showError(tr("The draft cannot be restored."));
        return false;
    }
    std::optional<Ticket> ticket;
    if (d->ticketId > 0 && m_ownQueue) {
        auto t = m_ownQueue->ticket(d->ticketId);
        if (t.ok())
            ticket = t.value();
    }
    applyDraft(d.value());
    m_visit->setTicket(ticket);
    const int idx = m_restoreList->findData(draftId);
    if (idx >= 0)
        m_restoreList->removeItem(idx);
    m_restoreBar->setVisible(m_restoreList->count() > 0);
    m_message->showInfo(tr("Draft restored."));
    return true;
}

void IntakePage::restoreTicketDraft(qint64 ticketId) {
    std::optional<IntakeDraft> draft;
    auto drafts = m_drafts->openDrafts(m_ctx.window.clerkId);
    if (drafts.ok())
        for (const auto &s : drafts.value())
            if (s.draft.ticketId == ticketId) {
                draft = s.draft;
                break;
            }
    if (!m_visit->isEmpty())
        newVisit();
    if (draft)
        applyDraft(*draft);
}

void IntakePage::saveDraftNow() {
    m_draftTimer->stop();
    const IntakeDraft d = m_visit->draft();
    if (d.isEmpty())
        return;
    if (auto st = m_drafts->save(m_ctx.window.clerkId, d); !st.ok())
        m_message->showError(tr("The draft could not be saved: %1").arg(st.error().message));
}

void IntakePage::onVisitChanged() {
    if (m_loading)
        return;
    m_draftTimer->start();
    updateFieldErrors(m_showRequired);
    m_decision->refresh();
}

void IntakePage::updateFieldErrors(bool showRequired) {
    const IntakeDraft d = m_visit->draft();
    const Matter &matter = m_visit->matter();
    const FieldProblems p = showRequired ? CaseService::decisionProblems(matter, d, d.decision, today())
                                         : CaseService::fieldProblems(matter, d, today());
    auto shown = [&](const QString &key) -> QString {
        const QString msg = p.value(key);
        // Before a decision is attempted, an empty required field is not yet an error.
        if (!showRequired && msg == CaseService::tr("Required"))
            return {};
        return msg;
    };
    for (const auto &f : matter.fields)
        m_form->setError(f.key, shown(u"form."_s + f.key));
    for (const auto &m : matter.materials)
        m_materials->setError(m.key, shown(u"material."_s + m.key));
    const bool phoneShown = m_applicant->phoneEntered() || showRequired;
    m_applicant->setPhoneError(phoneShown ? shown(u"applicant.phone"_s) : QString());
}

void IntakePage::markUnmarkedPaper() {
    m_visit->markUnmarkedPaper();
    onVisitChanged();
}

void IntakePage::focusMatterSearch() {
    m_matterSearch->focusSearch();
}

QString IntakePage::problemPlace(const QString &key) const {
    // The field as the clerk sees it named on the page, never the key.
    const Matter &matter = m_visit->matter();
    if (key.startsWith(u"form."_s)) {
        for (const auto &f : matter.fields)
            if (u"form."_s + f.key == key)
                return f.label;
        return tr("Acceptance form");
    }
    if (key.startsWith(u"material."_s)) {
        if (const MatterMaterial *m = matter.material(key.mid(9)))
            return m->material.name;
        return tr("Materials");
    }
    static const QHash<QString, const char *> names{
        {u"applicant.kind"_s, QT_TR_NOOP("Applicant kind")},
        {u"applicant.name"_s, QT_TR_NOOP("Name")},
        {u"applicant.id_type"_s, QT_TR_NOOP("ID type")},
        {u"applicant.id_number"_s, QT_TR_NOOP("ID number")},
        {u"applicant.phone"_s, QT_TR_NOOP("Phone")},
        {u"applicant.entity_name"_s, QT_TR_NOOP("Entity name")},
        {u"applicant.uscc"_s, QT_TR_NOOP("Unified social credit code")},
        {u"decision"_s, QT_TR_NOOP("Decision")},
        {u"decision_reason"_s, QT_TR_NOOP("Reason")},
        {u"decision_basis"_s, QT_TR_NOOP("Legal basis")},
        {u"matter"_s, QT_TR_NOOP("Matter")},
        {u"materials"_s, QT_TR_NOOP("Materials")},
    };
    if (const char *n = names.value(key))
        return tr(n);
    return key.startsWith(u"applicant."_s) ? tr("Applicant") : tr("Decision");
}

QWidget *IntakePage::problemWidget(const QString &key) const {
    if (key.startsWith(u"form."_s))
        return m_form->editor(key.mid(5));
    if (key.startsWith(u"material."_s))
        return m_materials->statusBox(key.mid(9));
    if (const ApplicantField f = cases::applicantFieldOfProblemKey(key); f != ApplicantField::None)
        if (QWidget *editor = m_applicant->editor(f))
            return editor;
    if (key == u"matter"_s)
        return m_matterSearch->searchField();
    if (key == u"decision"_s || key == u"decision_reason"_s || key == u"decision_basis"_s ||
        key == u"materials"_s)
        return m_decision->editor(key);
    return nullptr;
}

void IntakePage::decide() {
    m_visit->exchangeLinkedValues();
    const IntakeDraft d = m_visit->draft();
    const Matter matter = m_visit->matter();
    const FieldProblems problems = CaseService::decisionProblems(matter, d, d.decision, today());
    if (!problems.isEmpty()) {
        m_showRequired = true;
        updateFieldErrors(true);
        m_applicant->setPhoneError(problems.value(u"applicant.phone"_s));
        QStringList lines;
        for (auto it = problems.cbegin(); it != problems.cend(); ++it)
            lines << u"%1: %2"_s.arg(problemPlace(it.key()), it.value());
        m_decision->setProblems(lines.join(u'\n'));
        m_message->showWarning(
            tr("The decision cannot be taken yet: %n problem(s).", nullptr, int(problems.size())));
        // Focus the first widget to fix.
        if (QWidget *target = problemWidget(problems.firstKey()))
            target->setFocus();
        return;
    }
    m_decision->setProblems(QString());
    m_draftTimer->stop();
    // The e-licenses attached to this case's materials (their scans, kept in the draft's marks) are linked to
    // it inside the submit transaction.
    auto submitted = m_cases->submit(matter, d, d.licenseSeenIds());
    if (!submitted.ok()) {
        // Nothing was written: the draft stays, the clerk can try again.
        m_message->showError(tr("Not saved: %1").arg(submitted.error().message));
        saveDraftNow();
        return;
    }
    // COMMIT has returned: now the case is saved.
    m_lastCaseLocalId = submitted->localId;
    m_lastDecision = d.decision;
    writeNotices(submitted.value(), d);
    ++m_visits;
    emit caseCommitted(submitted->localId);
    openEvaluation(submitted->localId, d.ticketNo);
}

void IntakePage::writeNotices(const SubmittedCase &submitted, const IntakeDraft &d) {
    const QString dir = NoticeOutput::directory(m_ctx.noticeDir);
    const bool commitment = std::any_of(d.materials.cbegin(), d.materials.cend(), [](const auto &m) {
        return core::is(m.status, core::MaterialStatus::Commitment);
    });
    const WrittenNotices w =
        NoticeOutput::writeForDecision(*m_ctx.db, submitted.localId, d.decision, commitment, dir,
                                       m_ctx.window.hallName, m_ctx.window.clerkName);
    m_lastNotices = w.paths;
    const QStringList &failed = w.failed, &printed = w.printed, &notPrinted = w.notPrinted;
    const QString label = CaseService::decisionLabel(d.decision);
    if (failed.isEmpty() && notPrinted.isEmpty()) {
        m_message->showInfo(
            printed.isEmpty()
                ? tr("Saved: %1. Notice saved as PDF in %2 (Ctrl+P to print).")
                      .arg(label, QDir::toNativeSeparators(dir))
                : tr("Saved: %1. Printed: %2; also saved as PDF in %3 (Ctrl+P prints again, with preview).")
                      .arg(label, printed.join(u", "_s), QDir::toNativeSeparators(dir)));
        m_message->setAction(tr("Open folder"), [dir] { ui::openFolder(dir); });
    } else if (failed.isEmpty()) {
        m_message->showWarning(tr("Saved: %1, but the printer refused %2: Ctrl+P to print with preview.")
                                   .arg(label, notPrinted.join(u", "_s)));
    } else {
        m_message->showWarning(
            tr("Saved: %1, but the notice could not be written: %2").arg(label, failed.join(u", "_s)));
    }
}

void IntakePage::openEvaluation(const QString &caseLocalId, const QString &ticketNo) {
    // The evaluation panel for the citizen-facing screen.
    auto *service = new EvaluationService(*m_ctx.db, *m_ctx.clock);
    EvaluationInput base;
    base.caseLocalId = caseLocalId;
    base.ticketNo = ticketNo;
    base.windowNo = m_ctx.window.windowNo;
    base.clerkId = m_ctx.window.clerkId;
    if (m_evaluation)
        m_evaluation->close();
    m_evaluation = new EvaluationDialog(*service, base, this);
    m_evaluation->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_evaluation, &QObject::destroyed, this, [service] { delete service; });
    connect(m_evaluation, &EvaluationDialog::submitted, this, [this](const QString &, int level) {
        m_message->showInfo(tr("Evaluation received: %1").arg(level));
        // The citizen has rated: the keyboard is the clerk's again, on the next applicant's name.
        if (isVisible()) {
            window()->activateWindow();
            m_applicant->editor(ApplicantField::Name)->setFocus(Qt::OtherFocusReason);
        }
    });
    clearVisit();
    // The keyboard goes to the evaluation until the citizen has rated: a `5` typed for it must never land in
    // the next applicant's name. It opens full screen on the citizen's screen when one is chosen, else
    // centred on the clerk's; a chosen screen that is gone is said, after what the submit said.
    const auto setting =
        storage::settingValue(*m_ctx.db, QString::fromLatin1(storage::settingkey::evaluationScreen));
    const QString screen = setting.ok() ? setting.value() : QString();
    if (placeEvaluationWindow(m_evaluation, window(), screen).chosenScreenMissing)
        m_message->showWarning(tr("%1 The citizen's screen %2 is not connected: the evaluation opens on this "
                                  "screen. Choose the screen again in Settings (Ctrl+,).")
                                   .arg(m_message->text(), screen)
                                   .trimmed());
    m_evaluation->show();
    m_evaluation->raise();
    m_evaluation->activateWindow();
    m_evaluation->setFocus(Qt::OtherFocusReason);
}

void IntakePage::clearVisit() {
    m_loading = true;
    m_showRequired = false;
    m_visit->reset();
    m_matterSearch->clear();
    m_decision->setProblems(QString());
    m_loading = false;
    m_decision->refresh();
    m_applicant->focusName();
}

void IntakePage::newVisit() {
    saveDraftNow();
    clearVisit();
    m_message->clearMessage(); // the last visit's messages are not this one's
}

void IntakePage::printLastNotice() {
    if (m_lastCaseLocalId.isEmpty()) {
        m_message->showWarning(tr("No notice to print yet."));
        return;
    }
    // The notice of the last case's decision, as it was written after the submit.
    auto data = NoticeRenderer::loadCase(*m_ctx.db, m_lastCaseLocalId, NoticeOutput::kindFor(m_lastDecision),
                                         m_ctx.window.hallName, m_ctx.window.clerkName);
    if (!data.ok()) {
        m_message->showError(data.error().message);
        return;
    }
    // Printing again (or the first time, when the hall prints with a preview): the preview, on the hall's
    // printer and paper for this kind.
    const NoticeKind kind = NoticeOutput::kindFor(m_lastDecision);
    NoticeOutput::preview(this, data.value(), NoticeOutput::printSetup(*m_ctx.db, kind));
}

// ── Queue (the queue bar's) ──────────────────────────────────────────────

void IntakePage::refreshQueue() {
    m_queueBar->refresh();
}
void IntakePage::callNext() {
    m_queueBar->callNext();
}
void IntakePage::recall() {
    m_queueBar->recall();
}
void IntakePage::startServing() {
    m_queueBar->startServing();
}
void IntakePage::finishTicket() {
    m_queueBar->finishTicket();
}
void IntakePage::noShow() {
    m_queueBar->noShow();
}
void IntakePage::holdTicket() {
    m_queueBar->holdTicket();
}
void IntakePage::holdCurrentTicket(std::function<void(bool held)> done) {
    m_queueBar->holdCurrentTicket(std::move(done));
}
void IntakePage::resumeHeld() {
    m_queueBar->resumeHeld();
}
void IntakePage::transferTicket() {
    m_queueBar->transferTicket();
}
void IntakePage::serveWalkIn() {
    m_queueBar->serveWalkIn();
}

bool IntakePage::hasOpenWork() const {
    return m_visit->ticketOpen() || !m_visit->isEmpty();
}

Result<QString> IntakePage::attachLicense(const license::El1Claims &claims) {
    return m_licensePanel->attach(claims);
}

} // namespace windowdesk::intake
