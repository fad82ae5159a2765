#pragma once
// A real database in a temporary directory with the demo hall loaded, a fixed clock on a working day.
#include <windowdesk/cases/caseservice.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QKeyEvent>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace windowdesk::intake::test {

using namespace Qt::StringLiterals;

// A valid resident ID (GB 11643 check character), born 1949-12-31, female.
inline const QString kPersonId = u"11010519491231002X"_s;
inline const QString kPersonIdMasked = u"110***********002X"_s;

// QTest::keyClicks takes Latin-1 only: Chinese text is typed as key events carrying the text, as an input
// method delivers it.
inline void typeText(QWidget *w, const QString &text) {
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClick(w, char(c.unicode()));
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &release);
    }
}

// The text of a PDF as pdftotext extracts it, white space removed. Noto CJK maps some glyphs to radicals
// (⻓ for 长, ⼯ for 工) in the PDF's ToUnicode table; they are folded back with Unicode's
// EquivalentUnifiedIdeograph.txt (package unicode-data) and NFKC so the checks read normal text.
inline QString pdfText(const QString &path) {
    static const QHash<char32_t, char32_t> equivalents = [] {
        QHash<char32_t, char32_t> map;
        QFile f(QStringLiteral("/usr/share/unicode/EquivalentUnifiedIdeograph.txt"));
        if (!f.open(QIODevice::ReadOnly))
            return map;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).section(u'#', 0, 0).trimmed();
            if (line.isEmpty())
                continue;
            const QString range = line.section(u';', 0, 0).trimmed();
            const char32_t to = line.section(u';', 1, 1).trimmed().toUInt(nullptr, 16);
            const char32_t from = range.section(QStringLiteral(".."), 0, 0).toUInt(nullptr, 16);
            const char32_t last = range.contains(QStringLiteral(".."))
                                      ? range.section(QStringLiteral(".."), 1, 1).toUInt(nullptr, 16)
                                      : from;
            for (char32_t c = from; c <= last; ++c)
                map.insert(c, to);
        }
        return map;
    }();
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    const QString raw =
        QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    QString out;
    for (char32_t c : raw.toUcs4()) {
        if (QChar::isSpace(c))
            continue;
        c = equivalents.value(c, c);
        out += QString::fromUcs4(&c, 1);
    }
    return out;
}

struct Fixture {
    QTemporaryDir dir;
    // Friday 2026-03-06, 09:02:03 China Standard Time.
    FixedClock clock{QDateTime(QDate(2026, 3, 6), QTime(1, 2, 3), QTimeZone::utc())};
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<storage::AuditLog> audit;
    cases::WindowContext window{u"u-demo-clerk"_s, u"李娜"_s, u"A07"_s, u"长沙市岳麓区政务服务中心"_s};

    bool open() {
        if (!dir.isValid())
            return false;
        auto d = storage::Database::open(dir.filePath(u"wd.db"_s));
        if (!d.ok()) {
            qWarning() << d.error().code << d.error().message;
            return false;
        }
        db = std::move(d.value());
        auto loaded = storage::DemoHall::load(*db, clock);
        if (!loaded.ok()) {
            qWarning() << loaded.error().code << loaded.error().message;
            return false;
        }
        audit = std::make_unique<storage::AuditLog>(*db, clock, nullptr);
        return true;
    }

    int count(const QString &sql, const QVariantList &binds = {}) const {
        auto q = db->query(sql, binds);
        if (!q.ok() || !q->next())
            return -1;
        return q->value(0).toInt();
    }
};

} // namespace windowdesk::intake::test
