#include "scenarioeditor.h"
#include "judgingtab.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/ui/shortcuts.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

using training::Scenario;
using training::ScenarioDocument;
using training::ScenarioEvent;

namespace {
constexpr int kRoleCode = Qt::UserRole;
const QList<ScenarioEvent::Kind> kKinds{ScenarioEvent::Kind::ScannerFails, ScenarioEvent::Kind::QueueOffline,
                                        ScenarioEvent::Kind::QueueOnline,
                                        ScenarioEvent::Kind::ApplicantChangesMind, ScenarioEvent::Kind::Say};
const QList<ScenarioDocument::State> kStates{ScenarioDocument::State::Good, ScenarioDocument::State::Missing,
                                             ScenarioDocument::State::Wrong};

QString esc(const QString &s) {
    return s.toHtmlEscaped();
}
} // namespace

QString ScenarioEditor::eventKindLabel(ScenarioEvent::Kind k) {
    switch (k) {
    case ScenarioEvent::Kind::ScannerFails:
        return ScenarioEditor::tr("Scanner fails");
    case ScenarioEvent::Kind::QueueOffline:
        return ScenarioEditor::tr("Queue goes offline");
    case ScenarioEvent::Kind::QueueOnline:
        return ScenarioEditor::tr("Queue back online");
    case ScenarioEvent::Kind::ApplicantChangesMind:
        return ScenarioEditor::tr("Applicant changes their mind");
    case ScenarioEvent::Kind::Say:
        return ScenarioEditor::tr("Applicant says");
    }
    return {};
}

QString ScenarioEditor::documentStateLabel(ScenarioDocument::State s) {
    switch (s) {
    case ScenarioDocument::State::Good:
        return ScenarioEditor::tr("Good");
    case ScenarioDocument::State::Missing:
        return ScenarioEditor::tr("Missing");
    case ScenarioDocument::State::Wrong:
        return ScenarioEditor::tr("Wrong (brought but not acceptable)");
    }
    return {};
}

QString ScenarioEditor::decisionLabel(const QString &d) {
    if (d == u"accepted")
        return ScenarioEditor::tr("Accept");
    if (d == u"correction_required")
        return ScenarioEditor::tr("One-time notice to complete the materials");
    if (d == u"rejected")
        return ScenarioEditor::tr("Refuse");
    return d;
}

