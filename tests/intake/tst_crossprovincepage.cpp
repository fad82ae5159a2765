// The intake page's 跨省通办 mode by keys alone (issue 16), offscreen on a real SQLite file: the region
// picked by pinyin initials, authority and matter typed, the applicant typed, two materials added, counted,
// set to paper/electronic and checked with the keyboard, the tracking number; Ctrl+Enter stores the receipt
// (its outbox row queued) and writes the 接收回执 and the 移交清单 as A4 PDFs whose text (pdftotext) names
// the applicant (masked), the region, the authority, the materials with their copies and the due date. A
// material left unchecked gets its specific message and stores nothing. The list tab shows it, F3 forwards it
// with the tracking number (queued as a child event), and a receipt past its forward_due is flagged late.
#include "intakefixture.h"

#include <windowdesk/cases/crossprovince.h>
#include <windowdesk/intake/crossprovincepage.h>
#include <windowdesk/ui/messagebar.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>

using namespace windowdesk;
using namespace windowdesk::intake;
using namespace windowdesk::intake::test;

class TestCrossProvincePage : public QObject {
    Q_OBJECT

    template <typename T> static T *child(QWidget *w, const QString &name) {
        T *c = w->findChild<T *>(name);
        if (!c)
            qWarning("no child %s", qPrintable(name));
        return c;
    }

