#include "screenshots.h"

#include "session.h"

#include <windowdesk/cases/intakevisit.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/intake/evaluationdialog.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/training/blueprintstore.h>
#include <windowdesk/training/competitions.h>
#include <windowdesk/training/questionbank.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/training/trainingattempts.h>
#include <windowdesk/trainingui/drillview.h>
#include <windowdesk/trainingui/paperview.h>
#include <windowdesk/trainingui/practicepage.h>
#include <windowdesk/trainingui/scenarioeditor.h>
#include <windowdesk/trainingui/scenariotab.h>
#include <windowdesk/trainingui/trainerpage.h>
#include <windowdesk/ui/aboutdialog.h>
#include <windowdesk/ui/appsettings.h>
#include <windowdesk/ui/helpdialog.h>
#include <windowdesk/ui/logindialog.h>
#include <windowdesk/ui/settingsdialog.h>

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QListWidget>
#include <QTabWidget>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace windowdesk::app {

namespace {
QtMessageHandler g_previousHandler = nullptr;

// The offscreen platform warns once per window that it cannot pass size hints on; that is expected here.
void quietOffscreen(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if (message == u"This plugin does not support propagateSizeHints()")
        return;
    g_previousHandler(type, context, message);
}

bool save(QWidget *w, const QDir &dir, const QString &name, QTextStream &out, QTextStream &err) {
    w->show();
    // Let layouts, style sheet polish and the offscreen backing store settle before grabbing.
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
    const QString path = dir.absoluteFilePath(name);
    if (!w->grab().save(path, "PNG")) {
        err << "cannot write " << path << Qt::endl;
        return false;
    }
    out << path << Qt::endl;
    return true;
}

// The demo practice paper: 10 questions generated from the catalog, 30 minutes, 漏选得一半.
const char kDemoBlueprint[] =
    R"({"name": "窗口业务知识练习", "pass_score": 60, "multiple_policy": "half_for_missed",
  "time_limit_s": 1800, "sections": [{"category": "materials", "kind": "multiple", "count": 4, "points": 10},
  {"category": null, "kind": "single", "count": 4, "points": 10}, {"category": null, "kind": "true_false",
  "count": 2, "points": 10}]})";

training::Scenario demoScenario() {
    training::Scenario s;
    s.title = u"失业保险金申领（证明未盖章）"_s;
    s.brief = u"我被单位解除劳动合同了，想申领失业保险金。"_s;
    s.applicantName = u"李训练"_s;
    const QString first17 = u"43010419900307123"_s;
    s.idNumber = first17 + core::residentIdCheckCharacter(first17);
    s.phone = u"13800138000"_s;
    s.documents = {{u"m1"_s, u"居民身份证"_s, training::ScenarioDocument::State::Good},
                   {u"m2"_s, u"解除劳动关系证明（未盖章）"_s, training::ScenarioDocument::State::Wrong},
                   {u"m3"_s, u"社会保障卡"_s, training::ScenarioDocument::State::Good}};
    s.events = {
        {training::ScenarioEvent::Kind::QueueOffline, 0, u"叫号系统掉线"_s},
        {training::ScenarioEvent::Kind::ApplicantChangesMind, 0, u"能不能先把社保卡的事一起办了？"_s}};
    s.targetItemCode = u"430104-000301002000-JF-002"_s;
    s.targetDecision = u"correction_required"_s;
    return s;
}

// The trainer's tabs with something on them: the bank generated from the catalog, the demo blueprint, and a
// competition of the two demo clerks, each of whom has taken their paper (李娜 all right, 陈静 half) —
// written to the demo database through the services the pages use, before the pages are made.
void seedTrainerDemo(const ui::ShellContext &base, QTextStream &err) {
    training::QuestionBank bank(*base.db, *base.clock);
    training::BlueprintStore blueprints(*base.db, *base.clock, base.audit);
    training::CompetitionService competitions(*base.db, *base.clock, base.audit);
    auto bp = training::Blueprint::fromJson(QByteArray(kDemoBlueprint));
    auto clerks = competitions.trainees();
    if (!bank.generateFromCatalog() || !bp || !clerks) {
        err << "cannot prepare the trainer's demo" << Qt::endl;
        return;
    }
    auto bpId = blueprints.save(QString(), bp.value(), base.user.id);
    if (!bpId)
        return; // already there (a second run over the same database)
    training::Competition c;
    c.name = u"窗口业务技能比武"_s;
    c.blueprintId = bpId.value();
    c.blueprint = bp.value();
    for (const training::Trainee &t : clerks.value())
        c.traineeIds.append(t.id);
    c.startsAt = base.clock->nowUtc().addSecs(-600);
    auto drill = competitions.create(c, base.user.id);
    if (!drill)
        return;
    training::TrainingAttempts attempts(*base.db, *base.clock);
    int k = 0;
    for (const QString &trainee : std::as_const(c.traineeIds)) {
        auto a = attempts.startDrill(drill.value(), trainee, quint64(7 + k));
        auto qs = a ? attempts.questions(a->id) : Result<QList<training::AttemptQuestion>>(a.error());
        if (!qs)
            continue;
        for (int i = 0; i < qs->size(); ++i)
            if (k == 0 || i % 2 == 0)
                (void)attempts.saveAnswer(a->id, i, qs->at(i).question.correct);
        (void)attempts.submit(a->id, training::FinishReason::Trainee);
        ++k;
    }
}