ScenarioEditor::ScenarioEditor(storage::Database &db, const Clock &clock, const Scenario *existing,
                               const QString &heading, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_clock(clock)
    , m_search(std::make_unique<storage::CatalogSearch>(db))
    , m_title(new QLineEdit(this))
    , m_brief(new QPlainTextEdit(this))
    , m_name(new QLineEdit(this))
    , m_idNumber(new QLineEdit(this))
    , m_generateId(new QPushButton(this))
    , m_phone(new QLineEdit(this))
    , m_generatePhone(new QPushButton(this))
    , m_itemSearch(new QLineEdit(this))
    , m_itemResults(new QListWidget(this))
    , m_itemLabel(new QLabel(this))
    , m_documentsBox(new QWidget(this))
    , m_documentsGrid(new QGridLayout(m_documentsBox))
    , m_decision(new QComboBox(this))
    , m_timeLimit(new QSpinBox(this))
    , m_eventKind(new QComboBox(this))
    , m_eventAt(new QSpinBox(this))
    , m_eventText(new QLineEdit(this))
    , m_eventAdd(new QPushButton(this))
    , m_eventTable(new QTableWidget(this))
    , m_eventRemove(new QPushButton(this))
    , m_judged(new QLineEdit(this))
    , m_problems(new QLabel(this))
    , m_save(new QPushButton(this))
    , m_preview(new QTextBrowser(this)) {
    setObjectName(u"scenarioEditor"_s);
    setWindowFlags(Qt::Widget); // shown in place of the tab's list, not as a window of its own
    setWindowTitle(heading);
    m_title->setObjectName(u"scenarioTitle"_s);
    m_brief->setObjectName(u"scenarioBrief"_s);
    m_brief->setTabChangesFocus(true);
    m_brief->setPlaceholderText(tr("What the applicant says when they sit down"));
    m_brief->setMaximumHeight(70);

    auto *heading1 = new QLabel(u"<b>%1</b>"_s.arg(esc(heading)), this);
    auto *form = new QFormLayout;
    auto row = [&](const QString &label, QWidget *w) {
        auto *l = new QLabel(label, this);
        l->setBuddy(w);
        form->addRow(l, w);
    };
    row(tr("&Title"), m_title);
    row(tr("&Brief"), m_brief);
    form->addRow(buildApplicant());
    form->addRow(buildItem());
    m_decision->setObjectName(u"scenarioDecision"_s);
    m_decision->addItem(tr("(choose)"), QString());
    for (const QString &d : {u"accepted"_s, u"correction_required"_s, u"rejected"_s})
        m_decision->addItem(decisionLabel(d), d);
    m_timeLimit->setObjectName(u"scenarioTimeLimit"_s);
    m_timeLimit->setRange(1, 7200);
    m_timeLimit->setSingleStep(30);
    m_timeLimit->setValue(420);
    m_timeLimit->setSuffix(tr(" s"));
    row(tr("Target &decision"), m_decision);
    row(tr("Time &limit"), m_timeLimit);
    form->addRow(buildEvents());
    form->addRow(buildRubric());

    m_problems->setObjectName(u"scenarioProblems"_s);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->hide();
    m_save->setObjectName(u"scenarioSave"_s);
    m_save->setText(ui::withShortcut(tr("Save"), ui::shortcut::scenarioSave));
    m_save->setAutoDefault(false);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"scenarioCancel"_s);
    cancel->setAutoDefault(false);
    connect(m_save, &QPushButton::clicked, this, [this] { emit saveRequested(scenario()); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *fields = new QWidget(this);
    auto *left = new QVBoxLayout(fields);
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(heading1);
    left->addLayout(form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(fields);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_preview->setObjectName(u"scenarioPreview"_s);
    m_preview->setAccessibleName(tr("What the trainee will see"));
    m_preview->setFocusPolicy(Qt::NoFocus);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("Preview: what the trainee will see"), this));
    right->addWidget(m_preview, 1);
    auto *top = new QHBoxLayout;
    top->addWidget(scroll, 3);
    top->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    buildKeys();

    for (QLineEdit *e : {m_title, m_name, m_idNumber, m_phone, m_judged})
        connect(e, &QLineEdit::textChanged, this, &ScenarioEditor::refreshPreview);
    connect(m_brief, &QPlainTextEdit::textChanged, this, &ScenarioEditor::refreshPreview);
    connect(m_decision, &QComboBox::currentIndexChanged, this, &ScenarioEditor::refreshPreview);
    connect(m_timeLimit, &QSpinBox::valueChanged, this, &ScenarioEditor::refreshPreview);
    if (existing)
        load(*existing);
    refreshPreview();
}

ScenarioEditor::~ScenarioEditor() = default;

QWidget *ScenarioEditor::buildApplicant() {
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    m_name->setObjectName(u"scenarioApplicantName"_s);
    m_idNumber->setObjectName(u"scenarioIdNumber"_s);
    m_idNumber->setMaxLength(18);
    m_phone->setObjectName(u"scenarioPhone"_s);
    m_phone->setMaxLength(11);
    m_generateId->setObjectName(u"scenarioGenerateId"_s);
    m_generateId->setText(ui::withShortcut(tr("Generate test ID number"), ui::shortcut::scenarioGenerateId));
    m_generatePhone->setObjectName(u"scenarioGeneratePhone"_s);
    m_generatePhone->setText(
        ui::withShortcut(tr("Generate test mobile"), ui::shortcut::scenarioGeneratePhone));
    connect(m_generateId, &QPushButton::clicked, this, &ScenarioEditor::generateId);
    connect(m_generatePhone, &QPushButton::clicked, this, &ScenarioEditor::generatePhone);
    auto label = [&](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, box);
        l->setBuddy(buddy);
        return l;
    };
    grid->addWidget(label(tr("Applicant &name"), m_name), 0, 0);
    grid->addWidget(m_name, 0, 1, 1, 2);
    grid->addWidget(label(tr("&ID number"), m_idNumber), 1, 0);
    grid->addWidget(m_idNumber, 1, 1);
    grid->addWidget(m_generateId, 1, 2);
    grid->addWidget(label(tr("&Mobile"), m_phone), 2, 0);
    grid->addWidget(m_phone, 2, 1);
    grid->addWidget(m_generatePhone, 2, 2);
    return box;
}

