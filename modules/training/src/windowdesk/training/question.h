#pragma once
// A question of the training bank (题库): single choice, multiple choice or true/false, with its category,
// tags, difficulty, explanation (shown after answering), options and the set of right ones. Generated from
// the catalog (source item and version kept) or written by a trainer. Versioned: an edit or a catalog change
// retires the active version and adds the next one under the same id.
#include <windowdesk/core/result.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace windowdesk::training {

enum class QuestionKind { Single, Multiple, TrueFalse };
QString kindName(QuestionKind k); // single, multiple, true_false
std::optional<QuestionKind> kindFromName(const QString &name);

// The six categories the catalog generator writes (cli.md); trainers may name any other.
namespace category {
inline constexpr char16_t Materials[] = u"materials";
inline constexpr char16_t TimeLimits[] = u"time_limits";
inline constexpr char16_t Departments[] = u"departments";
inline constexpr char16_t Commitment[] = u"commitment";
inline constexpr char16_t Bundles[] = u"bundles";
inline constexpr char16_t Instant[] = u"instant"; // 即办件
} // namespace category
QStringList generatedCategories();

struct Question {
    QString id; // empty until stored
    int version = 0;
    QuestionKind kind = QuestionKind::Single;
    QString category;
    QStringList tags;
    int difficulty = 2; // 1 (easy) … 5
    QString stem;
    QStringList options; // true/false: exactly {"正确", "错误"}
    QList<int> correct;  // indexes into options, ascending, no repeats
    QString explanation;
    bool generated = false;
    QString genKey;            // generated: the template and its subject, stable across versions
    QString sourceItemCode;    // generated from this item …
    int sourceItemVersion = 0; // … at this version
    bool active = true;
    int uses = 0;
    QString createdBy;

    // SHA-256 (hex) of what the trainee sees and what is right (kind, category, tags, difficulty, stem,
    // options, correct, explanation) and of the source item's version: a change of any of them is a new
    // version.
    QString contentSha256() const;
};

// The two options of every true/false question, "true" first.
QStringList trueFalseOptions();

// Checks the shape rules every stored question keeps: a non-empty stem and category; options non-empty and
// pairwise different once white space and full-width forms are folded (two options that read the same are
// two right answers, or a right and a wrong one that cannot be told apart); correct ascending, unique, in
// range; single: exactly one right; true/false: the two fixed options and one right; multiple: at least
// three options and at least two right ones (多选题至少两个正确选项), not all of them. Error code
// invalid_question with a Chinese message naming the rule.
Status validateQuestion(const Question &q);

// Text folded for comparing names and options: NFKC, white space removed, case-folded.
QString foldText(const QString &s);

// A 64-bit hash of text that stays the same across runs, machines and Qt versions (qHash does not): FNV-1a
// over the UTF-16 code units, finished with splitmix64.
quint64 stableHash64(QStringView s);
// splitmix64's output function: spreads the bits of x.
quint64 mix64(quint64 x);

// A small deterministic generator (splitmix64): the same seed gives the same sequence everywhere.
class SplitMix64 {
public:
    explicit SplitMix64(quint64 seed)
        : m_state(seed) {}
    quint64 next();
    // Uniform in [0, n) (n > 0), without modulo bias.
    quint64 below(quint64 n);

private:
    quint64 m_state;
};

} // namespace windowdesk::training
