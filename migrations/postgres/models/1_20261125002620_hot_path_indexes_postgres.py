from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE INDEX IF NOT EXISTS "idx_answer_worker__841173" ON "answer" ("worker_id", "question_id");
        CREATE INDEX IF NOT EXISTS "idx_cardread_worker__94b904" ON "cardread" ("worker_id", "card_id");
        CREATE INDEX IF NOT EXISTS "idx_enrollment_worker__37c418" ON "enrollment" ("worker_id", "status");
        CREATE INDEX IF NOT EXISTS "idx_identity_worker__006ba5" ON "identity" ("worker_id", "account");
        CREATE INDEX IF NOT EXISTS "idx_quizsession_worker__008ade" ON "quizsession" ("worker_id", "finished_at");
        CREATE INDEX IF NOT EXISTS "idx_worker_enterpr_36b166" ON "worker" ("enterprise_id", "job_id", "status");
        CREATE INDEX IF NOT EXISTS "idx_worker_enterpr_c28ea7" ON "worker" ("enterprise_id", "name");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_quizsession_worker__008ade";
        DROP INDEX IF EXISTS "idx_enrollment_worker__37c418";
        DROP INDEX IF EXISTS "idx_identity_worker__006ba5";
        DROP INDEX IF EXISTS "idx_cardread_worker__94b904";
        DROP INDEX IF EXISTS "idx_worker_enterpr_c28ea7";
        DROP INDEX IF EXISTS "idx_worker_enterpr_36b166";
        DROP INDEX IF EXISTS "idx_answer_worker__841173";"""


MODELS_STATE = (
    "eJztXW1z2zYS/isYfUrm1JzjpG4n6XTGdpyeWzvu2c6100yHgUjYQkwRDEDaUTr57wfw/Q"
    "WkSJGUCAtf0prEUuSDt91nF7v/TBbEQjZ7dmgj6k1egX8mDlwg/j/5G1Mwga6bXhYXPDiz"
    "g5YwaTJjHoWmeM4NtBnilyzETIpdDxNHND0EzHcRvceMUBDIvQYf79DyI1jAO8QAguY8vA"
    "5M4lhYyIEbTBEgjomeiR+xiMl/BTu3PT3Pd/BnHxkeuUXeHFH+1A9/88vYsdAXxOI/3Tvj"
    "BiPbykGELfGA4LrhLd3g2qnjvQ0ailedGSax/YWTNnaX3pw4SWvsBMDdIgdR6CHxeI/6Aj"
    "jHt+0I4BjL8E3TJuErZmQsdAN9W8AvpEvoxxczAEaXODai5/jbsOADb8WvfLf//OUPL398"
    "cfDyR94keJPkyg/fws9Lvz0UDBB4dz35FtyHHgxbBDCmuPEOKgN3PIdUjlzUvAAdf+EidD"
    "FQW8VuAb8YNnJuvTn/8/n+jzVI/e/w8vg/h5dPeKun4lsInzzhlHoX3doP7wk4M/Dxl2+F"
    "X9S+HwDjCymC6VwfAsIX+w0QfLFfCaC4lceP+YsFpJIheI2+VEzejIgqKNagdn3y57V46Q"
    "Vjn+0sWk/OD/8MgFwsoztnF+9+iZtn0D0+uzgqoCpmexnSX68u3skhjdsX8Hzv8O/8YGHT"
    "mwIbM+/vodCd/HTjO2awIcx8bHvYYc/Ez/48GQRzAUQ95kV4BTaEebc0eErwgCLmJkUCFQ"
    "N6ZeTf8DseXiA5+nnJQh9Ykeiz+H/UG+Gn5ydX14fnv+cgf3N4fSLu7OeGeHz1yUGhG5KH"
    "gD9Or/8DxJ/gr4t3J8WeSdpd/zUR7wR9jxgOeTCglf3s+HJ8Kd+TcOFCfOsYrXSKgtRq5U"
    "LScdH+t8n1vRf1IsUOOR6iLsUMtUOvJLcWftvYIHsGMNWh2wFYktuhASiMgps7qXobz8oy"
    "km8JRfzGb2gZAHrK3wpyO0QCXWR9HWceNToYv8XjIb6avgWFD4m9VFyl+Ffyb0NeqLUeXh"
    "0fvjmZVIzHHiD8g9A71ERHGy+ApXm2GsJ0besBwpPcw8a3HjbFsbTgy3EUU3sGzbsHSC0j"
    "N8fFHbJPCleStuVbi/1F8Qp04G2AgvgW8eYx0eKwh4B+KFMw4Z1pLQeTtllFwlTDKqFCPk"
    "wYYkwIhkpPwKBM/i4wJB8mD8ks409gaSPNm/TImyT4l9C7WkDbroQwK6eYjvNi/4eDBEbx"
    "Rx2CV+eHZ2dl9SYekcY9okwKXyVyMlHFEOxNSzTnBJuS7aSaeEolVCFN8tRTE+6umrkr8X"
    "YmoRSZElP9iBAbQacCxFSqgOKMi40Txhrcji4uznJG+dFpkVx6f350cvnkeQAsb4TD7bk8"
    "ILHFN3TsLXmH3SO77aJYllZsYvexNIZqw1oMUkFUU0jbppCSAd1SvcpJKTYHetvcko2+FX"
    "gFqV0FLzIRWpJHOaFdhS60m9ohl5PZJeBqOLeMldqR7Pivj79epU8bH5KNWaPcBFtNGaUm"
    "/KYYtxGDl5tjq7FLSI8+xl/6KHXxK+yMqxGM9ZAeEDzNPEpdBAuK2ZioyiOOzi8+f8xEwl"
    "amN6d1hOWMN7tNmq0MHLvkyjKi3wkpDi5vhW2fImASX3C6DLiIAuIiB1sAOlbwZziFXwMI"
    "bGLeAebTe3yPGLhEFmb8GmPleLLhfkaHmW2cLmX+7JOUb6lmrDIiOtwsgjGaBKzFIMyKbE"
    "5B3dv2UEwxE0sBsgy+amAJMVVPrBRle2BWtubafBTEiu9aa0ZZ5SXVpMgmFEHrwrGX0ThS"
    "pGejIZ/p2ODlSybkdjSoJK5DokBlYz6q9adskEm/Ll+tlgyrlgT/baGTxO3V9KENopJAM9"
    "DI26CYEVETyP7j4F2fzY1442mKY05ITSS/bwDk95U4fl86TuBB6hliE5erBxWWRk6qTjUY"
    "J6Q1GIqtvXg4gOsQNnZaIZSVeez4BEfUDG/OdZs5sSUb61ubwIqtVSJbgOtGCKsH08X7o7"
    "MT8PvlyfHp1Wl0eiJRH4Ob+QiBy5PDswq3HjNcRI3PPv7aNkxA/oTNGbUvOisy/YRQ4a+G"
    "Cxkz+Pdh0mp8SmQ3OT73nh2MeHhG0CAODuJ/USSZ+6sGqPwZmxuiz0cxRBdYOBu6RATJn7"
    "BrOHLFxPMlZF8NaZpIbE4f5Pq8h++Dvb8fM+WgiZVS5CoyRspBKdpvp8/mPRrWqEwH6uNm"
    "027k+Ccya4dcKrCrkG33hJ6iANaEC+njUesfjypM5R4A/DV8irrIpQvUWA83jhi8hqcbqx"
    "01BRpForseRXJvf7tENqw4ClVMeDRWn2oJ0EIiAQ6PUL46wnDM213yx6iLBP8MbiFQLItc"
    "aIPEm/A5TcLJRooEciix7QVyus6Nk+RBai05ZdIlCo7tiEe7WOERjY6Ovu38ciMB8Rw6y2"
    "si/m24kR1HkYBji6+q2cSCNzdKzvvwO6gYO9yGL+aECLEiNIBZJDaLl+xw60t6ILmVS53g"
    "zSnxb+e5O2b0i9Jdk183SpDKGfIeOrFL6PLYOjL7LW06sxD4vEaHZmPJW3TqingTebDu8c"
    "o4XbNpiG6rGJMPBQvM5D9cyiqgI0+m/UaeBCiXkKs5vx21V9PNf/CyAaV78LKS0hW3ysSV"
    "wESyVlbnucsJjSnZnfhBlZLdedizWw3fRECP3xDBGbFaZb2M26uCX52TYYiUlx5xsdlqRM"
    "YCqiA69Ijk+/9dGwDj9ht0NDqELqA9YkcjIz5tl5cllVBzHO5/3ySEj7eqRDG4l4exfXKg"
    "reQE6h4k0F9CIMJ1eMcz5pDN26mVeTk1B2H/i6F2LK8xILWTb8M5EDOb90a9DCPCtE/6NM"
    "skdaVQG+eKHT37lv2WMvsWU85FGjVHrZWZt4Rl7UyjJoOglnALBnYF6RYP+nrijcathjzg"
    "lU3eGaCgE3f2TryJsddewSyK7dK+rhP99RrVK1aSNUJRM2JqxqEqEncaf7auETGUrZru/m"
    "0W392zp3RGSZ3Zb1RWvE5Lt35autio6YjcusE548Ets5g3QU3Xb+lUv0Xn8lMnl18S3Soh"
    "KrKRr9VEhZVttTKR3/UcAeJ7M/LlFSAOApQ8BGn0Fogx/obAI4Ahx5qCsBvBbBkVdGUEQG"
    "AhEwtrGGAGFtCqKgs71I/obDkbp050rVhdK3aLznWdaagCxVaZhsKUqW1ATCXUxLB/77A5"
    "h44jYz/r6u8kIhsMmPHQwrWjvDwjndUuXNoESgZkdRhnRmRbQZyDMaGDhGuOMY9Eaf+e8G"
    "VGZHoe8ViFnphQspNb9W6PrJxKOXj78HY46ItnRACs4fWQiG/G+zGM1/1xOD9syGFeM6Vy"
    "SVjnVN5yd9qQeQaiVHYKvnqHyEttUKfpbX8YJHT1AXFNzzMW7Ladkl2UUxHQ/o2V3U7c9J"
    "gWGSaijNt3Y0ZM7xPb3vZ1zINiHmg1catxQGt3YEd34OY9+OMFr4EDf1t+QBdSL0jtIvUE"
    "Jnen9b7AXLuV3sBD4BDhYLsB3hyB9GwCxw4h8MQkfKg5y2lQZIvNiTsFHoKLp6/BRxd684"
    "8B38aAGDXMIxRgS1LTa6Df0FkNRuIh1FkNJp0cC7oeSWcva0Vceg2RURGKrgqIA3hkvFZn"
    "SOP2G6Qs/j1uEkifHl1rX8kOQSoM/1bg5WS0uZQfTz1o/Dt26rY8HHvAMK+7j244NoUwN9"
    "XWP7RszrFt8SeVgW2XE1RJTCVmeccD3CoG1Xc9vl1rR2dSpErs6HwC1Wo7GuXb9Zx7L8to"
    "ReRM0UrNHgqO4jL0seDeC1SPMERGoviGgxFZvem/AxRbIQtXbAdree0Kstrns22fT9Ih3Q"
    "5+1z1HLV29j5io3XZrP+J6RNtzkT4Co1+f0lXZSToio2Kqnpd0xOiN1k2aIaSk5l2Wrqoz"
    "73LthszupI22tXaIsbobN3skUTsbR+hs1Ir8I1LkSypVEw57k2XORqQkSK2ezglIVVQ2C0"
    "hISzC1TcOqMAJp1FnnUm8t3DpjReMTmXWEQbl6nLnvr6lo1a622/rFrEaChPbwDWECJimJ"
    "JAZgNl1RtfmXzY+0Okb2wkHgD8RVZA/EguBJlGQC/AuEmRKeghn/2xKZbUTCm7Dnp+ABe3"
    "MwJw8Ae+ABMiDqYfLPtMpRsoP9itQDmcmREWV6qHNAxq21B7JvY1anN+njxKBOb9KdGFjw"
    "1YG0wjCVUBPD/r3ga3lJdzkrdrCbrUGkZOXUpFEUoU0axQtw7QnfS1jFI0JsBJ2qbSwWKn"
    "TgjEsN1WeJdtB3nx1dXJzluuvotFi/7v350QlfT4J+4o1w6E7RHlGdt3js/rzMTHfYQ2eD"
    "9jB4iFp4lgg/QxdfGsS2d4Kt/VjkC5rI7Pvs/WmtjR+2NJOWK+38N8jyXRAIMPBAsechBz"
    "zM+T+XyMIMmNBxiAdmCPC+N+fImobpainy6BIwD9s2uOH9wYJzrjeYMk9Y6WVTf8gf0g5p"
    "nSG3T+wKFtNeI5Npr8Zm2ivV/YS238olnQioanYOAOJu+6RVN6ZaOKGH3HyF20my50beqO"
    "qt9lPUoOdTMjqXw+b3Mp3LobQS6/AqXYJZWRJEHwYftgSzjoLSsQ4Dq2SXvlOhlYk7qxQz"
    "GrVpFOXABNng24gKUoFjkdTnEbV7nvCnTcX/YWI9fQUgYIhjYUVNAyqC8VcEFlyKwj0QOO"
    "Q74soDHYb6Ic1+aPZjMG1nkGByCp11ygInUtpg37b3kz9KQFLqwepSJqnEtiqZTH668R1T"
    "9BqY+dj2sMOeiZ/9eTJIn/ZW32QkREkSmirZl7Nhq9U78+dsK82bKL8Lat6ktBG2svu5ym"
    "cITCT2Q/U6mhMa01IqfnDsS2kuYj9ArcXwTQTUHL9N9LhqLa6kwzEPLcroXaMvFetm3F4V"
    "8Oq0tZM/r+uHY6KsnV28+yVuXhyjxXDeiuMj1UtBRkRXh2sy5WEShNM47jyRUGXcDjrp0R"
    "fX5vphrMQ1nfsFMVWg3PQS4BEXm21GZyKgCqJDa1QWvrnBJn9TCT1TH5Cel9ycI+V5Z/W+"
    "j5B0RnxqtlKGUgk1x94g2bDvEWXSpbFy2GUkVBpzvWXC4o/3RILdOWStMrEX5dQchNqV3B"
    "1Q7UpW2ZW8u7H1HanaRt74c+gsr4n4t+EI7eKSH5rNrBmdwdsbBU46+y1UjCFkJU3y2RoI"
    "DSAXXroMntHYTnokuh2LRre9OSX+7TwnmOW5pVODXzeKXPG3FeQ7/nqFGKvk39Pb03oKHn"
    "9lmYaNPOSiXisQkq8A9hhIwAPYAYRa4jC+OId/A2ngpw6DIgBmUwDFsX3hujb5Win3ivf5"
    "8NWe8A+5E1IOZvMwClgf8u/bOZCZJ61IraKcZraaMFv8PpazMvVmb1ZucyrfXudh20tuak"
    "IpMiVO7FUJvhOxXUOMqw90vQMXeUkdv7Ht+I3s3teyKwuiunDBtgsX6GLVOhG7TjswHnqk"
    "QdoB2fztAb3dqfStuaVtBedHM1RCQqRzt5p/yKTXa1Cmm/Ktkhv7yPHo8hk4fcPfZTHjF4"
    "Tl785FMkBIRXFtky5d3jGvgU3Ine8ycEtARMyAO7REFhB+AiQt0z3IbzQIUUQL1yZLhPi+"
    "LklDmG8bAM3bFK9HZ1B1qbSBOIxsH5UArHZOFcTU9E31n7BQHxMt4dfKt4ctI1ybDL4alY"
    "GsDr8pCaqC6KYDcFKg2vqjy5JDYaxY6Q0OjAexvQ6gOTlVhuzQeAYqSdsFICe0FpLjomiG"
    "mPshRm2HaV5qIGgVm/Kh+iPqGRhtQ+wlohssOUvRrW/D4PkjzbU7xxQZglmVk7ZyUHNCdX"
    "StauuAoF/LHgoVihuneWBHOtAwM5jvInqPGZHwerVJbkuyG8x1K6cS+hhsPSa7vbHhbSuf"
    "eCKgz3ut7yJP6/W04/tLcrvE+evY0h4BFEc3WyGXCuwSZDocd5BwXPla2AOOqtYvK+JYWu"
    "hX4xgR8B0BVK7yWRG5dJ3q4K3bYHnJ8Tg/JcdTd9FhmTPhItsBWYZONKez70vqbtpY1HqT"
    "pc1oV3YzeM5S3fUCOZTYdg8VSE+SByk8LqICgp3HRbaaoqJQiOMURnTMo3NB0tzJEoUAGT"
    "II5pCvP6Zg3kpBMNGdaV0QDEzb9JoFqxBFosNBpv2Gg1Qe764p21B5vlsRD+Yg5+TF1GgB"
    "YtRcTQCf7zWqfLFXU/lir1z5Ijz+3oZDzojoI1VVfHGJeqq2XPvfXr79H1JEtfc="
)
