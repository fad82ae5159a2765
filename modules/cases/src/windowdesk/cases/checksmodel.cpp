#include "checksmodel.h"

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

void ChecksModel::setRows(const QList<CheckRow> &rows) {
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const CheckRow *ChecksModel::rowAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ChecksModel::overdueCount() const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const CheckRow &r) { return r.overdue; }));
}

int ChecksModel::falseCommitmentCount() const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const CheckRow &r) { return r.state == u"false_commitment"_s; }));
}

bool ChecksModel::refusedByConflict(const CheckRow &r) {
    return !r.recordedOutcome.isEmpty() && r.syncState == u"needs_attention"_s && r.state != u"open"_s;
}

int ChecksModel::conflictCount() const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), &ChecksModel::refusedByConflict));
}

int ChecksModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChecksModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ChecksModel::stateText(const CheckRow &r) {
    if (r.state == u"open"_s && !r.recordedOutcome.isEmpty()) {
        const auto recorded = core::checkStateFromString(r.recordedOutcome);
        const QString outcome = recorded ? core::label(*recorded) : r.recordedOutcome;
        if (r.syncState == u"unsupported"_s)
            return tr("%1 recorded here (platform does not support it yet)").arg(outcome);
        if (r.syncState == u"needs_attention"_s)
            return tr("%1 refused by the platform").arg(outcome);
        return tr("%1 recorded, waiting for the platform").arg(outcome);
    }
    const auto state = core::checkStateFromString(r.state);
    QString text = state ? core::label(*state) : r.state;
    if (state == core::CheckState::FalseCommitment) {
        const auto c = core::checkConsequenceFromString(r.consequence);
        if (c)
            text += u"（%1）"_s.arg(core::label(*c));
    }
    if (refusedByConflict(r)) {
        const auto recorded = core::checkStateFromString(r.recordedOutcome);
        return tr("The platform had its outcome already: %1; ours (%2) was not taken, it is kept here")
            .arg(text, recorded ? core::label(*recorded) : r.recordedOutcome);
    }
    if (r.overdue)
        text += tr(" (overdue)");
    return text;
}

QString ChecksModel::dueText(const CheckRow &r) {
    const QString date = r.dueDate.toString(Qt::ISODate);
    if (r.state != u"open"_s || !r.recordedOutcome.isEmpty())
        return date;
    if (r.workingDaysLeft < 0)
        return tr("%1 (%n working day(s) late)", nullptr, -r.workingDaysLeft).arg(date);
    return tr("%1 (%n working day(s) left)", nullptr, r.workingDaysLeft).arg(date);
}

QVariant ChecksModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CheckRow &r = m_rows[index.row()];
    if (role == OverdueRole)
        return r.overdue;
    if (role == FalseCommitmentRole)
        return r.state == u"false_commitment"_s;
    if (role == CheckIdRole)
        return r.checkId;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case CaseNo:
        return r.caseNo;
    case Applicant:
        return r.applicantName;
    case Matter:
        return r.matterName;
    case Material:
        return r.materialName;
    case Due:
        return dueText(r);
    case State:
        return stateText(r);
    case Note:
        if (r.recordedNote.isEmpty() || r.recordedNote == r.outcomeNote)
            return r.outcomeNote;
        if (r.outcomeNote.isEmpty())
            return r.recordedNote; // ours, waiting for the platform
        return tr("%1 (ours: %2)").arg(r.outcomeNote, r.recordedNote);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ChecksModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case CaseNo:
        return tr("Case");
    case Applicant:
        return tr("Applicant");
    case Matter:
        return tr("Matter");
    case Material:
        return tr("Committed material");
    case Due:
        return tr("Check due");
    case State:
        return tr("Outcome");
    case Note:
        return tr("Note");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace windowdesk::cases
