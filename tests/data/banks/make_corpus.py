"""Writes the bank corpus beside this file: question banks as clerks really send them (title
rows, a sheet per type, percent/decimal/date cells, reversed judge options, letters typed in
front of options, hidden rows, formula-like text, full-width characters, GBK and BOM csv,
merged cells, other header names, extra columns). What each file says is written by hand in
NAME.expected.yaml; this script only makes the files. The exports shaped like real ones are in
real_exports.py and legacy_exports.py; the .xls needs xlwt (a test tool, not needed to run the tests).

    python tests/data/banks/make_corpus.py
"""

# ruff: noqa: RUF005, E501 — rows are built in pieces to read like the sheet; csv lines are data

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tests.data.banks import legacy_exports, real_exports  # noqa: E402
from tests.xlsx import Cell, Formula, Sheet, write  # noqa: E402

RULES = "《煤矿安全规程》"
PCT = "0.0%"


def sheets_per_type() -> list[Sheet]:
    title = ["红桥煤矿 2026 年瓦斯检查工应知应会题库"]
    header = ["序号", "试题内容", "A", "B", "C", "D", "正确答案", "答案解析", "岗位", "难易程度"]
    header += ["出处", "", "备注"]
    single = [
        [1, "采掘工作面风流中甲烷浓度达到多少时，必须停止用电钻打眼？"]
        + [Cell(0.005, PCT), Cell(0.01, PCT), Cell(0.015, PCT), Cell(0.02, PCT)]
        + ["B", "风流中甲烷浓度达到1.0%时，必须停止用电钻打眼。", "瓦斯检查工", "易", RULES]
        + ["", "2025 年复核"],
        [2, "一氧化碳的最高允许浓度是多少？"]
        + [Cell(0.000024, "0.0000%"), Cell(0.00024, "0.0000%"), Cell(0.0024, "0.0000%"), ""]
        + ["A", "一氧化碳最高允许浓度为0.0024%。", "瓦斯检查工", "中", RULES],
        [3, "采煤工作面的最低允许风速是多少 m/s？"]
        + [Cell(0.25, "0.00"), Cell(0.5, "0.00"), Cell(1, "0.00"), Cell(4, "0.00")]
        + ["A", "采煤工作面最低风速为0.25 m/s，最高为4 m/s。", "瓦斯检查工", "中", RULES],
    ]
    multi = [
        ["序号", "试题内容", "A", "B", "C", "D", "正确答案", "答案解析", "岗位"],
        [1, "瓦斯爆炸必须同时具备哪些条件？", "甲烷浓度在爆炸界限内", "足够的氧气"]
        + ["高温火源", "井下有人", "ABC", "三个条件同时具备才会爆炸。", "瓦斯检查工"],
    ]
    judge = [
        title,
        ["试题内容", "A", "B", "正确答案", "答案解析", "岗位"],
        ["入井人员必须随身携带自救器。", "错误", "正确", "B", "规程要求随身携带。", "瓦斯检查工"],
        ["瓦斯浓度低于1%时可以不检查。", "对", "错", "错", "任何时候都要按规定检查。"]
        + ["瓦斯检查工"],
        ["瓦斯检查工必须执行“三对口”。", "", "", "√", "记录手册、牌板、台账三对口。"]
        + ["瓦斯检查工"],
        ["可以在井下拆开矿灯。", "√", "×", "B", "严禁在井下拆开、敲打、撞击矿灯。"]
        + ["瓦斯检查工"],
    ]
    return [
        Sheet("填写说明", [["填写说明"], ["1. 每个工作表一种题型；"], ["2. 答案填写选项字母。"]]),
        Sheet("单选", [title, header, *single], merged=["A1:K1"]),
        Sheet("多选", multi),
        Sheet("判断", judge, merged=["A1:F1"]),
    ]


