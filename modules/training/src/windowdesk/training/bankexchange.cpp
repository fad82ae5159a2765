#include "bankexchange.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <algorithm>
#include <variant>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {

constexpr int kMaxOptions = 8; // 选项A … 选项H

QChar letter(int i) {
    return QChar(u'A' + i);
}

// One CSV record with the line it starts on.
struct CsvRecord {
    int line = 0;
    QStringList cells;
};

// RFC 4180 with what spreadsheets write: quoted cells may hold the separator, doubled quotes and line breaks;
// CRLF, LF or CR end a record.
QList<CsvRecord> splitCsv(const QString &text, QChar separator) {
    QList<CsvRecord> out;
    CsvRecord rec{1, {}};
    QString cell;
    bool quoted = false, cellStarted = false;
    int line = 1;
    auto endCell = [&] {
        rec.cells.append(cell);
        cell.clear();
        cellStarted = false;
    };
    auto endRecord = [&](int nextLine) {
        endCell();
        out.append(rec);
        rec = CsvRecord{nextLine, {}};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    cell += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n' || (c == u'\r' && !(i + 1 < text.size() && text.at(i + 1) == u'\n')))
                    ++line;
                cell += c;
            }
            continue;
        }
        if (c == u'"' && !cellStarted && cell.isEmpty()) {
            quoted = true;
            cellStarted = true;
        } else if (c == separator) {
            endCell();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            ++line;
            endRecord(line);
        } else {
            cell += c;
            cellStarted = true;
        }
    }
    if (cellStarted || !cell.isEmpty() || !rec.cells.isEmpty())
        endRecord(line);
    return out;
}

// The column a header cell names (folded: full-width forms, white space and case do not matter).
enum class Column {
    Id,
    Kind,
    Category,
    Tags,
    Difficulty,
    Stem,
    Option,
    Answer,
    Explanation,
    Ignored,
    Unknown
};

Column columnOf(const QString &header, int *option) {
    const QString h = foldText(header);
    static const QHash<QString, Column> names{
        {u"编号"_s, Column::Id},          {u"id"_s, Column::Id},
        {u"题型"_s, Column::Kind},        {u"kind"_s, Column::Kind},
        {u"分类"_s, Column::Category},    {u"category"_s, Column::Category},
        {u"标签"_s, Column::Tags},        {u"tags"_s, Column::Tags},
        {u"难度"_s, Column::Difficulty},  {u"difficulty"_s, Column::Difficulty},
        {u"题干"_s, Column::Stem},        {u"stem"_s, Column::Stem},
        {u"答案"_s, Column::Answer},      {u"answer"_s, Column::Answer},
        {u"解析"_s, Column::Explanation}, {u"explanation"_s, Column::Explanation},
        {u"序号"_s, Column::Ignored},     {u"来源"_s, Column::Ignored},
        {u"source"_s, Column::Ignored},   {u"版本"_s, Column::Ignored},
        {u"version"_s, Column::Ignored},  {u"状态"_s, Column::Ignored},
        {u"status"_s, Column::Ignored},
    };
    if (const auto it = names.constFind(h); it != names.cend())
        return it.value();
    static const QRegularExpression opt(u"^(?:选项|option_?)([a-h])$"_s);
    if (const auto m = opt.match(h); m.hasMatch()) {
        *option = m.captured(1).at(0).unicode() - u'a';
        return Column::Option;
    }
    return Column::Unknown;
}

std::optional<QuestionKind> kindFromText(const QString &text) {
    const QString k = foldText(text);
    if (k == u"单选" || k == u"单选题" || k == u"single")
        return QuestionKind::Single;
    if (k == u"多选" || k == u"多选题" || k == u"multiple")
        return QuestionKind::Multiple;
    if (k == u"判断" || k == u"判断题" || k == u"true_false" || k == u"truefalse")
        return QuestionKind::TrueFalse;
    return std::nullopt;
}

QString kindText(QuestionKind k) {
    switch (k) {
    case QuestionKind::Single:
        return u"单选"_s;
    case QuestionKind::Multiple:
        return u"多选"_s;
    case QuestionKind::TrueFalse:
        return u"判断"_s;
    }
    return {};
}

} // namespace

