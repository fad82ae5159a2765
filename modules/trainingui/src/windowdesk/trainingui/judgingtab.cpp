#include "judgingtab.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/training/competitions.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

QString criterionLabel(const QString &c) {
    if (c == u"item")
        return JudgingTab::tr("Item");
    if (c == u"materials")
        return JudgingTab::tr("Materials");
    if (c == u"decision")
        return JudgingTab::tr("Decision");
    if (c == u"data")
        return JudgingTab::tr("Applicant data");
    if (c == u"time")
        return JudgingTab::tr("Time");
    if (c == u"attitude")
        return JudgingTab::tr("Attitude");
    if (c == u"explanation")
        return JudgingTab::tr("Explanation");
    return c;
}

JudgingTab::JudgingTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
    , m_drills(*context.db, *context.clock, context.audit)
    , m_list(new QListWidget(this))
    , m_judge(new QLineEdit(this))
    , m_marksForm(new QFormLayout)
    , m_note(new QLineEdit(this))
    , m_rubric(new QTextBrowser(this))
    , m_message(new ui::MessageBar(this)) {
    setObjectName(u"judgingPage"_s);
    m_message->setObjectName(u"judgingMessage"_s);
    m_message->hide();
    m_list->setObjectName(u"judgingList"_s);
    m_list->setAccessibleName(tr("Scenario drills waiting for the judges"));
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showSelected(); });
    m_judge->setObjectName(u"judgingJudge"_s);
    m_judge->setText(m_ctx.user.name);
    m_note->setObjectName(u"judgingNote"_s);
    m_rubric->setObjectName(u"judgingRubric"_s);
    m_rubric->setAccessibleName(tr("The rubric as it stands"));
    auto *form = new QFormLayout;
    auto row = [&](const QString &label, QWidget *w) {
        auto *l = new QLabel(label, this);
        l->setBuddy(w);
        form->addRow(l, w);
    };
    row(tr("&Judge"), m_judge);
    form->addRow(m_marksForm);
    row(tr("N&ote"), m_note);
    auto *save =
        new QPushButton(ui::withShortcut(tr("Record the marks"), ui::shortcut::trainingRecordMarks), this);
    save->setObjectName(u"judgingRecord"_s);
    connect(save, &QPushButton::clicked, this, &JudgingTab::recordMarks);
    auto *fix = new QPushButton(
        ui::withShortcut(tr("Fix the score and report it"), ui::shortcut::trainingFinalize), this);
    fix->setObjectName(u"judgingFinalize"_s);
    connect(fix, &QPushButton::clicked, this, &JudgingTab::finalize);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(save);
    buttons->addWidget(fix);
    buttons->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(buttons);
    right->addWidget(m_rubric, 1);
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Finished scenario drills waiting for the judges"), this));
    left->addWidget(m_list, 1);
    auto *split = new QHBoxLayout;
    split->addLayout(left, 2);
    split->addLayout(right, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(split, 1);
    for (const auto &[id, slot] : {std::pair{ui::shortcut::trainingRecordMarks, &JudgingTab::recordMarks},
                                   std::pair{ui::shortcut::trainingFinalize, &JudgingTab::finalize}})
        for (const QKeySequence &k : ui::shortcutKeys(id)) {
            auto *s = new QShortcut(k, this);
            s->setContext(Qt::WidgetWithChildrenShortcut);
            connect(s, &QShortcut::activated, this, slot);
        }
    setFocusProxy(m_list);
    refresh();
}

QString JudgingTab::selectedAttempt() const {
    const int row = m_list->currentRow();
    return row >= 0 && row < m_waiting.size() ? m_waiting.at(row).attemptId : QString();
}

void JudgingTab::refresh() {
    const QString current = selectedAttempt();
    auto waiting = m_drills.awaitingJudgement();
    if (!waiting) {
        m_message->showError(waiting.error().message);
        return;
    }
    m_waiting = waiting.value();
    const QSignalBlocker block(m_list);
    m_list->clear();
    int row = 0;
    for (int i = 0; i < m_waiting.size(); ++i) {
        const training::AwaitingJudgement &w = m_waiting.at(i);
        m_list->addItem(tr("%1 · %2 · automatic %3").arg(w.drillTitle, w.traineeName).arg(w.automaticScore));
        if (w.attemptId == current)
            row = i;
    }
    if (!m_waiting.isEmpty())
        m_list->setCurrentRow(row);
    showSelected();
}