def formats_and_spaces() -> list[Sheet]:
    header = ["题干", "题型", "答案", "选项A", "选项B", "选项C", "选项D", "解析", "工种"]
    header += ["知识点", "难度", "来源", ""]
    rows = [
        ["  井下发现瓦斯超限，第一步应该怎么做？ ", " 单选题 ", "Ｂ", "A.继续作业"]
        + ["B、停止作业，撤出人员", "（C）报告后继续", "D:无需处理"]
        + ["超限必须停止作业、撤出人员。", "瓦斯检查工，井下电钳工", "瓦斯", "２"]
        + [Cell(datetime(2022, 4, 1), "yyyy-mm-dd")],
        ["井下电气设备检修前必须做到哪些？", "多选", "a、b、c", "Ａ．停电", "Ｂ．验电"]
        + ["Ｃ．放电", "Ｄ．带电作业", "停电、验电、放电后方可检修。", "井下电钳工", "电气"]
        + ["中", Cell(datetime(2022, 4, 1), 'yyyy"年"m"月"d"日"')],
        ["煤矿井下电网电压等级为多少伏时，属于低压？", "单选", "A", Cell(1140, "General")]
        + [Cell(3300, "#,##0"), Cell(6000, "#,##0"), Cell(10000, "#,##0")]
        + ["1140 V 及以下为低压。", "井下电钳工", "电气", 1, Cell("2016", "@")],
        ["采掘工作面进风流中氧气浓度不得低于多少？", "单选", "C", Cell(0.18, "0%")]
        + [Cell(0.19, "0%"), Cell(0.2, "0%"), Cell(0.21, "0%"), "氧气浓度不低于20%。"]
        + ["瓦斯检查工", "通风", "易", RULES],
        ["检测仪器显示 TRUE 表示报警，显示 FALSE 表示正常。报警时显示什么？", "单选", "A"]
        + [True, False, "", "", "TRUE 表示报警。", "瓦斯检查工", "仪器", "易", RULES],
    ]
    return [Sheet("Sheet1", [header, *rows])]