QWidget *ScenarioEditor::buildItem() {
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    m_itemSearch->setObjectName(u"scenarioItemSearch"_s);
    m_itemSearch->setPlaceholderText(
        tr("Target item: name, pinyin initials or code; ↑/↓ and Enter take it (%1)")
            .arg(ui::shortcutKey(ui::shortcut::scenarioFindItem).toString(QKeySequence::NativeText)));
    m_itemSearch->setMaxLength(storage::CatalogSearch::kMaxQueryLength);
    m_itemSearch->installEventFilter(this);
    m_itemResults->setObjectName(u"scenarioItemResults"_s);
    m_itemResults->setFocusPolicy(Qt::NoFocus);
    m_itemResults->setMaximumHeight(90);
    m_itemResults->hide();
    m_itemLabel->setObjectName(u"scenarioItem"_s);
    m_itemLabel->setTextFormat(Qt::PlainText);
    m_itemLabel->setWordWrap(true);
    m_itemLabel->setText(tr("No target item yet."));
    m_documentsBox->setObjectName(u"scenarioDocuments"_s);
    m_documentsGrid->setContentsMargins(0, 0, 0, 0);
    auto *l = new QLabel(tr("Tar&get item"), box);
    l->setBuddy(m_itemSearch);
    v->addWidget(l);
    v->addWidget(m_itemSearch);
    v->addWidget(m_itemResults);
    v->addWidget(m_itemLabel);
    v->addWidget(
        new QLabel(tr("Documents the applicant brings (state, and what the trainee is told):"), box));
    v->addWidget(m_documentsBox);
    connect(m_itemSearch, &QLineEdit::textChanged, this, &ScenarioEditor::searchItems);
    connect(m_itemSearch, &QLineEdit::returnPressed, this,
            [this] { pickItem(std::max(0, m_itemResults->currentRow())); });
    connect(m_itemResults, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *it) { pickItem(m_itemResults->row(it)); });
    return box;
}

QWidget *ScenarioEditor::buildEvents() {
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    m_eventKind->setObjectName(u"scenarioEventKind"_s);
    m_eventKind->setAccessibleName(tr("Event kind"));
    for (ScenarioEvent::Kind k : kKinds)
        m_eventKind->addItem(eventKindLabel(k), training::eventKindName(k));
    m_eventAt->setObjectName(u"scenarioEventAt"_s);
    m_eventAt->setAccessibleName(tr("At second"));
    m_eventAt->setRange(0, 7200);
    m_eventAt->setSingleStep(10);
    m_eventAt->setPrefix(tr("at "));
    m_eventAt->setSuffix(tr(" s"));
    m_eventText->setObjectName(u"scenarioEventText"_s);
    m_eventText->setAccessibleName(tr("What the applicant says or the trainee is told"));
    m_eventText->setPlaceholderText(tr("What the applicant says or the trainee is told"));
    m_eventAdd->setObjectName(u"scenarioEventAdd"_s);
    m_eventAdd->setText(ui::withShortcut(tr("Add event"), ui::shortcut::scenarioAddEvent));
    m_eventRemove->setObjectName(u"scenarioEventRemove"_s);
    m_eventRemove->setText(ui::withShortcut(tr("Remove event"), ui::shortcut::scenarioRemoveEvent));
    connect(m_eventAdd, &QPushButton::clicked, this, &ScenarioEditor::addEvent);
    connect(m_eventRemove, &QPushButton::clicked, this, &ScenarioEditor::removeEvent);
    m_eventTable->setObjectName(u"scenarioEvents"_s);
    m_eventTable->setAccessibleName(tr("Injected events"));
    m_eventTable->setColumnCount(3);
    m_eventTable->setHorizontalHeaderLabels({tr("Second"), tr("Event"), tr("Words")});
    m_eventTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_eventTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_eventTable->setTabKeyNavigation(false);
    m_eventTable->verticalHeader()->hide();
    m_eventTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_eventTable->setMaximumHeight(120);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_eventKind);
    addRow->addWidget(m_eventAt);
    addRow->addWidget(m_eventText, 1);
    addRow->addWidget(m_eventAdd);
    auto *l = new QLabel(tr("Injected &events"), box);
    l->setBuddy(m_eventKind);
    v->addWidget(l);
    v->addLayout(addRow);
    v->addWidget(m_eventTable);
    v->addWidget(m_eventRemove, 0, Qt::AlignLeft);
    return box;
}

