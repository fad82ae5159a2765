#include "blueprinttab.h"
#include "questionmodel.h"

#include <windowdesk/training/questionbank.h>
#include <windowdesk/training/trainerbank.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QColor>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRandomGenerator>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

using training::Blueprint;
using training::BlueprintSection;
using training::MultiplePolicy;
using training::QuestionKind;

BlueprintTab::BlueprintTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
    , m_store(*context.db, *context.clock, context.audit)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_pass(new QDoubleSpinBox(this))
    , m_policy(new QComboBox(this))
    , m_minutes(new QSpinBox(this))
    , m_category(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_count(new QSpinBox(this))
    , m_points(new QDoubleSpinBox(this))
    , m_table(new QTableWidget(this))
    , m_totals(new QLabel(this))
    , m_check(new QLabel(this))
    , m_paper(new QTextBrowser(this))
    , m_message(new ui::MessageBar(this)) {
    setObjectName(u"blueprintsPage"_s);
    m_list->setObjectName(u"blueprintList"_s);
    m_list->setAccessibleName(tr("Blueprints"));
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_saved.size())
            load(m_saved.at(row));
    });
    m_message->setObjectName(u"blueprintMessage"_s);
    m_message->hide();
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(buildEditor());
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    buildKeys();
    setFocusProxy(m_list);
    refresh();
    newBlueprint();
}

QWidget *BlueprintTab::buildEditor() {
    auto *editor = new QWidget(this);
    m_name->setObjectName(u"blueprintName"_s);
    m_pass->setObjectName(u"blueprintPass"_s);
    m_pass->setRange(0, 10000);
    m_pass->setDecimals(1);
    m_pass->setValue(60);
    m_policy->setObjectName(u"blueprintPolicy"_s);
    m_policy->addItem(tr("All or nothing"), training::policyName(MultiplePolicy::AllOrNothing));
    m_policy->addItem(tr("Proportional (each right +1/n, each wrong −1/n)"),
                      training::policyName(MultiplePolicy::Proportional));
    m_policy->addItem(tr("Half points for missed choices"),
                      training::policyName(MultiplePolicy::HalfForMissed));
    m_minutes->setObjectName(u"blueprintMinutes"_s);
    m_minutes->setRange(1, 24 * 60);
    m_minutes->setValue(60);
    m_minutes->setSuffix(tr(" min"));
    auto *form = new QFormLayout;
    auto row = [&](const QString &label, QWidget *w) {
        auto *l = new QLabel(label, editor);
        l->setBuddy(w);
        form->addRow(l, w);
    };
    row(tr("&Name"), m_name);
    row(tr("&Pass line"), m_pass);
    row(tr("&Multiple choice"), m_policy);
    row(tr("&Time limit"), m_minutes);

    m_category->setObjectName(u"sectionCategory"_s);
    m_category->setAccessibleName(tr("Section category"));
    m_kind->setObjectName(u"sectionKind"_s);
    m_kind->setAccessibleName(tr("Section kind"));
    m_kind->addItem(tr("Any kind"), QString());
    for (QuestionKind k : {QuestionKind::Single, QuestionKind::Multiple, QuestionKind::TrueFalse})
        m_kind->addItem(QuestionTableModel::kindLabel(k), training::kindName(k));
    m_count->setObjectName(u"sectionCount"_s);
    m_count->setAccessibleName(tr("Questions in the section"));
    m_count->setRange(1, 1000);
    m_count->setValue(10);
    m_count->setSuffix(tr(" questions"));
    m_points->setObjectName(u"sectionPoints"_s);
    m_points->setAccessibleName(tr("Points per question"));
    m_points->setRange(0.5, 100);
    m_points->setSingleStep(0.5);
    m_points->setValue(1);
    m_points->setSuffix(tr(" points each"));
    auto *add =
        new QPushButton(ui::withShortcut(tr("Add section"), ui::shortcut::trainingAddSection), editor);
    add->setObjectName(u"sectionAdd"_s);
    connect(add, &QPushButton::clicked, this, &BlueprintTab::addSection);
    auto *sectionRow = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_category, m_kind, m_count, m_points, add})
        sectionRow->addWidget(w);

    m_table->setObjectName(u"blueprintSections"_s);
    m_table->setAccessibleName(tr("Sections of the blueprint"));
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Category"), tr("Kind"), tr("Questions"), tr("Points each"), tr("In the bank")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_totals->setObjectName(u"blueprintTotals"_s);
    m_check->setObjectName(u"blueprintCheck"_s);
    m_check->setWordWrap(true);
    m_paper->setObjectName(u"blueprintPaper"_s);
    m_paper->setAccessibleName(tr("A paper drawn by this blueprint"));

    auto *buttons = new QHBoxLayout;
    struct B {
        const char *id;
        QString text;
        QString name;
        void (BlueprintTab::*slot)();
    };
    for (const B &b : {B{ui::shortcut::trainingNewBlueprint, tr("New blueprint"), u"blueprintNew"_s,
                         &BlueprintTab::newBlueprint},
                       B{ui::shortcut::trainingRemoveSection, tr("Remove section"), u"sectionRemove"_s,
                         &BlueprintTab::removeSection},
                       B{ui::shortcut::trainingSaveBlueprint, tr("Save blueprint"), u"blueprintSave"_s,
                         &BlueprintTab::save},
                       B{ui::shortcut::trainingPreviewPaper, tr("Draw a sample paper"), u"blueprintPreview"_s,
                         &BlueprintTab::previewPaper}}) {
        auto *button = new QPushButton(ui::withShortcut(b.text, b.id), editor);
        button->setObjectName(b.name);
        connect(button, &QPushButton::clicked, this, b.slot);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    auto *v = new QVBoxLayout(editor);
    v->setContentsMargins(0, 0, 0, 0);
    v->addLayout(form);
    v->addLayout(sectionRow);
    v->addWidget(m_table, 1);
    v->addWidget(m_totals);
    v->addWidget(m_check);
    v->addLayout(buttons);
    v->addWidget(m_paper, 1);
    auto acted = [this] {
        m_acted = true;
        check();
    };
    connect(m_pass, &QDoubleSpinBox::valueChanged, this, acted);
    connect(m_minutes, &QSpinBox::valueChanged, this, acted);
    connect(m_name, &QLineEdit::textEdited, this, acted);
    connect(m_name, &QLineEdit::textChanged, this, [this] { check(); });
    return editor;
}

