#pragma once
// Question banks in and out of the hall (issue 15): JSON (the program's own format) and CSV (a bank made in
// Excel or WPS: a header row, one question per row). Reading never touches the database: it turns the bytes
// into questions and a line-by-line list of problems; QuestionBank::importQuestions then writes all of them
// in one transaction, or nothing when there is any problem. windowdeskctl can call the same functions.
//
// CSV columns (header names in Chinese or English, any order; 序号 is ignored):
//   编号/id (empty for a new question), 题型/kind (单选, 多选, 判断 or single, multiple, true_false),
//   分类/category, 标签/tags (separated by ; ， 、 |), 难度/difficulty (1–5, default 2), 题干/stem,
//   选项A … 选项H / option_a … option_h, 答案/answer (letters such as AC or A,C; for 判断: 正确/错误, 对/错,
//   √/×, A/B), 解析/explanation; 来源/source, 版本/version and 状态/status (written by the export) are
//   ignored.
// Text: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text", tab-separated), else GB18030
// (what Excel and WPS save as "CSV" on a Chinese Windows). Comma, or tab when the header has tabs only.
#include <windowdesk/core/result.h>
#include <windowdesk/training/question.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <variant>

namespace windowdesk::training {

// A problem of one line (CSV: the line in the file where the row starts, 1-based; JSON: the question's
// number, 1-based, or the line of a syntax error).
struct ImportProblem {
    int line = 0;
    QString message; // Chinese, names the field and the rule
};

struct ImportRow {
    int line = 0;
    Question question; // id as in the file (may be empty)
};

struct ParsedBank {
    QList<ImportRow> rows;
    QList<ImportProblem> problems;
    QString encoding; // UTF-8, UTF-8 (BOM), UTF-16LE, UTF-16BE, GB18030
};

enum class BankFormat { Json, Csv };
// By the file's suffix (.json, .csv, .txt as tab-separated CSV); nullopt for anything else.
std::optional<BankFormat> bankFormatForPath(const QString &path);

// The bytes as text by the rules above; error bad_encoding when GB18030 cannot read them either.
Result<QString> decodeBankText(const QByteArray &bytes, QString *encoding = nullptr);

ParsedBank parseBankJson(const QByteArray &bytes);
ParsedBank parseBankCsv(const QByteArray &bytes);
ParsedBank parseBank(const QByteArray &bytes, BankFormat format);

// {"format": "windowdesk.question_bank", "version": 1, "questions": [{"id", "version", "kind", "category",
// "tags", "difficulty", "stem", "options", "correct", "explanation", "source", "status"}]}, indented UTF-8.
QByteArray bankToJson(const QList<Question> &questions);
// UTF-8 with a BOM (Excel opens it as UTF-8), CRLF lines, the Chinese header; cells that a spreadsheet would
// read as a formula (= + - @ first) are written with a leading ' so they stay text.
QByteArray bankToCsv(const QList<Question> &questions);

// Tags typed in one field or cell: split at ; ， 、 | (and their full-width forms), trimmed, no repeats.
QStringList splitTags(const QString &text);
// The right options an answer names — letters (AC, A,C, a、c) or, for 判断, 正确/错误, 对/错, √/×, A/B — as
// ascending option indexes; or why it cannot be read (Chinese).
std::variant<QList<int>, QString> readAnswerText(const QString &answer, QuestionKind kind, int optionCount);

// The letters of the right options (A, C → "AC"); 判断: 正确 or 错误.
QString answerText(const Question &q);
// Two questions that read the same to a trainee: kind, stem and the set of options (folded: white space,
// full-width forms and case do not count). A file may hold one of them only; an id-less row matches the bank
// by it.
QString contentKey(const Question &q);
// What the trainee sees differs: kind, category, tags, difficulty, stem, options, right answers, explanation.
bool sameContent(const Question &a, const Question &b);

} // namespace windowdesk::training
