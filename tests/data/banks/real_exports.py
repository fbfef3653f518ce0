"""Banks shaped like the exports clerks really send (read them as a person reads them): an exam
system's export under a banner with 序号, a Word-converted bank with every option in one cell,
sheets named for their type, full-width and separated answers, every 判断 spelling, job aliases,
no 工种 column, difficulty words and 1–5 scales, empty 解析, long case stems, and rows a person
could read two ways (the GBK csv and the .xls are in legacy_exports.py). Written by
make_corpus.py; what each says is written by hand in NAME.expected.yaml.
"""

# ruff: noqa: RUF005 — rows are built in pieces to read like the sheet

from __future__ import annotations

from tests.xlsx import Sheet

WHY = "依据《煤矿安全规程》。"
GAS = "瓦斯检查工"


def exam_export() -> list[Sheet]:
    banner = ["红桥煤业安全培训考试系统 · 试题导出"]
    meta = ["导出时间：2026-11-30 08:00", "", "导出人：admin"]
    header = ["序号", "试题类型", "试题内容", "A", "B", "C", "D", "E", "正确答案", "答案解析"]
    header += ["适用岗位", "难易程度", "知识点"]
    rows = [
        [1, "单项选择题", "矿井总回风巷中甲烷浓度超过多少时，必须立即查明原因、进行处理？", "0.5%"]
        + ["0.75%", "1.0%", "1.5%", "", "B", "总回风巷甲烷浓度超过0.75%时必须查明原因。"]
        + ["瓦检员", "容易", "瓦斯"],
        [2, "多项选择题", "瓦斯检查工交接班时必须交清哪些内容？", "瓦斯情况", "通风设施"]
        + [
            "仪器状况",
            "个人工资",
            "",
            "A,B,C",
            "交接班要交清瓦斯、通风和仪器情况。",
            GAS,
            "一般",
            "交接班",
        ],
        [3, "判断题", "瓦斯检查工可以由其他人代为检查并签字。", "", "", "", "", "", "错误"]
        + ["严禁代检、代签。", GAS, "较难", "制度"],
        [
            4,
            "多项选择题",
            "下列哪些属于矿井通风设施？",
            "风门",
            "风桥",
            "密闭",
            "调节风窗",
            "刮板机",
        ]
        + ["ABCD", "风门、风桥、密闭和调节风窗都是通风设施。", GAS, "中等", "通风"],
    ]
    picklists = [
        ["题型", "难度", "岗位"],
        ["单项选择题", "容易", "瓦检员"],
        ["判断题", "一般", "通用"],
    ]
    return [
        Sheet("试题", [banner, meta, header, *rows], merged=["A1:M1"]),
        Sheet("字典", picklists, state="hidden"),  # an export's drop-down lists
    ]


def word_converted() -> list[Sheet]:
    header = ["序号", "题型", "题目", "选项", "答案", "解析", "工种"]
    rows = [
        [1, "单选", "井下发现瓦斯超限，第一步应该怎么做？"]
        + ["A.继续作业 B.停止作业，撤出人员 C.报告后继续 D.无需处理", "B", "超限先撤人。", GAS],
        [
            2,
            "多选",
            "井下电气设备检修前必须做到哪些？",
            "A、停电\nB、验电\nC、放电\nD、带电作业",
            "ABC",
        ]
        + ["停电、验电、放电后方可检修。", "井下电钳工"],
        [3, "单选", "采掘工作面风流中甲烷浓度达到多少时必须停止用电钻打眼？"]
        + ["（A）0.5%  （B）1.0%  （C）1.5%", "B", "达到1.0%时停止打眼。", GAS],
        [4, "判断", "入井人员可以穿化纤衣服。", "A:正确 B:错误", "B", "严禁穿化纤衣服入井。", GAS],
        [
            5,
            "单选",
            "局部通风机由谁负责管理？",
            "A.专人B.任何人C.班组长",
            "A",
            "局部通风机必须指定专人管理。",
        ]
        + [GAS],
        [
            6,
            "单选",
            "一氧化碳的化学式是什么？",
            "Ａ．CO；Ｂ．CO₂；Ｃ．H₂S",
            "A",
            "一氧化碳即CO。",
            GAS,
        ],
        [7, "单选", "选项顺序写乱的题", "A.甲 C.丙 B.乙", "A", "说明。", GAS],  # refused
        [8, "单选", "选项没写字母的题", "甲\n乙\n丙", "A", "说明。", GAS],  # refused
    ]
    return [Sheet("题库", [header, *rows])]


