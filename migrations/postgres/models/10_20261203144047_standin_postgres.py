from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "devicesighting" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(160) NOT NULL UNIQUE,
    "device" VARCHAR(64) NOT NULL,
    "network" VARCHAR(64) NOT NULL,
    "seen_at" TIMESTAMPTZ NOT NULL,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_devicesight_worker__7e6221" ON "devicesighting" ("worker_id", "seen_at");
COMMENT ON TABLE "devicesighting" IS 'A device and network the mini-program''s client showed for a worker, kept as keyed hashes';
        CREATE TABLE IF NOT EXISTS "riskscore" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(64) NOT NULL UNIQUE,
    "score" DOUBLE PRECISION NOT NULL,
    "reasons" JSONB NOT NULL,
    "since" TIMESTAMPTZ NOT NULL,
    "computed_at" TIMESTAMPTZ NOT NULL,
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_riskscore_worker__948dae" ON "riskscore" ("worker_id", "computed_at");
COMMENT ON TABLE "riskscore" IS 'One stand-in risk assessment of a worker and the reasons behind it (codes and facts,';
        CREATE TABLE IF NOT EXISTS "standinchallenge" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "open_for" INT UNIQUE,
    "status" VARCHAR(12) NOT NULL DEFAULT 'armed',
    "score" DOUBLE PRECISION NOT NULL,
    "reasons" JSONB NOT NULL,
    "since" TIMESTAMPTZ NOT NULL,
    "raised_at" TIMESTAMPTZ NOT NULL,
    "asked_at" TIMESTAMPTZ,
    "deadline_at" TIMESTAMPTZ,
    "photo_at" TIMESTAMPTZ,
    "photo_url" VARCHAR(512) NOT NULL DEFAULT '',
    "photo_media" VARCHAR(128) NOT NULL DEFAULT '',
    "photo_data" BYTEA,
    "reminded_at" TIMESTAMPTZ,
    "decided_at" TIMESTAMPTZ,
    "decided_by" VARCHAR(32) NOT NULL DEFAULT '',
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    "leader_id" INT REFERENCES "worker" ("id") ON DELETE CASCADE,
    "risk_id" INT REFERENCES "riskscore" ("id") ON DELETE CASCADE,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_standinchal_deadlin_bef75f" ON "standinchallenge" ("deadline_at");
