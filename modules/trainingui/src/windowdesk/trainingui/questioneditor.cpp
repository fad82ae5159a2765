#include "questioneditor.h"
#include "questionmodel.h"

#include <windowdesk/training/bankexchange.h>
#include <windowdesk/ui/shortcuts.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTextBrowser>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

using training::Question;
using training::QuestionKind;

QuestionEditor::QuestionEditor(const QStringList &categories, const Question *existing, QWidget *parent)
    : QDialog(parent)
    , m_kind(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_tags(new QLineEdit(this))
    , m_difficulty(new QSpinBox(this))
    , m_stem(new QPlainTextEdit(this))
    , m_options(new QPlainTextEdit(this))
    , m_answer(new QLineEdit(this))
    , m_explanation(new QPlainTextEdit(this))
    , m_preview(new QTextBrowser(this))
    , m_problem(new QLabel(this)) {
    setObjectName(u"questionEditor"_s);
    setWindowFlags(Qt::Widget); // shown in place of the bank's list, not as a window of its own
    setWindowTitle(existing ? tr("Revise question %1").arg(existing->id) : tr("New question"));
    for (QuestionKind k : {QuestionKind::Single, QuestionKind::Multiple, QuestionKind::TrueFalse})
        m_kind->addItem(QuestionTableModel::kindLabel(k), training::kindName(k));
    m_kind->setObjectName(u"editorKind"_s);
    m_category->setObjectName(u"editorCategory"_s);
    m_category->setEditable(true);
    for (const QString &c : categories) // the generator's categories by their names, stored by their keys
        m_category->addItem(QuestionTableModel::categoryLabel(c), c);
    m_category->setCurrentIndex(-1);
    m_tags->setObjectName(u"editorTags"_s);
    m_tags->setPlaceholderText(tr("Separated by ; or 、"));
    m_difficulty->setObjectName(u"editorDifficulty"_s);
    m_difficulty->setRange(1, 5);
    m_difficulty->setValue(2);
    m_stem->setObjectName(u"editorStem"_s);
    m_stem->setTabChangesFocus(true);
    m_options->setObjectName(u"editorOptions"_s);
    m_options->setTabChangesFocus(true);
    m_options->setPlaceholderText(tr("One option a line: the first is A, the next B, …"));
    m_answer->setObjectName(u"editorAnswer"_s);
    m_answer->setPlaceholderText(tr("Letters of the right options, e.g. AC; true/false: 正确 or 错误"));
    m_explanation->setObjectName(u"editorExplanation"_s);
    m_explanation->setTabChangesFocus(true);
    m_preview->setObjectName(u"editorPreview"_s);
    m_preview->setAccessibleName(tr("Preview as the trainee sees it"));
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_problem->setObjectName(u"editorProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"QLabel { color: #b3261e; }"_s);

    auto *form = new QFormLayout;
    auto row = [&](const QString &label, QWidget *w) {
        auto *l = new QLabel(label, this);
        l->setBuddy(w);
        form->addRow(l, w);
    };
    row(tr("&Kind"), m_kind);
    row(tr("&Category"), m_category);
    row(tr("Ta&gs"), m_tags);
    row(tr("&Difficulty (1–5)"), m_difficulty);
    row(tr("&Question"), m_stem);
    row(tr("&Options"), m_options);
    row(tr("&Answer"), m_answer);
    row(tr("E&xplanation"), m_explanation);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *save = buttons->addButton(ui::withShortcut(tr("Save"), ui::shortcut::trainingSaveQuestion),
                                           QDialogButtonBox::AcceptRole);
    save->setObjectName(u"editorSave"_s);
    save->setAutoDefault(false);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setAutoDefault(false);
    connect(save, &QPushButton::clicked, this, &QuestionEditor::save);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    for (const QKeySequence &k : ui::shortcutKeys(ui::shortcut::trainingSaveQuestion)) {
        auto *s = new QShortcut(k, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, &QuestionEditor::save);
    }

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_problem);
    left->addWidget(buttons);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("As the trainee sees it"), this));
    right->addWidget(m_preview, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);

    if (existing) {
        m_id = existing->id;
        m_kind->setCurrentIndex(m_kind->findData(training::kindName(existing->kind)));
        if (const int i = m_category->findData(existing->category); i >= 0)
            m_category->setCurrentIndex(i);
        else
            m_category->setCurrentText(existing->category);
        m_tags->setText(existing->tags.join(u"；"_s));
        m_difficulty->setValue(existing->difficulty);
        m_stem->setPlainText(existing->stem);
        if (existing->kind != QuestionKind::TrueFalse)
            m_options->setPlainText(existing->options.join(u'\n'));
        m_answer->setText(training::answerText(*existing));
        m_explanation->setPlainText(existing->explanation);
    }
    auto changed = [this] {
        refresh();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_category, &QComboBox::currentTextChanged, this, changed);
    connect(m_tags, &QLineEdit::textChanged, this, changed);
    connect(m_difficulty, &QSpinBox::valueChanged, this, changed);
    connect(m_stem, &QPlainTextEdit::textChanged, this, changed);
    connect(m_options, &QPlainTextEdit::textChanged, this, changed);
    connect(m_answer, &QLineEdit::textChanged, this, changed);
    connect(m_explanation, &QPlainTextEdit::textChanged, this, changed);
    refresh();
}

void QuestionEditor::focusFirstField() {
    m_kind->setFocus();
}

Question QuestionEditor::question(QString *problem) const {
    Question q;
    q.id = m_id;
    q.kind = training::kindFromName(m_kind->currentData().toString()).value_or(QuestionKind::Single);
    q.category = m_category->currentText().trimmed();
    if (const int i = m_category->findText(q.category); i >= 0) // a listed category is stored by its key
        q.category = m_category->itemData(i).toString();
    q.tags = training::splitTags(m_tags->text());
    q.difficulty = m_difficulty->value();
    q.stem = m_stem->toPlainText().trimmed();
    q.explanation = m_explanation->toPlainText().trimmed();
    if (q.kind == QuestionKind::TrueFalse) {
        q.options = training::trueFalseOptions();
    } else {
        for (const QString &line : m_options->toPlainText().split(u'\n'))
            if (!line.trimmed().isEmpty())
                q.options.append(line.trimmed());
    }
    QString answerProblem;
    const auto answer = training::readAnswerText(m_answer->text(), q.kind, int(q.options.size()));
    if (const auto *message = std::get_if<QString>(&answer))
        answerProblem = *message;
    else
        q.correct = std::get<QList<int>>(answer);
    // The rules in the order the form reads: the stem, the category, the options, then the answer.
    const Status v = training::validateQuestion(q);
    QString first = v ? QString() : v.error().message;
    if (!answerProblem.isEmpty() && first == u"没有正确选项"_s)
        first = answerProblem;
    if (problem)
        *problem = first;
    return q;
}

void QuestionEditor::showProblem(const QString &text) {
    m_problem->setText(text);
}

void QuestionEditor::refresh() {
    const bool trueFalse = m_kind->currentData().toString() == training::kindName(QuestionKind::TrueFalse);
    m_options->setEnabled(!trueFalse);
    QString problem;
    const Question q = question(&problem);
    m_preview->setHtml(questionPreviewHtml(q));
    m_problem->setText(problem);
}

void QuestionEditor::save() {
    QString problem;
    const Question q = question(&problem);
    if (!problem.isEmpty()) {
        showProblem(problem);
        return;
    }
    emit saveRequested(q);
}

} // namespace windowdesk::trainingui
