#include "cardreminder.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {
int order(core::CardColour c) {
    switch (c) {
    case core::CardColour::Warning:
        return 0;
    case core::CardColour::Yellow:
        return 1;
    case core::CardColour::Red:
        return 2;
    default:
        return 3;
    }
}
constexpr int kShown = 8; // a short list: the rest are counted
} // namespace

QList<CaseRow> cardedCases(const QList<CaseRow> &rows) {
    QList<CaseRow> out;
    for (const CaseRow &r : rows)
        if (order(r.card) < 3)
            out.append(r);
    std::stable_sort(out.begin(), out.end(), [](const CaseRow &a, const CaseRow &b) {
        if (order(a.card) != order(b.card))
            return order(a.card) < order(b.card);
        return a.promisedDue < b.promisedDue;
    });
    return out;
}

CardReminderDialog::CardReminderDialog(const QList<CaseRow> &carded, QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this)) {
    setObjectName(u"cardReminder"_s);
    setWindowTitle(tr("Your cases with cards"));
    int counts[3] = {0, 0, 0};
    for (const CaseRow &r : carded)
        ++counts[order(r.card)];
    auto *summary = new QLabel(
        tr("%n of your cases carry a card: 预警 %1, 黄牌 %2, 红牌 %3.", nullptr, int(carded.size()))
            .arg(counts[0])
            .arg(counts[1])
            .arg(counts[2]),
        this);
    summary->setObjectName(u"cardReminderSummary"_s);
    summary->setWordWrap(true);
    m_list->setObjectName(u"cardReminderList"_s);
    m_list->setAccessibleName(tr("Cases with cards"));
    for (qsizetype i = 0; i < carded.size() && i < kShown; ++i) {
        const CaseRow &r = carded.at(i);
        auto *item = new QListWidgetItem(
            u"%1  %2  %3  %4"_s.arg(
                core::cardColourLabel(r.card),
                r.caseNo.isEmpty() ? tr("local %1").arg(r.localId.left(8)) : r.caseNo, r.applicant,
                r.promisedDue.isValid() ? tr("promised %1").arg(r.promisedDue.toString(Qt::ISODate))
                                        : QString()),
            m_list);
        item->setData(Qt::UserRole, r.localId);
    }
    if (carded.size() > kShown)
        new QListWidgetItem(tr("… and %n more in My cases (Ctrl+3)", nullptr, int(carded.size() - kShown)),
                            m_list);
    m_list->setCurrentRow(0);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *open = buttons->addButton(tr("&Open My cases"), QDialogButtonBox::AcceptRole);
    open->setObjectName(u"cardReminderOpen"_s);
    open->setDefault(true);
    QPushButton *dismiss = buttons->addButton(tr("Dismiss (Esc)"), QDialogButtonBox::RejectRole);
    dismiss->setObjectName(u"cardReminderDismiss"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const QListWidgetItem *item = m_list->currentItem();
        emit openCasesRequested(item ? item->data(Qt::UserRole).toString() : QString());
        accept();
    });
    connect(m_list, &QListWidget::itemActivated, this, [open] { open->click(); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    setFocusProxy(m_list);
}

} // namespace windowdesk::intake
