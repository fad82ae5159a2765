#include "practicepage.h"

#include "drillview.h"
#include "judgingtab.h"
#include "paperview.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/ui/messagebar.h>

#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace windowdesk::training;

namespace windowdesk::trainingui {

namespace {
enum Role { KindRole = Qt::UserRole + 1, IndexRole };
constexpr int kListView = 0, kPaperView = 1, kDrillView = 2, kResultView = 3;

QString lettersOf(const QList<int> &shown) {
    QStringList out;
    for (int p : shown)
        out.append(optionLetter(p));
    return out.isEmpty() ? u"—"_s : out.join(QString());
}
} // namespace

PracticePage::PracticePage(const TrainingContext &context, QWidget *parent)
    : QStackedWidget(parent)
    , m_ctx(context)
    , m_attempts(*context.db, *context.clock) {
    setObjectName(u"practicePage"_s);
    setAccessibleName(tr("Practice"));
    addWidget(buildListView());
    m_paper = new PaperView(m_attempts, this);
    addWidget(m_paper);
    m_drill = new DrillView(context, this);
    addWidget(m_drill);
    addWidget(buildResultView());
    // The page's focus proxy is the view shown (the main window's Ctrl+6 lands there); a drill has none: its
    // intake page keeps the trainee's place, and Tab never lands on the hidden list.
    connect(this, &QStackedWidget::currentChanged, this, [this](int index) {
        setFocusProxy(index == kListView     ? m_list
                      : index == kPaperView  ? static_cast<QWidget *>(m_paper)
                      : index == kResultView ? static_cast<QWidget *>(m_review)
                                             : nullptr);
    });
    connect(m_paper, &PaperView::submitted, this, &PracticePage::showPaperResult);
    connect(m_drill, &DrillView::finished, this, &PracticePage::showDrillResult);
    // Sandboxes of drills that ended without removing theirs (a crash, a power cut): gone at the next start.
    const auto stale = ScenarioSandbox::removeStale(*m_ctx.db, practiceDirFor(*m_ctx.db));
    Q_UNUSED(stale) // a file that cannot be removed now is tried again at the next start
    refresh();
}

QWidget *PracticePage::buildListView() {
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    auto *title = new QLabel(tr("Papers, competitions and scenario drills open to you"), w);
    title->setStyleSheet(u"font-weight: bold; font-size: 14pt;"_s);
    layout->addWidget(title);
    m_message = new ui::MessageBar(w);
    m_message->setObjectName(u"practiceMessage"_s);
    layout->addWidget(m_message);
    m_list = new QListWidget(w);
    m_list->setObjectName(u"practiceList"_s);
    m_list->setAccessibleName(tr("Open papers and drills"));
    connect(m_list, &QListWidget::currentRowChanged, this, &PracticePage::showDetails);
    connect(m_list, &QListWidget::itemActivated, this, &PracticePage::startSelected);
    layout->addWidget(m_list, 1);
    m_details = new QLabel(w);
    m_details->setObjectName(u"practiceDetails"_s);
    m_details->setWordWrap(true);
    m_details->setStyleSheet(u"font-size: 12pt; padding: 6px; border: 1px solid palette(mid);"_s);
    layout->addWidget(m_details);
    m_start = new QPushButton(tr("Start (Enter)"), w);
    m_start->setObjectName(u"practiceStart"_s);
    connect(m_start, &QPushButton::clicked, this, &PracticePage::startSelected);
    layout->addWidget(m_start, 0, Qt::AlignLeft);
    setFocusProxy(m_list);
    return w;
}

QWidget *PracticePage::buildResultView() {
    auto *w = new QWidget(this);
    w->setObjectName(u"practiceResult"_s);
    auto *layout = new QVBoxLayout(w);
    m_score = new QLabel(w);
    m_score->setObjectName(u"practiceScore"_s);
    m_score->setStyleSheet(u"font-size: 16pt; font-weight: bold;"_s);
    m_score->setWordWrap(true);
    layout->addWidget(m_score);
    m_review = new QTextBrowser(w);
    m_review->setObjectName(u"practiceReview"_s);
    m_review->setAccessibleName(tr("Answers and explanations"));
    layout->addWidget(m_review, 1);
    auto *back = new QPushButton(tr("Back to the list (Esc)"), w);
    back->setObjectName(u"practiceBack"_s);
    layout->addWidget(back, 0, Qt::AlignLeft);
    connect(back, &QPushButton::clicked, this, &PracticePage::backToList);
    // Esc in the review goes back (a key of the review itself, not a window shortcut).
    m_review->installEventFilter(this);
    return w;
}

void PracticePage::backToList() {
    refresh();
    setCurrentIndex(kListView);
    m_list->setFocus();
}

bool PracticePage::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_review && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        backToList();
        return true;
    }
    return QStackedWidget::eventFilter(watched, event);
}

