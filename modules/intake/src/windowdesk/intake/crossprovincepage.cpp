#include "crossprovincepage.h"

#include "crossprovincenotice.h"
#include "intakelogging.h"
#include "intakewidgets.h"
#include "noticeoutput.h"

#include <windowdesk/cases/intakevisit.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/core/regiondirectory.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/flaggedrowdelegate.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using windowdesk::cases::ApplicantField;

namespace windowdesk::intake {

CrossProvincePage::CrossProvincePage(IntakeContext &context, QWidget *parent)
    : QTabWidget(parent)
    , m_ctx(context)
    , m_service(std::make_unique<cases::CrossProvinceService>(*context.db, *context.clock, context.audit,
                                                              context.window)) {
    setObjectName(u"crossProvincePage"_s);
    m_visit = new cases::IntakeVisit(this);
    m_wheelGuard = new ComboWheelGuard(this);
    addTab(buildIntakeTab(), tr("Receive (跨省通办)"));
    addTab(buildListTab(), tr("Receipts"));
    // Ctrl+PgDown switches the tabs: the tab bar (like the form's scroll area) never takes the focus, or the
    // window's Ctrl+Shift+K would land on it, where none of the form's keys (Ctrl+G, Ctrl+Shift+N,
    // Ctrl+Enter) work.
    tabBar()->setFocusPolicy(Qt::NoFocus);
    setFocusProxy(m_regionSearch);
    installKeys();
    loadRecent();
    refreshList();
    newReceipt();
}

CrossProvincePage::~CrossProvincePage() = default;

QWidget *CrossProvincePage::buildIntakeTab() {
    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"crossProvinceIntake"_s);
    scroll->setWidgetResizable(true);
    scroll->setFocusPolicy(Qt::NoFocus); // the focus goes to the form's fields, where its keys work
    m_intakeTab = new QWidget;
    auto *l = new QVBoxLayout(m_intakeTab);
    m_message = new ui::MessageBar(m_intakeTab);
    m_message->setObjectName(u"xpMessage"_s);
    l->addWidget(m_message);
    l->addWidget(buildTargetBox(m_intakeTab));
    m_applicant = new ApplicantSection(
        *m_visit, *m_ctx.clock, [](const QString &) { return std::optional<ApplicantInput>(); }, m_intakeTab,
        m_wheelGuard, m_intakeTab);
    connect(m_applicant, &ApplicantSection::kindChanged, this, &CrossProvincePage::rebuildTabOrder);
    l->addWidget(m_applicant);
    l->addWidget(buildMaterialsBox(m_intakeTab));
    l->addWidget(buildHandoverBox(m_intakeTab));
    m_problems = errorLabel(m_intakeTab, u"xpProblems"_s);
    l->addWidget(m_problems);
    auto *buttons = new QHBoxLayout;
    auto *confirmButton = actionButton(m_intakeTab, u"xpConfirm"_s, tr("Confirm and print"),
                                       ui::shortcutKey(ui::shortcut::crossProvinceConfirm));
    connect(confirmButton, &QPushButton::clicked, this, [this] { confirm(); });
    auto *newButton = actionButton(m_intakeTab, u"xpNew"_s, tr("New receipt"),
                                   ui::shortcutKey(ui::shortcut::crossProvinceNew));
    connect(newButton, &QPushButton::clicked, this, &CrossProvincePage::newReceipt);
    buttons->addWidget(confirmButton);
    buttons->addWidget(newButton);
    buttons->addStretch();
    l->addLayout(buttons);
    l->addStretch();
    scroll->setWidget(m_intakeTab);
    return scroll;
}

