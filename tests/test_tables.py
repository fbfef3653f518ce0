"""content/tables.py, the one spreadsheet reader every importer uses, read against a schema that
is not the bank's (a roster), so nothing in it depends on question banks."""

from __future__ import annotations

from pathlib import Path

from content.tables import Schema, label, nearest, plain, read_table_file
from tests.xlsx import Cell, Sheet, write

ROSTER = Schema(
    title="花名册",
    columns=("工号", "姓名", "身份证号", "部门", "工种"),
    synonyms={
        "工号": ("员工编号", "职工号"),
        "身份证号": ("身份证", "证件号码"),
        "工种": ("岗位",),
    },
    required=("姓名", "身份证号"),
    anchor=("姓名",),
    extra_headers=lambda text: "部门" if text.endswith("班组") else None,
)
HEADER = ["序号", "*员工编号", "姓 名", "身份证号（18位）", "所在班组", "岗位："]


def test_plain_folds_what_clerks_type_into_ascii() -> None:
    assert plain(" Ａ１２\u3000３\u00a0b\u200b\ufeff ") == "A123b"
    assert plain("ＧＩ－００１") == "GI-001"


def test_label_and_nearest() -> None:
    assert label("*正确答案（必填）：") == "正确答案"
    assert label("【题干】") == "题干" and label("题干【必填】") == "题干"
    assert nearest("瓦检员", ["全员", "瓦斯检查工", "井下电钳工"]) == ["瓦斯检查工"]
    assert nearest("电工", ["全员", "瓦斯检查工", "井下电钳工"]) == ["井下电钳工"]
    assert nearest("挖掘机司机", ["全员", "班组长"]) == []
    assert nearest("采煤机", ["采煤机司机", "提升机操作工", "起重机司机"], 2)[0] == "采煤机司机"


def test_a_header_below_banners_is_found_and_rows_keep_excel_numbers(tmp_path: Path) -> None:
    path = write(
        tmp_path / "roster.xlsx",
        [
            Sheet("填写说明", [["填写说明"], ["姓名", "身份证号", "工号"], ["张三", "示例", "1"]]),
            Sheet(
                "一队",
                [
                    ["红桥煤矿 2026 年职工花名册"],
                    ["制表：安全科", "", "日期：2026-01-01"],
                    [],
                    HEADER,
                    [1, Cell("007", "@"), "张三", "11010119900101123X", "综采一队", "瓦检员"],
                    [],
                    [2, "", "李四", 110101199001011234, "", ""],
                    HEADER,  # the header again above the next block
                    [3, "009", "王五", "110101199001015678", "综采二队", "电工"],
                ],
                merged=["A1:F1"],
                hidden_rows={9},
            ),
            Sheet("字典", [["部门", "工种", "备注"], ["综采一队", "瓦检员", "x"]], state="hidden"),
            Sheet("Sheet3", []),
            Sheet("岗位说明书题库", [["姓名", "身份证号"], ["赵六", "110101199001019999"]]),
        ],
    )
    table = read_table_file(path, ROSTER)
    assert table.sheets_read == ["一队", "岗位说明书题库"] and table.several
    assert table.sheets_skipped == [
        ("填写说明", "填写说明"),
        ("字典", "隐藏的工作表，没有花名册表头"),
        ("Sheet3", "空白"),
    ]
    assert table.problems == [] and table.headers["一队"].number == 4
    assert [r.number for r in table.rows] == [5, 7, 9, 2]
    first, second, third, _ = table.rows
    assert first.values == {
        "工号": "007",
        "姓名": "张三",
        "身份证号": "11010119900101123X",
        "部门": "综采一队",
        "工种": "瓦检员",
    }
    assert first.titles["姓名"] == "姓 名" and first.titles["工号"] == "*员工编号"
    assert "文本格式" in second.refused["身份证号"] and second.values["身份证号"] == ""
    assert (first.hidden, third.hidden) == (False, True)


def test_header_level_problems_name_row_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path / "roster.xlsx",
        [
            Sheet("甲", [["姓名", "身份正号", "工号"], ["张三", "1", "2"]]),
            Sheet("乙", [["姓名", "身份证", "证件号码"], ["张三", "1", "2"]]),
            Sheet("丙", [["a", "b", "c"], ["随手记", "没有表头", "的表"]]),
            Sheet("丁", [["姓名", "身份证号"], ["张三", "1"]], state="hidden"),
            Sheet("戊", [*[[f"第{i}行"] for i in range(15)], ["姓名", "身份证号"], ["张三", "1"]]),
        ],
    )
    table = read_table_file(path, ROSTER)
    found = {(p.sheet, p.row, p.column): p.reason for p in table.problems}
    assert set(found) == {
        ("甲", 1, "表头"),
        ("乙", 1, "证件号码"),
        ("丙", None, "表头"),
        ("丁", None, "工作表"),
        ("戊", 16, "表头"),
    }
    assert found[("甲", 1, "表头")] == (
        "缺少列：身份证号（表头里的「身份正号」是不是「身份证号」？请改成标准列名）"
    )
    assert "两列都是身份证号" in found[("乙", 1, "证件号码")]
    assert "隐藏" in found[("丁", None, "工作表")]
    assert "太靠下" in found[("戊", 16, "表头")]
    assert table.rows == [] and table.sheets_read == []


def test_csv_in_gbk_numbers_records_and_carries_formula_like_text(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    text = '职工号,姓名,身份证号\r\n001,"张\n三",=1+1\r\n,,\r\n002,李四,110\r\n'
    path.write_bytes(text.encode("gb18030"))
    table = read_table_file(path, ROSTER)
    assert table.problems == [] and not table.several and table.sheets_read == []
    assert [(r.sheet, r.number, r.values["姓名"]) for r in table.rows] == [
        ("", 2, "张\n三"),
        ("", 4, "李四"),
    ]
    assert "不是公式" in table.rows[0].notes["身份证号"]


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("不是表格")
    other = tmp_path / "roster.docx"
    other.write_text("x")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    for path, words in ((fake, "不是有效的 xlsx"), (other, ".xlsx"), (empty, "找不到表头行")):
        table = read_table_file(path, ROSTER)
        assert [(p.row, p.column) for p in table.problems] in ([(None, "文件")], [(None, "表头")])
        assert words in table.problems[0].reason