void BlueprintTab::buildKeys() {
    auto bind = [this](const char *id, void (BlueprintTab::*slot)()) {
        for (const QKeySequence &k : ui::shortcutKeys(id)) {
            auto *s = new QShortcut(k, this);
            s->setContext(Qt::WidgetWithChildrenShortcut);
            connect(s, &QShortcut::activated, this, slot);
        }
    };
    bind(ui::shortcut::trainingNewBlueprint, &BlueprintTab::newBlueprint);
    bind(ui::shortcut::trainingAddSection, &BlueprintTab::addSection);
    bind(ui::shortcut::trainingRemoveSection, &BlueprintTab::removeSection);
    bind(ui::shortcut::trainingSaveBlueprint, &BlueprintTab::save);
    bind(ui::shortcut::trainingPreviewPaper, &BlueprintTab::previewPaper);
}

void BlueprintTab::refresh() {
    const QString category = m_category->currentData().toString();
    m_category->clear();
    m_category->addItem(tr("Any category"), QString());
    if (auto cats = training::TrainerBank(*m_ctx.db, *m_ctx.clock, nullptr).categories())
        for (const QString &c : cats.value())
            m_category->addItem(QuestionTableModel::categoryLabel(c), c);
    m_category->setCurrentIndex(std::max(0, m_category->findData(category)));
    auto saved = m_store.list();
    if (!saved) {
        m_message->showError(saved.error().message);
        return;
    }
    m_saved = saved.value();
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const training::StoredBlueprint &b : std::as_const(m_saved)) {
        m_list->addItem(b.blueprint.name);
        if (b.id == m_id)
            m_list->setCurrentRow(m_list->count() - 1);
    }
    // The tab opens on the saved blueprints; with none yet, on the new one's name (an empty list takes keys
    // that do nothing).
    setFocusProxy(m_list->count() > 0 ? static_cast<QWidget *>(m_list) : m_name);
    check();
}

void BlueprintTab::newBlueprint() {
    m_id.clear();
    m_sections.clear();
    m_name->clear();
    m_pass->setValue(60);
    m_policy->setCurrentIndex(0);
    m_minutes->setValue(60);
    m_paper->clear();
    m_list->clearSelection();
    m_acted = false;
    showSections();
    m_name->setFocus();
}

void BlueprintTab::load(const training::StoredBlueprint &b) {
    m_id = b.id;
    m_acted = true;
    m_name->setText(b.blueprint.name);
    m_pass->setValue(b.blueprint.passScore);
    m_policy->setCurrentIndex(
        std::max(0, m_policy->findData(training::policyName(b.blueprint.multiplePolicy))));
    m_minutes->setValue(std::max(1, b.blueprint.timeLimitS / 60));
    m_sections = b.blueprint.sections;
    m_paper->clear();
    showSections();
}

Blueprint BlueprintTab::current() const {
    Blueprint b;
    b.name = m_name->text().trimmed();
    b.passScore = m_pass->value();
    b.multiplePolicy =
        training::policyFromName(m_policy->currentData().toString()).value_or(MultiplePolicy::AllOrNothing);
    b.timeLimitS = m_minutes->value() * 60;
    b.sections = m_sections;
    return b;
}

