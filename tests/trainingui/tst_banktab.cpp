// The 题库 tab by keys on a real database (issue 15), in Chinese: F5 regenerates the bank from the demo
// catalog and lists what changed; Ctrl+N opens the editor, where a multiple-choice question with one right
// answer is refused with its rule while the preview shows it as the trainee will; Ctrl+Enter stores it; F2
// revises it (the old version retired, listed under 已停用的版本); Ctrl+O imports a spreadsheet file — a file
// with bad lines lists them by line and changes nothing, a good GB18030 file imports; Ctrl+S exports the list
// shown. The questions model passes QAbstractItemModelTester; the import writes an audit row.
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/training/questionbank.h>
#include <windowdesk/trainingui/banktab.h>
#include <windowdesk/trainingui/questioneditor.h>
#include <windowdesk/trainingui/questionmodel.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using trainingui::BankTab;
using trainingui::QuestionEditor;
using trainingui::QuestionTableModel;

namespace {
// QTest::keyClicks takes Latin-1 only: Chinese text arrives as key events carrying the text, as from an input
// method.
void typeText(QWidget *w, const QString &text) {
    for (const QChar c : text) {
        if (c == u'\n') {
            QTest::keyClick(w, Qt::Key_Return);
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &release);
    }
}

void press(QWidget *w, const char *id) {
    const QKeyCombination k = ui::shortcutKey(id)[0];
    QTest::keyClick(w, k.key(), k.keyboardModifiers());
}
} // namespace

