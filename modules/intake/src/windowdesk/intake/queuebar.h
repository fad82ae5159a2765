#pragma once
// The queue bar of the intake page (叫号): the current ticket, the waiting count, call next, recall, start,
// done, no-show, hold, resume, transfer, walk-in, and the "last called" strip. The ticket is the visit's; the
// queue may answer later (the platform's), so every action completes in a callback guarded by the bar.
#include "intakecontext.h"

#include <windowdesk/cases/intakevisit.h>

#include <QGroupBox>
#include <functional>

class QComboBox;
class QLabel;

namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::intake {

class QueueBar : public QGroupBox {
    Q_OBJECT
public:
    // What the bar asks of the page around a ticket change.
    struct Hooks {
        std::function<void()> newVisit;  // the visit on the page is saved and a new one starts
        std::function<void()> heldVisit; // the ticket went on hold: its draft saved, the page cleared
        // A resumed ticket: its held draft (if any) comes back to the page.
        std::function<void(qint64 ticketId)> restoreTicketDraft;
        std::function<void()> focusApplicant;
    };
    // `scope`: the page, where the queue keys are active.
    QueueBar(QueueService &queue, cases::IntakeVisit &visit, ui::MessageBar *messages, const Clock &clock,
             const QString &windowNo, Hooks hooks, QWidget *scope, QObject *wheelGuard,
             QWidget *parent = nullptr);

    void callNext();
    void recall();
    void startServing();
    void finishTicket();
    void noShow();
    void holdTicket() { holdCurrentTicket({}); }
    // Puts the current ticket on hold with its draft kept; `done(true)` once the queue took it.
    void holdCurrentTicket(std::function<void(bool held)> done);
    void resumeHeld();
    void transferTicket();
    void serveWalkIn();
    // The waiting count, the last-called strip and the ticket line.
    void refresh();

private:
    void endTicket(TicketAction action);
    // Resumes the held ticket `id`; when that fails and `fallbackId` is set (the ticket just held for a
    // swap), that one is resumed instead.
    void resumeTicket(qint64 id, qint64 fallbackId);
    void showTicket();
    void showError(const Error &e);

    QueueService &m_queue;
    cases::IntakeVisit &m_visit;
    ui::MessageBar *m_messages;
    const Clock &m_clock;
    QString m_windowNo;
    Hooks m_hooks;
    QLabel *m_ticketLabel = nullptr;
    QLabel *m_queueState = nullptr;
    QLabel *m_queueStrip = nullptr;
    QComboBox *m_transferTo = nullptr;
};

} // namespace windowdesk::intake
