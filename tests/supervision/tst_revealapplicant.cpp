// Revealing an applicant's full id number and phone on the supervision board (issue 13), by keys: F4 on a
// case taken in at this desk opens the dialog with the reason field focused; Enter without a reason or with
// one too short is refused with a message and shows and writes nothing; a reason typed and Enter shows the
// full values in the dialog only and writes exactly one audit row naming the case and the reason (never the
// values); the board's list stays masked. A case pulled from the hall-wide feed says the data is not held
// here and writes nothing; the service refuses a clerk and refuses to reveal without an audit log.
#include "intakefixture.h"

#include <windowdesk/cases/applicantreveal.h>
#include <windowdesk/cases/hallseeder.h>
#include <windowdesk/cases/syncappliers.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/supervision/boardmodels.h>
#include <windowdesk/supervision/revealdialog.h>
#include <windowdesk/supervision/supervisionpage.h>
#include <windowdesk/ui/messagebar.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::intake::test;
using windowdesk::supervision::BoardCasesModel;
using windowdesk::supervision::RevealDialog;
using windowdesk::supervision::SupervisionPage;

namespace {
storage::User supervisor() {
    storage::User u;
    u.id = u"u-demo-supervisor"_s;
    u.username = u"supervisor"_s;
    u.name = u"王强"_s;
    u.roles = {u"supervisor"_s};
    return u;
}

// A key to whatever has the focus, as the supervisor's keyboard does.
void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QWidget *w = QApplication::focusWidget();
    QVERIFY2(w, "nothing has the focus");
    QTest::keyClick(w, k, mods);
}

void type(const QString &text) {
    QWidget *w = QApplication::focusWidget();
    QVERIFY2(w, "nothing has the focus");
    typeText(w, text);
}

// Every text of every cell of `model`.
QStringList cells(const QAbstractItemModel *model) {
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 0; c < model->columnCount(); ++c)
            out << model->index(r, c).data().toString();
    return out;
}
} // namespace

class TestRevealApplicant : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<Fixture> f;

    int revealRows() const {
        return f->count(u"SELECT count(*) FROM audit_log WHERE action = 'applicant_revealed'"_s);
    }

    // The page shown and active, the keys on its list, drilled to the case list of the first window of the
    // open-cases tile (after typing `filter` at the rows level, if given).
    QTableView *openCaseList(SupervisionPage &page, const QString &filter = {}) {
        page.show();
        QApplication::setActiveWindow(&page);
        if (!QTest::qWaitForWindowActive(&page))
            return nullptr;
        page.setFocus();
        auto *view = page.findChild<QTableView *>(u"boardView"_s);
        if (QApplication::focusWidget() != view)
            return nullptr;
        key(Qt::Key_1, Qt::AltModifier); // the open cases
        if (!filter.isEmpty())
            type(filter);
        key(Qt::Key_Return);
        return page.level() == SupervisionPage::Level::Cases ? view : nullptr;
    }

    RevealDialog *pressF4(SupervisionPage &page) {
        key(Qt::Key_F4);
        auto *dialog = page.findChild<RevealDialog *>();
        if (!dialog || !QTest::qWaitForWindowActive(dialog))
            return nullptr;
        // The keys are in the reason field once the dialog is up.
        auto *reason = dialog->findChild<QLineEdit *>(u"revealReason"_s);
        if (!QTest::qWaitFor([reason] { return QApplication::focusWidget() == reason; }))
            return nullptr;
        return dialog;
    }