void JudgingTab::showSelected() {
    for (auto &[criterion, box] : m_marks)
        delete m_marksForm->labelForField(box), delete box;
    while (m_marksForm->rowCount() > 0)
        m_marksForm->removeRow(0);
    m_marks.clear();
    const QString attempt = selectedAttempt();
    if (attempt.isEmpty()) {
        m_rubric->setPlainText(tr("No scenario drill is waiting for the judges."));
        return;
    }
    const training::AwaitingJudgement &w = m_waiting.at(m_list->currentRow());
    auto drill = training::TrainingAttempts(*m_ctx.db, *m_ctx.clock).attempt(attempt);
    auto scenario = drill ? m_drills.scenario(drill->drillId) : Result<training::Scenario>(drill.error());
    if (scenario)
        for (const auto &[criterion, max] : scenario->judgedCriteria) {
            auto *box = new QDoubleSpinBox(this);
            box->setObjectName(u"judgingMark_"_s + criterion);
            box->setRange(0, max);
            box->setDecimals(1);
            box->setSuffix(tr(" of %1").arg(max));
            auto *l = new QLabel(criterionLabel(criterion), this);
            l->setBuddy(box);
            m_marksForm->addRow(l, box);
            m_marks.append({criterion, box});
        }
    auto score = m_drills.score(attempt);
    if (!score) {
        m_rubric->setPlainText(score.error().message);
        return;
    }
    QString html = u"<p><b>%1</b> — %2</p><table cellpadding='3'>"_s.arg(w.traineeName.toHtmlEscaped(),
                                                                         w.drillTitle.toHtmlEscaped());
    for (const training::RubricLine &l : score->lines)
        html += u"<tr><td>%1</td><td>%2 / %3</td><td>%4</td></tr>"_s
                    .arg(criterionLabel(l.criterion).toHtmlEscaped())
                    .arg(l.points)
                    .arg(l.maxPoints)
                    .arg(l.note.toHtmlEscaped());
    html += u"</table><p><b>%1</b></p>"_s.arg(tr("Total %1 of %2; judges so far: %3")
                                                  .arg(score->total)
                                                  .arg(score->max)
                                                  .arg(score->judges)
                                                  .toHtmlEscaped());
    m_rubric->setHtml(html);
}

void JudgingTab::recordMarks() {
    const QString attempt = selectedAttempt();
    if (attempt.isEmpty())
        return;
    if (m_judge->text().trimmed().isEmpty()) {
        m_message->showError(tr("Enter the judge's name."));
        m_judge->setFocus();
        return;
    }
    for (const auto &[criterion, box] : std::as_const(m_marks)) {
        const Status s = m_drills.judge(
            attempt, {m_judge->text().trimmed(), criterion, box->value(), 0, m_note->text()}, m_ctx.user.id);
        if (!s) {
            m_message->showError(s.error().message);
            return;
        }
    }
    m_message->showInfo(tr("The marks of %1 were recorded.").arg(m_judge->text().trimmed()));
    m_judge->clear();
    m_note->clear();
    showSelected();
    m_judge->setFocus();
}

void JudgingTab::finalize() {
    const QString attempt = selectedAttempt();
    if (attempt.isEmpty())
        return;
    auto score = m_drills.score(attempt);
    if (score && score->judges == 0) {
        m_message->showError(tr("No judge has marked this drill yet."));
        return;
    }
    auto done = m_drills.finalize(attempt);
    if (!done) {
        m_message->showError(done.error().message);
        return;
    }
    const auto competition =
        training::CompetitionService(*m_ctx.db, *m_ctx.clock, nullptr).competitionOf(done->drillId);
    if (competition && !competition->isEmpty())
        m_message->showInfo(tr("The score %1 of %2 is fixed; the competition's result goes to the platform "
                               "once every scenario of this trainee is scored.")
                                .arg(score->total)
                                .arg(score->max));
    else
        m_message->showInfo(
            tr("The score %1 of %2 is fixed and goes to the platform.").arg(score->total).arg(score->max));
    refresh();
}

} // namespace windowdesk::trainingui
