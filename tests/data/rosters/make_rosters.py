"""Write the roster corpus: 花名册 files shaped like what enterprises export (a title banner,
an instruction sheet, ID numbers typed as numbers, full-width digits, GBK csv, separate
单位/车间/班组 columns). Run from the repository root:
    .venv/bin/python -m tests.data.rosters.make_rosters
Each file's expected report is asserted in tests/test_roster_import.py."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from bot.people.rules.idcard import check_digit

HERE = Path(__file__).resolve().parent
HEADER = [
    "工号",
    "姓名",
    "身份证号",
    "手机号",
    "部门",
    "工种",
    "用工形式",
    "入职日期",
    "状态",
    "是否班组长",
]


def idn(born: str, seq: str, region: str = "140581") -> str:
    """A valid 18-digit ID number (GB 11643 check digit) for a birth date YYYYMMDD."""
    first = f"{region}{born}{seq}"
    return first + check_digit(first)


# (工号, 姓名, 身份证号, 手机号, 部门, 工种, 用工形式, 入职日期, 状态, 是否班组长)
CLEAN = [
    [
        "YK0001",
        "王建国",
        idn("19800101", "011"),
        "13800000001",
        "一矿/综采一队/一班",
        "班组长",
        "正式",
        "2015-03-01",
        "在岗",
        "是",
    ],
    [
        "YK0002",
        "李强",
        idn("19850202", "022"),
        "13800000002",
        "一矿/综采一队/一班",
        "采煤机司机",
        "劳务派遣",
        "2020-07-15",
        "在岗",
        "否",
    ],
    [
        "YK0003",
        "赵敏",
        idn("19900303", "034"),
        "13800000003",
        "一矿/综采一队/二班",
        "采煤机司机",
        "外包",
        "2024-11-01",
        "在岗",
        "",
    ],
    [
        "YK0004",
        "陈晓东",
        idn("19920404", "045"),
        "",
        "一矿/通风区/瓦检班",
        "瓦检员",
        "临时",
        "2026-11-20",
        "在岗",
        "否",
    ],
    [
        "YK0005",
        "阿依古丽·买买提",
        idn("19950505", "056"),
        "13800000005",
        "一矿/通风区/瓦检班",
        "瓦斯检查工",
        "灵活用工",
        "2025-01-10",
        "休假",
        "否",
    ],
    [
        "YK0006",
        "周平",
        idn("19780606", "067"),
        "13800000006",
        "一矿/通风区",
        "班组长",
        "正式",
        "2001-09-01",
        "在岗",
        "是",
    ],
]


def write(path: Path, sheets: list[tuple[str, list[list[object]]]]) -> None:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets:
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)


def clean_export() -> None:
    """A personnel-system export: a banner, an instruction sheet, then the table."""
    write(
        HERE / "clean_export.xlsx",
        [
            ("填写说明", [["1. 身份证号请设置为文本格式"], ["2. 部门请写完整路径，用 / 分隔"]]),
            ("花名册", [["一矿 2026 年员工花名册"], ["导出时间：2026-12-01"], HEADER, *CLEAN]),
        ],
    )


def split_columns_gbk() -> None:
    """Separate 单位/车间/班组 columns, full-width digits and spaces, saved as GBK csv."""
    header = [
        "序号",
        "员工编号",
        "姓名",
        "身份证号码",
        "联系电话",
        "单位",
        "车间",
        "班组",
        "岗位",
        "用工性质",
        "入职时间",
        "人员状态",
        "班组长",
    ]
    rows = [
        [
            "1",
            "ＹＫ０１０１",
            "孙 大 伟",
            idn("19830707", "078").replace("1", "１"),
            "138 0000 0101",
            "一矿",
            "机电队",
            "电钳班",
            "井下电钳工",
            "正式工",
            "2018/5/6",
            "在职",
            "√",
        ],
        [
            "2",
            "YK0102",
            "钱伟",
            idn("19870808", "089"),
            "+86 138-0000-0102",
            "一矿",
            "机电队",
            "电钳班",
            "井下电钳工",
            "派遣",
            "2021年3月9日",
            "在岗",
            "×",
        ],
    ]
    lines = [",".join(header)] + [",".join(r) for r in rows]
    (HERE / "split_columns_gbk.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))


def id_as_number() -> None:
    """The classic trap: ID numbers typed into a number cell (shown as 1.40581E+17)."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "花名册"
    ws.append(HEADER)
    ws.append(
        [
            "YK0201",
            "吴刚",
            int(idn("19800909", "091")[:17] + "0"),
            "13800000201",
            "一矿/综采一队/一班",
            "采煤机司机",
            "正式",
            "2019-01-01",
            "在岗",
            "否",
        ]
    )
    ws.append(
        [
            "YK0202",
            "郑洁",
            idn("19811010", "102"),
            13800000202,
            "一矿/综采一队/一班",
            "采煤机司机",
            "正式",
            "2019-01-01",
            "在岗",
            "否",
        ]
    )
    book.save(HERE / "id_as_number.xlsx")


