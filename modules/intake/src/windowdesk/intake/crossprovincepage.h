#pragma once
// The intake page's 跨省通办 mode (issue 16, product.md §7 "收受分离"): Ctrl+Shift+K from anywhere. Its first
// tab takes a matter in for an authority of another province — the target region (GB/T 2260, picked by
// name, pinyin initials or code), the authority and matter (typed, or a recent one with its materials, F2),
// the applicant as on the intake page (the same section; a card on the reader fills it), the materials as
// that province lists them (each checked, copies counted, paper or electronic), the handover method and
// tracking number; Ctrl+Enter stores it through cases::CrossProvinceService and writes the 接收回执 and the
// 移交清单. Its second tab lists the window's receipts (late ones flagged); F3 records the forwarding, F4 the
// return to the applicant. No rule and no SQL here: the service and the repository hold them.
#include "applicantsection.h"
#include "intakecontext.h"

#include <windowdesk/cases/crossprovince.h>
#include <windowdesk/cases/crossprovincemodel.h>

#include <QTabWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTableView;
class QVBoxLayout;

namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::intake {

class CrossProvincePage : public QTabWidget {
    Q_OBJECT
public:
    explicit CrossProvincePage(IntakeContext &context, QWidget *parent = nullptr);
    ~CrossProvincePage() override;

    // The receipt as entered (what confirm() would store).
    cases::CrossProvinceInput input() const;
    // Ctrl+Enter: stores the receipt, writes both papers; false when a problem was shown instead.
    bool confirm();
    void newReceipt();
    // Adds an empty material line and puts the focus on its name.
    void addMaterial(const cases::CrossProvinceMaterial &m = {});
    // F3 / F4 on the list's current row.
    void forwardSelected();
    void returnSelected();
    void refreshList();
    // A resident-ID card read while this page is shown (the session routes it here).
    void takeIdCard(const CardReading &card);

    QStringList lastNoticePaths() const { return m_lastNotices; }
    QString lastLocalId() const { return m_lastLocalId; }
    ui::MessageBar *messageBar() const { return m_message; }
    cases::CrossProvinceModel *listModel() const { return m_model; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override; // the list as the last pull left it

private:
    struct MaterialLine {
        QWidget *row = nullptr;
        QCheckBox *checked = nullptr;
        QLineEdit *name = nullptr;
        QSpinBox *copies = nullptr;
        QComboBox *form = nullptr;
    };
    QWidget *buildIntakeTab();
    QWidget *buildTargetBox(QWidget *parent);
    QWidget *buildMaterialsBox(QWidget *parent);
    QWidget *buildHandoverBox(QWidget *parent);
    QWidget *buildListTab();
    void installKeys();
    void updateRegionMatches(const QString &text);
    void pickRegion(const QString &code);
    void takeRecent(int index);
    void loadRecent();
    void removeFocusedMaterial();
    void rebuildTabOrder();
    void showProblems(const cases::FieldProblems &problems);
    QWidget *problemWidget(const QString &key) const;
    const cases::CrossProvinceReceipt *selectedReceipt() const;

    IntakeContext &m_ctx;
    std::unique_ptr<cases::CrossProvinceService> m_service;
    cases::IntakeVisit *m_visit = nullptr; // the applicant section's model
    QObject *m_wheelGuard = nullptr;
    ui::MessageBar *m_message = nullptr;
    QWidget *m_intakeTab = nullptr;
    QLineEdit *m_regionSearch = nullptr;
    QListWidget *m_regionMatches = nullptr;
    QLabel *m_regionPicked = nullptr;
    QString m_regionCode;
    QComboBox *m_recent = nullptr;
    QList<cases::CrossProvinceRecent> m_recentTargets;
    QLineEdit *m_authority = nullptr;
    QLineEdit *m_item = nullptr;
    QLineEdit *m_itemCode = nullptr;
    ApplicantSection *m_applicant = nullptr;
    QVBoxLayout *m_materialsLayout = nullptr;
    QList<MaterialLine> m_materials;
    QComboBox *m_handover = nullptr;
    QLineEdit *m_tracking = nullptr;
    QLabel *m_problems = nullptr;
    QTableView *m_view = nullptr;
    cases::CrossProvinceModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_forwardTracking = nullptr;
    QStringList m_lastNotices;
    QString m_lastLocalId;
};

} // namespace windowdesk::intake
