// The clerk's first hour at the intake page (issue 11), driven by keys on the real widgets: a legal-person
// matter takes the entity from the form and names problems in words, Ctrl+Enter right after typing sees the
// text just typed, the evaluation window takes the citizen's key and is placed, Tab walks every field as
// shown, times are China Standard Time, aliases and 无结果 in the matter search, the wheel leaves closed
// combo boxes.
#include "intakefixture.h"

#include <windowdesk/cases/draftrepository.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/intake/catalogpage.h>
#include <windowdesk/intake/evaluationdialog.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/license/scannerinputfilter.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;
using namespace windowdesk::intake;
using namespace windowdesk::intake::test;

namespace {
// A valid unified social credit code (GB 32100 check character).
QString entityUscc() {
    const QString first17 = u"91110108MA01G0FB0"_s;
    return first17 + core::usccCheckCharacter(first17);
}
} // namespace

class TestClerkHour : public QObject {
    Q_OBJECT
private slots:
    void init() {
        ui::DialogFacade::instance().reset();
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        ctx = IntakeContext{};
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.window = f->window;
        ctx.noticeDir = f->dir.filePath(u"notices"_s);
        openPage();
    }
    void cleanup() {
        if (page && page->evaluationDialog())
            page->evaluationDialog()->close();
        page.reset();
        f.reset();
    }

