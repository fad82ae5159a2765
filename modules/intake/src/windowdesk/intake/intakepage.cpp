#include "intakepage.h"
#include "catalogsearchhint.h"
#include "evaluationdialog.h"
#include "intakelogging.h"
#include "licensepanel.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/core/licenseholder.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/core/timeformat.h>
#include <windowdesk/license/el1format.h>
#include <windowdesk/license/el1verifier.h>
#include <windowdesk/license/licensescanservice.h>
#include <windowdesk/license/licensetypes.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/paths.h>
#include <windowdesk/ui/shortcuts.h>

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {
constexpr int kDraftDebounceMs = 600; // "at most ~1 s behind"
constexpr int kRoleKind = Qt::UserRole;
constexpr int kRoleCode = Qt::UserRole + 1;

QPushButton *actionButton(QWidget *parent, const QString &name, const QString &text,
                          const QKeySequence &key) {
    auto *b = new QPushButton(
        key.isEmpty() ? text : u"%1 (%2)"_s.arg(text, key.toString(QKeySequence::NativeText)), parent);
    b->setObjectName(name);
    b->setToolTip(key.isEmpty() ? text : u"%1 — %2"_s.arg(text, key.toString(QKeySequence::NativeText)));
    b->setAccessibleName(b->toolTip()); // a screen reader names the key too
    b->setFocusPolicy(Qt::NoFocus);     // buttons are reached by their shortcuts; Tab walks the form only
    return b;
}

QLabel *errorLabel(QWidget *parent, const QString &name) {
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setStyleSheet(u"color: #b3261e;"_s);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->hide();
    return l;
}

void setError(QLabel *l, const QString &text) {
    if (!l)
        return;
    l->setText(text);
    l->setVisible(!text.isEmpty());
}

// The wheel over a closed combo box scrolls the page (its parents) instead of changing the value: a clerk
// scrolling the long form must not change a field by passing over it. An open popup still scrolls.
class ComboWheelGuard : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() != QEvent::Wheel)
            return QObject::eventFilter(watched, event);
        auto *combo = qobject_cast<QComboBox *>(watched);
        if (!combo || (combo->view() && combo->view()->isVisible()))
            return QObject::eventFilter(watched, event);
        // To the scroll bar of the scroll area around it, as QAbstractScrollArea itself does (a wheel event
        // only ignored here would not reach it: QApplication does not pass on synthesized ones).
        const auto *w = static_cast<QWheelEvent *>(event);
        for (QWidget *p = combo->parentWidget(); p; p = p->parentWidget()) {
            if (auto *area = qobject_cast<QAbstractScrollArea *>(p)) {
                const bool horizontal = qAbs(w->angleDelta().x()) > qAbs(w->angleDelta().y());
                QScrollBar *bar = horizontal ? area->horizontalScrollBar() : area->verticalScrollBar();
                QWheelEvent copy(bar->mapFromGlobal(w->globalPosition()), w->globalPosition(),
                                 w->pixelDelta(), w->angleDelta(), w->buttons(), w->modifiers(), w->phase(),
                                 w->inverted(), w->source(), w->pointingDevice());
                QCoreApplication::sendEvent(bar, &copy);
                return true;
            }
        }
        event->ignore();
        return true;
    }
};

