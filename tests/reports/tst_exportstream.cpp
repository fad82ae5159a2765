// The exports stream (issue 14, speed and memory): reports::exportToFile writes the rows as it reads them, a
// batch at a time, for windowdeskctl and the report page's Ctrl+S alike. Checked here, where batching could
// go wrong: 5,000 cases (more than two batches, open ones spread over them) come out in decision order, each
// open case with the card the board gives it on its own (cardFacts + evaluateCaseCard of that one case),
// times stored as ...Z or with an offset (+08:00, +00:00) printed as the same CST time; the CSV file and the
// table say the same; and when the caller's audit refuses, the file that was there is kept and nothing is
// left beside it (CSV and XLSX).
#include <windowdesk/cases/casecard.h>
#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/cardcolour.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/reports/exporter.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

constexpr int kCases = 5000;

} // namespace

class TestExportStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(u"stream.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db.value());
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok()); // the calendars the cards count on
        // 5,000 cases decided in March 2026 (CST), one every 8 minutes from 03-01 00:00 CST; every third is
        // still open (accepted, in progress or suspended), with promised days (1 to 37 working days) that
        // make some of them late, some not.
        const QString sql =
            u"INSERT INTO cases (local_id, case_no, applicant_kind, applicant_name, applicant_id_number, "
            u"applicant_phone, decision, status, clerk_id, window_no, created_at, accepted_date, "
            u"promised_days, "
            u"legal_days, promised_due, legal_due, updated_at) VALUES (?, ?, 'person', ?, "
            u"'11010519491231002X', '13800138000', 'accepted', ?, 'u-1', 'A01', ?, ?, ?, 60, NULL, NULL, ?)"_s;
        const QStringList open = {u"accepted"_s, u"in_progress"_s, u"suspended"_s};
        QVERIFY(
            m_db->write([&]() -> Status {
                    for (int i = 0; i < kCases; ++i) {
                        const QDateTime cst =
                            QDateTime(QDate(2026, 3, 1), QTime(0, 0), QTimeZone(8 * 3600)).addSecs(i * 480);
                        // The two UTC forms stored (the desk's …Z, the platform feed's +00:00).
                        const QString at = i % 2 == 0 ? cst.toUTC().toString(Qt::ISODate)
                                                      : cst.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss+00:00"_s);
                        const QString status = i % 3 == 2 ? open.at((i / 3) % 3) : u"completed"_s;
                        m_open += status != u"completed"_s ? 1 : 0;
                        if (Status s = m_db->exec(sql, {u"c-%1"_s.arg(i, 5, 10, QChar(u'0')), u"N%1"_s.arg(i),
                                                        u"申请人%1"_s.arg(i), status, at,
                                                        cst.date().toString(Qt::ISODate), 1 + i % 37, at});
                            !s.ok())
                            return s;
                    }
                    return {};
                })
                .ok());
    }

    void rowsInOrderWithEachOpenCasesCard() {
        const reports::Exporter exporter(*m_db, m_clock);
        const QString csv = m_dir.filePath(u"cases.csv"_s);
        auto rows = reports::exportToFile(exporter, reports::ExportKind::Cases, QDate(2026, 3, 1),
                                          QDate(2026, 4, 1), false, reports::ExportFormat::Csv, csv);
        QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().message));
        QCOMPARE(rows.value(), qint64(kCases));
        const QByteArray bytes = readFile(csv);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                                 "case_no,local_id,created_at,"));
        QList<QByteArray> lines = bytes.split('\n');
        QCOMPARE(lines.takeLast(), QByteArray()); // CRLF after the last line too
        QCOMPARE(lines.size(), kCases + 1);

        // Each case's card, computed on its own as the board does.
        const cases::CaseRepository repo(*m_db);
        auto settings = repo.cardSettings();
        auto calendar = storage::CalendarRepository(*m_db, m_clock).workingCalendar();
        QVERIFY(settings.ok() && calendar.ok());
        int openSeen = 0;
        QSet<QString> cards;
        for (int i = 0; i < kCases; ++i) {
            const QByteArray &line = lines.at(i + 1);
            QVERIFY(line.endsWith('\r'));
            const QList<QByteArray> cells = line.chopped(1).split(',');
            QCOMPARE(cells.size(), 15);
            const QString localId = u"c-%1"_s.arg(i, 5, 10, QChar(u'0'));
            QCOMPARE(QString::fromUtf8(cells.at(1)), localId); // decision order, whatever the stored form
            const QDateTime cst =
                QDateTime(QDate(2026, 3, 1), QTime(0, 0), QTimeZone(8 * 3600)).addSecs(i * 480);
            QCOMPARE(QString::fromUtf8(cells.at(2)), cst.toString(u"yyyy-MM-dd HH:mm:ss"_s));
            QCOMPARE(cells.at(6), QByteArray("110***********002X"));
            QString expected = u"none"_s;
            if (cells.at(11) != "completed") {
                ++openSeen;
                auto facts = repo.cardFacts({localId});
                QVERIFY(facts.ok() && facts->contains(localId));
                auto card = cases::evaluateCaseCard(facts->value(localId), m_clock.nowUtc(), calendar.value(),
                                                    settings.value());
                QVERIFY(card.ok());
                expected = core::cardColourName(card->colour);
            }
            QCOMPARE(QString::fromUtf8(cells.at(14)), expected);
            cards.insert(expected);
        }
        QCOMPARE(openSeen, m_open);
        QVERIFY2(cards.size() >= 3,
                 qPrintable(QStringList(cards.begin(), cards.end()).join(u','))); // not all alike

        // The table (tests, small periods) holds the same rows the file got.
        auto table = exporter.table(reports::ExportKind::Cases, QDate(2026, 3, 1), QDate(2026, 4, 1), false);
        QVERIFY(table.ok());
        QCOMPARE(reports::toCsv(table.value()), bytes);
    }

    // A moment stored with another offset is printed as its CST time.
    void offsetTimesReadAsTheirMoment() {
        QVERIFY(
            m_db->exec(u"INSERT INTO cases (local_id, case_no, applicant_kind, applicant_name, decision, "
                       u"status, clerk_id, window_no, created_at, accepted_date, updated_at) VALUES ('c-x', "
                       u"'NX', 'person', '张三', 'accepted', 'completed', 'u-1', 'A01', "
                       u"'2026-04-01T03:30:00-06:00', '2026-04-01', '2026-04-01T09:30:00Z')"_s)
                .ok());
        auto table = reports::Exporter(*m_db, m_clock)
                         .table(reports::ExportKind::Cases, QDate(2026, 4, 1), QDate(2026, 4, 2), false);
        QVERIFY(table.ok());
        QCOMPARE(table->rows.size(), 1);
        QCOMPARE(reports::csvCell(table->rows.first().at(2)), u"2026-04-01 17:30:00"_s);
    }

    void refusedAuditKeepsTheFile() {
        const reports::Exporter exporter(*m_db, m_clock);
        for (const auto format : {reports::ExportFormat::Csv, reports::ExportFormat::Xlsx}) {
            QTemporaryDir dir;
            const QString path = dir.filePath(u"kept.out"_s);
            {
                QFile f(path);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write("before");
            }
            qint64 asked = -1;
            auto rows = reports::exportToFile(exporter, reports::ExportKind::Cases, QDate(2026, 3, 1),
                                              QDate(2026, 4, 1), false, format, path, [&](qint64 n) {
                                                  asked = n;
                                                  return Status::failure(u"audit"_s, u"no audit"_s);
                                              });
            QVERIFY(!rows.ok());
            QCOMPARE(rows.error().code, u"audit"_s);
            QCOMPARE(asked, qint64(kCases)); // asked with the rows' number, after they were written aside
            QCOMPARE(readFile(path), QByteArray("before"));
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"kept.out"_s});
            // Allowed: the file is replaced whole, and only its owner may read it.
            rows = reports::exportToFile(exporter, reports::ExportKind::Cases, QDate(2026, 3, 1),
                                         QDate(2026, 4, 1), false, format, path,
                                         [](qint64) { return Status{}; });
            QVERIFY(rows.ok());
            QVERIFY(readFile(path).startsWith(format == reports::ExportFormat::Csv ? "\xEF\xBB\xBF" : "PK"));
            QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"kept.out"_s});
        }
    }

private:
    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 4, 20), QTime(2, 0), QTimeZone::utc())};
    std::unique_ptr<storage::Database> m_db;
    int m_open = 0;
};

QTEST_GUILESS_MAIN(TestExportStream)
#include "tst_exportstream.moc"