QWidget *CrossProvincePage::buildTargetBox(QWidget *parent) {
    auto *box = new QGroupBox(tr("Target region, authority and matter"), parent);
    box->setObjectName(u"xpTarget"_s);
    auto *f = new QFormLayout(box);
    m_recent = new QComboBox(box);
    m_recent->setObjectName(u"xpRecent"_s);
    m_recent->setAccessibleName(tr("Recent targets"));
    m_recent->installEventFilter(m_wheelGuard);
    connect(m_recent, &QComboBox::activated, this, &CrossProvincePage::takeRecent);
    f->addRow(ui::withShortcut(tr("Recent"), ui::shortcut::crossProvinceRecent), m_recent);
    m_regionSearch = new QLineEdit(box);
    m_regionSearch->setObjectName(u"xpRegion"_s);
    m_regionSearch->setPlaceholderText(tr("Name, pinyin initials or six-digit code; Enter takes the first"));
    m_regionSearch->setAccessibleName(tr("Target region"));
    f->addRow(ui::withShortcut(tr("Target region"), ui::shortcut::crossProvinceRegion), m_regionSearch);
    m_regionMatches = new QListWidget(box);
    m_regionMatches->setObjectName(u"xpRegionMatches"_s);
    m_regionMatches->setMaximumHeight(110);
    m_regionMatches->setFocusPolicy(Qt::ClickFocus); // Down from the search moves in it
    m_regionMatches->hide();
    f->addRow(QString(), m_regionMatches);
    m_regionPicked = new QLabel(tr("No region chosen"), box);
    m_regionPicked->setObjectName(u"xpRegionPicked"_s);
    f->addRow(QString(), m_regionPicked);
    connect(m_regionSearch, &QLineEdit::textEdited, this, &CrossProvincePage::updateRegionMatches);
    connect(m_regionSearch, &QLineEdit::returnPressed, this, [this] {
        const int row = qMax(0, m_regionMatches->currentRow());
        if (m_regionMatches->count() > 0)
            pickRegion(m_regionMatches->item(row)->data(Qt::UserRole).toString());
    });
    connect(m_regionMatches, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *it) { pickRegion(it->data(Qt::UserRole).toString()); });
    m_regionSearch->installEventFilter(this);
    m_authority = new QLineEdit(box);
    m_authority->setObjectName(u"xpAuthority"_s);
    m_authority->setMaxLength(200);
    f->addRow(tr("Authority there"), m_authority);
    m_item = new QLineEdit(box);
    m_item->setObjectName(u"xpItem"_s);
    m_item->setMaxLength(200);
    f->addRow(tr("Matter (as that province names it)"), m_item);
    m_itemCode = new QLineEdit(box);
    m_itemCode->setObjectName(u"xpItemCode"_s);
    m_itemCode->setMaxLength(60);
    f->addRow(tr("Matter code (optional)"), m_itemCode);
    return box;
}

QWidget *CrossProvincePage::buildMaterialsBox(QWidget *parent) {
    auto *box = new QGroupBox(
        ui::withShortcut(tr("Materials as that province lists them"), ui::shortcut::crossProvinceAddMaterial),
        parent);
    box->setObjectName(u"xpMaterialsBox"_s);
    m_materialsLayout = new QVBoxLayout(box);
    auto *hint = new QLabel(tr("Each line: name, copies, paper or electronic, then check it against the "
                               "list (Space). %1 removes the line with the focus.")
                                .arg(ui::shortcutKey(ui::shortcut::crossProvinceRemoveMaterial)
                                         .toString(QKeySequence::NativeText)),
                            box);
    hint->setWordWrap(true);
    m_materialsLayout->addWidget(hint);
    return box;
}

QWidget *CrossProvincePage::buildHandoverBox(QWidget *parent) {
    auto *box = new QGroupBox(tr("Handover"), parent);
    box->setObjectName(u"xpHandoverBox"_s);
    auto *f = new QFormLayout(box);
    m_handover = new QComboBox(box);
    m_handover->setObjectName(u"xpHandover"_s);
    m_handover->addItem(tr("By post (EMS / courier)"), u"post"_s);
    m_handover->addItem(tr("Through the platform"), u"platform"_s);
    m_handover->installEventFilter(m_wheelGuard);
    f->addRow(tr("Method"), m_handover);
    m_tracking = new QLineEdit(box);
    m_tracking->setObjectName(u"xpTracking"_s);
    m_tracking->setMaxLength(60);
    m_tracking->setPlaceholderText(tr("Needed for post when forwarding; may be entered later"));
    f->addRow(tr("Tracking number"), m_tracking);
    return box;
}