def sheets_by_name() -> list[Sheet]:
    header = ["题目", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "岗位"]
    notes = [["填写说明"], ["每个工作表一种题型，不用写题型列。"], ["答案写选项字母。"]]
    return [
        Sheet("填写说明", notes),
        Sheet(
            "一、单项选择题（2题）",
            [
                header,
                [
                    "煤矿井下的安全电压不超过多少伏？",
                    "36",
                    "127",
                    "220",
                    "380",
                    "A",
                    "井下安全电压不超过36V。",
                    "井下电钳工",
                ],
            ],
        ),
        Sheet(
            "二、多项选择题",
            [
                header,
                [
                    "下列哪些是防爆电气设备的失爆现象？",
                    "隔爆面锈蚀",
                    "螺栓缺失",
                    "外壳完好",
                    "",
                    "AB",
                    "锈蚀和缺螺栓都会失爆。",
                    "井下电钳工",
                ],
            ],
        ),
        Sheet(
            "三、判断题",
            [
                header[:1] + header[5:],
                ["可以带电检修井下电气设备。", "×", "严禁带电检修。", "井下电钳工"],
            ],
        ),
        Sheet(
            "选择题",
            [
                header,
                [
                    "井下电缆悬挂点间距不得超过多少米？",
                    "1",
                    "3",
                    "5",
                    "10",
                    "B",
                    "电缆悬挂点间距不超过3 m。",
                    "井下电钳工",
                ],
                [
                    "检修时必须悬挂哪些警示牌？",
                    "有人工作，严禁送电",
                    "禁止合闸",
                    "欢迎光临",
                    "",
                    "A、B",
                    "停电检修要挂警示牌。",
                    "井下电钳工",
                ],
            ],
        ),
    ]