QWidget *ScenarioEditor::buildRubric() {
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    const QStringList names{u"Item"_s, u"Materials"_s, u"Decision"_s, u"Data"_s, u"Time"_s};
    const QStringList labels{tr("Item"), tr("Materials"), tr("Decision"), tr("Data"), tr("Time")};
    const Scenario defaults;
    const double values[]{defaults.itemPoints, defaults.materialsPoints, defaults.decisionPoints,
                          defaults.dataPoints, defaults.timePoints};
    auto *l = new QLabel(tr("Rubric &points"), box);
    grid->addWidget(l, 0, 0);
    for (int i = 0; i < 5; ++i) {
        m_points[i] = new QDoubleSpinBox(box);
        m_points[i]->setObjectName(u"scenarioPoints"_s + names.at(i));
        m_points[i]->setAccessibleName(labels.at(i));
        m_points[i]->setRange(0, 1000);
        m_points[i]->setDecimals(1);
        m_points[i]->setValue(values[i]);
        m_points[i]->setPrefix(labels.at(i) + u" "_s);
        grid->addWidget(m_points[i], 0, i + 1);
        connect(m_points[i], &QDoubleSpinBox::valueChanged, this, &ScenarioEditor::refreshPreview);
    }
    l->setBuddy(m_points[0]);
    m_judged->setObjectName(u"scenarioJudged"_s);
    m_judged->setPlaceholderText(tr("Judges' criteria with their maximum, e.g. attitude 10; explanation 10"));
    m_judged->setText(u"%1 10; %2 10"_s.arg(criterionLabel(u"attitude"_s), criterionLabel(u"explanation"_s)));
    auto *j = new QLabel(tr("&Judged criteria"), box);
    j->setBuddy(m_judged);
    grid->addWidget(j, 1, 0);
    grid->addWidget(m_judged, 1, 1, 1, 5);
    return box;
}

void ScenarioEditor::buildKeys() {
    auto bind = [this](const char *id, auto slot) {
        for (const QKeySequence &k : ui::shortcutKeys(id)) {
            auto *s = new QShortcut(k, this);
            s->setContext(Qt::WidgetWithChildrenShortcut);
            connect(s, &QShortcut::activated, this, slot);
        }
    };
    bind(ui::shortcut::scenarioSave, [this] { emit saveRequested(scenario()); });
    bind(ui::shortcut::scenarioFindItem, [this] {
        m_itemSearch->setFocus();
        m_itemSearch->selectAll();
    });
    bind(ui::shortcut::scenarioGenerateId, [this] { generateId(); });
    bind(ui::shortcut::scenarioGeneratePhone, [this] { generatePhone(); });
    bind(ui::shortcut::scenarioAddEvent, [this] { addEvent(); });
    bind(ui::shortcut::scenarioRemoveEvent, [this] { removeEvent(); });
}

void ScenarioEditor::focusFirstField() {
    m_title->setFocus();
}