QString displayDate(const std::optional<core::DueDate> &d) {
    if (!d)
        return u"—"_s;
    return d->date.toString(Qt::ISODate) + (d->provisional ? u"*"_s : QString());
}
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
    root->addWidget(m_restoreBar);
    {
        auto open = m_drafts->openDrafts(m_ctx.window.clerkId);
        if (open.ok())
            for (const auto &s : open.value()) {
                const QString who =
                    s.draft.applicant.name.isEmpty() ? tr("(no name)") : s.draft.applicant.name;
                m_restoreList->addItem(
                    u"%1 · %2 · %3"_s.arg(core::displayTime(s.updatedAt), who, s.draft.ticketNo), s.id);
            }
        m_restoreBar->setVisible(m_restoreList->count() > 0);
    }

    // Queue strip.
    auto *queueBox = new QGroupBox(tr("Queue"), this);
    auto *ql = new QVBoxLayout(queueBox);
    auto *qtop = new QHBoxLayout;
    m_ticketLabel = new QLabel(queueBox);
    m_ticketLabel->setObjectName(u"currentTicket"_s);
    QFont tf = m_ticketLabel->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    m_ticketLabel->setFont(tf);
    // Wrapped rather than widening the page (category names come from the hall's data).
    m_ticketLabel->setWordWrap(true);
    qtop->addWidget(m_ticketLabel, 1);
    m_queueState = new QLabel(queueBox);
    m_queueState->setObjectName(u"queueState"_s);
    qtop->addWidget(m_queueState);
    ql->addLayout(qtop);
    // The actions in two rows, each with its full text and key: in one row they made the page ~1600 px
    // wide, and hall PCs run 1366×768. The first row is the ticket's normal path, the second the exceptions.
    auto *qrow1 = new QHBoxLayout;
    auto *qrow2 = new QHBoxLayout;
    struct Act {
        const char16_t *name;
        QString text;
        QKeySequence key;
        void (IntakePage::*slot)();
        QHBoxLayout *row;
    };
    const QList<Act> acts{
        {u"callNextButton", tr("Call next"), ui::shortcutKey(ui::shortcut::callNext), &IntakePage::callNext, qrow1},
        {u"recallButton", tr("Recall"), ui::shortcutKey(ui::shortcut::recall), &IntakePage::recall, qrow1},
        {u"startButton", tr("Start"), ui::shortcutKey(ui::shortcut::startServing), &IntakePage::startServing,
         qrow1},
        {u"doneButton", tr("Done"), ui::shortcutKey(ui::shortcut::finishTicket), &IntakePage::finishTicket, qrow1},
        {u"noShowButton", tr("No-show"), ui::shortcutKey(ui::shortcut::noShow), &IntakePage::noShow, qrow1},
        {u"holdButton", tr("Hold"), ui::shortcutKey(ui::shortcut::holdTicket), &IntakePage::holdTicket, qrow2},
        {u"resumeButton", tr("Resume held"), ui::shortcutKey(ui::shortcut::resumeHeld), &IntakePage::resumeHeld,
         qrow2},
        {u"transferButton", tr("Transfer"), ui::shortcutKey(ui::shortcut::transferTicket),
         &IntakePage::transferTicket, qrow2},
        {u"walkInButton", tr("Walk-in"), ui::shortcutKey(ui::shortcut::walkIn), &IntakePage::serveWalkIn, qrow2}};
    for (const Act &a : acts) {
        auto *b = actionButton(queueBox, QString::fromUtf16(a.name), a.text, a.key);
        connect(b, &QPushButton::clicked, this, a.slot);
        auto *sc = new QShortcut(a.key, this);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, this, a.slot);
        a.row->addWidget(b);
        if (QString::fromUtf16(a.name) == u"transferButton"_s) {
            m_transferTo = new QComboBox(queueBox);
            m_transferTo->setObjectName(u"transferCategory"_s);
            m_transferTo->setFocusPolicy(Qt::ClickFocus);
            m_transferTo->setAccessibleName(tr("Transfer to"));
            m_transferTo->installEventFilter(m_wheelGuard);
            for (const auto &c : m_queue->categories())
                m_transferTo->addItem(c.name, c.name);
            // Category names come from the hall's data: the box is as wide as the longest one.
            m_transferTo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
            m_transferTo->setMinimumContentsLength(6);
            m_transferTo->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
            a.row->addWidget(m_transferTo);
        }
    }
    qrow1->addStretch(1);
    qrow2->addStretch(1);
    ql->addLayout(qrow1);
    ql->addLayout(qrow2);
    m_queueStrip = new QLabel(queueBox);
    m_queueStrip->setObjectName(u"queueStrip"_s);
    m_queueStrip->setTextFormat(Qt::PlainText);
    m_queueStrip->setWordWrap(true);
    ql->addWidget(m_queueStrip);
    root->addWidget(queueBox);

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

    // Applicant.
    auto *applicant = new QGroupBox(tr("Applicant"), left);
    auto *af = new QFormLayout(applicant);
    m_kind = new QComboBox(applicant);
    m_kind->setObjectName(u"applicantKind"_s);
    m_kind->addItem(tr("Natural person"), u"person"_s);
    m_kind->addItem(tr("Legal person / organisation"), u"entity"_s);
    // In the Tab order as shown (kind, entity, ID type, name, ...): the clerk starts on the name, so the
    // fields above it cost no keystroke on the usual visit, and Tab never jumps over a visible field.
    m_kind->setFocusPolicy(Qt::StrongFocus);
    m_kind->installEventFilter(m_wheelGuard);
    af->addRow(ui::withShortcut(tr("Kind"), ui::shortcut::applicantKind), m_kind);
    auto *kindKey = new QShortcut(ui::shortcutKey(ui::shortcut::applicantKind), this);
    kindKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(kindKey, &QShortcut::activated, this,
            [this] { m_kind->setCurrentIndex(1 - m_kind->currentIndex()); });
    m_entityBox = new QWidget(applicant);
    auto *ef = new QFormLayout(m_entityBox);
    ef->setContentsMargins(0, 0, 0, 0);
    m_entityName = new QLineEdit(m_entityBox);
    m_entityName->setObjectName(u"entityName"_s);
    m_entityName->setMaxLength(200);
    ef->addRow(tr("Entity name"), m_entityName);
    m_uscc = new QLineEdit(m_entityBox);
    m_uscc->setObjectName(u"entityUscc"_s);
    m_uscc->setMaxLength(40);
    m_usccError = errorLabel(m_entityBox, u"error_uscc"_s);
    ef->addRow(tr("Unified social credit code"), m_uscc);
    ef->addRow(QString(), m_usccError);
    af->addRow(m_entityBox);
    m_idType = new QComboBox(applicant);
    m_idType->setObjectName(u"applicantIdType"_s);
    m_idType->setFocusPolicy(Qt::StrongFocus); // reached by Tab (Shift+Tab from the name)
    m_idType->installEventFilter(m_wheelGuard);
    m_idType->addItem(tr("Resident ID card"), u"resident_id"_s);
    m_idType->addItem(tr("Hong Kong/Macao permit"), u"hk_macao_permit"_s);
    m_idType->addItem(tr("Taiwan permit"), u"taiwan_permit"_s);
    m_idType->addItem(tr("Foreign permanent residence"), u"foreign_permanent_residence"_s);
    m_idType->addItem(tr("Passport"), u"passport"_s);
    af->addRow(tr("ID type"), m_idType);
    m_name = new QLineEdit(applicant);
    m_name->setObjectName(u"applicantName"_s);
    m_name->setMaxLength(50);
    af->addRow(tr("Name (legal representative for an entity)"), m_name);
    m_idNumber = new QLineEdit(applicant);
    m_idNumber->setObjectName(u"applicantIdNumber"_s);
    m_idNumber->setMaxLength(40);
    af->addRow(tr("ID number"), m_idNumber);
    m_idInfo = new QLabel(applicant);
    m_idInfo->setObjectName(u"applicantIdInfo"_s);
    m_idInfo->setTextFormat(Qt::PlainText);
    af->addRow(QString(), m_idInfo);
    m_phone = new QLineEdit(applicant);
    m_phone->setObjectName(u"applicantPhone"_s);
    m_phone->setMaxLength(20);
    af->addRow(tr("Phone"), m_phone);
    m_phoneError = errorLabel(applicant, u"error_phone"_s);
    af->addRow(QString(), m_phoneError);
    ll->addWidget(applicant);

    // Matter.
    auto *matterBox = new QGroupBox(tr("Matter (Ctrl+F)"), left);
    auto *ml = new QVBoxLayout(matterBox);
    m_search = new QLineEdit(matterBox);
    m_search->setObjectName(u"matterSearch"_s);
    m_search->setPlaceholderText(
        tr("Search items and bundles: name, pinyin initials or code; Enter takes the first"));
    m_search->setMaxLength(storage::CatalogSearch::kMaxQueryLength);
    m_search->installEventFilter(this);
    ml->addWidget(m_search);
    m_results = new QListWidget(matterBox);
    m_results->setObjectName(u"matterResults"_s);
    m_results->setFocusPolicy(Qt::NoFocus);
    m_results->setMaximumHeight(80);
    ml->addWidget(m_results);
    m_noResults = new QLabel(matterBox);
    m_noResults->setObjectName(u"matterNoResults"_s);
    m_noResults->setTextFormat(Qt::PlainText);
    m_noResults->setWordWrap(true);
    m_noResults->hide();
    ml->addWidget(m_noResults);
    m_matterLabel = new QLabel(matterBox);
    m_matterLabel->setObjectName(u"matterName"_s);
    m_matterLabel->setTextFormat(Qt::PlainText);
    m_matterLabel->setWordWrap(true);
    ml->addWidget(m_matterLabel);
    ll->addWidget(matterBox);
    auto *find = new QShortcut(ui::shortcutKey(ui::shortcut::findMatter), this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, &IntakePage::focusMatterSearch);
    connect(m_search, &QLineEdit::textChanged, this, &IntakePage::onSearchTextChanged);
    connect(m_search, &QLineEdit::returnPressed, this,
            [this] { chooseMatter(std::max(0, m_results->currentRow())); });
    connect(m_results, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *it) { chooseMatter(m_results->row(it)); });

    // The unified acceptance form.
    auto *formBox = new QGroupBox(tr("Acceptance form"), left);
    auto *fl = new QVBoxLayout(formBox);
    m_formArea = new QWidget(formBox);
    m_formArea->setObjectName(u"formArea"_s);
    m_formLayout = new QFormLayout(m_formArea);
    fl->addWidget(m_formArea);
    ll->addWidget(formBox);

    // Materials checklist.
    auto *matBox = new QGroupBox(tr("Materials (Ctrl+M marks the unmarked ones as paper)"), left);
    auto *mvl = new QVBoxLayout(matBox);
    m_materialsArea = new QWidget(matBox);
    m_materialsArea->setObjectName(u"materialsArea"_s);
    m_materialsLayout = new QVBoxLayout(m_materialsArea);
    mvl->addWidget(m_materialsArea);
    ll->addWidget(matBox);
    // The license panel: scans (scanner, serial, paste) are shown there and attached through attachLicense.
    m_licensePanel = new LicensePanel(this, m_ctx, left);
    ll->addWidget(m_licensePanel);
    connect(this, &IntakePage::caseCommitted, m_licensePanel, &LicensePanel::onCaseCommitted);
    ll->addStretch(1);
    auto *markAll = new QShortcut(ui::shortcutKey(ui::shortcut::markPaper), this);
    markAll->setContext(Qt::WidgetWithChildrenShortcut);
    connect(markAll, &QShortcut::activated, this, &IntakePage::markUnmarkedPaper);

    // Decision panel.
    auto *decisionBox = new QGroupBox(tr("Decision"), this);
    decisionBox->setObjectName(u"decisionPanel"_s);
    auto *dl = new QVBoxLayout(decisionBox);
    m_decision = new QComboBox(decisionBox);
    m_decision->setObjectName(u"decision"_s);
    m_decision->installEventFilter(m_wheelGuard);
    m_decision->addItem(tr("Accept (受理) — Alt+1"), u"accepted"_s);
    m_decision->addItem(tr("Correction notice (一次性告知补正) — Alt+2"), u"correction_required"_s);
    m_decision->addItem(tr("Refuse (不予受理) — Alt+3"), u"rejected"_s);
    dl->addWidget(m_decision);
    const char *const decisionKeys[] = {ui::shortcut::decisionAccept, ui::shortcut::decisionCorrection,
                                        ui::shortcut::decisionRefuse};
    for (int i = 0; i < 3; ++i) {
        auto *sc = new QShortcut(ui::shortcutKey(decisionKeys[i]), this);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, this, [this, i] { m_decision->setCurrentIndex(i); });
    }
    dl->addWidget(new QLabel(tr("Reason"), decisionBox));
    m_reason = new QLineEdit(decisionBox);
    m_reason->setObjectName(u"decisionReason"_s);
    m_reason->setMaxLength(500);
    dl->addWidget(m_reason);
    dl->addWidget(new QLabel(tr("Legal basis (refusal)"), decisionBox));
    m_basis = new QLineEdit(decisionBox);
    m_basis->setObjectName(u"decisionBasis"_s);
    m_basis->setMaxLength(500);
    dl->addWidget(m_basis);
    m_dueDates = new QLabel(decisionBox);
    m_dueDates->setObjectName(u"dueDates"_s);
    m_dueDates->setTextFormat(Qt::PlainText);
    m_dueDates->setWordWrap(true);
    dl->addWidget(m_dueDates);
    m_problems = new QLabel(decisionBox);
    m_problems->setObjectName(u"decisionProblems"_s);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(u"color: #b3261e;"_s);
    dl->addWidget(m_problems);
    m_confirm = actionButton(decisionBox, u"confirmDecisionButton"_s, tr("Confirm decision"),
                             ui::shortcutKey(ui::shortcut::confirmDecision));
    connect(m_confirm, &QPushButton::clicked, this, &IntakePage::decide);
    dl->addWidget(m_confirm);
    for (const QKeySequence &key : ui::shortcutKeys(ui::shortcut::confirmDecision)) {
        auto *sc = new QShortcut(key, this);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, this, &IntakePage::decide);
    }
    auto *print =
        actionButton(decisionBox, u"printButton"_s, tr("Print notice"), ui::shortcutKey(ui::shortcut::printNotice));
    connect(print, &QPushButton::clicked, this, &IntakePage::printLastNotice);
    auto *printKey = new QShortcut(ui::shortcutKey(ui::shortcut::printNotice), this);
    printKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(printKey, &QShortcut::activated, this, &IntakePage::printLastNotice);
    dl->addWidget(print);
    auto *clear =
        actionButton(decisionBox, u"newVisitButton"_s, tr("New visit"), ui::shortcutKey(ui::shortcut::newVisit));
    connect(clear, &QPushButton::clicked, this, &IntakePage::newVisit);
    auto *clearKey = new QShortcut(ui::shortcutKey(ui::shortcut::newVisit), this);
    clearKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(clearKey, &QShortcut::activated, this, &IntakePage::newVisit);
    dl->addWidget(clear);
    dl->addStretch(1);
    columns->addWidget(decisionBox, 1);

    // Every edit feeds the draft and the inline checks.
    for (QLineEdit *e : {m_name, m_phone, m_entityName, m_reason, m_basis})
        connect(e, &QLineEdit::textChanged, this, &IntakePage::onChanged);
    for (QLineEdit *e : {m_idNumber, m_uscc})
        connect(e, &QLineEdit::textEdited, this, [e](const QString &t) {
            // Pasted full-width digits and spaces are normalised in place.
            const QString n = core::normalizeIdentifier(t);
            if (n != t)
                e->setText(n);
        });
    for (QLineEdit *e : {m_name, m_idNumber, m_phone, m_entityName, m_uscc})
        connect(e, &QLineEdit::textChanged, this, [this, e] {
            for (const auto &f : m_matter.fields)
                if (applicantEditFor(f) == e)
                    if (auto *formEdit = qobject_cast<QLineEdit *>(m_fieldWidgets.value(f.key)))
                        copyLinked(e, formEdit);
        });
    connect(m_idNumber, &QLineEdit::textChanged, this, &IntakePage::onIdChanged);
    connect(m_uscc, &QLineEdit::textChanged, this, &IntakePage::onIdChanged);
    connect(m_phone, &QLineEdit::textEdited, this, [this](const QString &t) {
        const QString n = core::normalizePhone(t);
        if (n != t)
            m_phone->setText(n);
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_entityBox->setVisible(m_kind->currentData().toString() == u"entity"_s);
        rebuildTabOrder();
        onChanged();
    });
    connect(m_idType, &QComboBox::currentIndexChanged, this, &IntakePage::onIdChanged);
    connect(m_decision, &QComboBox::currentIndexChanged, this, &IntakePage::onChanged);
    m_entityBox->hide();
}