QWidget *CrossProvincePage::buildListTab() {
    auto *w = new QWidget;
    w->setObjectName(u"crossProvinceList"_s);
    auto *l = new QVBoxLayout(w);
    m_summary = new QLabel(w);
    m_summary->setObjectName(u"xpSummary"_s);
    l->addWidget(m_summary);
    m_model = new cases::CrossProvinceModel(*m_ctx.db, *m_ctx.clock, m_ctx.window.windowNo, this);
    m_view = new QTableView(w);
    m_view->setObjectName(u"xpList"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ui::FlaggedRowDelegate(cases::CrossProvinceModel::LateRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    l->addWidget(m_view, 1);
    auto *row = new QHBoxLayout;
    m_forwardTracking = new QLineEdit(w);
    m_forwardTracking->setObjectName(u"xpForwardTracking"_s);
    m_forwardTracking->setPlaceholderText(tr("Tracking number for the forwarding (if not given at intake)"));
    row->addWidget(new QLabel(tr("Tracking number"), w));
    row->addWidget(m_forwardTracking, 1);
    auto *forward =
        actionButton(w, u"xpForward"_s, tr("Forwarded"), ui::shortcutKey(ui::shortcut::crossProvinceForward));
    connect(forward, &QPushButton::clicked, this, &CrossProvincePage::forwardSelected);
    auto *back = actionButton(w, u"xpReturn"_s, tr("Returned to the applicant"),
                              ui::shortcutKey(ui::shortcut::crossProvinceReturn));
    connect(back, &QPushButton::clicked, this, &CrossProvincePage::returnSelected);
    row->addWidget(forward);
    row->addWidget(back);
    l->addLayout(row);
    return w;
}

void CrossProvincePage::installKeys() {
    using namespace ui::shortcut;
    scopedShortcut(m_intakeTab, ui::shortcutKey(crossProvinceRegion), [this] {
        m_regionSearch->setFocus();
        m_regionSearch->selectAll();
    });
    scopedShortcut(m_intakeTab, ui::shortcutKey(crossProvinceRecent), [this] {
        m_recent->setFocus();
        m_recent->showPopup();
    });
    scopedShortcut(m_intakeTab, ui::shortcutKey(crossProvinceAddMaterial), [this] { addMaterial(); });
    scopedShortcut(m_intakeTab, ui::shortcutKey(crossProvinceRemoveMaterial),
                   [this] { removeFocusedMaterial(); });
    for (const QKeySequence &k : ui::shortcutKeys(crossProvinceConfirm))
        scopedShortcut(m_intakeTab, k, [this] { confirm(); });
    scopedShortcut(m_intakeTab, ui::shortcutKey(crossProvinceNew), [this] { newReceipt(); });
    QWidget *list = widget(1);
    scopedShortcut(list, ui::shortcutKey(crossProvinceForward), [this] { forwardSelected(); });
    scopedShortcut(list, ui::shortcutKey(crossProvinceReturn), [this] { returnSelected(); });
    scopedShortcut(list, ui::shortcutKey(reloadCases), [this] { refreshList(); });
    scopedShortcut(this, ui::shortcutKey(crossProvinceNextTab), [this] {
        setCurrentIndex(1 - currentIndex());
        if (currentIndex() == 1) {
            refreshList();
            m_view->setFocus();
        } else {
            m_regionSearch->setFocus();
        }
    });
}

bool CrossProvincePage::eventFilter(QObject *watched, QEvent *event) {
    // Up and Down in the region search move through its matches; Enter takes the current one.
    if (watched == m_regionSearch && event->type() == QEvent::KeyPress && m_regionMatches->count() > 0) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int by = key == Qt::Key_Down ? 1 : -1;
            m_regionMatches->setCurrentRow(
                qBound(0, m_regionMatches->currentRow() + by, m_regionMatches->count() - 1));
            return true;
        }
    }
    return QTabWidget::eventFilter(watched, event);
}

