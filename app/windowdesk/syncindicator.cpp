#include "syncindicator.h"

#include <windowdesk/core/timeformat.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/sync/syncservice.h>
#include <windowdesk/ui/shortcuts.h>

#include <QDialog>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::app {

namespace {
QString ageText(qint64 secs) {
    if (secs < 60)
        return SyncIndicator::tr("%n second(s)", nullptr, int(secs));
    if (secs < 3600)
        return SyncIndicator::tr("%n minute(s)", nullptr, int(secs / 60));
    return SyncIndicator::tr("%n hour(s)", nullptr, int(secs / 3600));
}
} // namespace

SyncIndicator::SyncIndicator(sync::SyncService &service, QString username, QWidget *parent)
    : QToolButton(parent)
    , m_service(service)
    , m_username(std::move(username)) {
    setObjectName(u"syncIndicator"_s);
    setAutoRaise(true);
    setPopupMode(QToolButton::InstantPopup);
    setAccessibleName(tr("Sync state"));
    auto *menu = new QMenu(this);
    QAction *now = menu->addAction(tr("Sync now"), this, [this] { m_service.syncNow(); });
    now->setShortcut(ui::shortcutKey(ui::shortcut::syncNow));
    now->setShortcutContext(Qt::ApplicationShortcut);
    addAction(now); // the shortcut works while the menu is closed
    menu->addAction(tr("Items needing attention…"), this, &SyncIndicator::showAttentionList);
    QAction *login = menu->addAction(tr("Log in to the platform…"), this, &SyncIndicator::askPlatformLogin);
    login->setObjectName(u"platformLoginAction"_s);
    login->setShortcut(ui::shortcutKey(ui::shortcut::platformLogin));
    login->setShortcutContext(Qt::ApplicationShortcut);
    addAction(login);
    setMenu(menu);

    // Pages carry no total: a busy bar with the stream and the records so far.
    m_bar = new QProgressBar(parent);
    m_bar->setObjectName(u"syncProgress"_s);
    m_bar->setRange(0, 0);
    m_bar->setTextVisible(true);
    m_bar->setMaximumWidth(260);
    m_bar->setAccessibleName(tr("Pull progress"));
    m_bar->hide();

    sync::SyncStatus *status = m_service.status();
    connect(status, &sync::SyncStatus::changed, this, &SyncIndicator::updateText);
    connect(status, &sync::SyncStatus::progress, this, [this](const QString &stream, int records) {
        m_progress = tr("pulling %1: %2").arg(stream).arg(records);
        m_bar->setFormat(m_progress);
        m_bar->show();
        updateText();
    });
    connect(&m_service, &sync::SyncService::finished, this, [this] {
        m_progress.clear();
        m_bar->hide();
        updateText();
    });
    connect(&m_service, &sync::SyncService::loginFinished, this, [this](const sync::LoginOutcome &o) {
        setToolTip(o.status.ok()
                       ? (o.keychainStored ? tr("Logged in to the platform.")
                                           : tr("Logged in; no system keychain: the tokens are kept "
                                                "in memory for this run only."))
                       : o.status.error().message);
        if (o.status.ok())
            m_service.syncNow();
    });
    updateText();
}

void SyncIndicator::updateText() {
    const sync::SyncStatus *s = m_service.status();
    QStringList parts;
    m_stateWord = s->online() ? tr("Online") : tr("Offline");
    parts << m_stateWord;
    if (s->syncing())
        parts << tr("syncing");
    if (s->loginRequired())
        parts << tr("platform login needed");
    if (s->pendingCount() > 0)
        parts << tr("%n write(s) pending, oldest %1 ago", nullptr, s->pendingCount())
                     .arg(ageText(s->oldestPendingAgeSecs()));
    else
        parts << tr("nothing pending");
    if (s->needsAttentionCount() > 0)
        parts << tr("%n need(s) attention", nullptr, s->needsAttentionCount());
    if (s->lastSuccess().isValid())
        parts << tr("last sync %1").arg(core::displayTime(s->lastSuccess())); // CST, as every list shows
    if (!m_progress.isEmpty())
        parts << m_progress;
    m_fullText = parts.join(u" · "_s);
    setAccessibleDescription(m_fullText);
    showFitting();
    updateGeometry();
    if (!s->lastError().isEmpty())
        setToolTip(tr("Last error: %1").arg(s->lastError()));
}

int SyncIndicator::textPadding() const {
    // The tool button's frame and margins around its text.
    return 2 * style()->pixelMetric(QStyle::PM_ButtonMargin, nullptr, this) + 8;
}

void SyncIndicator::showFitting() {
    const int room = width() - textPadding();
    const QString shown = fontMetrics().horizontalAdvance(m_fullText) <= room
                              ? m_fullText
                              : fontMetrics().elidedText(m_fullText, Qt::ElideRight, room);
    // Never less than the state word: the minimum size leaves room for it and the ellipsis.
    setText(shown.startsWith(m_stateWord) ? shown : m_stateWord + u"…"_s);
}

QSize SyncIndicator::sizeHint() const {
    const QSize base = QToolButton::sizeHint();
    return {fontMetrics().horizontalAdvance(m_fullText) + textPadding(), base.height()};
}

