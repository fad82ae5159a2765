// The catalog page on the demo hall: results as the clerk types with the first selected, the item's full
// standard, a bundle's merged lists, and Enter starting an intake.
#include "intakefixture.h"

#include <windowdesk/intake/catalogpage.h>

#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;
using namespace windowdesk::intake;

class TestCatalogPage : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 6), QTime(1, 2, 3), Qt::UTC)};

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(u"page.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
    }
    void cleanupTestCase() { m_db.reset(); }

    void typingSelectsFirstResultAndShowsStandard() {
        CatalogPage page(*m_db, u"A07"_s);
        auto *box = page.findChild<QLineEdit *>(u"catalogSearch"_s);
        auto *results = page.findChild<QListWidget *>(u"catalogResults"_s);
        auto *detail = page.findChild<QTextBrowser *>(u"catalogDetail"_s);
        QVERIFY(box && results && detail);
        test::typeText(box, u"食品经营"_s);
        QVERIFY(results->count() > 0);
        QCOMPARE(results->currentRow(), 0);
        QVERIFY(!page.currentIsBundle());
        QVERIFY(results->currentItem()->text().contains(u"食品经营"_s));
        const QString text = detail->toPlainText();
        for (const QString &part :
             {u"Legal basis"_s, u"Promised time limit"_s, u"Materials"_s, u"Form fields"_s})
            QVERIFY2(text.contains(part), qPrintable(part));
        QVERIFY(text.contains(u"e-license can stand in"_s) || text.contains(u"commitment accepted"_s));

        QSignalSpy spy(&page, &CatalogPage::startIntake);
        QTest::keyClick(box, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), page.currentCode());
        QCOMPARE(spy.at(0).at(1).toBool(), false);
    }

    void bundleShowsMergedLists() {
        CatalogPage page(*m_db, u"A07"_s);
        page.setQuery(u"婚姻"_s);
        QVERIFY(page.currentIsBundle());
        const QString text = page.findChild<QTextBrowser *>(u"catalogDetail"_s)->toPlainText();
        QVERIFY(text.contains(u"Materials (shared ones listed once)"_s));
        QVERIFY(text.contains(u"Form fields (asked once)"_s));
        QSignalSpy spy(&page, &CatalogPage::startIntake);
        QTest::keyClick(page.findChild<QLineEdit *>(u"catalogSearch"_s), Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(1).toBool(), true);
    }

    void nothingFound() {
        CatalogPage page(*m_db, u"A07"_s);
        page.setQuery(u"没有这样的事项名称"_s);
        QCOMPARE(page.findChild<QListWidget *>(u"catalogResults"_s)->count(), 0);
        QSignalSpy spy(&page, &CatalogPage::startIntake);
        QTest::keyClick(page.findChild<QLineEdit *>(u"catalogSearch"_s), Qt::Key_Return);
        QCOMPARE(spy.count(), 0);
    }
};

QTEST_MAIN(TestCatalogPage)
#include "tst_catalogpage.moc"