void PracticePage::showEvent(QShowEvent *event) {
    QStackedWidget::showEvent(event);
    if (currentIndex() == kListView)
        refresh();
}

void PracticePage::refresh() {
    if (auto n = m_attempts.submitExpired(); n && n.value() > 0)
        m_message->showInfo(
            tr("%n paper(s) whose time ran out were submitted as they stood.", "", n.value()));
    if (resumeOpen())
        return;
    m_list->clear();
    auto offers = m_attempts.openDrills(m_ctx.user.id);
    auto scenarios = ScenarioDrills(*m_ctx.db, *m_ctx.clock).openScenarios();
    m_offers = offers ? offers.value() : QList<DrillOffer>();
    m_scenarios = scenarios ? scenarios.value() : QList<QPair<QString, Scenario>>();
    auto parts = CompetitionService(*m_ctx.db, *m_ctx.clock, nullptr).partOffers(m_ctx.user.id);
    m_parts = parts ? parts.value() : QList<CompetitionPartOffer>();
    for (int i = 0; i < m_offers.size(); ++i) {
        const DrillOffer &o = m_offers.at(i);
        const QString kind = o.kind == u"competition" ? tr("Competition") : tr("Paper");
        const QString done = o.attemptsDone > 0
                                 ? tr(" · taken %1× · best %2").arg(o.attemptsDone).arg(o.bestScore)
                                 : QString();
        auto *it = new QListWidgetItem(u"[%1] %2%3"_s.arg(kind, o.title, done), m_list);
        it->setData(KindRole, u"paper"_s);
        it->setData(IndexRole, i);
    }
    for (int i = 0; i < m_parts.size(); ++i) {
        const CompetitionPartOffer &p = m_parts.at(i);
        const QString text = p.kind == u"paper" ? tr("[Competition] %1 · part %2 of %3: the paper %4")
                                                      .arg(p.competitionName)
                                                      .arg(p.part + 1)
                                                      .arg(p.parts)
                                                      .arg(p.blueprint.name)
                                                : tr("[Competition] %1 · scenario %2 of %3: %4")
                                                      .arg(p.competitionName)
                                                      .arg(p.part + 1)
                                                      .arg(p.parts)
                                                      .arg(p.scenario.title);
        auto *it = new QListWidgetItem(text, m_list);
        it->setData(KindRole, u"part"_s);
        it->setData(IndexRole, i);
    }
    for (int i = 0; i < m_scenarios.size(); ++i) {
        auto *it = new QListWidgetItem(u"[%1] %2"_s.arg(tr("Scenario drill"), m_scenarios.at(i).second.title),
                                       m_list);
        it->setData(KindRole, u"scenario"_s);
        it->setData(IndexRole, i);
    }
    if (m_list->count() == 0)
        m_details->setText(tr("Nothing is open to you now. Your trainer opens papers and competitions."));
    m_list->setCurrentRow(0);
    m_start->setEnabled(m_list->count() > 0);
    setCurrentIndex(kListView);
}