    // Types one receipt by keys; `checkSecond`: the second material is checked too.
    static void typeReceipt(CrossProvincePage &page, bool checkSecond) {
        QLineEdit *region = child<QLineEdit>(&page, u"xpRegion"_s);
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : region, Qt::Key_G,
                        Qt::ControlModifier); // Ctrl+G: the region
        QTRY_VERIFY(region->hasFocus());
        QTest::keyClicks(region, u"szsns"_s); // 深圳市南山区 by its pinyin initials
        QTest::keyClick(region, Qt::Key_Return);
        QTRY_VERIFY(child<QLabel>(&page, u"xpRegionPicked"_s)->text().contains(u"440305"_s));
        QLineEdit *authority = child<QLineEdit>(&page, u"xpAuthority"_s);
        QTRY_VERIFY(authority->hasFocus()); // picking moves on
        typeText(authority, u"深圳市南山区市场监督管理局"_s);
        QTest::keyClick(authority, Qt::Key_Tab);
        typeText(QApplication::focusWidget(), u"个体工商户设立登记"_s);
        QLineEdit *name = child<QLineEdit>(&page, u"applicantName"_s);
        name->setFocus();
        typeText(name, u"张三"_s);
        QTest::keyClick(name, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), kPersonId);
        // Two materials: Ctrl+Shift+N, name, Tab, copies, Tab, form, Tab, Space (checked).
        for (int i = 0; i < 2; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
            QLineEdit *m = child<QLineEdit>(&page, u"xpMaterialName%1"_s.arg(i));
            QTRY_VERIFY(m && m->hasFocus());
            typeText(m, i == 0 ? u"个体工商户登记申请书"_s : u"经营场所使用证明"_s);
            QTest::keyClick(m, Qt::Key_Tab);
            QSpinBox *copies = child<QSpinBox>(&page, u"xpMaterialCopies%1"_s.arg(i));
            QTRY_VERIFY(copies->hasFocus());
            QTest::keyClick(copies, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(copies, i == 0 ? u"1"_s : u"2"_s);
            QTest::keyClick(copies, Qt::Key_Tab);
            QComboBox *form = child<QComboBox>(&page, u"xpMaterialForm%1"_s.arg(i));
            QTRY_VERIFY(form->hasFocus());
            if (i == 1)
                QTest::keyClick(form, Qt::Key_Down); // electronic
            QTest::keyClick(form, Qt::Key_Tab);
            QCheckBox *checked = child<QCheckBox>(&page, u"xpMaterialChecked%1"_s.arg(i));
            QTRY_VERIFY(checked->hasFocus());
            if (i == 0 || checkSecond)
                QTest::keyClick(checked, Qt::Key_Space);
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // handover method: post (default)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QLineEdit *tracking = child<QLineEdit>(&page, u"xpTracking"_s);
        QTRY_VERIFY(tracking->hasFocus());
        QTest::keyClicks(tracking, u"SF1234567890"_s);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void receiptTakenAndPrintedByKeys() {
        Fixture f;
        QVERIFY(f.open());
        IntakeContext ctx{f.db.get(), &f.clock, f.audit.get(), f.window};
        ctx.noticeDir = f.dir.filePath(u"notices"_s);
        CrossProvincePage page(ctx);
        page.resize(1200, 900);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));

        // A material left unchecked: its message, nothing stored.
        typeReceipt(page, false);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(page.messageBar()->text(), u"材料「经营场所使用证明」尚未核对"_s);
        QVERIFY(child<QCheckBox>(&page, u"xpMaterialChecked1"_s)->hasFocus()); // where it is fixed
        QCOMPARE(f.count(u"SELECT count(*) FROM cross_province_receipts"_s), 0);
        QCOMPARE(f.count(u"SELECT count(*) FROM outbox"_s), 0);

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(f.count(u"SELECT count(*) FROM cross_province_receipts"_s), 1);
        QCOMPARE(f.count(u"SELECT count(*) FROM outbox WHERE kind = 'cross_province_receipt' AND state = "
                         u"'pending'"_s),
                 1);
        QCOMPARE(f.count(u"SELECT count(*) FROM audit_log WHERE action = 'cross_province_received'"_s), 1);
        QCOMPARE(page.lastNoticePaths().size(), 2);
        // Friday 2026-03-06 → forwarded by Monday 2026-03-09.
        // pdfText folds the text with NFKC (full-width punctuation becomes ASCII): so are the expectations.
        const QString receipt = pdfText(page.lastNoticePaths().at(0));
        for (const QString &s :
             {u"跨省通办接收回执"_s, u"申请人：张三"_s, kPersonIdMasked, u"广东省深圳市南山区"_s,
              u"深圳市南山区市场监督管理局"_s, u"设立登记"_s, u"登记申请书"_s, u"经营场所使用证明"_s,
              u"2份"_s, u"电子"_s, u"2026年3月9日"_s, u"长沙市岳麓区政务服务中心"_s})
            QVERIFY2(receipt.contains(s.normalized(QString::NormalizationForm_KC)),
                     qPrintable(s + u" not in: "_s + receipt));
        QVERIFY(!receipt.contains(kPersonId)); // masked on paper too
        const QString handover = pdfText(page.lastNoticePaths().at(1));
        for (const QString &s : {u"跨省通办材料移交清单"_s, u"致：深圳市南山区市场监督管理局"_s,
                                 u"快递单号：SF1234567890"_s, u"共2项材料，3份"_s})
            QVERIFY2(handover.contains(s.normalized(QString::NormalizationForm_KC)),
                     qPrintable(s + u" not in: "_s + handover));
        // The form is cleared for the next citizen.
        QVERIFY(child<QLineEdit>(&page, u"xpAuthority"_s)->text().isEmpty());

        // The list (Ctrl+PgDown): the receipt, F3 forwards it with the tracking number taken at intake.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
        QTRY_COMPARE(page.currentIndex(), 1);
        auto *view = child<QTableView>(&page, u"xpList"_s);
        QTRY_VERIFY(view->hasFocus());
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, cases::CrossProvinceModel::IdNumber).data().toString(),
                 kPersonIdMasked);
        QTest::keyClick(view, Qt::Key_F3);
        QTRY_COMPARE(f.count(u"SELECT count(*) FROM outbox WHERE kind = 'cross_province_event'"_s), 1);
        QCOMPARE(view->model()->index(0, cases::CrossProvinceModel::State).data().toString(), u"已移交"_s);
        // Forwarded already: F3 again changes nothing and says why.
        QTest::keyClick(view, Qt::Key_F3);
        QTRY_VERIFY(child<QLabel>(&page, u"xpSummary"_s)->text().contains(u"不能再移交"_s));
        QCOMPARE(f.count(u"SELECT count(*) FROM outbox WHERE kind = 'cross_province_event'"_s), 1);
    }

    void lateReceiptIsFlagged() {
        Fixture f;
        QVERIFY(f.open());
        cases::CrossProvinceInput in;
        in.targetRegion = u"330100"_s;
        in.targetAuthority = u"杭州市人力资源和社会保障局"_s;
        in.itemName = u"基本养老保险关系转移接续"_s;
        in.applicant.name = u"李四"_s;
        in.applicant.idNumber = kPersonId;
        in.materials = {{u"申请表"_s, 1, u"paper"_s, true}};
        QVERIFY(cases::CrossProvinceService(*f.db, f.clock, nullptr, f.window).receive(in).ok());
        f.clock.advanceSecs(4 * 24 * 3600); // Tuesday: the Monday's forward_due has passed
        IntakeContext ctx{f.db.get(), &f.clock, f.audit.get(), f.window};
        CrossProvincePage page(ctx);
        page.show();
        page.setCurrentIndex(1);
        page.refreshList();
        auto *view = child<QTableView>(&page, u"xpList"_s);
        QCOMPARE(view->model()->index(0, 0).data(cases::CrossProvinceModel::LateRole), QVariant(true));
        QVERIFY(
            view->model()->index(0, cases::CrossProvinceModel::State).data().toString().contains(u"逾期"_s) ||
            view->model()->index(0, cases::CrossProvinceModel::State).data().toString().contains(u"late"_s));
        QVERIFY(child<QLabel>(&page, u"xpSummary"_s)->text().contains(u"1"_s));
    }
};

QTEST_MAIN(TestCrossProvincePage)
#include "tst_crossprovincepage.moc"
