#include "scenariotab.h"
#include "scenarioeditor.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/focusreturn.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

using training::Scenario;
using training::ScenarioProblem;

void ScenarioListModel::setRows(QList<Row> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ScenarioListModel::rowOf(const QString &id) const {
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).stored.id == id)
            return r;
    return -1;
}

int ScenarioListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScenarioListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScenarioListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size() || role != Qt::DisplayRole)
        return {};
    const Row &r = m_rows.at(index.row());
    const Scenario &s = r.stored.scenario;
    switch (index.column()) {
    case Title:
        return s.title;
    case Item:
        return r.itemName.isEmpty() ? s.targetItemCode : r.itemName;
    case Decision:
        return ScenarioEditor::decisionLabel(s.targetDecision);
    case Documents:
        return int(s.documents.size());
    case Events:
        return int(s.events.size());
    case Status: {
        QString text = r.stored.open ? tr("Open") : tr("Closed");
        if (r.stored.version > 1)
            text += tr(" · version %1").arg(r.stored.version);
        if (r.stored.attempts > 0)
            text += tr(" · %n attempt(s)", "", r.stored.attempts);
        return text;
    }
    default:
        return {};
    }
}

QVariant ScenarioListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Title");
    case Item:
        return tr("Target item");
    case Decision:
        return tr("Decision");
    case Documents:
        return tr("Documents");
    case Events:
        return tr("Events");
    case Status:
        return tr("State");
    default:
        return {};
    }
}