QStringList splitTags(const QString &text) {
    static const QRegularExpression sep(u"[;；,，、|]"_s);
    QStringList out;
    for (const QString &t : text.split(sep, Qt::SkipEmptyParts))
        if (const QString s = t.trimmed(); !s.isEmpty() && !out.contains(s))
            out.append(s);
    return out;
}

// The right options of `answer` (letters, or 正确/错误 for 判断); an error message when it cannot be read.
std::variant<QList<int>, QString> readAnswerText(const QString &answer, QuestionKind kind, int optionCount) {
    const QString a = foldText(answer);
    if (a.isEmpty())
        return u"答案为空"_s;
    if (kind == QuestionKind::TrueFalse) {
        static const QSet<QString> yes{u"正确"_s, u"对"_s, u"√"_s, u"a"_s, u"t"_s, u"true"_s, u"是"_s};
        static const QSet<QString> no{u"错误"_s, u"错"_s, u"×"_s,     u"x"_s,
                                      u"b"_s,    u"f"_s,  u"false"_s, u"否"_s};
        if (yes.contains(a))
            return QList<int>{0};
        if (no.contains(a))
            return QList<int>{1};
        return u"判断题的答案须为“正确”或“错误”，而不是“%1”"_s.arg(answer.trimmed());
    }
    QList<int> out;
    for (const QChar c : a) {
        if (c == u',' || c == u'、' || c == u';')
            continue;
        const int i = c.unicode() - u'a';
        if (i < 0 || i >= kMaxOptions)
            return u"答案“%1”中的“%2”不是选项字母（A–H）"_s.arg(answer.trimmed(), QString(c).toUpper());
        if (i >= optionCount)
            return u"答案中的 %1 没有对应的选项"_s.arg(letter(i));
        if (out.contains(i))
            return u"答案中的 %1 重复"_s.arg(letter(i));
        out.append(i);
    }
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

// Checks one question read from a file: the stored-question rules, and an id that is a bank id.
QString rowProblem(const Question &q) {
    if (!q.id.isEmpty() && !q.id.startsWith(u"t-"_s) && !q.id.startsWith(u"g-"_s))
        return u"编号“%1”不是题库编号（t-… 或 g-…）；新题的编号请留空"_s.arg(q.id);
    if (const Status s = validateQuestion(q); !s)
        return s.error().message;
    return {};
}

// Problems of rows that repeat an earlier row of the file (same kind and stem, folded).
void checkRepeats(ParsedBank &bank, const QString &unit) {
    QHash<QString, int> firstLine;
    QList<ImportRow> kept;
    for (const ImportRow &r : std::as_const(bank.rows)) {
        const QString key = contentKey(r.question);
        if (const auto it = firstLine.constFind(key); it != firstLine.cend()) {
            bank.problems.append(
                {r.line, u"与第 %1 %2的题目重复（题型、题干和选项都相同）"_s.arg(it.value()).arg(unit)});
            continue;
        }
        firstLine.insert(key, r.line);
        kept.append(r);
    }
    bank.rows = kept;
}

struct CsvLayout {
    QHash<Column, int> at; // column → index (options separately)
    int optionAt[kMaxOptions];
};

// Reads the header row; problems name the line-1 cells.
CsvLayout readHeader(const CsvRecord &header, QList<ImportProblem> &problems) {
    CsvLayout l;
    std::fill(std::begin(l.optionAt), std::end(l.optionAt), -1);
    for (int i = 0; i < header.cells.size(); ++i) {
        const QString h = header.cells.at(i).trimmed();
        if (h.isEmpty())
            continue; // an empty trailing column a spreadsheet left
        int option = -1;
        const Column c = columnOf(h, &option);
        if (c == Column::Unknown) {
            problems.append({header.line, u"无法识别的列“%1”"_s.arg(h)});
        } else if (c == Column::Option) {
            l.optionAt[option] = i;
        } else if (c != Column::Ignored) {
            if (l.at.contains(c))
                problems.append({header.line, u"列“%1”出现了两次"_s.arg(h)});
            l.at.insert(c, i);
        }
    }
    const QList<std::pair<Column, QString>> required{{Column::Kind, u"题型"_s},
                                                     {Column::Category, u"分类"_s},
                                                     {Column::Stem, u"题干"_s},
                                                     {Column::Answer, u"答案"_s}};
    for (const auto &[c, name] : required)
        if (!l.at.contains(c))
            problems.append({header.line, u"缺少“%1”列"_s.arg(name)});
    return l;
}

// A cell's text, trimmed; the ' that an export puts before a formula-looking text (=, +, -, @) is taken off.
QString cellText(const CsvRecord &rec, int i) {
    QString t = i >= 0 && i < rec.cells.size() ? rec.cells.at(i).trimmed() : QString();
    if (t.size() > 1 && t.at(0) == u'\'' && QStringView(u"=+-@").contains(t.at(1)))
        t.remove(0, 1);
    return t;
}

// One data row into a question; the first problem found, or an empty string.
QString readRow(const CsvRecord &rec, const CsvLayout &l, Question &q) {
    auto cell = [&](Column c) {
        return cellText(rec, l.at.value(c, -1));
    };
    q.id = cell(Column::Id);
    const auto kind = kindFromText(cell(Column::Kind));
    if (!kind)
        return cell(Column::Kind).isEmpty()
                   ? u"题型为空"_s
                   : u"题型“%1”无法识别（应为单选、多选或判断）"_s.arg(cell(Column::Kind));
    q.kind = *kind;
    q.category = cell(Column::Category);
    q.tags = splitTags(cell(Column::Tags));
    if (const QString d = cell(Column::Difficulty); !d.isEmpty()) {
        bool ok = false;
        q.difficulty = foldText(d).toInt(&ok);
        if (!ok || q.difficulty < 1 || q.difficulty > 5)
            return u"难度“%1”须为 1 至 5 的整数"_s.arg(d);
    }
    q.stem = cell(Column::Stem);
    q.explanation = cell(Column::Explanation);
    if (q.kind == QuestionKind::TrueFalse) {
        q.options = trueFalseOptions();
    } else {
        int last = -1;
        for (int o = 0; o < kMaxOptions; ++o)
            if (!cellText(rec, l.optionAt[o]).isEmpty())
                last = o;
        for (int o = 0; o <= last; ++o) {
            const QString text = cellText(rec, l.optionAt[o]);
            if (text.isEmpty())
                return u"选项%1为空，但后面还有选项"_s.arg(letter(o));
            q.options.append(text);
        }
    }
    const auto answer = readAnswerText(cell(Column::Answer), q.kind, int(q.options.size()));
    if (const auto *message = std::get_if<QString>(&answer))
        return *message;
    q.correct = std::get<QList<int>>(answer);
    return rowProblem(q);
}

QJsonObject questionJson(const Question &q) {
    QJsonArray correct;
    for (int c : q.correct)
        correct.append(c);
    return QJsonObject{{u"id"_s, q.id},
                       {u"version"_s, q.version},
                       {u"kind"_s, kindName(q.kind)},
                       {u"category"_s, q.category},
                       {u"tags"_s, QJsonArray::fromStringList(q.tags)},
                       {u"difficulty"_s, q.difficulty},
                       {u"stem"_s, q.stem},
                       {u"options"_s, QJsonArray::fromStringList(q.options)},
                       {u"correct"_s, correct},
                       {u"explanation"_s, q.explanation},
                       {u"source"_s, q.generated ? u"generated"_s : u"trainer"_s},
                       {u"status"_s, q.active ? u"active"_s : u"retired"_s}};
}

// One JSON question; the first problem found, or an empty string.
QString readJsonQuestion(const QJsonValue &v, Question &q) {
    if (!v.isObject())
        return u"不是一个对象"_s;
    const QJsonObject o = v.toObject();
    auto text = [&](const QString &key, QString *out) -> QString {
        const QJsonValue x = o.value(key);
        if (x.isUndefined() || x.isNull())
            return {};
        if (!x.isString())
            return u"“%1”须为文本"_s.arg(key);
        *out = x.toString().trimmed();
        return {};
    };
    QString kind;
    for (const auto &[key, out] :
         {std::pair{u"id"_s, &q.id}, std::pair{u"kind"_s, &kind}, std::pair{u"category"_s, &q.category},
          std::pair{u"stem"_s, &q.stem}, std::pair{u"explanation"_s, &q.explanation}})
        if (QString p = text(key, out); !p.isEmpty())
            return p;
    const auto k = kindFromText(kind);
    if (!k)
        return kind.isEmpty() ? u"缺少题型（kind）"_s : u"题型“%1”无法识别"_s.arg(kind);
    q.kind = *k;
    const QJsonValue tags = o.value(u"tags"_s);
    if (tags.isString())
        q.tags = splitTags(tags.toString());
    else
        for (const auto &t : tags.toArray())
            q.tags.append(t.toString().trimmed());
    if (const QJsonValue d = o.value(u"difficulty"_s); !d.isUndefined()) {
        if (!d.isDouble() || d.toDouble() != double(d.toInt()))
            return u"难度须为 1 至 5 的整数"_s;
        q.difficulty = d.toInt();
    }
    for (const auto &opt : o.value(u"options"_s).toArray())
        q.options.append(opt.toString().trimmed());
    if (q.kind == QuestionKind::TrueFalse && q.options.isEmpty())
        q.options = trueFalseOptions();
    if (const QJsonValue c = o.value(u"correct"_s); c.isArray()) {
        for (const auto &i : c.toArray()) {
            if (!i.isDouble())
                return u"“correct”须为选项序号（从 0 起）的数组"_s;
            q.correct.append(i.toInt());
        }
        std::sort(q.correct.begin(), q.correct.end());
    } else {
        const auto answer = readAnswerText(o.value(u"answer"_s).toString(), q.kind, int(q.options.size()));
        if (const auto *message = std::get_if<QString>(&answer))
            return *message;
        q.correct = std::get<QList<int>>(answer);
    }
    return rowProblem(q);
}

QString csvCell(QString s) {
    if (!s.isEmpty() && (s.at(0) == u'=' || s.at(0) == u'+' || s.at(0) == u'-' || s.at(0) == u'@'))
        s.prepend(u'\'');
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r'))
        return u'"' + s.replace(u"\""_s, u"\"\""_s) + u'"';
    return s;
}

} // namespace