void BlueprintTab::addSection() {
    BlueprintSection s;
    if (const QString c = m_category->currentData().toString(); !c.isEmpty())
        s.category = c;
    if (const QString k = m_kind->currentData().toString(); !k.isEmpty())
        s.kind = training::kindFromName(k);
    s.count = m_count->value();
    s.points = m_points->value();
    m_sections.append(s);
    m_acted = true;
    showSections();
    m_table->selectRow(int(m_sections.size()) - 1);
    m_category->setFocus();
}

void BlueprintTab::removeSection() {
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_sections.size())
        return;
    m_sections.removeAt(row);
    showSections();
    if (!m_sections.isEmpty())
        m_table->selectRow(std::min(row, int(m_sections.size()) - 1));
}

void BlueprintTab::showSections() {
    m_table->setRowCount(int(m_sections.size()));
    for (int r = 0; r < m_sections.size(); ++r) {
        const BlueprintSection &s = m_sections.at(r);
        const QStringList cells{s.category ? QuestionTableModel::categoryLabel(*s.category)
                                           : tr("Any category"),
                                s.kind ? QuestionTableModel::kindLabel(*s.kind) : tr("Any kind"),
                                QString::number(s.count), QString::number(s.points, 'g', 6), QString()};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    check();
}

void BlueprintTab::check() {
    const Blueprint b = current();
    m_totals->setText(tr("%1 questions, full score %2, pass line %3")
                          .arg(b.questionCount())
                          .arg(b.maxScore(), 0, 'g', 6)
                          .arg(b.passScore, 0, 'g', 6));
    if (!m_acted) {
        m_check->clear();
        return;
    }
    QString problem;
    if (const Status v = training::BlueprintStore::validate(b); !v)
        problem = v.error().message;
    if (auto bank = m_store.checkAgainstBank(b)) {
        for (int r = 0; r < bank->sections.size() && r < m_table->rowCount(); ++r) {
            auto *item = new QTableWidgetItem(QString::number(bank->sections.at(r).matching));
            if (bank->sections.at(r).matching < bank->sections.at(r).needed)
                item->setForeground(QColor(0xb3, 0x26, 0x1e));
            m_table->setItem(r, 4, item);
        }
        if (problem.isEmpty())
            problem = bank->problem;
    }
    m_check->setText(problem.isEmpty() ? tr("The bank can fill every section.") : problem);
    m_check->setStyleSheet(problem.isEmpty() ? u"QLabel { color: #1b5e20; }"_s
                                             : u"QLabel { color: #b3261e; }"_s);
}

void BlueprintTab::save() {
    m_acted = true;
    check();
    auto id = m_store.save(m_id, current(), m_ctx.user.id);
    if (!id) {
        m_message->showError(id.error().message);
        return;
    }
    const bool created = m_id.isEmpty();
    m_id = id.value();
    m_message->showInfo(created
                            ? tr("Blueprint %1 saved.").arg(current().name)
                            : tr("Blueprint %1 changed; competitions already set up keep the version they "
                                 "were created with.")
                                  .arg(current().name));
    refresh();
    emit blueprintsChanged();
}

void BlueprintTab::previewPaper() {
    const Blueprint b = current();
    if (const Status v = training::BlueprintStore::validate(b); !v) {
        m_message->showError(v.error().message);
        return;
    }
    const quint64 seed = QRandomGenerator::global()->generate64() & training::kMaxSeed;
    auto drawn = m_store.previewPaper(b, seed);
    if (!drawn) {
        m_message->showError(drawn.error().message);
        return;
    }
    if (std::holds_alternative<training::BankTooSmall>(drawn.value())) {
        m_message->showError(m_store.checkAgainstBank(b).value().problem);
        return;
    }
    const training::DrawnPaper &paper = std::get<training::DrawnPaper>(drawn.value());
    training::QuestionBank bank(*m_ctx.db, *m_ctx.clock);
    QString html = u"<h3>%1</h3>"_s.arg(tr("Sample paper (seed %1), not stored").arg(seed).toHtmlEscaped());
    for (qsizetype i = 0; i < paper.questions.size(); ++i) {
        const training::PaperQuestion &pq = paper.questions.at(i);
        auto q = bank.question(pq.id, pq.version);
        if (!q)
            continue;
        training::Question shown = q.value();
        shown.options.clear();
        for (int o : pq.optionsOrder)
            shown.options.append(q->options.value(o));
        html += u"<p><b>%1.</b> (%2 · %3)</p>"_s.arg(i + 1)
                    .arg(QuestionTableModel::categoryLabel(pq.category).toHtmlEscaped())
                    .arg(tr("%1 points").arg(pq.points, 0, 'g', 6).toHtmlEscaped());
        html += questionPreviewHtml(shown, false);
    }
    m_paper->setHtml(html);
    m_message->showInfo(
        tr("A sample paper of %1 questions was drawn; nothing was stored.").arg(paper.questions.size()));
}

} // namespace windowdesk::trainingui