void CrossProvincePage::showEvent(QShowEvent *event) {
    QTabWidget::showEvent(event);
    refreshList();
}

void CrossProvincePage::updateRegionMatches(const QString &text) {
    m_regionMatches->clear();
    for (const core::Region &r : core::RegionDirectory::embedded().search(text, 20)) {
        auto *it = new QListWidgetItem(u"%1  %2"_s.arg(r.code, r.fullName), m_regionMatches);
        it->setData(Qt::UserRole, r.code);
    }
    m_regionMatches->setVisible(m_regionMatches->count() > 0);
    if (m_regionMatches->count() > 0)
        m_regionMatches->setCurrentRow(0);
}

void CrossProvincePage::pickRegion(const QString &code) {
    const core::Region *r = core::RegionDirectory::embedded().find(code);
    m_regionCode = r ? r->code : QString();
    m_regionPicked->setText(r ? u"%1（%2）"_s.arg(r->fullName, r->code) : tr("No region chosen"));
    m_regionMatches->hide();
    if (r) {
        m_regionSearch->setText(r->fullName);
        m_authority->setFocus();
    }
}

void CrossProvincePage::loadRecent() {
    auto recent = cases::CrossProvinceRepository(*m_ctx.db, *m_ctx.clock).recent();
    m_recentTargets = recent.ok() ? recent.value() : QList<cases::CrossProvinceRecent>();
    m_recent->clear();
    m_recent->addItem(tr("(type a new one below)"));
    for (const auto &r : m_recentTargets)
        m_recent->addItem(u"%1 · %2 · %3"_s.arg(r.targetRegionName, r.targetAuthority, r.itemName));
}

void CrossProvincePage::takeRecent(int index) {
    if (index <= 0 || index > m_recentTargets.size())
        return;
    const cases::CrossProvinceRecent &r = m_recentTargets.at(index - 1);
    pickRegion(r.targetRegion);
    m_authority->setText(r.targetAuthority);
    m_item->setText(r.itemName);
    m_itemCode->setText(r.itemCode);
    for (const MaterialLine &m : std::as_const(m_materials))
        m.row->deleteLater();
    m_materials.clear();
    for (const auto &m : r.materials)
        addMaterial(m);
    m_message->showInfo(tr("The materials listed last time for this matter: check each one again."));
    if (!m_materials.isEmpty())
        m_materials.first().name->setFocus();
}

void CrossProvincePage::addMaterial(const cases::CrossProvinceMaterial &m) {
    MaterialLine line;
    QWidget *box = m_materialsLayout->parentWidget();
    line.row = new QWidget(box);
    const int n = int(m_materials.size());
    line.row->setObjectName(u"xpMaterial%1"_s.arg(n));
    auto *h = new QHBoxLayout(line.row);
    h->setContentsMargins(0, 0, 0, 0);
    line.name = new QLineEdit(m.name, line.row);
    line.name->setObjectName(u"xpMaterialName%1"_s.arg(n));
    line.name->setPlaceholderText(tr("Material name"));
    line.name->setMaxLength(200);
    line.copies = new QSpinBox(line.row);
    line.copies->setObjectName(u"xpMaterialCopies%1"_s.arg(n));
    line.copies->setRange(0, 99);
    line.copies->setValue(m.copies);
    line.copies->setSuffix(tr(" copies"));
    line.form = new QComboBox(line.row);
    line.form->setObjectName(u"xpMaterialForm%1"_s.arg(n));
    line.form->addItem(tr("Paper"), u"paper"_s);
    line.form->addItem(tr("Electronic"), u"electronic"_s);
    line.form->setCurrentIndex(m.form == u"electronic"_s ? 1 : 0);
    line.form->installEventFilter(m_wheelGuard);
    line.checked = new QCheckBox(tr("Checked"), line.row);
    line.checked->setObjectName(u"xpMaterialChecked%1"_s.arg(n));
    line.checked->setChecked(m.checked);
    h->addWidget(line.name, 1);
    h->addWidget(line.copies);
    h->addWidget(line.form);
    h->addWidget(line.checked);
    m_materialsLayout->addWidget(line.row);
    line.row->show(); // now, not when the layout gets to it: Tab must reach its fields at once
    m_materials.append(line);
    rebuildTabOrder();
    line.name->setFocus();
}