// The trainee's 练习 page: a paper being taken (its third question answered), the result with the
// explanations, and a scenario drill on the intake page in 练习模式. Written to the demo database like any
// trainee's practice (a generated bank, one drill, one scenario).
bool savePractice(ui::MainWindow &w, const ui::ShellContext &base, const QDir &dir, int &n, QTextStream &out,
                  QTextStream &err) {
    auto *page = qobject_cast<trainingui::PracticePage *>(w.page(u"practice"_s));
    if (!page)
        return true;
    training::QuestionBank bank(*base.db, *base.clock);
    auto bp = training::Blueprint::fromJson(QByteArray(kDemoBlueprint));
    if (!bank.generateFromCatalog() || !bp) {
        err << "cannot prepare the practice paper" << Qt::endl;
        return false;
    }
    auto drawn = bank.drawPaper(bp.value(), base.user.id, 2026);
    training::TrainingAttempts attempts(*base.db, *base.clock);
    if (!drawn || !std::holds_alternative<training::StoredPaper>(drawn.value()))
        return false;
    auto a = attempts.startPaper(std::get<training::StoredPaper>(drawn.value()).paperId, base.user.id);
    auto qs = a ? attempts.questions(a->id) : Result<QList<training::AttemptQuestion>>(a.error());
    if (!qs)
        return false;
    for (int i = 0; i < 3; ++i) // the first answered right, the next two partly
        (void)attempts.saveAnswer(a->id, i,
                                  i == 0 ? qs->at(i).question.correct : qs->at(i).question.correct.mid(0, 1));
    w.showPage(u"practice"_s);
    page->refresh();
    page->paperView()->showQuestion(2);
    bool ok = save(&w, dir, u"%1-practice-paper.png"_s.arg(n++, 2, 10, QLatin1Char('0')), out, err);
    page->paperView()->submitNow(training::FinishReason::Trainee);
    ok = save(&w, dir, u"%1-practice-result.png"_s.arg(n++, 2, 10, QLatin1Char('0')), out, err) && ok;
    if (!training::ScenarioDrills(*base.db, *base.clock).addDrill(demoScenario(), base.user.id))
        return false;
    page->refresh();
    // This scenario by its title (the demo hall's own sample drill is listed too).
    const QList<QListWidgetItem *> rows = page->list()->findItems(demoScenario().title, Qt::MatchContains);
    page->list()->setCurrentItem(rows.isEmpty() ? page->list()->item(page->list()->count() - 1)
                                                : rows.first());
    page->startSelected();
    if (intake::IntakePage *intake = page->drillView()->intakePage()) {
        intake->startMatter(demoScenario().targetItemCode, false);
        intake->visit().setApplicantValue(cases::ApplicantField::Name, u"李训练"_s);
        intake->visit().setMaterialStatus(u"m1"_s, u"paper"_s);
        page->drillView()->tick();
    }
    ok = save(&w, dir, u"%1-practice-drill.png"_s.arg(n++, 2, 10, QLatin1Char('0')), out, err) && ok;
    // The trainee takes the case in as the scenario wants it (the unstamped proof missing: 一次性告知补正)
    // and finishes: the drill waits for the judges on the trainer's 评分 tab.
    if (intake::IntakePage *intake = page->drillView()->intakePage()) {
        cases::IntakeVisit &v = intake->visit();
        v.setApplicantValue(cases::ApplicantField::IdNumber, demoScenario().idNumber);
        v.setApplicantValue(cases::ApplicantField::Phone, demoScenario().phone);
        v.setMaterialStatus(u"m2"_s, u"missing"_s);
        v.setMaterialReason(u"m2"_s, u"解除劳动关系证明未盖章"_s);
        v.setMaterialStatus(u"m3"_s, u"paper"_s);
        v.setDecision(u"correction_required"_s);
        v.setDecisionReason(u"解除劳动关系证明未盖章，请补正"_s);
        intake->decide();
        if (QWidget *evaluation = intake->evaluationDialog())
            evaluation->close();
    }
    page->drillView()->finishNow(training::FinishReason::Trainee);
    return ok;
}

// The trainer's 评分 tab with the finished drill waiting for the judges (after savePractice).
bool saveJudging(ui::MainWindow &w, const QDir &dir, int &n, QTextStream &out, QTextStream &err) {
    auto *tabs = qobject_cast<QTabWidget *>(w.page(u"training"_s));
    if (!tabs)
        return true;
    w.showPage(u"training"_s);
    for (int t = 0; t < tabs->count(); ++t)
        if (tabs->widget(t)->objectName() == u"judgingPage"_s)
            tabs->setCurrentIndex(t); // refreshes the list of drills waiting
    const bool ok =
        save(&w, dir, u"%1-main-training-judging-drill.png"_s.arg(n++, 2, 10, QLatin1Char('0')), out, err);
    tabs->setCurrentIndex(0);
    return ok;
}
} // namespace

