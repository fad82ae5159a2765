#include "paperview.h"

#include <windowdesk/training/scoring.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace windowdesk::training;

namespace windowdesk::trainingui {

QString clockText(int seconds) {
    const int s = std::max(0, seconds);
    if (s >= 3600)
        return u"%1:%2:%3"_s.arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, QChar(u'0'))
            .arg(s % 60, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(s / 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0'));
}

QString optionLetter(int pos) {
    return QString(QChar(u'A' + pos));
}

PaperView::PaperView(TrainingAttempts &attempts, QWidget *parent)
    : QWidget(parent)
    , m_attempts(attempts) {
    setObjectName(u"practicePaper"_s);
    setFocusPolicy(Qt::StrongFocus);
    buildUi();
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &PaperView::tick);
    auto *submit = new QShortcut(ui::shortcutKey(ui::shortcut::practiceSubmit), this);
    submit->setContext(Qt::WidgetWithChildrenShortcut);
    connect(submit, &QShortcut::activated, this, &PaperView::askSubmit);
    auto *map = new QShortcut(ui::shortcutKey(ui::shortcut::practiceMap), this);
    map->setContext(Qt::WidgetWithChildrenShortcut);
    connect(map, &QShortcut::activated, this, [this] {
        m_map->setCurrentRow(m_index);
        m_map->setFocus();
    });
}

void PaperView::buildUi() {
    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(u"practiceTitle"_s);
    m_title->setStyleSheet(u"font-weight: bold; font-size: 14pt;"_s);
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(u"practiceCountdown"_s);
    m_countdown->setAccessibleName(tr("Time left"));
    m_countdown->setStyleSheet(u"font-size: 16pt; font-weight: bold;"_s);
    head->addWidget(m_title, 1);
    head->addWidget(m_countdown);
    layout->addLayout(head);
    m_map = new QListWidget(this);
    m_map->setObjectName(u"practiceMap"_s);
    m_map->setAccessibleName(tr("Question map"));
    m_map->setFlow(QListView::LeftToRight);
    m_map->setWrapping(true);
    m_map->setMaximumHeight(64);
    m_map->setSpacing(2);
    connect(m_map, &QListWidget::itemActivated, this, [this](QListWidgetItem *it) {
        showQuestion(m_map->row(it));
        setFocus();
    });
    layout->addWidget(m_map);
    m_position = new QLabel(this);
    m_position->setObjectName(u"practicePosition"_s);
    layout->addWidget(m_position);
    m_stem = new QLabel(this);
    m_stem->setObjectName(u"practiceStem"_s);
    m_stem->setWordWrap(true);
    m_stem->setStyleSheet(u"font-size: 13pt;"_s);
    layout->addWidget(m_stem);
    m_options = new QListWidget(this);
    m_options->setObjectName(u"practiceOptions"_s);
    m_options->setAccessibleName(tr("Options"));
    m_options->setFocusPolicy(Qt::NoFocus); // the keys go to the paper, the list only shows
    connect(m_options, &QListWidget::itemClicked, this, [this](QListWidgetItem *it) {
        choose(m_options->row(it));
        setFocus();
    });
    layout->addWidget(m_options, 1);
    m_message = new ui::MessageBar(this);
    m_message->setObjectName(u"practicePaperMessage"_s);
    layout->addWidget(m_message);
    auto *keys =
        new QLabel(tr("Keys: 1–9 or A–D choose · ↑/↓ and Space toggle (multiple choice) · ←/→ or "
                      "PgUp/PgDn previous/next question · %1 question map · %2 submit")
                       .arg(ui::shortcutKey(ui::shortcut::practiceMap).toString(QKeySequence::NativeText),
                            ui::shortcutKey(ui::shortcut::practiceSubmit).toString(QKeySequence::NativeText)),
                   this);
    keys->setObjectName(u"practiceKeys"_s);
    keys->setWordWrap(true);
    layout->addWidget(keys);
}

bool PaperView::load(const QString &attemptId) {
    auto a = m_attempts.attempt(attemptId);
    auto qs = a ? m_attempts.questions(attemptId) : Result<QList<AttemptQuestion>>(a.error());
    if (!qs) {
        m_message->showError(tr("The paper could not be read: %1").arg(qs.error().message));
        return false;
    }
    m_attempt = a.value();
    m_questions = qs.value();
    m_submitting = false;
    m_message->clearMessage();
    m_title->setText(m_attempt.drillTitle);
    int first = 0;
    while (first < m_questions.size() - 1 && !m_questions.at(first).chosen.isEmpty())
        ++first;
    refreshMap();
    showQuestion(first);
    tick();
    m_timer->start();
    return true;
}

void PaperView::showQuestion(int index) {
    if (m_questions.isEmpty())
        return;
    m_index = std::clamp(index, 0, int(m_questions.size()) - 1);
    m_cursor = 0;
    const AttemptQuestion &q = m_questions.at(m_index);
    const QString kind = q.question.kind == QuestionKind::Multiple    ? tr("multiple choice")
                         : q.question.kind == QuestionKind::TrueFalse ? tr("true or false")
                                                                      : tr("single choice");
    m_position->setText(tr("Question %1 of %2 · %3 · %4 points")
                            .arg(m_index + 1)
                            .arg(m_questions.size())
                            .arg(kind)
                            .arg(q.paper.points));
    m_stem->setText(q.question.stem);
    refreshOptions();
    m_map->setCurrentRow(m_index);
}

void PaperView::refreshOptions() {
    m_options->clear();
    if (m_questions.isEmpty())
        return;
    const AttemptQuestion &q = m_questions.at(m_index);
    const QList<int> chosen = q.chosenShown();
    const QStringList shown = q.shownOptions();
    for (int i = 0; i < shown.size(); ++i) {
        auto *it = new QListWidgetItem(u"%1. %2"_s.arg(optionLetter(i), shown.at(i)), m_options);
        it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        it->setCheckState(chosen.contains(i) ? Qt::Checked : Qt::Unchecked);
    }
    m_options->setCurrentRow(m_cursor);
}

void PaperView::refreshMap() {
    m_map->clear();
    for (int i = 0; i < m_questions.size(); ++i) {
        const bool answered = !m_questions.at(i).chosen.isEmpty();
        auto *it = new QListWidgetItem(answered ? u"%1 ✓"_s.arg(i + 1) : QString::number(i + 1), m_map);
        it->setToolTip(answered ? tr("answered") : tr("not answered"));
    }
}

void PaperView::choose(int pos) {
    if (m_questions.isEmpty() || m_submitting || !m_attempt.open)
        return;
    const AttemptQuestion &q = m_questions.at(m_index);
    if (pos < 0 || pos >= q.paper.optionsOrder.size())
        return;
    QList<int> shown = q.chosenShown();
    if (q.question.kind == QuestionKind::Multiple) {
        if (shown.contains(pos))
            shown.removeAll(pos);
        else
            shown.append(pos);
    } else {
        shown = {pos};
    }
    m_cursor = pos;
    save(shown);
}

void PaperView::save(const QList<int> &shown) {
    AttemptQuestion &q = m_questions[m_index];
    const QList<int> stored = shownToStored(q.paper.optionsOrder, shown);
    const Status st = m_attempts.saveAnswer(m_attempt.id, m_index, stored);
    if (!st) {
        if (st.error().code == u"time_up") {
            submitNow(FinishReason::TimeUp);
            return;
        }
        m_message->showError(st.error().message);
        return;
    }
    q.chosen = stored;
    refreshOptions();
    if (auto *it = m_map->item(m_index)) {
        it->setText(stored.isEmpty() ? QString::number(m_index + 1) : u"%1 ✓"_s.arg(m_index + 1));
        it->setToolTip(stored.isEmpty() ? tr("not answered") : tr("answered"));
    }
}

QString PaperView::countdownText() const {
    const int left = m_attempts.secondsLeft(m_attempt);
    return left < 0 ? tr("No time limit") : tr("Time left %1").arg(clockText(left));
}

void PaperView::tick() {
    if (m_attempt.id.isEmpty() || !m_attempt.open)
        return;
    m_countdown->setText(countdownText());
    const int left = m_attempts.secondsLeft(m_attempt);
    m_countdown->setStyleSheet(left >= 0 && left <= 60
                                   ? u"font-size: 16pt; font-weight: bold; color: #b00020;"_s
                                   : u"font-size: 16pt; font-weight: bold;"_s);
    if (left == 0)
        submitNow(FinishReason::TimeUp);
}

void PaperView::askSubmit() {
    if (m_submitting || !m_attempt.open)
        return;
    int answered = 0;
    for (const AttemptQuestion &q : std::as_const(m_questions))
        answered += q.chosen.isEmpty() ? 0 : 1;
    const auto answer = ui::DialogFacade::instance().question(
        this, tr("Submit the paper"),
        tr("Submit now? %1 of %2 questions answered. Answers cannot be changed afterwards.")
            .arg(answered)
            .arg(m_questions.size()));
    if (answer == QMessageBox::Yes)
        submitNow(FinishReason::Trainee);
}

void PaperView::submitNow(FinishReason reason) {
    if (m_submitting)
        return;
    m_submitting = true;
    m_timer->stop();
    auto done = m_attempts.submit(m_attempt.id, reason);
    if (!done) {
        m_submitting = false;
        m_message->showError(tr("The paper could not be submitted: %1").arg(done.error().message));
        m_timer->start();
        return;
    }
    m_attempt = done.value();
    emit submitted(m_attempt.id);
}

void PaperView::keyPressEvent(QKeyEvent *event) {
    const int k = event->key();
    const bool plain = !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (plain && k >= Qt::Key_1 && k <= Qt::Key_9) {
        choose(k - Qt::Key_1);
    } else if (plain && k >= Qt::Key_A && k <= Qt::Key_I) { // A–D, and on to I for longer lists
        choose(k - Qt::Key_A);
    } else if (plain && k == Qt::Key_Space) {
        choose(m_cursor);
    } else if (plain && k == Qt::Key_Up) {
        m_cursor = std::max(0, m_cursor - 1);
        m_options->setCurrentRow(m_cursor);
    } else if (plain && k == Qt::Key_Down) {
        m_cursor = std::min(m_options->count() - 1, m_cursor + 1);
        m_options->setCurrentRow(m_cursor);
    } else if (plain && (k == Qt::Key_Left || k == Qt::Key_PageUp)) {
        showQuestion(m_index - 1);
    } else if (plain && (k == Qt::Key_Right || k == Qt::Key_PageDown)) {
        showQuestion(m_index + 1);
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace windowdesk::trainingui
