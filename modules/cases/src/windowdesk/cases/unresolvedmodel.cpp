#include "unresolvedmodel.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

void UnresolvedModel::setRows(const QList<UnresolvedRow> &rows) {
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const UnresolvedRow *UnresolvedModel::rowAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int UnresolvedModel::overdueCount() const {
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const UnresolvedRow &r) { return r.overdue; }));
}

int UnresolvedModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UnresolvedModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString UnresolvedModel::stateText(const UnresolvedRow &r) {
    const auto state = core::unresolvedStateFromString(r.state);
    QString text = state ? core::label(*state) : r.state;
    if (r.syncState == u"unsupported"_s)
        text += tr(" (kept here: the platform does not support it yet)");
    else if (r.syncState == u"needs_attention"_s)
        text += tr(" (refused by the platform)");
    else if (r.origin == u"local"_s && r.requestNo.isEmpty())
        text += tr(" (not synced yet)");
    if (r.overdue)
        text += tr(" (overdue)");
    return text;
}

QVariant UnresolvedModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const UnresolvedRow &r = m_rows[index.row()];
    if (role == OverdueRole)
        return r.overdue;
    if (role == LocalIdRole)
        return r.localId;
    if (role == Qt::ToolTipRole && index.column() == Description)
        return r.description;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Created:
        return r.createdAt.toTimeZone(Clock::chinaStandardTime()).toString(u"yyyy-MM-dd HH:mm"_s);
    case Window:
        return r.windowNo;
    case Category: {
        const auto c = core::unresolvedCategoryFromString(r.category);
        return c ? core::label(*c) : r.category;
    }
    case Description:
        return r.description.size() > 40 ? r.description.left(40) + u"…"_s : r.description;
    case Applicant:
        return r.applicantName;
    case Phone:
        return core::maskPhone(r.applicantPhone);
    case RoutedTo:
        return r.routedTo.isEmpty() ? tr("(hall decides)") : r.routedTo;
    case ReplyDue:
        return r.replyDue.toString(Qt::ISODate);
    case State:
        return stateText(r);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant UnresolvedModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Created:
        return tr("Recorded");
    case Window:
        return tr("Window");
    case Category:
        return tr("Category");
    case Description:
        return tr("What was needed");
    case Applicant:
        return tr("Citizen");
    case Phone:
        return tr("Phone");
    case RoutedTo:
        return tr("Routed to");
    case ReplyDue:
        return tr("Reply due");
    case State:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace windowdesk::cases