bool PracticePage::resumeOpen() {
    auto open = m_attempts.openAttempt(m_ctx.user.id);
    if (!open)
        return false;
    if (open->kind == u"paper" && m_paper->load(open->id)) {
        setCurrentIndex(kPaperView);
        m_paper->setFocus();
        return true;
    }
    if (open->kind == u"scenario") {
        const Status st = m_drill->resume(open.value());
        if (st) {
            setCurrentIndex(kDrillView);
            return true;
        }
        // The sandbox is gone (removed by hand): the drill ends with what it has — nothing.
        m_message->showWarning(st.error().message);
        m_drill->finishNow(FinishReason::TimeUp);
        ScenarioDrills(*m_ctx.db, *m_ctx.clock).finish(open->id, std::nullopt, FinishReason::TimeUp);
    }
    return false;
}

void PracticePage::showDetails() {
    QListWidgetItem *it = m_list->currentItem();
    if (!it)
        return;
    const int i = it->data(IndexRole).toInt();
    if (it->data(KindRole).toString() == u"paper") {
        const Blueprint &bp = m_offers.at(i).blueprint;
        m_details->setText(
            tr("%1\n%2 questions, %3 points, pass line %4.\nTime limit: %5.\nScoring of multiple choice: %6\n"
               "One attempt at a time; your answers are saved as you give them.")
                .arg(m_offers.at(i).title)
                .arg(bp.questionCount())
                .arg(bp.maxScore())
                .arg(bp.passScore)
                .arg(bp.timeLimitS > 0 ? tr("%n minute(s)", "", (bp.timeLimitS + 59) / 60) : tr("none"))
                .arg(TrainingAttempts::policyText(bp.multiplePolicy)));
        return;
    }
    if (it->data(KindRole).toString() == u"part" && m_parts.at(i).kind == u"paper") {
        const CompetitionPartOffer &p = m_parts.at(i);
        const Blueprint &bp = p.blueprint;
        m_details->setText(
            tr("Competition %1, part %2 of %3: the paper %4\n%5 questions, %6 points.\nTime limit: %7.\n"
               "Scoring of multiple choice: %8\nOne attempt only; your competition result counts once every "
               "part is scored.")
                .arg(p.competitionName)
                .arg(p.part + 1)
                .arg(p.parts)
                .arg(bp.name)
                .arg(bp.questionCount())
                .arg(bp.maxScore())
                .arg(bp.timeLimitS > 0 ? tr("%n minute(s)", "", (bp.timeLimitS + 59) / 60) : tr("none"))
                .arg(TrainingAttempts::policyText(bp.multiplePolicy)));
        return;
    }
    if (it->data(KindRole).toString() == u"part") {
        const CompetitionPartOffer &p = m_parts.at(i);
        m_details->setText(
            tr("Competition %1, scenario %2 of %3: %4\nA simulated applicant comes to your window: take the "
               "case in on the real intake page, in 练习模式 (a practice database). Time limit: %5.\nOne "
               "attempt only; scored on the item, the materials, the decision, the data and the time, and by "
               "the judges. Your competition result counts once every scenario is scored.")
                .arg(p.competitionName)
                .arg(p.part + 1)
                .arg(p.parts)
                .arg(p.scenario.title, tr("%n minute(s)", "", (p.scenario.timeLimitS + 59) / 60)));
        return;
    }
    const Scenario &s = m_scenarios.at(i).second;
    m_details->setText(
        tr("%1\nA simulated applicant comes to your window: take the case in on the real intake "
           "page, in 练习模式 (a practice database). Time limit: %2.\nScored on the item, the "
           "materials, the decision, the data and the time; the judges add their marks.")
            .arg(s.title, tr("%n minute(s)", "", (s.timeLimitS + 59) / 60)));
}

