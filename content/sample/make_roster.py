"""Regenerate the sample roster: fictional people, ID numbers that pass the GB 11643 checksum.

python -m content.sample.make_roster > content/sample/mine/roster.csv
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国志强海军文明红卫春生永刚立新国庆晓东宏伟振华云峰德福金山玉林树森长江保平"
REGIONS = ("140502", "140521", "140522", "140524", "140525", "140581")  # Jincheng districts
TEAMS = [  # (department, job, headcount)
    ("tf-1", "gas_inspector", 8),
    ("tf-2", "gas_inspector", 8),
    ("zc-1", "shearer_driver", 8),
    ("jd-1", "electrician", 8),
]
LEADERS = [
    ("tf-1", "team_leader"),
    ("tf-2", "team_leader"),
    ("zc-1", "team_leader"),
    ("jd-1", "team_leader"),
]


def id_number(rng: random.Random) -> str:
    born = date(1968, 1, 1) + timedelta(days=rng.randrange(0, 365 * 32))
    first17 = f"{rng.choice(REGIONS)}{born:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return (
        first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]
    )


def main() -> None:
    rng = random.Random(20261122)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(
        [
            "employee_no",
            "name",
            "id_number",
            "phone",
            "department",
            "job",
            "employment_type",
            "hire_date",
            "supervisor",
        ]
    )
    names: set[str] = set()
    rows = [(d, j, "1") for d, j in LEADERS] + [(d, j, "0") for d, j, n in TEAMS for _ in range(n)]
    for i, (dept, job, leader) in enumerate(rows, start=1):
        while (
            name := rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
        ) in names:
            pass
        names.add(name)
        hired = date(2005, 1, 1) + timedelta(days=rng.randrange(0, 365 * 20))
        kind = rng.choices(["regular", "contract", "dispatched"], weights=[7, 2, 1])[0]
        phone = f"1000000{i:04d}"  # the 100 prefix is no mobile network: never a real person
        out.writerow(
            [f"HQ{i:04d}", name, id_number(rng), phone, dept, job, kind, hired.isoformat(), leader]
        )


if __name__ == "__main__":
    main()