void IntakePage::onSearchTextChanged(const QString &text) {
    m_results->clear();
    // Bundles first when their name matches: a 一件事 is what the citizen came for.
    const QString q = text.trimmed();
    if (!q.isEmpty()) {
        auto bundles = storage::CatalogRepository(*m_ctx.db).currentBundles();
        if (bundles.ok())
            for (const auto &b : bundles.value())
                if (b.name.contains(q, Qt::CaseInsensitive) || b.code.startsWith(q, Qt::CaseInsensitive)) {
                    auto *it = new QListWidgetItem(tr("[Bundle] %1").arg(b.name), m_results);
                    it->setData(kRoleKind, u"bundle"_s);
                    it->setData(kRoleCode, b.code);
                }
    }
    auto hits = m_catalogSearch->search(text, m_ctx.window.windowNo, 12);
    if (hits.ok())
        for (const auto &h : hits.value()) {
            auto *it = new QListWidgetItem(u"%1 · %2"_s.arg(h.name, h.department), m_results);
            it->setData(kRoleKind, u"item"_s);
            it->setData(kRoleCode, h.code);
        }
    if (m_results->count() > 0)
        m_results->setCurrentRow(0);
    // 无结果 is said, with what to try; the matter chosen before stays as it is.
    const QString hint = m_results->count() == 0
                             ? CatalogSearchHint::noResults(*m_catalogSearch, text, m_ctx.window.windowNo)
                             : QString();
    m_noResults->setText(hint);
    m_noResults->setVisible(!hint.isEmpty());
}

