// libFuzzer target: what a 1.1 platform feeds the hall duties and the training page (platform-api.md 1.1) —
// the change pages of 跨省通办 receipts (GET /cross-province/changes), 办不成事 requests
// (GET /unresolved-requests/changes) and 告知承诺 post-checks (GET /commitment-checks/changes), read by the
// sync engine's envelope reader and applied to a real database; the platform's answers to our writes of those
// kinds (a receipt, its event, a request, a check's outcome), applied to this hall's own rows; and the
// training leaderboard (GET /training/leaderboard). The first byte picks the reader. Never a crash, a hang or
// undefined behaviour; a page is refused whole (bad_page) or applied with its malformed records rejected one
// by one; an answer is taken or refused as bad_answer — never an SQL error that would stop the stream or the
// write for good.
#include "fuzzdatabase.h"

#include <windowdesk/cases/crossprovince.h>
#include <windowdesk/cases/crossprovinceapplier.h>
#include <windowdesk/cases/dutyappliers.h>
#include <windowdesk/cases/unresolvedrequests.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/sync/platformreaders.h>
#include <windowdesk/sync/trainingleaderboard.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace windowdesk;

namespace {

// This hall's own receipt and request (written once, kept for the whole process), so that the answers find
// the rows they are about.
struct OwnRows {
    QString receiptId;
    QString requestId;
};

const OwnRows &ownRows() {
    static const OwnRows rows = [] {
        OwnRows r;
        storage::Database &db = fuzz::fuzzDatabase();
        const cases::WindowContext window{QStringLiteral("u-1001"), QStringLiteral("李娜"),
                                          QStringLiteral("A07"), QStringLiteral("长沙市岳麓区政务服务中心")};
        cases::CrossProvinceInput in;
        in.targetRegion = QStringLiteral("440305");
        in.targetAuthority = QStringLiteral("深圳市南山区市场监督管理局");
        in.itemName = QStringLiteral("个体工商户设立登记");
        in.applicant.name = QStringLiteral("张三");
        in.applicant.idNumber = QStringLiteral("11010519491231002X");
        in.materials = {{QStringLiteral("个体工商户登记申请书"), 1, QStringLiteral("paper"), true}};
        in.handoverMethod = QStringLiteral("post");
        auto receipt = cases::CrossProvinceService(db, fuzz::fuzzClock(), nullptr, window).receive(in);
        if (receipt.ok())
            r.receiptId = receipt->localId;
        else
            std::fprintf(stderr, "fuzz: no receipt of our own: %s\n", qPrintable(receipt.error().message));
        cases::UnresolvedInput u;
        u.category = QStringLiteral("other");
        u.description = QStringLiteral("窗口无法一次办结");
        u.applicantName = QStringLiteral("刘建国");
        u.applicantPhone = QStringLiteral("13907312288");
        auto request = cases::UnresolvedRequestService(db, fuzz::fuzzClock(), nullptr, window).record(u);
        if (request.ok())
            r.requestId = request.value();
        else
            std::fprintf(stderr, "fuzz: no request of our own: %s\n", qPrintable(request.error().message));
        return r;
    }();
    return rows;
}

std::unique_ptr<storage::StreamApplier> applierFor(int which, storage::Database &db) {
    switch (which) {
    case 0:
        return std::make_unique<cases::CrossProvinceStreamApplier>(db, fuzz::fuzzClock());
    case 1:
        return std::make_unique<cases::UnresolvedStreamApplier>(db, fuzz::fuzzClock());
    default:
        return std::make_unique<cases::CommitmentCheckStreamApplier>(db, fuzz::fuzzClock());
    }
}

void page(storage::StreamApplier &applier, const QByteArray &body) {
    auto read = sync::readChangePage(body, applier.listKey(), applier.stream());
    if (!read.ok()) {
        fuzz::check(read.error().code == QStringLiteral("bad_page"));
        return;
    }
    fuzz::check(!read->nextCursor.isEmpty());
    const Status st = fuzz::inRolledBackWrite([&]() -> Status {
        auto applied = applier.applyPage(read->records);
        if (!applied.ok())
            return applied.error();
        fuzz::check(applied->applied + applied->rejected.size() <= read->records.size());
        return {};
    });
    if (!st.ok()) {
        std::fprintf(stderr, "fuzz: %s refused a page with %s: %s\n", qPrintable(applier.stream()),
                     qPrintable(st.error().code), qPrintable(st.error().message));
        fuzz::check(false);
    }
}

// The answer to one of our writes, as the pusher hands it over: the body's object.
void answer(int which, storage::StreamApplier &applier, const QByteArray &body, bool child) {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return;
    storage::OutboxEntry e;
    e.opId = QStringLiteral("fuzz-op");
    e.method = QStringLiteral("POST");
    e.state = QStringLiteral("in_flight");
    if (which == 0) {
        e.kind = child ? QStringLiteral("cross_province_event") : QStringLiteral("cross_province_receipt");
        e.localId = child ? QStringLiteral("fuzz-event") : ownRows().receiptId;
        e.parentLocalId = child ? ownRows().receiptId : QString();
    } else if (which == 1) {
        e.kind = QStringLiteral("unresolved_request");
        e.localId = ownRows().requestId;
    } else {
        e.kind = QStringLiteral("commitment_check_result");
        e.localId = QStringLiteral("fuzz-result");
    }
    const Status st = fuzz::inRolledBackWrite([&]() -> Status {
        (void)applier.answerComplete(e, doc.object());
        return applier.applyAnswer(e, doc.object());
    });
    if (!st.ok() && st.error().code != QStringLiteral("bad_answer")) {
        std::fprintf(stderr, "fuzz: %s refused an answer with %s: %s\n", qPrintable(e.kind),
                     qPrintable(st.error().code), qPrintable(st.error().message));
        fuzz::check(false);
    }
}

void leaderboard(const QByteArray &body) {
    auto entries = sync::parseTrainingLeaderboard(body);
    if (!entries.ok()) {
        fuzz::check(entries.error().code == QStringLiteral("bad_response"));
        return;
    }
    for (const auto &e : entries.value())
        fuzz::check(!e.traineeId.isEmpty() && std::isfinite(e.bestScore) && e.bestDurationS >= 0);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    storage::Database &db = fuzz::fuzzDatabase();
    (void)ownRows();
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const int pick = data[0] % 8;
    if (pick == 7) {
        leaderboard(body);
        return 0;
    }
    const int which = pick % 3; // cross-province, unresolved requests, commitment checks
    auto applier = applierFor(which, db);
    if (pick < 3)
        page(*applier, body);
    else
        answer(which, *applier, body, pick == 6);
    return 0;
}
