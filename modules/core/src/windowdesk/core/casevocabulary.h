#pragma once
// The words of a case as enums (issue 12): the decision at the window, the case's status, a material's status
// and a ticket's status, each with the one place that turns it to and from the text stored in the database
// and sent to the platform (db/migrations/0001_init.sql CHECKs, platform-api.md), and the one Chinese label
// the notices and the lists print.
#include <QString>
#include <QStringView>

#include <optional>

namespace windowdesk::core {

enum class Decision { Accepted, CorrectionRequired, Rejected };
enum class CaseStatus {
    Accepted,
    InProgress,
    Suspended,
    Completed,
    Delivered,
    Rejected,
    Withdrawn,
    CorrectionRequired
};
enum class MaterialStatus { Paper, Electronic, Commitment, Missing };
enum class TicketStatus { Waiting, Called, Serving, Done, NoShow, Transferred, Held };

QString toString(Decision d);       // accepted | correction_required | rejected
QString toString(CaseStatus s);     // accepted | in_progress | suspended | completed | delivered | …
QString toString(MaterialStatus s); // paper | electronic | commitment | missing
QString toString(TicketStatus s);   // waiting | called | serving | done | no_show | transferred | held
std::optional<Decision> decisionFromString(QStringView text);
std::optional<CaseStatus> caseStatusFromString(QStringView text);
std::optional<MaterialStatus> materialStatusFromString(QStringView text);
std::optional<TicketStatus> ticketStatusFromString(QStringView text);
// Whether stored text names the value: `is(row.status, CaseStatus::Suspended)` (no allocation; the spelling
// stays in this one place).
bool is(QStringView text, Decision d);
bool is(QStringView text, CaseStatus s);
bool is(QStringView text, MaterialStatus s);
bool is(QStringView text, TicketStatus s);

// The case is over for the window and the board: completed, delivered, rejected, withdrawn, or sent back for
// correction (a new case comes when the applicant returns).
bool isFinished(CaseStatus s);

// 受理 / 一次性告知补正 / 不予受理
QString label(Decision d);
// 已受理 / 办理中 / 已挂起 / 已办结 / 已送达 / 不予受理 / 已撤回 / 待补正
QString label(CaseStatus s);
// 纸质 / 电子证照 / 告知承诺 / 缺少
QString label(MaterialStatus s);

} // namespace windowdesk::core