private slots:
    void init() {
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        f->clock.set(QDateTime(QDate(2026, 3, 30), QTime(2, 0), QTimeZone::utc()));
        QVERIFY(cases::HallSeeder(*f->db, f->clock).seed({120, 40, 5}).ok());
    }
    void cleanup() { f.reset(); }

    void revealWithAReasonByKeys() {
        SupervisionPage page(*f->db, f->clock, supervisor(), nullptr, f->audit.get());
        QTableView *view = openCaseList(page);
        QVERIFY(view);
        // Down to a natural person's case taken at this desk (an entity's row shows its USCC, public register
        // data, in place of an id number; which case comes first depends on the seeded hall).
        for (int i = 0; i < view->model()->rowCount(); ++i) {
            const QString id =
                view->currentIndex().siblingAtColumn(0).data(BoardCasesModel::LocalIdRole).toString();
            auto k = f->db->query(
                u"SELECT applicant_kind FROM cases WHERE local_id = ? AND origin = 'desk'"_s, {id});
            if (k.ok() && k->next() && k->value(0).toString() == u"person"_s)
                break;
            key(Qt::Key_Down);
        }
        const QString caseId =
            view->currentIndex().siblingAtColumn(0).data(BoardCasesModel::LocalIdRole).toString();
        auto q =
            f->db->query(u"SELECT applicant_id_number, applicant_phone FROM cases WHERE local_id = ? AND "
                         u"origin = 'desk'"_s,
                         {caseId});
        QVERIFY(q.ok() && q->next());
        const QString fullId = q->value(0).toString();
        const QString fullPhone = q->value(1).toString();
        QCOMPARE(fullId.size(), 18);
        QVERIFY(!fullPhone.isEmpty());
        // The list shows them masked, never in full.
        const int row = view->currentIndex().row();
        QCOMPARE(view->model()->index(row, BoardCasesModel::IdNumber).data().toString(),
                 core::maskIdNumber(fullId));
        QCOMPARE(view->model()->index(row, BoardCasesModel::Phone).data().toString(),
                 core::maskPhone(fullPhone));
        QVERIFY(!cells(view->model()).join(u'|').contains(fullId));

        RevealDialog *dialog = pressF4(page);
        QVERIFY(dialog);
        auto *reason = dialog->findChild<QLineEdit *>(u"revealReason"_s);
        auto *idLabel = dialog->findChild<QLabel *>(u"revealIdNumber"_s);
        auto *phoneLabel = dialog->findChild<QLabel *>(u"revealPhone"_s);
        auto *message = dialog->findChild<ui::MessageBar *>(u"revealMessage"_s);
        QCOMPARE(QApplication::focusWidget(), reason);

        // No reason, then one too short: refused, nothing shown, nothing written.
        key(Qt::Key_Return);
        QCOMPARE(message->level(), ui::MessageBar::Level::Error);
        QVERIFY2(message->text().contains(u"原因"_s), qPrintable(message->text()));
        type(u"看看"_s);
        key(Qt::Key_Return);
        QCOMPARE(message->level(), ui::MessageBar::Level::Error);
        QVERIFY(idLabel->text().isEmpty() && phoneLabel->text().isEmpty());
        QCOMPARE(revealRows(), 0);

        // A reason: shown in the dialog, one audit row with the case and the reason, not the values.
        type(u"，群众来电核实办件进度"_s);
        key(Qt::Key_Return);
        QCOMPARE(message->level(), ui::MessageBar::Level::Info);
        QCOMPARE(idLabel->text(), fullId);
        QCOMPARE(phoneLabel->text(), fullPhone);
        QCOMPARE(revealRows(), 1);
        auto a = f->db->query(u"SELECT user_id, target, details_json FROM audit_log WHERE action = "
                              u"'applicant_revealed'"_s);
        QVERIFY(a.ok() && a->next());
        QCOMPARE(a->value(0).toString(), u"u-demo-supervisor"_s);
        QCOMPARE(a->value(1).toString(), caseId);
        const QString details = a->value(2).toString();
        QCOMPARE(QJsonDocument::fromJson(details.toUtf8()).object().value(u"reason"_s).toString(),
                 u"看看，群众来电核实办件进度"_s);
        QVERIFY(!details.contains(fullId) && !details.contains(fullPhone));
        QVERIFY(!details.contains(fullId.right(6)));
        QCOMPARE(f->audit->verify().value().chainOk, true);
        // A second Enter reveals nothing twice.
        key(Qt::Key_Return);
        QCOMPARE(revealRows(), 1);

        // Esc: the dialog and the values are gone; the list is masked as before.
        key(Qt::Key_Escape);
        QTRY_VERIFY(page.findChild<RevealDialog *>() == nullptr);
        for (const QLabel *l : page.findChildren<QLabel *>())
            QVERIFY(!l->text().contains(fullId) && !l->text().contains(fullPhone));
        QVERIFY(!cells(view->model()).join(u'|').contains(fullId));
        QVERIFY(!cells(view->model()).join(u'|').contains(fullPhone));
        QTRY_COMPARE(page.focusWidget(), view); // the keys go back to the list
    }

    void refusedWithoutAReason() {
        SupervisionPage page(*f->db, f->clock, supervisor(), nullptr, f->audit.get());
        QVERIFY(openCaseList(page));
        RevealDialog *dialog = pressF4(page);
        QVERIFY(dialog);
        type(u"   "_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!dialog->revealed());
        QCOMPARE(dialog->findChild<ui::MessageBar *>(u"revealMessage"_s)->level(),
                 ui::MessageBar::Level::Error);
        QVERIFY(dialog->findChild<QLabel *>(u"revealIdNumber"_s)->text().isEmpty());
        key(Qt::Key_Escape);
        QTRY_VERIFY(page.findChild<RevealDialog *>() == nullptr);
        QCOMPARE(revealRows(), 0);
        // The service says the same for any caller.
        auto q = f->db->query(u"SELECT local_id FROM cases WHERE origin = 'desk' LIMIT 1"_s);
        QVERIFY(q.ok() && q->next());
        auto r = cases::ApplicantReveal(*f->db, f->audit.get())
                     .reveal(supervisor().roles, supervisor().id, q->value(0).toString(), u"看 看"_s);
        QCOMPARE(r.error().code, u"invalid_argument"_s);
        QCOMPARE(revealRows(), 0);
    }

    // A case of another window, pulled with the hall-wide feed (origin hall_feed, masked id only).
    void hallFeedCaseCannotBeRevealed() {
        const QJsonObject change{
            {u"case_no"_s, u"SP2026HALL0001"_s},
            {u"local_id"_s, u"feed-case-1"_s},
            {u"version"_s, 1},
            {u"status"_s, u"in_progress"_s},
            {u"created_at"_s, u"2026-03-02T02:00:00Z"_s},
            {u"window_no"_s, u"Z99"_s},
            {u"clerk_id"_s, u"u-z99"_s},
            {u"clerk_name"_s, u"赵六"_s},
            {u"item_codes"_s, QJsonArray{}},
            {u"decision"_s, u"accepted"_s},
            {u"promised_days"_s, 5},
            {u"legal_days"_s, 20},
            {u"due_date"_s, QJsonValue(QJsonValue::Null)},
            {u"legal_due_date"_s, QJsonValue(QJsonValue::Null)},
            {u"applicant_name"_s, u"陈某某"_s},
            {u"applicant_id_masked"_s, u"430***********1234"_s},
        };
        auto applied = f->db->write([&]() -> Status {
            auto page = cases::HallCaseStreamApplier(*f->db, f->clock).applyPage(QJsonArray{change});
            if (!page.ok())
                return page.error();
            return page->applied == 1 ? Status() : Status::failure(u"x"_s, u"not applied"_s);
        });
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
        QCOMPARE(f->count(u"SELECT count(*) FROM cases WHERE origin = 'hall_feed'"_s), 1);

        SupervisionPage page(*f->db, f->clock, supervisor(), nullptr, f->audit.get());
        QTableView *view = openCaseList(page, u"Z99"_s);
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, BoardCasesModel::IdNumber).data().toString(),
                 u"430***********1234"_s);
        key(Qt::Key_F4);
        QVERIFY(page.findChild<RevealDialog *>() == nullptr);
        auto *message = page.findChild<ui::MessageBar *>(u"boardMessage"_s);
        QCOMPARE(message->level(), ui::MessageBar::Level::Warning);
        QVERIFY2(message->text().contains(u"not held"_s), qPrintable(message->text()));
        // The timeline says the same.
        key(Qt::Key_Return);
        QCOMPARE(page.level(), SupervisionPage::Level::Timeline);
        key(Qt::Key_F4);
        QVERIFY(page.findChild<RevealDialog *>() == nullptr);
        QCOMPARE(revealRows(), 0);
        // And the service, whatever the reason.
        auto r =
            cases::ApplicantReveal(*f->db, f->audit.get())
                .reveal(supervisor().roles, supervisor().id, u"feed-case-1"_s, u"群众来电核实办件进度"_s);
        QCOMPARE(r.error().code, u"not_held"_s);
        QVERIFY(r.error().message.contains(u"本机没有"_s));
        QCOMPARE(revealRows(), 0);
    }

    void theServiceRefusesAClerk() {
        auto q =
            f->db->query(u"SELECT local_id, applicant_id_number FROM cases WHERE origin = 'desk' LIMIT 1"_s);
        QVERIFY(q.ok() && q->next());
        const QString caseId = q->value(0).toString();
        cases::ApplicantReveal reveal(*f->db, f->audit.get());
        auto clerk = reveal.reveal({u"clerk"_s}, u"u-demo-clerk"_s, caseId, u"群众来电核实办件进度"_s);
        QCOMPARE(clerk.error().code, u"forbidden"_s);
        QVERIFY(!clerk.error().message.contains(q->value(1).toString()));
        // Without an audit log nothing is revealed, even to a supervisor.
        auto unaudited = cases::ApplicantReveal(*f->db, nullptr)
                             .reveal(supervisor().roles, supervisor().id, caseId, u"群众来电核实办件进度"_s);
        QCOMPARE(unaudited.error().code, u"audit_unavailable"_s);
        QCOMPARE(revealRows(), 0);
        // The supervisor with a reason: the values, and the row.
        auto ok = reveal.reveal(supervisor().roles, supervisor().id, caseId, u"群众来电核实办件进度"_s);
        QVERIFY(ok.ok());
        QCOMPARE(ok->idNumber, q->value(1).toString());
        QCOMPARE(revealRows(), 1);
    }
};

QTEST_MAIN(TestRevealApplicant)
#include "tst_revealapplicant.moc"
