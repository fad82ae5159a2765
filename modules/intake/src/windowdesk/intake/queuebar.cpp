#include "queuebar.h"
#include "intakewidgets.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

QueueBar::QueueBar(QueueService &queue, cases::IntakeVisit &visit, ui::MessageBar *messages,
                   const Clock &clock, const QString &windowNo, Hooks hooks, QWidget *scope,
                   QObject *wheelGuard, QWidget *parent)
    : QGroupBox(tr("Queue"), parent)
    , m_queue(queue)
    , m_visit(visit)
    , m_messages(messages)
    , m_clock(clock)
    , m_windowNo(windowNo)
    , m_hooks(std::move(hooks)) {
    setObjectName(u"queueBar"_s);
    auto *ql = new QVBoxLayout(this);
    auto *qtop = new QHBoxLayout;
    m_ticketLabel = new QLabel(this);
    m_ticketLabel->setObjectName(u"currentTicket"_s);
    QFont tf = m_ticketLabel->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    m_ticketLabel->setFont(tf);
    // Wrapped rather than widening the page (category names come from the hall's data).
    m_ticketLabel->setWordWrap(true);
    qtop->addWidget(m_ticketLabel, 1);
    m_queueState = new QLabel(this);
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
        const char *key;
        void (QueueBar::*slot)();
        QHBoxLayout *row;
    };
    const QList<Act> acts{
        {u"callNextButton", tr("Call next"), ui::shortcut::callNext, &QueueBar::callNext, qrow1},
        {u"recallButton", tr("Recall"), ui::shortcut::recall, &QueueBar::recall, qrow1},
        {u"startButton", tr("Start"), ui::shortcut::startServing, &QueueBar::startServing, qrow1},
        {u"doneButton", tr("Done"), ui::shortcut::finishTicket, &QueueBar::finishTicket, qrow1},
        {u"noShowButton", tr("No-show"), ui::shortcut::noShow, &QueueBar::noShow, qrow1},
        {u"holdButton", tr("Hold"), ui::shortcut::holdTicket, &QueueBar::holdTicket, qrow2},
        {u"resumeButton", tr("Resume held"), ui::shortcut::resumeHeld, &QueueBar::resumeHeld, qrow2},
        {u"transferButton", tr("Transfer"), ui::shortcut::transferTicket, &QueueBar::transferTicket, qrow2},
        {u"walkInButton", tr("Walk-in"), ui::shortcut::walkIn, &QueueBar::serveWalkIn, qrow2}};
    for (const Act &a : acts) {
        const QKeySequence key = ui::shortcutKey(a.key);
        auto *b = actionButton(this, QString::fromUtf16(a.name), a.text, key);
        connect(b, &QPushButton::clicked, this, a.slot);
        scopedShortcut(scope, key, [this, slot = a.slot] { (this->*slot)(); });
        a.row->addWidget(b);
        if (QString::fromUtf16(a.name) == u"transferButton"_s) {
            m_transferTo = new QComboBox(this);
            m_transferTo->setObjectName(u"transferCategory"_s);
            m_transferTo->setFocusPolicy(Qt::ClickFocus);
            m_transferTo->setAccessibleName(tr("Transfer to"));
            m_transferTo->installEventFilter(wheelGuard);
            for (const auto &c : m_queue.categories())
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
    m_queueStrip = new QLabel(this);
    m_queueStrip->setObjectName(u"queueStrip"_s);
    m_queueStrip->setTextFormat(Qt::PlainText);
    m_queueStrip->setWordWrap(true);
    ql->addWidget(m_queueStrip);
    connect(&m_visit, &cases::IntakeVisit::ticketChanged, this, &QueueBar::showTicket);
}

void QueueBar::showError(const Error &e) {
    if (e.code == u"queue_offline"_s) {
        m_messages->showWarning(tr("The queue is offline: serve walk-ins without a ticket (F9)."));
        refresh();
    } else if (e.code == u"ticket_state"_s) {
        m_messages->showWarning(tr("That action does not fit the ticket's state."));
    } else {
        m_messages->showError(tr("Queue error: %1").arg(e.message));
    }
}

void QueueBar::showTicket() {
    const auto &ticket = m_visit.ticket();
    if (ticket) {
        const qint64 wait = ticket->waitSecs(m_clock.nowUtc());
        // Not static: built per call so a language switch (or a page made before it) shows the current one.
        const QHash<QString, QString> states{{u"called"_s, tr("called")},   {u"serving"_s, tr("serving")},
                                             {u"held"_s, tr("on hold")},    {u"done"_s, tr("done")},
                                             {u"no_show"_s, tr("no-show")}, {u"waiting"_s, tr("waiting")}};
        m_ticketLabel->setText(tr("Ticket %1 · %2 · waited %3 min · %4")
                                   .arg(ticket->ticketNo, ticket->category)
                                   .arg(wait / 60)
                                   .arg(states.value(ticket->status, ticket->status)));
    } else if (m_visit.walkIn()) {
        m_ticketLabel->setText(tr("Walk-in (no ticket)"));
    } else {
        m_ticketLabel->setText(tr("No ticket — F2 calls the next"));
    }
}

void QueueBar::refresh() {
    if (!m_queue.isOnline()) {
        m_queueState->setText(tr("Queue offline"));
        m_queueState->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);
    } else {
        const auto waiting = m_queue.waitingCount(m_queue.categoriesForWindow(m_windowNo));
        m_queueState->setText(tr("Waiting for this window: %1").arg(waiting.ok() ? waiting.value() : 0));
        m_queueState->setStyleSheet(QString());
    }
    auto last = m_queue.lastCalled(6);
    QStringList parts;
    if (last.ok())
        for (const auto &t : last.value())
            parts << u"%1 → %2"_s.arg(t.ticketNo, t.windowNo);
    m_queueStrip->setText(parts.isEmpty() ? tr("Last called: —")
                                          : tr("Last called: %1").arg(parts.join(u"   "_s)));
    showTicket();
}