# (工号, 姓名, 身份证号, 手机号, 班组, 工种, 入职日期) per workshop sheet, 班组 merged down
SHEETS = {
    "综采一队": [
        [
            "ZC001",
            "高山",
            idn("19810101", "111"),
            "13700000001",
            "一班",
            "采煤机司机",
            (2010, 3, 1),
        ],
        [
            "ZC002",
            "林海",
            idn("19820202", "122"),
            "13700000002",
            "一班",
            "采煤机司机",
            (2011, 4, 2),
        ],
        [
            "ZC003",
            "何川",
            idn("19830303", "133"),
            "13700000003",
            "二班",
            "采煤机司机",
            (2012, 5, 3),
        ],
    ],
    "机电队": [
        [
            "JD001",
            "郭峰",
            idn("19840404", "144"),
            "13700000004",
            "电钳班",
            "井下电钳工",
            (2013, 6, 4),
        ],
        [
            "JD002",
            "罗明",
            idn("19850505", "155"),
            "13700000005",
            "电钳班",
            "井下电钳工",
            (2014, 7, 5),
        ],
    ],
}


def hr_system_export() -> None:
    """What an HR system exports: a merged banner, extra columns (性别, 民族, 学历), one sheet per
    workshop with the team merged down its block, real date cells shown as 2010年3月1日, and an
    empty 班组长 cell meaning no."""
    from datetime import date as day

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for shop, people in SHEETS.items():
        ws = book.create_sheet(shop)
        ws.append([f"一矿{shop}人员信息表"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=11)
        ws.append(
            [
                "序号",
                "员工编号",
                "姓名",
                "性别",
                "民族",
                "身份证号码",
                "联系电话",
                "单位",
                "车间",
                "班组",
                "岗位",
                "入职时间",
                "学历",
                "班组长",
            ]
        )
        first_of_team: dict[str, int] = {}
        for i, (no, name, id_number, phone, team, job, hired) in enumerate(people, 1):
            row = ws.max_row + 1
            ws.append(
                [
                    i,
                    no,
                    name,
                    "男",
                    "汉",
                    id_number,
                    phone,
                    "一矿",
                    shop,
                    team,
                    job,
                    day(*hired),
                    "高中",
                    "是" if i == 1 else None,
                ]
            )
            ws.cell(row=row, column=12).number_format = "yyyy年m月d日"
            start = first_of_team.setdefault(team, row)
            if start != row:
                ws.cell(row=row, column=10).value = None
                ws.merge_cells(start_row=start, start_column=10, end_row=row, end_column=10)
    book.save(HERE / "hr_system_export.xlsx")


def main() -> None:
    clean_export()
    split_columns_gbk()
    id_as_number()
    hr_system_export()


if __name__ == "__main__":
    main()
