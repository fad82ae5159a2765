#include "questionmodel.h"

#include <windowdesk/training/bankexchange.h>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

using training::Question;
using training::QuestionKind;

void QuestionTableModel::setQuestions(const QList<Question> &questions) {
    beginResetModel();
    m_rows = questions;
    endResetModel();
}

const Question *QuestionTableModel::question(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int QuestionTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QuestionTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString QuestionTableModel::kindLabel(QuestionKind k) {
    switch (k) {
    case QuestionKind::Single:
        return tr("Single choice");
    case QuestionKind::Multiple:
        return tr("Multiple choice");
    case QuestionKind::TrueFalse:
        return tr("True/false");
    }
    return {};
}

QString QuestionTableModel::categoryLabel(const QString &category) {
    using namespace training::category;
    if (category == QString::fromUtf16(Materials))
        return tr("Materials");
    if (category == QString::fromUtf16(TimeLimits))
        return tr("Time limits");
    if (category == QString::fromUtf16(Departments))
        return tr("Departments");
    if (category == QString::fromUtf16(Commitment))
        return tr("Notification and commitment");
    if (category == QString::fromUtf16(Bundles))
        return tr("Bundled matters");
    if (category == QString::fromUtf16(Instant))
        return tr("Instant matters");
    return category;
}

QVariant QuestionTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Question &q = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Stem)
        return q.stem;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Id:
        return q.id;
    case Version:
        return q.version;
    case Kind:
        return kindLabel(q.kind);
    case Category:
        return categoryLabel(q.category);
    case Stem:
        return q.stem;
    case Difficulty:
        return q.difficulty;
    case Source:
        return q.generated ? tr("Catalog") : tr("Trainer");
    case Status:
        return q.active ? tr("In use") : tr("Retired");
    case Uses:
        return q.uses;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant QuestionTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Id");
    case Version:
        return tr("Version");
    case Kind:
        return tr("Kind");
    case Category:
        return tr("Category");
    case Stem:
        return tr("Question");
    case Difficulty:
        return tr("Difficulty");
    case Source:
        return tr("Source");
    case Status:
        return tr("Status");
    case Uses:
        return tr("Drawn");
    case ColumnCount:
        break;
    }
    return {};
}

QString questionPreviewHtml(const Question &q, bool withAnswer) {
    QString html = u"<p><b>【%1】</b> %2</p>"_s.arg(QuestionTableModel::kindLabel(q.kind).toHtmlEscaped(),
                                                    q.stem.toHtmlEscaped().replace(u'\n', u"<br>"_s));
    html += u"<p>"_s;
    for (qsizetype i = 0; i < q.options.size(); ++i)
        html += u"%1. %2<br>"_s.arg(QChar(char16_t(u'A' + i))).arg(q.options.at(i).toHtmlEscaped());
    html += u"</p>"_s;
    if (q.kind == QuestionKind::Multiple)
        html +=
            u"<p><i>%1</i></p>"_s.arg(QuestionTableModel::tr("Choose every right answer.").toHtmlEscaped());
    if (withAnswer && !q.correct.isEmpty()) {
        html += u"<hr><p><b>%1</b> %2</p>"_s.arg(QuestionTableModel::tr("Answer:").toHtmlEscaped(),
                                                 training::answerText(q).toHtmlEscaped());
        if (!q.explanation.isEmpty())
            html += u"<p><b>%1</b> %2</p>"_s.arg(QuestionTableModel::tr("Explanation:").toHtmlEscaped(),
                                                 q.explanation.toHtmlEscaped());
    }
    return html;
}

} // namespace windowdesk::trainingui