QSize SyncIndicator::minimumSizeHint() const {
    const QSize base = QToolButton::minimumSizeHint();
    return {fontMetrics().horizontalAdvance(m_stateWord + u" …"_s) + textPadding(), base.height()};
}

void SyncIndicator::resizeEvent(QResizeEvent *event) {
    QToolButton::resizeEvent(event);
    showFitting();
}

void SyncIndicator::changeEvent(QEvent *event) {
    QToolButton::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        showFitting();
}

void SyncIndicator::setAuditor(storage::AuditLog *audit, QString userId) {
    m_audit = audit;
    m_userId = std::move(userId);
}

void SyncIndicator::showAttentionList() {
    auto *dlg = new QDialog(window());
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setObjectName(u"attentionDialog"_s);
    dlg->setWindowTitle(tr("Writes the platform did not accept"));
    auto *layout = new QVBoxLayout(dlg);
    auto *list = new QListWidget(dlg);
    list->setObjectName(u"attentionList"_s);
    constexpr int FinalRole = Qt::UserRole + 1;
    for (const sync::AttentionItem &item : m_service.status()->needsAttention()) {
        QString text = tr("%1 %2 — HTTP %3: %4")
                           .arg(item.kind, core::displayTime(item.createdAt))
                           .arg(item.httpStatus)
                           .arg(item.message);
        if (!item.fieldsJson.isEmpty() && item.fieldsJson != u"{}"_s)
            text += u"\n"_s + item.fieldsJson;
        if (item.finalAnswer)
            text += u"\n"_s + tr("The platform's answer is final: its record stands, ours is kept here. "
                                 "Retrying would get the same answer.");
        auto *row = new QListWidgetItem(text, list);
        row->setData(Qt::UserRole, item.opId);
        row->setData(FinalRole, item.finalAnswer);
    }
    if (list->count() == 0)
        list->addItem(tr("Nothing needs attention."));
    layout->addWidget(new QLabel(tr("Correct the case at the window, or retry when the cause is fixed. A "
                                    "final answer of the platform is acknowledged instead."),
                                 dlg));
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dlg);
    QPushButton *retry = buttons->addButton(tr("&Retry"), QDialogButtonBox::ActionRole);
    retry->setObjectName(u"attentionRetry"_s);
    QPushButton *acknowledge =
        buttons->addButton(tr("&Accept the platform's answer"), QDialogButtonBox::ActionRole);
    acknowledge->setObjectName(u"attentionAcknowledge"_s);
    acknowledge->setVisible(m_audit != nullptr);
    auto *message = new QLabel(dlg);
    message->setObjectName(u"attentionMessage"_s);
    message->setWordWrap(true);
    layout->addWidget(message);
    // Retry for what may pass another time; acknowledge only for a final answer (re-sending it is useless).
    auto enable = [list, retry, acknowledge] {
        const QListWidgetItem *row = list->currentItem();
        const bool any = row && !row->data(Qt::UserRole).toString().isEmpty();
        const bool final = any && row->data(FinalRole).toBool();
        retry->setEnabled(any && !final);
        acknowledge->setEnabled(final);
    };
    connect(list, &QListWidget::currentRowChanged, dlg, enable);
    if (list->count() > 0 && !list->item(0)->data(Qt::UserRole).toString().isEmpty())
        list->setCurrentRow(0);
    enable();
    connect(retry, &QPushButton::clicked, dlg, [this, list, enable] {
        const QListWidgetItem *row = list->currentItem();
        if (!row || row->data(Qt::UserRole).toString().isEmpty())
            return;
        if (m_service.status()->retry(row->data(Qt::UserRole).toString()).ok()) {
            delete list->takeItem(list->row(row));
            m_service.syncNow();
        }
        enable();
    });
    connect(acknowledge, &QPushButton::clicked, dlg, [this, list, message, enable] {
        const QListWidgetItem *row = list->currentItem();
        if (!m_audit || !row || !row->data(FinalRole).toBool())
            return;
        const Status st =
            m_service.status()->acknowledge(row->data(Qt::UserRole).toString(), *m_audit, m_userId);
        if (!st.ok()) {
            message->setText(tr("Not acknowledged: %1").arg(st.error().message));
            return;
        }
        message->setText(
            tr("Acknowledged: the platform's record stands; the write is archived and recorded in "
               "the audit log."));
        delete list->takeItem(list->row(row));
        m_service.syncNow(); // writes that waited for it go now
        enable();
    });
    connect(buttons, &QDialogButtonBox::rejected, dlg, &QDialog::close);
    layout->addWidget(buttons);
    dlg->resize(640, 360);
    dlg->open();
    list->setFocus();
}

void SyncIndicator::askPlatformLogin() {
    auto *dlg = new QInputDialog(window());
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowTitle(tr("Platform login"));
    dlg->setLabelText(tr("Password of %1 on the platform:").arg(m_username));
    dlg->setTextEchoMode(QLineEdit::Password);
    connect(dlg, &QInputDialog::textValueSelected, this,
            [this](const QString &password) { m_service.login(m_username, password); });
    dlg->open();
}

} // namespace windowdesk::app
