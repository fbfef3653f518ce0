"""The bank corpus's files in older or plainer formats, shaped like real exports: an exam
system's csv saved in GBK, and an .xls as Excel 97–2003 saved it. Written by make_corpus.py;
what each says is written by hand in NAME.expected.yaml.
"""

# ruff: noqa: RUF005, E501 — rows are built in pieces to read like the sheet; csv lines are data

from __future__ import annotations

from pathlib import Path

GAS = "瓦斯检查工"

EXAM_CSV = """序号,试题类型,试题内容,选项,正确答案,答案解析,适用岗位,难易程度\r
1,单项选择题,采煤机割煤时，采煤机司机应当站在什么位置？,"A.支架内 B.煤壁侧 C.溜槽上",a,司机应在支架内操作。,采煤机操作工,简单\r
2,多项选择题,采煤机停机后必须做到哪些？,"A、断开隔离开关
B、打开离合器
C、让机器空转",A、B,停机后要断电、打开离合器。,采煤机司机,中等\r
3,判断题,采煤机可以在无人看护时自动割煤。,,×,严禁无人看护。,采煤机司机,困难\r
"""


def write_xls(path: Path) -> None:
    """An .xls as Excel 2003 saved it: a banner, percent and number formats, a 12-digit number
    shown in full by its format, a long number kept as text, a job merged down over rows, a
    hidden row and a hidden sheet of drop-down lists. Needs xlwt (test tools only)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("题库")
    sheet.write_merge(0, 0, 0, 8, "红桥煤业 2003 版题库（.xls）")
    header = ["编号", "题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "工种"]
    for c, title in enumerate(header):
        sheet.write(1, c, title)
    percent, number = xlwt.easyxf(num_format_str="0.0%"), xlwt.easyxf(num_format_str="0")
    dated = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    rows = [
        ["XL-001", "单选", "甲烷传感器的断电浓度是多少？", (0.015, percent), (0.01, percent)]
        + [(0.005, percent), "A", "采煤工作面甲烷传感器断电浓度为1.5%。"],
        [
            "XL-002",
            "单选",
            "这台设备的出厂编号是哪一个？",
            (123456789012, number),
            "110101199001011234",
        ]
        + ["", "A", "铭牌上的出厂编号。"],
        [
            "XL-003",
            "单选",
            "《煤矿安全规程》现行版本何时施行？",
            (_serial(2022, 4, 1), dated),
            "2016-10-01",
        ]
        + ["", "A", "现行版本自2022年4月1日起施行。"],
        ["XL-004", "单选", "被隐藏的旧题", "甲", "乙", "", "A", "旧题。"],
    ]
    for r, row in enumerate(rows, 2):
        for c, value in enumerate(row):
            if isinstance(value, tuple):
                sheet.write(r, c, value[0], value[1])
            elif value != "":
                sheet.write(r, c, value)
    sheet.write_merge(2, 5, 8, 8, GAS)
    sheet.row(5).hidden = True
    lists = book.add_sheet("下拉")
    lists.write(0, 0, "单选")
    lists.visibility = 1
    book.save(str(path))


def _serial(year: int, month: int, day: int) -> float:
    from datetime import date

    return float((date(year, month, day) - date(1899, 12, 30)).days)