void ScenarioEditor::load(const Scenario &s) {
    m_title->setText(s.title);
    m_brief->setPlainText(s.brief);
    m_name->setText(s.applicantName);
    m_idNumber->setText(s.idNumber);
    m_phone->setText(s.phone);
    m_decision->setCurrentIndex(std::max(0, m_decision->findData(s.targetDecision)));
    m_timeLimit->setValue(s.timeLimitS);
    const double values[]{s.itemPoints, s.materialsPoints, s.decisionPoints, s.dataPoints, s.timePoints};
    for (int i = 0; i < 5; ++i)
        m_points[i]->setValue(values[i]);
    QStringList judged;
    for (const auto &[name, max] : s.judgedCriteria)
        judged.append(u"%1 %2"_s.arg(criterionLabel(name)).arg(max, 0, 'g', 6));
    m_judged->setText(judged.join(u"; "_s));
    m_events = s.events;
    showEvents();
    setItem(s.targetItemCode, s.documents);
}

Scenario ScenarioEditor::scenario() const {
    Scenario s;
    s.title = m_title->text().trimmed();
    s.brief = m_brief->toPlainText().trimmed();
    s.applicantName = m_name->text().trimmed();
    s.idNumber = m_idNumber->text().trimmed();
    s.phone = m_phone->text().trimmed();
    s.targetItemCode = m_itemCode;
    s.targetDecision = m_decision->currentData().toString();
    s.timeLimitS = m_timeLimit->value();
    for (const DocumentRow &r : m_documents)
        s.documents.append({r.materialId, r.name->text().trimmed(), kStates.value(r.state->currentIndex())});
    s.events = m_events;
    s.itemPoints = m_points[0]->value();
    s.materialsPoints = m_points[1]->value();
    s.decisionPoints = m_points[2]->value();
    s.dataPoints = m_points[3]->value();
    s.timePoints = m_points[4]->value();
    // "attitude 10; explanation 10": a criterion without a number gets 0 and is refused by the rules.
    s.judgedCriteria.clear();
    static const QRegularExpression split(u"[;；,，\\n]"_s);
    for (const QString &part : m_judged->text().split(split, Qt::SkipEmptyParts)) {
        const QString p = part.trimmed();
        if (p.isEmpty())
            continue;
        const qsizetype space = p.lastIndexOf(u' ');
        bool ok = false;
        const double max = space > 0 ? p.mid(space + 1).toDouble(&ok) : 0;
        // The standard criteria are shown by their label (服务态度) and stored by their key (attitude), as
        // the judges' tab and the trainee's result name them; any other criterion is stored as the trainer
        // wrote it.
        QString name = ok ? p.left(space).trimmed() : p;
        for (const QString &key : {u"attitude"_s, u"explanation"_s})
            if (name == criterionLabel(key) || name.compare(key, Qt::CaseInsensitive) == 0)
                name = key;
        s.judgedCriteria.append({name, ok ? max : 0});
    }
    return s;
}

void ScenarioEditor::searchItems(const QString &text) {
    m_itemResults->clear();
    auto hits = m_search->search(text, QString(), 12);
    if (hits && !text.trimmed().isEmpty())
        for (const storage::SearchHit &h : hits.value()) {
            auto *it = new QListWidgetItem(u"%1 · %2"_s.arg(h.name, h.department), m_itemResults);
            it->setData(kRoleCode, h.code);
        }
    m_itemResults->setVisible(m_itemResults->count() > 0);
    if (m_itemResults->count() > 0)
        m_itemResults->setCurrentRow(0);
}