std::optional<BankFormat> bankFormatForPath(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"json")
        return BankFormat::Json;
    if (suffix == u"csv" || suffix == u"txt")
        return BankFormat::Csv;
    return std::nullopt;
}

Result<QString> decodeBankText(const QByteArray &bytes, QString *encoding) {
    auto set = [&](const QString &e) {
        if (encoding)
            *encoding = e;
    };
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        set(u"UTF-8 (BOM)"_s);
        return QString::fromUtf8(bytes.mid(3));
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const bool le = bytes.startsWith("\xFF\xFE");
        QStringDecoder d(le ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
        const QString s = d.decode(bytes.mid(2));
        if (!d.hasError()) {
            set(le ? u"UTF-16LE"_s : u"UTF-16BE"_s);
            return s;
        }
    }
    {
        QStringDecoder utf8(QStringConverter::Utf8);
        const QString s = utf8.decode(bytes);
        if (!utf8.hasError()) {
            set(u"UTF-8"_s);
            return s;
        }
    }
    QStringDecoder gb("GB18030");
    if (gb.isValid()) {
        const QString s = gb.decode(bytes);
        if (!gb.hasError()) {
            set(u"GB18030"_s);
            return s;
        }
    }
    return Error{u"bad_encoding"_s, u"文件既不是 UTF-8 也不是 GB18030 编码，无法读取"_s};
}

