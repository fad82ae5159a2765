#pragma once
// A paper being taken (the trainee's 练习 page): one question at a time, all by keys — 1–9 or A–D choose an
// option (multiple choice: toggle it), ↑/↓ move the cursor and Space toggles the option under it, ←/→ or
// PgUp/PgDn move between questions, Ctrl+G the question map (Enter goes there), Ctrl+Return submits after a
// confirmation. Each choice is saved at once (TrainingAttempts::saveAnswer: its own committed write). The
// countdown follows the stored start; at zero the paper is submitted as it stands.
#include <windowdesk/training/trainingattempts.h>

#include <QWidget>

class QLabel;
class QListWidget;
class QTimer;

namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::trainingui {

class PaperView : public QWidget {
    Q_OBJECT
public:
    PaperView(training::TrainingAttempts &attempts, QWidget *parent = nullptr);

    // Shows the attempt at its first unanswered question. False (and a message) when it cannot be read.
    bool load(const QString &attemptId);
    QString attemptId() const { return m_attempt.id; }
    int currentQuestion() const { return m_index; }
    int questionCount() const { return int(m_questions.size()); }
    void showQuestion(int index);
    // Chooses the option at shown position `pos` (single/true-false: that one; multiple: toggles it).
    void choose(int pos);
    // Asks, then submits (Ctrl+Return).
    void askSubmit();
    // Submits without asking (the countdown at zero).
    void submitNow(training::FinishReason reason);
    // The countdown's text now ("剩余 12:34"); refreshed every second.
    QString countdownText() const;

signals:
    void submitted(const QString &attemptId);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void buildUi();
    void refreshOptions();
    void refreshMap();
    void tick();
    void save(const QList<int> &shown);

    training::TrainingAttempts &m_attempts;
    training::AttemptInfo m_attempt;
    QList<training::AttemptQuestion> m_questions;
    int m_index = 0;
    int m_cursor = 0;
    bool m_submitting = false;
    QLabel *m_title = nullptr;
    QLabel *m_countdown = nullptr;
    QLabel *m_position = nullptr;
    QLabel *m_stem = nullptr;
    QListWidget *m_options = nullptr;
    QListWidget *m_map = nullptr;
    ui::MessageBar *m_message = nullptr;
    QTimer *m_timer = nullptr;
};

// "mm:ss" (or "h:mm:ss") of a number of seconds.
QString clockText(int seconds);
// The letter of a shown position: A, B, C …
QString optionLetter(int pos);

} // namespace windowdesk::trainingui
