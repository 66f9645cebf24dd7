// 东信建〔2020〕02号, Annex 2, as data. Each leaf cites its row of the county's table; formulas and defaults follow
// docs/rules-2020.md (the project's copy of the contract), headers and aliases docs/workbook.md.
import { CN_CALENDAR_2020_2021 } from "./calendar-cn";
import type { FieldDef, Rulebook } from "./types";

const always = (id: string, kind: FieldDef["kind"], aliases: string[] = []): FieldDef => ({
  id,
  aliases,
  kind,
  required: "always",
});
const part = (id: string, whole: string, aliases: string[] = []): FieldDef => ({
  id,
  aliases,
  kind: "count",
  required: "always",
  partOf: whole,
});

export const HENGDONG_2020: Rulebook = {
  id: "hengdong-2020",
  title: "衡东县2020年度社会信用体系建设工作考核",
  year: 2020,
  calendar: CN_CALENDAR_2020_2021,
  assessmentSheet: "考核表",
  rankingSheet: "考核排名",
  rankingTitle: "衡东县2020年度社会信用体系建设工作考核排名",
  unitField: {
    id: "单位名称",
    aliases: ["单位", "成员单位", "被考核单位", "考核对象"],
    kind: "text",
    required: "always",
  },
  fields: [
    // 一
    always("分管领导", "evidence"),
    always("牵头股室", "evidence"),
    always("责任股室", "evidence", ["相关责任股室"]),
    always("联络员", "evidence"),
    // 二
    always("信用建设计划", "evidence", ["信用体系建设计划"]),
    always("实施意见", "evidence", ["工作意见"]),
    always("信用管理制度", "evidence", ["管理制度"]),
    always("其他相关机制", "evidence", ["相关机制"]),
    // 三
    always("目录盖章确认", "yesno", ["目录已盖章"]),
    {
      id: "目录完整",
      aliases: ["信用信息目录完整"],
      kind: "yesno",
      required: "always",
      requiredWhenYes: "目录盖章确认",
    },
    always("应报送条数", "count", ["应归集条数"]),
    part("已报送条数", "应报送条数", ["实际报送条数"]),
    part("合格条数", "已报送条数", ["质量合格条数"]),
    { ...always("应公示条数", "count", ["应双公示条数"]), replacedByLedger: true },
    { ...part("按时公示条数", "应公示条数", ["及时公示条数"]), replacedByLedger: true },
    { ...always("双公示台账", "evidence", ["台账建立"]), filledBy: "office" },
    // 四
    always("红黑名单制度", "evidence", ["红黑名单认定奖惩制度"]),
    always("认定名单数", "count", ["认定红黑名单数"]),
    part("及时发布数", "认定名单数", ["及时推送数"]),
    always("应发起响应数", "count", ["应发起响应联合奖惩数"]),
    part("已发起响应数", "应发起响应数", ["已发起响应联合奖惩数"]),
    // 五 六 七
    always("信用承诺数", "count", ["信用承诺项数"]),
    always("信用报告数", "count", ["使用信用报告数"]),
    always("信用审查数", "count", ["信用审查企业数"]),
    // 八
    always("严重失信企业数", "count"),
    part("参与修复企业数", "严重失信企业数", ["参与修复投诉异议企业数"]),
    // 九 十
    always("宣传活动次数", "count", ["诚信宣传活动次数"]),
    always("信息采用条数", "count", ["被采用信息条数"]),
    { ...always("缺席活动次数", "count", ["未参加活动次数"]), filledBy: "office" },
    // 第四条 bonus, 第五条 self-assessment
    { id: "创新加分", aliases: [], kind: "number", required: "optional", filledBy: "office" },
    { id: "加分事由", aliases: ["加分理由"], kind: "evidence", required: "optional", requiredWhenPositive: "创新加分" },
    { id: "自评总分", aliases: ["自评分"], kind: "number", required: "optional" },
  ],
  indicators: [
    { id: "1", name: "工作机制建设", max: 4, column: "一、工作机制建设（4分）" },
    { id: "2", name: "制度体系建设", max: 4, column: "二、制度体系建设（4分）" },
    { id: "3", name: "信用信息归集和报送", max: 37, column: "三、信用信息归集和报送（37分）" },
    { id: "4", name: "联合奖惩落实情况", max: 20, column: "四、联合奖惩落实情况（20分）" },
    { id: "5", name: "信用承诺", max: 10, column: "五、信用承诺（10分）" },
    { id: "6", name: "信用报告", max: 5, column: "六、信用报告（5分）" },
    { id: "7", name: "信用审查", max: 5, column: "七、信用审查（5分）" },
    { id: "8", name: "信用修复", max: 5, column: "八、信用修复（5分）" },
    { id: "9", name: "诚信宣传教育", max: 5, column: "九、诚信宣传教育（5分）" },
    { id: "10", name: "参加县信用办活动", max: 5, column: "十、参加县信用办活动（5分）" },
  ],
  leaves: [
    // 一: 明确分管领导、牵头股室、相关责任股室、联络员…得4分；少1项扣1分
    {
      id: "1",
      name: "工作机制建设",
      indicator: "1",
      max: 4,
      rule: { kind: "perPresent", fields: ["分管领导", "牵头股室", "责任股室", "联络员"], pointsEach: 1 },
    },
    // 二: 信用体系建设计划、实施意见、信用管理等制度的得4分，少1项扣1分
    {
      id: "2",
      name: "制度体系建设",
      indicator: "2",
      max: 4,
      rule: { kind: "perPresent", fields: ["信用建设计划", "实施意见", "信用管理制度", "其他相关机制"], pointsEach: 1 },
    },
    // 三.1: 制定并盖章确认且目录完整的得3分；盖章确认但不完整的得1分
    {
      id: "3.1",
      name: "信用信息目录梳理确认",
      indicator: "3",
      max: 3,
      rule: { kind: "stampedComplete", stamped: "目录盖章确认", complete: "目录完整", both: 3, stampedOnly: 1 },
    },
    // 三.2: 按目录归集并向县平台报送
    {
      id: "3.2",
      name: "信用信息归集与报送",
      indicator: "3",
      max: 25,
      rule: { kind: "ratio", part: "已报送条数", whole: "应报送条数" },
    },
    // 三.3: 归集共享信息的完整性（质量）
    {
      id: "3.3",
      name: "归集共享信息质量",
      indicator: "3",
      max: 3,
      rule: { kind: "ratio", part: "合格条数", whole: "已报送条数", follows: "3.2" },
    },
    // 三.4: 自生效之日起7个工作日内公示
    {
      id: "3.4",
      name: "信息公示时效性",
      indicator: "3",
      max: 3,
      rule: { kind: "ledgerTimeliness", part: "按时公示条数", whole: "应公示条数", workingDays: 7 },
    },
    // 三.5: 建立“双公示”台账
    { id: "3.5", name: "双公示台账建立", indicator: "3", max: 3, rule: { kind: "present", field: "双公示台账" } },
    // 四.1: 出台“红黑名单”认定、奖惩管理等制度的，得5分
    { id: "4.1", name: "红黑名单制度建立", indicator: "4", max: 5, rule: { kind: "present", field: "红黑名单制度" } },
    // 四.2: 认定红黑名单并及时推送“信用衡东”公布
    {
      id: "4.2",
      name: "认定和发布红黑名单",
      indicator: "4",
      max: 10,
      rule: { kind: "ratio", part: "及时发布数", whole: "认定名单数" },
    },
    // 四.3: 及时发起联合奖惩；响应其他单位发起的联合奖惩
    {
      id: "4.3",
      name: "发起和响应联合奖惩",
      indicator: "4",
      max: 5,
      rule: { kind: "ratio", part: "已发起响应数", whole: "应发起响应数" },
    },
    // 五: 一项得0.5分，最高不超过10分
    {
      id: "5",
      name: "信用承诺",
      indicator: "5",
      max: 10,
      rule: { kind: "perCount", field: "信用承诺数", label: "信用承诺", pointsEach: 0.5, unit: "项" },
    },
    // 六: 每使用1份信用报告得0.5分，最高不超过5分。未开展不得分
    {
      id: "6",
      name: "信用报告",
      indicator: "6",
      max: 5,
      rule: { kind: "perCount", field: "信用报告数", label: "信用报告", pointsEach: 0.5, unit: "份" },
    },
    // 七: 每查一家企业得0.5分，最高得5分
    {
      id: "7",
      name: "信用审查",
      indicator: "7",
      max: 5,
      rule: { kind: "perCount", field: "信用审查数", label: "信用审查", pointsEach: 0.5, unit: "家" },
    },
    // 八: 占比达80%的不扣分；占比80%以下的，每降10个百分点扣1分
    {
      id: "8",
      name: "信用修复、投诉和异议处理",
      indicator: "8",
      max: 5,
      rule: {
        kind: "rateSteps",
        part: "参与修复企业数",
        whole: "严重失信企业数",
        thresholdPct: 80,
        stepPct: 10,
        pointsPerStep: 1,
      },
    },
    // 九.1: 年内每开展一次得0.5分，最高不超过2分
    {
      id: "9.1",
      name: "诚信宣传活动",
      indicator: "9",
      max: 2,
      rule: { kind: "perCount", field: "宣传活动次数", label: "宣传活动", pointsEach: 0.5, unit: "次" },
    },
    // 九.2: 每报送1条…被“信用衡东”采用的得0.5分，最高不超过3分
    {
      id: "9.2",
      name: "信用信息被采用",
      indicator: "9",
      max: 3,
      rule: { kind: "perCount", field: "信息采用条数", label: "信息被采用", pointsEach: 0.5, unit: "条" },
    },
    // 十: 未参加县信用办组织的各类活动每次扣1分
    {
      id: "10",
      name: "参加县信用办活动",
      indicator: "10",
      max: 5,
      rule: { kind: "deductPerCount", field: "缺席活动次数", label: "缺席活动", pointsEach: 1, unit: "次" },
    },
  ],
  bonus: { field: "创新加分", reasonField: "加分事由" },
  selfAssessment: { field: "自评总分" },
  ledger: {
    sheet: "双公示台账",
    unit: ["单位名称", "单位", "成员单位", "被考核单位", "考核对象"],
    effective: ["生效日期", "决定日期", "作出决定日期"],
    published: ["公示日期", "网上公示日期"],
    category: ["类别"],
    docNo: ["文书号"],
  },
  adjustments: {
    sheet: "核定调整",
    unit: ["单位名称", "单位", "成员单位", "被考核单位", "考核对象"],
    item: ["项目", "考核项目", "调整项目", "细项"],
    score: ["核定分", "核定得分", "调整后得分", "核定分值"],
    reason: ["理由", "调整理由", "核定理由", "依据"],
    by: ["核定人", "经办人"],
    date: ["日期", "核定日期"],
    bonusItems: ["加分", "创新加分"],
  },
  roster: [
    "县发改局",
    "人民银行衡东县支行",
    "县公安局",
    "县司法局",
    "县法院",
    "县审计局",
    "县科工信局",
    "县财政局",
    "县自然资源局",
    "县住建局",
    "县交通局",
    "县水利局",
    "县农业农村局",
    "县商粮局",
    "县林业局",
    "县扶贫办",
    "县统计局",
    "县教育局",
    "县民政局",
    "县人社局",
    "县文旅广体局",
    "县卫健委",
    "县应急局",
    "县市监局",
    "县网信办",
    "县融媒体中心",
    "市生态环境局衡东分局",
    "县消防大队",
    "县行政审批服务局",
    "县信访局",
    "县退役军人事务局",
    "县城管执法局",
    "县税务局",
    "县交警大队",
    "县医保局",
    "县编办",
  ],
  summaryRowNames: ["合计", "小计", "总计", "平均"],
};
