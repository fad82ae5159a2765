#include "mycasespage.h"
#include "casedetaildialog.h"
#include "noticeoutput.h"

#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/core/timeformat.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

CasesModel::CasesModel(storage::Database &db, const Clock &clock, QString clerkId, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_clock(clock)
    , m_clerkId(std::move(clerkId)) {}

windowdesk::Status CasesModel::reload() {
    // Today's cases and every unfinished one.
    const cases::CaseRepository repo(m_db);
    auto listed = repo.clerkCases(m_clerkId, m_clock.todayCst());
    if (!listed.ok())
        return windowdesk::Status(listed.error());
    QList<CaseRow> rows = std::move(listed.value());
    for (CaseRow &r : rows)
        if (r.syncRefused && r.syncMessage.isEmpty() && r.fieldMessages.isEmpty())
            r.syncMessage = tr("Refused by the platform");
    auto cal = storage::CalendarRepository(m_db, m_clock).workingCalendar();
    // The one card rule (modules/cases): the case's suspensions and the hall's K, as on the board.
    QStringList open;
    for (const CaseRow &r : rows)
        if (!core::isFinishedStatus(r.status))
            open << r.localId;
    const auto facts = repo.cardFacts(open);
    const auto settings = repo.cardSettings();
    if (cal.ok() && facts.ok() && settings.ok()) {
        for (CaseRow &r : rows) {
            const auto f = facts->constFind(r.localId);
            if (f == facts->cend())
                continue;
            if (auto card = cases::evaluateCaseCard(*f, m_clock.nowUtc(), cal.value(), *settings);
                card.ok()) {
                r.card = card->colour;
                if (!r.promisedDue.isValid())
                    r.promisedDue = card->promisedDue;
            }
        }
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    return {};
}

int CasesModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CasesModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CasesModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const CaseRow &r = m_rows.at(index.row());
    if (role == LocalIdRole)
        return r.localId;
    if (role == StatusRole)
        return r.status;
    if (role == TodayRole)
        return r.acceptedDate == m_clock.todayCst().toString(Qt::ISODate);
    if (role == NeedsCorrectionRole)
        return r.needsCorrection();
    if (role == Qt::ToolTipRole && index.column() == Status && r.needsCorrection()) {
        // The server's own words per field (Chinese where it gives them).
        QStringList lines{r.syncMessage};
        for (auto it = r.fieldMessages.begin(); it != r.fieldMessages.end(); ++it)
            lines << u"%1：%2"_s.arg(it.key(), it.value());
        lines.removeAll(QString());
        return lines.join(u'\n');
    }
    if (role == Qt::ForegroundRole && index.column() == Status && r.needsCorrection())
        return ui::attentionForeground();
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Created:
            return core::displayTime(r.createdAt);
        case CaseRef:
            return r.caseNo.isEmpty() ? tr("local %1").arg(r.localId.left(8)) : r.caseNo;
        case Applicant:
            return r.applicant;
        case IdNumber:
            return r.idMasked;
        case Phone:
            return r.phoneMasked;
        case Matter:
            return r.matter;
        case Status:
            // A clear marker: the case did not reach the platform and needs the clerk's correction.
            return r.needsCorrection() ? u"%1 ⚠ 需更正"_s.arg(CaseService::statusLabel(r.status))
                                       : CaseService::statusLabel(r.status);
        case DueDate:
            return r.promisedDue.isValid() ? r.promisedDue.toString(Qt::ISODate) : QString();
        case Card:
            return r.card == core::CardColour::None ? QString() : core::cardColourLabel(r.card);
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::BackgroundRole && index.column() == Card) {
        const QColor colour = ui::cardBackground(r.card);
        if (colour.isValid())
            return colour;
    }
    return {};
}

QVariant CasesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Created:
        return tr("Time");
    case CaseRef:
        return tr("Case");
    case Applicant:
        return tr("Applicant");
    case IdNumber:
        return tr("ID");
    case Phone:
        return tr("Phone");
    case Matter:
        return tr("Matter");
    case Status:
        return tr("Status");
    case DueDate:
        return tr("Due");
    case Card:
        return tr("Card");
    case ColumnCount:
        break;
    }
    return {};
}

void CasesFilterModel::setScope(const QString &scope) {
    m_scope = scope;
    invalidateFilter();
}

