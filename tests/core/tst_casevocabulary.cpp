// The case's words as enums (issue 12): each enum's texts are exactly the values the schema allows (the CHECK
// lists of db/migrations/0001_init.sql, read from the file), every value survives the round trip, an unknown
// text is refused, and the labels the notices print are the hall's words.
#include <windowdesk/core/casevocabulary.h>

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::core;

namespace {
// The values of `column IN (...)` in the CREATE TABLE of `table` in the first migration.
QSet<QString> checkValues(const QString &table, const QString &column) {
    QFile f(QStringLiteral(WINDOWDESK_SOURCE_DIR "/db/migrations/0001_init.sql"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString sql = QString::fromUtf8(f.readAll());
    const qsizetype at = sql.indexOf(u"CREATE TABLE "_s + table + u" ("_s);
    if (at < 0)
        return {};
    const qsizetype end = sql.indexOf(u");\n"_s, at);
    const QString body = sql.mid(at, end - at);
    const QRegularExpression re(u"\\b"_s + column + u"\\b[^\\n]*?CHECK \\(\\w+ IN \\(([^)]*)\\)"_s,
                                QRegularExpression::DotMatchesEverythingOption);
    const auto m = re.match(body);
    QSet<QString> out;
    if (!m.hasMatch())
        return out;
    for (QString v : m.captured(1).split(u',')) {
        v = v.trimmed();
        v.remove(u'\'');
        out.insert(v);
    }
    return out;
}

template <typename E, typename Parse> QSet<QString> roundTrip(const QList<E> &all, Parse parse) {
    QSet<QString> texts;
    for (E e : all) {
        const QString t = toString(e);
        if (t.isEmpty() || parse(t) != e)
            return {};
        texts.insert(t);
    }
    return texts;
}
} // namespace

class TstCaseVocabulary : public QObject {
    Q_OBJECT
private slots:
    void textsAreTheSchemasValues() {
        const QSet<QString> decisions = roundTrip<Decision>(
            {Decision::Accepted, Decision::CorrectionRequired, Decision::Rejected}, decisionFromString);
        QCOMPARE(decisions, checkValues(u"cases"_s, u"decision"_s));
        const QSet<QString> statuses =
            roundTrip<CaseStatus>({CaseStatus::Accepted, CaseStatus::InProgress, CaseStatus::Suspended,
                                   CaseStatus::Completed, CaseStatus::Delivered, CaseStatus::Rejected,
                                   CaseStatus::Withdrawn, CaseStatus::CorrectionRequired},
                                  caseStatusFromString);
        QCOMPARE(statuses.size(), 8);
        QCOMPARE(statuses, checkValues(u"cases"_s, u"status"_s));
        const QSet<QString> materials =
            roundTrip<MaterialStatus>({MaterialStatus::Paper, MaterialStatus::Electronic,
                                       MaterialStatus::Commitment, MaterialStatus::Missing},
                                      materialStatusFromString);
        QCOMPARE(materials, checkValues(u"case_materials"_s, u"status"_s));
        const QSet<QString> tickets = roundTrip<TicketStatus>(
            {TicketStatus::Waiting, TicketStatus::Called, TicketStatus::Serving, TicketStatus::Done,
             TicketStatus::NoShow, TicketStatus::Transferred, TicketStatus::Held},
            ticketStatusFromString);
        QCOMPARE(tickets, checkValues(u"queue_tickets"_s, u"status"_s));
    }

    void unknownTextsAreRefused() {
        QVERIFY(!decisionFromString(u"Accepted").has_value());
        QVERIFY(!caseStatusFromString(u"").has_value());
        QVERIFY(!caseStatusFromString(u"closed").has_value());
        QVERIFY(!materialStatusFromString(u"scan").has_value());
        QVERIFY(!ticketStatusFromString(u"noshow").has_value());
    }

    void finishedAndLabels() {
        QVERIFY(isFinished(CaseStatus::Delivered));
        QVERIFY(isFinished(CaseStatus::CorrectionRequired));
        QVERIFY(!isFinished(CaseStatus::Suspended));
        QVERIFY(!isFinished(CaseStatus::InProgress));
        QCOMPARE(label(Decision::CorrectionRequired), u"一次性告知补正"_s);
        QCOMPARE(label(CaseStatus::Suspended), u"已挂起"_s);
        QCOMPARE(label(MaterialStatus::Electronic), u"电子证照"_s);
    }
};

QTEST_GUILESS_MAIN(TstCaseVocabulary)
#include "tst_casevocabulary.moc"