bool ScenarioEditor::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_itemSearch && event->type() == QEvent::KeyPress) {
        auto *ke = static_cast<QKeyEvent *>(event);
        if (ke->key() == Qt::Key_Down || ke->key() == Qt::Key_Up) {
            const int n = m_itemResults->count();
            if (n > 0)
                m_itemResults->setCurrentRow(
                    std::clamp(m_itemResults->currentRow() + (ke->key() == Qt::Key_Down ? 1 : -1), 0, n - 1));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ScenarioEditor::pickItem(int row) {
    QListWidgetItem *it = m_itemResults->item(row);
    if (!it)
        return;
    const QString code = it->data(kRoleCode).toString();
    // One document per material of the item, each brought as it should be until the trainer says otherwise.
    QList<ScenarioDocument> docs;
    if (auto item = storage::CatalogRepository(m_db).currentItem(code))
        for (const core::Material &m : item->materials)
            docs.append({m.id, m.name, ScenarioDocument::State::Good});
    setItem(code, docs);
    m_itemResults->hide();
    if (!m_documents.isEmpty())
        m_documents.first().state->setFocus();
}

void ScenarioEditor::setItem(const QString &code, const QList<ScenarioDocument> &documents) {
    m_itemCode = code;
    m_item.reset();
    if (code.isEmpty()) {
        m_itemLabel->setText(tr("No target item yet."));
    } else if (auto item = storage::CatalogRepository(m_db).currentItem(code)) {
        m_item = item.value();
        m_itemLabel->setText(tr("Target item: %1 (%2) · %3").arg(m_item->name, m_item->department, code));
    } else {
        m_itemLabel->setText(tr("Target item %1 is not in the catalog.").arg(code));
    }
    clearDocuments();
    for (const ScenarioDocument &d : documents)
        addDocumentRow(d, m_item ? m_item->material(d.materialId) : nullptr);
    // The keyboard goes item → documents (state, name) → decision.
    QWidget *previous = m_itemSearch;
    for (const DocumentRow &r : std::as_const(m_documents)) {
        setTabOrder(previous, r.state);
        setTabOrder(r.state, r.name);
        previous = r.name;
    }
    setTabOrder(previous, m_decision);
    refreshPreview();
}

void ScenarioEditor::clearDocuments() {
    for (const DocumentRow &r : std::as_const(m_documents)) {
        delete r.label;
        delete r.state;
        delete r.name;
    }
    m_documents.clear();
}

void ScenarioEditor::addDocumentRow(const ScenarioDocument &d, const core::Material *m) {
    const int i = int(m_documents.size());
    DocumentRow r;
    r.materialId = d.materialId;
    const QString what = m ? (m->required ? tr("%1 (required)").arg(m->name) : m->name)
                           : tr("%1 (not a material of the item)").arg(d.materialId);
    r.label = new QLabel(what, m_documentsBox);
    r.label->setWordWrap(true);
    r.state = new QComboBox(m_documentsBox);
    r.state->setObjectName(u"scenarioDocState_%1"_s.arg(i));
    r.state->setAccessibleName(tr("State of %1").arg(what));
    for (ScenarioDocument::State s : kStates)
        r.state->addItem(documentStateLabel(s));
    r.state->setCurrentIndex(int(kStates.indexOf(d.state)));
    r.name = new QLineEdit(d.name, m_documentsBox);
    r.name->setObjectName(u"scenarioDocName_%1"_s.arg(i));
    r.name->setAccessibleName(tr("What the trainee is told about %1").arg(what));
    m_documentsGrid->addWidget(r.label, i, 0);
    m_documentsGrid->addWidget(r.state, i, 1);
    m_documentsGrid->addWidget(r.name, i, 2);
    connect(r.state, &QComboBox::currentIndexChanged, this, &ScenarioEditor::refreshPreview);
    connect(r.name, &QLineEdit::textChanged, this, &ScenarioEditor::refreshPreview);
    m_documents.append(r);
}

void ScenarioEditor::addEvent() {
    const ScenarioEvent e{
        training::eventKindFromName(m_eventKind->currentData().toString()).value_or(ScenarioEvent::Kind::Say),
        m_eventAt->value(), m_eventText->text().trimmed()};
    // Kept in time order, as the drill fires them.
    auto at = std::upper_bound(m_events.begin(), m_events.end(), e.atS,
                               [](int t, const ScenarioEvent &x) { return t < x.atS; });
    const int row = int(at - m_events.begin());
    m_events.insert(row, e);
    showEvents();
    m_eventTable->selectRow(row);
    m_eventText->clear();
    m_eventKind->setFocus();
}

void ScenarioEditor::removeEvent() {
    const int row = m_eventTable->currentRow();
    if (row < 0 || row >= m_events.size())
        return;
    m_events.removeAt(row);
    showEvents();
    if (!m_events.isEmpty())
        m_eventTable->selectRow(std::min(row, int(m_events.size()) - 1));
}

void ScenarioEditor::showEvents() {
    m_eventTable->setRowCount(int(m_events.size()));
    for (int r = 0; r < m_events.size(); ++r) {
        const ScenarioEvent &e = m_events.at(r);
        m_eventTable->setItem(r, 0, new QTableWidgetItem(QString::number(e.atS)));
        m_eventTable->setItem(r, 1, new QTableWidgetItem(eventKindLabel(e.kind)));
        m_eventTable->setItem(r, 2, new QTableWidgetItem(e.text));
    }
    refreshPreview();
}

void ScenarioEditor::generateId() {
    m_idNumber->setText(training::generateTestResidentId(*QRandomGenerator::global(), m_clock.todayCst()));
}

void ScenarioEditor::generatePhone() {
    m_phone->setText(training::generateTestMobile(*QRandomGenerator::global()));
}

void ScenarioEditor::showProblems(const QList<training::ScenarioProblem> &problems) {
    QString html;
    for (const training::ScenarioProblem &p : problems)
        if (p.isError())
            html += u"<div style=\"color:#b3261e\">✗ %1</div>"_s.arg(esc(p.message));
    for (const training::ScenarioProblem &p : problems)
        if (!p.isError())
            html += u"<div style=\"color:#8a5300\">⚠ %1</div>"_s.arg(esc(p.message));
    m_problems->setText(html);
    m_problems->setVisible(!html.isEmpty());
}

QString ScenarioEditor::problemsText() const {
    return m_problems->isVisible() ? QTextDocumentFragment::fromHtml(m_problems->text()).toPlainText()
                                   : QString();
}

void ScenarioEditor::refreshPreview() {
    const Scenario s = scenario();
    m_preview->setHtml(previewHtml(s, m_item ? &*m_item : nullptr));
}

QString ScenarioEditor::previewHtml(const Scenario &s, const core::ServiceItem *item) {
    QStringList handed;
    for (const ScenarioDocument &d : s.documents)
        if (d.state != ScenarioDocument::State::Missing)
            handed.append(esc(d.name));
    QString html = u"<h3>%1</h3>"_s.arg(esc(s.title.isEmpty() ? tr("(untitled scenario)") : s.title));
    html += u"<p><b>%1</b> “%2”</p>"_s.arg(esc(tr("The applicant says:")), esc(s.brief));
    html += u"<p><b>%1</b> %2 · %3 %4 · %5 %6</p>"_s.arg(esc(tr("Applicant:")), esc(s.applicantName),
                                                         esc(tr("ID")), esc(s.idNumber), esc(tr("mobile")),
                                                         esc(s.phone));
    html += u"<p><b>%1</b> %2</p>"_s.arg(esc(tr("Hands over:")),
                                         handed.isEmpty() ? esc(tr("nothing")) : handed.join(u"、"_s));
    html += u"<p><b>%1</b> %2</p>"_s.arg(esc(tr("Time limit:")), esc(tr("%1 s").arg(s.timeLimitS)));
    html += u"<hr><p><i>%1</i></p><ul>"_s.arg(esc(tr("Only the trainer sees this:")));
    html += u"<li>%1 %2</li>"_s.arg(
        esc(tr("Target item:")),
        esc(item ? u"%1（%2）"_s.arg(item->name, s.targetItemCode) : s.targetItemCode));
    html += u"<li>%1 %2</li>"_s.arg(esc(tr("Target decision:")), esc(decisionLabel(s.targetDecision)));
    for (const ScenarioDocument &d : s.documents) {
        const core::Material *m = item ? item->material(d.materialId) : nullptr;
        html += u"<li>%1：%2（%3）</li>"_s.arg(esc(m ? m->name : d.materialId),
                                               esc(documentStateLabel(d.state)), esc(d.name));
    }
    for (const ScenarioEvent &e : s.events)
        html += u"<li>%1 %2 · %3</li>"_s.arg(esc(tr("%1 s:").arg(e.atS)), esc(eventKindLabel(e.kind)),
                                             esc(e.text));
    html += u"<li>%1 %2 + %3</li></ul>"_s.arg(esc(tr("Full marks:")))
                .arg(s.automaticMax(), 0, 'g', 6)
                .arg(s.judgedMax(), 0, 'g', 6);
    return html;
}

} // namespace windowdesk::trainingui