bool IntakePage::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *ke = static_cast<QKeyEvent *>(event);
        if (ke->key() == Qt::Key_Down || ke->key() == Qt::Key_Up) {
            const int n = m_results->count();
            if (n > 0) {
                const int step = ke->key() == Qt::Key_Down ? 1 : -1;
                m_results->setCurrentRow(std::clamp(m_results->currentRow() + step, 0, n - 1));
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void IntakePage::chooseMatter(int row) {
    if (QListWidgetItem *it = m_results->item(row); it && !it->data(kRoleCode).toString().isEmpty())
        startMatter(it->data(kRoleCode).toString(), it->data(kRoleKind).toString() == u"bundle"_s);
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
    if (m->legalPersonOnly() && m_kind->currentData().toString() != u"entity"_s) {
        m_kind->setCurrentIndex(m_kind->findData(u"entity"_s));
        m_message->showInfo(tr("This matter is for legal persons: enter the entity and its USCC."));
    }
    setMatter(m.value());
    prefillFormFromApplicant();
    onChanged();
    // Straight on to the first field the clerk still has to fill.
    for (const auto &f : m_matter.fields) {
        QWidget *w = m_fieldWidgets.value(f.key);
        if (w && fieldValue(f).isNull()) {
            w->setFocus();
            return true;
        }
    }
    if (!m_matter.fields.isEmpty())
        m_fieldWidgets.value(m_matter.fields.first().key)->setFocus();
    return true;
}

void IntakePage::setMatter(const Matter &m) {
    m_matter = m;
    if (!m.isValid()) {
        m_matterLabel->clear();
    } else if (m.isBundle()) {
        m_matterLabel->setText(tr("Bundle: %1 — items: %2").arg(m.name, m.itemNames().join(u"、"_s)));
    } else {
        m_matterLabel->setText(tr("Item: %1 (%2)").arg(m.name, m.items.first().department));
    }
    buildForm();
    buildMaterials();
    rebuildTabOrder();
    updateDecisionPanel();
}

void IntakePage::buildForm() {
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0);
    m_fieldWidgets.clear();
    m_fieldErrors.clear();
    for (const core::FormField &f : m_matter.fields) {
        QWidget *w = nullptr;
        const QString name = u"field_"_s + f.key;
        if (f.type == u"multiline"_s) {
            auto *e = new QPlainTextEdit(m_formArea);
            e->setTabChangesFocus(true);
            e->setMaximumHeight(70);
            connect(e, &QPlainTextEdit::textChanged, this, [this, e, f] {
                // max_length enforced: longer text (a paste) is cut.
                if (f.maxLength && e->toPlainText().size() > *f.maxLength) {
                    const QSignalBlocker block(e);
                    e->setPlainText(e->toPlainText().left(*f.maxLength));
                    e->moveCursor(QTextCursor::End);
                }
                onChanged();
            });
            w = e;
        } else if (f.type == u"select"_s) {
            auto *c = new QComboBox(m_formArea);
            c->installEventFilter(m_wheelGuard);
            c->addItems(f.options);
            c->setCurrentIndex(-1);
            c->setPlaceholderText(tr("Choose (↓)"));
            connect(c, &QComboBox::currentIndexChanged, this, &IntakePage::onChanged);
            w = c;
        } else if (f.type == u"bool"_s) {
            auto *c = new QCheckBox(m_formArea);
            connect(c, &QCheckBox::toggled, this, &IntakePage::onChanged);
            w = c;
        } else {
            auto *e = new QLineEdit(m_formArea);
            if (f.maxLength)
                e->setMaxLength(*f.maxLength);
            else if (f.type == u"id_number"_s || f.type == u"uscc"_s || f.type == u"phone"_s)
                e->setMaxLength(40);
            else
                e->setMaxLength(500);
            if (f.type == u"number"_s) {
                auto *v = new QDoubleValidator(e);
                v->setNotation(QDoubleValidator::StandardNotation);
                if (f.min)
                    v->setBottom(*f.min);
                if (f.max)
                    v->setTop(*f.max);
                e->setValidator(v);
            } else if (f.type == u"date"_s) {
                e->setPlaceholderText(u"YYYY-MM-DD"_s);
            }
            if (f.type == u"id_number"_s || f.type == u"uscc"_s)
                connect(e, &QLineEdit::textEdited, this, [e](const QString &t) {
                    const QString n = core::normalizeIdentifier(t);
                    if (n != t)
                        e->setText(n);
                });
            connect(e, &QLineEdit::textChanged, this, &IntakePage::onChanged);
            // A form field that asks for the applicant's own name, id, phone, entity or USCC is the same
            // value as the applicant section's: an edit on either side shows on the other.
            if (QLineEdit *same = applicantEditFor(f))
                connect(e, &QLineEdit::textChanged, this, [this, e, same] { copyLinked(e, same); });
            w = e;
        }
        w->setObjectName(name);
        auto *err = errorLabel(m_formArea, u"error_"_s + f.key);
        auto *cell = new QWidget(m_formArea);
        auto *cl = new QVBoxLayout(cell);
        cl->setContentsMargins(0, 0, 0, 0);
        cl->setSpacing(1);
        w->setParent(cell);
        cl->addWidget(w);
        cl->addWidget(err);
        auto *label = new QLabel(f.required ? f.label + u" *"_s : f.label, m_formArea);
        label->setTextFormat(Qt::PlainText);
        m_formLayout->addRow(label, cell);
        m_fieldWidgets.insert(f.key, w);
        m_fieldErrors.insert(f.key, err);
    }
}

void IntakePage::buildMaterials() {
    while (QLayoutItem *it = m_materialsLayout->takeAt(0)) {
        delete it->widget();
        delete it;
    }
    m_materialRows.clear();
    int n = 1;
    for (const MatterMaterial &m : m_matter.materials) {
        auto *row = new QWidget(m_materialsArea);
        auto *rl = new QGridLayout(row);
        rl->setContentsMargins(0, 2, 0, 2);
        QString text = u"%1. %2"_s.arg(n++).arg(m.material.name);
        if (m.material.required)
            text += u" *"_s;
        if (m.refs.size() > 1)
            text += tr(" (for %n items)", nullptr, int(m.refs.size()));
        auto *label = new QLabel(text, row);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        if (!m.material.notes.isEmpty())
            label->setToolTip(m.material.notes);
        rl->addWidget(label, 0, 0, 1, 2);
        MaterialRow mr;
        mr.status = new QComboBox(row);
        mr.status->setObjectName(u"material_"_s + m.key);
        mr.status->installEventFilter(m_wheelGuard);
        mr.status->addItem(tr("— not checked —"), QString());
        mr.status->addItem(tr("Paper"), u"paper"_s);
        mr.status->addItem(tr("E-license"), u"electronic"_s);
        if (m.commitmentAllowed)
            mr.status->addItem(tr("Commitment (告知承诺)"), u"commitment"_s);
        mr.status->addItem(tr("Missing"), u"missing"_s);
        if (!m.material.licenseType.isEmpty())
            mr.status->setToolTip(tr("An e-license can stand in: scan it"));
        mr.reason = new QLineEdit(row);
        mr.reason->setObjectName(u"reason_"_s + m.key);
        mr.reason->setPlaceholderText(tr("What is missing or wrong"));
        mr.reason->setMaxLength(300);
        mr.error = errorLabel(row, u"error_material_"_s + m.key);
        rl->addWidget(mr.status, 1, 0);
        rl->addWidget(mr.reason, 1, 1);
        rl->addWidget(mr.error, 2, 0, 1, 2);
        rl->setColumnStretch(1, 1);
        connect(mr.status, &QComboBox::currentIndexChanged, this, &IntakePage::onChanged);
        connect(mr.reason, &QLineEdit::textChanged, this, &IntakePage::onChanged);
        m_materialsLayout->addWidget(row);
        m_materialRows.insert(m.key, mr);
    }
}

void IntakePage::rebuildTabOrder() {
    // As the fields are shown, top to bottom: nothing visible is skipped.
    QList<QWidget *> order{m_kind};
    if (m_kind->currentData().toString() == u"entity"_s)
        order << m_entityName << m_uscc;
    order << m_idType << m_name << m_idNumber << m_phone << m_search;
    for (const auto &f : m_matter.fields)
        if (QWidget *w = m_fieldWidgets.value(f.key))
            order << w;
    for (const auto &m : m_matter.materials) {
        const MaterialRow r = m_materialRows.value(m.key);
        order << r.status << r.reason;
    }
    order << m_decision << m_reason << m_basis;
    for (int i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order[i - 1], order[i]);
}

QJsonValue IntakePage::fieldValue(const core::FormField &f) const {
    QWidget *w = m_fieldWidgets.value(f.key);
    if (auto *e = qobject_cast<QLineEdit *>(w)) {
        const QString t = e->text();
        if (t.isEmpty())
            return QJsonValue(QJsonValue::Null);
        if (f.type == u"number"_s) {
            bool ok = false;
            const double d = QLocale::c().toDouble(t, &ok);
            return ok ? QJsonValue(d) : QJsonValue(t);
        }
        return t;
    }
    if (auto *e = qobject_cast<QPlainTextEdit *>(w))
        return e->toPlainText().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e->toPlainText());
    if (auto *c = qobject_cast<QComboBox *>(w))
        return c->currentIndex() < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(c->currentText());
    if (auto *c = qobject_cast<QCheckBox *>(w))
        return c->isChecked();
    return QJsonValue(QJsonValue::Null);
}

void IntakePage::setFieldValue(const core::FormField &f, const QJsonValue &v) {
    QWidget *w = m_fieldWidgets.value(f.key);
    if (auto *e = qobject_cast<QLineEdit *>(w))
        e->setText(v.isDouble() ? QLocale::c().toString(v.toDouble(), 'g', 15) : v.toString());
    else if (auto *e = qobject_cast<QPlainTextEdit *>(w))
        e->setPlainText(v.toString());
    else if (auto *c = qobject_cast<QComboBox *>(w))
        c->setCurrentIndex(v.isString() ? c->findText(v.toString()) : -1);
    else if (auto *c = qobject_cast<QCheckBox *>(w))
        c->setChecked(v.toBool());
}