void PracticePage::startSelected() {
    QListWidgetItem *it = m_list->currentItem();
    if (!it)
        return;
    const int i = it->data(IndexRole).toInt();
    const bool paperPart =
        it->data(KindRole).toString() == u"part" && m_parts.at(i).kind == u"paper"; // a combined competition
    if (it->data(KindRole).toString() != u"paper" && !paperPart) {
        const QString drill =
            it->data(KindRole).toString() == u"part" ? m_parts.at(i).partDrillId : m_scenarios.at(i).first;
        const Status st = m_drill->start(drill);
        if (!st) {
            m_message->showError(st.error().message);
            return;
        }
        setCurrentIndex(kDrillView);
        return;
    }
    auto a = m_attempts.startDrill(paperPart ? m_parts.at(i).partDrillId : m_offers.at(i).drillId,
                                   m_ctx.user.id, QRandomGenerator::system()->generate64() & kMaxSeed);
    if (!a) {
        m_message->showError(a.error().message);
        return;
    }
    if (m_paper->load(a->id)) {
        setCurrentIndex(kPaperView);
        m_paper->setFocus();
    }
}

void PracticePage::showPaperResult(const QString &attemptId) {
    auto a = m_attempts.attempt(attemptId);
    auto qs = m_attempts.questions(attemptId);
    if (!a || !qs) {
        m_message->showError(tr("The result could not be read."));
        setCurrentIndex(kListView);
        return;
    }
    const bool passed = a->score >= a->passScore;
    m_score->setText(tr("%1: %2 of %3 points — %4%5")
                         .arg(a->drillTitle)
                         .arg(a->score)
                         .arg(a->maxScore)
                         .arg(passed ? tr("passed") : tr("not passed"))
                         .arg(a->finishReason == FinishReason::TimeUp
                                  ? tr(" (submitted when the time ran out)")
                                  : QString()));
    QString html;
    for (int i = 0; i < qs->size(); ++i) {
        const AttemptQuestion &q = qs->at(i);
        QStringList opts;
        const QStringList shown = q.shownOptions();
        for (int p = 0; p < shown.size(); ++p)
            opts.append(u"%1. %2"_s.arg(optionLetter(p), shown.at(p).toHtmlEscaped()));
        html += u"<p><b>%1. %2</b><br/>%3<br/>"_s.arg(i + 1).arg(q.question.stem.toHtmlEscaped(),
                                                                 opts.join(u"　"_s));
        html += tr("Your answer: %1 · right answer: %2 · %3 of %4 points")
                    .arg(lettersOf(q.chosenShown()), lettersOf(q.correctShown()))
                    .arg(q.scored)
                    .arg(q.paper.points);
        if (!q.question.explanation.isEmpty())
            html +=
                u"<br/><i>"_s + tr("Explanation: %1").arg(q.question.explanation.toHtmlEscaped()) + u"</i>"_s;
        html += u"</p>"_s;
    }
    m_review->setHtml(html);
    setCurrentIndex(kResultView);
    m_review->setFocus();
}

void PracticePage::showDrillResult(const QString &attemptId) {
    auto sc = ScenarioDrills(*m_ctx.db, *m_ctx.clock).score(attemptId);
    if (!sc) {
        m_message->showError(sc.error().message);
        setCurrentIndex(kListView);
        return;
    }
    double automatic = 0, automaticMax = 0;
    QString html = u"<table cellpadding='4'>"_s;
    for (const RubricLine &l : std::as_const(sc->lines)) {
        if (!l.judged) {
            automatic += l.points;
            automaticMax += l.maxPoints;
        }
        html += u"<tr><td>%1</td><td>%2 / %3</td><td>%4</td></tr>"_s
                    .arg(criterionLabel(l.criterion).toHtmlEscaped())
                    .arg(l.points)
                    .arg(l.maxPoints)
                    .arg(l.note.toHtmlEscaped());
    }
    html += u"</table>"_s;
    m_score->setText(tr("Scenario drill: %1 of %2 points on the automatic criteria; the judges' marks follow "
                        "(%3 judge(s) so far).")
                         .arg(automatic)
                         .arg(automaticMax)
                         .arg(sc->judges));
    m_review->setHtml(html);
    setCurrentIndex(kResultView);
    m_review->setFocus();
}

} // namespace windowdesk::trainingui
