#include "resultstab.h"
#include "competitiontab.h"
#include "questionmodel.h"
#include "resultsexport.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

namespace {
QTableWidget *makeTable(QWidget *parent, const QString &name, const QString &accessible,
                        const QStringList &headers) {
    auto *t = new QTableWidget(parent);
    t->setObjectName(name);
    t->setAccessibleName(accessible);
    t->setColumnCount(int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setTabKeyNavigation(false);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void fill(QTableWidget *t, int row, const QStringList &cells) {
    for (int c = 0; c < cells.size(); ++c)
        t->setItem(row, c, new QTableWidgetItem(cells.at(c)));
}

QString cst(const QDateTime &t) {
    return t.isValid() ? t.toTimeZone(Clock::chinaStandardTime()).toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

QString num(double v) {
    return QString::number(v, 'g', 6);
}
} // namespace

ScoreChart::ScoreChart(QWidget *parent)
    : QWidget(parent) {
    setObjectName(u"resultsChart"_s);
    setMinimumHeight(120);
}

void ScoreChart::setHistory(const QList<training::HistoryEntry> &history) {
    m_history = history;
    setAccessibleDescription(tr("%1 results").arg(history.size()));
    update();
}

void ScoreChart::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(36, 8, -8, -16);
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(area);
    for (int pct : {0, 50, 100}) {
        const qreal y = area.bottom() - area.height() * pct / 100.0;
        p.drawText(QRectF(0, y - 8, 32, 16), Qt::AlignRight | Qt::AlignVCenter, u"%1%"_s.arg(pct));
    }
    if (m_history.isEmpty())
        return;
    const qsizetype n = m_history.size();
    auto x = [&](qsizetype i) {
        return n == 1 ? area.center().x() : area.left() + area.width() * i / (n - 1);
    };
    auto y = [&](double share) {
        return area.bottom() - area.height() * std::clamp(share, 0.0, 1.0);
    };
    QPainterPath line;
    for (qsizetype i = 0; i < n; ++i) {
        const auto &e = m_history.at(i);
        const QPointF pt(x(i), y(e.maxScore > 0 ? e.score / e.maxScore : 0));
        i == 0 ? line.moveTo(pt) : line.lineTo(pt);
        if (e.maxScore > 0 && !e.blueprintName.isEmpty()) {
            p.setPen(QPen(QColor(0x9a, 0x34, 0x12), 1, Qt::DashLine));
            p.drawLine(QPointF(x(i) - 6, y(e.passScore / e.maxScore)),
                       QPointF(x(i) + 6, y(e.passScore / e.maxScore)));
        }
    }
    p.setPen(QPen(QColor(0x1f, 0x4e, 0x9e), 2));
    p.drawPath(line);
    for (qsizetype i = 0; i < n; ++i) {
        const auto &e = m_history.at(i);
        p.setBrush(e.passed ? QColor(0x1b, 0x5e, 0x20) : QColor(0xb3, 0x26, 0x1e));
        p.drawEllipse(QPointF(x(i), y(e.maxScore > 0 ? e.score / e.maxScore : 0)), 3.5, 3.5);
    }
}

ResultsTab::ResultsTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
    , m_records(*context.db)
    , m_chart(new ScoreChart(this))
    , m_message(new ui::MessageBar(this)) {
    setObjectName(u"resultsPage"_s);
    m_message->setObjectName(u"resultsMessage"_s);
    m_message->hide();
    m_traineeTable = makeTable(this, u"resultsTrainees"_s, tr("Trainees with results"),
                               {tr("Trainee"), tr("Results"), tr("Last score"), tr("Last result")});
    m_history =
        makeTable(this, u"resultsHistory"_s, tr("The trainee's results"),
                  {tr("Finished"), tr("Drill"), tr("Score"), tr("Pass line"), tr("Passed"), tr("Time")});
    m_categories = makeTable(this, u"resultsCategories"_s, tr("Weak categories, weakest first"),
                             {tr("Category"), tr("Answers"), tr("Points scored")});
    m_levels = makeTable(this, u"skillLevels"_s, tr("The hall's skill levels"),
                         {tr("Trainee"), tr("Blueprint"), tr("Level reached"), tr("Best score"), tr("Passes"),
                          tr("First passed")});
    connect(m_traineeTable, &QTableWidget::currentCellChanged, this, [this] { showTrainee(); });
    auto *exportButton =
        new QPushButton(ui::withShortcut(tr("Export…"), ui::shortcut::trainingExportResults), this);
    exportButton->setObjectName(u"resultsExport"_s);
    connect(exportButton, &QPushButton::clicked, this, &ResultsTab::exportResults);
    auto *s = new QShortcut(ui::shortcutKey(ui::shortcut::trainingExportResults), this);
    s->setContext(Qt::WidgetWithChildrenShortcut);
    connect(s, &QShortcut::activated, this, &ResultsTab::exportResults);

    auto *person = new QWidget(this);
    auto *pv = new QVBoxLayout(person);
    pv->setContentsMargins(0, 0, 0, 0);
    pv->addWidget(
        new QLabel(tr("Scores over time (percent of the full score; dashes: the pass line)"), person));
    pv->addWidget(m_chart);
    pv->addWidget(m_history, 2);
    pv->addWidget(new QLabel(tr("Weak categories"), person));
    pv->addWidget(m_categories, 1);
    auto *top = new QSplitter(this);
    m_traineeTable->setMinimumWidth(430); // its four columns, unclipped, in Chinese
    top->addWidget(m_traineeTable);
    top->addWidget(person);
    top->setStretchFactor(1, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Skill levels (等级): a blueprint passed at its pass line"), this));
    buttons->addStretch(1);
    buttons->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(top, 3);
    layout->addLayout(buttons);
    layout->addWidget(m_levels, 2);
    setFocusProxy(m_traineeTable);
    if (m_ctx.afterSync)
        m_ctx.afterSync(this, [this] { refresh(); });
    refresh();
}

QString ResultsTab::selectedTrainee() const {
    const int row = m_traineeTable->currentRow();
    return row >= 0 && row < m_trainees.size() ? m_trainees.at(row).traineeId : QString();
}

void ResultsTab::refresh() {
    const QString current = selectedTrainee();
    auto trainees = m_records.trainees();
    auto levels = m_records.skillLevels();
    if (!trainees || !levels) {
        m_message->showError((trainees ? levels.error() : trainees.error()).message);
        return;
    }
    m_trainees = trainees.value();
    {
        const QSignalBlocker block(m_traineeTable);
        m_traineeTable->setRowCount(int(m_trainees.size()));
        int row = 0;
        for (int r = 0; r < m_trainees.size(); ++r) {
            const training::TraineeRecord &t = m_trainees.at(r);
            fill(m_traineeTable, r,
                 {t.name, QString::number(t.results), num(t.lastScore) + u" / "_s + num(t.lastMaxScore),
                  cst(t.lastAt)});
            if (t.traineeId == current)
                row = r;
        }
        if (!m_trainees.isEmpty())
            m_traineeTable->setCurrentCell(row, 0);
    }
    showTrainee();
    m_levels->setRowCount(int(levels->size()));
    for (int r = 0; r < levels->size(); ++r) {
        const training::SkillLevel &l = levels->at(r);
        fill(m_levels, r,
             {l.traineeName, l.blueprintName, l.passes > 0 ? tr("Reached") : tr("Not yet"),
              num(l.bestScore) + u" / "_s + num(l.maxScore),
              QString::number(l.passes) + u" / "_s + QString::number(l.attempts), cst(l.firstPassedAt)});
    }
}

void ResultsTab::showTrainee() {
    const QString id = selectedTrainee();
    auto history = id.isEmpty() ? Result<QList<training::HistoryEntry>>(QList<training::HistoryEntry>{})
                                : m_records.history(id);
    auto categories = id.isEmpty() ? Result<QList<training::CategoryScore>>(QList<training::CategoryScore>{})
                                   : m_records.categories(id);
    if (!history || !categories)
        return;
    m_chart->setHistory(history.value());
    m_history->setRowCount(int(history->size()));
    for (int r = 0; r < history->size(); ++r) {
        const training::HistoryEntry &e = history->at(r);
        fill(m_history, r,
             {cst(e.finishedAt), e.drillTitle, num(e.score) + u" / "_s + num(e.maxScore),
              e.blueprintName.isEmpty() ? QString() : num(e.passScore),
              e.blueprintName.isEmpty() ? QString() : (e.passed ? tr("Passed") : tr("Not passed")),
              LeaderboardModel::duration(e.durationS)});
    }
    m_categories->setRowCount(int(categories->size()));
    for (int r = 0; r < categories->size(); ++r) {
        const training::CategoryScore &c = categories->at(r);
        fill(m_categories, r,
             {QuestionTableModel::categoryLabel(c.category), QString::number(c.answers),
              u"%1%"_s.arg(qRound(c.rate() * 100))});
    }
}

void ResultsTab::exportResults() {
    const QString history = tr("Results of every trainee");
    const QString levels = tr("Skill levels");
    const auto choice = ui::DialogFacade::instance().ask(
        this, tr("Export"), tr("Which table?"),
        {{QMessageBox::Yes, history}, {QMessageBox::No, levels}, {QMessageBox::Cancel, tr("Cancel")}},
        QMessageBox::Yes);
    if (choice == QMessageBox::Cancel)
        return;
    const bool levelsChosen = choice == QMessageBox::No;
    const QString path = ui::DialogFacade::instance().saveFileName(
        this, tr("Export"), levelsChosen ? u"技能等级.xlsx"_s : u"培训成绩.xlsx"_s,
        tr("Excel (*.xlsx);;CSV (*.csv)"));
    if (path.isEmpty())
        return;
    auto table = levelsChosen ? skillLevelsTable(*m_ctx.db) : resultsHistoryTable(*m_ctx.db);
    if (!table) {
        m_message->showError(table.error().message);
        return;
    }
    if (const Status st = writeResultsTable(table.value(), path); !st) {
        m_message->showError(tr("Not exported: %1").arg(st.error().message));
        return;
    }
    if (m_ctx.audit)
        (void)m_ctx.audit->append(
            {m_ctx.user.id,
             u"export"_s,
             levelsChosen ? u"skill_levels"_s : u"training_results"_s,
             {{u"rows"_s, int(table->rows.size())}, {u"file"_s, QFileInfo(path).fileName()}}});
    m_message->showInfo(
        tr("Exported %1 rows to %2.").arg(table->rows.size()).arg(QFileInfo(path).fileName()));
}

} // namespace windowdesk::trainingui