IntakeDraft IntakePage::currentDraft() const {
    IntakeDraft d;
    d.draftId = m_draftId;
    if (m_ticket) {
        d.ticketNo = m_ticket->ticketNo;
        d.ticketId = m_ticket->id;
    }
    d.applicant.kind = m_kind->currentData().toString();
    d.applicant.name = m_name->text();
    d.applicant.idType = m_idType->currentData().toString();
    d.applicant.idNumber = m_idNumber->text();
    d.applicant.phone = m_phone->text();
    if (d.applicant.kind == u"entity"_s) {
        d.applicant.entityName = m_entityName->text();
        d.applicant.uscc = m_uscc->text();
    }
    d.itemCode = m_matter.itemCode;
    d.bundleCode = m_matter.bundleCode;
    for (const auto &f : m_matter.fields) {
        const QJsonValue v = fieldValue(f);
        if (!v.isNull())
            d.formValues.insert(f.key, v);
    }
    for (const auto &m : m_matter.materials) {
        const MaterialRow r = m_materialRows.value(m.key);
        if (!r.status)
            continue;
        MaterialMark mark{r.status->currentData().toString(), QString(), r.reason->text()};
        if (mark.status == u"electronic"_s) {
            mark.licenseId = r.licenseId;
            // The scan's licenses_seen row travels with the draft: a draft restored after a restart links it.
            if (!r.licenseId.isEmpty())
                mark.seenId = r.seenId;
        }
        if (!mark.status.isEmpty() || !mark.reason.isEmpty())
            d.materials.insert(m.key, mark);
    }
    d.decision = decisionValue();
    d.decisionReason = m_reason->text();
    d.decisionBasis = m_basis->text();
    return d;
}

QString IntakePage::decisionValue() const {
    return m_decision->currentData().toString();
}

void IntakePage::applyDraft(const IntakeDraft &d) {
    m_loading = true;
    m_draftId = d.draftId;
    m_kind->setCurrentIndex(d.applicant.kind == u"entity"_s ? 1 : 0);
    m_name->setText(d.applicant.name);
    m_idType->setCurrentIndex(std::max(0, m_idType->findData(d.applicant.idType)));
    m_idNumber->setText(d.applicant.idNumber);
    m_phone->setText(d.applicant.phone);
    m_entityName->setText(d.applicant.entityName);
    m_uscc->setText(d.applicant.uscc);
    storage::CatalogRepository catalog(*m_ctx.db);
    Matter matter;
    if (!d.bundleCode.isEmpty()) {
        auto m = Matter::loadBundle(catalog, d.bundleCode);
        if (m.ok())
            matter = m.value();
    } else if (!d.itemCode.isEmpty()) {
        auto m = Matter::loadItem(catalog, d.itemCode);
        if (m.ok())
            matter = m.value();
    }
    setMatter(matter);
    for (const auto &f : m_matter.fields)
        if (d.formValues.contains(f.key))
            setFieldValue(f, d.formValues.value(f.key));
    for (auto it = d.materials.cbegin(); it != d.materials.cend(); ++it) {
        auto row = m_materialRows.find(it.key());
        if (row == m_materialRows.end())
            continue;
        row->licenseId = it->licenseId;
        row->seenId = it->licenseId.isEmpty() ? 0 : it->seenId;
        row->status->setCurrentIndex(std::max(0, row->status->findData(it->status)));
        row->reason->setText(it->reason);
    }
    m_decision->setCurrentIndex(std::max(0, m_decision->findData(d.decision)));
    m_reason->setText(d.decisionReason);
    m_basis->setText(d.decisionBasis);
    m_loading = false;
    updateIdInfo();
    updateFieldErrors(false);
    updateDecisionPanel();
}

bool IntakePage::restoreDraft(const QString &draftId) {
    auto d = m_drafts->load(draftId);
    if (!d.ok()) {
        m_message->showError(tr("The draft cannot be restored."));
        return false;
    }
    if (d->ticketId > 0 && m_ownQueue) {
        auto t = m_ownQueue->ticket(d->ticketId);
        m_ticket = t.ok() ? std::optional<Ticket>(t.value()) : std::nullopt;
    } else {
        m_ticket.reset();
    }
    applyDraft(d.value());
    setTicket(m_ticket);
    const int idx = m_restoreList->findData(draftId);
    if (idx >= 0)
        m_restoreList->removeItem(idx);
    m_restoreBar->setVisible(m_restoreList->count() > 0);
    m_message->showInfo(tr("Draft restored."));
    return true;
}

void IntakePage::saveDraftNow() {
    m_draftTimer->stop();
    const IntakeDraft d = currentDraft();
    if (d.isEmpty())
        return;
    if (auto st = m_drafts->save(m_ctx.window.clerkId, d); !st.ok())
        m_message->showError(tr("The draft could not be saved: %1").arg(st.error().message));
}

void IntakePage::onChanged() {
    if (m_loading)
        return;
    m_draftTimer->start();
    updateFieldErrors(m_showRequired);
    updateDecisionPanel();
}

void IntakePage::onIdChanged() {
    if (m_loading)
        return;
    updateIdInfo();
    // A returning applicant (same id) is recognised from local cases and filled in for confirmation.
    const bool entity = m_kind->currentData().toString() == u"entity"_s;
    const QString key = entity ? m_uscc->text() : m_idNumber->text();
    const bool complete =
        entity ? core::validateUscc(key).valid : core::validateResidentId(key, today()).valid;
    if (complete) {
        if (auto a = m_cases->findReturningApplicant(key)) {
            bool filled = false;
            auto fill = [&filled](QLineEdit *e, const QString &v) {
                if (e->text().isEmpty() && !v.isEmpty()) {
                    e->setText(v);
                    filled = true;
                }
            };
            fill(m_name, a->name);
            fill(m_phone, a->phone);
            if (entity) {
                fill(m_entityName, a->entityName);
                fill(m_idNumber, a->idNumber);
            }
            if (filled)
                m_message->showInfo(
                    tr("Returning applicant: details filled in from an earlier case — please confirm them."));
        }
    }
    onChanged();
}

void IntakePage::updateIdInfo() {
    const QString id = m_idNumber->text();
    if (id.isEmpty() || m_idType->currentData().toString() != u"resident_id"_s) {
        m_idInfo->clear();
        m_idInfo->setStyleSheet(QString());
    } else {
        const auto r = core::validateResidentId(id, today());
        if (r.valid) {
            const QString sex = r.sex == core::Sex::Male     ? tr("male")
                                : r.sex == core::Sex::Female ? tr("female")
                                                             : QString();
            m_idInfo->setText(tr("Born %1, %2").arg(r.birthDate.toString(Qt::ISODate), sex));
            m_idInfo->setStyleSheet(u"color: #1b5e20;"_s);
        } else {
            m_idInfo->setText(r.message);
            m_idInfo->setStyleSheet(u"color: #b3261e;"_s);
        }
    }
    if (m_uscc->text().isEmpty())
        setError(m_usccError, QString());
    else
        setError(m_usccError, core::validateUscc(m_uscc->text()).message);
}

void IntakePage::updateFieldErrors(bool showRequired) {
    const IntakeDraft d = currentDraft();
    const FieldProblems p = showRequired
                                ? CaseService::decisionProblems(m_matter, d, decisionValue(), today())
                                : CaseService::fieldProblems(m_matter, d, today());
    auto shown = [&](const QString &key) -> QString {
        const QString msg = p.value(key);
        // Before a decision is attempted, an empty required field is not yet an error.
        if (!showRequired && msg == CaseService::tr("Required"))
            return {};
        return msg;
    };
    for (const auto &f : m_matter.fields)
        setError(m_fieldErrors.value(f.key), shown(u"form."_s + f.key));
    for (const auto &m : m_matter.materials)
        setError(m_materialRows.value(m.key).error, shown(u"material."_s + m.key));
    if (!m_phone->text().isEmpty() || showRequired)
        setError(m_phoneError, shown(u"applicant.phone"_s));
    else
        setError(m_phoneError, QString());
}

void IntakePage::updateDecisionPanel() {
    if (!m_matter.isValid()) {
        m_dueDates->setText(tr("Choose a matter to see the due dates."));
        return;
    }
    const DueDates due = m_cases->dueDatesToday(m_matter);
    QString text = tr("Promised: %1 working days → %2\nLegal: %3 working days → %4")
                       .arg(due.promisedDays)
                       .arg(displayDate(due.promised))
                       .arg(due.legalDays)
                       .arg(displayDate(due.legal));
    if (due.calendarMissingYear)
        text += u"\n"_s + tr("No working-day calendar for %1: due dates will come from the platform.")
                              .arg(*due.calendarMissingYear);
    if (due.provisional())
        text += u"\n"_s + tr("* provisional calendar");
    m_dueDates->setText(text);
    const bool needsReason = decisionValue() != u"accepted"_s;
    m_reason->setEnabled(needsReason);
    m_basis->setEnabled(decisionValue() == u"rejected"_s);
}