ParsedBank parseBankCsv(const QByteArray &bytes) {
    ParsedBank bank;
    auto text = decodeBankText(bytes, &bank.encoding);
    if (!text) {
        bank.problems.append({0, text.error().message});
        return bank;
    }
    const QString &t = text.value();
    const QString firstLine = t.section(u'\n', 0, 0);
    const QChar sep = (firstLine.contains(u'\t') && !firstLine.contains(u',')) ? u'\t' : u',';
    QList<CsvRecord> records = splitCsv(t, sep);
    // Rows with no text at all (spreadsheets end files with them) are not questions.
    records.removeIf([](const CsvRecord &r) {
        return std::all_of(r.cells.cbegin(), r.cells.cend(),
                           [](const QString &c) { return c.trimmed().isEmpty(); });
    });
    if (records.isEmpty()) {
        bank.problems.append({1, u"文件是空的：第一行须为表头（题型、分类、题干、选项A…、答案…）"_s});
        return bank;
    }
    const CsvLayout layout = readHeader(records.first(), bank.problems);
    if (!bank.problems.isEmpty())
        return bank;
    for (qsizetype i = 1; i < records.size(); ++i) {
        Question q;
        q.generated = false;
        if (const QString p = readRow(records.at(i), layout, q); !p.isEmpty())
            bank.problems.append({records.at(i).line, p});
        else
            bank.rows.append({records.at(i).line, q});
    }
    if (records.size() == 1)
        bank.problems.append({1, u"只有表头，没有题目"_s});
    checkRepeats(bank, u"行"_s);
    return bank;
}

