#include "question.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

QString kindName(QuestionKind k) {
    switch (k) {
    case QuestionKind::Single:
        return u"single"_s;
    case QuestionKind::Multiple:
        return u"multiple"_s;
    case QuestionKind::TrueFalse:
        return u"true_false"_s;
    }
    return {};
}

std::optional<QuestionKind> kindFromName(const QString &name) {
    if (name == u"single")
        return QuestionKind::Single;
    if (name == u"multiple")
        return QuestionKind::Multiple;
    if (name == u"true_false")
        return QuestionKind::TrueFalse;
    return std::nullopt;
}

QStringList generatedCategories() {
    return {QString::fromUtf16(category::Materials),   QString::fromUtf16(category::TimeLimits),
            QString::fromUtf16(category::Departments), QString::fromUtf16(category::Commitment),
            QString::fromUtf16(category::Bundles),     QString::fromUtf16(category::Instant)};
}

QStringList trueFalseOptions() {
    return {u"正确"_s, u"错误"_s};
}

QString Question::contentSha256() const {
    QJsonArray opts;
    for (const QString &o : options)
        opts.append(o);
    QJsonArray right;
    for (int c : correct)
        right.append(c);
    // An array, not an object: its order is fixed without relying on key sorting.
    const QJsonArray content{kindName(kind),
                             category,
                             QJsonArray::fromStringList(tags),
                             difficulty,
                             stem,
                             opts,
                             right,
                             explanation,
                             sourceItemCode,
                             sourceItemVersion};
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(content).toJson(QJsonDocument::Compact),
                                                        QCryptographicHash::Sha256)
                                   .toHex());
}

QString foldText(const QString &s) {
    QString n = s.normalized(QString::NormalizationForm_KC);
    n.removeIf([](QChar c) { return c.isSpace(); });
    return n.toCaseFolded();
}

Status validateQuestion(const Question &q) {
    auto fail = [](const QString &m) {
        return Status(Error{u"invalid_question"_s, m});
    };
    if (q.stem.trimmed().isEmpty())
        return fail(u"题干不能为空"_s);
    if (q.category.trimmed().isEmpty())
        return fail(u"题目分类不能为空"_s);
    if (q.difficulty < 1 || q.difficulty > 5)
        return fail(u"难度须为 1 至 5"_s);
    if (q.options.size() < 2)
        return fail(u"至少需要两个选项"_s);
    QSet<QString> seen;
    for (qsizetype i = 0; i < q.options.size(); ++i) {
        const QString f = foldText(q.options.at(i));
        if (f.isEmpty())
            return fail(u"第 %1 个选项为空"_s.arg(i + 1));
        if (seen.contains(f))
            return fail(u"选项“%1”重复"_s.arg(q.options.at(i)));
        seen.insert(f);
    }
    if (q.correct.isEmpty())
        return fail(u"没有正确选项"_s);
    for (qsizetype i = 0; i < q.correct.size(); ++i) {
        const int c = q.correct.at(i);
        if (c < 0 || c >= q.options.size())
            return fail(u"正确选项编号 %1 超出范围"_s.arg(c));
        if (i > 0 && c <= q.correct.at(i - 1))
            return fail(u"正确选项须按顺序列出且不重复"_s);
    }
    switch (q.kind) {
    case QuestionKind::Single:
        if (q.correct.size() != 1)
            return fail(u"单选题只能有一个正确选项"_s);
        break;
    case QuestionKind::TrueFalse:
        if (q.options != trueFalseOptions())
            return fail(u"判断题的选项须为“正确”“错误”"_s);
        if (q.correct.size() != 1)
            return fail(u"判断题只能有一个正确选项"_s);
        break;
    case QuestionKind::Multiple:
        if (q.options.size() < 3)
            return fail(u"多选题至少需要三个选项"_s);
        if (q.correct.size() < 2)
            return fail(u"多选题至少需要两个正确选项"_s);
        if (q.correct.size() == q.options.size())
            return fail(u"多选题须至少有一个错误选项"_s);
        break;
    }
    return {};
}

quint64 mix64(quint64 z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

quint64 stableHash64(QStringView s) {
    quint64 h = 0xCBF29CE484222325ULL;
    for (QChar c : s) {
        h ^= c.unicode();
        h *= 0x100000001B3ULL;
    }
    return mix64(h);
}

quint64 SplitMix64::next() {
    m_state += 0x9E3779B97F4A7C15ULL;
    return mix64(m_state);
}

quint64 SplitMix64::below(quint64 n) {
    // Rejection sampling: drop the top partial range so every value is equally likely.
    const quint64 limit = (~quint64(0)) - ((~quint64(0)) % n + 1) % n;
    quint64 x = next();
    while (x > limit)
        x = next();
    return x % n;
}

} // namespace windowdesk::training
