#include "crossprovinceboard.h"

#include <windowdesk/cases/crossprovincemodel.h>
#include <windowdesk/ui/flaggedrowdelegate.h>
#include <windowdesk/ui/shortcuts.h>

#include <QHeaderView>
#include <QLabel>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

CrossProvinceBoard::CrossProvinceBoard(storage::Database &db, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_model(new cases::CrossProvinceModel(db, clock, QString(), this)) {
    setObjectName(u"crossProvinceBoard"_s);
    auto *l = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"xpBoardSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    l->addWidget(m_summary);
    m_view = new QTableView(this);
    m_view->setObjectName(u"xpBoardList"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ui::FlaggedRowDelegate(cases::CrossProvinceModel::LateRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    l->addWidget(m_view, 1);
    setFocusProxy(m_view);
    auto *reload = new QShortcut(ui::shortcutKey(ui::shortcut::reloadCases), this);
    reload->setContext(Qt::WidgetWithChildrenShortcut);
    connect(reload, &QShortcut::activated, this, &CrossProvinceBoard::refresh);
}

void CrossProvinceBoard::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    refresh();
}

void CrossProvinceBoard::refresh() {
    if (Status st = m_model->reload(); !st.ok()) {
        m_summary->setText(tr("The receipts cannot be read: %1").arg(st.error().message));
        return;
    }
    m_view->resizeColumnsToContents();
    const int late = m_model->lateCount();
    m_summary->setText(late > 0 ? tr("%1 跨省通办 receipts in the hall; %2 late: not forwarded by their date")
                                      .arg(m_model->rowCount())
                                      .arg(late)
                                : tr("%1 跨省通办 receipts in the hall; none late").arg(m_model->rowCount()));
}

} // namespace windowdesk::supervision