void CasesFilterModel::setSearch(const QString &text) {
    m_search = text.trimmed();
    invalidateFilter();
}

bool CasesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_scope == u"today"_s && !first.data(CasesModel::TodayRole).toBool())
        return false;
    if (m_scope == u"open"_s && core::isFinishedStatus(first.data(CasesModel::StatusRole).toString()))
        return false;
    if (m_search.isEmpty())
        return true;
    for (int c = 0; c < sourceModel()->columnCount(sourceParent); ++c)
        if (sourceModel()
                ->index(sourceRow, c, sourceParent)
                .data()
                .toString()
                .contains(m_search, Qt::CaseInsensitive))
            return true;
    return false;
}

MyCasesPage::MyCasesPage(IntakeContext context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(std::move(context)) {
    setObjectName(u"myCasesPage"_s);
    m_cases = std::make_unique<CaseService>(*m_ctx.db, *m_ctx.clock, m_ctx.audit, m_ctx.window);
    auto *layout = new QVBoxLayout(this);
    m_message = new ui::MessageBar(this);
    m_message->setObjectName(u"casesMessage"_s);
    layout->addWidget(m_message);
    auto *top = new QHBoxLayout;
    m_scope = new QComboBox(this);
    m_scope->setObjectName(u"casesScope"_s);
    m_scope->addItem(tr("Today and open"), u"all"_s);
    m_scope->addItem(tr("Today"), u"today"_s);
    m_scope->addItem(tr("Open"), u"open"_s);
    top->addWidget(m_scope);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"casesSearch"_s);
    m_search->setPlaceholderText(tr("Search applicant, matter, case number…"));
    top->addWidget(m_search, 1);
    layout->addLayout(top);
    m_model = new CasesModel(*m_ctx.db, *m_ctx.clock, m_ctx.window.clerkId, this);
    m_filter = new CasesFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_view = new QTableView(this);
    m_view->setObjectName(u"casesView"_s);
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    layout->addWidget(m_view, 1);
    auto *bottom = new QHBoxLayout;
    m_note = new QLineEdit(this);
    m_note->setObjectName(u"eventNote"_s);
    m_note->setPlaceholderText(tr("Delivery way or withdrawal reason"));
    m_note->setMaxLength(300);
    bottom->addWidget(m_note, 1);
    auto *deliver = new QPushButton(tr("Record delivery (Ctrl+D)"), this);
    deliver->setObjectName(u"deliverButton"_s);
    auto *withdraw = new QPushButton(tr("Record withdrawal (Ctrl+W)"), this);
    withdraw->setObjectName(u"withdrawButton"_s);
    auto *print = new QPushButton(tr("Print notice (Ctrl+P)"), this);
    print->setObjectName(u"printCaseButton"_s);
    bottom->addWidget(print);
    connect(print, &QPushButton::clicked, this, &MyCasesPage::printSelected);
    auto *refresh = new QPushButton(ui::withShortcut(tr("Refresh"), ui::shortcut::reloadCases), this);
    refresh->setObjectName(u"refreshCasesButton"_s);
    bottom->addWidget(deliver);
    bottom->addWidget(withdraw);
    auto *correct =
        new QPushButton(ui::withShortcut(tr("Correct and resend"), ui::shortcut::correctCase), this);
    correct->setObjectName(u"correctCaseButton"_s);
    bottom->addWidget(correct);
    connect(correct, &QPushButton::clicked, this, &MyCasesPage::correctSelected);
    bottom->addWidget(refresh);
    layout->addLayout(bottom);
    connect(deliver, &QPushButton::clicked, this, &MyCasesPage::deliverSelected);
    connect(withdraw, &QPushButton::clicked, this, &MyCasesPage::withdrawSelected);
    connect(refresh, &QPushButton::clicked, this, &MyCasesPage::reload);
    const QList<std::pair<QKeySequence, void (MyCasesPage::*)()>> keys{
        {ui::shortcutKey(ui::shortcut::deliverCase), &MyCasesPage::deliverSelected},
        {ui::shortcutKey(ui::shortcut::withdrawCase), &MyCasesPage::withdrawSelected},
        {ui::shortcutKey(ui::shortcut::printNotice), &MyCasesPage::printSelected},
        {ui::shortcutKey(ui::shortcut::correctCase), &MyCasesPage::correctSelected},
        {ui::shortcutKey(ui::shortcut::reloadCases), &MyCasesPage::reload}};
    for (const auto &[key, slot] : keys) {
        auto *sc = new QShortcut(key, this);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, this, slot);
    }
    // Enter or a double-click on a case opens its detail (QAbstractItemView::activated is both).
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &) { openSelected(); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &CasesFilterModel::setSearch);
    connect(m_scope, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setScope(m_scope->currentData().toString()); });
    reload();
}