void CrossProvincePage::removeFocusedMaterial() {
    for (qsizetype i = 0; i < m_materials.size(); ++i)
        if (m_materials[i].row->isAncestorOf(QApplication::focusWidget())) {
            m_materials[i].row->deleteLater();
            m_materials.removeAt(i);
            if (!m_materials.isEmpty())
                m_materials[qMin(i, m_materials.size() - 1)].name->setFocus();
            rebuildTabOrder();
            return;
        }
}

void CrossProvincePage::rebuildTabOrder() {
    QList<QWidget *> order{m_recent, m_regionSearch, m_authority, m_item, m_itemCode};
    order += m_applicant->tabOrder();
    for (const MaterialLine &m : std::as_const(m_materials))
        order += {m.name, m.copies, m.form, m.checked};
    order += {m_handover, m_tracking};
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);
}

cases::CrossProvinceInput CrossProvincePage::input() const {
    cases::CrossProvinceInput in;
    in.targetRegion = m_regionCode;
    in.targetAuthority = m_authority->text();
    in.itemName = m_item->text();
    in.itemCode = m_itemCode->text().trimmed();
    in.applicant = m_visit->draft().applicant;
    for (const MaterialLine &m : m_materials)
        in.materials.append(
            {m.name->text(), m.copies->value(), m.form->currentData().toString(), m.checked->isChecked()});
    in.handoverMethod = m_handover->currentData().toString();
    in.trackingNo = m_tracking->text();
    return in;
}

QWidget *CrossProvincePage::problemWidget(const QString &key) const {
    if (key == u"target_region"_s)
        return m_regionSearch;
    if (key == u"target_authority"_s)
        return m_authority;
    if (key == u"item_name"_s)
        return m_item;
    if (key == u"handover_method"_s)
        return m_handover;
    if (key.startsWith(u"material."_s)) {
        const int i = key.mid(9).toInt();
        if (i >= 0 && i < m_materials.size())
            return m_materials[i].checked->isChecked() ? static_cast<QWidget *>(m_materials[i].name)
                                                       : m_materials[i].checked;
    }
    if (const ApplicantField f = cases::applicantFieldOfProblemKey(key); f != ApplicantField::None)
        if (QWidget *editor = m_applicant->editor(f))
            return editor;
    return m_regionSearch;
}

void CrossProvincePage::showProblems(const cases::FieldProblems &problems) {
    setError(m_problems, QStringList(problems.values()).join(u'\n'));
    if (problems.isEmpty())
        return;
    m_message->showError(problems.first());
    if (QWidget *w = problemWidget(problems.firstKey()))
        w->setFocus();
}

bool CrossProvincePage::confirm() {
    const cases::CrossProvinceInput in = input();
    const cases::FieldProblems problems = cases::CrossProvinceService::problems(in, m_ctx.clock->todayCst());
    if (!problems.isEmpty()) {
        showProblems(problems);
        return false;
    }
    auto stored = m_service->receive(in);
    if (!stored.ok()) {
        m_message->showError(tr("Not saved: %1").arg(stored.error().message));
        return false;
    }
    m_lastLocalId = stored->localId;
    auto papers =
        CrossProvinceNotice::saveBoth({stored.value(), m_ctx.window.hallName, m_ctx.window.clerkName},
                                      NoticeOutput::directory(m_ctx.noticeDir));
    m_lastNotices = papers.ok() ? papers.value() : QStringList();
    newReceipt();
    loadRecent();
    refreshList();
    if (!papers.ok()) {
        m_message->showWarning(
            tr("Receipt saved; the papers could not be written: %1").arg(papers.error().message));
        return true;
    }
    m_message->showInfo(tr("Receipt saved, forward it by %1. 接收回执 and 移交清单 written: %2")
                            .arg(stored->forwardDue.toString(Qt::ISODate), m_lastNotices.join(u", "_s)));
    return true;
}

