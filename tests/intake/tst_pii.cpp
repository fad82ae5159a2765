// Personal data never leaves unmasked (issue 18, "Also"; product.md: masked in lists, logs and exports):
// a representative run — cases decided and delivered through the services the window uses, their printed
// notices (PDF, read back with pdftotext), and windowdeskctl's commands over the same database (human text,
// --json, standard error) — is scanned for resident id numbers that pass the GB 11643 check and for mobile
// numbers. Every hit fails, except where a command reveals by definition what it was given (`validate`).
// The same scanner reads every log line written meanwhile (all windowdesk categories, debug included) and
// the audit log's rows.
#include "intakefixture.h"

#include <windowdesk/core/identity.h>
#include <windowdesk/intake/noticerenderer.h>
#include <windowdesk/storage/catalogrepository.h>

#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>

using namespace windowdesk;
using namespace windowdesk::cases;
using namespace windowdesk::intake;
using namespace windowdesk::intake::test;

namespace {
const QString kMedical = u"430104-001001001000-GG-001"_s;
const QString kPhone = u"13800138000"_s;

QMutex logMutex;
QStringList logLines;
QtMessageHandler previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg) {
    {
        QMutexLocker lock(&logMutex);
        logLines.append(QString::fromLatin1(ctx.category ? ctx.category : "default") + u": "_s + msg);
    }
    if (previousHandler)
        previousHandler(type, ctx, msg);
}