void MyCasesPage::reload() {
    const QString selected = selectedLocalId();
    if (auto st = m_model->reload(); !st.ok())
        m_message->showError(tr("Cases cannot be read: %1").arg(st.error().message));
    m_view->resizeColumnsToContents();
    // The clerk stays on the case they were working on.
    for (int r = 0; !selected.isEmpty() && r < m_filter->rowCount(); ++r)
        if (m_filter->index(r, 0).data(CasesModel::LocalIdRole).toString() == selected) {
            m_view->setCurrentIndex(m_filter->index(r, 0));
            break;
        }
}

QString MyCasesPage::selectedLocalId() const {
    const QModelIndex idx = m_view->currentIndex();
    return idx.isValid() ? idx.data(CasesModel::LocalIdRole).toString() : QString();
}

void MyCasesPage::deliverSelected() {
    const QString id = selectedLocalId();
    if (id.isEmpty()) {
        m_message->showWarning(tr("Choose a case first."));
        return;
    }
    auto r = m_cases->recordEvent(id, u"delivered"_s, m_note->text());
    if (!r.ok()) {
        m_message->showWarning(r.error().message);
        return;
    }
    auto data = NoticeRenderer::loadCase(*m_ctx.db, id, NoticeKind::Delivery, m_ctx.window.hallName,
                                         m_ctx.window.clerkName);
    if (data.ok()) {
        data->eventAt = m_ctx.clock->nowUtc();
        data->eventNote = m_note->text();
        m_lastNotice =
            NoticeOutput::pdfPath(NoticeOutput::directory(m_ctx.noticeDir), id, NoticeKind::Delivery);
        if (!NoticeRenderer::savePdf(data.value(), m_lastNotice).ok())
            m_lastNotice.clear();
    }
    m_message->showInfo(tr("Delivery recorded; the delivery receipt is saved."));
    m_note->clear();
    reload();
}

void MyCasesPage::printSelected() {
    const QModelIndex idx = m_view->currentIndex();
    if (!idx.isValid()) {
        m_message->showWarning(tr("Choose a case first."));
        return;
    }
    const QString status = idx.data(CasesModel::StatusRole).toString();
    const QString decision = m_model->row(m_filter->mapToSource(idx).row()).decision;
    const NoticeKind kind = NoticeOutput::kindFor(decision, status);
    printNotice(idx.data(CasesModel::LocalIdRole).toString(), kind);
}

void MyCasesPage::printNotice(const QString &localId, NoticeKind kind) {
    auto data =
        NoticeRenderer::loadCase(*m_ctx.db, localId, kind, m_ctx.window.hallName, m_ctx.window.clerkName);
    if (!data.ok()) {
        m_message->showError(data.error().message);
        return;
    }
    if (kind == NoticeKind::Delivery) {
        auto ev = cases::CaseRepository(*m_ctx.db).latestEvent(localId, u"delivered"_s);
        if (ev.ok() && ev->has_value()) {
            data->eventAt = (*ev)->first;
            data->eventNote = (*ev)->second;
        }
    }
    // Over the detail when it is open, else over the page; a reprint always shows the preview first, on the
    // hall's printer and paper for this kind.
    NoticeOutput::preview(m_detail ? static_cast<QWidget *>(m_detail.data()) : this, data.value(),
                          NoticeOutput::printSetup(*m_ctx.db, kind));
}

void MyCasesPage::selectCase(const QString &localId) {
    reload();
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->row(r).localId != localId)
            continue;
        QModelIndex at = m_filter->mapFromSource(m_model->index(r, 0));
        if (!at.isValid()) {
            m_filter->setFilterFixedString(QString());
            at = m_filter->mapFromSource(m_model->index(r, 0));
        }
        m_view->setCurrentIndex(at);
        m_view->scrollTo(at);
        m_view->setFocus();
        return;
    }
}