def fullwidth() -> list[Sheet]:
    header = ["编号", "题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "工种", "难度"]
    rows = [
        header,
        [
            "ＦＷ－００１",
            "单选题",
            "瓦斯的主要成分是什么？",
            "甲烷",
            "乙烷",
            "丙烷",
            "Ａ",
            "瓦斯主要是甲烷。",
            GAS,
            "２",
        ],
        [
            "ＦＷ－００２",
            "多选题",
            "瓦斯爆炸需要哪些条件？",
            "一定浓度的瓦斯",
            "足够的氧气",
            "高温火源",
        ]
        + ["ＡＢＣ", "三个条件缺一不可。", GAS, "３"],
        [
            "ＦＷ－００３",
            "判断题",
            "瓦斯比空气轻。",
            "",
            "",
            "",
            "√",
            "瓦斯比空气轻，易积聚在巷道顶部。",
            GAS,
            "１",
        ],
    ]
    return [Sheet("题库", rows)]


def answer_separators() -> list[Sheet]:
    header = ["题型", "题干", "A", "B", "C", "D", "答案", "解析", "工种"]
    options = ["停电", "验电", "放电", "带电作业"]
    answers = ["a、c", "A,C", "A，C", "A.B.D", "A C", "a/b/c", "A；B"]
    rows = [
        ["多选", f"停电检修的步骤（写法{i + 1}）", *options, answer, "按规程操作。", "井下电钳工"]
        for i, answer in enumerate(answers)
    ]
    rows.append(["单选", "检修前第一步是什么？", *options, "a", "先停电。", "井下电钳工"])
    return [Sheet("题库", [header, *rows])]


JUDGE_SPELLINGS = [
    ("对", "错"), ("√", "×"), ("✔", "✘"), ("✓", "✗"), ("正确", "错误"),
    ("T", "F"), ("是", "否"), (1, 0), ("Y", "N"), ("✔️", "✖"),
]  # fmt: skip


def judge_spellings() -> list[Sheet]:
    header = ["题型", "题干", "答案", "解析", "工种"]
    rows = []
    for true, false in JUDGE_SPELLINGS:
        rows.append(["判断", f"入井必须携带自救器（答「{true}」）。", true, "规程要求。", GAS])
        rows.append(["判断", f"可以在井下吸烟（答「{false}」）。", false, "严禁吸烟。", GAS])
    return [Sheet("判断题", [header, *rows])]


def job_aliases() -> list[Sheet]:
    header = ["题型", "题干", "选项A", "选项B", "答案", "解析", "工种"]
    rows = [
        ["单选", "瓦检员每班至少检查几次？", "1次", "2次", "B", "每班至少2次。", "瓦检员"],
        ["单选", "入井前必须做什么？", "检查自救器", "喝酒", "A", "入井前检查自救器。", "通用"],
        ["单选", "发现火灾应先做什么？", "报告并撤离", "围观", "A", "先报告撤离。", "所有工种"],
        ["单选", "安全帽的作用是什么？", "防砸", "装饰", "A", "安全帽防砸。", "全体员工"],
        ["单选", "停电检修谁来停电？", "专人", "任何人", "A", "指定专人停电。", "瓦检员、电钳工"],
        ["单选", "工种写得不全的题", "甲", "乙", "A", "说明。", "瓦检"],  # refused, hint 瓦斯检查工
    ]
    return [Sheet("题库", [header, *rows])]


def no_job_column() -> list[Sheet]:
    header = ["题型", "题干", "选项A", "选项B", "答案", "解析"]
    rows = [
        ["单选", "光学瓦斯检定器使用前要检查什么？", "气密性", "颜色", "A", "使用前检查气密性。"],
        ["判断", "瓦斯检查牌板可以不填写。", "", "", "错", "必须填写牌板。"],
    ]
    return [Sheet("瓦斯检查", [header, *rows])]


def blank_jobs() -> list[Sheet]:
    header = ["题型", "题干", "选项A", "选项B", "答案", "解析", "工种"]
    rows = [
        ["单选", "工种留空的题", "甲", "乙", "A", "说明。", ""],
        ["单选", "写了工种的题", "甲", "乙", "B", "说明。", "采煤机司机"],
    ]
    return [Sheet("题库", [header, *rows])]


def difficulty_words() -> list[Sheet]:
    header = ["题型", "题干", "选项A", "选项B", "答案", "解析", "工种", "难度"]
    words = [
        "易",
        "容易",
        "简单",
        "较易",
        "中",
        "一般",
        "中等",
        "适中",
        "难",
        "困难",
        "较难",
        1,
        2,
        3,
    ]
    rows = [["单选", f"难度写作「{w}」的题", "甲", "乙", "A", "说明。", GAS, w] for w in words]
    return [Sheet("题库", [header, *rows])]


def difficulty_five() -> list[Sheet]:
    header = ["题型", "题干", "选项A", "选项B", "答案", "解析", "工种", "难度等级"]
    rows = [
        ["单选", f"五级难度中第{w}级的题", "甲", "乙", "A", "说明。", GAS, w]
        for w in (1, 2, 3, 4, 5)
    ]
    return [Sheet("题库", [header, *rows])]


def empty_explanation() -> list[Sheet]:
    header = ["题型", "题干", "选项A", "选项B", "答案", "解析", "工种"]
    rows = [
        ["单选", "没有解析的第一题", "甲", "乙", "A", "", GAS],
        ["判断", "没有解析的第二题", "", "", "对", "", GAS],
        ["单选", "有解析的题", "甲", "乙", "B", "因为如此。", GAS],
    ]
    return [Sheet("题库", [header, *rows])]


CASE = (
    "案例：某矿综采工作面回风隅角瓦斯浓度持续在0.9%左右，班长为赶进度，让瓦斯检查工"
    "把便携仪挂到风流较大的位置，并要求不要向调度汇报。当班采煤机割煤时，回风隅角瓦斯"
    "浓度升至1.6%，甲烷传感器报警断电，班长让电工短接传感器后继续生产。"
)


def long_stems() -> list[Sheet]:
    header = ["题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "工种"]
    fill = "（以下为案例的补充说明，供学员阅读。）"
    stem_250 = (CASE + fill * 10)[:249] + "？"
    stem_300 = (CASE + fill * 10)[:299] + "？"
    stem_301 = (CASE + fill * 10)[:300] + "？"
    options = ["班长违章指挥", "瓦斯检查工无责任", "电工做法正确"]
    rows = [
        ["单选", stem_250, *options, "A", "班长违章指挥、短接传感器都是严重违章。", GAS],
        ["单选", stem_300, *options, "A", "案例中的做法都属严重违章。", GAS],
        ["单选", stem_301, *options, "A", "超过一屏的题干。", GAS],  # refused
    ]
    return [Sheet("案例分析", [header, *rows])]


def ambiguous() -> list[Sheet]:
    header = ["编号", "题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "工种", "难度"]
    rows = [
        header,
        ["AM-01", "问答题", "题型不是选择或判断的题", "甲", "乙", "", "A", "说明。", GAS, "易"],
        ["AM-02", "单选", "单选写了两个答案的题", "甲", "乙", "丙", "AB", "说明。", GAS, "易"],
        ["AM-03", "多选", "多选只写一个答案的题", "甲", "乙", "丙", "A", "说明。", GAS, "易"],
        ["AM-04", "判断", "判断答案写不一定的题", "", "", "", "不一定", "说明。", GAS, "易"],
        ["AM-05", "选择题", "答案写的是文字的题", "停电", "撤人", "", "也许", "说明。", GAS, "易"],
        ["AM-06", "单选", "答案不在选项里的题", "甲", "乙", "", "E", "说明。", GAS, "易"],
        ["AM-07", "单选", "难度写待定的题", "甲", "乙", "", "A", "说明。", GAS, "待定"],
        ["AM-08", "单选", "工种不认识的题", "甲", "乙", "", "A", "说明。", "挖掘机司机", "易"],
        ["AM-09", "单选", "唯一一道没有问题的题", "甲", "乙", "", "B", "说明。", GAS, "易"],
    ]
    return [Sheet("题库", rows)]


BOOKS = {
    "exam_export.xlsx": exam_export,
    "word_converted.xlsx": word_converted,
    "sheets_by_name.xlsx": sheets_by_name,
    "fullwidth.xlsx": fullwidth,
    "answer_separators.xlsx": answer_separators,
    "judge_spellings.xlsx": judge_spellings,
    "job_aliases.xlsx": job_aliases,
    "no_job_column.xlsx": no_job_column,
    "blank_jobs.xlsx": blank_jobs,
    "difficulty_words.xlsx": difficulty_words,
    "difficulty_five.xlsx": difficulty_five,
    "empty_explanation.xlsx": empty_explanation,
    "long_stems.xlsx": long_stems,
    "ambiguous.xlsx": ambiguous,
}
