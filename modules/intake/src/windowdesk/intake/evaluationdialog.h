#pragma once
// 好差评 panel for the screen facing the citizen: five big buttons (keys 1–5); 不满意 and 非常不满意 ask
// for at least one reason from the list and an optional comment. Made for a touch screen too (the pad, full
// screen on the citizen's screen: evaluationplacement.h): every target at least kTouchTarget pixels high, a
// tap on a reason's row ticks it, and nothing needs the keyboard.
#include <windowdesk/cases/evaluationservice.h>

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;

namespace windowdesk::intake {

class EvaluationDialog : public QWidget {
    Q_OBJECT
public:
    static constexpr int kTouchTarget = 56; // pixels; 48 is the least a finger hits reliably
    EvaluationDialog(cases::EvaluationService &service, cases::EvaluationInput base,
                     QWidget *parent = nullptr);
    int chosenLevel() const { return m_level; }
    QString savedLocalId() const { return m_savedId; }

public slots:
    void chooseLevel(int level);
    void submit();

signals:
    void submitted(const QString &localId, int level);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    cases::EvaluationService &m_service;
    cases::EvaluationInput m_base;
    int m_level = 0;
    QString m_savedId;
    QWidget *m_reasonsBox = nullptr;
    QListWidget *m_reasons = nullptr;
    QPlainTextEdit *m_comment = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_submit = nullptr;
    QListWidgetItem *m_tickedByView = nullptr; // the row the view ticked during the current tap
};

} // namespace windowdesk::intake