void MyCasesPage::openSelected() {
    const QModelIndex idx = m_view->currentIndex();
    if (!idx.isValid()) {
        m_message->showWarning(tr("Choose a case first."));
        return;
    }
    const CaseRow &row = m_model->row(m_filter->mapToSource(idx).row());
    auto detail =
        cases::loadCaseDetail(*m_ctx.db, row.localId, m_ctx.window.hallName, m_ctx.window.clerkName);
    if (!detail.ok()) {
        m_message->showError(tr("The case cannot be read: %1").arg(detail.error().message));
        return;
    }
    if (m_detail)
        m_detail->close();
    // Non-modal (open(), no nested event loop); deleted when closed.
    m_detail = new CaseDetailDialog(detail.value(), row.card, this);
    m_detail->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_detail, &CaseDetailDialog::printRequested, this, &MyCasesPage::printNotice);
    m_detail->open();
}

void MyCasesPage::withdrawSelected() {
    const QString id = selectedLocalId();
    if (id.isEmpty()) {
        m_message->showWarning(tr("Choose a case first."));
        return;
    }
    auto r = m_cases->recordEvent(id, u"withdrawn"_s, m_note->text());
    if (!r.ok()) {
        m_message->showWarning(r.error().message);
        return;
    }
    m_message->showInfo(tr("Withdrawal recorded."));
    m_note->clear();
    reload();
}

void MyCasesPage::correctSelected() {
    const QString id = selectedLocalId();
    const CaseRow *row = nullptr;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->row(r).localId == id)
            row = &m_model->row(r);
    if (!row || !row->needsCorrection()) {
        m_message->showWarning(tr("Choose a case marked 需更正 first."));
        return;
    }
    auto source = cases::CaseRepository(*m_ctx.db).correctionSource(id);
    if (!source.ok()) {
        m_message->showError(tr("The case cannot be read: %1").arg(source.error().message));
        return;
    }
    // Non-modal (open(), no nested event loop); deleted when closed.
    auto *dlg = new QDialog(this);
    dlg->setObjectName(u"correctionDialog"_s);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowTitle(tr("Correct the case and resend"));
    auto *form = new QFormLayout(dlg);
    auto *summary = new QLabel(row->syncMessage, dlg);
    summary->setTextFormat(Qt::PlainText);
    summary->setStyleSheet(u"color: #b3261e;"_s);
    form->addRow(summary);
    const QHash<QString, QString> messages = row->fieldMessages;
    auto addField = [&](const QString &key, const QString &label, const QString &value) {
        auto *edit = new QLineEdit(value, dlg);
        edit->setObjectName(u"correct_"_s + key);
        edit->setMaxLength(300);
        form->addRow(label, edit);
        if (messages.contains(key)) {
            auto *hint = new QLabel(messages.value(key), dlg);
            hint->setTextFormat(Qt::PlainText);
            hint->setStyleSheet(u"color: #b3261e;"_s);
            form->addRow(QString(), hint);
        }
        return edit;
    };
    QLineEdit *name = addField(u"applicant.name"_s, tr("Applicant name"), source->applicantName);
    QLineEdit *idNo = addField(u"applicant.id_number"_s, tr("ID number"), source->idNumber);
    QLineEdit *phone = addField(u"applicant.phone"_s, tr("Phone"), source->phone);
    const QJsonObject &values = source->formValues;
    const QHash<QString, QString> &labels = source->fieldLabels;
    QHash<QString, QLineEdit *> formEdits;
    for (auto it = messages.begin(); it != messages.end(); ++it)
        if (it.key().startsWith(u"form_values."_s)) {
            const QString field = it.key().mid(12);
            formEdits.insert(field, addField(it.key(), labels.value(field, tr("Form field")),
                                             values.value(field).toVariant().toString()));
        }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dlg);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dlg, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dlg, [this, dlg, id, name, idNo, phone, formEdits] {
        CaseService::Correction c;
        c.applicantName = name->text();
        c.idNumber = idNo->text();
        c.phone = phone->text();
        for (auto it = formEdits.begin(); it != formEdits.end(); ++it)
            c.formValues.insert(it.key(), it.value()->text());
        auto r = m_cases->correctRejected(id, c);
        if (!r.ok()) {
            m_message->showWarning(r.error().message);
            return;
        }
        dlg->accept();
        m_message->showInfo(tr("Correction saved; it is sent with the next sync."));
        reload();
    });
    dlg->open();
}

} // namespace windowdesk::intake