QLineEdit *IntakePage::applicantEditFor(const core::FormField &f) const {
    // Only the fields that ask for the applicant themself: a spouse's or an agent's id is never linked.
    static const QStringList nameKeys{u"applicant_name"_s, u"name"_s};
    static const QStringList idKeys{u"id_number"_s, u"applicant_id_number"_s};
    static const QStringList phoneKeys{u"phone"_s, u"applicant_phone"_s, u"contact_phone"_s};
    static const QStringList entityKeys{u"entity_name"_s, u"company_name"_s, u"enterprise_name"_s};
    if (f.type == u"id_number"_s && idKeys.contains(f.key))
        return m_idNumber;
    if (f.type == u"phone"_s && phoneKeys.contains(f.key))
        return m_phone;
    if (f.type == u"uscc"_s && f.key == u"uscc"_s)
        return m_uscc;
    if (f.type == u"text"_s && nameKeys.contains(f.key))
        return m_name;
    if (f.type == u"text"_s && entityKeys.contains(f.key))
        return m_entityName;
    return nullptr;
}

void IntakePage::copyLinked(QLineEdit *from, QLineEdit *to) {
    if (m_loading || m_copyingLinked || !to || to->text() == from->text())
        return;
    m_copyingLinked = true;
    to->setText(from->text().left(to->maxLength()));
    m_copyingLinked = false;
}

void IntakePage::prefillFormFromApplicant() {
    // The applicant section and the form fields that mean the same: whichever side has the value gives it
    // to the other (a matter chosen after the applicant was identified, or a form filled before).
    for (const auto &f : m_matter.fields) {
        QLineEdit *same = applicantEditFor(f);
        auto *formEdit = qobject_cast<QLineEdit *>(m_fieldWidgets.value(f.key));
        if (!same || !formEdit)
            continue;
        if (formEdit->text().isEmpty() && !same->text().isEmpty())
            copyLinked(same, formEdit);
        else if (same->text().isEmpty() && !formEdit->text().isEmpty())
            copyLinked(formEdit, same);
    }
}

void IntakePage::markUnmarkedPaper() {
    for (auto it = m_materialRows.begin(); it != m_materialRows.end(); ++it) {
        const MatterMaterial *m = m_matter.material(it.key());
        if (it->status->currentIndex() == 0 && m && m->material.required)
            it->status->setCurrentIndex(it->status->findData(u"paper"_s));
    }
    onChanged();
}

void IntakePage::focusMatterSearch() {
    m_search->setFocus();
    m_search->selectAll();
}

QString IntakePage::problemPlace(const QString &key) const {
    // The field as the clerk sees it named on the page, never the key.
    if (key.startsWith(u"form."_s)) {
        for (const auto &f : m_matter.fields)
            if (u"form."_s + f.key == key)
                return f.label;
        return tr("Acceptance form");
    }
    if (key.startsWith(u"material."_s)) {
        if (const MatterMaterial *m = m_matter.material(key.mid(9)))
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
        return m_fieldWidgets.value(key.mid(5));
    if (key.startsWith(u"material."_s))
        return m_materialRows.value(key.mid(9)).status;
    const QHash<QString, QWidget *> widgets{{u"applicant.kind"_s, m_kind},
                                            {u"applicant.name"_s, m_name},
                                            {u"applicant.id_type"_s, m_idType},
                                            {u"applicant.id_number"_s, m_idNumber},
                                            {u"applicant.phone"_s, m_phone},
                                            {u"applicant.entity_name"_s, m_entityName},
                                            {u"applicant.uscc"_s, m_uscc},
                                            {u"decision"_s, m_decision},
                                            {u"decision_reason"_s, m_reason},
                                            {u"decision_basis"_s, m_basis},
                                            {u"matter"_s, m_search},
                                            {u"materials"_s, m_decision}};
    return widgets.value(key);
}

void IntakePage::decide() {
    prefillFormFromApplicant();
    IntakeDraft d = currentDraft();
    const QString decision = d.decision;
    const FieldProblems problems = CaseService::decisionProblems(m_matter, d, decision, today());
    if (!problems.isEmpty()) {
        m_showRequired = true;
        updateFieldErrors(true);
        setError(m_phoneError, problems.value(u"applicant.phone"_s));
        QStringList lines;
        for (auto it = problems.cbegin(); it != problems.cend(); ++it)
            lines << u"%1: %2"_s.arg(problemPlace(it.key()), it.value());
        m_problems->setText(lines.join(u'\n'));
        m_message->showWarning(
            tr("The decision cannot be taken yet: %n problem(s).", nullptr, int(problems.size())));
        // Focus the first widget to fix.
        if (QWidget *target = problemWidget(problems.firstKey()))
            target->setFocus();
        return;
    }
    m_problems->clear();
    m_draftTimer->stop();
    // The e-licenses attached to this case's materials (their scans, kept in the draft's marks) are linked to
    // it inside the submit transaction.
    auto submitted = m_cases->submit(m_matter, d, d.licenseSeenIds());
    if (!submitted.ok()) {
        // Nothing was written: the draft stays, the clerk can try again.
        m_message->showError(tr("Not saved: %1").arg(submitted.error().message));
        saveDraftNow();
        return;
    }
    // COMMIT has returned: now the case is saved.
    m_lastCaseLocalId = submitted->localId;
    m_lastTicketNo = d.ticketNo;
    m_lastNotices.clear();
    QString dir = m_ctx.noticeDir;
    if (dir.isEmpty())
        dir = ui::noticesDirectory();
    QDir().mkpath(dir);
    QList<NoticeKind> kinds;
    if (decision == u"accepted"_s)
        kinds << NoticeKind::Acceptance;
    else if (decision == u"correction_required"_s)
        kinds << NoticeKind::Correction;
    else
        kinds << NoticeKind::Rejection;
    for (const auto &m : d.materials)
        if (m.status == u"commitment"_s) {
            kinds << NoticeKind::Commitment;
            break;
        }
    QStringList failed;
    for (NoticeKind k : kinds) {
        auto data = NoticeRenderer::loadCase(*m_ctx.db, submitted->localId, k, m_ctx.window.hallName,
                                             m_ctx.window.clerkName);
        const QString path = u"%1/%2-%3.pdf"_s.arg(dir, submitted->localId, NoticeRenderer::fileSlug(k));
        if (data.ok() && NoticeRenderer::savePdf(data.value(), path).ok())
            m_lastNotices << path;
        else
            failed << NoticeRenderer::title(k);
    }
    ++m_visits;
    if (failed.isEmpty()) {
        m_message->showInfo(tr("Saved: %1. Notice saved as PDF in %2 (Ctrl+P to print).")
                                .arg(CaseService::decisionLabel(decision), QDir::toNativeSeparators(dir)));
        m_message->setAction(tr("Open folder"), [dir] { ui::openFolder(dir); });
    } else
        m_message->showWarning(tr("Saved: %1, but the notice could not be written: %2")
                                   .arg(CaseService::decisionLabel(decision), failed.join(u", "_s)));
    emit caseCommitted(submitted->localId);

    // The evaluation panel for the citizen-facing screen.
    auto *service = new EvaluationService(*m_ctx.db, *m_ctx.clock);
    EvaluationInput base;
    base.caseLocalId = submitted->localId;
    base.ticketNo = d.ticketNo;
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
            m_name->setFocus(Qt::OtherFocusReason);
        }
    });
    clearVisit();
    // The keyboard goes to the evaluation until the citizen has rated: a `5` typed for it must never land in
    // the next applicant's name. It opens on the citizen's screen when one is configured, else centred on
    // the clerk's.
    placeEvaluationWindow(m_evaluation);
    m_evaluation->show();
    m_evaluation->raise();
    m_evaluation->activateWindow();
    m_evaluation->setFocus(Qt::OtherFocusReason);
}