void QueueBar::callNext() {
    // The ticket being served is finished first: one key per citizen. The queue may answer later (platform
    // queue): the page stays responsive; a guard drops answers that arrive after the bar is gone.
    if (m_visit.ticketOpen()) {
        m_queue.actAsync(m_visit.ticket()->id, TicketAction::Done, {},
                         [this, guard = QPointer<QueueBar>(this)](const Result<Ticket> &) {
                             if (guard) {
                                 m_visit.setTicket(std::nullopt);
                                 callNext();
                             }
                         });
        return;
    }
    m_queue.callNextAsync(m_windowNo, m_queue.categoriesForWindow(m_windowNo),
                          [this, guard = QPointer<QueueBar>(this)](const Result<std::optional<Ticket>> &r) {
                              if (!guard)
                                  return;
                              if (!r.ok()) {
                                  showError(r.error());
                                  return;
                              }
                              if (!r.value()) {
                                  m_visit.setTicket(std::nullopt);
                                  m_messages->showInfo(tr("Nobody is waiting for this window."));
                                  refresh();
                                  return;
                              }
                              if (!m_visit.isEmpty())
                                  m_hooks.newVisit();
                              m_visit.setTicket(r.value());
                              refresh();
                              m_messages->showInfo(tr("Called %1.").arg(m_visit.ticket()->ticketNo));
                              m_hooks.focusApplicant();
                          });
}

void QueueBar::recall() {
    if (!m_visit.ticket())
        return;
    m_queue.actAsync(m_visit.ticket()->id, TicketAction::Recall, {},
                     [this, guard = QPointer<QueueBar>(this)](const Result<Ticket> &r) {
                         if (!guard)
                             return;
                         r.ok() ? (m_visit.setTicket(r.value()), refresh()) : showError(r.error());
                     });
}

void QueueBar::startServing() {
    if (!m_visit.ticket())
        return;
    m_queue.actAsync(m_visit.ticket()->id, TicketAction::Start, {},
                     [this, guard = QPointer<QueueBar>(this)](const Result<Ticket> &r) {
                         if (!guard)
                             return;
                         if (r.ok()) {
                             m_visit.setTicket(r.value());
                             m_hooks.focusApplicant();
                         } else {
                             showError(r.error());
                         }
                     });
}

void QueueBar::finishTicket() {
    endTicket(TicketAction::Done);
}

void QueueBar::noShow() {
    endTicket(TicketAction::NoShow);
}

