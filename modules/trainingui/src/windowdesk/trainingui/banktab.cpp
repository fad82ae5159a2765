#include "banktab.h"
#include "questioneditor.h"
#include "questionmodel.h"

#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

using training::Question;
using training::QuestionKind;

namespace {
constexpr int kMaxDetails = 200; // lines listed after a regeneration; the rest are counted
}

BankTab::BankTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
    , m_bank(*context.db, *context.clock, context.audit)
    , m_search(new QLineEdit(this))
    , m_category(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_source(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_model(new QuestionTableModel(this))
    , m_preview(new QTextBrowser(this))
    , m_details(new QListWidget(this))
    , m_message(new ui::MessageBar(this))
    , m_stack(new QStackedWidget(this))
    , m_browse(new QWidget(m_stack)) {
    setObjectName(u"bankPage"_s);
    m_browse->setObjectName(u"bankBrowse"_s);
    auto *bar = new QWidget(m_browse);
    buildFilters(bar);
    m_view->setObjectName(u"bankTable"_s);
    m_view->setAccessibleName(tr("Questions of the bank"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    // The short columns as wide as their contents (a sample of rows: the bank may hold thousands), the
    // question takes the rest: at 1366×768 the default 100 px each left the stem a dozen characters.
    m_view->horizontalHeader()->setResizeContentsPrecision(50);
    for (int c = 0; c < QuestionTableModel::ColumnCount; ++c)
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(QuestionTableModel::Stem, QHeaderView::Stretch);
    m_view->setColumnHidden(QuestionTableModel::Id, true);
    m_preview->setObjectName(u"bankPreview"_s);
    m_preview->setAccessibleName(tr("The selected question as the trainee sees it"));
    m_details->setObjectName(u"bankDetails"_s);
    m_details->setAccessibleName(tr("What changed, or the lines that could not be imported"));
    m_details->setMaximumHeight(160);
    m_details->hide();
    m_message->setObjectName(u"bankMessage"_s);
    m_message->hide();
    connect(m_view, &QTableView::activated, this, [this] { editSelected(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { showSelected(); });

    auto *split = new QSplitter(m_browse);
    split->addWidget(m_view);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *browse = new QVBoxLayout(m_browse);
    browse->setContentsMargins(0, 0, 0, 0);
    browse->addWidget(bar);
    buildActions(browse);
    browse->addWidget(split, 1);
    browse->addWidget(m_details);
    // The editor opens in place of the list (keys and focus stay on the page), the list comes back after.
    m_stack->addWidget(m_browse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);
    setFocusProxy(m_search);
    refresh();
}

void BankTab::buildFilters(QWidget *bar) {
    m_search->setObjectName(u"bankSearch"_s);
    m_search->setPlaceholderText(
        tr("Search the questions, tags, ids (%1)")
            .arg(ui::shortcutKey(ui::shortcut::trainingSearch).toString(QKeySequence::NativeText)));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the bank"));
    m_category->setObjectName(u"bankCategory"_s);
    m_category->setAccessibleName(tr("Category"));
    m_kind->setObjectName(u"bankKind"_s);
    m_kind->setAccessibleName(tr("Kind"));
    m_kind->addItem(tr("All kinds"), QString());
    for (QuestionKind k : {QuestionKind::Single, QuestionKind::Multiple, QuestionKind::TrueFalse})
        m_kind->addItem(QuestionTableModel::kindLabel(k), training::kindName(k));
    m_source->setObjectName(u"bankSource"_s);
    m_source->setAccessibleName(tr("Source"));
    m_source->addItem(tr("All sources"), QString());
    m_source->addItem(tr("Generated from the catalog"), u"generated"_s);
    m_source->addItem(tr("Written by trainers"), u"trainer"_s);
    m_status->setObjectName(u"bankStatus"_s);
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("In use"), u"active"_s);
    m_status->addItem(tr("Retired versions"), u"retired"_s);
    m_status->addItem(tr("All versions"), QString());
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_search, 2);
    for (QComboBox *c : {m_category, m_kind, m_source, m_status}) {
        row->addWidget(c, 1);
        connect(c, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    }
    connect(m_search, &QLineEdit::textChanged, this, [this] { refresh(); });
}

void BankTab::buildActions(QVBoxLayout *into) {
    auto *row = new QHBoxLayout;
    struct Action {
        const char *id;
        QString text;
        QString name;
        void (BankTab::*slot)();
    };
    const QList<Action> actions{
        {ui::shortcut::trainingNewQuestion, tr("New question"), u"bankNew"_s, &BankTab::newQuestion},
        {ui::shortcut::trainingEditQuestion, tr("Revise"), u"bankEdit"_s, &BankTab::editSelected},
        {ui::shortcut::trainingRetireQuestion, tr("Retire"), u"bankRetire"_s, &BankTab::retireSelected},
        {ui::shortcut::trainingRegenerate, tr("Regenerate from the catalog"), u"bankRegenerate"_s,
         &BankTab::regenerate},
        {ui::shortcut::trainingImport, tr("Import…"), u"bankImport"_s, &BankTab::importFile},
        {ui::shortcut::trainingExport, tr("Export…"), u"bankExport"_s, &BankTab::exportFile},
    };
    for (const Action &a : actions) {
        auto *b = new QPushButton(ui::withShortcut(a.text, a.id), m_browse);
        b->setObjectName(a.name);
        connect(b, &QPushButton::clicked, this, a.slot);
        row->addWidget(b);
        // On the list only: while the editor is open these keys type or mean nothing.
        auto *s = new QShortcut(ui::shortcutKey(a.id), m_browse);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, a.slot);
    }
    row->addStretch(1);
    auto *search = new QShortcut(ui::shortcutKey(ui::shortcut::trainingSearch), m_browse);
    search->setContext(Qt::WidgetWithChildrenShortcut);
    connect(search, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    into->addLayout(row);
}

training::BankFilter BankTab::filter() const {
    training::BankFilter f;
    f.text = m_search->text();
    f.category = m_category->currentData().toString();
    if (const QString k = m_kind->currentData().toString(); !k.isEmpty())
        f.kind = training::kindFromName(k);
    if (const QString s = m_source->currentData().toString(); !s.isEmpty())
        f.generated = s == u"generated"_s;
    const QString st = m_status->currentData().toString();
    f.active = st.isEmpty() ? std::nullopt : std::optional<bool>(st == u"active"_s);
    return f;
}

void BankTab::refresh() {
    // The categories as the bank has them now, the choice kept.
    const QString category = m_category->currentData().toString();
    if (auto cats = m_bank.categories()) {
        const QSignalBlocker block(m_category);
        m_category->clear();
        m_category->addItem(tr("All categories"), QString());
        for (const QString &c : cats.value())
            m_category->addItem(QuestionTableModel::categoryLabel(c), c);
        m_category->setCurrentIndex(std::max(0, m_category->findData(category)));
    }
    const QString current = selected() ? selected()->id : QString();
    auto qs = m_bank.questions(filter());
    if (!qs) {
        m_message->showError(tr("The bank could not be read: %1").arg(qs.error().message));
        return;
    }
    m_model->setQuestions(qs.value());
    int row = 0;
    for (int i = 0; i < m_model->rowCount(); ++i)
        if (m_model->question(i)->id == current) {
            row = i;
            break;
        }
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(row, QuestionTableModel::Stem));
    showSelected();
}

const Question *BankTab::selected() const {
    return m_model->question(m_view->currentIndex().row());
}

void BankTab::showSelected() {
    const Question *q = selected();
    m_preview->setHtml(q ? questionPreviewHtml(*q) : QString());
}

void BankTab::newQuestion() {
    openEditor(nullptr);
}

void BankTab::editSelected() {
    const Question *q = selected();
    if (!q)
        return;
    if (q->generated) {
        m_message->showWarning(tr("Questions generated from the catalog change with the catalog: change the "
                                  "item and regenerate."));
        return;
    }
    openEditor(q);
}

void BankTab::openEditor(const Question *existing) {
    if (m_editor)
        m_editor->deleteLater();
    QStringList categories;
    for (int i = 1; i < m_category->count(); ++i)
        categories << m_category->itemData(i).toString();
    m_editor = new QuestionEditor(categories, existing, m_stack);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &QObject::destroyed, this, [this, e = m_editor] {
        if (m_editor == e)
            m_editor = nullptr;
    });
    connect(m_editor, &QuestionEditor::saveRequested, this, [this](const Question &q) {
        const QString by = m_ctx.user.id;
        if (m_editor->editedId().isEmpty()) {
            auto added = m_bank.add(q, by);
            if (!added) {
                m_editor->showProblem(added.error().message);
                return;
            }
            m_message->showInfo(
                tr("Question added to the bank (%1).").arg(QuestionTableModel::categoryLabel(q.category)));
        } else {
            auto version = m_bank.revise(m_editor->editedId(), q, by);
            if (!version) {
                m_editor->showProblem(version.error().message);
                return;
            }
            m_message->showInfo(tr("Question revised: version %1 is in use; papers keep the version they "
                                   "were drawn with.")
                                    .arg(version.value()));
        }
        m_editor->accept();
        refresh();
    });
    connect(m_editor, &QDialog::finished, this, [this] {
        m_stack->setCurrentWidget(m_browse);
        m_view->setFocus();
    });
    m_stack->addWidget(m_editor);
    m_stack->setCurrentWidget(m_editor);
    m_editor->focusFirstField();
}

void BankTab::retireSelected() {
    const Question *q = selected();
    if (!q || !q->active)
        return;
    const QString id = q->id;
    if (ui::DialogFacade::instance().question(this, tr("Retire the question"),
                                              tr("Retire this question? Papers already drawn keep it.")) !=
        QMessageBox::Yes)
        return;
    if (const Status st = m_bank.retire(id, m_ctx.user.id); !st) {
        m_message->showError(st.error().message);
        return;
    }
    m_message->showInfo(tr("Question retired."));
    refresh();
}

void BankTab::regenerate() {
    auto report = m_bank.regenerate(m_ctx.user.id);
    if (!report) {
        m_message->showError(tr("The bank could not be regenerated: %1").arg(report.error().message));
        return;
    }
    showGenerated(report.value());
    refresh();
}

void BankTab::showGenerated(const training::GenerateReport &r) {
    m_message->showInfo(
        tr("Regenerated from the catalog: %1 questions; %2 new versions, %3 versions retired.")
            .arg(r.questions)
            .arg(r.added)
            .arg(r.retired));
    m_details->clear();
    training::QuestionBank bank(*m_ctx.db, *m_ctx.clock);
    auto list = [&](const QList<training::QuestionVersion> &versions, const QString &label) {
        for (qsizetype i = 0; i < versions.size() && m_details->count() < kMaxDetails; ++i) {
            const auto q = bank.question(versions.at(i).id, versions.at(i).version);
            m_details->addItem(u"%1 %2 v%3　%4"_s.arg(label, versions.at(i).id)
                                   .arg(versions.at(i).version)
                                   .arg(q ? q->stem : QString()));
        }
    };
    list(r.addedVersions, tr("New"));
    list(r.retiredVersions, tr("Retired"));
    if (const qsizetype more = r.addedVersions.size() + r.retiredVersions.size() - m_details->count();
        more > 0)
        m_details->addItem(tr("… and %1 more").arg(more));
    m_details->setVisible(m_details->count() > 0);
}

void BankTab::showImportProblems(const QList<training::ImportProblem> &problems) {
    m_details->clear();
    for (const training::ImportProblem &p : problems)
        m_details->addItem(p.line > 0 ? tr("Line %1: %2").arg(p.line).arg(p.message) : p.message);
    m_details->setVisible(!problems.isEmpty());
}

void BankTab::importFile() {
    const QString path = ui::DialogFacade::instance().openFileName(
        this, tr("Import a question bank"), QString(), tr("Question banks (*.csv *.json *.txt)"));
    if (path.isEmpty())
        return;
    auto report = m_bank.importFile(path, m_ctx.user.id);
    if (!report) {
        m_message->showError(report.error().message);
        return;
    }
    const QString name = QFileInfo(path).fileName();
    showImportProblems(report->problems);
    if (!report->problems.isEmpty()) {
        m_message->showError(tr("%1 was not imported: lines with problems: %2 (listed below). Nothing was "
                                "changed.")
                                 .arg(name)
                                 .arg(report->problems.size()));
        return;
    }
    m_message->showInfo(tr("%1 imported (%2): %3 new, %4 revised, %5 unchanged.")
                            .arg(name, report->encoding)
                            .arg(report->added)
                            .arg(report->revised)
                            .arg(report->unchanged));
    refresh();
}

void BankTab::exportFile() {
    const QString path = ui::DialogFacade::instance().saveFileName(
        this, tr("Export the questions shown"), u"题库.csv"_s, tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (const Status st = m_bank.exportFile(path, m_model->questions(), m_ctx.user.id); !st) {
        m_message->showError(st.error().message);
        return;
    }
    m_message->showInfo(
        tr("Questions exported to %1: %2.").arg(QFileInfo(path).fileName()).arg(m_model->questions().size()));
}

} // namespace windowdesk::trainingui