ScenarioTab::ScenarioTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
    , m_store(*context.db, *context.clock, context.audit)
    , m_message(new ui::MessageBar(this))
    , m_stack(new QStackedWidget(this))
    , m_browse(new QWidget(m_stack))
    , m_view(new QTableView(m_browse))
    , m_model(new ScenarioListModel(this))
    , m_preview(new QTextBrowser(m_browse))
    , m_details(new QListWidget(m_browse)) {
    setObjectName(u"scenariosPage"_s);
    m_browse->setObjectName(u"scenarioBrowse"_s);
    m_message->setObjectName(u"scenarioMessage"_s);
    m_message->hide();
    m_view->setObjectName(u"scenarioTable"_s);
    m_view->setAccessibleName(tr("Scenario drills"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ScenarioListModel::Title, QHeaderView::Stretch);
    m_preview->setObjectName(u"scenarioListPreview"_s);
    m_preview->setAccessibleName(tr("The selected drill as the trainee will see it"));
    m_details->setObjectName(u"scenarioDetails"_s);
    m_details->setAccessibleName(tr("Why the file could not be imported"));
    m_details->setMaximumHeight(140);
    m_details->hide();
    connect(m_view, &QTableView::activated, this, [this] { editSelected(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { showSelected(); });

    auto *split = new QSplitter(m_browse);
    split->addWidget(m_view);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *buttons = new QHBoxLayout;
    struct B {
        const char *id;
        QString text;
        QString name;
        void (ScenarioTab::*slot)();
    };
    for (const B &b :
         {B{ui::shortcut::scenarioNew, tr("New"), u"scenarioNew"_s, &ScenarioTab::newScenario},
          B{ui::shortcut::scenarioEdit, tr("Edit"), u"scenarioEdit"_s, &ScenarioTab::editSelected},
          B{ui::shortcut::scenarioDuplicate, tr("Duplicate"), u"scenarioDuplicate"_s,
            &ScenarioTab::duplicateSelected},
          B{ui::shortcut::scenarioClose, tr("Close (archive)"), u"scenarioClose"_s,
            &ScenarioTab::closeSelected},
          B{ui::shortcut::scenarioImport, tr("Import JSON"), u"scenarioImport"_s, &ScenarioTab::importFile},
          B{ui::shortcut::scenarioExport, tr("Export JSON"), u"scenarioExport"_s,
            &ScenarioTab::exportSelected}}) {
        auto *button = new QPushButton(ui::withShortcut(b.text, b.id), m_browse);
        button->setObjectName(b.name);
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, b.slot);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    auto *bl = new QVBoxLayout(m_browse);
    bl->setContentsMargins(0, 0, 0, 0);
    bl->addLayout(buttons);
    bl->addWidget(split, 1);
    bl->addWidget(m_details);
    m_stack->addWidget(m_browse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);
    buildKeys(m_browse);
    setFocusProxy(m_view);
    refresh();
}

void ScenarioTab::buildKeys(QWidget *browse) {
    // On the list only: the editor, shown in its place, has its own keys.
    auto bind = [this, browse](const char *id, void (ScenarioTab::*slot)()) {
        for (const QKeySequence &k : ui::shortcutKeys(id)) {
            auto *s = new QShortcut(k, browse);
            s->setContext(Qt::WidgetWithChildrenShortcut);
            connect(s, &QShortcut::activated, this, slot);
        }
    };
    bind(ui::shortcut::scenarioNew, &ScenarioTab::newScenario);
    bind(ui::shortcut::scenarioEdit, &ScenarioTab::editSelected);
    bind(ui::shortcut::scenarioDuplicate, &ScenarioTab::duplicateSelected);
    bind(ui::shortcut::scenarioClose, &ScenarioTab::closeSelected);
    bind(ui::shortcut::scenarioImport, &ScenarioTab::importFile);
    bind(ui::shortcut::scenarioExport, &ScenarioTab::exportSelected);
}

void ScenarioTab::refresh() {
    const QString keep = selected() ? selected()->stored.id : QString();
    auto all = m_store.list();
    if (!all) {
        m_message->showError(all.error().message);
        return;
    }
    storage::CatalogRepository catalog(*m_ctx.db);
    QList<ScenarioListModel::Row> rows;
    for (const training::StoredScenario &s : all.value()) {
        auto item = catalog.currentItem(s.scenario.targetItemCode);
        rows.append({s, item ? item->name : QString()});
    }
    m_model->setRows(rows);
    select(keep);
}

void ScenarioTab::select(const QString &id) {
    const int row = std::max(0, m_model->rowOf(id));
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
    showSelected();
}

const ScenarioListModel::Row *ScenarioTab::selected() const {
    return m_model->row(m_view->currentIndex().row());
}

void ScenarioTab::showSelected() {
    const ScenarioListModel::Row *r = selected();
    if (!r) {
        m_preview->setHtml(u"<p>%1</p>"_s.arg(
            tr("No scenario drill yet: Ctrl+N writes one, Ctrl+O imports one a hall shared.")
                .toHtmlEscaped()));
        return;
    }
    auto item = storage::CatalogRepository(*m_ctx.db).currentItem(r->stored.scenario.targetItemCode);
    m_preview->setHtml(ScenarioEditor::previewHtml(r->stored.scenario, item ? &item.value() : nullptr));
}

void ScenarioTab::newScenario() {
    openEditor(nullptr, QString(), tr("New scenario drill"));
}

void ScenarioTab::editSelected() {
    const ScenarioListModel::Row *r = selected();
    if (!r)
        return;
    if (!r->stored.open) {
        m_message->showWarning(
            tr("A closed drill is not changed: duplicate it (%1) and save the copy.")
                .arg(ui::shortcutKey(ui::shortcut::scenarioDuplicate).toString(QKeySequence::NativeText)));
        return;
    }
    const QString heading =
        r->stored.attempts > 0
            ? tr("Edit “%1”: it has %n attempt(s), so saving makes version %2 and closes this one (the "
                 "attempts keep the version they were taken under)",
                 "", r->stored.attempts)
                  .arg(r->stored.scenario.title)
                  .arg(r->stored.version + 1)
            : tr("Edit “%1”").arg(r->stored.scenario.title);
    const Scenario s = r->stored.scenario;
    openEditor(&s, r->stored.id, heading);
}

void ScenarioTab::duplicateSelected() {
    const ScenarioListModel::Row *r = selected();
    if (!r)
        return;
    Scenario copy = r->stored.scenario;
    copy.title = tr("%1 (copy)").arg(copy.title);
    openEditor(&copy, QString(), tr("Duplicate of “%1”").arg(r->stored.scenario.title));
}

void ScenarioTab::openEditor(const Scenario *existing, const QString &editingId, const QString &heading) {
    if (m_editor)
        m_editor->deleteLater();
    m_details->hide();
    m_editingId = editingId;
    m_editor = new ScenarioEditor(*m_ctx.db, *m_ctx.clock, existing, heading, m_stack);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &ScenarioEditor::saveRequested, this, &ScenarioTab::saveFromEditor);
    connect(m_editor, &QDialog::finished, this, [this] { m_stack->setCurrentWidget(m_browse); });
    ui::returnFocusWhenClosed(m_editor, m_view);
    m_stack->addWidget(m_editor);
    m_stack->setCurrentWidget(m_editor);
    m_editor->focusFirstField();
}

bool ScenarioTab::confirmWarnings(const QList<ScenarioProblem> &problems) {
    const QStringList warnings = training::problemMessages(problems, ScenarioProblem::Severity::Warning);
    if (warnings.isEmpty())
        return true;
    return ui::DialogFacade::instance().question(
               this, tr("Save the scenario drill"),
               tr("Please confirm:\n%1\n\nSave it anyway?").arg(warnings.join(u'\n'))) == QMessageBox::Yes;
}

void ScenarioTab::saveFromEditor(const Scenario &s) {
    if (!m_editor)
        return;
    const QList<ScenarioProblem> problems = m_store.check(s);
    m_editor->showProblems(problems);
    if (training::hasErrors(problems) || !confirmWarnings(problems))
        return;
    auto saved = m_store.save(m_editingId, s, m_ctx.user.id);
    if (!saved) {
        m_editor->showProblems({{ScenarioProblem::Severity::Error, QString(), saved.error().message}});
        return;
    }
    if (saved->newVersion)
        m_message->showInfo(
            tr("“%1” saved as a new version; the old one is closed and its attempts keep it.").arg(s.title));
    else
        m_message->showInfo(tr("Scenario drill “%1” saved.").arg(s.title));
    m_editor->accept();
    refresh();
    select(saved->id);
    emit scenariosChanged();
}

void ScenarioTab::closeSelected() {
    const ScenarioListModel::Row *r = selected();
    if (!r || !r->stored.open)
        return;
    const QString id = r->stored.id;
    const QString title = r->stored.scenario.title;
    if (ui::DialogFacade::instance().question(
            this, tr("Close the scenario drill"),
            tr("Close “%1”? Trainees no longer see it; its attempts and results are kept.").arg(title)) !=
        QMessageBox::Yes)
        return;
    if (const Status st = m_store.close(id, m_ctx.user.id); !st) {
        m_message->showError(st.error().message);
        return;
    }
    m_message->showInfo(tr("Scenario drill “%1” closed.").arg(title));
    refresh();
    select(id);
    emit scenariosChanged();
}

void ScenarioTab::importFile() {
    const QString path = ui::DialogFacade::instance().openFileName(this, tr("Import a scenario drill"),
                                                                   QString(), tr("Scenario drills (*.json)"));
    ui::returnFocus(m_view);
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_message->showError(tr("The file could not be read: %1").arg(f.errorString()));
        return;
    }
    const training::ScenarioImport imported = m_store.readImport(f.read(2 * 1024 * 1024));
    m_details->clear();
    if (!imported.scenario) {
        m_details->addItems(imported.errors);
        m_details->show();
        m_message->showError(tr("Nothing was imported: the file has %n error(s), listed below.", "",
                                int(imported.errors.size())));
        return;
    }
    m_details->hide();
    QList<ScenarioProblem> warnings;
    for (const QString &w : imported.warnings)
        warnings.append({ScenarioProblem::Severity::Warning, QString(), w});
    if (!confirmWarnings(warnings))
        return;
    auto saved = m_store.save(QString(), *imported.scenario, m_ctx.user.id);
    if (!saved) {
        m_message->showError(saved.error().message);
        return;
    }
    m_message->showInfo(tr("Scenario drill “%1” imported.").arg(imported.scenario->title));
    refresh();
    select(saved->id);
    emit scenariosChanged();
}

void ScenarioTab::exportSelected() {
    const ScenarioListModel::Row *r = selected();
    if (!r)
        return;
    const QString path = ui::DialogFacade::instance().saveFileName(this, tr("Export the scenario drill"),
                                                                   r->stored.scenario.title + u".json"_s,
                                                                   tr("Scenario drills (*.json)"));
    ui::returnFocus(m_view);
    if (path.isEmpty())
        return;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(training::ScenarioStore::exportJson(r->stored.scenario)) < 0 || !f.commit()) {
        m_message->showError(tr("The file could not be written: %1").arg(f.errorString()));
        return;
    }
    m_message->showInfo(tr("Exported to %1.").arg(path));
}

} // namespace windowdesk::trainingui