// Done and no-show both end the ticket at this window; the page then waits for the next call.
void QueueBar::endTicket(TicketAction action) {
    if (!m_visit.ticket())
        return;
    m_queue.actAsync(m_visit.ticket()->id, action, {},
                     [this, guard = QPointer<QueueBar>(this)](const Result<Ticket> &r) {
                         if (!guard)
                             return;
                         if (!r.ok()) {
                             showError(r.error());
                             return;
                         }
                         m_visit.setTicket(std::nullopt);
                         refresh();
                     });
}

void QueueBar::holdCurrentTicket(std::function<void(bool held)> done) {
    if (!m_visit.ticket()) {
        if (done)
            done(false);
        return;
    }
    m_queue.actAsync(m_visit.ticket()->id, TicketAction::Hold, {},
                     [this, guard = QPointer<QueueBar>(this), done](const Result<Ticket> &r) {
                         if (!guard)
                             return;
                         if (!r.ok()) {
                             showError(r.error());
                             if (done)
                                 done(false);
                             return;
                         }
                         m_hooks.heldVisit();
                         refresh();
                         m_messages->showInfo(tr("Ticket on hold; its draft is kept. Shift+F7 resumes it."));
                         if (done)
                             done(true);
                     });
}

void QueueBar::resumeHeld() {
    // The ticket to resume was held before this key press: never the current one.
    const auto &current = m_visit.ticket();
    auto held = m_queue.heldTickets(m_windowNo);
    std::optional<Ticket> target;
    if (held.ok())
        for (const Ticket &t : held.value())
            if (!current || t.id != current->id) {
                target = t;
                break;
            }
    if (!target) {
        m_messages->showInfo(tr("No ticket on hold."));
        return;
    }
    if (!m_visit.ticketOpen()) {
        resumeTicket(target->id, 0);
        return;
    }
    // A swap: the current ticket goes on hold first (its draft kept, as Hold does), so the window never has
    // two tickets in service and the current visit is not overwritten by the resumed one.
    const qint64 currentId = current->id;
    m_queue.actAsync(
        currentId, TicketAction::Hold, {},
        [this, guard = QPointer<QueueBar>(this), currentId, targetId = target->id](const Result<Ticket> &r) {
            if (!guard)
                return;
            if (!r.ok()) {
                showError(r.error()); // nothing changed: the current ticket stays
                return;
            }
            m_hooks.heldVisit();
            resumeTicket(targetId, currentId);
        });
}

void QueueBar::resumeTicket(qint64 id, qint64 fallbackId) {
    m_queue.actAsync(id, TicketAction::Resume, {},
                     [this, guard = QPointer<QueueBar>(this), fallbackId](const Result<Ticket> &r) {
                         if (!guard)
                             return;
                         if (!r.ok()) {
                             showError(r.error());
                             // The swapped-out ticket was held a moment ago for this swap: it comes back
                             // rather than the window being left with no ticket.
                             if (fallbackId > 0)
                                 resumeTicket(fallbackId, 0);
                             else
                                 refresh();
                             return;
                         }
                         // The held ticket's draft comes back with it.
                         m_hooks.restoreTicketDraft(r->id);
                         m_visit.setTicket(r.value());
                         refresh();
                         m_messages->showInfo(tr("Ticket %1 resumed.").arg(r->ticketNo));
                         m_hooks.focusApplicant();
                     });
}

void QueueBar::transferTicket() {
    if (!m_visit.ticket() || !m_transferTo)
        return;
    m_queue.actAsync(m_visit.ticket()->id, TicketAction::Transfer, m_transferTo->currentData().toString(),
                     [this, guard = QPointer<QueueBar>(this)](const Result<Ticket> &r) {
                         if (!guard)
                             return;
                         if (!r.ok()) {
                             showError(r.error());
                             return;
                         }
                         m_messages->showInfo(
                             tr("Ticket %1 transferred to %2.").arg(r->ticketNo, r->category));
                         m_visit.setTicket(std::nullopt);
                         refresh();
                     });
}

void QueueBar::serveWalkIn() {
    if (m_visit.ticketOpen())
        m_queue.actAsync(m_visit.ticket()->id, TicketAction::Done, {}, [](const Result<Ticket> &) {});
    m_visit.setTicket(std::nullopt);
    m_visit.setWalkIn(true);
    if (!m_visit.isEmpty())
        m_hooks.newVisit();
    showTicket();
    m_hooks.focusApplicant();
}

} // namespace windowdesk::intake
