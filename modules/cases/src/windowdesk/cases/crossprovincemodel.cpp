#include "crossprovincemodel.h"

#include <windowdesk/core/clock.h>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

CrossProvinceModel::CrossProvinceModel(storage::Database &db, const Clock &clock, QString windowNo,
                                       QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_clock(clock)
    , m_windowNo(std::move(windowNo)) {}

Status CrossProvinceModel::reload() {
    auto rows = CrossProvinceRepository(m_db, m_clock).list(m_windowNo);
    if (!rows.ok())
        return rows.error();
    beginResetModel();
    m_rows = rows.value();
    m_today = m_clock.todayCst();
    endResetModel();
    return {};
}

int CrossProvinceModel::lateCount() const {
    int n = 0;
    for (const auto &r : m_rows)
        n += r.lateOn(m_today) ? 1 : 0;
    return n;
}

int CrossProvinceModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CrossProvinceModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : Count;
}

QString CrossProvinceModel::syncText(const CrossProvinceReceipt &r) {
    if (r.outboxState == u"unsupported"_s)
        return tr("Platform does not support it yet");
    if (r.outboxState == u"needs_attention"_s || !r.platformMessage.isEmpty())
        return tr("Needs attention");
    if (!r.receiptNo.isEmpty())
        return r.receiptNo;
    return tr("Waiting to sync");
}

QVariant CrossProvinceModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CrossProvinceReceipt &r = m_rows.at(index.row());
    const bool late = r.lateOn(m_today);
    if (role == LateRole)
        return late;
    if (role == LocalIdRole)
        return r.localId;
    if (role == Qt::ToolTipRole && index.column() == Sync && !r.platformMessage.isEmpty())
        return r.platformMessage;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Created: {
        const QDateTime t = QDateTime::fromString(r.createdAt, Qt::ISODate);
        return t.isValid() ? t.toTimeZone(Clock::chinaStandardTime()).toString(u"yyyy-MM-dd HH:mm"_s)
                           : r.createdAt;
    }
    case Window:
        return r.windowNo;
    case Region:
        return r.targetRegionName;
    case Item:
        return r.itemName;
    case Applicant:
        return r.entityName.isEmpty() ? r.applicantName : r.entityName;
    case IdNumber:
        return r.applicantIdMasked;
    case State:
        return late ? tr("%1 · late").arg(crossProvinceStateName(r.state)) : crossProvinceStateName(r.state);
    case ForwardDue:
        return r.forwardDue.toString(Qt::ISODate);
    case TargetCase:
        return r.targetCaseNo;
    case Sync:
        return syncText(r);
    default:
        return {};
    }
}

QVariant CrossProvinceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Created:
        return tr("Received");
    case Window:
        return tr("Window");
    case Region:
        return tr("Target region");
    case Item:
        return tr("Matter");
    case Applicant:
        return tr("Applicant");
    case IdNumber:
        return tr("ID number");
    case State:
        return tr("State");
    case ForwardDue:
        return tr("Forward by");
    case TargetCase:
        return tr("Target case no.");
    case Sync:
        return tr("Platform");
    default:
        return {};
    }
}

} // namespace windowdesk::cases
