#include "reportmodels.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

void ReportTableModel::setReport(const reports::PeriodReport &report,
                                 const QHash<QString, QString> &userNames) {
    beginResetModel();
    m_report = report;
    m_userNames = userNames;
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_report.rows.size()) + 1;
}

int ReportTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const reports::ReportCounts &ReportTableModel::countsAt(int row) const {
    return row < m_report.rows.size() ? m_report.rows.at(row).counts : m_report.total;
}

QString ReportTableModel::fieldName(int column) {
    static const QStringList names = {QString(),          u"arrived"_s,    u"called"_s,
                                      u"served"_s,        u"no_show"_s,    u"above_service_level"_s,
                                      u"avg_wait_s"_s,    u"max_wait_s"_s, u"avg_service_s"_s,
                                      u"max_service_s"_s, u"accepted"_s,   u"correction_required"_s,
                                      u"rejected"_s,      u"evaluated"_s,  u"bad_evaluations"_s};
    return names.value(column);
}

QString ReportTableModel::durationText(std::optional<qint64> tenths) {
    if (!tenths)
        return u"—"_s;
    const qint64 s = *tenths / 10, t = *tenths % 10;
    QString text = u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    if (t != 0)
        text += u".%1"_s.arg(t);
    return text;
}

QString ReportTableModel::keyText(const std::optional<QString> &key) const {
    if (!key)
        return tr("(none)");
    switch (m_report.by) {
    case reports::ReportGrouping::Clerk:
        if (const QString name = m_userNames.value(*key); !name.isEmpty())
            return u"%1 (%2)"_s.arg(name, *key);
        return *key;
    case reports::ReportGrouping::Hour:
        return u"%1:00"_s.arg(*key);
    default:
        return *key;
    }
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    const bool total = index.row() >= m_report.rows.size();
    if (role == IsTotalRole)
        return total;
    if (role == Qt::FontRole && total) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Key ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != RawRole && role != Qt::ToolTipRole)
        return {};
    const reports::ReportCounts &c = countsAt(index.row());
    if (index.column() == Key) {
        if (role == RawRole)
            return total ? QVariant()
                         : (m_report.rows.at(index.row()).key ? QVariant(*m_report.rows.at(index.row()).key)
                                                              : QVariant());
        return total ? tr("Total") : keyText(m_report.rows.at(index.row()).key);
    }
    const QJsonValue raw = c.toJson().value(fieldName(index.column()));
    if (role == RawRole)
        return raw.toVariant();
    switch (index.column()) {
    case AvgWait:
        return durationText(c.avgWaitTenths());
    case AvgService:
        return durationText(c.avgServiceTenths());
    case MaxWait:
        return c.waitCount ? durationText(c.waitMax * 10) : durationText(std::nullopt);
    case MaxService:
        return c.serviceCount ? durationText(c.serviceMax * 10) : durationText(std::nullopt);
    default:
        return QString::number(raw.toInteger());
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (section) {
    case Key:
        switch (m_report.by) {
        case reports::ReportGrouping::Window:
            return tr("Window");
        case reports::ReportGrouping::Clerk:
            return tr("Clerk");
        case reports::ReportGrouping::Category:
            return tr("Category");
        case reports::ReportGrouping::Hour:
            return tr("Hour");
        }
        return {};
    case Arrived:
        return tr("Tickets");
    case Called:
        return tr("Called");
    case Served:
        return tr("Served");
    case NoShow:
        return tr("No-shows");
    case AboveServiceLevel:
        return role == Qt::ToolTipRole ? tr("Called after waiting longer than the service-level target")
                                       : tr("Over target");
    case AvgWait:
        return tr("Avg wait");
    case MaxWait:
        return tr("Max wait");
    case AvgService:
        return tr("Avg service");
    case MaxService:
        return tr("Max service");
    case Accepted:
        return tr("Accepted");
    case CorrectionRequired:
        return tr("Correction");
    case Rejected:
        return tr("Refused");
    case Evaluated:
        return tr("Ratings");
    case BadEvaluations:
        return tr("Bad ratings");
    }
    return {};
}

} // namespace windowdesk::supervision
