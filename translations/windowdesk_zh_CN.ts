<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>windowdesk::intake::CardReminderDialog</name>
    <message>
        <source>Your cases with cards</source>
        <translation>您的亮牌办件</translation>
    </message>
    <message numerus="yes">
        <source>%n of your cases carry a card: 预警 %1, 黄牌 %2, 红牌 %3.</source>
        <translation>
            <numerusform>您有 %n 件办件亮牌：预警 %1 件，黄牌 %2 件，红牌 %3 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cases with cards</source>
        <translation>亮牌办件</translation>
    </message>
    <message>
        <source>local %1</source>
        <translation>本地 %1</translation>
    </message>
    <message>
        <source>promised %1</source>
        <translation>承诺期限 %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more in My cases (Ctrl+3)</source>
        <translation>
            <numerusform>……另有 %n 件，见“我的办件”（Ctrl+3）</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open My cases</source>
        <translation>打开我的办件(&amp;O)</translation>
    </message>
    <message>
        <source>Dismiss (Esc)</source>
        <translation>知道了 (Esc)</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>The database is damaged. It was copied aside and left in place; WindowDesk does not start on a damaged database. Ask the hall IT staff to restore it; the copy keeps the work that was not synced yet.</source>
        <translation>数据库已损坏。已将其复制一份另存，原文件保持不动；综窗工作台不会在损坏的数据库上启动。请联系大厅信息技术人员恢复数据库；副本中保留了尚未同步的工作。</translation>
    </message>
    <message>
        <source>The database was written by a newer version of WindowDesk. Nothing was changed. Install the newer version to open it.</source>
        <translation>该数据库由更新版本的综窗工作台写入，未做任何修改。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>The database could not be upgraded to this version. The failed step was rolled back and nothing was changed; a backup copy was made before the upgrade.</source>
        <translation>数据库无法升级到当前版本。失败的步骤已回滚，未做任何修改；升级前已制作备份副本。</translation>
    </message>
    <message>
        <source>The database file cannot be opened: it is not a WindowDesk database, or the disk or its permissions refuse access.</source>
        <translation>无法打开数据库文件：它不是综窗工作台的数据库，或磁盘、文件权限拒绝访问。</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <source>%1

Details: %2

Database: %3</source>
        <translation>%1

详细信息：%2

数据库：%3</translation>
    </message>
    <message>
        <source>WindowDesk cannot start</source>
        <translation>综窗工作台无法启动</translation>
    </message>
    <message>
        <source>The demo hall could not be loaded: %1</source>
        <translation>无法加载演示大厅：%1</translation>
    </message>