// The trainer's scenario editor (情景 tab, F2) over the demo hall's sample drill.
bool saveScenarioEditor(ui::MainWindow &w, const QDir &dir, int &n, QTextStream &out, QTextStream &err) {
    auto *page = qobject_cast<trainingui::TrainerPage *>(w.page(u"training"_s));
    if (!page)
        return true; // no trainer page for this user
    w.showPage(u"training"_s);
    page->setCurrentWidget(page->scenarioTab());
    trainingui::ScenarioTab *tab = page->scenarioTab();
    tab->refresh();
    if (tab->model()->rowCount() > 0)
        tab->editSelected();
    else
        tab->newScenario();
    const bool ok =
        save(&w, dir, u"%1-main-training-scenario-editor.png"_s.arg(n++, 2, 10, QLatin1Char('0')), out, err);
    if (tab->editor())
        tab->editor()->reject();
    page->setCurrentIndex(0);
    return ok;
}

int renderScreenshots(const QString &dirPath, ui::ShellContext base) {
    g_previousHandler = qInstallMessageHandler(quietOffscreen);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QDir dir(dirPath);
    if (!dir.mkpath(u"."_s)) {
        err << "cannot create " << dirPath << Qt::endl;
        return 2;
    }
    storage::UserRepository users(*base.db, *base.clock, base.audit);
    auto admin = users.find(u"admin"_s);
    if (!admin) {
        err << "no demo user \"admin\" in this database (is a platform configured?): "
            << admin.error().message << Qt::endl;
        return 1;
    }
    base.user = admin.value();
    bool ok = true;

    {
        ui::LoginDialog login([](const QString &, const QString &) {
            return Result<storage::User>::failure(u"screenshot"_s, QString());
        });
        ui::SettingsStore store(*base.db, *base.clock, nullptr, {});
        auto url = store.value(QString::fromLatin1(storage::settingkey::platformUrl));
        login.setContextLine(ui::MainWindow::platformStateText(url ? url.value() : QString()));
        login.setUsername(u"admin"_s);
        ok = save(&login, dir, u"01-login.png"_s, out, err) && ok;
    }
    {
        std::unique_ptr<Session> session; // declared first: outlives the window and its pages
        seedTrainerDemo(base, err);
        ui::MainWindow w(base);
        session = std::make_unique<Session>(base, w);
        w.resize(1366, 768); // a hall PC's screen
        int n = 2;
        for (const QString &id : w.pageIds()) {
            w.showPage(id);
            ok = save(&w, dir, u"%1-main-%2.png"_s.arg(n++, 2, 10, QLatin1Char('0')).arg(id), out, err) && ok;
            // A page of several tabs (监督: the board, then the 差评 ledger): each further tab too.
            if (auto *tabs = qobject_cast<QTabWidget *>(w.page(id)); tabs && tabs->count() > 1) {
                for (int t = 1; t < tabs->count(); ++t) {
                    tabs->setCurrentIndex(t);
                    const QString tab = tabs->widget(t)->objectName().remove(u"Page"_s);
                    ok = save(&w, dir, u"%1-main-%2-%3.png"_s.arg(n++, 2, 10, QLatin1Char('0')).arg(id, tab),
                              out, err) &&
                         ok;
                }
                tabs->setCurrentIndex(0);
            }
        }
        ok = saveScenarioEditor(w, dir, n, out, err) && ok;
        ok = savePractice(w, base, dir, n, out, err) && ok;
        ok = saveJudging(w, dir, n, out, err) && ok;
        // Dialogs are rendered as children of the window, as the user sees them.
        ui::SettingsDialog settings(
            std::make_shared<ui::SettingsStore>(*base.db, *base.clock, nullptr, base.user.id), &w);
        ok = save(&settings, dir, u"%1-settings.png"_s.arg(n++, 2, 10, QLatin1Char('0')), out, err) && ok;
        settings.hide();
        ui::AboutDialog about(base.versions, &w);
        ok = save(&about, dir, u"%1-about.png"_s.arg(n++, 2, 10, QLatin1Char('0')), out, err) && ok;
        about.hide();
        // F1: the manual with the shortcut table.
        ui::HelpDialog help(&w);
        ok = save(&help, dir, u"%1-help.png"_s.arg(n++, 2, 10, QLatin1Char('0')), out, err) && ok;
        help.hide();
        // The hall duties' records (issue 16), opened by their window keys as the clerk opens them.
        for (const auto &[action, dialogName] : {std::pair{u"actionUnresolved"_s, u"unresolvedDialog"_s},
                                                 std::pair{u"actionCommitmentChecks"_s, u"checksDialog"_s}}) {
            auto *a = w.findChild<QAction *>(action);
            if (!a)
                continue;
            a->trigger();
            if (auto *d = w.findChild<QDialog *>(dialogName)) {
                ok = save(d, dir, u"%1-%2.png"_s.arg(n++, 2, 10, QLatin1Char('0')).arg(dialogName), out,
                          err) &&
                     ok;
                d->close();
            }
        }
    }
    return ok ? 0 : 1;
}

} // namespace windowdesk::app
