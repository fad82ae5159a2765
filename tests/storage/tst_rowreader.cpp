// RowReader, the reader of many rows the board and the reports use (issue 13/14, speed): it reads exactly
// what QSqlQuery reads — the same values, NULLs, dates as QDate::fromString(…, Qt::ISODate) reads them,
// Chinese text — on the same connection (it sees the open transaction's rows), refuses a statement that
// writes, and reports an error instead of ending quietly. TextPool gives one shared string per distinct
// value.
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/rowreader.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;

class TestRowReader : public QObject {
    Q_OBJECT
private slots:
    void readsWhatQSqlQueryReads();
    void seesTheOpenTransaction();
    void refusesWritesAndReportsErrors();
    void poolSharesRepeatedText();
};

namespace {
std::unique_ptr<Database> openDb(const QTemporaryDir &tmp) {
    auto db = Database::open(tmp.filePath(u"r.db"_s));
    if (!db.ok())
        return nullptr;
    std::unique_ptr<Database> d = std::move(db.value());
    (void)d->exec(u"CREATE TABLE t (n INTEGER, s TEXT, d TEXT)"_s);
    const QList<QVariantList> rows = {
        {1, u"受理"_s, u"2026-03-06"_s},        {QVariant(), QVariant(), QVariant()},
        {-7, u""_s, u"2026-02-30"_s},           {qint64(1) << 40, u"A07"_s, u"2026-3-6"_s},
        {3, u"x"_s, u"2026-03-06T08:00:00Z"_s}, {4, u"𠀀"_s, u"not a date"_s}};
    for (const QVariantList &r : rows)
        if (!d->exec(u"INSERT INTO t VALUES (?, ?, ?)"_s, r).ok())
            return nullptr;
    return d;
}
} // namespace

void TestRowReader::readsWhatQSqlQueryReads() {
    QTemporaryDir tmp;
    auto db = openDb(tmp);
    QVERIFY(db);
    auto q = db->query(u"SELECT n, s, d FROM t WHERE n IS NULL OR n > ? ORDER BY rowid"_s, {-100});
    auto r = RowReader::open(*db, u"SELECT n, s, d FROM t WHERE n IS NULL OR n > ? ORDER BY rowid"_s, {-100});
    QVERIFY(q.ok());
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    int n = 0;
    while (q->next()) {
        QVERIFY(r->next());
        ++n;
        QCOMPARE(r->isNull(0), q->value(0).isNull());
        QCOMPARE(r->integer(0), q->value(0).toLongLong());
        QCOMPARE(r->isNull(1), q->value(1).isNull());
        QCOMPARE(r->text(1), q->value(1).toString());
        QCOMPARE(r->utf8(1), q->value(1).toString().toUtf8());
        QCOMPARE(r->date(2), QDate::fromString(q->value(2).toString(), Qt::ISODate));
    }
    QCOMPARE(n, 6);
    QVERIFY(!r->next());
    QVERIFY(!r->next()); // stays at the end
    QVERIFY(r->status().ok());
}

void TestRowReader::seesTheOpenTransaction() {
    QTemporaryDir tmp;
    auto db = openDb(tmp);
    QVERIFY(db);
    qint64 seen = -1;
    const Status st = db->write([&]() -> Status {
        if (Status s = db->exec(u"INSERT INTO t (n, s) VALUES (99, 'new')"_s); !s.ok())
            return s;
        auto r = RowReader::open(*db, u"SELECT count(*) FROM t WHERE n = ?"_s, {99});
        if (!r.ok())
            return r.error();
        if (r->next())
            seen = r->integer(0);
        return r->status();
    });
    QVERIFY(st.ok());
    QCOMPARE(seen, 1);
}

void TestRowReader::refusesWritesAndReportsErrors() {
    QTemporaryDir tmp;
    auto db = openDb(tmp);
    QVERIFY(db);
    auto w = RowReader::open(*db, u"DELETE FROM t"_s);
    QVERIFY(!w.ok());
    QCOMPARE(w.error().code, u"sql"_s);
    auto count = db->query(u"SELECT count(*) FROM t"_s);
    QVERIFY(count.ok() && count->next());
    QCOMPARE(count->value(0).toInt(), 6); // nothing deleted
    auto bad = RowReader::open(*db, u"SELECT nope FROM t"_s);
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message.contains(u"nope"_s));
    auto binds = RowReader::open(*db, u"SELECT n FROM t WHERE n = ?"_s, {1, 2});
    QVERIFY(!binds.ok());
    // A failure while stepping ends the rows with an error, not silently.
    auto fails = RowReader::open(*db, u"SELECT abs(-9223372036854775807 - 1) FROM t"_s);
    QVERIFY(fails.ok());
    QVERIFY(!fails->next());
    QVERIFY(!fails->status().ok());
    QVERIFY(fails->status().error().message.contains(u"overflow"_s));
}

void TestRowReader::poolSharesRepeatedText() {
    TextPool pool;
    const QString a = pool.get("A07");
    const QByteArray again("A07");
    const QString b = pool.get(again);
    QCOMPARE(a, u"A07"_s);
    QVERIFY(a.isSharedWith(b));
    QCOMPARE(pool.get("受理"), u"受理"_s);
    QVERIFY(pool.get(QByteArrayView()).isEmpty());
}

QTEST_GUILESS_MAIN(TestRowReader)
#include "tst_rowreader.moc"