    // Item 3: 食品经营许可 is for legal persons. The applicant section switches to the entity, and the
    // entity name and USCC typed into the acceptance form are the applicant's (and the other way round):
    // the decision goes through on the first Ctrl+Enter.
    void legalPersonMatterTakesTheEntityFromTheForm() {
        key(Qt::Key_F2);
        QCOMPARE(focused(), u"applicantName"_s);
        type(u"王五"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"applicantIdNumber"_s);
        type(kPersonId);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"applicantPhone"_s);
        type(u"13800138000"_s);
        pickMatter(u"食品经营许可"_s);
        QCOMPARE(page->matter().itemCode, u"430104-000201005000-XK-005"_s);
        QCOMPARE(combo(u"applicantKind"_s)->currentData().toString(), u"entity"_s);
        QVERIFY(lineEdit(u"entityName"_s)->isVisible());
        // The person's own fields came over to the form; the first empty one is the entity's name.
        QCOMPARE(lineEdit(u"field_applicant_name"_s)->text(), u"王五"_s);
        QCOMPARE(focused(), u"field_entity_name"_s);
        type(u"长沙味道餐饮有限公司"_s);
        QCOMPARE(lineEdit(u"entityName"_s)->text(), u"长沙味道餐饮有限公司"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"field_uscc"_s);
        type(entityUscc());
        QCOMPARE(lineEdit(u"entityUscc"_s)->text(), entityUscc());
        key(Qt::Key_Tab);
        key(Qt::Key_Down); // category
        key(Qt::Key_Tab);
        type(u"120"_s); // area
        // The other way: the applicant section's entity name corrected, the form follows.
        lineEdit(u"entityName"_s)->setFocus();
        key(Qt::Key_End);
        type(u"（岳麓店）"_s);
        QCOMPARE(lineEdit(u"field_entity_name"_s)->text(), u"长沙味道餐饮有限公司（岳麓店）"_s);
        key(Qt::Key_M, Qt::ControlModifier);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!page->lastCaseLocalId().isEmpty(), qPrintable(label(u"decisionProblems"_s)));
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM cases WHERE local_id = ? AND applicant_kind = 'entity' AND "
                          u"entity_name = ? AND uscc = ? AND applicant_name = '王五'"_s,
                          {page->lastCaseLocalId(), u"长沙味道餐饮有限公司（岳麓店）"_s, entityUscc()}),
                 1);
    }

    // Item 3: what blocks a decision is named as the page names it, never by its key; the applicant kind of a
    // legal-person matter set back to natural person is one of them.
    void problemsNameFieldsNotKeys() {
        key(Qt::Key_F2);
        type(u"王五"_s);
        key(Qt::Key_Tab);
        type(kPersonId);
        key(Qt::Key_Tab);
        type(u"13800138000"_s);
        pickMatter(u"食品经营许可"_s);
        QCOMPARE(combo(u"applicantKind"_s)->currentData().toString(), u"entity"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(page->lastCaseLocalId().isEmpty());
        QString problems = label(u"decisionProblems"_s);
        QVERIFY2(problems.contains(u"Entity name: Required"_s), qPrintable(problems));
        QVERIFY2(problems.contains(u"Unified social credit code: Required"_s), qPrintable(problems));
        QVERIFY2(!problems.contains(u"applicant."_s) && !problems.contains(u"form."_s) &&
                     !problems.contains(u"material."_s) && !problems.contains(u"entity_name"_s),
                 qPrintable(problems));
        // The kind set back to natural person by keys (Shift+Tab from the name reaches it).
        combo(u"applicantKind"_s)->setFocus();
        key(Qt::Key_Up);
        QCOMPARE(combo(u"applicantKind"_s)->currentData().toString(), u"person"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(page->lastCaseLocalId().isEmpty());
        problems = label(u"decisionProblems"_s);
        QVERIFY2(problems.contains(u"Applicant kind: This matter is for legal persons"_s),
                 qPrintable(problems));
        QVERIFY2(!problems.contains(u"applicant."_s), qPrintable(problems));
        QCOMPARE(focused(), u"applicantKind"_s); // the first thing to fix
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM cases"_s), 0);
    }

    // Items 3 and 12 in the hall's language: the problems name the fields in Chinese, an empty search says
    // 无结果.
    void inChinese() {
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
        const auto restore = qScopeGuard([] { ui::installTranslations(u"en"_s); });
        openPage(); // built in Chinese
        key(Qt::Key_F2);
        identifyByKeys();
        pickMatter(u"食品经营许可"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        const QString problems = label(u"decisionProblems"_s);
        QVERIFY2(problems.contains(u"单位名称: 必填"_s), qPrintable(problems));
        QVERIFY2(problems.contains(u"统一社会信用代码: 必填"_s), qPrintable(problems));
        QVERIFY2(!problems.contains(u"applicant."_s) && !problems.contains(u"form."_s), qPrintable(problems));
        key(Qt::Key_F, Qt::ControlModifier);
        type(u"社保卡办理手续"_s);
        const QString hint = label(u"matterNoResults"_s);
        QVERIFY2(hint.startsWith(u"无结果"_s) && hint.contains(u"“社保卡办理”"_s), qPrintable(hint));
    }

    // Item 4: Ctrl+Enter pressed right after the last characters, while the scanner filter still holds them
    // (a scan or fast typing?), decides on the text just typed, on the first press.
    void ctrlEnterRightAfterTypingSeesTheText() {
        key(Qt::Key_F2);
        identifyByKeys();
        pickMatter(u"城乡居民基本医疗"_s);
        QCOMPARE(focused(), u"field_insured_kind"_s);
        key(Qt::Key_Down);
        key(Qt::Key_M, Qt::ControlModifier);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"field_start_date"_s);
        // The application's scanner filter, its clock standing still: every key typed is within a burst.
        license::ScannerInputFilter scanner;
        scanner.setTimeSource([] { return qint64(1000); });
        scanner.install();
        type(u"2026-03-06"_s);
        QVERIFY(scanner.isHoldingKeys());
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!page->lastCaseLocalId().isEmpty(), qPrintable(label(u"decisionProblems"_s)));
        QVERIFY(!scanner.isHoldingKeys());
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM cases WHERE local_id = ? AND form_values_json LIKE "
                          u"'%\"start_date\":\"2026-03-06\"%'"_s,
                          {page->lastCaseLocalId()}),
                 1);
    }

    // Item 6: the evaluation window takes the keyboard, centred on the clerk's screen: the citizen's `5` is
    // the rating, not the start of the next applicant's name; then the keyboard is the clerk's again.
    void evaluationTakesTheCitizensKey() {
        key(Qt::Key_F2);
        identifyByKeys();
        pickMatter(u"城乡居民基本医疗"_s);
        key(Qt::Key_Down);
        key(Qt::Key_Tab);
        type(u"2026-03-06"_s);
        key(Qt::Key_M, Qt::ControlModifier);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!page->lastCaseLocalId().isEmpty(), qPrintable(label(u"decisionProblems"_s)));
        EvaluationDialog *eval = page->evaluationDialog();
        QVERIFY(eval);
        QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(eval));
        // Centred where the clerk sits, not at the screen's corner.
        QScreen *screen = page->screen();
        const QRect area = page->frameGeometry().intersected(screen->availableGeometry());
        QVERIFY2((eval->frameGeometry().center() - area.center()).manhattanLength() <= 4,
                 qPrintable(u"evaluation at %1,%2 %3x%4"_s.arg(eval->x())
                                .arg(eval->y())
                                .arg(eval->width())
                                .arg(eval->height())));
        QVERIFY(eval->geometry().topLeft() != QPoint(0, 0));
        // The citizen's key goes wherever the keyboard is.
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget()
                                                    : QApplication::activeWindow(),
                        Qt::Key_5);
        QCOMPARE(eval->chosenLevel(), 5);
        QVERIFY(!eval->savedLocalId().isEmpty());
        QVERIFY(lineEdit(u"applicantName"_s)->text().isEmpty());
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM evaluations WHERE level = 5 AND case_local_id = ?"_s,
                          {page->lastCaseLocalId()}),
                 1);
        // Rated: the keyboard is back on the next applicant's name.
        QTRY_COMPARE(QApplication::focusWidget(), lineEdit(u"applicantName"_s));
    }

    // Item 6: Tab walks the applicant section as it is shown, 证件类型 included; typing a valid id moves
    // nothing, so the Tab after it lands on the phone.
    void tabWalksEveryApplicantField() {
        key(Qt::Key_F2);
        QCOMPARE(focused(), u"applicantName"_s);
        key(Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(focused(), u"applicantIdType"_s);
        key(Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(focused(), u"applicantKind"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"applicantIdType"_s);
        key(Qt::Key_Down); // another document type, changed by keys
        QCOMPARE(combo(u"applicantIdType"_s)->currentData().toString(), u"hk_macao_permit"_s);
        key(Qt::Key_Up);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"applicantName"_s);
        type(u"王五"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"applicantIdNumber"_s);
        type(kPersonId);
        QCOMPARE(focused(), u"applicantIdNumber"_s); // a valid id moves nothing by itself
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"applicantPhone"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"matterSearch"_s);
        // An entity: its name and USCC come first, after the kind.
        combo(u"applicantKind"_s)->setFocus();
        key(Qt::Key_Down);
        QCOMPARE(combo(u"applicantKind"_s)->currentData().toString(), u"entity"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"entityName"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"entityUscc"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"applicantIdType"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"applicantName"_s);
    }

    // Item 6: an id number typed as fast as a scanner types, ended by Tab, stays in the id field and the Tab
    // moves on to the phone (the application's scanner filter takes only e-license payloads as scans).
    void fastTypedIdAndTabStayTyping() {
        license::ScannerInputFilter scanner;
        scanner.setTimeSource([] { return qint64(1000); }); // every key within one burst
        scanner.setPayloadFilter([](const QString &p) { return p.startsWith(u"EL1."_s); }); // as the app does
        QSignalSpy scans(&scanner, &license::ScannerInputFilter::scanned);
        scanner.install();
        key(Qt::Key_F2);
        QCOMPARE(focused(), u"applicantName"_s);
        type(u"王五"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focused(), u"applicantIdNumber"_s);
        type(kPersonId);
        key(Qt::Key_Tab);
        QCOMPARE(lineEdit(u"applicantIdNumber"_s)->text(), kPersonId);
        QCOMPARE(focused(), u"applicantPhone"_s);
        type(u"13800138000"_s);
        key(Qt::Key_Tab);
        QCOMPARE(lineEdit(u"applicantPhone"_s)->text(), u"13800138000"_s);
        QCOMPARE(focused(), u"matterSearch"_s);
        QCOMPARE(scans.count(), 0);
        // A license payload is still a scan.
        type(u"EL1.kid.claims.sig"_s);
        key(Qt::Key_Return);
        QCOMPARE(scans.count(), 1);
        QCOMPARE(scans.at(0).at(0).toString(), u"EL1.kid.claims.sig"_s);
    }

    // Item 9: the unfinished-drafts banner shows its time in China Standard Time as yyyy-MM-dd HH:mm.
    void draftBannerShowsChinaStandardTime() {
        f->clock.set(QDateTime(QDate(2026, 3, 5), QTime(23, 49), QTimeZone::utc()));
        key(Qt::Key_F2);
        type(u"赵敏"_s);
        page->saveDraftNow();
        page.reset(); // the window goes away with the draft open
        openPage();
        auto *list = combo(u"restoreList"_s);
        QVERIFY(list && list->isVisible());
        QCOMPARE(list->count(), 1);
        const QString text = list->itemText(0);
        QVERIFY2(text.startsWith(u"2026-03-06 07:49 · 赵敏"_s), qPrintable(text));
        QVERIFY2(!text.contains(u'T') && !text.contains(u'Z'), qPrintable(text));
    }

    // Item 12: a short name a citizen uses (an alias of the catalog item) finds the matter.
    void aliasFindsItsMatter() {
        key(Qt::Key_F2);
        pickMatter(u"社保卡"_s);
        QCOMPARE(page->matter().name, u"社会保障卡申领"_s);
        pickMatter(u"低保"_s);
        QCOMPARE(page->matter().name, u"最低生活保障审核确认"_s);
    }

    // Item 12: a search that finds nothing says so and what to try; Enter then changes nothing.
    void noResultsSaysWhatToTry() {
        key(Qt::Key_F2);
        pickMatter(u"城乡居民基本医疗"_s);
        const QString before = page->matter().itemCode;
        key(Qt::Key_F, Qt::ControlModifier);
        type(u"社保卡办理手续"_s);
        QCOMPARE(page->findChild<QListWidget *>(u"matterResults"_s)->count(), 0);
        QString hint = label(u"matterNoResults"_s);
        QVERIFY2(hint.startsWith(u"No results."_s), qPrintable(hint));
        QVERIFY2(hint.contains(u"“社保卡办理”"_s), qPrintable(hint)); // the longest start that finds a matter
        key(Qt::Key_Return);
        QCOMPARE(page->matter().itemCode, before);
        // Nothing close at all: the other ways to search.
        key(Qt::Key_F, Qt::ControlModifier);
        type(u"qqqqzzzz"_s);
        hint = label(u"matterNoResults"_s);
        QVERIFY2(hint.startsWith(u"No results."_s) && hint.contains(u"pinyin initials"_s), qPrintable(hint));
        // A result again: the hint goes.
        key(Qt::Key_F, Qt::ControlModifier);
        type(u"sbk"_s);
        QVERIFY(label(u"matterNoResults"_s).isEmpty());
    }

    // Item 12: the catalog page says 无结果 with a suggestion too, and shows an item's aliases.
    void catalogPageNoResultsAndAliases() {
        CatalogPage catalog(*f->db, f->window.windowNo);
        catalog.show();
        auto *box = catalog.findChild<QLineEdit *>(u"catalogSearch"_s);
        auto *detail = catalog.findChild<QTextBrowser *>(u"catalogDetail"_s);
        typeText(box, u"护照办理流程"_s);
        QVERIFY2(detail->toPlainText().contains(u"No results. Try “护照办理”"_s) ||
                     detail->toPlainText().contains(u"No results. Try “护照"_s),
                 qPrintable(detail->toPlainText()));
        QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
        typeText(box, u"护照"_s);
        QVERIFY(detail->toPlainText().contains(u"普通护照签发"_s));
        QVERIFY2(detail->toPlainText().contains(u"办护照"_s), qPrintable(detail->toPlainText()));
    }

    // Item 12: the wheel over a closed combo box scrolls the form; the field keeps its value.
    void wheelOverClosedComboScrollsThePage() {
        page->resize(1000, 420);
        QTest::qWait(20);
        key(Qt::Key_F2);
        identifyByKeys();
        pickMatter(u"婚姻一件事"_s);
        // A select field of the form, set by keys.
        QComboBox *select = nullptr;
        for (const auto &fl : page->matter().fields)
            if (fl.type == u"select"_s)
                select = combo(u"field_"_s + fl.key);
        QVERIFY(select);
        select->setFocus();
        key(Qt::Key_Down);
        const int chosen = select->currentIndex();
        QVERIFY(chosen >= 0);
        QScrollArea *scroll = nullptr;
        for (QWidget *w = select->parentWidget(); w && !scroll; w = w->parentWidget())
            scroll = qobject_cast<QScrollArea *>(w);
        QVERIFY(scroll);
        QScrollBar *bar = scroll->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum() / 2);
        scroll->ensureWidgetVisible(select);
        const int before = bar->value();
        const bool down = before < bar->maximum();
        const QPoint at = select->rect().center();
        QWheelEvent wheel(at, select->mapToGlobal(at), QPoint(), QPoint(0, down ? -120 : 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(select, &wheel);
        QCOMPARE(select->currentIndex(), chosen);
        QVERIFY2(bar->value() != before, qPrintable(u"scroll bar stayed at %1"_s.arg(before)));
    }

private:
    void openPage() {
        page = std::make_unique<IntakePage>(ctx);
        page->resize(1280, 900);
        page->show();
        page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
    }
    QString focused() const {
        return QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString();
    }
    // One key to where the keyboard is (the page's focus widget when the focus is elsewhere).
    void key(Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) {
        QWidget *w = QApplication::focusWidget();
        if (!w)
            w = page->focusWidget() ? page->focusWidget() : page.get();
        QTest::keyClick(w, k, m);
        QCoreApplication::processEvents();
    }
    void type(const QString &text) {
        QWidget *w = QApplication::focusWidget();
        QVERIFY(w);
        typeText(w, text);
    }
    void identifyByKeys() {
        QCOMPARE(focused(), u"applicantName"_s);
        type(u"张三"_s);
        key(Qt::Key_Tab);
        type(kPersonId);
        key(Qt::Key_Tab);
        type(u"13800138000"_s);
    }
    void pickMatter(const QString &query) {
        key(Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(focused(), u"matterSearch"_s);
        type(query);
        key(Qt::Key_Return);
        QVERIFY2(page->matter().isValid(), qPrintable(label(u"matterNoResults"_s)));
    }
    QLineEdit *lineEdit(const QString &name) const { return page->findChild<QLineEdit *>(name); }
    QComboBox *combo(const QString &name) const { return page->findChild<QComboBox *>(name); }
    QString label(const QString &name) const {
        auto *l = page->findChild<QLabel *>(name);
        return l && !l->isHidden() ? l->text() : QString();
    }

    std::unique_ptr<Fixture> f;
    IntakeContext ctx;
    std::unique_ptr<IntakePage> page;
};

QTEST_MAIN(TestClerkHour)
#include "tst_clerkhour.moc"
