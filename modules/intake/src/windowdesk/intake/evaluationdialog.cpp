#include "evaluationdialog.h"

#include <windowdesk/core/evaluation.h>

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

EvaluationDialog::EvaluationDialog(cases::EvaluationService &service, cases::EvaluationInput base,
                                   QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_service(service)
    , m_base(std::move(base)) {
    setObjectName(u"evaluationDialog"_s);
    setWindowTitle(tr("Please rate our service"));
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("How satisfied are you with this service?"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    title->setFont(f);
    layout->addWidget(title);
    auto *buttons = new QHBoxLayout;
    for (int level = 5; level >= 1; --level) {
        auto *b = new QPushButton(u"%1\n%2"_s.arg(level).arg(core::evaluationLevelName(level)), this);
        b->setObjectName(u"level%1"_s.arg(level));
        b->setMinimumSize(120, 90); // a finger's target on the pad (at least kTouchTarget each way)
        b->setToolTip(tr("Key %1").arg(level));
        connect(b, &QPushButton::clicked, this, [this, level] { chooseLevel(level); });
        buttons->addWidget(b);
    }
    layout->addLayout(buttons);

    m_reasonsBox = new QWidget(this);
    auto *rl = new QVBoxLayout(m_reasonsBox);
    rl->addWidget(
        new QLabel(tr("What went wrong? (choose at least one; Space ticks, Enter sends)"), m_reasonsBox));
    m_reasons = new QListWidget(m_reasonsBox);
    m_reasons->setObjectName(u"evaluationReasons"_s);
    for (const QString &r : cases::EvaluationService::negativeReasons()) {
        auto *it = new QListWidgetItem(r, m_reasons);
        it->setFlags(it->flags() | Qt::ItemIsUserCheckable);
        it->setCheckState(Qt::Unchecked);
        it->setSizeHint(QSize(0, kTouchTarget)); // a whole row is the finger's target
    }
    // On the pad a tap anywhere on a row ticks it, not only on its small box (a tap on the box the view
    // has already ticked: itemChanged came first).
    connect(m_reasons, &QListWidget::itemChanged, this, [this](QListWidgetItem *it) { m_tickedByView = it; });
    connect(m_reasons, &QListWidget::itemClicked, this, [this](QListWidgetItem *it) {
        if (m_tickedByView != it)
            it->setCheckState(it->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        m_tickedByView = nullptr;
    });
    connect(m_reasons, &QListWidget::itemPressed, this, [this] { m_tickedByView = nullptr; });
    rl->addWidget(m_reasons);
    m_comment = new QPlainTextEdit(m_reasonsBox);
    m_comment->setObjectName(u"evaluationComment"_s);
    m_comment->setPlaceholderText(tr("Comment (optional)"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(70);
    rl->addWidget(m_comment);
    m_submit = new QPushButton(tr("Send (Enter)"), m_reasonsBox);
    m_submit->setObjectName(u"evaluationSubmit"_s);
    m_submit->setMinimumHeight(kTouchTarget);
    connect(m_submit, &QPushButton::clicked, this, &EvaluationDialog::submit);
    rl->addWidget(m_submit);
    m_reasonsBox->hide();
    layout->addWidget(m_reasonsBox);
    m_status = new QLabel(this);
    m_status->setObjectName(u"evaluationStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
}

void EvaluationDialog::keyPressEvent(QKeyEvent *event) {
    // Keys typed into the comment never get here: the text edit takes them.
    const int k = event->key();
    if (k >= Qt::Key_1 && k <= Qt::Key_5 && event->modifiers() == Qt::NoModifier) {
        chooseLevel(k - Qt::Key_0);
        return;
    }
    if (k == Qt::Key_Return || k == Qt::Key_Enter) {
        submit();
        return;
    }
    QWidget::keyPressEvent(event);
}

void EvaluationDialog::chooseLevel(int level) {
    if (!m_savedId.isEmpty())
        return;
    m_level = level;
    if (core::isNegativeEvaluation(level)) {
        m_reasonsBox->show();
        m_status->setText(tr("Level %1 chosen. Please choose at least one reason.").arg(level));
        m_reasons->setFocus();
        if (m_reasons->currentRow() < 0)
            m_reasons->setCurrentRow(0);
        return;
    }
    submit();
}

void EvaluationDialog::submit() {
    if (m_level == 0 || !m_savedId.isEmpty())
        return;
    cases::EvaluationInput in = m_base;
    in.level = m_level;
    if (core::isNegativeEvaluation(m_level)) {
        for (int i = 0; i < m_reasons->count(); ++i)
            if (m_reasons->item(i)->checkState() == Qt::Checked)
                in.reasons << m_reasons->item(i)->text();
        in.comment = m_comment->toPlainText();
    }
    auto r = m_service.submit(in);
    if (!r.ok()) {
        m_status->setText(r.error().code == u"reasons_required"_s
                              ? tr("Please choose at least one reason.")
                              : tr("Could not save: %1").arg(r.error().message));
        return;
    }
    m_savedId = r.value();
    m_status->setText(tr("Thank you!"));
    emit submitted(m_savedId, m_level);
    QTimer::singleShot(1500, this, &QWidget::close);
}

} // namespace windowdesk::intake