void IntakePage::placeEvaluationWindow(QWidget *w) const {
    // settings key evaluation.screen: the citizen-facing screen, by name or by number (1 = the first).
    QScreen *target = nullptr;
    auto setting = storage::SettingsRepository(*m_ctx.db, *m_ctx.clock).value(u"evaluation.screen"_s);
    const QString wanted = setting.ok() ? setting.value().trimmed() : QString();
    if (!wanted.isEmpty()) {
        const QList<QScreen *> screens = QGuiApplication::screens();
        bool isNumber = false;
        const int n = wanted.toInt(&isNumber);
        for (qsizetype i = 0; i < screens.size() && !target; ++i)
            if ((isNumber && n == i + 1) || screens.at(i)->name() == wanted)
                target = screens.at(i);
        if (!target)
            qCWarning(lcIntake) << "evaluation.screen names no screen of this desk:" << wanted;
    }
    QRect area;
    if (target) {
        area = target->availableGeometry();
    } else {
        // Centred on the clerk's window (on its screen), where whoever turns the screen sees it.
        const QWidget *clerk = window();
        QScreen *screen = clerk->screen() ? clerk->screen() : QGuiApplication::primaryScreen();
        area = clerk->isVisible() ? clerk->frameGeometry().intersected(screen->availableGeometry())
                                  : screen->availableGeometry();
        if (area.isEmpty())
            area = screen->availableGeometry();
    }
    w->adjustSize();
    const QSize size = w->size().boundedTo(area.size());
    w->resize(size);
    if (target)
        w->setScreen(target);
    w->move(area.center() - QPoint(size.width() / 2, size.height() / 2));
}

void IntakePage::clearVisit() {
    m_loading = true;
    m_draftId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_showRequired = false;
    m_kind->setCurrentIndex(0);
    for (QLineEdit *e : {m_name, m_idNumber, m_phone, m_entityName, m_uscc, m_search, m_reason, m_basis})
        e->clear();
    m_idType->setCurrentIndex(0);
    m_decision->setCurrentIndex(0);
    m_problems->clear();
    setMatter(Matter());
    m_loading = false;
    updateIdInfo();
    setError(m_phoneError, QString());
    m_name->setFocus();
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
    auto data = NoticeRenderer::loadCase(*m_ctx.db, m_lastCaseLocalId, NoticeKind::Acceptance,
                                         m_ctx.window.hallName, m_ctx.window.clerkName);
    if (!data.ok())
        return;
    auto dec = m_ctx.db->query(u"SELECT decision FROM cases WHERE local_id = ?"_s, {m_lastCaseLocalId});
    if (dec.ok() && dec->next()) {
        const QString v = dec->value(0).toString();
        data->kind = v == u"rejected"_s              ? NoticeKind::Rejection
                     : v == u"correction_required"_s ? NoticeKind::Correction
                                                     : NoticeKind::Acceptance;
    }
    auto *printer = new QPrinter(QPrinter::HighResolution);
    auto *preview = new QPrintPreviewDialog(printer, this);
    preview->setObjectName(u"printPreview"_s);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    const NoticeData copy = data.value();
    connect(preview, &QPrintPreviewDialog::paintRequested, this,
            [copy](QPrinter *p) { NoticeRenderer::print(*p, copy); });
    connect(preview, &QObject::destroyed, this, [printer] { delete printer; });
    preview->open();
}

// ── Queue ────────────────────────────────────────────────────────────────

void IntakePage::showQueueError(const Error &e) {
    if (e.code == u"queue_offline"_s) {
        m_message->showWarning(tr("The queue is offline: serve walk-ins without a ticket (F9)."));
        refreshQueue();
    } else if (e.code == u"ticket_state"_s) {
        m_message->showWarning(tr("That action does not fit the ticket's state."));
    } else {
        m_message->showError(tr("Queue error: %1").arg(e.message));
    }
}

void IntakePage::setTicket(std::optional<Ticket> t) {
    m_ticket = std::move(t);
    if (m_ticket) {
        m_walkIn = false;
        const qint64 wait = m_ticket->waitSecs(m_ctx.clock->nowUtc());
        // Not static: built per call so a language switch (or a page made before it) shows the current one.
        const QHash<QString, QString> states{{u"called"_s, tr("called")},   {u"serving"_s, tr("serving")},
                                             {u"held"_s, tr("on hold")},    {u"done"_s, tr("done")},
                                             {u"no_show"_s, tr("no-show")}, {u"waiting"_s, tr("waiting")}};
        m_ticketLabel->setText(tr("Ticket %1 · %2 · waited %3 min · %4")
                                   .arg(m_ticket->ticketNo, m_ticket->category)
                                   .arg(wait / 60)
                                   .arg(states.value(m_ticket->status, m_ticket->status)));
    } else if (m_walkIn) {
        m_ticketLabel->setText(tr("Walk-in (no ticket)"));
    } else {
        m_ticketLabel->setText(tr("No ticket — F2 calls the next"));
    }
    if (!m_loading)
        m_draftTimer->start();
}

void IntakePage::refreshQueue() {
    if (!m_queue->isOnline()) {
        m_queueState->setText(tr("Queue offline"));
        m_queueState->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);
    } else {
        const auto waiting = m_queue->waitingCount(m_queue->categoriesForWindow(m_ctx.window.windowNo));
        m_queueState->setText(tr("Waiting for this window: %1").arg(waiting.ok() ? waiting.value() : 0));
        m_queueState->setStyleSheet(QString());
    }
    auto last = m_queue->lastCalled(6);
    QStringList parts;
    if (last.ok())
        for (const auto &t : last.value())
            parts << u"%1 → %2"_s.arg(t.ticketNo, t.windowNo);
    m_queueStrip->setText(parts.isEmpty() ? tr("Last called: —")
                                          : tr("Last called: %1").arg(parts.join(u"   "_s)));
    if (m_ticket)
        setTicket(m_ticket);
    else
        setTicket(std::nullopt);
}

void IntakePage::callNext() {
    // The ticket being served is finished first: one key per citizen.
    // The queue may answer later (platform queue): the page stays responsive; a guard drops answers that
    // arrive after the page is gone.
    if (m_ticket && (m_ticket->status == u"called"_s || m_ticket->status == u"serving"_s)) {
        m_queue->actAsync(m_ticket->id, TicketAction::Done, {},
                          [this, guard = QPointer<IntakePage>(this)](const Result<Ticket> &) {
                              if (guard) {
                                  m_ticket.reset();
                                  callNext();
                              }
                          });
        return;
    }
    m_queue->callNextAsync(
        m_ctx.window.windowNo, m_queue->categoriesForWindow(m_ctx.window.windowNo),
        [this, guard = QPointer<IntakePage>(this)](const Result<std::optional<Ticket>> &r) {
            if (!guard)
                return;
            if (!r.ok()) {
                showQueueError(r.error());
                return;
            }
            if (!r.value()) {
                m_ticket.reset();
                m_message->showInfo(tr("Nobody is waiting for this window."));
                refreshQueue();
                return;
            }
            if (!currentDraft().isEmpty())
                newVisit();
            setTicket(r.value());
            refreshQueue();
            m_message->showInfo(tr("Called %1.").arg(m_ticket->ticketNo));
            m_name->setFocus();
        });
}

void IntakePage::recall() {
    if (!m_ticket)
        return;
    m_queue->actAsync(m_ticket->id, TicketAction::Recall, {},
                      [this, guard = QPointer<IntakePage>(this)](const Result<Ticket> &r) {
                          if (!guard)
                              return;
                          r.ok() ? (setTicket(r.value()), refreshQueue()) : showQueueError(r.error());
                      });
}

void IntakePage::startServing() {
    if (!m_ticket)
        return;
    m_queue->actAsync(m_ticket->id, TicketAction::Start, {},
                      [this, guard = QPointer<IntakePage>(this)](const Result<Ticket> &r) {
                          if (!guard)
                              return;
                          if (r.ok()) {
                              setTicket(r.value());
                              m_name->setFocus();
                          } else {
                              showQueueError(r.error());
                          }
                      });
}

void IntakePage::finishTicket() {
    endTicket(TicketAction::Done);
}

void IntakePage::noShow() {
    endTicket(TicketAction::NoShow);
}

// Done and no-show both end the ticket at this window; the page then waits for the next call.
void IntakePage::endTicket(TicketAction action) {
    if (!m_ticket)
        return;
    m_queue->actAsync(m_ticket->id, action, {},
                      [this, guard = QPointer<IntakePage>(this)](const Result<Ticket> &r) {
                          if (!guard)
                              return;
                          if (!r.ok()) {
                              showQueueError(r.error());
                              return;
                          }
                          m_ticket.reset();
                          refreshQueue();
                      });
}

