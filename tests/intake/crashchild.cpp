// Crash test child: "types" into drafts and submits cases in a loop, printing each draft save and each
// case only after its COMMIT returned, until the test kills it with SIGKILL.
// Usage: intake_crashchild <database> <seed>
#include <windowdesk/cases/caseservice.h>
#include <windowdesk/cases/draftrepository.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/database.h>

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QUuid>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace windowdesk;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    auto db = storage::Database::open(QString::fromLocal8Bit(argv[1]));
    if (!db.ok()) {
        std::fprintf(stderr, "ERROR open: %s\n", qPrintable(db.error().message));
        return 3;
    }
    QRandomGenerator rng(QByteArray(argv[2]).toUInt());
    const Clock &clock = SystemClock::instance();
    storage::AuditLog audit(*db.value(), clock, nullptr);
    cases::CaseService cases(*db.value(), clock, &audit,
                             {u"u-crash"_s, u"测试"_s, u"A07"_s, u"长沙市岳麓区政务服务中心"_s});
    cases::DraftRepository drafts(*db.value(), clock);
    auto matter =
        cases::Matter::loadItem(storage::CatalogRepository(*db.value()), u"430104-001001001000-GG-001"_s);
    if (!matter.ok())
        return 4;
    const QString name = u"张三丰王五赵六钱七孙八"_s;
    for (;;) {
        cases::IntakeDraft d;
        d.draftId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        d.itemCode = matter->itemCode;
        d.applicant.idNumber = u"11010519491231002X"_s;
        d.applicant.phone = u"13800138000"_s;
        const int typed = 1 + int(rng.bounded(name.size()));
        // Each keystroke saved, as the debounce would at worst.
        for (int i = 1; i <= typed; ++i) {
            d.applicant.name = name.left(i);
            if (!drafts.save(u"u-crash"_s, d).ok())
                return 5;
            std::printf("DRAFT %s %d\n", qPrintable(d.draftId), i);
            std::fflush(stdout);
        }
        if (rng.bounded(3) == 0)
            continue; // an unfinished visit stays a draft
        for (const auto &f : matter->fields)
            d.formValues.insert(f.key, f.type == u"select"_s      ? QJsonValue(f.options.first())
                                       : f.type == u"date"_s      ? QJsonValue(u"2026-03-01"_s)
                                       : f.type == u"id_number"_s ? QJsonValue(d.applicant.idNumber)
                                       : f.type == u"phone"_s     ? QJsonValue(d.applicant.phone)
                                                                  : QJsonValue(d.applicant.name));
        for (const auto &m : matter->materials)
            d.materials.insert(m.key, {u"paper"_s, {}, {}});
        d.decision = u"accepted"_s;
        auto r = cases.submit(matter.value(), d);
        if (!r.ok()) {
            std::fprintf(stderr, "ERROR submit: %s\n", qPrintable(r.error().message));
            return 6;
        }
        std::printf("CASE %s %s\n", qPrintable(r->localId), qPrintable(d.draftId));
        std::fflush(stdout);
    }
}
