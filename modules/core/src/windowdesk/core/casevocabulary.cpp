#include "casevocabulary.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace windowdesk::core {

namespace {
template <typename E, std::size_t N>
QString textOf(const std::array<std::pair<E, QStringView>, N> &table, E value) {
    for (const auto &[e, text] : table)
        if (e == value)
            return text.toString();
    return {};
}
template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, QStringView>, N> &table, QStringView text) {
    for (const auto &[e, t] : table)
        if (t == text)
            return e;
    return std::nullopt;
}

constexpr std::array<std::pair<Decision, QStringView>, 3> kDecisions{{
    {Decision::Accepted, u"accepted"},
    {Decision::CorrectionRequired, u"correction_required"},
    {Decision::Rejected, u"rejected"},
}};
constexpr std::array<std::pair<CaseStatus, QStringView>, 8> kCaseStatuses{{
    {CaseStatus::Accepted, u"accepted"},
    {CaseStatus::InProgress, u"in_progress"},
    {CaseStatus::Suspended, u"suspended"},
    {CaseStatus::Completed, u"completed"},
    {CaseStatus::Delivered, u"delivered"},
    {CaseStatus::Rejected, u"rejected"},
    {CaseStatus::Withdrawn, u"withdrawn"},
    {CaseStatus::CorrectionRequired, u"correction_required"},
}};
constexpr std::array<std::pair<MaterialStatus, QStringView>, 4> kMaterialStatuses{{
    {MaterialStatus::Paper, u"paper"},
    {MaterialStatus::Electronic, u"electronic"},
    {MaterialStatus::Commitment, u"commitment"},
    {MaterialStatus::Missing, u"missing"},
}};
constexpr std::array<std::pair<TicketStatus, QStringView>, 7> kTicketStatuses{{
    {TicketStatus::Waiting, u"waiting"},
    {TicketStatus::Called, u"called"},
    {TicketStatus::Serving, u"serving"},
    {TicketStatus::Done, u"done"},
    {TicketStatus::NoShow, u"no_show"},
    {TicketStatus::Transferred, u"transferred"},
    {TicketStatus::Held, u"held"},
}};
template <typename E, std::size_t N>
bool names(const std::array<std::pair<E, QStringView>, N> &table, QStringView text, E value) {
    for (const auto &[e, t] : table)
        if (e == value)
            return t == text;
    return false;
}
} // namespace

bool is(QStringView text, Decision d) {
    return names(kDecisions, text, d);
}
bool is(QStringView text, CaseStatus s) {
    return names(kCaseStatuses, text, s);
}
bool is(QStringView text, MaterialStatus s) {
    return names(kMaterialStatuses, text, s);
}
bool is(QStringView text, TicketStatus s) {
    return names(kTicketStatuses, text, s);
}

QString toString(Decision d) {
    return textOf(kDecisions, d);
}
QString toString(CaseStatus s) {
    return textOf(kCaseStatuses, s);
}
QString toString(MaterialStatus s) {
    return textOf(kMaterialStatuses, s);
}
QString toString(TicketStatus s) {
    return textOf(kTicketStatuses, s);
}
std::optional<Decision> decisionFromString(QStringView text) {
    return valueOf(kDecisions, text);
}
std::optional<CaseStatus> caseStatusFromString(QStringView text) {
    return valueOf(kCaseStatuses, text);
}
std::optional<MaterialStatus> materialStatusFromString(QStringView text) {
    return valueOf(kMaterialStatuses, text);
}
std::optional<TicketStatus> ticketStatusFromString(QStringView text) {
    return valueOf(kTicketStatuses, text);
}

bool isFinished(CaseStatus s) {
    switch (s) {
    case CaseStatus::Completed:
    case CaseStatus::Delivered:
    case CaseStatus::Rejected:
    case CaseStatus::Withdrawn:
    case CaseStatus::CorrectionRequired:
        return true;
    case CaseStatus::Accepted:
    case CaseStatus::InProgress:
    case CaseStatus::Suspended:
        return false;
    }
    return false;
}

QString label(Decision d) {
    switch (d) {
    case Decision::Accepted:
        return u"受理"_s;
    case Decision::CorrectionRequired:
        return u"一次性告知补正"_s;
    case Decision::Rejected:
        return u"不予受理"_s;
    }
    return {};
}

QString label(CaseStatus s) {
    switch (s) {
    case CaseStatus::Accepted:
        return u"已受理"_s;
    case CaseStatus::InProgress:
        return u"办理中"_s;
    case CaseStatus::Suspended:
        return u"已挂起"_s;
    case CaseStatus::Completed:
        return u"已办结"_s;
    case CaseStatus::Delivered:
        return u"已送达"_s;
    case CaseStatus::Rejected:
        return u"不予受理"_s;
    case CaseStatus::Withdrawn:
        return u"已撤回"_s;
    case CaseStatus::CorrectionRequired:
        return u"待补正"_s;
    }
    return {};
}

QString label(MaterialStatus s) {
    switch (s) {
    case MaterialStatus::Paper:
        return u"纸质"_s;
    case MaterialStatus::Electronic:
        return u"电子证照"_s;
    case MaterialStatus::Commitment:
        return u"告知承诺"_s;
    case MaterialStatus::Missing:
        return u"缺少"_s;
    }
    return {};
}

} // namespace windowdesk::core