// A resident id number as the standard defines it: 17 digits and the ISO 7064 MOD 11-2 check character.
bool isResidentId(const QString &s) {
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char checks[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (s.at(i).unicode() - '0') * weights[i];
    return s.at(17).toUpper() == QLatin1Char(checks[sum % 11]);
}

// Unmasked personal data in `text`: every id number with a valid check character and every mobile number
// (1[3-9] and nine digits), standing alone (not part of a longer run of letters or digits).
QStringList findPersonalData(const QString &text) {
    static const QRegularExpression id(u"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])"_s);
    static const QRegularExpression mobile(
        u"(?<![0-9A-Za-z])(?:\\+?86[- ]?)?1[3-9][0-9]{9}(?![0-9A-Za-z])"_s);
    QStringList hits;
    for (auto it = id.globalMatch(text); it.hasNext();) {
        const QString m = it.next().captured();
        if (isResidentId(m))
            hits.append(m);
    }
    for (auto it = mobile.globalMatch(text); it.hasNext();)
        hits.append(it.next().captured());
    return hits;
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};
Run ctl(const QString &db, const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(WINDOWDESKCTL), QStringList{u"--db"_s, db} + args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

IntakeDraft draftFor(const Matter &m, const QString &decision) {
    IntakeDraft d;
    d.applicant.name = u"张三"_s;
    d.applicant.idNumber = kPersonId;
    d.applicant.phone = kPhone;
    d.itemCode = m.itemCode;
    for (const auto &f : m.fields) {
        if (f.type == u"id_number"_s)
            d.formValues.insert(f.key, kPersonId);
        else if (f.type == u"phone"_s)
            d.formValues.insert(f.key, kPhone);
        else if (f.type == u"select"_s)
            d.formValues.insert(f.key, f.options.first());
        else if (f.type == u"date"_s)
            d.formValues.insert(f.key, u"2026-03-01"_s);
        else if (f.type == u"number"_s)
            d.formValues.insert(f.key, f.min.value_or(0) + 1);
        else if (f.type == u"bool"_s)
            d.formValues.insert(f.key, true);
        else
            d.formValues.insert(f.key, u"张三"_s);
    }
    for (const auto &mm : m.materials)
        d.materials.insert(mm.key, MaterialMark{decision == u"accepted"_s ? u"paper"_s : u"missing"_s,
                                                {},
                                                decision == u"accepted"_s ? QString() : u"未带"_s});
    d.decision = decision;
    return d;
}
} // namespace

class TestPersonalData : public QObject {
    Q_OBJECT
private slots:
    void scannerFindsWhatItShould();
    void representativeRunRevealsNothing();
};

void TestPersonalData::scannerFindsWhatItShould() {
    // The scanner itself: it must see an id and a phone wherever they stand, and not the masked forms, case
    // numbers, op ids or digests.
    QCOMPARE(findPersonalData(u"申请人 %1，电话 %2。"_s.arg(kPersonId, kPhone)),
             (QStringList{kPersonId, kPhone}));
    QCOMPARE(findPersonalData(u"{\"id\":\"%1\",\"p\":\"+86 13912345678\"}"_s.arg(kPersonId.toLower())).size(),
             2);
    QVERIFY(findPersonalData(kPersonIdMasked + u" 138****8000 HN20260306A07000123 "_s +
                             u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 "_s +
                             u"110105194912310021"_s) // wrong check character: not an id number
                .isEmpty());
}

void TestPersonalData::representativeRunRevealsNothing() {
    previousHandler = qInstallMessageHandler(captureLog);
    QLoggingCategory::setFilterRules(u"windowdesk.*=true"_s);
    Fixture f;
    QVERIFY(f.open());
    CaseService cases(*f.db, f.clock, f.audit.get(), f.window);
    auto m = Matter::loadItem(storage::CatalogRepository(*f.db), kMedical);
    QVERIFY(m.ok());
    QMap<QString, QString> outputs; // what was produced → its text

    // The window's work: an accepted case (delivered later) and a correction notice.
    auto accepted = cases.submit(m.value(), draftFor(m.value(), u"accepted"_s));
    QVERIFY2(accepted.ok(), qPrintable(accepted.ok() ? QString() : accepted.error().message));
    auto correction = cases.submit(m.value(), draftFor(m.value(), u"correction_required"_s));
    QVERIFY2(correction.ok(), qPrintable(correction.ok() ? QString() : correction.error().message));
    QVERIFY(cases.recordEvent(accepted->localId, u"delivered"_s, u"窗口领取"_s).ok());
    // The data really is there to leak (so the scan below means something).
    QCOMPARE(f.count(u"SELECT count(*) FROM cases WHERE applicant_id_number = ?"_s, {kPersonId}), 2);

    // The printed notices.
    const QList<std::pair<QString, NoticeKind>> notices{{accepted->localId, NoticeKind::Acceptance},
                                                        {accepted->localId, NoticeKind::Delivery},
                                                        {correction->localId, NoticeKind::Correction}};
    for (const auto &[id, kind] : notices) {
        auto data = NoticeRenderer::loadCase(*f.db, id, kind, u"长沙市岳麓区政务服务中心"_s, u"李娜"_s);
        QVERIFY(data.ok());
        const QString pdf = f.dir.filePath(NoticeRenderer::fileSlug(kind) + u".pdf"_s);
        QVERIFY(NoticeRenderer::savePdf(data.value(), pdf).ok());
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(kPersonIdMasked), qPrintable(text.left(400))); // the masked form is printed
        outputs.insert(u"notice "_s + NoticeRenderer::fileSlug(kind), text);
    }

    // windowdeskctl over the same database, as hall IT runs it.
    const QString db = f.dir.filePath(u"wd.db"_s);
    const QList<QStringList> commands{
        {u"outbox"_s},
        {u"outbox"_s, u"--json"_s},
        {u"db"_s, u"check"_s},
        {u"audit"_s, u"verify"_s},
        {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"12"_s},
        {u"outbox"_s, u"--json"_s},
        {u"catalog"_s, u"search"_s, u"医疗"_s},
        {u"settings"_s, u"get"_s},
        {u"version"_s},
    };
    for (const QStringList &args : commands) {
        const Run r = ctl(db, args);
        QVERIFY2(r.exitCode == 0, qPrintable(args.join(u' ') + u": "_s + r.err));
        outputs.insert(args.join(u' ') + u" (stdout)"_s, r.out);
        outputs.insert(args.join(u' ') + u" (stderr)"_s, r.err);
    }
    // An export, where this build has one.
    if (ctl(db, {u"help"_s}).out.contains(u"export"_s)) {
        const Run r =
            ctl(db, {u"export"_s, u"cases"_s, u"--from"_s, u"2020-01-01"_s, u"--to"_s, u"2030-01-01"_s});
        outputs.insert(u"export cases (stdout)"_s, r.out);
        outputs.insert(u"export cases (stderr)"_s, r.err);
    }
    // `validate` reveals what it is given, by definition: the one explicit exception.
    const Run validate = ctl(db, {u"validate"_s, u"id"_s, kPersonId});
    QCOMPARE(validate.exitCode, 0);
    QVERIFY(findPersonalData(validate.out).contains(kPersonId)); // the scanner sees it there

    // The audit log's rows (who saw or changed what) and every log line of this process.
    auto q = f.db->query(u"SELECT seq, user_id, action, target, details_json FROM audit_log ORDER BY seq"_s);
    QVERIFY(q.ok());
    QString auditText;
    while (q->next())
        auditText += QStringList{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                 q->value(3).toString(), q->value(4).toString()}
                         .join(u' ') +
                     u'\n';
    outputs.insert(u"audit_log rows"_s, auditText);
    qInstallMessageHandler(previousHandler);
    {
        QMutexLocker lock(&logMutex);
        outputs.insert(u"log lines"_s, logLines.join(u'\n'));
        QVERIFY(!logLines.isEmpty());
    }

    QStringList leaks;
    for (auto it = outputs.cbegin(); it != outputs.cend(); ++it) {
        for (const QString &hit : findPersonalData(it.value()))
            leaks.append(u"%1: %2"_s.arg(it.key(), hit));
    }
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    QVERIFY(outputs.size() >= 20);
}

QTEST_MAIN(TestPersonalData)
#include "tst_pii.moc"