void CrossProvincePage::newReceipt() {
    m_regionCode.clear();
    m_regionSearch->clear();
    m_regionMatches->clear();
    m_regionMatches->hide();
    m_regionPicked->setText(tr("No region chosen"));
    m_recent->setCurrentIndex(0);
    m_authority->clear();
    m_item->clear();
    m_itemCode->clear();
    m_visit->reset();
    for (const MaterialLine &m : std::as_const(m_materials))
        m.row->deleteLater();
    m_materials.clear();
    m_handover->setCurrentIndex(0);
    m_tracking->clear();
    setError(m_problems, {});
    rebuildTabOrder();
    m_regionSearch->setFocus();
}

void CrossProvincePage::takeIdCard(const CardReading &card) {
    const QString warning = m_applicant->fillFromCard(card);
    if (m_ctx.audit) {
        const Status audited = m_ctx.audit->append(
            {m_ctx.window.clerkId, u"id_card_read"_s, core::maskIdNumber(card.idNumber.trimmed().toUpper()),
             QJsonObject{{u"window_no"_s, m_ctx.window.windowNo}, {u"page"_s, u"cross_province"_s}}});
        if (!audited.ok())
            qCWarning(lcIntake) << "card read not audited:" << audited.error().code;
    }
    setCurrentIndex(0);
    if (warning.isEmpty())
        m_message->showInfo(tr("Applicant read from the ID card — compare the photo with the person."));
    else
        m_message->showWarning(warning);
}

void CrossProvincePage::refreshList() {
    if (Status st = m_model->reload(); !st.ok()) {
        m_summary->setText(tr("The list cannot be read: %1").arg(st.error().message));
        return;
    }
    m_view->resizeColumnsToContents();
    const int late = m_model->lateCount();
    m_summary->setText(
        late > 0 ? tr("%1 receipts, %2 late (not forwarded by their date)").arg(m_model->rowCount()).arg(late)
                 : tr("%1 receipts").arg(m_model->rowCount()));
    if (m_view->currentIndex().row() < 0 && m_model->rowCount() > 0)
        m_view->selectRow(0);
}

const cases::CrossProvinceReceipt *CrossProvincePage::selectedReceipt() const {
    const int row = m_view->currentIndex().row();
    return row >= 0 && row < m_model->rowCount() ? &m_model->receipt(row) : nullptr;
}

void CrossProvincePage::forwardSelected() {
    const cases::CrossProvinceReceipt *r = selectedReceipt();
    if (!r)
        return;
    const QString localId = r->localId;
    auto moved = m_service->recordEvent(localId, u"forwarded"_s, m_forwardTracking->text());
    if (!moved.ok()) {
        m_message->showError(moved.error().message);
        m_summary->setText(moved.error().message);
        if (moved.error().code == u"invalid_argument"_s)
            m_forwardTracking->setFocus();
        return;
    }
    m_forwardTracking->clear();
    refreshList();
    m_summary->setText(tr("Forwarded: %1 (%2)").arg(moved->itemName, moved->targetRegionName));
}

void CrossProvincePage::returnSelected() {
    const cases::CrossProvinceReceipt *r = selectedReceipt();
    if (!r)
        return;
    const QString localId = r->localId;
    if (ui::DialogFacade::instance().question(
            this, tr("Return to the applicant"),
            tr("Return the materials of %1 to the applicant? The receipt ends "
               "here.")
                .arg(r->itemName)) != QMessageBox::Yes)
        return;
    auto moved = m_service->recordEvent(localId, u"returned_to_applicant"_s);
    if (!moved.ok()) {
        m_summary->setText(moved.error().message);
        return;
    }
    refreshList();
    m_summary->setText(tr("Returned to the applicant: %1").arg(moved->itemName));
}

} // namespace windowdesk::intake