bool IntakePage::hasOpenWork() const {
    const bool ticketOpen = m_ticket && (m_ticket->status == u"called"_s || m_ticket->status == u"serving"_s);
    return ticketOpen || !currentDraft().isEmpty();
}

void IntakePage::holdTicket() {
    holdCurrentTicket({});
}

void IntakePage::holdCurrentTicket(std::function<void(bool held)> done) {
    if (!m_ticket) {
        if (done)
            done(false);
        return;
    }
    m_queue->actAsync(m_ticket->id, TicketAction::Hold, {},
                      [this, guard = QPointer<IntakePage>(this), done](const Result<Ticket> &r) {
                          if (!guard)
                              return;
                          if (!r.ok()) {
                              showQueueError(r.error());
                              if (done)
                                  done(false);
                              return;
                          }
                          saveDraftNow();
                          m_ticket.reset();
                          clearVisit();
                          refreshQueue();
                          m_message->showInfo(tr("Ticket on hold; its draft is kept. Shift+F7 resumes it."));
                          if (done)
                              done(true);
                      });
}

void IntakePage::resumeHeld() {
    // The ticket to resume was held before this key press: never the current one.
    auto held = m_queue->heldTickets(m_ctx.window.windowNo);
    std::optional<Ticket> target;
    if (held.ok())
        for (const Ticket &t : held.value())
            if (!m_ticket || t.id != m_ticket->id) {
                target = t;
                break;
            }
    if (!target) {
        m_message->showInfo(tr("No ticket on hold."));
        return;
    }
    const bool busy = m_ticket && (m_ticket->status == u"called"_s || m_ticket->status == u"serving"_s);
    if (!busy) {
        resumeTicket(target->id, 0);
        return;
    }
    // A swap: the current ticket goes on hold first (its draft kept, as Hold does), so the window never has
    // two tickets in service and the current visit is not overwritten by the resumed one.
    const Ticket current = *m_ticket;
    m_queue->actAsync(
        current.id, TicketAction::Hold, {},
        [this, guard = QPointer<IntakePage>(this), current, targetId = target->id](const Result<Ticket> &r) {
            if (!guard)
                return;
            if (!r.ok()) {
                showQueueError(r.error()); // nothing changed: the current ticket stays
                return;
            }
            saveDraftNow();
            m_ticket.reset();
            clearVisit();
            resumeTicket(targetId, current.id);
        });
}

void IntakePage::resumeTicket(qint64 id, qint64 fallbackId) {
    m_queue->actAsync(id, TicketAction::Resume, {},
                      [this, guard = QPointer<IntakePage>(this), fallbackId](const Result<Ticket> &r) {
                          if (!guard)
                              return;
                          if (!r.ok()) {
                              showQueueError(r.error());
                              // The swapped-out ticket was held a moment ago for this swap: it comes back
                              // rather than the window being left with no ticket.
                              if (fallbackId > 0)
                                  resumeTicket(fallbackId, 0);
                              else
                                  refreshQueue();
                              return;
                          }
                          // The held ticket's draft comes back with it; an unsaved visit on the page is kept
                          // as its own draft first.
                          std::optional<IntakeDraft> draft;
                          auto drafts = m_drafts->openDrafts(m_ctx.window.clerkId);
                          if (drafts.ok())
                              for (const auto &s : drafts.value())
                                  if (s.draft.ticketId == r->id) {
                                      draft = s.draft;
                                      break;
                                  }
                          if (!currentDraft().isEmpty())
                              newVisit();
                          if (draft)
                              applyDraft(*draft);
                          setTicket(r.value());
                          refreshQueue();
                          m_message->showInfo(tr("Ticket %1 resumed.").arg(r->ticketNo));
                          m_name->setFocus();
                      });
}

void IntakePage::transferTicket() {
    if (!m_ticket || !m_transferTo)
        return;
    m_queue->actAsync(m_ticket->id, TicketAction::Transfer, m_transferTo->currentData().toString(),
                      [this, guard = QPointer<IntakePage>(this)](const Result<Ticket> &r) {
                          if (!guard)
                              return;
                          if (!r.ok()) {
                              showQueueError(r.error());
                              return;
                          }
                          m_message->showInfo(
                              tr("Ticket %1 transferred to %2.").arg(r->ticketNo, r->category));
                          m_ticket.reset();
                          refreshQueue();
                      });
}

void IntakePage::serveWalkIn() {
    if (m_ticket && (m_ticket->status == u"called"_s || m_ticket->status == u"serving"_s))
        m_queue->actAsync(m_ticket->id, TicketAction::Done, {}, [](const Result<Ticket> &) {});
    m_ticket.reset();
    m_walkIn = true;
    if (!currentDraft().isEmpty())
        newVisit();
    setTicket(std::nullopt);
    m_name->setFocus();
}

// ── E-licenses ───────────────────────────────────────────────────────────

QString IntakePage::detachLicense(const QString &lid) {
    QString name;
    for (const auto &m : m_matter.materials) {
        auto it = m_materialRows.find(m.key);
        if (it == m_materialRows.end() || it->licenseId != lid)
            continue;
        it->licenseId.clear();
        it->seenId = 0;
        it->status->setCurrentIndex(0);
        name = m.material.name;
    }
    if (!name.isEmpty())
        onChanged();
    return name;
}

int IntakePage::moveLicenseScan(qint64 fromSeenId, qint64 toSeenId) {
    int moved = 0;
    for (MaterialRow &row : m_materialRows) {
        if (fromSeenId != 0 && row.seenId == fromSeenId) {
            row.seenId = toSeenId;
            ++moved;
        }
    }
    return moved;
}

bool IntakePage::standsOnLicenseScan(qint64 seenId) const {
    return seenId != 0 && std::any_of(m_materialRows.cbegin(), m_materialRows.cend(),
                                      [seenId](const MaterialRow &row) { return row.seenId == seenId; });
}

Result<QString> IntakePage::attachLicense(const license::El1Claims &claims) {
    const bool entity = m_kind->currentData().toString() == u"entity"_s;
    // A resident ID license may fill an empty applicant section.
    if (!entity && m_name->text().isEmpty() && m_idNumber->text().isEmpty() &&
        license::isResidentIdLicense(claims.typ))
        m_name->setText(claims.hn);
    const MatterMaterial *target = nullptr;
    for (const auto &m : m_matter.materials)
        if (!m.material.licenseType.isEmpty() && m.material.licenseType == claims.typ) {
            target = &m;
            break;
        }
    if (!target)
        return Error{u"no_matching_material"_s, tr("The license fits no material of this case.")};
    // The holder must be the applicant: name and the visible digits of the id.
    const QString name = entity && !m_entityName->text().isEmpty() ? m_entityName->text() : m_name->text();
    const QString id = entity && !m_uscc->text().isEmpty() ? m_uscc->text() : m_idNumber->text();
    const QString maskedId = core::maskIdNumber(id);
    if (!core::licenseHolderMatches(name, id, claims.hn, claims.hid)) {
        const auto answer = ui::DialogFacade::instance().question(
            this, tr("License holder differs"),
            tr("The license holder (%1, %2) does not match the applicant (%3, %4). Attach it anyway?")
                .arg(claims.hn, claims.hid, name, maskedId));
        if (answer != QMessageBox::Yes)
            return Error{u"holder_mismatch_declined"_s, tr("Not attached: the holder does not match.")};
    }
    MaterialRow &row = m_materialRows[target->key];
    row.licenseId = claims.lid;
    // The panel recorded this scan in licenses_seen just before calling here; a call for another license
    // (no scan behind it) has no row to link.
    const auto &scanned = m_licensePanel->lastClaims();
    row.seenId = scanned && scanned->lid == claims.lid ? m_licensePanel->lastSeenId() : 0;
    row.status->setCurrentIndex(row.status->findData(u"electronic"_s));
    m_message->showInfo(tr("License %1 attached to “%2”.").arg(claims.tn, target->material.name));
    onChanged();
    return target->key;
}

} // namespace windowdesk::intake
