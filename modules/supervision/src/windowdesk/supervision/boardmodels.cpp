#include "boardmodels.h"
#include "followupdialog.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/ui/appearance.h>

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/core/clock.h>

#include <QColor>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

namespace {

QString statusText(const QString &status) {
    if (core::is(status, core::CaseStatus::Accepted))
        return BoardCasesModel::tr("Accepted");
    if (core::is(status, core::CaseStatus::InProgress))
        return BoardCasesModel::tr("In progress");
    if (core::is(status, core::CaseStatus::Suspended))
        return BoardCasesModel::tr("Suspended");
    return status;
}

QVariant cardBackground(const cases::BoardCaseCard &c) {
    if (!c.card)
        return {};
    const QColor colour = ui::cardBackground(c.card->colour);
    return colour.isValid() ? QVariant(colour) : QVariant();
}

QString dateText(const QDate &d) {
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

QString cardLabel(const cases::BoardCaseCard &c) {
    if (c.calendarMissing)
        return BoardCasesModel::tr("Calendar missing");
    if (!c.card)
        return {};
    switch (c.card->colour) {
    case core::CardColour::Normal:
        return BoardCasesModel::tr("Normal");
    case core::CardColour::Warning:
        return BoardCasesModel::tr("Warning");
    case core::CardColour::Yellow:
        return BoardCasesModel::tr("Yellow card");
    case core::CardColour::Red:
        return BoardCasesModel::tr("Red card");
    case core::CardColour::None:
        break;
    }
    return {};
}

// ── Rows ────────────────────────────────────────────────────────────────
void BoardRowsModel::setRows(const QList<cases::BoardRow> &rows, cases::BoardGrouping by) {
    beginResetModel();
    m_rows = rows;
    m_by = by;
    endResetModel();
}

int BoardRowsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BoardRowsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BoardRowsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const cases::BoardRow &r = m_rows.at(index.row());
    if (role == KeyRole)
        return r.key.value_or(QString());
    if (role == HasKeyRole)
        return r.key.has_value();
    if (role == Qt::TextAlignmentRole && index.column() != Key)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && index.column() == Red && r.counts.red > 0)
        return ui::cardBackground(core::CardColour::Red);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Key:
        return r.key ? *r.key : tr("(no department)");
    case Open:
        return r.counts.open;
    case Warning:
        return r.counts.warning;
    case Yellow:
        return r.counts.yellow;
    case Red:
        return r.counts.red;
    case FollowupMissing:
        return r.counts.followupMissing;
    case CalendarMissing:
        return r.counts.calendarMissing;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BoardRowsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Key:
        return m_by == cases::BoardGrouping::Window ? tr("Window") : tr("Department");
    case Open:
        return tr("Open");
    case Warning:
        return tr("Warning");
    case Yellow:
        return tr("Yellow");
    case Red:
        return tr("Red");
    case FollowupMissing:
        return tr("Follow-up missing");
    case CalendarMissing:
        return tr("Calendar missing");
    case ColumnCount:
        break;
    }
    return {};
}

// ── Cases ───────────────────────────────────────────────────────────────
void BoardCasesModel::setCases(const QList<cases::BoardCaseCard> &cases,
                               const QHash<QString, QString> &clerkNames) {
    beginResetModel();
    m_cases = cases;
    m_clerkNames = clerkNames;
    endResetModel();
}

const cases::BoardCaseCard *BoardCasesModel::caseAt(int row) const {
    return row >= 0 && row < m_cases.size() ? &m_cases.at(row) : nullptr;
}

int BoardCasesModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_cases.size());
}

int BoardCasesModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BoardCasesModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_cases.size() || index.column() >= ColumnCount)
        return {};
    const cases::BoardCaseCard &c = m_cases.at(index.row());
    if (role == LocalIdRole)
        return c.data.localId;
    if (role == Qt::BackgroundRole && index.column() == Card)
        return cardBackground(c);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case CaseRef:
        return c.data.caseNo.isEmpty() ? tr("local %1").arg(c.data.localId.left(8)) : c.data.caseNo;
    case Window:
        return c.data.windowNo;
    case Clerk:
        return m_clerkNames.value(c.data.clerkId, c.data.clerkId);
    case Applicant:
        return c.data.applicantName;
    case IdNumber:
        return c.data.idMasked;
    case Phone:
        return c.data.phoneMasked;
    case Status:
        return statusText(c.data.status);
    case Accepted:
        return dateText(c.data.facts.acceptedDate);
    case PromisedDue:
        return c.card ? dateText(c.card->promisedDue) : QString();
    case LegalDue:
        return c.card ? dateText(c.card->legalDue) : QString();
    case PlatformDue:
        return dateText(c.data.platformPromisedDue);
    case Card:
        return cardLabel(c);
    case Followup:
        return c.followupMissing ? tr("Missing") : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BoardCasesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case CaseRef:
        return tr("Case");
    case Window:
        return tr("Window");
    case Clerk:
        return tr("Clerk");
    case Applicant:
        return tr("Applicant");
    case IdNumber:
        return tr("Id number");
    case Phone:
        return tr("Phone");
    case Status:
        return tr("Status");
    case Accepted:
        return tr("Accepted on");
    case PromisedDue:
        return tr("Promised due");
    case LegalDue:
        return tr("Legal due");
    case PlatformDue:
        return tr("Platform due");
    case Card:
        return tr("Card");
    case Followup:
        return tr("Follow-up");
    case ColumnCount:
        break;
    }
    return {};
}

// ── Timeline ────────────────────────────────────────────────────────────
void TimelineModel::setEntries(const QList<cases::TimelineEntry> &entries) {
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int TimelineModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString TimelineModel::kindLabel(const QString &kind) {
    if (kind == u"created"_s)
        return tr("Decided at the window");
    if (kind == u"delivered"_s)
        return tr("Delivered");
    if (kind == u"withdrawn"_s)
        return tr("Withdrawn");
    if (kind == u"suspended"_s || kind == u"suspension_from"_s)
        return tr("Suspended");
    if (kind == u"resumed"_s || kind == u"suspension_to"_s)
        return tr("Resumed");
    if (kind == u"status_changed"_s)
        return tr("Status changed");
    if (kind == u"followup"_s || kind == u"red_card_followup"_s)
        return tr("Follow-up");
    return kind;
}

QString TimelineModel::detailText(const cases::TimelineEntry &e) {
    // The words the lists print (core::label), never the stored code: 受理, 办理中, 红牌 · 后台延误 · …
    if (e.kind == u"created"_s)
        if (const auto d = core::decisionFromString(e.detail))
            return core::label(*d);
    if (e.kind == u"status_changed"_s)
        if (const auto st = core::caseStatusFromString(e.detail))
            return core::label(*st);
    if (e.kind != u"followup"_s)
        return e.detail;
    QStringList parts;
    if (e.colour == u"red"_s)
        parts << BoardCasesModel::tr("Red card");
    else if (e.colour == u"yellow"_s)
        parts << BoardCasesModel::tr("Yellow card");
    else if (!e.colour.isEmpty())
        parts << e.colour;
    if (!e.finding.isEmpty())
        parts << FollowupDialog::findingLabel(e.finding);
    if (!e.detail.isEmpty())
        parts << e.detail;
    return parts.join(u" · "_s);
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size() || index.column() >= ColumnCount ||
        role != Qt::DisplayRole)
        return {};
    const cases::TimelineEntry &e = m_entries.at(index.row());
    switch (Column(index.column())) {
    case At: {
        const QDateTime t = QDateTime::fromString(e.at, Qt::ISODate);
        return e.at.size() > 10 && t.isValid()
                   ? t.toTimeZone(Clock::chinaStandardTime()).toString(u"yyyy-MM-dd HH:mm"_s)
                   : e.at;
    }
    case Kind:
        return kindLabel(e.kind) + (e.fromPlatform ? tr(" (platform)") : QString());
    case Detail:
        return detailText(e);
    case By:
        return e.by;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case At:
        return tr("Time");
    case Kind:
        return tr("What");
    case Detail:
        return tr("Detail");
    case By:
        return tr("By");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace windowdesk::supervision