ParsedBank parseBankJson(const QByteArray &bytes) {
    ParsedBank bank;
    auto text = decodeBankText(bytes, &bank.encoding);
    if (!text) {
        bank.problems.append({0, text.error().message});
        return bank;
    }
    QJsonParseError err;
    const QByteArray utf8 = text.value().toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &err);
    if (err.error != QJsonParseError::NoError) {
        const int line = int(utf8.left(err.offset).count('\n')) + 1;
        bank.problems.append({line, u"JSON 格式错误：%1（第 %2 行）"_s.arg(err.errorString()).arg(line)});
        return bank;
    }
    const QJsonArray questions = doc.isArray() ? doc.array() : doc.object().value(u"questions"_s).toArray();
    if (questions.isEmpty()) {
        bank.problems.append({0, u"文件中没有题目（应为题目数组，或含 \"questions\" 数组的对象）"_s});
        return bank;
    }
    for (qsizetype i = 0; i < questions.size(); ++i) {
        Question q;
        if (const QString p = readJsonQuestion(questions.at(i), q); !p.isEmpty())
            bank.problems.append({int(i + 1), p});
        else
            bank.rows.append({int(i + 1), q});
    }
    checkRepeats(bank, u"题"_s);
    return bank;
}

ParsedBank parseBank(const QByteArray &bytes, BankFormat format) {
    return format == BankFormat::Json ? parseBankJson(bytes) : parseBankCsv(bytes);
}

QByteArray bankToJson(const QList<Question> &questions) {
    QJsonArray list;
    for (const Question &q : questions)
        list.append(questionJson(q));
    return QJsonDocument(QJsonObject{{u"format"_s, u"windowdesk.question_bank"_s},
                                     {u"version"_s, 1},
                                     {u"questions"_s, list}})
        .toJson(QJsonDocument::Indented);
}

QByteArray bankToCsv(const QList<Question> &questions) {
    int options = 4;
    for (const Question &q : questions)
        if (q.kind != QuestionKind::TrueFalse)
            options = std::max(options, int(q.options.size()));
    options = std::min(options, kMaxOptions);
    QStringList header{u"编号"_s, u"题型"_s, u"分类"_s, u"标签"_s, u"难度"_s, u"题干"_s};
    for (int o = 0; o < options; ++o)
        header.append(u"选项"_s + letter(o));
    header << u"答案"_s << u"解析"_s << u"来源"_s << u"版本"_s << u"状态"_s;
    QString out = header.join(u',') + u"\r\n"_s;
    for (const Question &q : questions) {
        QStringList row{
            q.id, kindText(q.kind), q.category, q.tags.join(u'；'), QString::number(q.difficulty), q.stem};
        for (int o = 0; o < options; ++o)
            row.append(q.kind != QuestionKind::TrueFalse && o < q.options.size() ? q.options.at(o)
                                                                                 : QString());
        row << answerText(q) << q.explanation << (q.generated ? u"生成"_s : u"自编"_s)
            << QString::number(q.version) << (q.active ? u"在用"_s : u"已停用"_s);
        for (QString &c : row)
            c = csvCell(c);
        out += row.join(u',') + u"\r\n"_s;
    }
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

QString contentKey(const Question &q) {
    QStringList options;
    for (const QString &o : q.options)
        options.append(foldText(o));
    options.sort();
    return kindName(q.kind) + u'|' + foldText(q.stem) + u'|' + options.join(u'|');
}

QString answerText(const Question &q) {
    if (q.kind == QuestionKind::TrueFalse)
        return q.correct.value(0) == 0 ? u"正确"_s : u"错误"_s;
    QString s;
    for (int c : q.correct)
        s += letter(c);
    return s;
}

bool sameContent(const Question &a, const Question &b) {
    return a.kind == b.kind && a.category == b.category && a.tags == b.tags && a.difficulty == b.difficulty &&
           a.stem == b.stem && a.options == b.options && a.correct == b.correct &&
           a.explanation == b.explanation;
}

} // namespace windowdesk::training