class TstBankTab : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(u"hall.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
        ui::DialogFacade::instance().setInteractive(false);
    }
    void cleanupTestCase() {
        m_audit.reset();
        m_db.reset();
    }

    void trainerWorksTheBankByKeys() {
        trainingui::TrainingContext ctx{
            m_db.get(),
            &m_clock,
            m_audit.get(),
            storage::UserRepository(*m_db, m_clock, nullptr).find(u"trainer"_s).value(),
            {}};
        BankTab tab(ctx);
        tab.resize(1200, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowActive(&tab));
        QAbstractItemModelTester tester(tab.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *search = tab.findChild<QLineEdit *>(u"bankSearch"_s);
        auto *message = tab.findChild<ui::MessageBar *>(u"bankMessage"_s);
        auto *details = tab.findChild<QListWidget *>(u"bankDetails"_s);
        auto *view = tab.findChild<QTableView *>(u"bankTable"_s);
        QVERIFY(search && message && details && view);
        QCOMPARE(tab.model()->rowCount(), 0);

        // F5: the catalog's questions, and what changed.
        search->setFocus();
        press(search, ui::shortcut::trainingRegenerate);
        QVERIFY2(message->text().startsWith(u"已根据事项目录重新生成"_s), qPrintable(message->text()));
        const int generated = tab.model()->rowCount();
        QVERIFY(generated > 50);
        QVERIFY(details->isVisible());
        QVERIFY(details->item(0)->text().startsWith(u"新增 g-"_s));
        // The generated questions' categories read in Chinese in the list and in the category filter (never
        // the stored keys such as "bundles" or "departments").
        const QStringList keys = training::generatedCategories();
        QSet<QString> shown;
        for (int r = 0; r < tab.model()->rowCount(); ++r)
            shown.insert(tab.model()->index(r, QuestionTableModel::Category).data().toString());
        for (const QString &k : keys)
            QVERIFY2(!shown.contains(k), qPrintable(k));
        QVERIFY2(shown.contains(u"实施部门"_s) && shown.contains(u"申请材料"_s),
                 qPrintable(QStringList(shown.values()).join(u',')));
        auto *categoryFilter = tab.findChild<QComboBox *>(u"bankCategory"_s);
        QVERIFY(categoryFilter);
        for (int i = 0; i < categoryFilter->count(); ++i)
            QVERIFY2(!keys.contains(categoryFilter->itemText(i)), qPrintable(categoryFilter->itemText(i)));
        QVERIFY(categoryFilter->findText(u"“一件事”套餐"_s) >= 0);
        QCOMPARE(categoryFilter->itemData(categoryFilter->findText(u"实施部门"_s)).toString(),
                 u"departments"_s);

        // Ctrl+N: the editor; a multiple-choice question with one right answer is refused with its rule.
        press(search, ui::shortcut::trainingNewQuestion);
        QTRY_VERIFY(tab.editor() && tab.editor()->isVisible());
        QuestionEditor *editor = tab.editor();
        QVERIFY(!tab.findChild<QWidget *>(u"bankBrowse"_s)->isVisible()); // in place of the list
        auto *kind = editor->findChild<QComboBox *>(u"editorKind"_s);
        auto *category = editor->findChild<QComboBox *>(u"editorCategory"_s);
        auto *stem = editor->findChild<QPlainTextEdit *>(u"editorStem"_s);
        auto *options = editor->findChild<QPlainTextEdit *>(u"editorOptions"_s);
        auto *answer = editor->findChild<QLineEdit *>(u"editorAnswer"_s);
        auto *preview = editor->findChild<QTextBrowser *>(u"editorPreview"_s);
        auto *problem = editor->findChild<QLabel *>(u"editorProblem"_s);
        QVERIFY(kind && category && stem && options && answer && preview && problem);
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_Down); // 单选题 → 多选题
        QCOMPARE(kind->currentData().toString(), u"multiple"_s);
        category->setFocus();
        typeText(category->lineEdit(), u"窗口礼仪"_s);
        stem->setFocus();
        typeText(stem, u"首问负责制要求首位接待的工作人员做到哪些？"_s);
        options->setFocus();
        typeText(options, u"问清需求\n一次性告知\n推给其他窗口"_s);
        answer->setFocus();
        typeText(answer, u"A"_s);
        QCOMPARE(problem->text(), u"多选题至少需要两个正确选项"_s);
        QVERIFY(preview->toPlainText().contains(u"【多选题】"_s));
        QVERIFY(preview->toPlainText().contains(u"B. 一次性告知"_s));
        press(answer, ui::shortcut::trainingSaveQuestion); // refused: stays open, nothing stored
        QVERIFY(editor->isVisible());
        QCOMPARE(problem->text(), u"多选题至少需要两个正确选项"_s);
        QCOMPARE(trainerQuestions(), 0);
        typeText(answer, u"B"_s);
        QCOMPARE(problem->text(), QString());
        QVERIFY(preview->toPlainText().contains(u"答案： AB"_s) ||
                preview->toPlainText().contains(u"答案：AB"_s));
        QSignalSpy saved(editor, &QuestionEditor::saveRequested);
        press(answer, ui::shortcut::trainingSaveQuestion);
        QCOMPARE(saved.count(), 1);
        QTRY_VERIFY(!tab.editor());
        QCOMPARE(trainerQuestions(), 1);
        QVERIFY2(message->text().startsWith(u"题目已加入题库"_s), qPrintable(message->text()));

        // Find it, F2, change an option: version 2 in use, version 1 retired.
        search->setFocus();
        typeText(search, u"首问负责制"_s);
        QTRY_COMPARE(tab.model()->rowCount(), 1);
        view->setFocus();
        press(view, ui::shortcut::trainingEditQuestion);
        QTRY_VERIFY(tab.editor() && tab.editor()->isVisible());
        auto *options2 = tab.editor()->findChild<QPlainTextEdit *>(u"editorOptions"_s);
        QCOMPARE(options2->toPlainText(), u"问清需求\n一次性告知\n推给其他窗口"_s);
        options2->setFocus();
        QTest::keyClick(options2, Qt::Key_End, Qt::ControlModifier);
        typeText(options2, u"\n让群众自己查"_s);
        press(options2, ui::shortcut::trainingSaveQuestion);
        QTRY_VERIFY(!tab.editor());
        QVERIFY2(message->text().contains(u"第 2 版"_s), qPrintable(message->text()));
        QCOMPARE(tab.model()->rowCount(), 1);
        QCOMPARE(tab.model()->question(0)->version, 2);
        QCOMPARE(tab.model()->question(0)->options.size(), 4);
        auto *status = tab.findChild<QComboBox *>(u"bankStatus"_s);
        status->setCurrentIndex(status->findData(u"retired"_s));
        QCOMPARE(tab.model()->rowCount(), 1);
        QCOMPARE(tab.model()->question(0)->version, 1);
        status->setCurrentIndex(status->findData(u"active"_s));
        search->clear();

        // Ctrl+O: a file with bad lines is listed line by line and nothing of it is stored.
        const int before = tab.model()->rowCount();
        ui::DialogFacade::instance().preAnswerPath(QStringLiteral(WINDOWDESK_TEST_DATA) +
                                                   u"/training/bank_errors.csv"_s);
        search->setFocus();
        press(search, ui::shortcut::trainingImport);
        QCOMPARE(message->level(), ui::MessageBar::Level::Error);
        QVERIFY2(message->text().contains(u"未导入"_s), qPrintable(message->text()));
        QCOMPARE(details->count(), 5);
        QCOMPARE(details->item(0)->text(), u"第 3 行：多选题至少需要两个正确选项"_s);
        QCOMPARE(tab.model()->rowCount(), before);
        QCOMPARE(auditRows(u"training_bank_imported"_s), 0);

        // A WPS file in GB18030 imports.
        ui::DialogFacade::instance().preAnswerPath(QStringLiteral(WINDOWDESK_TEST_DATA) +
                                                   u"/training/bank_wps_gb18030.csv"_s);
        press(search, ui::shortcut::trainingImport);
        QVERIFY2(message->text().contains(u"GB18030"_s) && message->text().contains(u"新增 4 题"_s),
                 qPrintable(message->text()));
        QCOMPARE(tab.model()->rowCount(), before + 4);
        QCOMPARE(auditRows(u"training_bank_imported"_s), 1);

        // Ctrl+S: the trainers' questions shown, as CSV.
        auto *source = tab.findChild<QComboBox *>(u"bankSource"_s);
        source->setCurrentIndex(source->findData(u"trainer"_s));
        QCOMPARE(tab.model()->rowCount(), 5);
        const QString out = m_dir.filePath(u"mine.csv"_s);
        ui::DialogFacade::instance().preAnswerPath(out);
        press(search, ui::shortcut::trainingExport);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 1 + 5 + 1); // header, five questions, the last CRLF
        QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBF"));
    }

private:
    int trainerQuestions() const {
        return count(u"SELECT count(*) FROM training_questions WHERE source = 'trainer'"_s);
    }
    int auditRows(const QString &action) const {
        auto q = m_db->query(u"SELECT count(*) FROM audit_log WHERE action = ?"_s, {action});
        return q && q->next() ? q->value(0).toInt() : -1;
    }
    int count(const QString &sql) const {
        auto q = m_db->query(sql);
        return q && q->next() ? q->value(0).toInt() : -1;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC)};
    std::unique_ptr<storage::AuditLog> m_audit;
};

QTEST_MAIN(TstBankTab)
#include "tst_banktab.moc"
