// Question banks in and out (issue 15), on real files and a real database: a bank made in Excel / WPS imports
// the same whether it was saved as GB18030, UTF-8 or UTF-8 with a BOM; a file with bad lines is reported line
// by line (the line the row starts on, a quoted stem spanning two lines counted) and NOTHING of it is stored,
// not even its good lines, and no audit row written; a successful import writes one audit row; export and
// re-import give "unchanged"; an edited row revises the trainer's question (the old version retired but kept
// for the paper that holds it); a generated question cannot be changed through a file; a text that a
// spreadsheet would take for a formula stays text both ways.
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/training/bankexchange.h>
#include <windowdesk/training/questionbank.h>
#include <windowdesk/training/trainerbank.h>

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::training;

namespace {
QString data(const QString &name) {
    return QStringLiteral(WINDOWDESK_TEST_DATA) + u"/training/"_s + name;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

QString problems(const ImportReport &r) {
    QStringList out;
    for (const ImportProblem &p : r.problems)
        out << u"%1: %2"_s.arg(p.line).arg(p.message);
    return out.join(u"\n"_s);
}
} // namespace

class TstBankExchange : public QObject {
    Q_OBJECT
private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(u"bank-%1.db"_s.arg(++m_n)));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        m_bank = std::make_unique<TrainerBank>(*m_db, m_clock, m_audit.get());
    }
    void cleanup() {
        m_bank.reset();
        m_audit.reset();
        m_db.reset();
    }

    void spreadsheetBankImportsInEveryEncoding_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("encoding");
        QTest::addRow("WPS, GB18030") << u"bank_wps_gb18030.csv"_s << u"GB18030"_s;
        QTest::addRow("Excel, UTF-8 with BOM") << u"bank_excel_utf8bom.csv"_s << u"UTF-8 (BOM)"_s;
        QTest::addRow("UTF-8") << u"bank_utf8.csv"_s << u"UTF-8"_s;
    }
    void spreadsheetBankImportsInEveryEncoding() {
        QFETCH(QString, file);
        QFETCH(QString, encoding);
        auto r = m_bank->importFile(data(file), u"u-demo-trainer"_s);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY2(r->problems.isEmpty(), qPrintable(problems(*r)));
        QCOMPARE(r->encoding, encoding);
        QCOMPARE(r->added, 4);
        BankFilter mine;
        mine.generated = false;
        const QList<Question> qs = m_bank->questions(mine).value();
        QCOMPARE(qs.size(), 4);
        QHash<QString, Question> byStem;
        for (const Question &q : qs)
            byStem.insert(q.stem, q);
        const Question single = byStem.value(u"群众到窗口时，工作人员应首先做什么？"_s);
        QCOMPARE(single.kind, QuestionKind::Single);
        QCOMPARE(single.category, u"窗口礼仪"_s);
        QCOMPARE(single.tags, (QStringList{u"礼仪"_s, u"接待"_s}));
        QCOMPARE(single.difficulty, 1);
        QCOMPARE(single.options,
                 (QStringList{u"主动问候"_s, u"继续手头工作"_s, u"让群众等候"_s, u"指向咨询台"_s}));
        QCOMPARE(single.correct, QList<int>{0});
        QCOMPARE(single.explanation, u"首问负责：先问候再问需求"_s);
        const Question multiple = byStem.value(u"一次性告知书应当写明哪些内容？"_s);
        QCOMPARE(multiple.kind, QuestionKind::Multiple);
        QCOMPARE(multiple.correct, (QList<int>{0, 1, 2}));
        const Question tf = byStem.value(u"主要材料齐全、次要材料欠缺时可以容缺受理。"_s);
        QCOMPARE(tf.kind, QuestionKind::TrueFalse);
        QCOMPARE(tf.options, trueFalseOptions());
        QCOMPARE(tf.correct, QList<int>{0});
        QCOMPARE(tf.difficulty, 2);
        QVERIFY(byStem.contains(u"午间延时服务的时段通常为？"_s));
        QCOMPARE(auditRows(u"training_bank_imported"_s), 1);

        // The same file again: everything is already there.
        auto again = m_bank->importFile(data(file), u"u-demo-trainer"_s);
        QVERIFY(again.ok() && again->problems.isEmpty());
        QCOMPARE(again->added, 0);
        QCOMPARE(again->unchanged, 4);
        QCOMPARE(m_bank->questions(mine).value().size(), 4);
    }

    void badLinesAreReportedAndNothingIsImported() {
        auto r = m_bank->importFile(data(u"bank_errors.csv"_s), u"u-demo-trainer"_s);
        QVERIFY(r.ok());
        QHash<int, QString> byLine;
        for (const ImportProblem &p : r->problems)
            byLine.insert(p.line, p.message);
        QCOMPARE(byLine.size(), 5);
        QCOMPARE(byLine.value(3), u"多选题至少需要两个正确选项"_s);
        QCOMPARE(byLine.value(4), u"选项“同一个选项”重复"_s); // the quoted stem spans lines 4 and 5
        QCOMPARE(byLine.value(6), u"题型“填空”无法识别（应为单选、多选或判断）"_s);
        QCOMPARE(byLine.value(7), u"答案中的 E 没有对应的选项"_s);
        QCOMPARE(byLine.value(8), u"判断题的答案须为“正确”或“错误”，而不是“也许”"_s);
        QCOMPARE(r->added, 0);
        // Line 2 was good, and still nothing is stored: one transaction.
        BankFilter mine;
        mine.generated = false;
        mine.active = std::nullopt;
        QCOMPARE(m_bank->questions(mine).value().size(), 0);
        QCOMPARE(auditRows(u"training_bank_imported"_s), 0);

        // A problem only the bank can see (a question it has, with another answer) rolls back the good rows
        // written before it in the same transaction.
        QVERIFY(m_bank->importFile(data(u"bank_utf8.csv"_s), u"u-demo-trainer"_s).ok());
        const QByteArray clash = "题型,分类,题干,选项A,选项B,选项C,选项D,答案\r\n"
                                 "单选,新分类,全新的一题,甲,乙,,,A\r\n"
                                 "单选,窗口礼仪,群众到窗口时，工作人员应首先做什么？,主动问候,继续手头工作,"
                                 "让群众等候,指向咨询台,D\r\n";
        auto second = m_bank->importRows(parseBankCsv(clash), u"u-demo-trainer"_s, u"clash.csv"_s);
        QVERIFY(second.ok());
        QCOMPARE(second->problems.size(), 1);
        QCOMPARE(second->problems.first().line, 3);
        QVERIFY2(second->problems.first().message.startsWith(u"题库中已有题干和选项相同"_s),
                 qPrintable(second->problems.first().message));
        QCOMPARE(m_bank->questions(mine).value().size(), 4); // 全新的一题 was rolled back
        QCOMPARE(auditRows(u"training_bank_imported"_s), 1);
    }

    void exportAndReimportRoundTrip_data() {
        QTest::addColumn<QString>("name");
        QTest::addRow("CSV") << u"bank.csv"_s;
        QTest::addRow("JSON") << u"bank.json"_s;
    }
    void exportAndReimportRoundTrip() {
        QFETCH(QString, name);
        QVERIFY(m_bank->regenerate(u"u-demo-trainer"_s).ok());
        QVERIFY(m_bank->importFile(data(u"bank_utf8.csv"_s), u"u-demo-trainer"_s).ok());
        // A trainer's question whose option looks like a formula.
        Question formula;
        formula.kind = QuestionKind::Single;
        formula.category = u"计算"_s;
        formula.stem = u"表格中“合计”一栏应填写？"_s;
        formula.options = {u"=SUM(A1:A3)"_s, u"-1"_s, u"@合计"_s};
        formula.correct = {0};
        QVERIFY(m_bank->add(formula, u"u-demo-trainer"_s).ok());
        const QList<Question> all = m_bank->questions({}).value();
        QVERIFY(all.size() > 50);
        const QString path = m_dir.filePath(name);
        QVERIFY(m_bank->exportFile(path, all, u"u-demo-trainer"_s).ok());
        QCOMPARE(auditRows(u"training_bank_exported"_s), 1);
        if (name.endsWith(u".csv"_s)) {
            const QByteArray bytes = readAll(path);
            QVERIFY(bytes.startsWith("\xEF\xBB\xBF\xE7\xBC\x96\xE5\x8F\xB7")); // BOM, 编号
            QVERIFY(bytes.contains(",'=SUM(A1:A3),'-1,'@合计,"));              // text, not formulas
        }

        auto same = m_bank->importFile(path, u"u-demo-trainer"_s);
        QVERIFY(same.ok());
        QVERIFY2(same->problems.isEmpty(), qPrintable(problems(*same)));
        QCOMPARE(same->unchanged, int(all.size()));
        QCOMPARE(same->added + same->revised, 0);

        // A trainer's question edited in the file: a new version; the old one stays for the paper drawn
        // with it.
        const QString id = idOf(u"群众到窗口时，工作人员应首先做什么？"_s);
        Blueprint bp;
        bp.name = u"礼仪"_s;
        bp.sections = {{u"窗口礼仪"_s, QuestionKind::Single, 1, 5}};
        auto drawn = QuestionBank(*m_db, m_clock).drawPaper(bp, u"u-demo-clerk"_s, 7);
        QVERIFY(drawn.ok() && std::holds_alternative<StoredPaper>(drawn.value()));
        const QString paperId = std::get<StoredPaper>(drawn.value()).paperId;
        QByteArray text = readAll(path);
        text.replace("继续手头工作", "请群众稍候");
        writeAll(path, text);
        auto edited = m_bank->importFile(path, u"u-demo-trainer"_s);
        QVERIFY(edited.ok());
        QVERIFY2(edited->problems.isEmpty(), qPrintable(problems(*edited)));
        QCOMPARE(edited->revised, 1);
        const Question now = QuestionBank(*m_db, m_clock).question(id, 2).value();
        QVERIFY(now.active);
        QCOMPARE(now.options.at(1), u"请群众稍候"_s);
        QVERIFY(!QuestionBank(*m_db, m_clock).question(id, 1).value().active);
        const StoredPaper paper = QuestionBank(*m_db, m_clock).paper(paperId).value();
        QCOMPARE(paper.paper.questions.first().id, id);
        QCOMPARE(paper.paper.questions.first().version, 1);

        // A generated question changed in the file: refused by line, nothing written.
        text.replace("个工作日", "个自然日");
        writeAll(path, text);
        auto refused = m_bank->importFile(path, u"u-demo-trainer"_s);
        QVERIFY(refused.ok());
        QVERIFY(!refused->problems.isEmpty());
        QVERIFY2(refused->problems.first().message.contains(u"根据事项目录生成的题目"_s),
                 qPrintable(refused->problems.first().message));
        QCOMPARE(QuestionBank(*m_db, m_clock).question(id, 3).ok(), false);
        QCOMPARE(m_bank->questions({}).value().size(), all.size());
    }

    void jsonSyntaxErrorNamesItsLine() {
        const ParsedBank p = parseBankJson("{\n  \"questions\": [\n    {\"kind\": \"single\",}\n  ]\n}\n");
        QCOMPARE(p.rows.size(), 0);
        QCOMPARE(p.problems.size(), 1);
        QCOMPARE(p.problems.first().line, 3);
        QVERIFY(p.problems.first().message.startsWith(u"JSON 格式错误"_s));
    }

    void editorRulesHaveSpecificMessages_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QList<int>>("correct");
        QTest::addColumn<QString>("message");
        QTest::addRow("multiple, one right")
            << int(QuestionKind::Multiple) << QStringList{u"甲"_s, u"乙"_s, u"丙"_s} << QList<int>{1}
            << u"多选题至少需要两个正确选项"_s;
        QTest::addRow("duplicate option (full-width)")
            << int(QuestionKind::Single) << QStringList{u"A 类"_s, u"Ａ类"_s} << QList<int>{0}
            << u"选项“Ａ类”重复"_s;
        QTest::addRow("single, two right") << int(QuestionKind::Single) << QStringList{u"甲"_s, u"乙"_s}
                                           << QList<int>{0, 1} << u"单选题只能有一个正确选项"_s;
        QTest::addRow("empty option") << int(QuestionKind::Single) << QStringList{u"甲"_s, u" "_s}
                                      << QList<int>{0} << u"第 2 个选项为空"_s;
    }
    void editorRulesHaveSpecificMessages() {
        QFETCH(int, kind);
        QFETCH(QStringList, options);
        QFETCH(QList<int>, correct);
        QFETCH(QString, message);
        Question q;
        q.kind = QuestionKind(kind);
        q.category = u"窗口礼仪"_s;
        q.stem = u"一题"_s;
        q.options = options;
        q.correct = correct;
        auto r = m_bank->add(q, u"u-demo-trainer"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, message);
        QCOMPARE(auditRows(u"training_question_added"_s), 0);
    }

private:
    int auditRows(const QString &action) const {
        auto q = m_db->query(u"SELECT count(*) FROM audit_log WHERE action = ?"_s, {action});
        return q && q->next() ? q->value(0).toInt() : -1;
    }
    QString idOf(const QString &stem) const {
        auto q =
            m_db->query(u"SELECT id FROM training_questions WHERE stem = ? AND status = 'active'"_s, {stem});
        return q && q->next() ? q->value(0).toString() : QString();
    }

    QTemporaryDir m_dir;
    int m_n = 0;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC)};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::AuditLog> m_audit;
    std::unique_ptr<TrainerBank> m_bank;
};

QTEST_GUILESS_MAIN(TstBankExchange)
#include "tst_bankexchange.moc"
