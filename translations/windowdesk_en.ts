<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Main</name>
    <message>
        <source>The database is damaged. It was copied aside and left in place; WindowDesk does not start on a damaged database. Ask the hall IT staff to restore it; the copy keeps the work that was not synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was written by a newer version of WindowDesk. Nothing was changed. Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be upgraded to this version. The failed step was rolled back and nothing was changed; a backup copy was made before the upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file cannot be opened: it is not a WindowDesk database, or the disk or its permissions refuse access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Details: %2

Database: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WindowDesk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo hall could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::app::AppController</name>
    <message>
        <source>No system keychain: the platform login is kept in memory for this run only; log in again after a restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 is still being served at this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current visit has entries that are not saved as a case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hold the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the draft and the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should happen to it before WindowDesk quits?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should happen to it before you log out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit with work open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out with work open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::app::Session</name>
    <message>
        <source>Offline login: the platform cannot be reached; data will sync once the link is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline login: log in to the platform (sync state menu, Ctrl+Shift+L) so that the data can sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial scanner unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card reader: helper not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card reader ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card reader restarting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card reader starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card reader off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::app::SyncIndicator</name>
    <message>
        <source>Correct the case at the window, or retry when the cause is fixed. A final answer of the platform is acknowledged instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept the platform&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s answer is final: its record stands, ours is kept here. Retrying would get the same answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged: the platform&apos;s record stands; the write is archived and recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items needing attention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to the platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pulling %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in to the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in; no system keychain: the tokens are kept in memory for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform login needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n write(s) pending, oldest %1 ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>nothing pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the platform did not accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 — HTTP %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of %1 on the platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::IntakeVisit</name>
    <message>
        <source>The license fits no material of this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not attached: the holder does not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::AcceptanceForm</name>
    <message>
        <source>Acceptance form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose (↓)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::ApplicantSection</name>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal person / organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hong Kong/Macao permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taiwan permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign permanent residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (legal representative for an entity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returning applicant: details filled in from an earlier case — please confirm them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo from the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s id number is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s birth date or sex does not match its id number: check the card and the person.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CaseDetailDialog</name>
    <message>
        <source>Decision recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red-card follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices (Enter prints the chosen one again):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local case %1 (no case number from the platform yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Promised (%n working day(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Legal (%n working day(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::CaseService</name>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A commitment is not allowed for this material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the e-license first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a service item first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required material missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what is missing or wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No material is missing or defective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible for a case in status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This matter is for legal persons: the applicant must be an entity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CasesModel</name>
    <message>
        <source>local %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the platform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CatalogPage</name>
    <message>
        <source>Search matters: Chinese, pinyin initials, item code or department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Bundle] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matter found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This matter cannot be loaded from the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natural or legal person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Promised time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment (告知承诺) allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copies</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>e-license can stand in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commitment accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This bundle cannot be loaded from the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>promised %n working day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials (shared ones listed once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>for %n items</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Form fields (asked once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>immediate (done on the spot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CatalogSearchHint</name>
    <message>
        <source>No results. Try “%1”, or pinyin initials (sbk for 社保卡), an item code or a department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results. Try fewer characters, pinyin initials (sbk for 社保卡), an item code or a department.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CitizenPhoneWindow</name>
    <message>
        <source>Citizen phone (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO DATA — signed with the demo hall&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate scan (types the code into the clerk&apos;s window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No demo license: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until %1 (a new code every minute)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::DecisionPanel</name>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept (受理) — Alt+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction notice (一次性告知补正) — Alt+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse (不予受理) — Alt+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis (refusal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a matter to see the due dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised: %1 working days → %2
Legal: %3 working days → %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No working-day calendar for %1: due dates will come from the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* provisional calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::EvaluationDialog</name>
    <message>
        <source>Please rate our service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How satisfied are you with this service?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went wrong? (choose at least one; Space ticks, Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level %1 chosen. Please choose at least one reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose at least one reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::IntakePage</name>
    <message>
        <source>Unfinished drafts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This matter cannot be loaded from the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This matter is for legal persons: enter the entity and its USCC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The decision cannot be taken yet: %n problem(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1. Notice saved as PDF in %2 (Ctrl+P to print).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1, but the notice could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation received: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notice to print yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant read from the ID card — compare the photo with the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The citizen&apos;s screen %2 is not connected: the evaluation opens on this screen. Choose the screen again in Settings (Ctrl+,).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1. Printed: %2; also saved as PDF in %3 (Ctrl+P prints again, with preview).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1, but the printer refused %2: Ctrl+P to print with preview.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::LicensePanel</name>
    <message>
        <source>E-license (scan the citizen&apos;s QR code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license scanned yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the license document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a license code (EL1.…) and press Enter — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizen phone (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be confirmed online before the code expired: check the original license (状态未确认).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License verification is not available on this desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License not accepted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s name was filled from the ID license. The id number is masked on the license: type or confirm the full id number yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached to the material as an e-license.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This license (%1) fits no material of this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License holder differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license holder (%1, %2) does not match the applicant (%3, %4). Attach it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License %1 attached to “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed online: valid (已联网确认)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked (已吊销)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired (已过期)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform says this license is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform says this license is %1: removed from “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed online: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform says this code was already used in another hall (payload_replayed): ask the citizen to refresh the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform says the code has expired (payload_expired): ask the citizen to refresh it and scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform could not verify the code&apos;s signature: do not accept this license.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform does not know this license: check the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused the code (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed by the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license document could not be fetched (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license document could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::MaterialsChecklist</name>
    <message>
        <source>Materials (Ctrl+M marks the unmarked ones as paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (for %n items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not checked —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-license</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment (告知承诺)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An e-license can stand in: scan it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is missing or wrong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::MatterSearch</name>
    <message>
        <source>Matter (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search items and bundles: name, pinyin initials or code; Enter takes the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle: %1 — items: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Bundle] %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::MyCasesPage</name>
    <message>
        <source>Today and open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search applicant, matter, case number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery way or withdrawal reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record delivery (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record withdrawal (Ctrl+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print notice (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery recorded; the delivery receipt is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct and resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a case marked 需更正 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the case and resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction saved; it is sent with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::QueueBar</name>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue is offline: serve walk-ins without a ticket (F9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That action does not fit the ticket&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 · %2 · waited %3 min · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in (no ticket)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket — F2 calls the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for this window: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last called: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last called: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting for this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket on hold; its draft is kept. Shift+F7 resumes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket on hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 transferred to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::BoardCasesModel</name>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::BoardRowsModel</name>
    <message>
        <source>(no department)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::FollowupDialog</name>
    <message>
        <source>Red card follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow card follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back-office delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose the finding —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done, e.g. urged the department to decide by Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the first letters to pick a finding · Tab: next field · Ctrl+Return: save · Esc: cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the finding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the action taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors record follow-ups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up saved on this computer. The platform does not support follow-ups yet (platform 1.0); it is sent after a login to a 1.1 platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up saved; it is sent to the platform with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::LedgerModel</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 Very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (platform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rated at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Missing (real name, %n not reached)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Missing (real name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not reached (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::LedgerPage</name>
    <message>
        <source>Type to filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectification ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to filter · Enter: act on the task · F2: next action · Ctrl+Return: record · Esc: back to the list · F5: refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors work the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a task in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded; it is sent to the platform with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad-rating ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not supported by the platform yet (platform 1.0): callbacks and appeals are kept on this computer and sent after a login to a 1.1 platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task&apos;s callbacks, actions and appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached the citizen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied after the callback?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bad ratings, %2 open, %3 overdue, %4 real-name callbacks missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to filter · Enter: open the task · Esc: clear the filter · Ctrl+R: refresh · Ctrl+PgDown / Ctrl+PgUp: next / previous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad-rating ledger › %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rated %1 at window %2 (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 Very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1 · rectify by %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(calendar missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2: next action (verified, rectified, explained, callback, appeal) · F6: callback · F7: appeal · Ctrl+Return: record · Backspace in the empty note or Esc: back to the list · Ctrl+R: refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the callback went (required if not reached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason for the appeal (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The explanation (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was found or done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a task with Enter first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this computer. Not supported by the platform yet (platform 1.0): callbacks and appeals are sent after a login to a 1.1 platform.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::SupervisionPage</name>
    <message>
        <source>Select a red or yellow case to follow it up (F3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors see the hall's board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · promised %1, legal %2 (platform %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to filter · Enter: open · Backspace: back · Alt+1..6: tiles · Ctrl+G: by window / by department · Ctrl+R: refresh · F3: follow up a red or yellow case · F4: full id and phone (with a reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a case to show its applicant&apos;s full data (F4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case was taken in at another window (hall-wide data): its full id number and phone are not held on this computer, only the masked form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s full data was shown; the reason is in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False commitments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::TimelineModel</name>
    <message>
        <source>Decided at the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (platform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui</name>
    <message>
        <source>The CA certificate file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no certificate in PEM format (text starting with -----BEGIN CERTIFICATE-----). Ask the platform operator for the hall CA certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA certificate is expired or not yet valid (valid until %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::AboutDialog</name>
    <message>
        <source>About WindowDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WindowDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbench of the comprehensive window of a government service hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licensed under the Apache License, Version 2.0. Qt is used under the LGPL v3; QtKeychain, zint, OpenSSL and SQLite under their own permissive licences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::LoginDialog</name>
    <message>
        <source>&amp;Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WindowDesk — Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WindowDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comprehensive window workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform cannot be reached. You can log in with an account already used on this computer; work is kept and synced when the link returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask the hall administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform cannot be reached and this account has never logged in online on this computer, so it cannot log in offline. Log in once while the platform is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::MainWindow</name>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the next ticket, identify the applicant, fill in the unified acceptance form, check the materials and decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the service items and the &quot;one thing, one go&quot; bundles with their standard elements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cases you accepted, their due dates and overdue cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live queue board, overdue board (warning, yellow and red cards), evaluations and the rectification ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question banks, papers, scenario drills and skill competitions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WindowDesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out (switch user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out and &amp;quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About WindowDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain: the end of the audit log cannot be anchored, and id numbers and phones are stored in clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain does not hold this database&apos;s personal data key: id numbers and phones are stored in clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · Window %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform configured (demo hall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, shortcut %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new platform address applies at the next login (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: the demo hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;notices folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manual and shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notices are saved as PDF in:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers and competitions open to you, and scenario drills in practice mode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::PlaceholderPage</name>
    <message>
        <source>This feature is still under development and will be provided in a later release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming soon</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: no platform, work on the demo hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform and window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum gap between scanner keys in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum scan length in characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter (CR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line feed (LF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial port of the scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: keyboard mode; e.g. /dev/ttyACM0 or COM3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desks where a Chinese input method is often switched on should use serial mode: the scan then does not pass through the keyboard, so the input method cannot swallow or change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max. &amp;gap between keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. &amp;length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;ffix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial p&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall CA cer&amp;tificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: system CAs only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen of the citizen&apos;s evaluation pad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the evaluation opens over this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3×%4 at %5, %6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a chosen screen the evaluation opens full screen, for touch. When that screen is not connected it opens over this window, and you are told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizen&apos;s screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation scr&amp;een:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejection notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance receipt (&amp;1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction notice (&amp;2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejection notice (&amp;3):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment letter (&amp;4):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery receipt (&amp;5):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer for the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper for the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the notice of a confirmed decision w&amp;ithout preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::SettingsStore</name>
    <message>
        <source>The platform address is not a valid web address. Example: https://zwfw.hunan.gov.cn/windowdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the platform address must use https://. Plain http:// is only allowed for this computer (127.0.0.1, localhost), because passwords and case data would travel unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card reader must be auto, sdt, cvr, simulated, off or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing without preview must be on, off or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper size must be one of %1, or empty (A4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A printer name is at most 127 characters, without control characters or spaces at its ends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::HelpDialog</name>
    <message>
        <source>WindowDesk manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Board: follow up the selected red or yellow case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the intake page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to My cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with the platform now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out (switch user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the next ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the ticket again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start serving the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The citizen did not come (no-show)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the ticket on hold (its draft is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume a held ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer the ticket to another category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve a walk-in without a ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the applicant between natural and legal person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the unmarked materials as paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste an e-license code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizen phone (demo hall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision: accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision: correction notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision: refuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the decision and save the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New visit (the current one stays a draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the delivery of the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the case and send it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everywhere in the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board: show the applicant&apos;s full id number and phone (with a reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger: record the callback of the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger: appeal the rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision: the next tab (board, ledger, queue, reports, hall duties, cross-province)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision: the previous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: one day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: one week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: one month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: a range of your own (from, to)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: the period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: the period after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: by window / clerk / category / hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: charts or their data tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: print (preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: save as PDF, or export CSV / XLSX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision: the period report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: the next tab (bank, blueprints, competitions, results)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: the previous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank: search the questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank: write a new question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank: revise the selected question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank: retire the selected question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank: regenerate the questions from the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank: import a JSON or CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank: export the questions shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question editor: save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: the question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice: submit the paper (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice: the question map (Enter goes to the question)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice: finish the scenario drill and score it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a matter that could not be done at the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-checks of commitments: the hall&apos;s checks and their outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跨省通办: receive a matter for another province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跨省通办: the target region (name, pinyin initials or code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跨省通办: pick a recent target and matter (with its materials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跨省通办: add a material line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跨省通办: remove the material line with the focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跨省通办: confirm, print the 接收回执 and the 移交清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跨省通办: a new receipt (clears the form)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跨省通办 list: record the forwarding of the selected receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跨省通办 list: return the selected receipt to the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跨省通办: switch between the receipt form and the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跨省通办 (intake for another province) and its list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board: false commitments found by the post-checks (in Hall duties)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blueprints: a new blueprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blueprints: add the section of the fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blueprints: remove the selected section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blueprints: save the blueprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blueprints: draw a sample paper (not stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitions: create the competition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitions: refresh the leaderboards now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results: export the results or the skill levels (CSV, XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: the blueprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: the competitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judging: record the judge&apos;s marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judging: fix the drill&apos;s score and report it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: the judges&apos; marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios: a new scenario drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios: edit the selected drill (one with attempts: a new version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios: duplicate the selected drill into the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios: close (archive) the selected drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios: import a drill from a JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios: export the selected drill as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario editor: save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario editor: search the target item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario editor: generate a test ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario editor: generate a test mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario editor: add the event of the fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario editor: remove the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: the scenario drills and their editor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::RevealDialog</name>
    <message>
        <source>Show the applicant&apos;s full data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the full id number and phone needs a reason; the reason and who saw them are written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the applicant phoned and the case must be confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the reason · Enter: show · Esc: close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown and written to the audit log. Close with Esc: the list stays masked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::LedgerHistoryModel</name>
    <message>
        <source> (platform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::ChartPanel</name>
    <message>
        <source>%1: no data for this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, busiest first: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data for this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data table: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::QueueBoardPage</name>
    <message>
        <source>Called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting per category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors see the hall&apos;s queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called within %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-shows today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) today</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of %1 · the clocks move every second; new ticket events show within a second, pulled ones after each sync · Ctrl+R: refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::ReportPage</name>
    <message>
        <source>&amp;Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to (not included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+D / W / M / I: day, week, month, range · Alt+←/→: period before / after · Ctrl+G: grouping · Ctrl+T: data tables · Ctrl+P: print · Ctrl+S: save PDF, CSV or XLSX · Ctrl+R: refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (one day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 (%3 not included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors see the hall&apos;s reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range needs its start before its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report cannot be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 · target %3 min · %4 tickets, %5 served, %6 no-shows · %7 cases accepted · rated visits / served: %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What became of the tickets %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets and served by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets and served by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busiest hours (tickets by weekday and hour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 · service-level target %3 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by WindowDesk on %1 for %2 · times in minutes:seconds · ids as in windowdeskctl report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report or export the period&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report as PDF (*.pdf);;Records as Excel (*.xlsx);;Records as CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF cannot be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export cannot be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was not recorded in the audit log, so nothing was written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) exported to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::ReportTableModel</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called after waiting longer than the service-level target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad ratings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::TrainerPage</name>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blueprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judging</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::BankTab</name>
    <message>
        <source>Browse, search and write the questions; regenerate them from the catalog; import or export JSON and CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions of the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected question as the trainee sees it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed, or the lines that could not be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the questions, tags, ids (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated from the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by trainers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate from the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions generated from the catalog change with the catalog: change the item and regenerate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question added to the bank (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question revised: version %1 is in use; papers keep the version they were drawn with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire this question? Papers already drawn keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question retired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank could not be regenerated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerated from the catalog: %1 questions; %2 new versions, %3 versions retired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question banks (*.csv *.json *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not imported: lines with problems: %2 (listed below). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 imported (%2): %3 new, %4 revised, %5 unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the questions shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions exported to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::BlueprintTab</name>
    <message>
        <source>Blueprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All or nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proportional (each right +1/n, each wrong −1/n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half points for missed choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pass line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Multiple choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions in the section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points per question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> points each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections of the blueprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A paper drawn by this blueprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New blueprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save blueprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a sample paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 questions, full score %2, pass line %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank can fill every section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blueprint %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blueprint %1 changed; competitions already set up keep the version they were created with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample paper (seed %1), not stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sample paper of %1 questions was drawn; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::CompetitionTab</name>
    <message>
        <source>Competitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s leaderboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainees (Space ticks one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blueprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;rainees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start (Beijing time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the competition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competition %1 created for %2 trainees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No competition yet: set one up on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, pass line %3 of %4; trainees: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s leaderboard: not connected to a platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s leaderboard is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s leaderboard (all halls), as of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;cenario drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario drills, taken in this order (Space ticks one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no blueprint: scenario drills only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n minute(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — parts: %2; full marks %3; trainees: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::ResultsTab</name>
    <message>
        <source>Trainees with results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trainee&apos;s results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak categories, weakest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s skill levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blueprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores over time (percent of the full score; dashes: the pass line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill levels (等级): a blueprint passed at its pass line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results of every trainee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which table?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::QuestionEditor</name>
    <message>
        <source>Revise question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separated by ; or 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One option a line: the first is A, the next B, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters of the right options, e.g. AC; true/false: 正确 or 错误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview as the trainee sees it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Difficulty (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xplanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the trainee sees it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::QuestionTableModel</name>
    <message>
        <source>Single choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True/false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose every right answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification and commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instant matters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::DrillView</name>
    <message>
        <source>You have an unfinished attempt (%1): finish it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practice database of this drill is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant: %1 · ID %2 · phone %3
Hands over: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant says: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>练习模式 · %1 — a practice database: real cases, drafts, sync and the audit log are not touched. %2 finishes and scores the drill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — 练习模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scanner does not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event: the scanner fails — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event: the queue is offline — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event: the queue is back — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant speaks (see above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the drill now and score the case you took in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill could not be scored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::PaperView</name>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: 1–9 or A–D choose · ↑/↓ and Space toggle (multiple choice) · ←/→ or PgUp/PgDn previous/next question · %1 question map · %2 submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiple choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>single choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 of %2 · %3 · %4 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit now? %1 of %2 questions answered. Answers cannot be changed afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper could not be submitted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::PracticePage</name>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers, competitions and scenario drills open to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open papers and drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers and explanations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · taken %1× · best %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is open to you now. Your trainer opens papers and competitions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 questions, %3 points, pass line %4.
Time limit: %5.
Scoring of multiple choice: %6
One attempt at a time; your answers are saved as you give them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
A simulated applicant comes to your window: take the case in on the real intake page, in 练习模式 (a practice database). Time limit: %2.
Scored on the item, the materials, the decision, the data and the time; the judges add their marks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 points — %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (submitted when the time ran out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer: %1 · right answer: %2 · %3 of %4 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario drill: %1 of %2 points on the automatic criteria; the judges&apos; marks follow (%3 judge(s) so far).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s) whose time ran out were submitted as they stood.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>[Competition] %1 · scenario %2 of %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competition %1, scenario %2 of %3: %4
A simulated applicant comes to your window: take the case in on the real intake page, in 练习模式 (a practice database). Time limit: %5.
One attempt only; scored on the item, the materials, the decision, the data and the time, and by the judges. Your competition result counts once every scenario is scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Competition] %1 · part %2 of %3: the paper %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competition %1, part %2 of %3: the paper %4
%5 questions, %6 points.
Time limit: %7.
Scoring of multiple choice: %8
One attempt only; your competition result counts once every part is scored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::ChecksModel</name>
    <message>
        <source>%1 recorded here (platform does not support it yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused by the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recorded, waiting for the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n working day(s) late)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n working day(s) left)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The platform had its outcome already: %1; ours (%2) was not taken, it is kept here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (ours: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::CommitmentCheckService</name>
    <message>
        <source>No such post-check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An outcome of this check was already recorded here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This check already has its outcome (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the outcome of the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A false commitment needs its consequence: order to fix, or revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown consequence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a false commitment has a consequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the check could not be made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe what the check found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 characters (now %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::UnresolvedModel</name>
    <message>
        <source> (kept here: the platform does not support it yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (refused by the platform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (not synced yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(hall decides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::UnresolvedRequestService</name>
    <message>
        <source>Choose what kind of matter could not be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown category: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe what the citizen needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 characters (now %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the citizen&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name has at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a mobile number for the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No department of the catalog is called %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::ChecksDialog</name>
    <message>
        <source>Post-checks of commitments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s post-checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conse&amp;quence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded here. The platform does not support it yet; it is sent after the platform is upgraded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded; it is sent to the platform with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-checks of commitments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) had their outcome on the platform already when ours arrived: ours was not taken and is kept here (see the outcome and note columns).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::UnresolvedDialog</name>
    <message>
        <source>Could not be done: record the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the citizen needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the citizen came for and why it could not be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizen&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizen&apos;s mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the hall decides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked to the visit&apos;s case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked to the visit&apos;s evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not linked to a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Needed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Routed to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests of this hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded here. The platform does not support it yet; it is sent after the platform is upgraded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded. Reply due %1; it is sent to the platform with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be done…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::HallDutiesPage</name>
    <message>
        <source>Matters that could not be done, hall-wide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matters that could not be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-checks of commitments, hall-wide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-checks of commitments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests, %2 waiting for their reply, %3 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 false commitments, %2 checks open, %3 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall duties</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::CrossProvinceModel</name>
    <message>
        <source>Platform does not support it yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target case no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CrossProvincePage</name>
    <message>
        <source>Cross-province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive (跨省通办)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm and print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target region, authority and matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, pinyin initials or six-digit code; Enter takes the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No region chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter (as that province names it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter code (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials as that province lists them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each line: name, copies, paper or electronic, then check it against the list (Space). %1 removes the line with the focus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By post (EMS / courier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed for post when forwarding; may be entered later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking number for the forwarding (if not given at intake)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned to the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(type a new one below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The materials listed last time for this matter: check each one again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt saved; the papers could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt saved, forward it by %1. 接收回执 and 移交清单 written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant read from the ID card — compare the photo with the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 receipts, %2 late (not forwarded by their date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return the materials of %1 to the applicant? The receipt ends here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned to the applicant: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::CrossProvinceBoard</name>
    <message>
        <source>Cross-province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipts cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 跨省通办 receipts in the hall; %2 late: not forwarded by their date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 跨省通办 receipts in the hall; none late</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::LeaderboardModel</name>
    <message>
        <source>Not submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the judges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress (%1 of %2 taken)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::ScoreChart</name>
    <message>
        <source>%1 results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::JudgingTab</name>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario drills waiting for the judges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rubric as it stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the score and report it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished scenario drills waiting for the judges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · automatic %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scenario drill is waiting for the judges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 of %2; judges so far: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the judge&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marks of %1 were recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No judge has marked this drill yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score %1 of %2 is fixed and goes to the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score %1 of %2 is fixed; the competition&apos;s result goes to the platform once every scenario of this trainee is scored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::ScenarioEditor</name>
    <message>
        <source>Scanner fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue goes offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue back online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant changes their mind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong (brought but not acceptable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time notice to complete the materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the applicant says when they sit down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target &amp;decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the trainee will see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: what the trainee will see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate test ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate test mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target item: name, pinyin initials or code; ↑/↓ and Enter take it (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No target item yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tar&amp;get item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents the applicant brings (state, and what the trainee is told):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the applicant says or the trainee is told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injected events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injected &amp;events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric &amp;points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judges&apos; criteria with their maximum, e.g. attitude 10; explanation 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Judged criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target item: %1 (%2) · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target item %1 is not in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not a material of the item)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the trainee is told about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled scenario)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant says:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands over:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the trainer sees this:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target item:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target decision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full marks:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::ScenarioListModel</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n attempt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::ScenarioTab</name>
    <message>
        <source>Scenario drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected drill as the trainee will see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the file could not be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (archive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scenario drill yet: Ctrl+N writes one, Ctrl+O imports one a hall shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New scenario drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A closed drill is not changed: duplicate it (%1) and save the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Edit “%1”: it has %n attempt(s), so saving makes version %2 and closes this one (the attempts keep the version they were taken under)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the scenario drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please confirm:
%1

Save it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” saved as a new version; the old one is closed and its attempts keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario drill “%1” saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the scenario drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close “%1”? Trainees no longer see it; its attempts and results are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario drill “%1” closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a scenario drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario drills (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the file has %n error(s), listed below.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Scenario drill “%1” imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the scenario drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