CREATE INDEX IF NOT EXISTS "idx_standinchal_worker__6ec13c" ON "standinchallenge" ("worker_id", "status");
CREATE INDEX IF NOT EXISTS "idx_standinchal_status_4caa78" ON "standinchallenge" ("status", "raised_at");
COMMENT ON TABLE "standinchallenge" IS 'A live check that the worker is the one studying: armed by a high risk score, asked at';
        CREATE TABLE IF NOT EXISTS "workershift" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "hours" VARCHAR(16) NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "worker_id" INT NOT NULL UNIQUE REFERENCES "worker" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "workershift" IS 'A worker''s working hours, e.g. \"08:00-16:00\" or \"22:00-06:00\", when the roster knows it.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "devicesighting";
        DROP TABLE IF EXISTS "riskscore";
        DROP TABLE IF EXISTS "workershift";
        DROP TABLE IF EXISTS "standinchallenge";"""


MODELS_STATE = (
    "eJztXW133Lax/is4+yXS7VpXlmM31+7pOZKspEptq5Hkpq3Vs8KSWBERl2AAUvKmzX+/AP"
    "j+uuSS3CUkfIijJTEg+eBt8Mxg5j+TJTGRzQ6ObUS9yVvwn4kDl4j/kb0xBRPousllccGD"
    "c1uWhHGROfMoNEQ9C2gzxC+ZiBkUux4mjih6DJjvIvqAGaFAyr0Dt/dodQuW8B4xgKBhBd"
    "eBQRwTCzmwwBQB4hjoQDzEJAZ/CnbueqrPd/CvPpp55A55FqK81i//5pexY6KviEU/3fvZ"
    "AiPbzECETVGBvD7zVq68du5438uC4lXnM4PY/tJJCrsrzyJOXBo7Erg75CAKPSSq96gvgH"
    "N82w4BjrAM3jQpErxiSsZEC+jbAn4hXUA/upgCMLzEsREtx9+GyQ+8E095cfTy2z9++92r"
    "N99+x4vIN4mv/PH34POSbw8EJQKfrie/y/vQg0EJCWOCG2+gInCnFqTlyIXFc9DxF85DFw"
    "G1U+yW8OvMRs6dZ/GfL4++q0Hq78eXp385vtzjpfbFtxA+eIIh9Sm8dRTcE3Cm4OMv3wq/"
    "sHw/AEYXEgSTsT4EhK+OGiD46qgSQHErix/zl0tIS7rgNfpaMXhTIqqgWIPa9dk/rsVLLx"
    "n71U6jtffx+B8SyOUqvPPh4tMPUfEUuqcfLk5yqIrRXoT0x6uLT+WQRuVzeH52+Hd+MbHh"
    "TYGNmffvodCd/GnhO4ZcEOY+tj3ssAPx2D9PBsFcAFGPeR5egQ1h3h2VtcgK8pgbFAlUZt"
    "ArIv+e3/HwEpWjn5XMtYEZih5Ef6jXw88/nl1dH3/8Wwby98fXZ+LOUaaLR1f33uSaIa4E"
    "/Hx+/RcgfoJ/XXw6y7dMXO76XxPxTtD3yMwhjzNopj87uhxdyrYkXLoQ3zmzVjpFTmq9cl"
    "HScOH6t835vRf1IsEOOR6iLsUMtUOvILcRfrtYIHsGMNGh2wFYkHtGHVBsChb3peptNCqL"
    "SH5PKOI3/opWEtBz/laQ70NKoAt3X6epqkYH4+9Rf4iuJm9B4WO8X8rPUvwr+bchL9Baj6"
    "9Oj9+fTSr6Yw8Q/kzoPWqio40XwMI4Ww9hMrf1AOFZprLxzYdNcSxM+OU4iqE9h8b9I6Tm"
    "LDPGxR1yRHJX4rLFW8ujZf4KdOCdREF8i3jziGhx2KOkH4oUTHBnWsvBJGXWkTDVsJZQIV"
    "8mDDEmBAOlRzIok3/nGJIvk8d4lPEaWFJI8yY98iYx/gX0rpbQtishTMsppuO8OvrjmxhG"
    "8aMOwauPxx8+FNWbqEfOHhBlpfBVIlcmqhiCvWmJhkWwUbKcVBNPiYQqpEmWemrC3VUzdw"
    "XeziCUIqNkq35CiI2gUwFiIpVDcc7FxgljDW4nFxcfMpvyk/M8ufT548nZ5d5LCSwvhIPl"
    "udghsckXdOyteIM9ILvtpFiUVmxg9zE1BmrDRgxSTlRTSLumkOIO3VK9ykgpNgZ6W9zihb"
    "4VeDmp5wpeuEVoSR5lhJ4rdMG+qR1yGZnnBFwN55bapXYkO37y8W9XSW3jQ7Ixa5QZYOsp"
    "o2QLvy3GbcTgZcbYeuxi0qOP/pdUpS5+uZVxPYKRHtIDguepqtRFMKeYjYqqdHE0Q5bRlc"
    "ndaS1l6eLUrN3Ed2yJHfzCpeSOwiWwyR123gLofPWdbxggjw6YI0gRBR65R84UMI93HBMQ"
    "x14ByAAEFmTWFCwI5dcQ2IOGQXzHm05yzTbYg24c4iIHm/sH4Gd0akGP13YbzdLSaY337B"
    "UDFt9WTQFyDLpyec+d8kebADPg8I0qBYx3C/5k4FkIGDbmv7Qb227oWNn8M9HYbUixrJSK"
    "Tm1vvm3Ai735tpIYE7dyNEQwQtrAmBJRk1zs368tmF3agJhIqIlh/z0xNR3P+AxcBLPGR7"
    "Aoqgqq2/YV1H5rT4V0RF9dzKvboCWzkttpyZ6XRdUbssCn7GY7ccIb6JT/OSnZTMT3arcS"
    "c17KiEo12EhwtfyF6FUAOy9cRJnwAeZV8LYGohquwqeOlWDGfK7eR+p8wAy8A8wSOwGh75"
    "dsIPp9wI3jQr4TQfwBBvjpMqji0SIMAWZAh+8wAN8PfgK8AubPxbfO0YtH7FkvmMHHDOD7"
    "Bsfbl2/Aa/OAtHiBI71v2M2+Ieqpjc3oYXkV9wr9a7l6r9AHiloDU3nhVlcD0y1Z3ZI+22"
    "hApsR6aMOdeUE/nSactzrdmhLZ3uI0mfS1NPVPwQTqMIekpSNLTuw5Gca1R0H/HgXaHL65"
    "OTweixo+s2xuGpMxVzAsP/i8mkkF/RLcnK7jX+7iYmsJmEu+6iL6ImJEFhDbPkVAbtIQZc"
    "BFFASmCWn6FD8jUgQCmxj3gPn0AT8gBi6RiRm/xlgxOMhwj9GkydZJE+bPfyl1nq/WrFIi"
    "KlIng8QOCQcBa9EJ0yLb0w0Od90VE8zEVMBnbz5r4JJTBvWbs7ys3qHteofmmhsSX1lJNe"
    "mSCUXQvHDsVdiPFGnZsMunGla+/EjsV/Eh/RIFKn2Av1p/SkcM6Pf8rlZLhlVL5P9b6CRR"
    "eTXtEIOoJNqg04dBx/WZNYsWnqY4ZoTURPJ1AyBfV+L4uuD/5UHqzcQiXq4eVOw0MlJ1qs"
    "E4Ia3BUCzt+UhvXIewsdMKobTMU8dHxhudeRbXbSxilyys39sEViytJbI5uBZCWD2YLj6f"
    "fDgDf7s8Oz2/Og9D4cXqo7wpLiXHvS/Pjj9UnNFkMxfR2a8+/q0Ibf2Z7/IatrepfdVZke"
    "knHgb+beZCxmb8+zBp1T9LZLfZPw8P3oy4e4bQIA4O4r8oKhn76zpoeR3b66IvR9FFl1ic"
    "HOsS3qG8hueGI1dMPL+E7KshTWOJLVqj+XYXP6DebNIv3zTZpeS5itQm5Y12l3qSrFGJ95"
    "SOHdqNHP+FzNshlwg8V8h2G25VUQBrPDV0rMvNY13mhnIPAP4Y1KIucskENdZItSMGr2Go"
    "2mpDTY5GKdFdT0K57/96iWxYEdcyn71mrDbVAqBZtVPAI5SvjjCc8nKXvBp1keCfwXcIFJ"
    "d5LrRB4n1QT5PYICNFAjmU2PYSOV3HxllckVpTTpF0CU9ed8SjXeCnEfWOjrbt7HRTAuJH"
    "6Kyuifi34UJ2GnoCjs2/qmYRk28+Kxjvg++gou/wPXw+wH+AFaESZpGlKpqyg6UvboH4Vi"
    "YOvmdR4t9ZmTtG+MTSVZNfnxUgLWfIe2jELnGoxtaQ6W9p05i5KFYbNGg6MFiLRl3jb1Lu"
    "rHu61k/XaOqi28rH5EtuBybPq+ZDxGvPk+lTOkW8bTN//8eMxDZPYFIyV1YnLcsIjSlzmX"
    "igSpnLPOzZrbpvLKD7b4DgnJitUhhG5VXBr87IMERMIo+4uCTeU10gt1BAFUSH7pF8/b9v"
    "A2BUfouGRofQJbRHbGhkxKftkmwkEmr2w6PXTVz4eKlKFOW9fK4SJM9dwDv+VFZitK1e4k"
    "tE9UK/+ULfPufOTlLtdHfX6C/PDuG7KcdrHVg0L6fmdND/sqRN/Bt0SG1u3XJqwZQatVV7"
    "z4gwLVs3egDi78l6ohAWPZL6aX6zK7HfOB3t6Dnh9LcUOeHIEJIn9zOEb5EPjrn/zuR+3A"
    "lqaWA5yCuo4GgCqKeDaVRqyGOH6fygEgWdG7R3Olj0vfbKdl7sOek4Opdgr77mYibZwEE6"
    "Jaamd7Qi3tDRZ9e6Q+cWuMaTSEZqo76/fX+K3vftyerfZvJ9fntLnbRSh/obFaOhQ/1tHu"
    "ov2tR0RG5Tl7Hx4JaazJuglmw+OyPXeE8+Hp/FIngZDUKnC3xK6QLTJFwFV5Hi6OrpitRW"
    "dX2cyTPh6Q1CEQCBqEAk5+P/iax6DGAPPEL2FkjKFbiEwyvyY+yJgtNIcL8YWbLPiksd6q"
    "JZNfpc7U03MH2iiJlyDCBqS6V2SXyKngraJVG7JGqXxKfVI8fvktgnftodUbsj6kW+dpF/"
    "3oF8npapSptbuhLfmrxtSt7uhjmLoxWU0GbpSAbVnJmZLrWWMLu2ECC+Nydf38pUtJQ8yr"
    "QoS8QYf0PgEcCQY05B0IRgvgK392h1CxgBEJjIwJIQwwwsocmr4r2mSJ4N9RAd/XzrrJnw"
    "e2uhG4bFdTKWCD7+8q3wC8urqVn3vzvRkeMrUGwVOT5IgdUGxERCTQz75xkMCzpOmd9gDQ"
    "meiGzxAKSHlq4dxlkf6ah24comsKRDVm+SUyK72hwPtjEbZBs8xrjAhfV7wqcZkblvxH0V"
    "emJAlUXiqncYTsuplFOtDz9hB331ZiEAG/AwJeLbIWOGOa/yNLgYG3KYN0yRVxDWOfJ23J"
    "w2ZN4MUVoW1bR6hchKqZjLfBDu/xFxTc+bLdldOyU7L7e9Zbc3PPvfq1BkIP5WrUx6ichG"
    "EO7gYMLQmxVtA3kiEzUTXlTtmzElptfaXatO+sSVYudf1MSt1gqoDyN0Ooyw/fND4wWvwf"
    "GhXdlSXUg9Ge681Joa353W21Mz5dZaVI+BQ4SRcgE8C4EkSgzHDiGwZxDe1ZzVFAjYmEXc"
    "KfAQXO6/A7cu9KxbyVkyIHoN8wgF2GRFg+pAz9CRfkdiZdWRfied9js6R3dnS3VFVIwaMq"
    "giEIYqIA5g1fJanZGJym+RR/vfcRNpOo7fRutKugtSsfFvBV5GRm+Xsv2pB43/mcU/LHbH"
    "HjDM6u6j645NIcwMtc3DRxoWtk1eUxHYdnmylMS0ZFveMYKkiiE9ugaPXLOPfsAGusJ3lh"
    "e8W8leOlNiWr+fFmVZumyDPXUgxbesJnCQJ9pZbn2X2MEvXEruKFx+w4BhY95/Ad/yPiIT"
    "LPjWFoKgT0zBPXI9cVD/Hq2QPLpvBQdocxvrYR504+w5XD+msi5o8tHKRMgAhuzF/lTECV"
    "gS5knHZukYHVUVvMw0fhPxVh5yxNv4HqrctOe25+lYjAwhRxgCdDhG7Rm9+VbpsNFe6bBm"
    "s3SY1/WDrt4GwURCzR3nALRHME20Yj4SEY1iZGINpsgCiutMrLGYNpPv2saq4+TpOHnPx9"
    "CVyutbopxns/5WK+YoW67nhJFpk3PYq/JmpIyeGjifazW1bzV1jOcASpjpoDMiszeCun9+"
    "X1hZxQSwkVtdTlY7Ze3aKStukG5x4evqUYtM7+Pgx/P2O5WB7i8cezWJqUoVxkvY40bqw6"
    "iojq03J0/Fi3HEGxQF3BhHjN6It3exxbh0e5e2J9dt7zLlhkz+pDdtG60QY/UH3K51QXsD"
    "jtAbUCvyT0iRL6hUTZxMoI1oWdSDNp4Vx6KOcTZxI/eSmsSa7VKUqqhs5pCI0mV2QEG1EI"
    "I5e3XkLtURh1Z+V2NF4xcy7wjDj2Su8Pfzl2Fe9+TFP4XVKIyEiKc9YwahZTkN2mBxySu6"
    "EvUoDIbYNpvYmRkWtIWC1hWTq6C+06g6haF5vq6aJVQgeui+jgRYnD2ot5AMyZ3Eqb5KmJ"
    "N0GrBq3iSdd2y9p+qFg8DPiA9QD0SCYC8MQQn+AII4ivtgzn+bIu6tCIcbeXs+Ys8CFnkM"
    "c0mJpFGYf6ZZPP852FNKTfepCJphHMg6y31UWpvu+2aBdPDTCjJDBz/dMqO25LMDaYVhIq"
    "Emhv27j2zkXvCcs83L1WwDBjItpyb/qAjf2MjRhmtP+KGEjj8hxEbQqVrGIqFcA8651FBt"
    "FmsHfbfZycXFh0xznZznU4N9/nhyxucT2U68EA7skMUxsSC2LY4gtcQzLaYRzU7LIqalSF"
    "fJ+9wGk02JuPbt04cBtrrY6sMAY/cWSS2HDnvsTIMdy0rUwrNgTprJzNndbUqXCKpsV7qj"
    "sDMVeOXPxQvO0Q+iMsXAGJQNdORm4FTEH5+UMYLp+9NaVjAoacQl1zKDl8i14QpICQb2xM"
    "rP58mlC/4AHHHwex88UuyJ092PFv/nEpmYAQM6DvHAHIm88oZVxgX2WK/27NKnxvvEbvhT"
    "4w/Q9lv5dsUCqtJQA4D4vJ27VN/ptPDm2sLS+jFI6VizuEYlmiyvy1TZBkFiDGjb4mvixJ"
    "KPFmEIoMUCGZ5IH2mQ5VKshebbeFHEjozJwvi78vmPq+MwyHcMGb8e9OtchJgBnnLjBNJT"
    "kfFSFBQZMtFXGaUVL2TYF+LYK/G3DPgaPMokiB2Ac14mzJvJVwfxfBmvJni3b9gNHzim74"
    "p778At5crC6jYq5ELG8IPQAfjVqfifHM7CYhhYF79h/CL/9MahZrR+oPWDMS1t2mTah8lU"
    "zg9FDK/R14oBHAsokn+lTgc4+8d1ZvkvJOOLVYAPF59+iIrnM/SprHHpNGhjVLiEw2yJlh"
    "X60VarVr+EBXqO76HDxG9fOdBh4gvrmj4YtkX8oI0hK/Nprs7bmxLZVd7eyZ8WvhNsv+Y+"
    "tj3ssAPxwD9PBlnTBsnmqyOjbzCV1pg2dYTvzSN8NzFz6pNz+tzDwMrwpe9MyvVhcWedSk"
    "zDMo0c/JmwmPk2omCBBRbTiIATsZv3eG1T8Rcm5v5bAAFDHAszLJrQgCaUZB0EDnlB3HIf"
    "/6EepIk8TeQNpmcOEoCAwk1i8iZS2ja1ay88XpWApMVeIZEY01ZBPHbsW4WRUFTxceaSdT"
    "l91Ll6Zf41XUozVsqvgpqxKiyErRgXrvLNBCatOJeM0JimUtVYl18lai26byygZv9tosdV"
    "a3EFHY55aNnGihiVVwW8bVsRiVsRcqR6KkiJ7GoiGAzjQYY8jF3rG/sPxBKq9NtBBz366t"
    "pcP4yUuKZjPyemCpTbngI84mKjTe+MBVRBdGiNysSLBTb4m5bQM/VnsbOS2zOkvOys3vdx"
    "GpsRn7bL15VIqNn3BklxjJehf2tTFGOBLSbj6KCibwFCw0LGvXCJuuNPZa0YphJRvT/aXF"
    "l6QJSVrvOVc2hKQqUJtLdUAOKkuEgBLLKEtuNFsnJqzqj9r+baL2KDDqn9InbmF6GPf6dW"
    "gZ6Cp/49WVMUwqOjHaaRq81H6Kyuifi34Yjt4m8ztKmiZrTKt5/lDE7pb6GiM3G9rzx8L6"
    "EScmGCT+EZjvW4RcLbkWh427Mo8e+sjGDaiFU6VfDrs7wh6PdGlrWor9cY2FLDYb2dLaWP"
    "rXeFOeOlVyAUARBElYic5/w/cyqOtwVRJt+CcKYDLuFNJTKe70XFp1EV+0UnmGEeUWoOTL"
    "dSBIO2Bw5sD1RkxzAGEPWmQRtVnyJpoI2q2qg6IouKNqpqo+roB702qmqj6pg1Km1U1UZV"
    "bVTVRlVtVO2uLKkVK2Sba79qJ2ByVHFDwisn9ZxIrxrDZJqt7WiWVDPp3jRnlMx1kzHlL/"
    "/Jx79dIVZtqEhuT+uNFPg3lirY6KyuIZJkCcm3AHssNiAwEZKPUFNkxBLJsBaQyhOzwfFs"
    "gNlURt2Th2hFEsLy87l9Vr7+TO6XTAR2BzMrmNx1pq2+zRKpwdSKCcrLaTqoiYbD7+Pyub"
    "x+r5iW296yeNi52/axU+TTBkVGiUpYD1lK7LkhxtUAupkenZXUevSu9ej02teyKXOiOjXP"
    "jpsy51zTUFPJSW00k22/3fp2A9BpjXRao963kQ3SGpWN3x7Qa+FruLM5dy18uZlJOwa3Rn"
    "TQMGGXmN1fiR33pISHSG5O61gIyouxuFizeGG865svsAOELIBMkBhL5HiALACMWIGIEaAI"
    "MkEhzJHF0RfOjXvSz0gWWPBnsWkpF9H3Q24cinjrU8QvULIEBnFXQQohZpFHZ38KRHYhGY"
    "nMgD5DIgJZpF5JTgQQKoKO4TtL5BHgPRE1DT6WJjoMsnR9TxMdOirZ2Izc8SSQW/hsAqt8"
    "ryKJHIALITLqaboMtPcXn08+nIG/XZ6dnl+dh7xQvLuQN8WlJNnq5dnxh0JmATkPteHYUi"
    "LarLg56cawU+ZpsIYJweUqnCZBtr9zTq2LLVsxJ6rbctdtqU+tbqTWaCpEH/cdz3HfYn/U"
    "lFJTSqkJI2JY0BbafNkxnVbJkcU+GTunUXVK8U2DsiMFZEpIkjL0qrkSFpQ2MqUbJHK0RV"
    "ZC6Uco0yNmnSfkLyIZD99ccRTfAkiXyATzFYDAwndWQIHI3ZY4IHrP75VmchziMTcOl8MU"
    "OOirB0JvFbAHgWsRj4hDqeIBU8BVgf0pMJGBzaDKQMpG0ET0APxsYRsJWoa/B3GRE9y+cY"
    "TqxkeP9DF5hNh7Byj6BRm8507l+4q0kg/YWwWUza3U129FPsfb8FFc57uViSOByP8sM90d"
    "3Dg3YiLyfBZ94o1/9PL/jsJvCn8wfx5ktYwu8M65wLL4f+O3eJeVQV9dLAikPYeEAGD+LK"
    "FUymyThIbZJsWrB58+Fdk0OeTYtkN02P4BuBUYzBaE3gKL8K6caSmTiwi0+LWbpKvFyAlG"
    "69PnDx8AXHiifkYSOkycIuZNsuT6nGxqKRBXsQFbFcA44SW+RH/L6ZAvHprBGoTBinpGC/"
    "TSIr3YDtXAMOMKEfbMxscMYoktesjLuagDpZJPS9CAAHxZnRbzZSEtpiYANQGoCUBNGu0o"
    "n0asVLRsw4ygbsddt6NUmDdoxrSc9mPbcSOafPNiYwdt0I450a00pc7oXNmScpu6QTOm5f"
    "RwHEUj+tRus8fJCKl4EPh1oy3O65o9zuviJidAhW/EMGwPZiymIpyD5LELcBFsRgmLjR1I"
    "V3V4RnI5OOcrL2DFVZpUTsJ9SjyfcNhOzj8dX/6zPHbHScm+5uSf12fHhR3lUnzPRppxVl"
    "RP4zvXqiLOur1SlZbUDTmShpy38jbMSqm4hLxqsiC/ql6PXxWWY+0qMu3GfQdmpnbgZWSe"
    "6WkjYetsh1pK4plipt2StFuSdksaKX4tT7qJ2awH5DKHjEY3ATbFLjW1r0cuWD232evGC1"
    "xGkxhTjJ4rfy4+fI5+oFC+fdHzK1tiWuv3FZW9i8uu9fqK63+xRIzxtxRHy5ZYOlAx6Z3D"
    "NwOOJ5ybZK3iXBqh8oaHlq5I6PAWIGhYABoGcmVfAmQxybXfUM+5cX5GfCsjjrq5lCxdD0"
    "DbJo9BjeGTpPPRLUVL3kP429wG/lcsVVHglrVCHvAZMquTFUSvKFEP30r0Kp2wYGB3ozTY"
    "BQBrIsRmxdSM1dn/Ebp4KLTZVqRlVApi09u2wnfNDSNCZiW17X/XvFg0jbfbIuak9CYxg2"
    "UPiuZ5qqrx4dhU18x1kzFpm6EmX6JlJjp+tXaZbGObnCWgfMwiCjgWdHUAzt/zd1nOw1AI"
    "riW0M0gRv23QlSs92G1C7n2XgTvhly6zeYF7tOJqoMibg1gxEuRAzyhV/LJUiNAqyAohPs"
    "EUVL98WQm0dEzPXv+FzMX/Is91rTH2rDGm26iFxpgTU1Nj7N/+If/fAsaovJr49a9xY3MW"
    "zE0zPhsVgazOHVIQVAXROn1xiOwhCVBt87MVJYfCWLFIKxwYD2J7E0Azcqp02aHxlCpJ2w"
    "kgI7QRkuPyoRhi7AcYte2mWamBoFVsyAfqj4hfFiDRWnPKiG7Rd4SiO9+GtDcXkpdvmjgh"
    "5kmMlA/imzy0FqZIeBJWHP4pBzUjVEccqTYPCB5I0eOR4qw3GnFHC1CZ1Rw0q0Nz1uis2R"
    "Pobph/qu8i+oBZ2THmE0JsBJ0KDScvm/cM5sJDdcByxqUX1+CLiw+ZtfnkPL/4fv54csa7"
    "o+yNyQHTIle+sOFdq9OlsYA+W7r52VITuZB6cgluRRsV5J4Tt63dPHsEUKTnboVcIvCcIN"
    "NOd4M73SVzWg84vs9Upi6OhYl+PY6hnaIjgD8GtaiLXDJPdQgubyPqdY0tL+oYs/ZdjJ1W"
    "TEH+HOPrZ7cezBcHbPhrzGT89254nPB6TvmfCiOioUi27+HGkneQKK1FR1BapPgYKyiGmF"
    "YpgmV5AdtBQc1LXo3CUPDvwA+I4q5D5X1QTxNvm5EuJiZ6wAaaMZHqglfWGQ9R21VYmcId"
    "BDmU2LZQ8joichZXpDAaoTtW5+GipnNaBgqRHWYWxkbtiEYuebCigMjzNDI4YEc42hwvGi"
    "sYYdDgWRLweWajEirn+QR9rkdn68iMteOgh+5LTeB/evag3lrTyl831Z8svChhpiLMLhx0"
    "Tfg/TZG7iqpTZ3Rt5Lsc9JBKB+a4A63zYkZxwQauzIHINwxYmHmErqbycBkljzILm2fxzw"
    "8CmVv8sRz/KLb28q0UXRBqIBCMkiBAOL83yYE30GNunNBHek94EphTIHgsPofxGYf/WJIH"
    "8T8bLTwRGNzzqSN+C1scv78v/ahFNJDgjB6cE18Ga1+CPf6nY05vHN8J/gK+YxPjXkjHM+"
    "Tsf/YPwLF4VfMFcezVO3B7j1a3YAnvEQuO8sm35U/mS6eIxy4z21nkkV+mNw5ZeMgRwdgh"
    "pXynwkQ4d4pe4KUIYD4F4odrw9V+43jhWWr9nt+TfJ5h+JRjM+PNLf20Ez/36MV0CHGdBK"
    "+bj8dhIyePwxovj8O8m0fUfxvjF5ZX0xvzqImr21G1q9tRwdUtPe4LMFZ7yeTEOjrJ7E6T"
    "aeglUx4yr9qPoyJU3k7dOMRjVXLjYMSnZa5bNY5wsYSao7t/Jziu0pV5dVVDGAuoGPBsiC"
    "PiiepTOjvWhXPMiOrjzrs+7qy9mjbSXHVAMe3bNE7fJh1QrK88h8Oftg+YuUrGKibu1jFW"
    "MWHYirESfwjeyOIKIpsCdHB3AG4mh9+9PTx88fIN//dmAgjll46OxKXD4JLIBhckv4uO2N"
    "87IqYS9spO4Q/7sPXEjiZmNlreqokZ2X5tdOdYQO8+dKigp6U7j0T1U2FKKSh+bZbd9cpN"
    "ZBIbXLUZGuuhFJtOysoxotiwyvSU8E6tigKTMuu0k2qY9Eq/9ZX+geuVuIz/rl7rUyJqrv"
    "ZHr183MSW8fl1tSxD3cnQjHxotQAyLqwngy8NG1qzDGmvWYcGaxZ/olZ7VqTY1pER2ZW0Y"
    "TE/qza7QaVHuurz8/v84vfqP"
)