def merged_jobs() -> list[Sheet]:
    header = ["编号", "题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "工种"]
    rows = [
        header,
        ["GI-001", "单选", "瓦斯爆炸的浓度下限是多少？", Cell(0.05, "0%"), Cell(0.09, "0%")]
        + [Cell(0.16, "0%"), "A", "甲烷爆炸界限为5%～16%。", "瓦斯检查工"],
        ["GI-002", "单选", "瓦斯爆炸的浓度上限是多少？", Cell(0.05, "0%"), Cell(0.09, "0%")]
        + [Cell(0.16, "0%"), "C", "甲烷爆炸界限为5%～16%。", ""],
        ["GI-003", "判断", "爆炸最猛烈的甲烷浓度约为9.5%。", "", "", "", "正确"]
        + ["9.5%左右时爆炸最猛烈。", ""],
    ]
    return [Sheet("题库", rows, merged=["I2:I4"])]


def formula_text() -> list[Sheet]:
    link = '=HYPERLINK("http://example.invalid/gas","查看图示")'
    header = ["编号", "题型", "题干", "选项A", "选项B", "答案", "解析", "工种"]
    rows = [
        header,
        ["FX-001", "单选", Cell(link, text=True), "停电", "撤人", "B", "先撤人。", "瓦斯检查工"],
        ["FX-002", "单选", "进风井口以下的空气温度必须在多少以上？", "-10℃", Cell("+2℃", text=True)]
        + ["B", Cell("@规程：进风井口以下的空气温度必须在2℃以上。", text=True), "瓦斯检查工"],
        ["FX-003", "单选", Formula('="瓦斯"&"检查"', cached="瓦斯检查的第一步是什么？")]
        + ["校对仪器", "直接下井", "A", "先校对仪器。", "瓦斯检查工"],
    ]
    return [Sheet("题库", rows)]


def hidden_rows() -> list[Sheet]:
    header = ["编号", "题型", "题干", "选项A", "选项B", "答案", "解析", "工种"]
    rows = [
        header,
        ["HR-001", "单选", "总回风巷中甲烷浓度超过多少时必须立即查明原因？", Cell(0.0075, "0.00%")]
        + [Cell(0.01, "0.00%"), "A", "超过0.75%必须立即查明原因。", "瓦斯检查工"],
        ["HR-002", "单选", "作废的旧题：总回风巷中甲烷浓度超过多少要查明原因？", Cell(0.01, PCT)]
        + [Cell(0.015, PCT), "B", "旧版规定。", "瓦斯检查工"],
    ]
    old = [header, ["HR-003", "判断", "旧表里的题。", "", "", "对", "旧题。", "瓦斯检查工"]]
    return [Sheet("题库", rows, hidden_rows={3}), Sheet("旧题", old, state="hidden")]


def refused_cells() -> list[Sheet]:
    header = ["编号", "题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "工种"]
    rows = [
        header,
        [
            110101199001011234,
            "单选",
            "编号是长数字的题",
            "甲",
            "乙",
            "",
            "A",
            "说明。",
            "瓦斯检查工",
        ],
        ["RC-002", "单选", "带单位格式的题", Cell(3.5, '0.0" 米"'), "乙", "", "A", "说明。"]
        + ["瓦斯检查工"],
        ["RC-003", "单选", "选项字母错位的题", "A.停电", "A.撤人", "", "B", "说明。", "瓦斯检查工"],
        ["RC-004", "判断", "选项不是对错的判断题", "甲", "乙", "", "A", "说明。", "瓦斯检查工"],
        ["RC-005", "单选", Formula("=1/0"), "甲", "乙", "", "A", "说明。", "瓦斯检查工"],
        ["RC-006", "单选", "井下发现瓦斯超限，应当首先做什么？", "继续作业", "撤出人员", ""]
        + ["B", "超限必须先撤出人员。", "瓦斯检查工"],
    ]
    return [Sheet("题库", rows)]


CSV_HEADER = "编号,题型,题干,选项A,选项B,选项C,选项D,答案,解析,工种,知识点,难度,来源"
GBK_CSV = f"""{CSV_HEADER}\r
GB-001,单选,"局部通风机停止运转时，
应当怎么做？",继续作业,撤出人员、切断电源,开窗通风,,b,停风区内必须撤人、断电。,瓦斯检查工,通风,易,{RULES}\r
GB-002,判断,停风的独头巷道可以直接进入。,,,,,×,必须先检查瓦斯。,瓦斯检查工,通风,中,{RULES}\r
,,,,,,,,,,,,\r
"""
BOM_CSV = """试题编号,试题类型,题目,选项A,选项B,选项C,标准答案,试题解析,适用岗位,考点,难度等级\r
BM-001, 多选题 ,采煤机启动前必须做到哪些？,发出预警信号,检查周围人员,直接启动,"Ａ，Ｂ",启动前要预警并确认周围无人。,采煤机司机,开机,３\r
BM-002,单选,采煤机司机离开时应当怎么做？,"A. 停机并断开隔离开关","B. 让机器继续运行",,A,离开时必须停机断电。,采煤机司机,停机,1\r
"""


def main() -> None:
    books = {
        "sheets_per_type.xlsx": sheets_per_type(),
        "formats_and_spaces.xlsx": formats_and_spaces(),
        "merged_jobs.xlsx": merged_jobs(),
        "formula_text.xlsx": formula_text(),
        "hidden_rows.xlsx": hidden_rows(),
        "refused_cells.xlsx": refused_cells(),
    }
    books.update({name: make() for name, make in real_exports.BOOKS.items()})
    for name, sheets in books.items():
        write(HERE / name, sheets)
    (HERE / "gbk.csv").write_bytes(GBK_CSV.encode("gb18030"))
    (HERE / "bom.csv").write_bytes(BOM_CSV.encode("utf-8-sig"))
    (HERE / "exam_gbk.csv").write_bytes(legacy_exports.EXAM_CSV.encode("gb18030"))
    legacy_exports.write_xls(HERE / "legacy.xls")


if __name__ == "__main__":
    main()