</context>
<context>
    <name>windowdesk::app::AppController</name>
    <message>
        <source>No system keychain: the platform login is kept in memory for this run only; log in again after a restart</source>
        <translation>未找到系统钥匙串：平台登录凭据仅保存在本次运行的内存中，重启后需重新登录</translation>
    </message>
    <message>
        <source>Ticket %1 is still being served at this window.</source>
        <translation>本窗口仍在办理 %1 号。</translation>
    </message>
    <message>
        <source>The current visit has entries that are not saved as a case.</source>
        <translation>当前办件有已录入但尚未保存为办件的内容。</translation>
    </message>
    <message>
        <source>&amp;Hold the ticket</source>
        <translation>挂起该号(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keep the draft and the ticket</source>
        <translation>保留草稿和该号(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Keep the draft</source>
        <translation>保留草稿(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>What should happen to it before WindowDesk quits?</source>
        <translation>退出综窗工作台前如何处理？</translation>
    </message>
    <message>
        <source>What should happen to it before you log out?</source>
        <translation>注销前如何处理？</translation>
    </message>
    <message>
        <source>Quit with work open</source>
        <translation>退出：还有未完成的工作</translation>
    </message>
    <message>
        <source>Log out with work open</source>
        <translation>注销：还有未完成的工作</translation>
    </message>
</context>
<context>
    <name>windowdesk::app::Session</name>
    <message>
        <source>Offline login: the platform cannot be reached; data will sync once the link is back</source>
        <translation>离线登录：平台不可达，数据将在联网后同步</translation>
    </message>
    <message>
        <source>Offline login: log in to the platform (sync state menu, Ctrl+Shift+L) so that the data can sync</source>
        <translation>离线登录：请登录政务服务平台（同步状态菜单，Ctrl+Shift+L）以便同步数据</translation>
    </message>
    <message>
        <source>Serial scanner unavailable: %1</source>
        <translation>串口扫码枪不可用：%1</translation>
    </message>
    <message>
        <source>Card reader: helper not installed</source>
        <translation>读卡器：未安装读卡助手程序</translation>
    </message>
    <message>
        <source>Card reader ready</source>
        <translation>读卡器就绪</translation>
    </message>
    <message>
        <source>Card reader restarting…</source>
        <translation>读卡器正在重启…</translation>
    </message>
    <message>
        <source>Card reader starting…</source>
        <translation>读卡器正在启动…</translation>
    </message>
    <message>
        <source>Card reader off</source>
        <translation>读卡器已关闭</translation>
    </message>
</context>
<context>
    <name>windowdesk::app::SyncIndicator</name>
    <message>
        <source>Correct the case at the window, or retry when the cause is fixed. A final answer of the platform is acknowledged instead.</source>
        <translation>请在窗口更正办件，或在问题排除后重试；平台的最终答复请确认“以平台为准”。</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Accept the platform&apos;s answer</source>
        <translation>以平台为准(&amp;A)</translation>
    </message>
    <message>
        <source>The platform&apos;s answer is final: its record stands, ours is kept here. Retrying would get the same answer.</source>
        <translation>平台的答复为最终答复：以平台记录为准，本机记录仍予保留。重试只会得到同样的答复。</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>未能确认：%1</translation>
    </message>
    <message>
        <source>Acknowledged: the platform&apos;s record stands; the write is archived and recorded in the audit log.</source>
        <translation>已确认：以平台记录为准；该笔写入已归档，并记入审计日志。</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Items needing attention…</source>
        <translation>待处理的上传项…</translation>
    </message>
    <message>
        <source>Log in to the platform…</source>
        <translation>登录平台…</translation>
    </message>
    <message>
        <source>pulling %1: %2</source>
        <translation>正在拉取 %1：%2 条</translation>
    </message>
    <message>
        <source>Logged in to the platform.</source>
        <translation>已登录平台。</translation>
    </message>
    <message>
        <source>Logged in; no system keychain: the tokens are kept in memory for this run only.</source>
        <translation>已登录；系统钥匙串不可用：令牌仅在本次运行期间保存在内存中。</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>同步中</translation>
    </message>
    <message>
        <source>platform login needed</source>
        <translation>需要登录平台</translation>
    </message>
    <message numerus="yes">
        <source>%n write(s) pending, oldest %1 ago</source>
        <translation>
            <numerusform>待上传 %n 件，最早的在 %1 前</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing pending</source>
        <translation>无待上传</translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n 件需处理</numerusform>
        </translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message>
        <source>Writes the platform did not accept</source>
        <translation>平台未接受的上传项</translation>
    </message>
    <message>
        <source>%1 %2 — HTTP %3: %4</source>
        <translation>%1 %2 — HTTP %3：%4</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>没有需要处理的项。</translation>
    </message>
    <message>
        <source>Platform login</source>
        <translation>平台登录</translation>
    </message>
    <message>
        <source>Password of %1 on the platform:</source>
        <translation>%1 的平台密码：</translation>
    </message>
    <message>
        <source>Pull progress</source>
        <translation>同步下载进度</translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::IntakeVisit</name>
    <message>
        <source>The license fits no material of this case.</source>
        <translation>该证照不对应本办件的任何材料。</translation>
    </message>
    <message>
        <source>Not attached: the holder does not match.</source>
        <translation>未关联：持证人不一致。</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::AcceptanceForm</name>
    <message>
        <source>Acceptance form</source>
        <translation>受理单</translation>
    </message>
    <message>
        <source>Choose (↓)</source>
        <translation>请选择（↓）</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::ApplicantSection</name>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Legal person / organisation</source>
        <translation>法人或其他组织</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Entity name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Hong Kong/Macao permit</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <source>Taiwan permit</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Foreign permanent residence</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Name (legal representative for an entity)</source>
        <translation>姓名（单位填法定代表人）</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Returning applicant: details filled in from an earlier case — please confirm them.</source>
        <translation>该申请人曾来办事：已按以往办件填入信息，请核对确认。</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Born %1, %2</source>
        <translation>出生日期 %1，%2</translation>
    </message>
    <message>
        <source>Photo from the ID card</source>
        <translation>身份证照片</translation>
    </message>
    <message>
        <source>The card&apos;s id number is not valid: %1</source>
        <translation>身份证上的号码无效：%1</translation>
    </message>
    <message>
        <source>The card&apos;s birth date or sex does not match its id number: check the card and the person.</source>
        <translation>身份证上的出生日期或性别与证件号码不符：请核对证件与本人。</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CaseDetailDialog</name>
    <message>
        <source>Decision recorded</source>
        <translation>作出决定</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>恢复办理</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Red-card follow-up</source>
        <translation>红牌跟踪记录</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>办件 %1</translation>
    </message>
    <message>
        <source>Notices (Enter prints the chosen one again):</source>
        <translation>文书（回车重新打印所选文书）：</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <source>Local case %1 (no case number from the platform yet)</source>
        <translation>本地办件 %1（平台尚未分配办件编号）</translation>
    </message>
    <message>
        <source>Case number %1</source>
        <translation>办件编号 %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>排队号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Entity name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Due dates</source>
        <translation>办结期限</translation>
    </message>
    <message numerus="yes">
        <source>Promised (%n working day(s))</source>
        <translation>
            <numerusform>承诺（%n 个工作日）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Legal (%n working day(s))</source>
        <translation>
            <numerusform>法定（%n 个工作日）</numerusform>
        </translation>
    </message>
    <message>
        <source>Card</source>
        <translation>亮牌</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>办件记录</translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::CaseService</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Enter a number</source>
        <translation>请输入数字</translation>
    </message>
    <message>
        <source>At least %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <source>At most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <source>At most %1 characters</source>
        <translation>最多 %1 个字符</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD</source>
        <translation>请按 YYYY-MM-DD 格式输入日期</translation>
    </message>
    <message>
        <source>Choose one of the options</source>
        <translation>请从选项中选择</translation>
    </message>
    <message>
        <source>A commitment is not allowed for this material</source>
        <translation>此材料不适用告知承诺</translation>
    </message>
    <message>
        <source>Scan the e-license first</source>
        <translation>请先扫描电子证照</translation>
    </message>
    <message>
        <source>Choose a service item first</source>
        <translation>请先选择办理事项</translation>
    </message>
    <message>
        <source>Mark this material</source>
        <translation>请核对此材料</translation>
    </message>
    <message>
        <source>Required material missing</source>
        <translation>缺少必要材料</translation>
    </message>
    <message>
        <source>Say what is missing or wrong</source>
        <translation>请写明缺少或需补正的内容</translation>
    </message>
    <message>
        <source>No material is missing or defective</source>
        <translation>没有缺少或需补正的材料</translation>
    </message>
    <message>
        <source>Give the reason for the refusal</source>
        <translation>请填写不予受理的理由</translation>
    </message>
    <message>
        <source>Give the legal basis</source>
        <translation>请填写法律依据</translation>
    </message>
    <message>
        <source>Unknown decision</source>
        <translation>未知的受理决定</translation>
    </message>
    <message>
        <source>No such case.</source>
        <translation>办件不存在。</translation>
    </message>
    <message>
        <source>Not possible for a case in status %1.</source>
        <translation>办件状态为“%1”，不能执行此操作。</translation>
    </message>
    <message>
        <source>This matter is for legal persons: the applicant must be an entity</source>
        <translation>此事项仅面向法人：申请人类型须为法人或其他组织</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CasesModel</name>
    <message>
        <source>local %1</source>
        <translation>本地 %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>亮牌</translation>
    </message>
    <message>
        <source>Refused by the platform</source>
        <translation>平台退回</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CatalogPage</name>
    <message>
        <source>Search matters: Chinese, pinyin initials, item code or department</source>
        <translation>名称、拼音首字母、编码或部门</translation>
    </message>
    <message>
        <source>Start intake</source>
        <translation>开始受理</translation>
    </message>
    <message>
        <source>[Bundle] %1</source>
        <translation>【一件事】%1</translation>
    </message>
    <message>
        <source>No matter found.</source>
        <translation>未找到事项。</translation>
    </message>
    <message>
        <source>This matter cannot be loaded from the catalog.</source>
        <translation>无法从事项目录加载此事项。</translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Legal person</source>
        <translation>法人</translation>
    </message>
    <message>
        <source>Natural or legal person</source>
        <translation>自然人或法人</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>实施部门</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>受理条件</translation>
    </message>
    <message>
        <source>Service object</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>办理流程</translation>
    </message>
    <message>
        <source>Legal time limit</source>
        <translation>法定办结时限</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>Promised time limit</source>
        <translation>承诺办结时限</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>收费标准</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>可网上办理</translation>
    </message>
    <message>
        <source>Cross-province</source>
        <translation>可跨省通办</translation>
    </message>
    <message>
        <source>Commitment (告知承诺) allowed</source>
        <translation>可告知承诺</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必交</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选交</translation>
    </message>
    <message numerus="yes">
        <source>%n copies</source>
        <translation>
            <numerusform>%n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>e-license can stand in</source>
        <translation>可用电子证照替代</translation>
    </message>
    <message>
        <source>commitment accepted</source>
        <translation>可告知承诺</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>表单字段</translation>
    </message>
    <message>
        <source>This bundle cannot be loaded from the catalog.</source>
        <translation>无法从事项目录加载此“一件事”。</translation>
    </message>
    <message numerus="yes">
        <source>promised %n working day(s)</source>
        <translation>
            <numerusform>承诺 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>Items</source>
        <translation>包含事项</translation>
    </message>
    <message>
        <source>no longer in the catalog</source>
        <translation>已不在事项目录中</translation>
    </message>
    <message>
        <source>Materials (shared ones listed once)</source>
        <translation>申请材料（共用材料只列一次）</translation>
    </message>
    <message numerus="yes">
        <source>for %n items</source>
        <translation>
            <numerusform>%n 个事项共用</numerusform>
        </translation>
    </message>
    <message>
        <source>Form fields (asked once)</source>
        <translation>表单字段（只填一次）</translation>
    </message>
    <message>
        <source>immediate (done on the spot)</source>
        <translation>即办件（当场办结）</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>又称</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CatalogSearchHint</name>
    <message>
        <source>No results. Try “%1”, or pinyin initials (sbk for 社保卡), an item code or a department.</source>
        <translation>无结果。可试试“%1”，或用拼音首字母（如 sbk 查社保卡）、事项编码、部门名称搜索。</translation>
    </message>
    <message>
        <source>No results. Try fewer characters, pinyin initials (sbk for 社保卡), an item code or a department.</source>
        <translation>无结果。可少输几个字，或用拼音首字母（如 sbk 查社保卡）、事项编码、部门名称搜索。</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CitizenPhoneWindow</name>
    <message>
        <source>Citizen phone (demo)</source>
        <translation>群众手机（演示）</translation>
    </message>
    <message>
        <source>DEMO DATA — signed with the demo hall&apos;s key</source>
        <translation>演示数据——由演示大厅密钥签名</translation>
    </message>
    <message>
        <source>Simulate scan (types the code into the clerk&apos;s window)</source>
        <translation>模拟扫码（将亮证码输入办事员窗口）</translation>
    </message>
    <message>
        <source>No demo license: %1</source>
        <translation>无演示证照：%1</translation>
    </message>
    <message>
        <source>QR code failed: %1</source>
        <translation>二维码生成失败：%1</translation>
    </message>
    <message>
        <source>Valid until %1 (a new code every minute)</source>
        <translation>有效至 %1（每分钟更新亮证码）</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::DecisionPanel</name>
    <message>
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>Accept (受理) — Alt+1</source>
        <translation>受理 — Alt+1</translation>
    </message>
    <message>
        <source>Correction notice (一次性告知补正) — Alt+2</source>
        <translation>一次性告知补正 — Alt+2</translation>
    </message>
    <message>
        <source>Refuse (不予受理) — Alt+3</source>
        <translation>不予受理 — Alt+3</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Legal basis (refusal)</source>
        <translation>不予受理依据</translation>
    </message>
    <message>
        <source>Confirm decision</source>
        <translation>确认决定</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新接待</translation>
    </message>
    <message>
        <source>Choose a matter to see the due dates.</source>
        <translation>选择事项后显示办结期限。</translation>
    </message>
    <message>
        <source>Promised: %1 working days → %2
Legal: %3 working days → %4</source>
        <translation>承诺：%1 个工作日 → %2
法定：%3 个工作日 → %4</translation>
    </message>
    <message>
        <source>No working-day calendar for %1: due dates will come from the platform.</source>
        <translation>缺少 %1 年的工作日历：办结期限将由平台计算。</translation>
    </message>
    <message>
        <source>* provisional calendar</source>
        <translation>* 暂定工作日历</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::EvaluationDialog</name>
    <message>
        <source>Please rate our service</source>
        <translation>请对我们的服务进行评价</translation>
    </message>
    <message>
        <source>How satisfied are you with this service?</source>
        <translation>您对本次服务是否满意？</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>按 %1 键</translation>
    </message>
    <message>
        <source>What went wrong? (choose at least one; Space ticks, Enter sends)</source>
        <translation>哪里不满意？（至少选一项；Space 勾选，Enter 提交）</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>意见建议（选填）</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>提交（Enter）</translation>
    </message>
    <message>
        <source>Level %1 chosen. Please choose at least one reason.</source>
        <translation>已选择 %1 级评价，请至少选择一项原因。</translation>
    </message>
    <message>
        <source>Please choose at least one reason.</source>
        <translation>请至少选择一项原因。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>感谢您的评价！</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::IntakePage</name>
    <message>
        <source>Unfinished drafts:</source>
        <translation>未完成的草稿：</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>This matter cannot be loaded from the catalog.</source>
        <translation>无法从事项目录加载此事项。</translation>
    </message>
    <message>
        <source>This matter is for legal persons: enter the entity and its USCC.</source>
        <translation>此事项面向法人：请填写单位名称及统一社会信用代码。</translation>
    </message>
    <message>
        <source>The draft cannot be restored.</source>
        <translation>无法恢复草稿。</translation>
    </message>
    <message>
        <source>Draft restored.</source>
        <translation>草稿已恢复。</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>草稿未能保存：%1</translation>
    </message>
    <message>
        <source>Acceptance form</source>
        <translation>受理单</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Applicant kind</source>
        <translation>申请人类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Entity name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message numerus="yes">
        <source>The decision cannot be taken yet: %n problem(s).</source>
        <translation>
            <numerusform>尚不能作出决定：有 %n 处问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved: %1. Notice saved as PDF in %2 (Ctrl+P to print).</source>
        <translation>已保存：%1。文书已存为 PDF，位于 %2（Ctrl+P 打印）。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Saved: %1, but the notice could not be written: %2</source>
        <translation>已保存：%1，但文书未能生成：%2</translation>
    </message>
    <message>
        <source>Evaluation received: %1</source>
        <translation>已收到评价：%1 级</translation>
    </message>
    <message>
        <source>No notice to print yet.</source>
        <translation>暂无可打印的文书。</translation>
    </message>
    <message>
        <source>Applicant read from the ID card — compare the photo with the person.</source>
        <translation>已从身份证读取申请人信息——请核对照片与本人。</translation>
    </message>
    <message>
        <source>%1 The citizen&apos;s screen %2 is not connected: the evaluation opens on this screen. Choose the screen again in Settings (Ctrl+,).</source>
        <translation>%1 群众评价屏 %2 未连接：评价窗口显示在本屏上。请在设置（Ctrl+,）中重新选择屏幕。</translation>
    </message>
    <message>
        <source>Saved: %1. Printed: %2; also saved as PDF in %3 (Ctrl+P prints again, with preview).</source>
        <translation>已保存：%1。已打印：%2；文书另存为 PDF，位于 %3（Ctrl+P 预览后再次打印）。</translation>
    </message>
    <message>
        <source>Saved: %1, but the printer refused %2: Ctrl+P to print with preview.</source>
        <translation>已保存：%1，但打印机未能打印%2：请按 Ctrl+P 预览后打印。</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::LicensePanel</name>
    <message>
        <source>E-license (scan the citizen&apos;s QR code)</source>
        <translation>电子证照（扫描群众亮证码）</translation>
    </message>
    <message>
        <source>No license scanned yet.</source>
        <translation>尚未扫描证照。</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>证照类型：</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>证照编号：</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>持证主体：</translation>
    </message>
    <message>
        <source>Holder id:</source>
        <translation>持证人证件号：</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>发证机关：</translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation>发证日期：</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>有效期至：</translation>
    </message>
    <message>
        <source>Open the license document</source>
        <translation>打开证照文件</translation>
    </message>
    <message>
        <source>Paste a license code (EL1.…) and press Enter — %1</source>
        <translation>粘贴亮证码（EL1.…）后按回车 — %1</translation>
    </message>
    <message>
        <source>Citizen phone (%1)</source>
        <translation>群众手机（%1）</translation>
    </message>
    <message>
        <source>The license could not be checked: %1</source>
        <translation>无法核验证照：%1</translation>
    </message>
    <message>
        <source>Could not be confirmed online before the code expired: check the original license (状态未确认).</source>
        <translation>亮证码过期前未能联网确认：请核对证照原件（状态未确认）。</translation>
    </message>
    <message>
        <source>License verification is not available on this desk.</source>
        <translation>本工位无法核验电子证照。</translation>
    </message>
    <message>
        <source>License not accepted</source>
        <translation>证照未通过核验</translation>
    </message>
    <message>
        <source>License not accepted: %1</source>
        <translation>电子证照不可用：%1</translation>
    </message>
    <message>
        <source>The applicant&apos;s name was filled from the ID license. The id number is masked on the license: type or confirm the full id number yourself.</source>
        <translation>已按身份证照填入申请人姓名。证照上的证件号码已脱敏，请自行录入或核对完整证件号码。</translation>
    </message>
    <message>
        <source>Attached to the material as an e-license.</source>
        <translation>已作为电子证照关联到对应材料。</translation>
    </message>
    <message>
        <source>This license (%1) fits no material of this case.</source>
        <translation>该证照（%1）不对应本办件的任何材料。</translation>
    </message>
    <message>
        <source>License holder differs</source>
        <translation>持证人不一致</translation>
    </message>
    <message>
        <source>The license holder (%1, %2) does not match the applicant (%3, %4). Attach it anyway?</source>
        <translation>持证人（%1，%2）与申请人（%3，%4）不一致。仍要关联吗？</translation>
    </message>
    <message>
        <source>License %1 attached to “%2”.</source>
        <translation>证照 %1 已关联到“%2”。</translation>
    </message>
    <message>
        <source>Confirmed online: valid (已联网确认)</source>
        <translation>已联网确认：有效</translation>
    </message>
    <message>
        <source>revoked (已吊销)</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>expired (已过期)</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>The platform says this license is %1.</source>
        <translation>平台提示该证照%1。</translation>
    </message>
    <message>
        <source>The platform says this license is %1: removed from “%2”.</source>
        <translation>平台提示该证照%1：已从“%2”中移除。</translation>
    </message>
    <message>
        <source>Confirmed online: %1</source>
        <translation>已联网确认：%1</translation>
    </message>
    <message>
        <source>The platform says this code was already used in another hall (payload_replayed): ask the citizen to refresh the code.</source>
        <translation>平台提示该亮证码已在其他大厅使用：请申请人刷新后重新出示。</translation>
    </message>
    <message>
        <source>The platform says the code has expired (payload_expired): ask the citizen to refresh it and scan again.</source>
        <translation>平台提示亮证码已过期：请申请人刷新后重新扫码。</translation>
    </message>
    <message>
        <source>The platform could not verify the code&apos;s signature: do not accept this license.</source>
        <translation>平台无法验证亮证码签名：请勿采用此证照。</translation>
    </message>
    <message>
        <source>The platform does not know this license: check the original.</source>
        <translation>平台查无此证照：请核对原件。</translation>
    </message>
    <message>
        <source>The platform refused the code (%1).</source>
        <translation>平台拒绝了该亮证码（%1）。</translation>
    </message>
    <message>
        <source>Removed from “%1”.</source>
        <translation>已从“%1”中移除。</translation>
    </message>
    <message>
        <source>Not confirmed by the platform</source>
        <translation>平台未确认</translation>
    </message>
    <message>
        <source>The license document could not be fetched (%1).</source>
        <translation>无法获取证照文件（%1）。</translation>
    </message>
    <message>
        <source>The license document could not be saved.</source>
        <translation>无法保存证照文件。</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::MaterialsChecklist</name>
    <message>
        <source>Materials (Ctrl+M marks the unmarked ones as paper)</source>
        <translation>材料（Ctrl+M 将未核对的标为纸质）</translation>
    </message>
    <message numerus="yes">
        <source> (for %n items)</source>
        <translation>
            <numerusform>（%n 个事项共用）</numerusform>
        </translation>
    </message>
    <message>
        <source>— not checked —</source>
        <translation>— 未核对 —</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <source>E-license</source>
        <translation>电子证照</translation>
    </message>
    <message>
        <source>Commitment (告知承诺)</source>
        <translation>告知承诺</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>An e-license can stand in: scan it</source>
        <translation>可用电子证照替代：请扫码</translation>
    </message>
    <message>
        <source>What is missing or wrong</source>
        <translation>缺少或需补正的内容</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::MatterSearch</name>
    <message>
        <source>Matter (Ctrl+F)</source>
        <translation>事项（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search items and bundles: name, pinyin initials or code; Enter takes the first</source>
        <translation>搜索事项和“一件事”：名称、拼音首字母或编码；回车选第一项</translation>
    </message>
    <message>
        <source>Bundle: %1 — items: %2</source>
        <translation>一件事：%1 — 包含事项：%2</translation>
    </message>
    <message>
        <source>Item: %1 (%2)</source>
        <translation>事项：%1（%2）</translation>
    </message>
    <message>
        <source>[Bundle] %1</source>
        <translation>【一件事】%1</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::MyCasesPage</name>
    <message>
        <source>Today and open</source>
        <translation>今日及未办结</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Search applicant, matter, case number…</source>
        <translation>搜索申请人、事项、办件编号…</translation>
    </message>
    <message>
        <source>Delivery way or withdrawal reason</source>
        <translation>送达方式或撤回原因</translation>
    </message>
    <message>
        <source>Record delivery (Ctrl+D)</source>
        <translation>登记送达（Ctrl+D）</translation>
    </message>
    <message>
        <source>Record withdrawal (Ctrl+W)</source>
        <translation>登记撤回（Ctrl+W）</translation>
    </message>
    <message>
        <source>Print notice (Ctrl+P)</source>
        <translation>打印文书（Ctrl+P）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Cases cannot be read: %1</source>
        <translation>无法读取办件：%1</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>请先选择办件。</translation>
    </message>
    <message>
        <source>Delivery recorded; the delivery receipt is saved.</source>
        <translation>送达已登记，送达回证已保存。</translation>
    </message>
    <message>
        <source>Withdrawal recorded.</source>
        <translation>撤回已登记。</translation>
    </message>
    <message>
        <source>Correct and resend</source>
        <translation>更正后重新上报</translation>
    </message>
    <message>
        <source>Choose a case marked 需更正 first.</source>
        <translation>请先选择标有“需更正”的办件。</translation>
    </message>
    <message>
        <source>Correct the case and resend</source>
        <translation>更正办件并重新上报</translation>
    </message>
    <message>
        <source>Applicant name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Correction saved; it is sent with the next sync.</source>
        <translation>更正已保存，将在下次同步时上报。</translation>
    </message>
    <message>
        <source>The case cannot be read: %1</source>
        <translation>无法读取办件：%1</translation>
    </message>
    <message>
        <source>Form field</source>
        <translation>表单字段</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::QueueBar</name>
    <message>
        <source>Queue</source>
        <translation>排队叫号</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Resume held</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转号</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>无号办理</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation>转号到</translation>
    </message>
    <message>
        <source>The queue is offline: serve walk-ins without a ticket (F9).</source>
        <translation>叫号系统离线：请按无号办理（F9）接待。</translation>
    </message>
    <message>
        <source>That action does not fit the ticket&apos;s state.</source>
        <translation>当前号票状态不能执行此操作。</translation>
    </message>
    <message>
        <source>Queue error: %1</source>
        <translation>叫号出错：%1</translation>
    </message>
    <message>
        <source>called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>on hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>已过号</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>Ticket %1 · %2 · waited %3 min · %4</source>
        <translation>%1 号 · %2 · 已等 %3 分钟 · %4</translation>
    </message>
    <message>
        <source>Walk-in (no ticket)</source>
        <translation>无号办理</translation>
    </message>
    <message>
        <source>No ticket — F2 calls the next</source>
        <translation>当前无号 — 按 F2 叫号</translation>
    </message>
    <message>
        <source>Queue offline</source>
        <translation>叫号系统离线</translation>
    </message>
    <message>
        <source>Waiting for this window: %1</source>
        <translation>本窗口等候：%1 人</translation>
    </message>
    <message>
        <source>Last called: —</source>
        <translation>上次叫号：—</translation>
    </message>
    <message>
        <source>Last called: %1</source>
        <translation>上次叫号：%1</translation>
    </message>
    <message>
        <source>Nobody is waiting for this window.</source>
        <translation>本窗口无人等候。</translation>
    </message>
    <message>
        <source>Called %1.</source>
        <translation>已呼叫 %1 号。</translation>
    </message>
    <message>
        <source>Ticket on hold; its draft is kept. Shift+F7 resumes it.</source>
        <translation>号票已挂起，草稿已保留。按 Shift+F7 恢复。</translation>
    </message>
    <message>
        <source>No ticket on hold.</source>
        <translation>没有挂起的号票。</translation>
    </message>
    <message>
        <source>Ticket %1 resumed.</source>
        <translation>已恢复办理 %1 号。</translation>
    </message>
    <message>
        <source>Ticket %1 transferred to %2.</source>
        <translation>%1 号已转至%2。</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::BoardCasesModel</name>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Calendar missing</source>
        <translation>缺少日历</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Yellow card</source>
        <translation>黄牌</translation>
    </message>
    <message>
        <source>Red card</source>
        <translation>红牌</translation>
    </message>
    <message>
        <source>local %1</source>
        <translation>本地 %1</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>办事员</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Promised due</source>
        <translation>承诺期限</translation>
    </message>
    <message>
        <source>Legal due</source>
        <translation>法定期限</translation>
    </message>
    <message>
        <source>Platform due</source>
        <translation>平台期限</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>红黄牌</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Id number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::BoardRowsModel</name>
    <message>
        <source>(no department)</source>
        <translation>（无部门）</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄牌</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红牌</translation>
    </message>
    <message>
        <source>Follow-up missing</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Calendar missing</source>
        <translation>缺少日历</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::FollowupDialog</name>
    <message>
        <source>Red card follow-up</source>
        <translation>红牌督办</translation>
    </message>
    <message>
        <source>Yellow card follow-up</source>
        <translation>黄牌督办</translation>
    </message>
    <message>
        <source>Clerk error</source>
        <translation>窗口人员差错</translation>
    </message>
    <message>
        <source>Back-office delay</source>
        <translation>后台部门延误</translation>
    </message>
    <message>
        <source>Applicant delay</source>
        <translation>申请人原因延误</translation>
    </message>
    <message>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>— choose the finding —</source>
        <translation>— 请选择督办结论 —</translation>
    </message>
    <message>
        <source>&amp;Finding</source>
        <translation>督办结论(&amp;F)</translation>
    </message>
    <message>
        <source>What was done, e.g. urged the department to decide by Friday</source>
        <translation>采取的措施，例如：督促部门周五前办结</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>处理措施(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Save (Ctrl+Return)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Type the first letters to pick a finding · Tab: next field · Ctrl+Return: save · Esc: cancel</source>
        <translation>↑↓ 选择督办结论 · Tab：下一项 · Ctrl+Enter：保存 · Esc：取消</translation>
    </message>
    <message>
        <source>Choose the finding.</source>
        <translation>请选择督办结论。</translation>
    </message>
    <message>
        <source>Write the action taken.</source>
        <translation>请填写处理措施。</translation>
    </message>
    <message>
        <source>Only supervisors record follow-ups.</source>
        <translation>只有大厅负责人可以登记督办。</translation>
    </message>
    <message>
        <source>The follow-up was not saved: %1</source>
        <translation>督办未保存：%1</translation>
    </message>
    <message>
        <source>Follow-up saved on this computer. The platform does not support follow-ups yet (platform 1.0); it is sent after a login to a 1.1 platform.</source>
        <translation>督办已保存在本机。平台暂不支持督办（1.0 版平台），登录 1.1 版平台后再发送。</translation>
    </message>
    <message>
        <source>Follow-up saved; it is sent to the platform with the next sync.</source>
        <translation>督办已保存，将在下次同步时发送到平台。</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::LedgerModel</name>
    <message>
        <source>Open</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Explained</source>
        <translation>已说明</translation>
    </message>
    <message>
        <source>Appealed</source>
        <translation>申诉中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>1 Very dissatisfied</source>
        <translation>1 非常不满意</translation>
    </message>
    <message>
        <source>2 Dissatisfied</source>
        <translation>2 不满意</translation>
    </message>
    <message>
        <source>Calendar missing</source>
        <translation>缺少日历</translation>
    </message>
    <message>
        <source> (platform)</source>
        <translation>（平台）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Rated at</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>办事员</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>评价等级</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>差评原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>最近处置</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message numerus="yes">
        <source>Missing (real name, %n not reached)</source>
        <translation>
            <numerusform>缺回访（实名，%n 次未联系上）</numerusform>
        </translation>
    </message>
    <message>
        <source>Missing (real name)</source>
        <translation>缺回访（实名）</translation>
    </message>
    <message numerus="yes">
        <source>Not reached (%n)</source>
        <translation>
            <numerusform>未联系上（%n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>非实名</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::LedgerPage</name>
    <message>
        <source>Type to filter</source>
        <translation>输入即筛选</translation>
    </message>
    <message>
        <source>Filter the ledger</source>
        <translation>筛选台账</translation>
    </message>
    <message>
        <source>Rectification ledger</source>
        <translation>差评整改台账</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处置动作</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核实</translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Explained</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Record (Ctrl+Return)</source>
        <translation>记录（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Only supervisors work the ledger.</source>
        <translation>只有大厅负责人可以处理差评台账。</translation>
    </message>
    <message>
        <source>Pick a task in the list first.</source>
        <translation>请先在列表中选择一条整改任务。</translation>
    </message>
    <message>
        <source>Recorded; it is sent to the platform with the next sync.</source>
        <translation>已记录，将在下次同步时报送平台。</translation>
    </message>
    <message>
        <source>Bad-rating ledger</source>
        <translation>差评台账</translation>
    </message>
    <message>
        <source>Not supported by the platform yet (platform 1.0): callbacks and appeals are kept on this computer and sent after a login to a 1.1 platform.</source>
        <translation>平台暂不支持回访和申诉（平台 1.0）：记录保存在本机，登录 1.1 平台后再报送。</translation>
    </message>
    <message>
        <source>The task&apos;s callbacks, actions and appeal</source>
        <translation>该任务的回访、处置和申诉记录</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Reached the citizen?</source>
        <translation>是否联系上群众</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Satisfied after the callback?</source>
        <translation>回访后是否满意</translation>
    </message>
    <message>
        <source>Satisfied after</source>
        <translation>回访后满意</translation>
    </message>
    <message>
        <source>Still dissatisfied</source>
        <translation>仍不满意</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>%1 bad ratings, %2 open, %3 overdue, %4 real-name callbacks missing</source>
        <translation>差评 %1 条，待整改 %2 条，已逾期 %3 条，实名差评缺回访 %4 条</translation>
    </message>
    <message>
        <source>Type to filter · Enter: open the task · Esc: clear the filter · Ctrl+R: refresh · Ctrl+PgDown / Ctrl+PgUp: next / previous tab</source>
        <translation>输入即筛选 · Enter：打开任务 · Esc：清除筛选 · Ctrl+R：刷新 · Ctrl+PgDown／Ctrl+PgUp：下一个／上一个标签页</translation>
    </message>
    <message>
        <source>Bad-rating ledger › %1 %2</source>
        <translation>差评台账 › %1 %2</translation>
    </message>
    <message>
        <source>Rated %1 at window %2 (%3): %4</source>
        <translation>%1 于 %2 窗口（%3）评价：%4</translation>
    </message>
    <message>
        <source>1 Very dissatisfied</source>
        <translation>1 非常不满意</translation>
    </message>
    <message>
        <source>2 Dissatisfied</source>
        <translation>2 不满意</translation>
    </message>
    <message>
        <source>Reasons: %1</source>
        <translation>差评原因：%1</translation>
    </message>
    <message>
        <source>State: %1 · rectify by %2%3</source>
        <translation>状态：%1 · 整改期限 %2%3</translation>
    </message>
    <message>
        <source>(calendar missing)</source>
        <translation>（缺少日历）</translation>
    </message>
    <message>
        <source> · overdue</source>
        <translation> · 已逾期</translation>
    </message>
    <message>
        <source>Callback: %1</source>
        <translation>回访：%1</translation>
    </message>
    <message>
        <source>F2: next action (verified, rectified, explained, callback, appeal) · F6: callback · F7: appeal · Ctrl+Return: record · Backspace in the empty note or Esc: back to the list · Ctrl+R: refresh</source>
        <translation>F2：切换动作（核实、整改、情况说明、回访、申诉） · F6：回访 · F7：申诉 · Ctrl+Return：记录 · 说明为空时按 Backspace 或按 Esc：回到列表 · Ctrl+R：刷新</translation>
    </message>
    <message>
        <source>How the callback went (required if not reached)</source>
        <translation>回访情况（未联系上时必填）</translation>
    </message>
    <message>
        <source>The reason for the appeal (required)</source>
        <translation>申诉理由（必填）</translation>
    </message>
    <message>
        <source>The explanation (required)</source>
        <translation>说明内容（必填）</translation>
    </message>
    <message>
        <source>What was found or done</source>
        <translation>核查或整改情况</translation>
    </message>
    <message>
        <source>Open a task with Enter first.</source>
        <translation>请先按 Enter 打开一条整改任务。</translation>
    </message>
    <message>
        <source>Saved on this computer. Not supported by the platform yet (platform 1.0): callbacks and appeals are sent after a login to a 1.1 platform.</source>
        <translation>已保存在本机。平台暂不支持回访和申诉（平台 1.0），登录 1.1 平台后再报送。</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::SupervisionPage</name>
    <message>
        <source>Select a red or yellow case to follow it up (F3).</source>
        <translation>请选中一件红牌或黄牌办件再督办（F3）。</translation>
    </message>
    <message>
        <source>Type to filter</source>
        <translation>输入即筛选</translation>
    </message>
    <message>
        <source>Filter the list</source>
        <translation>筛选列表</translation>
    </message>
    <message>
        <source>Overdue board</source>
        <translation>超期看板</translation>
    </message>
    <message>
        <source>The board cannot be read: %1</source>
        <translation>无法读取看板：%1</translation>
    </message>
    <message>
        <source>Only supervisors see the hall's board.</source>
        <translation>只有大厅负责人可以查看全厅看板。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Yellow cards</source>
        <translation>黄牌</translation>
    </message>
    <message>
        <source>Red cards</source>
        <translation>红牌</translation>
    </message>
    <message>
        <source>Follow-ups missing</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>（无部门）</translation>
    </message>
    <message>
        <source>local %1</source>
        <translation>本地 %1</translation>
    </message>
    <message>
        <source> · promised %1, legal %2 (platform %3)</source>
        <translation> · 承诺期限 %1，法定期限 %2（平台 %3）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Type to filter · Enter: open · Backspace: back · Alt+1..6: tiles · Ctrl+G: by window / by department · Ctrl+R: refresh · F3: follow up a red or yellow case · F4: full id and phone (with a reason)</source>
        <translation>输入即筛选 · Enter：打开 · Backspace：返回 · Alt+1..6：切换统计块 · Ctrl+G：按窗口／按部门 · Ctrl+R：刷新 · F3：督办红牌或黄牌办件 · F4：查看完整证件号和电话（须填原因）</translation>
    </message>
    <message>
        <source>Select a case to show its applicant&apos;s full data (F4).</source>
        <translation>请先选中一件办件，再按 F4 查看申请人完整信息。</translation>
    </message>
    <message>
        <source>This case was taken in at another window (hall-wide data): its full id number and phone are not held on this computer, only the masked form.</source>
        <translation>此办件由其他窗口受理（全厅数据）：本机没有申请人的完整证件号码和电话，只有脱敏信息，无法查看。</translation>
    </message>
    <message>
        <source>The applicant&apos;s full data was shown; the reason is in the audit log.</source>
        <translation>已查看申请人完整信息，查看原因已记入审计日志。</translation>
    </message>
    <message>
        <source>False commitments</source>
        <translation>虚假承诺</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::TimelineModel</name>
    <message>
        <source>Decided at the window</source>
        <translation>窗口作出受理决定</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source> (platform)</source>
        <translation>（平台）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui</name>
    <message>
        <source>The CA certificate file cannot be read: %1</source>
        <translation>无法读取 CA 证书文件：%1</translation>
    </message>
    <message>
        <source>The file holds no certificate in PEM format (text starting with -----BEGIN CERTIFICATE-----). Ask the platform operator for the hall CA certificate.</source>
        <translation>该文件中没有 PEM 格式的证书（以 -----BEGIN CERTIFICATE----- 开头的文本）。请向平台运维方索取大厅 CA 证书。</translation>
    </message>
    <message>
        <source>The CA certificate is expired or not yet valid (valid until %1).</source>
        <translation>CA 证书已过期或尚未生效（有效期至 %1）。</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::AboutDialog</name>
    <message>
        <source>About WindowDesk</source>
        <translation>关于综窗工作台</translation>
    </message>
    <message>
        <source>WindowDesk</source>
        <translation>综窗工作台</translation>
    </message>
    <message>
        <source>The workbench of the comprehensive window of a government service hall.</source>
        <translation>政务服务中心综合窗口的工作台。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Licensed under the Apache License, Version 2.0. Qt is used under the LGPL v3; QtKeychain, zint, OpenSSL and SQLite under their own permissive licences.</source>
        <translation>依据 Apache 许可证 2.0 版发布。Qt 依据 LGPL v3 使用；QtKeychain、zint、OpenSSL 和 SQLite 依据各自的宽松许可证使用。</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::LoginDialog</name>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>WindowDesk — Log in</source>
        <translation>综窗工作台 — 登录</translation>
    </message>
    <message>
        <source>WindowDesk</source>
        <translation>综窗工作台</translation>
    </message>
    <message>
        <source>Comprehensive window workbench</source>
        <translation>综合窗口工作台</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts.</source>
        <translation>登录失败次数过多，该账户已被锁定。</translation>
    </message>
    <message>
        <source>The platform cannot be reached. You can log in with an account already used on this computer; work is kept and synced when the link returns.</source>
        <translation>无法连接平台。可使用曾在本机登录过的账户离线登录；工作内容会保存在本机，网络恢复后自动同步。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask the hall administrator.</source>
        <translation>该账户已停用，请联系大厅管理员。</translation>
    </message>
    <message>
        <source>Login failed.</source>
        <translation>登录失败。</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>The platform cannot be reached and this account has never logged in online on this computer, so it cannot log in offline. Log in once while the platform is reachable.</source>
        <translation>平台不可达，且该账号从未在本机联网登录过，无法离线登录。请在平台可用时先联网登录一次。</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::MainWindow</name>
    <message>
        <source>Clerk</source>
        <translation>综窗办事员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>窗口负责人</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>我的办件</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>监督</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Call the next ticket, identify the applicant, fill in the unified acceptance form, check the materials and decide.</source>
        <translation>叫号、核验申请人身份、填写统一受理单、核对材料并作出受理决定。</translation>
    </message>
    <message>
        <source>Search the service items and the &quot;one thing, one go&quot; bundles with their standard elements.</source>
        <translation>查询政务服务事项和“一件事一次办”主题及其标准要素。</translation>
    </message>
    <message>
        <source>The cases you accepted, their due dates and overdue cards.</source>
        <translation>本人受理的办件、办结期限和超期亮牌情况。</translation>
    </message>
    <message>
        <source>Live queue board, overdue board (warning, yellow and red cards), evaluations and the rectification ledger.</source>
        <translation>实时排队看板、超期看板（预警、黄牌、红牌）、好差评和差评整改台账。</translation>
    </message>
    <message>
        <source>Question banks, papers, scenario drills and skill competitions.</source>
        <translation>题库、试卷、情景演练和业务技能竞赛。</translation>
    </message>
    <message>
        <source>WindowDesk — %1</source>
        <translation>综窗工作台 — %1</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Log &amp;out (switch user)</source>
        <translation>注销（切换用户）(&amp;O)</translation>
    </message>
    <message>
        <source>Log out and &amp;quit</source>
        <translation>注销并退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About WindowDesk</source>
        <translation>关于综窗工作台(&amp;A)</translation>
    </message>
    <message>
        <source>No keychain: the end of the audit log cannot be anchored, and id numbers and phones are stored in clear</source>
        <translation>无系统钥匙串：审计日志末尾无法锚定，身份证号和电话以明文保存</translation>
    </message>
    <message>
        <source>The keychain does not hold this database&apos;s personal data key: id numbers and phones are stored in clear</source>
        <translation>钥匙串中没有此数据库的个人信息密钥：身份证号和电话以明文保存</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 · %2 · Window %3</source>
        <translation>%1 · %2 · %3 号窗口</translation>
    </message>
    <message>
        <source>No platform configured (demo hall)</source>
        <translation>未配置平台（演示大厅）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, shortcut %2</source>
        <translation>%1，快捷键 %2</translation>
    </message>
    <message>
        <source>Platform %1</source>
        <translation>平台 %1</translation>
    </message>
    <message>
        <source>The new platform address applies at the next login (%1)</source>
        <translation>新的平台地址将在下次登录时生效（%1）</translation>
    </message>
    <message>
        <source>none: the demo hall</source>
        <translation>无：演示大厅</translation>
    </message>
    <message>
        <source>Open the &amp;notices folder</source>
        <translation>打开通知书文件夹(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Manual and shortcuts</source>
        <translation>使用说明和快捷键(&amp;M)</translation>
    </message>
    <message>
        <source>Notices folder</source>
        <translation>通知书文件夹</translation>
    </message>
    <message>
        <source>The notices are saved as PDF in:
%1</source>
        <translation>通知书以 PDF 保存在：
%1</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Papers and competitions open to you, and scenario drills in practice mode.</source>
        <translation>可参加的试卷和竞赛，以及练习模式下的情景演练。</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::PlaceholderPage</name>
    <message>
        <source>This feature is still under development and will be provided in a later release.</source>
        <translation>此功能尚在开发中，将在后续版本提供</translation>
    </message>
    <message>
        <source>Coming soon</source>
        <translation>即将推出</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Empty: no platform, work on the demo hall</source>
        <translation>留空：不连接平台，使用演示大厅</translation>
    </message>
    <message>
        <source>Window number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <source>Platform and window</source>
        <translation>平台与窗口</translation>
    </message>
    <message>
        <source>Platform &amp;address:</source>
        <translation>平台地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Window number:</source>
        <translation>窗口号(&amp;W)：</translation>
    </message>
    <message>
        <source>Maximum gap between scanner keys in milliseconds</source>
        <translation>扫码枪按键最大间隔（毫秒）</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Minimum scan length in characters</source>
        <translation>扫码内容最短长度（字符）</translation>
    </message>
    <message>
        <source>Scan suffix</source>
        <translation>扫码后缀</translation>
    </message>
    <message>
        <source>Enter (CR)</source>
        <translation>回车（CR）</translation>
    </message>
    <message>
        <source>Line feed (LF)</source>
        <translation>换行（LF）</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符（Tab）</translation>
    </message>
    <message>
        <source>Scan prefix</source>
        <translation>扫码前缀</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Serial port of the scanner</source>
        <translation>扫码枪串口</translation>
    </message>
    <message>
        <source>Empty: keyboard mode; e.g. /dev/ttyACM0 or COM3</source>
        <translation>留空：键盘模式；例如 /dev/ttyACM0 或 COM3</translation>
    </message>
    <message>
        <source>Desks where a Chinese input method is often switched on should use serial mode: the scan then does not pass through the keyboard, so the input method cannot swallow or change it.</source>
        <translation>经常开启中文输入法的窗口建议使用串口模式：扫码内容不经过键盘，输入法无法截获或改动。</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>Max. &amp;gap between keys:</source>
        <translation>按键最大间隔(&amp;G)：</translation>
    </message>
    <message>
        <source>Min. &amp;length:</source>
        <translation>最短长度(&amp;L)：</translation>
    </message>
    <message>
        <source>Su&amp;ffix:</source>
        <translation>后缀(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>前缀(&amp;P)：</translation>
    </message>
    <message>
        <source>Serial p&amp;ort:</source>
        <translation>串口(&amp;O)：</translation>
    </message>
    <message>
        <source>Red card after this many working days of yellow</source>
        <translation>黄牌后经过多少个工作日转为红牌</translation>
    </message>
    <message>
        <source>Rectification of a bad rating due in working days</source>
        <translation>差评整改期限（工作日）</translation>
    </message>
    <message>
        <source>Service-level target: longest wait in minutes</source>
        <translation>服务时限目标：最长等候分钟数</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Supervision rules</source>
        <translation>监督规则</translation>
    </message>
    <message>
        <source>Yellow to red after (&amp;K):</source>
        <translation>黄牌转红牌(&amp;K)：</translation>
    </message>
    <message>
        <source>Rectification &amp;due:</source>
        <translation>差评整改期限(&amp;D)：</translation>
    </message>
    <message>
        <source>Ser&amp;vice-level wait:</source>
        <translation>服务时限(&amp;V)：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>语言(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>The settings could not be read: %1</source>
        <translation>无法读取设置：%1</translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation>设置未保存：%1</translation>
    </message>
    <message>
        <source>Hall CA certificate file</source>
        <translation>大厅 CA 证书文件</translation>
    </message>
    <message>
        <source>Empty: system CAs only</source>
        <translation>留空：仅用系统证书</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Hall CA certificate</source>
        <translation>大厅 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Hall CA cer&amp;tificate:</source>
        <translation>大厅 CA 证书(&amp;T)：</translation>
    </message>
    <message>
        <source>Screen of the citizen&apos;s evaluation pad</source>
        <translation>群众评价屏</translation>
    </message>
    <message>
        <source>None: the evaluation opens over this window</source>
        <translation>无：评价窗口显示在本窗口上方</translation>
    </message>
    <message>
        <source>%1: %2 (%3×%4 at %5, %6)</source>
        <translation>%1：%2（%3×%4，位于 %5, %6）</translation>
    </message>
    <message>
        <source>unnamed screen</source>
        <translation>未命名屏幕</translation>
    </message>
    <message>
        <source>On a chosen screen the evaluation opens full screen, for touch. When that screen is not connected it opens over this window, and you are told.</source>
        <translation>选定屏幕后，评价窗口在该屏上全屏显示，便于触摸操作；该屏未连接时，评价窗口显示在本窗口上方，并给出提示。</translation>
    </message>
    <message>
        <source>Citizen&apos;s screen</source>
        <translation>群众评价屏</translation>
    </message>
    <message>
        <source>Evaluation scr&amp;een:</source>
        <translation>评价屏幕(&amp;E)：</translation>
    </message>
    <message>
        <source>Acceptance receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation>申请材料补正告知书</translation>
    </message>
    <message>
        <source>Rejection notice</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <source>Commitment letter</source>
        <translation>告知承诺书</translation>
    </message>
    <message>
        <source>Delivery receipt</source>
        <translation>送达回执</translation>
    </message>
    <message>
        <source>Acceptance receipt (&amp;1):</source>
        <translation>受理回执(&amp;1)：</translation>
    </message>
    <message>
        <source>Correction notice (&amp;2):</source>
        <translation>申请材料补正告知书(&amp;2)：</translation>
    </message>
    <message>
        <source>Rejection notice (&amp;3):</source>
        <translation>不予受理通知书(&amp;3)：</translation>
    </message>
    <message>
        <source>Commitment letter (&amp;4):</source>
        <translation>告知承诺书(&amp;4)：</translation>
    </message>
    <message>
        <source>Delivery receipt (&amp;5):</source>
        <translation>送达回执(&amp;5)：</translation>
    </message>
    <message>
        <source>Printing the notices</source>
        <translation>文书打印</translation>
    </message>
    <message>
        <source>Printer for the %1</source>
        <translation>%1的打印机</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <source>Paper for the %1</source>
        <translation>%1的纸张</translation>
    </message>
    <message>
        <source>Print the notice of a confirmed decision w&amp;ithout preview</source>
        <translation>确认决定后直接打印文书，不预览(&amp;I)</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1（未连接）</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1（未找到）</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::SettingsStore</name>
    <message>
        <source>The platform address is not a valid web address. Example: https://zwfw.hunan.gov.cn/windowdesk</source>
        <translation>平台地址不是有效的网址。示例：https://zwfw.hunan.gov.cn/windowdesk</translation>
    </message>
    <message>
        <source>Refused: the platform address must use https://. Plain http:// is only allowed for this computer (127.0.0.1, localhost), because passwords and case data would travel unencrypted.</source>
        <translation>已拒绝：平台地址必须使用 https://。http:// 仅允许用于本机（127.0.0.1、localhost），否则密码和办件数据将以明文传输。</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>Unknown setting: %1</source>
        <translation>未知的设置项：%1</translation>
    </message>
    <message>
        <source>The scanner suffix must be CR, LF or Tab.</source>
        <translation>扫码枪后缀必须是 CR、LF 或 Tab。</translation>
    </message>
    <message>
        <source>The language must be zh_CN, en or empty (follow the system).</source>
        <translation>语言必须是 zh_CN、en 或留空（跟随系统）。</translation>
    </message>
    <message>
        <source>The scanner prefix is at most 8 characters.</source>
        <translation>扫码枪前缀最多 8 个字符。</translation>
    </message>
    <message>
        <source>Only an administrator may change the hall settings (%1). Ask hall IT, who can also use windowdeskctl settings set.</source>
        <translation>只有管理员可以更改大厅设置（%1）。请联系大厅信息技术人员，也可使用 windowdeskctl settings set。</translation>
    </message>
    <message>
        <source>The card reader must be auto, sdt, cvr, simulated, off or empty.</source>
        <translation>读卡器只能设为 auto、sdt、cvr、simulated、off 或留空。</translation>
    </message>
    <message>
        <source>Printing without preview must be on, off or empty.</source>
        <translation>不预览直接打印须为 on、off 或留空。</translation>
    </message>
    <message>
        <source>The paper size must be one of %1, or empty (A4).</source>
        <translation>纸张须为 %1 之一，或留空（A4）。</translation>
    </message>
    <message>
        <source>A printer name is at most 127 characters, without control characters or spaces at its ends.</source>
        <translation>打印机名称最多 127 个字符，不得含控制字符，首尾不得有空格。</translation>
    </message>
</context>
<context>
    <name>windowdesk::ui::HelpDialog</name>
    <message>
        <source>WindowDesk manual</source>
        <translation>综窗工作台使用说明</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Board: follow up the selected red or yellow case</source>
        <translation>监督：督办选中的红牌或黄牌办件</translation>
    </message>
    <message>
        <source>Go to the intake page</source>
        <translation>转到受理页</translation>
    </message>
    <message>
        <source>Go to the catalog</source>
        <translation>转到事项目录</translation>
    </message>
    <message>
        <source>Go to My cases</source>
        <translation>转到我的办件</translation>
    </message>
    <message>
        <source>Go to supervision</source>
        <translation>转到监督</translation>
    </message>
    <message>
        <source>Go to training</source>
        <translation>转到培训</translation>
    </message>
    <message>
        <source>Open this manual</source>
        <translation>打开本说明</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Sync with the platform now</source>
        <translation>立即与平台同步</translation>
    </message>
    <message>
        <source>Log in to the platform</source>
        <translation>登录平台</translation>
    </message>
    <message>
        <source>Log out (switch user)</source>
        <translation>注销（切换用户）</translation>
    </message>
    <message>
        <source>Log out and quit</source>
        <translation>注销并退出</translation>
    </message>
    <message>
        <source>Call the next ticket</source>
        <translation>叫下一号</translation>
    </message>
    <message>
        <source>Call the ticket again</source>
        <translation>重呼当前号</translation>
    </message>
    <message>
        <source>Start serving the ticket</source>
        <translation>开始办理当前号</translation>
    </message>
    <message>
        <source>Ticket done</source>
        <translation>当前号办结</translation>
    </message>
    <message>
        <source>The citizen did not come (no-show)</source>
        <translation>群众未到（过号）</translation>
    </message>
    <message>
        <source>Put the ticket on hold (its draft is kept)</source>
        <translation>挂起当前号（草稿保留）</translation>
    </message>
    <message>
        <source>Resume a held ticket</source>
        <translation>恢复挂起的号</translation>
    </message>
    <message>
        <source>Transfer the ticket to another category</source>
        <translation>转到其他业务类别</translation>
    </message>
    <message>
        <source>Serve a walk-in without a ticket</source>
        <translation>无号直接接待</translation>
    </message>
    <message>
        <source>Switch the applicant between natural and legal person</source>
        <translation>申请人在自然人与法人之间切换</translation>
    </message>
    <message>
        <source>Search the matter</source>
        <translation>搜索事项</translation>
    </message>
    <message>
        <source>Mark the unmarked materials as paper</source>
        <translation>未标记的材料全部记为纸质</translation>
    </message>
    <message>
        <source>Paste an e-license code</source>
        <translation>粘贴电子证照码</translation>
    </message>
    <message>
        <source>Citizen phone (demo hall)</source>
        <translation>群众手机（演示大厅）</translation>
    </message>
    <message>
        <source>Decision: accept</source>
        <translation>决定：受理</translation>
    </message>
    <message>
        <source>Decision: correction notice</source>
        <translation>决定：一次性告知补正</translation>
    </message>
    <message>
        <source>Decision: refuse</source>
        <translation>决定：不予受理</translation>
    </message>
    <message>
        <source>Confirm the decision and save the case</source>
        <translation>确认决定并保存办件</translation>
    </message>
    <message>
        <source>Print the notice</source>
        <translation>打印通知书</translation>
    </message>
    <message>
        <source>New visit (the current one stays a draft)</source>
        <translation>新办件（当前内容保留为草稿）</translation>
    </message>
    <message>
        <source>Record the delivery of the result</source>
        <translation>登记结果送达</translation>
    </message>
    <message>
        <source>Withdraw the case</source>
        <translation>登记撤件</translation>
    </message>
    <message>
        <source>Correct the case and send it again</source>
        <translation>更正办件并重新上报</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <source>Board: open cases</source>
        <translation>监督：在办件</translation>
    </message>
    <message>
        <source>Board: warnings</source>
        <translation>监督：预警</translation>
    </message>
    <message>
        <source>Board: yellow cards</source>
        <translation>监督：黄牌</translation>
    </message>
    <message>
        <source>Board: red cards</source>
        <translation>监督：红牌</translation>
    </message>
    <message>
        <source>Board: red cards without a follow-up</source>
        <translation>监督：红牌未跟进</translation>
    </message>
    <message>
        <source>Board: by window / by department</source>
        <translation>监督：按窗口 / 按部门</translation>
    </message>
    <message>
        <source>My cases and the supervision lists</source>
        <translation>我的办件及监督列表</translation>
    </message>
    <message>
        <source>Ledger: next action for the task</source>
        <translation>台账：切换处置动作</translation>
    </message>
    <message>
        <source>Ledger: record the action</source>
        <translation>台账：登记处置</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>监督</translation>
    </message>
    <message>
        <source>Everywhere in the main window</source>
        <translation>主窗口任意位置</translation>
    </message>
    <message>
        <source>Intake page</source>
        <translation>受理页</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>我的办件</translation>
    </message>
    <message>
        <source>Board: show the applicant&apos;s full id number and phone (with a reason)</source>
        <translation>监督：查看申请人完整证件号码和电话（须填原因）</translation>
    </message>
    <message>
        <source>Ledger: record the callback of the task</source>
        <translation>台账：登记回访</translation>
    </message>
    <message>
        <source>Ledger: appeal the rating</source>
        <translation>台账：提出申诉</translation>
    </message>
    <message>
        <source>Supervision: the next tab (board, ledger, queue, reports, hall duties, cross-province)</source>
        <translation>监督：下一个标签页（超期看板、差评台账、排队、报表、办事难点、跨省通办）</translation>
    </message>
    <message>
        <source>Supervision: the previous tab</source>
        <translation>监督：上一个标签页</translation>
    </message>
    <message>
        <source>Report: one day</source>
        <translation>报表：按日</translation>
    </message>
    <message>
        <source>Report: one week</source>
        <translation>报表：按周</translation>
    </message>
    <message>
        <source>Report: one month</source>
        <translation>报表：按月</translation>
    </message>
    <message>
        <source>Report: a range of your own (from, to)</source>
        <translation>报表：自定义起止日期</translation>
    </message>
    <message>
        <source>Report: the period before</source>
        <translation>报表：上一期</translation>
    </message>
    <message>
        <source>Report: the period after</source>
        <translation>报表：下一期</translation>
    </message>
    <message>
        <source>Report: by window / clerk / category / hour</source>
        <translation>报表：按窗口 / 人员 / 类别 / 时段</translation>
    </message>
    <message>
        <source>Report: charts or their data tables</source>
        <translation>报表：图表与数据表切换</translation>
    </message>
    <message>
        <source>Report: print (preview)</source>
        <translation>报表：打印（预览）</translation>
    </message>
    <message>
        <source>Report: save as PDF, or export CSV / XLSX</source>
        <translation>报表：保存为 PDF，或导出 CSV / XLSX</translation>
    </message>
    <message>
        <source>Supervision: the period report</source>
        <translation>监督：统计报表</translation>
    </message>
    <message>
        <source>Training: the next tab (bank, blueprints, competitions, results)</source>
        <translation>培训：下一个标签页（题库、组卷、竞赛、成绩）</translation>
    </message>
    <message>
        <source>Training: the previous tab</source>
        <translation>培训：上一个标签页</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Bank: search the questions</source>
        <translation>题库：搜索题目</translation>
    </message>
    <message>
        <source>Bank: write a new question</source>
        <translation>题库：编写新题</translation>
    </message>
    <message>
        <source>Bank: revise the selected question</source>
        <translation>题库：修订所选题目</translation>
    </message>
    <message>
        <source>Bank: retire the selected question</source>
        <translation>题库：停用所选题目</translation>
    </message>
    <message>
        <source>Bank: regenerate the questions from the catalog</source>
        <translation>题库：根据事项目录重新生成题目</translation>
    </message>
    <message>
        <source>Bank: import a JSON or CSV file</source>
        <translation>题库：导入 JSON 或 CSV 文件</translation>
    </message>
    <message>
        <source>Bank: export the questions shown</source>
        <translation>题库：导出当前列出的题目</translation>
    </message>
    <message>
        <source>Question editor: save</source>
        <translation>题目编辑：保存</translation>
    </message>
    <message>
        <source>Training: the question bank</source>
        <translation>培训：题库</translation>
    </message>
    <message>
        <source>Go to practice</source>
        <translation>转到练习</translation>
    </message>
    <message>
        <source>Practice: submit the paper (asks first)</source>
        <translation>练习：交卷（先确认）</translation>
    </message>
    <message>
        <source>Practice: the question map (Enter goes to the question)</source>
        <translation>练习：答题卡（回车跳到该题）</translation>
    </message>
    <message>
        <source>Practice: finish the scenario drill and score it</source>
        <translation>练习：结束情景演练并评分</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Record a matter that could not be done at the window</source>
        <translation>登记办不成事反映（任意页面）</translation>
    </message>
    <message>
        <source>Post-checks of commitments: the hall&apos;s checks and their outcomes</source>
        <translation>告知承诺核查：本中心的核查及结论</translation>
    </message>
    <message>
        <source>跨省通办: receive a matter for another province</source>
        <translation>跨省通办：异地代收代办</translation>
    </message>
    <message>
        <source>跨省通办: the target region (name, pinyin initials or code)</source>
        <translation>跨省通办：受理地（名称、拼音首字母或代码）</translation>
    </message>
    <message>
        <source>跨省通办: pick a recent target and matter (with its materials)</source>
        <translation>跨省通办：选择最近使用的受理地和事项（带出材料）</translation>
    </message>
    <message>
        <source>跨省通办: add a material line</source>
        <translation>跨省通办：增加一行材料</translation>
    </message>
    <message>
        <source>跨省通办: remove the material line with the focus</source>
        <translation>跨省通办：删除光标所在的材料行</translation>
    </message>
    <message>
        <source>跨省通办: confirm, print the 接收回执 and the 移交清单</source>
        <translation>跨省通办：确认并打印接收回执和移交清单</translation>
    </message>
    <message>
        <source>跨省通办: a new receipt (clears the form)</source>
        <translation>跨省通办：新收件（清空表单）</translation>
    </message>
    <message>
        <source>跨省通办 list: record the forwarding of the selected receipt</source>
        <translation>跨省通办件：登记所选件已移交</translation>
    </message>
    <message>
        <source>跨省通办 list: return the selected receipt to the applicant</source>
        <translation>跨省通办件：所选件退还申请人</translation>
    </message>
    <message>
        <source>跨省通办: switch between the receipt form and the list</source>
        <translation>跨省通办：在收件表单和列表之间切换</translation>
    </message>
    <message>
        <source>跨省通办 (intake for another province) and its list</source>
        <translation>跨省通办（异地代收代办）及其列表</translation>
    </message>
    <message>
        <source>Board: false commitments found by the post-checks (in Hall duties)</source>
        <translation>监督看板：核查发现的虚假承诺（在“办事难点”中查看）</translation>
    </message>
    <message>
        <source>Blueprints: a new blueprint</source>
        <translation>组卷：新建组卷方案</translation>
    </message>
    <message>
        <source>Blueprints: add the section of the fields</source>
        <translation>组卷：按所填内容添加一个部分</translation>
    </message>
    <message>
        <source>Blueprints: remove the selected section</source>
        <translation>组卷：删除所选部分</translation>
    </message>
    <message>
        <source>Blueprints: save the blueprint</source>
        <translation>组卷：保存组卷方案</translation>
    </message>
    <message>
        <source>Blueprints: draw a sample paper (not stored)</source>
        <translation>组卷：抽取一份样卷（不保存）</translation>
    </message>
    <message>
        <source>Competitions: create the competition</source>
        <translation>竞赛：创建竞赛</translation>
    </message>
    <message>
        <source>Competitions: refresh the leaderboards now</source>
        <translation>竞赛：立即刷新排行榜</translation>
    </message>
    <message>
        <source>Results: export the results or the skill levels (CSV, XLSX)</source>
        <translation>成绩：导出成绩或技能等级（CSV、XLSX）</translation>
    </message>
    <message>
        <source>Training: the blueprints</source>
        <translation>培训：组卷</translation>
    </message>
    <message>
        <source>Training: the competitions</source>
        <translation>培训：竞赛</translation>
    </message>
    <message>
        <source>Training: the results</source>
        <translation>培训：成绩</translation>
    </message>
    <message>
        <source>Judging: record the judge&apos;s marks</source>
        <translation>评分：记录该评委的评分</translation>
    </message>
    <message>
        <source>Judging: fix the drill&apos;s score and report it</source>
        <translation>评分：定分并上报平台</translation>
    </message>
    <message>
        <source>Training: the judges&apos; marks</source>
        <translation>培训：评委评分</translation>
    </message>
    <message>
        <source>Scenarios: a new scenario drill</source>
        <translation>情景：新建情景演练</translation>
    </message>
    <message>
        <source>Scenarios: edit the selected drill (one with attempts: a new version)</source>
        <translation>情景：编辑所选演练（已有作答的另存为新版本）</translation>
    </message>
    <message>
        <source>Scenarios: duplicate the selected drill into the editor</source>
        <translation>情景：复制所选演练到编辑器</translation>
    </message>
    <message>
        <source>Scenarios: close (archive) the selected drill</source>
        <translation>情景：关闭（归档）所选演练</translation>
    </message>
    <message>
        <source>Scenarios: import a drill from a JSON file</source>
        <translation>情景：从 JSON 文件导入演练</translation>
    </message>
    <message>
        <source>Scenarios: export the selected drill as JSON</source>
        <translation>情景：将所选演练导出为 JSON</translation>
    </message>
    <message>
        <source>Scenario editor: save</source>
        <translation>情景编辑：保存</translation>
    </message>
    <message>
        <source>Scenario editor: search the target item</source>
        <translation>情景编辑：搜索目标事项</translation>
    </message>
    <message>
        <source>Scenario editor: generate a test ID number</source>
        <translation>情景编辑：生成测试身份证号</translation>
    </message>
    <message>
        <source>Scenario editor: generate a test mobile number</source>
        <translation>情景编辑：生成测试手机号</translation>
    </message>
    <message>
        <source>Scenario editor: add the event of the fields</source>
        <translation>情景编辑：添加所填事件</translation>
    </message>
    <message>
        <source>Scenario editor: remove the selected event</source>
        <translation>情景编辑：删除所选事件</translation>
    </message>
    <message>
        <source>Training: the scenario drills and their editor</source>
        <translation>培训：情景演练及其编辑器</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::RevealDialog</name>
    <message>
        <source>Show the applicant&apos;s full data</source>
        <translation>查看申请人完整信息</translation>
    </message>
    <message>
        <source>Showing the full id number and phone needs a reason; the reason and who saw them are written to the audit log.</source>
        <translation>查看完整证件号码和电话须填写原因；查看人和原因将记入审计日志。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>查看原因</translation>
    </message>
    <message>
        <source>e.g. the applicant phoned and the case must be confirmed</source>
        <translation>例如：申请人来电，需核实办件信息</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Id number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Show (Enter)</source>
        <translation>查看（Enter）</translation>
    </message>
    <message>
        <source>Type the reason · Enter: show · Esc: close</source>
        <translation>填写原因 · Enter：查看 · Esc：关闭</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Shown and written to the audit log. Close with Esc: the list stays masked.</source>
        <translation>已显示并记入审计日志。按 Esc 关闭，列表中仍为脱敏显示。</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::LedgerHistoryModel</name>
    <message>
        <source> (platform)</source>
        <translation>（平台）</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Satisfied after</source>
        <translation>回访后满意</translation>
    </message>
    <message>
        <source>Still dissatisfied</source>
        <translation>仍不满意</translation>
    </message>
    <message>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>By</source>
        <translation>登记人</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::ChartPanel</name>
    <message>
        <source>%1: no data for this period.</source>
        <translation>%1：本期无数据。</translation>
    </message>
    <message>
        <source>%1, busiest first: %2.</source>
        <translation>%1，从最繁忙起：%2。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>No data for this period</source>
        <translation>本期无数据</translation>
    </message>
    <message>
        <source>Data table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Data table: %1</source>
        <translation>数据表：%1</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::QueueBoardPage</name>
    <message>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>For</source>
        <translation>已用时</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲时长</translation>
    </message>
    <message>
        <source>Served today</source>
        <translation>今日办结</translation>
    </message>
    <message>
        <source>Avg service</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <source>Waiting per category</source>
        <translation>各类别等候</translation>
    </message>
    <message>
        <source>Windows now</source>
        <translation>各窗口当前</translation>
    </message>
    <message>
        <source>Only supervisors see the hall&apos;s queue.</source>
        <translation>只有监督人员可以查看全厅排队。</translation>
    </message>
    <message>
        <source>The queue cannot be read: %1</source>
        <translation>无法读取排队数据：%1</translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation>当前等候</translation>
    </message>
    <message>
        <source>Called within %1 min</source>
        <translation>%1 分钟内叫号</translation>
    </message>
    <message>
        <source>No-shows today</source>
        <translation>今日未到</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) today</source>
        <translation>
            <numerusform>今日取号 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 called</source>
        <translation>叫号 %2 张中 %1 张</translation>
    </message>
    <message>
        <source>As of %1 · the clocks move every second; new ticket events show within a second, pulled ones after each sync · Ctrl+R: refresh</source>
        <translation>更新于 %1 · 计时每秒走动；本机新事件一秒内显示，平台事件在每次同步后显示 · Ctrl+R：刷新</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>排队</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::ReportPage</name>
    <message>
        <source>&amp;Period</source>
        <translation>周期(&amp;P)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>The period before</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to (not included)</source>
        <translation>至（不含）</translation>
    </message>
    <message>
        <source>The period after</source>
        <translation>下一期</translation>
    </message>
    <message>
        <source>Group &amp;by</source>
        <translation>分组(&amp;B)</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出内容(&amp;X)</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>号票明细</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Period report</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Ctrl+D / W / M / I: day, week, month, range · Alt+←/→: period before / after · Ctrl+G: grouping · Ctrl+T: data tables · Ctrl+P: print · Ctrl+S: save PDF, CSV or XLSX · Ctrl+R: refresh</source>
        <translation>Ctrl+D / W / M / I：日、周、月、自定义 · Alt+←/→：上一期 / 下一期 · Ctrl+G：分组 · Ctrl+T：数据表 · Ctrl+P：打印 · Ctrl+S：保存 PDF、CSV 或 XLSX · Ctrl+R：刷新</translation>
    </message>
    <message>
        <source>by window</source>
        <translation>按窗口</translation>
    </message>
    <message>
        <source>by clerk</source>
        <translation>按人员</translation>
    </message>
    <message>
        <source>by category</source>
        <translation>按业务类别</translation>
    </message>
    <message>
        <source>by hour</source>
        <translation>按时段</translation>
    </message>
    <message>
        <source>%1 (one day)</source>
        <translation>%1（一天）</translation>
    </message>
    <message>
        <source>%1 to %2 (%3 not included)</source>
        <translation>%1 至 %2（不含 %3）</translation>
    </message>
    <message>
        <source>Only supervisors see the hall&apos;s reports.</source>
        <translation>只有监督人员可以查看全厅报表。</translation>
    </message>
    <message>
        <source>The range needs its start before its end.</source>
        <translation>起始日期须早于截止日期。</translation>
    </message>
    <message>
        <source>The report cannot be computed: %1</source>
        <translation>无法生成报表：%1</translation>
    </message>
    <message>
        <source>%1, %2 · target %3 min · %4 tickets, %5 served, %6 no-shows · %7 cases accepted · rated visits / served: %8</source>
        <translation>%1，%2 · 服务目标 %3 分钟 · 取号 %4，办结 %5，未到 %6 · 受理办件 %7 · 主动评价率（评价数 / 办结数）：%8</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Not served</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Tickets issued</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>Served %1</source>
        <translation>办结数 %1</translation>
    </message>
    <message>
        <source>What became of the tickets %1</source>
        <translation>号票去向 %1</translation>
    </message>
    <message>
        <source>Tickets and served by hour</source>
        <translation>各时段取号与办结</translation>
    </message>
    <message>
        <source>Tickets and served by day</source>
        <translation>每日取号与办结</translation>
    </message>
    <message>
        <source>Busiest hours (tickets by weekday and hour)</source>
        <translation>取号高峰：星期 × 时段</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Hall report</source>
        <translation>综窗业务统计报表</translation>
    </message>
    <message>
        <source>%1, %2 · service-level target %3 min</source>
        <translation>%1，%2 · 服务目标 %3 分钟</translation>
    </message>
    <message>
        <source>Made by WindowDesk on %1 for %2 · times in minutes:seconds · ids as in windowdeskctl report</source>
        <translation>综窗工作台生成于 %1，%2 · 时长为 分:秒 · 编号与 windowdeskctl report 一致</translation>
    </message>
    <message>
        <source>report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Save the report or export the period&apos;s records</source>
        <translation>保存报表或导出本期明细</translation>
    </message>
    <message>
        <source>Report as PDF (*.pdf);;Records as Excel (*.xlsx);;Records as CSV (*.csv)</source>
        <translation>报表 PDF (*.pdf);;明细 Excel (*.xlsx);;明细 CSV (*.csv)</translation>
    </message>
    <message>
        <source>The PDF cannot be written to %1.</source>
        <translation>无法写入 PDF：%1。</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>报表已保存：%1</translation>
    </message>
    <message>
        <source>The export cannot be made: %1</source>
        <translation>无法导出：%1</translation>
    </message>
    <message>
        <source>The export was not recorded in the audit log, so nothing was written: %1</source>
        <translation>导出未能记入审计日志，未写出文件：%1</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 条记录到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::ReportTableModel</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Called after waiting longer than the service-level target</source>
        <translation>等候超过服务目标后才叫号的号票</translation>
    </message>
    <message>
        <source>Over target</source>
        <translation>超时叫号</translation>
    </message>
    <message>
        <source>Avg wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <source>Max wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <source>Avg service</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <source>Max service</source>
        <translation>最长办理</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>补正</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Bad ratings</source>
        <translation>差评</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::TrainerPage</name>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Question bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>Blueprints</source>
        <translation>组卷</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Competitions</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Judging</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::BankTab</name>
    <message>
        <source>Browse, search and write the questions; regenerate them from the catalog; import or export JSON and CSV.</source>
        <translation>浏览、搜索和编写题目；根据事项目录重新生成题目；以 JSON 或 CSV 导入、导出。</translation>
    </message>
    <message>
        <source>Questions of the bank</source>
        <translation>题库中的题目</translation>
    </message>
    <message>
        <source>The selected question as the trainee sees it</source>
        <translation>所选题目（学员看到的样子）</translation>
    </message>
    <message>
        <source>What changed, or the lines that could not be imported</source>
        <translation>变化明细，或无法导入的行</translation>
    </message>
    <message>
        <source>Search the questions, tags, ids (%1)</source>
        <translation>搜索题干、标签、编号（%1）</translation>
    </message>
    <message>
        <source>Search the bank</source>
        <translation>搜索题库</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部题型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Generated from the catalog</source>
        <translation>根据事项目录生成</translation>
    </message>
    <message>
        <source>Written by trainers</source>
        <translation>培训师编写</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Retired versions</source>
        <translation>已停用的版本</translation>
    </message>
    <message>
        <source>All versions</source>
        <translation>全部版本</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>新建题目</translation>
    </message>
    <message>
        <source>Revise</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Regenerate from the catalog</source>
        <translation>根据事项目录重新生成</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>The bank could not be read: %1</source>
        <translation>无法读取题库：%1</translation>
    </message>
    <message>
        <source>Questions generated from the catalog change with the catalog: change the item and regenerate.</source>
        <translation>根据事项目录生成的题目随事项目录变化：请修改事项后重新生成。</translation>
    </message>
    <message>
        <source>Question added to the bank (%1).</source>
        <translation>题目已加入题库（%1）。</translation>
    </message>
    <message>
        <source>Question revised: version %1 is in use; papers keep the version they were drawn with.</source>
        <translation>题目已修订：现用第 %1 版；已抽取的试卷保留原来的版本。</translation>
    </message>
    <message>
        <source>Retire the question</source>
        <translation>停用题目</translation>
    </message>
    <message>
        <source>Retire this question? Papers already drawn keep it.</source>
        <translation>停用这道题？已抽取的试卷仍保留它。</translation>
    </message>
    <message>
        <source>Question retired.</source>
        <translation>题目已停用。</translation>
    </message>
    <message>
        <source>The bank could not be regenerated: %1</source>
        <translation>无法重新生成题库：%1</translation>
    </message>
    <message>
        <source>Regenerated from the catalog: %1 questions; %2 new versions, %3 versions retired.</source>
        <translation>已根据事项目录重新生成：共 %1 题；新增 %2 个版本，停用 %3 个版本。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Import a question bank</source>
        <translation>导入题库</translation>
    </message>
    <message>
        <source>Question banks (*.csv *.json *.txt)</source>
        <translation>题库文件 (*.csv *.json *.txt)</translation>
    </message>
    <message>
        <source>%1 was not imported: lines with problems: %2 (listed below). Nothing was changed.</source>
        <translation>%1 未导入：有问题的行共 %2 行（见下方列表），题库没有任何改动。</translation>
    </message>
    <message>
        <source>%1 imported (%2): %3 new, %4 revised, %5 unchanged.</source>
        <translation>%1 已导入（%2）：新增 %3 题，修订 %4 题，未变 %5 题。</translation>
    </message>
    <message>
        <source>Export the questions shown</source>
        <translation>导出当前列出的题目</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV 表格 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Questions exported to %1: %2.</source>
        <translation>已导出到 %1：共 %2 题。</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::BlueprintTab</name>
    <message>
        <source>Blueprints</source>
        <translation>组卷方案</translation>
    </message>
    <message>
        <source>All or nothing</source>
        <translation>全对才得分</translation>
    </message>
    <message>
        <source>Proportional (each right +1/n, each wrong −1/n)</source>
        <translation>按比例（每选对一项 +1/n，每选错一项 −1/n）</translation>
    </message>
    <message>
        <source>Half points for missed choices</source>
        <translation>漏选得一半分</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Pass line</source>
        <translation>及格线(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Multiple choice</source>
        <translation>多选题计分(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Time limit</source>
        <translation>考试时限(&amp;T)</translation>
    </message>
    <message>
        <source>Section category</source>
        <translation>部分的题目分类</translation>
    </message>
    <message>
        <source>Section kind</source>
        <translation>部分的题型</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>任意题型</translation>
    </message>
    <message>
        <source>Questions in the section</source>
        <translation>本部分题数</translation>
    </message>
    <message>
        <source> questions</source>
        <translation> 题</translation>
    </message>
    <message>
        <source>Points per question</source>
        <translation>每题分值</translation>
    </message>
    <message>
        <source> points each</source>
        <translation> 分/题</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>添加部分</translation>
    </message>
    <message>
        <source>Sections of the blueprint</source>
        <translation>组卷方案的各部分</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题数</translation>
    </message>
    <message>
        <source>Points each</source>
        <translation>每题分值</translation>
    </message>
    <message>
        <source>In the bank</source>
        <translation>题库可用</translation>
    </message>
    <message>
        <source>A paper drawn by this blueprint</source>
        <translation>按此方案抽取的试卷</translation>
    </message>
    <message>
        <source>New blueprint</source>
        <translation>新建方案</translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation>删除部分</translation>
    </message>
    <message>
        <source>Save blueprint</source>
        <translation>保存方案</translation>
    </message>
    <message>
        <source>Draw a sample paper</source>
        <translation>抽取样卷</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>任意分类</translation>
    </message>
    <message>
        <source>%1 questions, full score %2, pass line %3</source>
        <translation>共 %1 题，满分 %2，及格线 %3</translation>
    </message>
    <message>
        <source>The bank can fill every section.</source>
        <translation>题库足以组成每个部分。</translation>
    </message>
    <message>
        <source>Blueprint %1 saved.</source>
        <translation>组卷方案“%1”已保存。</translation>
    </message>
    <message>
        <source>Blueprint %1 changed; competitions already set up keep the version they were created with.</source>
        <translation>组卷方案“%1”已修改；已创建的竞赛仍按创建时的版本进行。</translation>
    </message>
    <message>
        <source>Sample paper (seed %1), not stored</source>
        <translation>样卷（种子 %1），未保存</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>A sample paper of %1 questions was drawn; nothing was stored.</source>
        <translation>已抽取一份 %1 题的样卷，未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::CompetitionTab</name>
    <message>
        <source>Competitions</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>排行榜</translation>
    </message>
    <message>
        <source>The platform&apos;s leaderboard</source>
        <translation>平台排行榜</translation>
    </message>
    <message>
        <source>Trainees (Space ticks one)</source>
        <translation>参赛学员（空格键勾选）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>竞赛名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Blueprint</source>
        <translation>组卷方案(&amp;B)</translation>
    </message>
    <message>
        <source>T&amp;rainees</source>
        <translation>参赛学员(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start (Beijing time)</source>
        <translation>开始时间（北京时间）(&amp;S)</translation>
    </message>
    <message>
        <source>Create the competition</source>
        <translation>创建竞赛</translation>
    </message>
    <message>
        <source>Competition %1 created for %2 trainees.</source>
        <translation>竞赛“%1”已创建，参赛学员 %2 名。</translation>
    </message>
    <message>
        <source>No competition yet: set one up on the left.</source>
        <translation>还没有竞赛：请在左侧创建。</translation>
    </message>
    <message>
        <source>%1 — %2, pass line %3 of %4; trainees: %5</source>
        <translation>%1 — %2，及格线 %3 / 满分 %4；参赛学员 %5 名</translation>
    </message>
    <message>
        <source>The platform&apos;s leaderboard: not connected to a platform.</source>
        <translation>平台排行榜：未连接平台。</translation>
    </message>
    <message>
        <source>The platform&apos;s leaderboard is unavailable: %1</source>
        <translation>平台排行榜暂不可用：%1</translation>
    </message>
    <message>
        <source>The platform&apos;s leaderboard (all halls), as of %1:</source>
        <translation>平台排行榜（全部大厅），截至 %1：</translation>
    </message>
    <message>
        <source>S&amp;cenario drills</source>
        <translation>情景演练(&amp;C)</translation>
    </message>
    <message>
        <source>Scenario drills, taken in this order (Space ticks one)</source>
        <translation>情景演练，按此顺序进行（空格键勾选）</translation>
    </message>
    <message>
        <source>(no blueprint: scenario drills only)</source>
        <translation>（不用组卷方案：仅情景演练）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n minute(s))</source>
        <translation>
            <numerusform>%1（%n 分钟）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — parts: %2; full marks %3; trainees: %4</source>
        <translation>%1 — 竞赛场次：%2；满分 %3；参赛学员：%4 人</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::ResultsTab</name>
    <message>
        <source>Trainees with results</source>
        <translation>有成绩的学员</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成绩次数</translation>
    </message>
    <message>
        <source>Last score</source>
        <translation>最近得分</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>最近一次</translation>
    </message>
    <message>
        <source>The trainee&apos;s results</source>
        <translation>该学员的成绩</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>练习/竞赛</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Pass line</source>
        <translation>及格线</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>及格</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Weak categories, weakest first</source>
        <translation>薄弱类别（最弱在前）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答题数</translation>
    </message>
    <message>
        <source>Points scored</source>
        <translation>得分/可得分</translation>
    </message>
    <message>
        <source>The hall&apos;s skill levels</source>
        <translation>大厅技能等级</translation>
    </message>
    <message>
        <source>Blueprint</source>
        <translation>组卷方案</translation>
    </message>
    <message>
        <source>Level reached</source>
        <translation>是否达到等级</translation>
    </message>
    <message>
        <source>Best score</source>
        <translation>最高分</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>及格次数</translation>
    </message>
    <message>
        <source>First passed</source>
        <translation>首次及格</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Scores over time (percent of the full score; dashes: the pass line)</source>
        <translation>历次得分（占满分的百分比；虚线为及格线）</translation>
    </message>
    <message>
        <source>Weak categories</source>
        <translation>薄弱类别</translation>
    </message>
    <message>
        <source>Skill levels (等级): a blueprint passed at its pass line</source>
        <translation>技能等级：按组卷方案的及格线通过即达到该等级</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已达到</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未达到</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>不及格</translation>
    </message>
    <message>
        <source>Results of every trainee</source>
        <translation>全部学员的成绩</translation>
    </message>
    <message>
        <source>Skill levels</source>
        <translation>技能等级</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Which table?</source>
        <translation>导出哪张表？</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 表格 (*.xlsx);;CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation>已导出 %1 行到 %2。</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::QuestionEditor</name>
    <message>
        <source>Revise question %1</source>
        <translation>修订题目 %1</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>新建题目</translation>
    </message>
    <message>
        <source>Separated by ; or 、</source>
        <translation>以 ； 或 、 分隔</translation>
    </message>
    <message>
        <source>One option a line: the first is A, the next B, …</source>
        <translation>每行一个选项：第一行为 A，第二行为 B，依此类推</translation>
    </message>
    <message>
        <source>Letters of the right options, e.g. AC; true/false: 正确 or 错误</source>
        <translation>正确选项的字母，如 AC；判断题填“正确”或“错误”</translation>
    </message>
    <message>
        <source>Preview as the trainee sees it</source>
        <translation>预览（学员看到的样子）</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>题型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>标签(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Difficulty (1–5)</source>
        <translation>难度（1–5）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>题干(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>选项(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>答案(&amp;A)</translation>
    </message>
    <message>
        <source>E&amp;xplanation</source>
        <translation>解析(&amp;X)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>As the trainee sees it</source>
        <translation>学员看到的样子</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::QuestionTableModel</name>
    <message>
        <source>Single choice</source>
        <translation>单选题</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>多选题</translation>
    </message>
    <message>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>事项目录</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题干</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>抽取次数</translation>
    </message>
    <message>
        <source>Choose every right answer.</source>
        <translation>请选出全部正确答案。</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>答案：</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>解析：</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>实施部门</translation>
    </message>
    <message>
        <source>Notification and commitment</source>
        <translation>告知承诺</translation>
    </message>
    <message>
        <source>Bundled matters</source>
        <translation>“一件事”套餐</translation>
    </message>
    <message>
        <source>Instant matters</source>
        <translation>即办件</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::DrillView</name>
    <message>
        <source>You have an unfinished attempt (%1): finish it first.</source>
        <translation>你还有一场未完成的练习（%1）：请先完成。</translation>
    </message>
    <message>
        <source>The practice database of this drill is gone.</source>
        <translation>这场演练的练习数据库已不存在。</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Applicant: %1 · ID %2 · phone %3
Hands over: %4</source>
        <translation>申请人：%1 · 身份证号 %2 · 手机 %3
递交材料：%4</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The applicant says: “%1”</source>
        <translation>申请人说：“%1”</translation>
    </message>
    <message>
        <source>练习模式 · %1 — a practice database: real cases, drafts, sync and the audit log are not touched. %2 finishes and scores the drill.</source>
        <translation>练习模式 · %1 — 使用练习数据库：不影响真实办件、草稿、同步和审计日志。按 %2 结束并评分。</translation>
    </message>
    <message>
        <source> — 练习模式</source>
        <translation> — 练习模式</translation>
    </message>
    <message>
        <source>the scanner does not answer</source>
        <translation>扫码枪无响应</translation>
    </message>
    <message>
        <source>Event: the scanner fails — %1</source>
        <translation>突发事件：扫码枪故障 — %1</translation>
    </message>
    <message>
        <source>Event: the queue is offline — %1</source>
        <translation>突发事件：叫号系统离线 — %1</translation>
    </message>
    <message>
        <source>Event: the queue is back — %1</source>
        <translation>叫号系统已恢复 — %1</translation>
    </message>
    <message>
        <source>The applicant speaks (see above).</source>
        <translation>申请人有新的诉求（见上方）。</translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Finish the drill</source>
        <translation>结束演练</translation>
    </message>
    <message>
        <source>Finish the drill now and score the case you took in?</source>
        <translation>现在结束演练，并对你受理的办件评分吗？</translation>
    </message>
    <message>
        <source>The drill could not be scored: %1</source>
        <translation>演练无法评分：%1</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::PaperView</name>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Question map</source>
        <translation>答题卡</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Keys: 1–9 or A–D choose · ↑/↓ and Space toggle (multiple choice) · ←/→ or PgUp/PgDn previous/next question · %1 question map · %2 submit</source>
        <translation>按键：1–9 或 A–D 选择 · ↑/↓ 与空格切换选项（多选）· ←/→ 或 PgUp/PgDn 上一题/下一题 · %1 答题卡 · %2 交卷</translation>
    </message>
    <message>
        <source>The paper could not be read: %1</source>
        <translation>试卷无法读取：%1</translation>
    </message>
    <message>
        <source>multiple choice</source>
        <translation>多选题</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <source>single choice</source>
        <translation>单选题</translation>
    </message>
    <message>
        <source>Question %1 of %2 · %3 · %4 points</source>
        <translation>第 %1 题 / 共 %2 题 · %3 · %4 分</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>No time limit</source>
        <translation>不限时</translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Submit the paper</source>
        <translation>交卷</translation>
    </message>
    <message>
        <source>Submit now? %1 of %2 questions answered. Answers cannot be changed afterwards.</source>
        <translation>现在交卷吗？已答 %1 题，共 %2 题。交卷后答案不能再改。</translation>
    </message>
    <message>
        <source>The paper could not be submitted: %1</source>
        <translation>无法交卷：%1</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::PracticePage</name>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Papers, competitions and scenario drills open to you</source>
        <translation>可参加的试卷、竞赛和情景演练</translation>
    </message>
    <message>
        <source>Open papers and drills</source>
        <translation>可参加的试卷和演练</translation>
    </message>
    <message>
        <source>Start (Enter)</source>
        <translation>开始（回车）</translation>
    </message>
    <message>
        <source>Answers and explanations</source>
        <translation>答案与解析</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>返回列表（Esc）</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>试卷</translation>
    </message>
    <message>
        <source> · taken %1× · best %2</source>
        <translation> · 已作答 %1 次 · 最高 %2 分</translation>
    </message>
    <message>
        <source>Scenario drill</source>
        <translation>情景演练</translation>
    </message>
    <message>
        <source>Nothing is open to you now. Your trainer opens papers and competitions.</source>
        <translation>目前没有可参加的练习。试卷和竞赛由培训管理员开放。</translation>
    </message>
    <message>
        <source>%1
%2 questions, %3 points, pass line %4.
Time limit: %5.
Scoring of multiple choice: %6
One attempt at a time; your answers are saved as you give them.</source>
        <translation>%1
共 %2 题，满分 %3 分，及格线 %4 分。
时限：%5。
多选题计分：%6
同一时间只能进行一场；每作答一题即保存。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>不限时</translation>
    </message>
    <message>
        <source>%1
A simulated applicant comes to your window: take the case in on the real intake page, in 练习模式 (a practice database). Time limit: %2.
Scored on the item, the materials, the decision, the data and the time; the judges add their marks.</source>
        <translation>%1
一位模拟申请人来到窗口：请在真实的受理页上办理，处于练习模式（使用练习数据库）。时限：%2。
按事项、材料、受理决定、信息准确和用时自动评分，评委另行评分。</translation>
    </message>
    <message>
        <source>The result could not be read.</source>
        <translation>成绩无法读取。</translation>
    </message>
    <message>
        <source>%1: %2 of %3 points — %4%5</source>
        <translation>%1：%2 分（满分 %3 分）— %4%5</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>及格</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>不及格</translation>
    </message>
    <message>
        <source> (submitted when the time ran out)</source>
        <translation>（时间到自动交卷）</translation>
    </message>
    <message>
        <source>Your answer: %1 · right answer: %2 · %3 of %4 points</source>
        <translation>你的答案：%1 · 正确答案：%2 · 得 %3 分（本题 %4 分）</translation>
    </message>
    <message>
        <source>Explanation: %1</source>
        <translation>解析：%1</translation>
    </message>
    <message>
        <source>Scenario drill: %1 of %2 points on the automatic criteria; the judges&apos; marks follow (%3 judge(s) so far).</source>
        <translation>情景演练：自动评分 %1 分（满分 %2 分）；评委评分随后给出（已有 %3 位评委评分）。</translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s) whose time ran out were submitted as they stood.</source>
        <translation>
            <numerusform>%n 份超时的试卷已按已作答内容交卷。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>[Competition] %1 · scenario %2 of %3: %4</source>
        <translation>[竞赛] %1 · 第 %2/%3 场情景演练：%4</translation>
    </message>
    <message>
        <source>Competition %1, scenario %2 of %3: %4
A simulated applicant comes to your window: take the case in on the real intake page, in 练习模式 (a practice database). Time limit: %5.
One attempt only; scored on the item, the materials, the decision, the data and the time, and by the judges. Your competition result counts once every scenario is scored.</source>
        <translation>竞赛 %1，第 %2/%3 场情景演练：%4
模拟申请人来到你的窗口：请在真实的受理页面上办理，处于练习模式（练习数据库）。时限：%5。
只能参加一次；按事项、材料、决定、申请人信息和用时自动评分，并由评委评分。全部场次评完后计入你的竞赛成绩。</translation>
    </message>
    <message>
        <source>[Competition] %1 · part %2 of %3: the paper %4</source>
        <translation>[竞赛] %1 · 第 %2/%3 场：理论考试（%4）</translation>
    </message>
    <message>
        <source>Competition %1, part %2 of %3: the paper %4
%5 questions, %6 points.
Time limit: %7.
Scoring of multiple choice: %8
One attempt only; your competition result counts once every part is scored.</source>
        <translation>竞赛 %1，第 %2/%3 场：理论考试（%4）
共 %5 题，%6 分。
时限：%7。
多选题计分：%8
只能参加一次；全部场次评完后计入你的竞赛成绩。</translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::ChecksModel</name>
    <message>
        <source>%1 recorded here (platform does not support it yet)</source>
        <translation>已在本机登记为%1（平台暂不支持）</translation>
    </message>
    <message>
        <source>%1 refused by the platform</source>
        <translation>%1：平台退回，需处理</translation>
    </message>
    <message>
        <source>%1 recorded, waiting for the platform</source>
        <translation>已登记为%1，待平台确认</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Committed material</source>
        <translation>承诺的材料</translation>
    </message>
    <message>
        <source>Check due</source>
        <translation>核查期限</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>核查结论</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n working day(s) late)</source>
        <translation>
            <numerusform>%1（已逾期 %n 个工作日）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n working day(s) left)</source>
        <translation>
            <numerusform>%1（还有 %n 个工作日）</numerusform>
        </translation>
    </message>
    <message>
        <source>The platform had its outcome already: %1; ours (%2) was not taken, it is kept here</source>
        <translation>平台已有结论：%1；本机登记的「%2」未被采用，已保留在本机</translation>
    </message>
    <message>
        <source>%1 (ours: %2)</source>
        <translation>%1（本机：%2）</translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::CommitmentCheckService</name>
    <message>
        <source>No such post-check: %1</source>
        <translation>没有这项核查：%1</translation>
    </message>
    <message>
        <source>An outcome of this check was already recorded here</source>
        <translation>该核查已在本机登记过结论，正在等待平台确认</translation>
    </message>
    <message>
        <source>This check already has its outcome (%1)</source>
        <translation>该核查已有结论（%1），不能再登记</translation>
    </message>
    <message>
        <source>Choose the outcome of the check</source>
        <translation>请选择核查结论</translation>
    </message>
    <message>
        <source>Unknown outcome: %1</source>
        <translation>未知的核查结论：%1</translation>
    </message>
    <message>
        <source>A false commitment needs its consequence: order to fix, or revoke</source>
        <translation>虚假承诺须选择处理措施：责令限期整改或撤销决定</translation>
    </message>
    <message>
        <source>Unknown consequence: %1</source>
        <translation>未知的处理措施：%1</translation>
    </message>
    <message>
        <source>Only a false commitment has a consequence</source>
        <translation>只有虚假承诺才选择处理措施</translation>
    </message>
    <message>
        <source>Say why the check could not be made</source>
        <translation>请写明无法核查的原因</translation>
    </message>
    <message>
        <source>Describe what the check found</source>
        <translation>请填写核查情况说明</translation>
    </message>
    <message>
        <source>At most %1 characters (now %2)</source>
        <translation>不能超过 %1 个字（现有 %2 个）</translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::UnresolvedModel</name>
    <message>
        <source> (kept here: the platform does not support it yet)</source>
        <translation>（平台暂不支持，已保存在本机）</translation>
    </message>
    <message>
        <source> (refused by the platform)</source>
        <translation>（平台退回，需处理）</translation>
    </message>
    <message>
        <source> (not synced yet)</source>
        <translation>（待同步）</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>(hall decides)</source>
        <translation>（由中心分办）</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>What was needed</source>
        <translation>群众诉求</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation>转办部门</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::UnresolvedRequestService</name>
    <message>
        <source>Choose what kind of matter could not be done</source>
        <translation>请选择反映类别（办不成的原因）</translation>
    </message>
    <message>
        <source>Unknown category: %1</source>
        <translation>未知的反映类别：%1</translation>
    </message>
    <message>
        <source>Describe what the citizen needed</source>
        <translation>请填写群众要办的事和办不成的情况</translation>
    </message>
    <message>
        <source>At most %1 characters (now %2)</source>
        <translation>不能超过 %1 个字（现有 %2 个）</translation>
    </message>
    <message>
        <source>Enter the citizen&apos;s name</source>
        <translation>请填写反映人姓名</translation>
    </message>
    <message>
        <source>The name has at most %1 characters</source>
        <translation>姓名不能超过 %1 个字</translation>
    </message>
    <message>
        <source>Enter a mobile number for the reply</source>
        <translation>请填写答复用的手机号码</translation>
    </message>
    <message>
        <source>No department of the catalog is called %1</source>
        <translation>事项目录中没有名为“%1”的部门</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::ChecksDialog</name>
    <message>
        <source>Post-checks of commitments</source>
        <translation>告知承诺核查</translation>
    </message>
    <message>
        <source>The hall&apos;s post-checks</source>
        <translation>本中心的告知承诺核查</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>核查结论</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Consequence</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结论(&amp;O)：</translation>
    </message>
    <message>
        <source>Conse&amp;quence:</source>
        <translation>处理(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>Record the outcome</source>
        <translation>登记核查结论</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>未登记：%1</translation>
    </message>
    <message>
        <source>Recorded here. The platform does not support it yet; it is sent after the platform is upgraded.</source>
        <translation>已保存在本机。平台暂不支持，平台升级后自动发送。</translation>
    </message>
    <message>
        <source>Recorded; it is sent to the platform with the next sync.</source>
        <translation>已登记，下次同步时发送到平台。</translation>
    </message>
    <message>
        <source>Post-checks of commitments…</source>
        <translation>告知承诺核查…</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) had their outcome on the platform already when ours arrived: ours was not taken and is kept here (see the outcome and note columns).</source>
        <translation>
            <numerusform>%n 件核查在本机结论送达前平台已有结论：本机结论未被采用，已保留在本机（见“核查结论”和“说明”列）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::UnresolvedDialog</name>
    <message>
        <source>Could not be done: record the request</source>
        <translation>办不成事反映登记</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>What the citizen needed</source>
        <translation>群众诉求</translation>
    </message>
    <message>
        <source>What the citizen came for and why it could not be done</source>
        <translation>群众来办什么事、为什么没能办成</translation>
    </message>
    <message>
        <source>Citizen&apos;s name</source>
        <translation>反映人姓名</translation>
    </message>
    <message>
        <source>Citizen&apos;s mobile number</source>
        <translation>反映人手机号码</translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation>转办部门</translation>
    </message>
    <message>
        <source>(the hall decides)</source>
        <translation>（由中心分办）</translation>
    </message>
    <message>
        <source>Linked to the visit&apos;s case</source>
        <translation>已关联本次办件</translation>
    </message>
    <message>
        <source>Linked to the visit&apos;s evaluation</source>
        <translation>已关联本次评价</translation>
    </message>
    <message>
        <source>Not linked to a case</source>
        <translation>未关联办件</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Needed:</source>
        <translation>诉求(&amp;N)：</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>姓名(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Routed to:</source>
        <translation>转办(&amp;R)：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Requests of this hall</source>
        <translation>本中心的办不成事反映</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>未登记：%1</translation>
    </message>
    <message>
        <source>Recorded here. The platform does not support it yet; it is sent after the platform is upgraded.</source>
        <translation>已保存在本机。平台暂不支持，平台升级后自动发送。</translation>
    </message>
    <message>
        <source>Recorded. Reply due %1; it is sent to the platform with the next sync.</source>
        <translation>已登记，答复期限 %1；下次同步时发送到平台。</translation>
    </message>
    <message>
        <source>Could not be done…</source>
        <translation>办不成事反映…</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::HallDutiesPage</name>
    <message>
        <source>Matters that could not be done, hall-wide</source>
        <translation>全中心办不成事反映</translation>
    </message>
    <message>
        <source>Matters that could not be done</source>
        <translation>办不成事反映</translation>
    </message>
    <message>
        <source>Post-checks of commitments, hall-wide</source>
        <translation>全中心告知承诺核查</translation>
    </message>
    <message>
        <source>Post-checks of commitments</source>
        <translation>告知承诺核查（谁审批谁监管）</translation>
    </message>
    <message>
        <source>%1 requests, %2 waiting for their reply, %3 overdue</source>
        <translation>共 %1 件，待答复 %2 件，逾期 %3 件</translation>
    </message>
    <message>
        <source>%1 false commitments, %2 checks open, %3 overdue</source>
        <translation>虚假承诺 %1 件，待核查 %2 件，逾期 %3 件</translation>
    </message>
    <message>
        <source>Hall duties</source>
        <translation>办事难点</translation>
    </message>
</context>
<context>
    <name>windowdesk::cases::CrossProvinceModel</name>
    <message>
        <source>Platform does not support it yet</source>
        <translation>平台暂不支持</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>%1 · late</source>
        <translation>%1 · 逾期未移交</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Target region</source>
        <translation>受理地</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Forward by</source>
        <translation>应移交日期</translation>
    </message>
    <message>
        <source>Target case no.</source>
        <translation>受理地办件号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
</context>
<context>
    <name>windowdesk::intake::CrossProvincePage</name>
    <message>
        <source>Cross-province</source>
        <translation>跨省通办</translation>
    </message>
    <message>
        <source>Receive (跨省通办)</source>
        <translation>跨省通办收件</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>跨省通办件</translation>
    </message>
    <message>
        <source>Confirm and print</source>
        <translation>确认并打印</translation>
    </message>
    <message>
        <source>New receipt</source>
        <translation>新收件</translation>
    </message>
    <message>
        <source>Target region, authority and matter</source>
        <translation>受理地、受理部门与事项</translation>
    </message>
    <message>
        <source>Recent targets</source>
        <translation>最近使用的受理地与事项</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>Name, pinyin initials or six-digit code; Enter takes the first</source>
        <translation>名称、拼音首字母或六位代码；回车选第一项</translation>
    </message>
    <message>
        <source>Target region</source>
        <translation>受理地</translation>
    </message>
    <message>
        <source>No region chosen</source>
        <translation>尚未选择受理地</translation>
    </message>
    <message>
        <source>Authority there</source>
        <translation>受理部门</translation>
    </message>
    <message>
        <source>Matter (as that province names it)</source>
        <translation>办理事项（按受理地名称）</translation>
    </message>
    <message>
        <source>Matter code (optional)</source>
        <translation>事项编码（可选）</translation>
    </message>
    <message>
        <source>Materials as that province lists them</source>
        <translation>申请材料（按受理地清单）</translation>
    </message>
    <message>
        <source>Each line: name, copies, paper or electronic, then check it against the list (Space). %1 removes the line with the focus.</source>
        <translation>每行：材料名称、份数、纸质或电子，然后对照清单核对（空格键）。%1 删除光标所在的一行。</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>By post (EMS / courier)</source>
        <translation>邮寄（EMS／快递）</translation>
    </message>
    <message>
        <source>Through the platform</source>
        <translation>平台流转</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>移交方式</translation>
    </message>
    <message>
        <source>Needed for post when forwarding; may be entered later</source>
        <translation>邮寄移交时必填，可稍后填写</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Tracking number for the forwarding (if not given at intake)</source>
        <translation>移交的快递单号（收件时未填写的）</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>已移交</translation>
    </message>
    <message>
        <source>Returned to the applicant</source>
        <translation>退还申请人</translation>
    </message>
    <message>
        <source>(type a new one below)</source>
        <translation>（在下方填写新的）</translation>
    </message>
    <message>
        <source>The materials listed last time for this matter: check each one again.</source>
        <translation>已带出该事项上次登记的材料，请逐项重新核对。</translation>
    </message>
    <message>
        <source>Material name</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <source> copies</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>电子</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已核对</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Receipt saved; the papers could not be written: %1</source>
        <translation>已收件，但回执和清单未能生成：%1</translation>
    </message>
    <message>
        <source>Receipt saved, forward it by %1. 接收回执 and 移交清单 written: %2</source>
        <translation>已收件，请于 %1 前移交。已生成接收回执和移交清单：%2</translation>
    </message>
    <message>
        <source>Applicant read from the ID card — compare the photo with the person.</source>
        <translation>已读取身份证信息——请核对照片与本人。</translation>
    </message>
    <message>
        <source>The list cannot be read: %1</source>
        <translation>无法读取列表：%1</translation>
    </message>
    <message>
        <source>%1 receipts, %2 late (not forwarded by their date)</source>
        <translation>共 %1 件，%2 件逾期未移交</translation>
    </message>
    <message>
        <source>%1 receipts</source>
        <translation>共 %1 件</translation>
    </message>
    <message>
        <source>Forwarded: %1 (%2)</source>
        <translation>已移交：%1（%2）</translation>
    </message>
    <message>
        <source>Return to the applicant</source>
        <translation>退还申请人</translation>
    </message>
    <message>
        <source>Return the materials of %1 to the applicant? The receipt ends here.</source>
        <translation>将「%1」的材料退还申请人？该件到此办结。</translation>
    </message>
    <message>
        <source>Returned to the applicant: %1</source>
        <translation>已退还申请人：%1</translation>
    </message>
</context>
<context>
    <name>windowdesk::supervision::CrossProvinceBoard</name>
    <message>
        <source>Cross-province</source>
        <translation>跨省通办</translation>
    </message>
    <message>
        <source>The receipts cannot be read: %1</source>
        <translation>无法读取跨省通办件：%1</translation>
    </message>
    <message>
        <source>%1 跨省通办 receipts in the hall; %2 late: not forwarded by their date</source>
        <translation>全厅跨省通办 %1 件，%2 件逾期未移交</translation>
    </message>
    <message>
        <source>%1 跨省通办 receipts in the hall; none late</source>
        <translation>全厅跨省通办 %1 件，无逾期</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::LeaderboardModel</name>
    <message>
        <source>Not submitted</source>
        <translation>未交卷</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>及格</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>不及格</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Best score</source>
        <translation>最高分</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>作答次数</translation>
    </message>
    <message>
        <source>Pass line</source>
        <translation>及格线</translation>
    </message>
    <message>
        <source>Waiting for the judges</source>
        <translation>等待评委评分</translation>
    </message>
    <message>
        <source>In progress (%1 of %2 taken)</source>
        <translation>进行中（已完成 %1/%2 场）</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::ScoreChart</name>
    <message>
        <source>%1 results</source>
        <translation>%1 次成绩</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::JudgingTab</name>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>Applicant data</source>
        <translation>申请人信息</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解释说明</translation>
    </message>
    <message>
        <source>Scenario drills waiting for the judges</source>
        <translation>等待评委评分的情景演练</translation>
    </message>
    <message>
        <source>The rubric as it stands</source>
        <translation>当前评分细则</translation>
    </message>
    <message>
        <source>&amp;Judge</source>
        <translation>评委(&amp;J)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Record the marks</source>
        <translation>记录评分</translation>
    </message>
    <message>
        <source>Fix the score and report it</source>
        <translation>定分并上报</translation>
    </message>
    <message>
        <source>Finished scenario drills waiting for the judges</source>
        <translation>已结束、等待评委评分的情景演练</translation>
    </message>
    <message>
        <source>%1 · %2 · automatic %3</source>
        <translation>%1 · %2 · 自动评分 %3</translation>
    </message>
    <message>
        <source>No scenario drill is waiting for the judges.</source>
        <translation>没有等待评委评分的情景演练。</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>Total %1 of %2; judges so far: %3</source>
        <translation>合计 %1 / %2；已评分评委 %3 位</translation>
    </message>
    <message>
        <source>Enter the judge&apos;s name.</source>
        <translation>请填写评委姓名。</translation>
    </message>
    <message>
        <source>The marks of %1 were recorded.</source>
        <translation>%1 的评分已记录。</translation>
    </message>
    <message>
        <source>No judge has marked this drill yet.</source>
        <translation>还没有评委为这次演练评分。</translation>
    </message>
    <message>
        <source>The score %1 of %2 is fixed and goes to the platform.</source>
        <translation>成绩 %1 / %2 已定分，将上报平台。</translation>
    </message>
    <message>
        <source>The score %1 of %2 is fixed; the competition&apos;s result goes to the platform once every scenario of this trainee is scored.</source>
        <translation>已定分：%1 / %2 分；该学员全部场次评完后，竞赛成绩上报平台。</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::ScenarioEditor</name>
    <message>
        <source>Scanner fails</source>
        <translation>扫描仪故障</translation>
    </message>
    <message>
        <source>Queue goes offline</source>
        <translation>叫号系统掉线</translation>
    </message>
    <message>
        <source>Queue back online</source>
        <translation>叫号系统恢复</translation>
    </message>
    <message>
        <source>Applicant changes their mind</source>
        <translation>申请人改变主意</translation>
    </message>
    <message>
        <source>Applicant says</source>
        <translation>申请人说话</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>齐全</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺件</translation>
    </message>
    <message>
        <source>Wrong (brought but not acceptable)</source>
        <translation>带错（带了但不合格）</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>One-time notice to complete the materials</source>
        <translation>一次性告知补正</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>What the applicant says when they sit down</source>
        <translation>申请人坐下时说的话</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Brief</source>
        <translation>情景简介(&amp;B)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Target &amp;decision</source>
        <translation>目标决定(&amp;D)</translation>
    </message>
    <message>
        <source>Time &amp;limit</source>
        <translation>时限(&amp;L)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>What the trainee will see</source>
        <translation>学员看到的内容</translation>
    </message>
    <message>
        <source>Preview: what the trainee will see</source>
        <translation>预览：学员看到的内容</translation>
    </message>
    <message>
        <source>Generate test ID number</source>
        <translation>生成测试身份证号</translation>
    </message>
    <message>
        <source>Generate test mobile</source>
        <translation>生成测试手机号</translation>
    </message>
    <message>
        <source>Applicant &amp;name</source>
        <translation>申请人姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <source>Target item: name, pinyin initials or code; ↑/↓ and Enter take it (%1)</source>
        <translation>目标事项：名称、拼音首字母或编码；↑/↓ 选择，Enter 选定（%1）</translation>
    </message>
    <message>
        <source>No target item yet.</source>
        <translation>尚未选择目标事项。</translation>
    </message>
    <message>
        <source>Tar&amp;get item</source>
        <translation>目标事项(&amp;G)</translation>
    </message>
    <message>
        <source>Documents the applicant brings (state, and what the trainee is told):</source>
        <translation>申请人带来的材料（状态，以及告诉学员的名称）：</translation>
    </message>
    <message>
        <source>Event kind</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>At second</source>
        <translation>发生时间（秒）</translation>
    </message>
    <message>
        <source>at </source>
        <translation>第 </translation>
    </message>
    <message>
        <source>What the applicant says or the trainee is told</source>
        <translation>申请人说的话或告诉学员的内容</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>添加事件</translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation>删除事件</translation>
    </message>
    <message>
        <source>Injected events</source>
        <translation>注入事件</translation>
    </message>
    <message>
        <source>Second</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Injected &amp;events</source>
        <translation>注入事件(&amp;E)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Rubric &amp;points</source>
        <translation>评分细则(&amp;P)</translation>
    </message>
    <message>
        <source>Judges&apos; criteria with their maximum, e.g. attitude 10; explanation 10</source>
        <translation>评委评分项及满分，例如：服务态度 10；解释说明 10</translation>
    </message>
    <message>
        <source>&amp;Judged criteria</source>
        <translation>评委评分项(&amp;J)</translation>
    </message>
    <message>
        <source>Target item: %1 (%2) · %3</source>
        <translation>目标事项：%1（%2）· %3</translation>
    </message>
    <message>
        <source>Target item %1 is not in the catalog.</source>
        <translation>目标事项 %1 不在事项目录中。</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1（必需）</translation>
    </message>
    <message>
        <source>%1 (not a material of the item)</source>
        <translation>%1（不是该事项的材料）</translation>
    </message>
    <message>
        <source>State of %1</source>
        <translation>%1 的状态</translation>
    </message>
    <message>
        <source>What the trainee is told about %1</source>
        <translation>告诉学员的 %1 名称</translation>
    </message>
    <message>
        <source>(untitled scenario)</source>
        <translation>（未命名情景）</translation>
    </message>
    <message>
        <source>The applicant says:</source>
        <translation>申请人说：</translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation>申请人：</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Hands over:</source>
        <translation>递交材料：</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>时限：</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Only the trainer sees this:</source>
        <translation>仅培训师可见：</translation>
    </message>
    <message>
        <source>Target item:</source>
        <translation>目标事项：</translation>
    </message>
    <message>
        <source>Target decision:</source>
        <translation>目标决定：</translation>
    </message>
    <message>
        <source>%1 s:</source>
        <translation>第 %1 秒：</translation>
    </message>
    <message>
        <source>Full marks:</source>
        <translation>满分：</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::ScenarioListModel</name>
    <message>
        <source>Open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source> · version %1</source>
        <translation> · 第 %1 版</translation>
    </message>
    <message numerus="yes">
        <source> · %n attempt(s)</source>
        <translation>
            <numerusform> · 已作答 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Target item</source>
        <translation>目标事项</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>材料数</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>windowdesk::trainingui::ScenarioTab</name>
    <message>
        <source>Scenario drills</source>
        <translation>情景演练</translation>
    </message>
    <message>
        <source>The selected drill as the trainee will see it</source>
        <translation>所选演练在学员眼中的样子</translation>
    </message>
    <message>
        <source>Why the file could not be imported</source>
        <translation>文件未能导入的原因</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Close (archive)</source>
        <translation>关闭（归档）</translation>
    </message>
    <message>
        <source>Import JSON</source>
        <translation>导入 JSON</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <source>No scenario drill yet: Ctrl+N writes one, Ctrl+O imports one a hall shared.</source>
        <translation>还没有情景演练：按 Ctrl+N 新建，按 Ctrl+O 导入其他大厅分享的演练。</translation>
    </message>
    <message>
        <source>New scenario drill</source>
        <translation>新建情景演练</translation>
    </message>
    <message>
        <source>A closed drill is not changed: duplicate it (%1) and save the copy.</source>
        <translation>已关闭的演练不能修改：请复制（%1）后保存副本。</translation>
    </message>
    <message numerus="yes">
        <source>Edit “%1”: it has %n attempt(s), so saving makes version %2 and closes this one (the attempts keep the version they were taken under)</source>
        <translation>
            <numerusform>编辑“%1”：已有 %n 次作答，保存后成为第 %2 版并关闭本版（作答保留其所用的版本）</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Duplicate of “%1”</source>
        <translation>复制“%1”</translation>
    </message>
    <message>
        <source>Save the scenario drill</source>
        <translation>保存情景演练</translation>
    </message>
    <message>
        <source>Please confirm:
%1

Save it anyway?</source>
        <translation>请确认：
%1

仍要保存吗？</translation>
    </message>
    <message>
        <source>“%1” saved as a new version; the old one is closed and its attempts keep it.</source>
        <translation>“%1”已另存为新版本；原版本已关闭，已有作答保留原版本。</translation>
    </message>
    <message>
        <source>Scenario drill “%1” saved.</source>
        <translation>情景演练“%1”已保存。</translation>
    </message>
    <message>
        <source>Close the scenario drill</source>
        <translation>关闭情景演练</translation>
    </message>
    <message>
        <source>Close “%1”? Trainees no longer see it; its attempts and results are kept.</source>
        <translation>关闭“%1”？学员将不再看到它；已有作答和成绩会保留。</translation>
    </message>
    <message>
        <source>Scenario drill “%1” closed.</source>
        <translation>情景演练“%1”已关闭。</translation>
    </message>
    <message>
        <source>Import a scenario drill</source>
        <translation>导入情景演练</translation>
    </message>
    <message>
        <source>Scenario drills (*.json)</source>
        <translation>情景演练 (*.json)</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the file has %n error(s), listed below.</source>
        <translation>
            <numerusform>未导入任何内容：文件有 %n 处错误，见下方列表。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scenario drill “%1” imported.</source>
        <translation>情景演练“%1”已导入。</translation>
    </message>
    <message>
        <source>Export the scenario drill</source>
        <translation>导出情景演练</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
</TS>
