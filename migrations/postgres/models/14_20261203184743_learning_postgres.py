from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "archiveentry" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "seq" INT NOT NULL,
    "kind" VARCHAR(24) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "payload" JSONB NOT NULL,
    "source" VARCHAR(96) NOT NULL UNIQUE,
    "prev_hash" VARCHAR(64) NOT NULL,
    "hash" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_archiveentr_worker__0a27e5" UNIQUE ("worker_id", "seq")
);
COMMENT ON TABLE "archiveentry" IS 'One record of a worker''s archive. `hash` = sha256(prev_hash, seq, kind, at, payload)';
        CREATE TABLE IF NOT EXISTS "archivehead" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "seq" INT NOT NULL DEFAULT 0,
    "hash" VARCHAR(64) NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "worker_id" INT NOT NULL UNIQUE REFERENCES "worker" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "archivehead" IS 'The last entry of a worker''s chain: a deleted tail shows against it. Its row is also';
        CREATE TABLE IF NOT EXISTS "exam" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(128) NOT NULL,
    "purpose" VARCHAR(16) NOT NULL DEFAULT 'general',
    "paper" JSONB NOT NULL,
    "pass_ratio" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
    "time_limit_s" INT NOT NULL DEFAULT 1200,
    "max_attempts" SMALLINT NOT NULL DEFAULT 2,
    "min_identity_level" SMALLINT NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ NOT NULL,
    "campaign_id" INT REFERENCES "campaign" ("id") ON DELETE CASCADE,
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "exam" IS 'A paper composed by rules from each sitter''s own job bank, with its pass mark, time limit,';
        CREATE TABLE IF NOT EXISTS "examseat" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL DEFAULT 'assigned',
    "due_at" TIMESTAMPTZ,
    "attempts" SMALLINT NOT NULL DEFAULT 0,
    "best_ratio" DOUBLE PRECISION,
    "retrain_topics" JSONB NOT NULL,
    "retrain_since" TIMESTAMPTZ,
    "assigned_at" TIMESTAMPTZ NOT NULL,
    "decided_at" TIMESTAMPTZ,
    "exam_id" INT NOT NULL REFERENCES "exam" ("id") ON DELETE CASCADE,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_examseat_exam_id_bf0593" UNIQUE ("exam_id", "worker_id")
);
CREATE INDEX IF NOT EXISTS "idx_examseat_worker__2bf86f" ON "examseat" ("worker_id", "status");
COMMENT ON TABLE "examseat" IS 'One worker called to sit an exam by `due_at`: assigned → passed | failed | expired.';
        CREATE TABLE IF NOT EXISTS "examattempt" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "number" SMALLINT NOT NULL,
    "question_ids" JSONB NOT NULL,
    "orders" JSONB NOT NULL,
    "position" SMALLINT NOT NULL DEFAULT 0,
    "correct" SMALLINT NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ NOT NULL,
    "deadline_at" TIMESTAMPTZ NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "ended" VARCHAR(16) NOT NULL DEFAULT '',
    "passed" BOOL,
    "identity_level" SMALLINT NOT NULL,
    "request_id" VARCHAR(64),
    "result" JSONB NOT NULL,
    "identity_id" INT NOT NULL REFERENCES "identity" ("id") ON DELETE CASCADE,
    "seat_id" INT NOT NULL REFERENCES "examseat" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_examattempt_seat_id_d3d179" UNIQUE ("seat_id", "number")
);
COMMENT ON TABLE "examattempt" IS 'One sitting: the questions and each one''s option order as shown, the clock, the score.';
        CREATE TABLE IF NOT EXISTS "examanswer" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "position" SMALLINT NOT NULL,
    "question_version" INT NOT NULL,
    "shown" VARCHAR(8) NOT NULL,
    "choice" VARCHAR(8) NOT NULL,
    "correct" BOOL NOT NULL,
    "answered_at" TIMESTAMPTZ NOT NULL,
    "attempt_id" INT NOT NULL REFERENCES "examattempt" ("id") ON DELETE CASCADE,
    "question_id" INT NOT NULL REFERENCES "question" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_examanswer_attempt_c7d137" UNIQUE ("attempt_id", "position")
);
        CREATE TABLE IF NOT EXISTS "hourscredit" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "day" DATE NOT NULL,
    "revision" SMALLINT NOT NULL DEFAULT 0,
    "seconds" INT NOT NULL,
    "minutes" INT NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "rule" JSONB NOT NULL,
    "sources" JSONB NOT NULL,
    "reason" VARCHAR(32) NOT NULL DEFAULT 'daily',
    "created_at" TIMESTAMPTZ NOT NULL,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_hourscredit_worker__b81ead" UNIQUE ("worker_id", "day", "revision")
);
CREATE INDEX IF NOT EXISTS "idx_hourscredit_worker__b002ea" ON "hourscredit" ("worker_id", "day");
COMMENT ON TABLE "hourscredit" IS '学时 credited to one worker for one local day, with the rule in force and the rows it';
        CREATE TABLE IF NOT EXISTS "memorystate" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(8) NOT NULL,
    "item_id" INT NOT NULL,
    "version" INT NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "due" TIMESTAMPTZ NOT NULL,
    "last_review" TIMESTAMPTZ NOT NULL,
    "reps" INT NOT NULL DEFAULT 0,
    "lapses" INT NOT NULL DEFAULT 0,
    "mistake" BOOL NOT NULL DEFAULT False,
    "rights" SMALLINT NOT NULL DEFAULT 0,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_memorystate_worker__2dc188" UNIQUE ("worker_id", "kind", "item_id")
);
CREATE INDEX IF NOT EXISTS "idx_memorystate_worker__3c5f58" ON "memorystate" ("worker_id", "due");
COMMENT ON TABLE "memorystate" IS 'One worker''s memory of one item (`kind` card | question, `item_id`). `mistake` is set by';
        CREATE TABLE IF NOT EXISTS "spottest" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "margin" DOUBLE PRECISION NOT NULL,
    "line" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
    "seed" VARCHAR(64) NOT NULL,
    "requested_by" VARCHAR(64) NOT NULL DEFAULT '',
    "due_at" TIMESTAMPTZ NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "campaign_id" INT REFERENCES "campaign" ("id") ON DELETE CASCADE,
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    "exam_id" INT NOT NULL UNIQUE REFERENCES "exam" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "spottest" IS 'A random sample of a campaign''s (or units'') workers, stratified by unit and sized for';
        CREATE TABLE IF NOT EXISTS "spotteststratum" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "population" INT NOT NULL,
    "drawn" INT NOT NULL,
    "spot_test_id" INT NOT NULL REFERENCES "spottest" ("id") ON DELETE CASCADE,
    "unit_id" INT NOT NULL REFERENCES "department" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_spotteststr_spot_te_0396ad" UNIQUE ("spot_test_id", "unit_id")
);
COMMENT ON TABLE "spotteststratum" IS 'One unit of a spot test: how many workers it had and how many were drawn.';
        ALTER TABLE "answer" ADD "shown" VARCHAR(8) NOT NULL DEFAULT '';
        ALTER TABLE "quizsession" ADD "known" JSONB NOT NULL DEFAULT '[]';
        ALTER TABLE "quizsession" ADD "request_id" VARCHAR(64);
        ALTER TABLE "quizsession" ADD "orders" JSONB NOT NULL DEFAULT '[]';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "answer" DROP COLUMN "shown";
        ALTER TABLE "quizsession" DROP COLUMN "known";
        ALTER TABLE "quizsession" DROP COLUMN "request_id";
        ALTER TABLE "quizsession" DROP COLUMN "orders";
        DROP TABLE IF EXISTS "archivehead";
        DROP TABLE IF EXISTS "memorystate";
        DROP TABLE IF EXISTS "archiveentry";
        DROP TABLE IF EXISTS "exam";
        DROP TABLE IF EXISTS "examattempt";
        DROP TABLE IF EXISTS "spotteststratum";
        DROP TABLE IF EXISTS "examseat";
        DROP TABLE IF EXISTS "hourscredit";
        DROP TABLE IF EXISTS "spottest";
        DROP TABLE IF EXISTS "examanswer";"""


MODELS_STATE = (
    "eJztfWt327aW9l/B8pfY7yiu7dRpm868a9mJ27qT1Ke2e3pm6rMkiIRM1BShAqQV9Zz+9w"
    "HA+1WkSEqEhQ+JbREbpB6AwMazb/86mBMT2ez4wkbUPXgH/nXgwDniv6QvjMABXCzij8UH"
    "LpzasiWMmkyZS6Eh+plBmyH+kYmYQfHCxcQRTS8A8xaIPmNGKJBy34LJE1pNwBw+IQYQNC"
    "z/c2AQx8RCDswwRYA4BjoWNzGJwe+CnceO+vMc/IeHxi55RK6FKO/1t3/yj7Fjos+IhX8u"
    "nsYzjGwzBRE2RQfy87G7WsjPrh33O9lQPOp0bBDbmztx48XKtYgTtcaOBO4ROYhCF4nuXe"
    "oJ4BzPtgOAQyz9J42b+I+YkDHRDHq2gF9I59APP0wAGHzEsREjx5+GyS/4KO7y+uz0y6++"
    "/PrN2y+/5k3kk0SffPWX//Xi7+4LSgR+uj/4S16HLvRbSBhj3PgA5YF7b0FajFzQPAMdf+"
    "AsdCFQO8VuDj+PbeQ8uhb/8/Ts6wqk/n5x+/6Hi9tD3upIfBfCXx7/lfopuHTmXxNwJuDj"
    "D98Iv6B9NwCGH8QIxu96HxC+OauB4JuzUgDFpTR+zJvPIS2Ygvfoc8nLmxBRBcUK1O6v/n"
    "EvHnrO2B92Eq3DTxf/kEDOV8GVjzc/fR82T6D7/uPNZQZV8bbnIf3x7uanYkjD9hk8f3H4"
    "9/zNxIY7AjZm7j/7QvfgP2eeY8gNYeph28UOOxa3/f8HvWAugKjGPAuvwIYw95HKXmQHWc"
    "wNigQqY+jmkf/Ar7h4jorRT0tmxsAMRI/DX9Sb4defru7uLz79LQX5h4v7K3HlLDXFw08P"
    "32aGIeoE/Hp9/wMQf4L/vfnpKjsyUbv7/z0QzwQ9l4wdshxDM/m1w4/Dj9IjCecLiB+dcS"
    "OdIiO1XrkoGLhg/9vm+t6JehFjhxwX0QXFDDVDLye3EX672CA7BjDWoZsBmJPbowkoDgWz"
    "p0L1Nnwr80h+RyjiF/4brSSg1/ypID+HFEAXnL7eJ7oaHIx/hfMh/DR+CgqX0Xkpu0rxb8"
    "m/G3J9rfXi7v3Fh6uDkvnYAYS/EvqE6uhowwUw956thzBe2zqA8CrV2fDWw7o45hb8YhzF"
    "qz2FxtMSUnOcesfFFXJGMp9EbfOX5mfz7CfQgY8SBfFdxJOHRIvDlpJ+yFMw/pVRJQcTt1"
    "lHwpTDWkCF/HbAEGNC0Fd6JINy8M8MQ/LbwTJ6y3gPLG6keZMOeZMI/xx6d3No26UQJuUU"
    "03HenH31NoJR/FGF4N2ni48f8+pNOCPHz4iyQvhKkSsSVQzBzrREwyLYKNhOyomnWEIV0i"
    "RNPdXh7sqZuxxvxyyyLJh85fhFAtuD76AF+9EreAahFBkFPMclITaCTskMjKUyGE652DDn"
    "YAVulzc3H1OMxuV1lpn75dPl1e3hqQSWN8K+bpN/m7HJtSHsrviAPSO76Y6Sl1ZsVexiX/"
    "F1ro3ot4yo5t92zb9FE7qhbpqSUuwd6EwziLSkRuBlpPYVvOB81ZB5SwntK3T+obMZcimZ"
    "fQKugrBMHPFbMkU/e/jPu7i34SFZm3JLvWDr+baY/9gWXTlg8FLv2HrsIsaoi/kXd6Uufp"
    "mdcT2CoR7SAYLXia7URTCjmA2K513gcIUs4nrjq6NKvneBE6t2Hce7OXbw6wUljxTOgU0e"
    "sfMOQOez57xigCwdMEWQIgpc8oScEWAunzgmII69ApABCCzIrBGYEco/Q+AQGgbxHHd0kB"
    "m23m704JAFcrB5dAx+Re8t6PLeJuEqLT3++MxeMWDxY9UIIMegqwWfuSN+axNgBhx+UKWA"
    "8WnB7wxcCwHDxvwv7QO4Gy5bDv9YDHYTRiwtpaJH4Nsva/Bib78sJcbEpQwN4b8hTWBMiK"
    "jJzHbvFOivLk1AjCXUxLD7mZhYjsd8Bc6DWeFgmRdVBdVtO1pqp7+XQjqizwvMu9tgJNOS"
    "2xnJjrdF1Qcyx6fs6DhBDQs/oyvHpauDogNF8nr1kcJviaKWaw8VN1xBp8gglOvvM666++"
    "d+rpgHXR2DiVDVJuC/ALPg2fnbwwVFz2Nfw2fojxEQoQlcRXdHYAFXNoHmUe5A0cdNHpzD"
    "KXG/sPlJxOG3+YJ6NmJfGBafnMeL1dG3/GRBPGqgCRBoMnlcoGQJsAsM/gGYUTIfVYYQJT"
    "1i+EPkPGb0eaLj84QAuT5wQet94n/3N4LorI6ie1au6J7lj1zNDb5a5RqEyhXsAPnhKw9U"
    "SojsKlapt/HrJSrJ3zubrC+xhIqUzjdva6wv32Rnfby+iEtpBCMNpgmIKSE1V+ruKYmmIG"
    "r8NNnwMnc+7SzRjbOEtvQ3s/TvlBb5AcH08brg8qgGKWKFDddyIvcWAjZkLpA8SoaykAzD"
    "O/6Jj5MJXIhtINy8GYCP/BqXw+4xuHaZzzfwj21GcpxIHzd5cATLYRPjCQhT6QpwUJBj+t"
    "ZS6Gb6552K/CozTJk2oWrKo2gFOtk1cloL7EoL9BbmhlpgWlJrgVoLVGbpbWXgWa8v3jjo"
    "nvD/etcW+8a6L12xlf53yb/ue/5rkfIXXavU/Ka8lRG2quFfRxz0WqxhADuvF4gykVeId8"
    "GRA6Ibro8lUtVhxjyumYVebj4030olzZFucDmVr+sbPDgLSDku/AYG+PnW72JpEYYAM6AD"
    "DiHgg/IT4B0wbyq+6xS9XmLXes0MPgGFjui4R/IJeG8ukIFg4EzrgrvRBcOZWlfDCduryL"
    "d27/ylXei6QFFzhS9FS1TLMUmPZPlIemyzYxvr8m3cWWallzOE00YZcxMiKqaO6J7A8NVh"
    "DknD+O6M2D6ZQAbIGqgBnLYddcYHFL7CGj6zaG0akvVNMCzfe7ybgxL6xb84Wse/PEbN1h"
    "Iwt3zXRfR1yIjMILY9ioA8pCHKwAJR4EfsyIhA8WdIikDf6sU8+oyfEQO3yMSMf8ZYvuBA"
    "f7fRpMn2DWje9PfCnFIVnmqxiIrUSS/1CIKXgDWYhEmRvbRIiqWAr9581cAFybeqD2dZWX"
    "1C2/UJba/NowcUQfPGsVfBPFJkZIMpnxhY+fADCeuKEn8XKFDJpODl+lMyC3m3OYG1WtKv"
    "WiJ/NtBJwvZq2iF6UUm0QacLg87CY9Y43HhqhyEkhdRE8rwGkOelOJ7n0iK4kLpjsYkXqw"
    "clJ42UVJVqMExIKzAUW3u2ehTXIWzsNEIoKfPS8ZE1DMeuxXUbi9gFG+t3NoElW2uBbAau"
    "mRBWD6abXy4/XoG/3V69v767DgLZIvVRXhQfxVmQb68uPpakLmXjBaLjPzz8Zx7a6lTIxT"
    "1s71D7prUi002OffzneAEZG/Pvh0mj+Vkgu835eXL8dsDTM4AGcXAQ/4uignd/3QQt7mN7"
    "U/R0EFN0jkVCxTZZz4t72DccuWLiegVkXwVpGkls0RrNj7v4GXVmkz6tE+R7Wh7ke5oL8t"
    "1vd6kXwxrl6UDomRg5RRHw5UkGkjK6ImqLiqjEcVHRwb8c+oSIRn5z5IefU0awrR60B7wl"
    "iDxUTTAM26vo5NU9XcXv/vhY5F5T/u4nRPS7v/m7PyADmLZktnL8Zga0ObhjE64KVPzq41"
    "FOeN9IEIr4CbH4LahYw5NCGy3kOyig3Cddrst5j9r5lvxOps2QiwX2qIB3Kvn30mnq3pwU"
    "2VPUdNn4Tp3DdcnuzUt2Z5a/DgD80e9lcJOwLnDxmr4esfiF7AC42r71w8Uut0Cth1BuBx"
    "2g9wEtIHXnaKBLYF0Ek7tj08CEjNG74BhyGch999+3yIYllc3DTF+iD6WwTPOZAh5BlbeE"
    "4T1vdxskMVMTCf418DOiuMjPvAkSH/x+6hQ4GygSyKHEtsUa0RKKq6gjtZSETKw6nLfFgX"
    "eh7nSQ9v2gfk5LIJqV7xwoHjMs+miJxK1no+9kR+oCwRbEHbuItV0m7ng/97wbtZBo6Z2f"
    "3oILEPwEndU9Ef/XVO3eB7GMQ4sQq9Dp5JOPc+EH/vegYuIgcxzj5Acc+FgRKmF+QqtIjf"
    "HVwWgEoku+WHDZtSjxHq3UFSO4Y6EmyT8f5yAt9vHrYBDbFJgd2kAmv0uTwcyUp91gQJMV"
    "fxsM6pqImeJw4/drI42NukHG5SNRWAEoTejIjFu6DNCLzoO2bctL94lSBG0kMClYK8ut6C"
    "mhIdnRxQ1VsqO72G3mABIJ6PnrIzglZkGCkPK6o2F7VfCrcjboo9ioSxa4oJBrVYXmQEAV"
    "RPuekXz/f2rkDxC036JPl0PofNB+cbuvKLXteXh2Xsergrcqr1p3nvOsMCwkM0cEVSCabP"
    "EFonqj33yjf0Y0JNlq6vgJCZUCTjpzNgi8tBtXRcvKqbkcdL8taS+rDSak9t7oxXujji14"
    "uzbQAWFatG90AMTf4/1EISw6JPWT/GZbYj/OtKM6J5z8LnlOODSEZMn9FOGb54Mj7r81uR"
    "9Ngkoa+Lak6ltyAaimg2ndem+NKOEM+ZusES9R+KemgzfSEivoYDH3mivbWbF90nFSOXdb"
    "hcvvMlS+Exy7iQmBm8RFJcTUjO9+SVFRmQ2u9iKSktojJ/ecA2ND3CIJxdaL7tfdhvt+Sm"
    "pfwdPFCnSxgs6ZjIbFCsJDTUvkNnUZGw5uicW8Dmrx4bM1crXP5MPxWcyDl9IgatTICHaA"
    "DgC8TnSl7vTLbIlDqpGRJOFKuIoER1dNVySOqusrZVzJ6u6BCIBAdAAsyPg/cyRqg2IXLC"
    "F7ByTlChaEwysqfB6KhqNQ8ChfG6PLjgsd6sJVNfy62puuZ/pEETPlEEDUlkrtkvgSPRW0"
    "S6J2SdQuiS9rRg7fJbFL/LQ7onZH1Jt8ddbUvU5F/LJMVdrc0pb41uRtXfJ2N8xZlMGjgD"
    "ZLZvco58zMZKu1hNm9hQDx3Cn5/A4QBwFKlrKw6xwxxp8QuAQw5Jgj4A8hmK7A5AmtJoAR"
    "AIGJDCwJMczAHJq8Kz5r8uRZXzcpJNJi047jmY8yYacm0/om04Q7XAOVMWiuq8wqk1982I"
    "cWXRKvBMVGOcb92t5NQIwl1MSwe/rBsKDjFLkTVnDjscgW4yJdNF/YQQG5gb7VC7iyCSyY"
    "kOVn54TIrs7MvZ3XejkdD7HgUW7/PuDLjBmkqxroXIWueKGKslFV+xEn5VQqFt+F+7CDPr"
    "vjAIAN6JkC8e1wNP2EsbwMisaGHGZzzDUrXLAJruHbssK6ZMaOh9OGzB0jSouSJ5fvEGkp"
    "Fev39GISWCKu6bnjOXtspmRn5ba37XaGZ/dnFYoMxJ+qkaUvFlGyFEkPhxVtGnkhCzUTzl"
    "XNhzEhpvfaHQ9hzFYXDmKJDpwUalknflDDV1AmXkeqHSgWN6QmbpXWUx3E0SqIY/txV8MF"
    "r0bY1a5s0FGdlkIrdLKKS5UdOtVurSX6AjhEGHdnwLUQiLPrcOwQAocG4VPNWY2AgI1ZZD"
    "ECLoLzo2/BZAFdayJJXQbErGEuoQCbLG+I7ukeOkPyQMzQOkPyQasDofzZAL+wvZr49WLK"
    "L8kmUsGWlSQQUQXEHsx+bqPYorD9FonGL4bNNOr8hxvtK8kpSAUz0gi8lIw+LqXnUwca/5"
    "7ljcxPxw4wfCEVGFOv2uZpNyvyJDbLOKngST7jtIRtk0PaDgdFJ1eaRxdlxcR1F7YDI6wr"
    "dif68upU4BvQklVA2bR8R1RMk9M2IesajuUZG+gOP1qu/2wFPEuqxaiaaxFtWbJtDb7Flw"
    "LQMYGDXDHOkhaZYwe/XlDySOH8FQOGjfkrDZhFlsgEM0IBBP6cGIEntHBF8osntEIyHYbl"
    "B6VnSJd+bvTgHDr87ERlX9DkCxgTaTgYsmdHI5F7Y06YK4MFZLBB2JX/MKPoScRTucgRT+"
    "O5qJTQyVA3yTgDhpAjrGg6xakOK9j8GH1S6xx9UnGQPsmeA/2p3gTBWEJNNqIHSsxfJhqx"
    "YrGIRjH0T/CXyByK6/wTIjHtY7JrBwWde1LnntwfI2iifnyBcp6uLl+umKN0u46LsCbdEY"
    "JZlTUxpvRUP3JDq6ldq6lDDKIpsFr4kxGZnRkvurf9CAu8WAA28knNyGqPxl0Hg0QD0q7W"
    "QlU/ahlauoia2m+nbVk84saxVwcRVanC+xLMuMrXxeT7e1E+0nLv31jihbv+MuwU8RhrDo"
    "+4WHvWG8G2NwI1csrx72BiFMyZgepHMt1jo2SxsYROIrd5mPwCemyjPTclqBeiHS9EFM0F"
    "UJSNWaFDRbUempfet4j93YXgKEoDav70pQThDJhDVSAKZ8DoDZiBjhweCxnopDtkFQOdat"
    "dnzVfNK2+0Qww1nGW7DhA6mGWAwSyaa3xBXGNOparjIw1tRIuymjVx/rwQfQxziOu5R2/d"
    "T3y4SFCzNQqqZQ7PuNSFTu4tcWjkLT9UNNBnOG+JwxXvQmEEfifTlgD8SKYKf3/+MEx03B"
    "KEn4NuFEZCFBIaM4PQomJuTbC45R3diX5UBsOzEdcnREdt0eA9fSc7UhgOGVbk8ineEoww"
    "qkhlKFwocvmODQva4vDS9m258/t7H3anMDT7G2lVQJOj5/Y6lo/F1bN6SlavvKLQuIoYxU"
    "ATq+ASwxY1gssWUARdCdctwpApSrqIPYGBGSVzgKBhAYZdF9FXDJClA7geBabQeRqBJXYt"
    "EcbFe2Ci4AvlnwmOANh4jt3RQQbYHm/14ITZuf0gMQuB0AENSAc0UfTZQchkx2Cy8Ki4/e"
    "Qd4NPF883d/wYUyXHlj8r/ELsA/+FPQ7tmoJkmVUfdkqqaFmxNCwZzvQmKCZEtevQEr9qA"
    "HXrk2tXEnycS0O48bdx5GBtToT0UGEFtAktTvCTFMgMwE3K9uX8cf9MLuh9ufrn8eAX+dn"
    "v1/vruOkA6IqrlRfER/wD7NtHbq4uPuSraczSWO+a4QF8r3ZKyYtvzbjg9O2nvTtOZW4hY"
    "YDatHpKV3R6GZ60B7MIfaY6dlrEFxT1scS4OAsf9tvMpYter5eGok2RvvhLrtHkbAFjhqK"
    "fTv3WT/k1nHd/A37GOcwPje1cH5ss71J/iPwR+scCOUQ7ajYPuCf+vU2PGcObiXxuQrRcO"
    "W0pur5ByDa6O1hGvMG7XcRqB4AQRqCNYdqJTlfdMQ0ZI59CrPrAk5RTTM7o4qYT+BuNnRF"
    "khfKXIFYkqhmBnqq5IsleAXUVAZiigJg1ehwQvp8DzfrEWaZhYLZbQAAo4CKXIKFIjCLER"
    "dMr82yOpDIpTLjZMGCtwu7y5+ZjiFS6v7zMI/vLp8ur28PQoTcLm32dfOdiIwcmIagpn1x"
    "ROWNK4kWaVFtrXbS3a4hthl5HaJ/Aq2JvEqaAtdSNOOXFvw0OyLvGQfsnWEzd/JLxaW2Ko"
    "poNsFsDMmzaoaMvEJC07qcdzeM1RPdFwravUjYOkfxLH9530MYpcqqXXkfRfIg4SzktSBh"
    "BqIiqSYUudfCRlDJsYT/6v0gU5X/qsn9s8OBOKZE98SCdf8D8Yn08TMIdPCEBA0UKahwDz"
    "pnPsCncojzpSfoapzM4t7uhLlZdSYwHB5njzaUGOQ81NbLRtVrhI+TjnsKtmJmIpxXbQTn"
    "kJXBQgVe7Ok5XblVdPb+p3L/47cm1qhHMsoRGug7Ba9ORAsuOUkRrr0luWsRovHjGu9dLN"
    "/E7Skpq02DVpYSJo2thBGwxlRlSP5a7HcoYdzKyNXsuMqE54t+OhRBylgkNQuZ0iEtiil/"
    "5Bi72od/d8xooArDRTxEKbWSkGNeU7NFK089TdpZfuYI6ZMdnS5KVOS230Zu/Au7Pn9FA+"
    "6dTkDBlLDCn2RtxWpdib6D1uyM6lpBR79bvz20CwoWEwIbFPoFUYtkI2uQOrlnqen6OMRS"
    "YxPdbbs8KXsAP0rhNdqYteZlXa3BPZd8LowBc59iZVB9Xesx3I17TEqBe+wtUWvXDNqGfO"
    "81NYAEOkJDGBS4ThDUAHiJ5EeoKJKNwB3ck7wE8K/LXhjR68s9NvzoB/dAD/5r1jW/6CPi"
    "8wRWaxQa+PGz04F+GHftoEP01ClArBRjMXMFfUSmBgEiQ4GPtlBiZgimZ8KZAWPgd9dkOx"
    "cttemFNC1y/T9cvW1ecI5vCA+QL/fWvMgHodkp+DYg+UI8w2jcTeTRT2MKw4U8EtNM+mkB"
    "bbMJvCoGZ7F9kU0htqM3oiKzkkmkK1FCEhmhuVHssJ63V91+t6oDts4iCfFtX2yV2PpYkM"
    "fvDeZCjTkvql3LV1kp/9GqZaiCX2ic3UZaR6yE4REA8d0MDDxK92Ror4ndKloxoh16p0VP"
    "7MOZ7Dono/jSlgFUNteuWAfyAeZe8pMnEhDZy8PKpigi3R0IgbriWDH7zz6du3D97b89lb"
    "4Av6PC2JydsZofJPmxjQBiZcBXlpBYUq8tgC7Ig2BoqS0FKyZMB/hBQj3OvdHhyDeI7o8H"
    "DiV+dlE47lgyyS8yCGAJuMj8JDYMtIfSSWmMwHhu1xTUx8+K/j4+O//jo6fnDu+e34I71i"
    "IMgS/hh8DYCZzNNr4UcLMRFH8oxFCH85rRyvU7xD8SMUqWSYRVtNL3dNLwcjkFfUS5R0v3"
    "nLkubDOmMV1DSPJmQOmnVVaGO5fWMaGeJ9FwXYVLg/RBL7pPdmkmR6blGZhaqkmKHEvoIm"
    "t/pGdHYksc28wMOmsrk+0YjADtrrCK06BHWghDUBOCGiMa5nBICsaIeucrUNJbZoGDchtl"
    "edWcXfnNWwir85K7WKi0s6vfDLZGw1+dgN+ahpNBUqsEdOqgWkUdKBtZwxSnrM1vMd/BXx"
    "zcWNCw0dQkMSL+A/AFkgB5tHYMr/zvA6AYtjkaWoSbSEDDwjivnXLHEc7OUuxclF/Y7l0M"
    "qeKwmYsLUmYbomYRLjUFeXSYiombSwe00mmMINQIwl1MSw+8CrOV8dSCMMYwk1Mezez3Sj"
    "CMp9DpyUu9kGB5CknD5+7Pr4wbUn/FxkIq0Kx46Ftpg0NtIOBhyPPSO2TZaNw9uTYhrR9L"
    "IMmSvOOy6fcxssNgXi2kdNMx6a8dCMR39Ro0pGjKbLI3GEhBdKSyDe83a3vBuFoZCufOUh"
    "TPvhSZYE5JHC1lXk77ypeMAp+l50phgYvdKjjjwdvbchLiwon7o+qqRJ/ZZG1HItVXqLFj"
    "ZcASnBwKFQhfjGMV+A/wAO4fvHEVhSEb3sgKXF/7tFJmbAgI5DXDBFgIp8x0XkaIf96tru"
    "Wyc5n1CBp1k5rxQ074ZU6h27DKV0UotTOqkglU6yrNIztL1GVW0iAVV5uR5A1MZulY9+uR"
    "PMjiyP/ob4CTEG5ZpZtrmGLepsr/NE27Ub7IXMKiK+DQjk+I5HGAJoNkOG9Mg2yHwu9kLz"
    "XbQpYj+5P+PPytc/fj6BfhgwZPxzmHdZ7+UuD44vPQKMhC7sAH3GzGUAz6RjO3HslfhdXA"
    "1uZRLEjsE1b+O/LoDvDuL+oknwbK/Yg0iP6S3EtW9F8pOFvZqEjURKFfwsdAD+6SiufeCS"
    "wNwqKx3wr87vo/UDrR+opx9oG3IXNmS5PuQxvEefSz3+AwFFMndW6QBX/7hPbf85L81IBf"
    "h489P3YfOs66bKGlfHr71WuDpRuH4k0yItS3xcqVr9HjTouCQzSlW7N/h9ddWjvpUDiXKD"
    "rS1sr+a+1r1fj/zZAL+wvcYv0K5sDFmzgI6EiM71tHmYR7zaNsxGkpXTtt4Mnh3Ye69SnQ"
    "0Py7o239xk2dzua8D5AnIQWxs8/W6GfIioNu/5dvSWMKjoUNCrXY8rvbeec1CsDosr6zRi"
    "GrSpV/tUGMw8W+SmwAKLUci/LfhHh7y3kfgNE/PoHYDAj+cOmsYsoAklVweBQ16TRUn105"
    "5upHk8zeP1pmaenn1dh8c7+7qcxxPXMgwUdDYgS2IpbZratVeiLl6zvZPCQBiqjwiaiH7A"
    "j4gVZrFKXa/coW3Z0oxb1jAG+jKvGJCx5sAX9guJizde/LIChjTdHQqfsZV/jQ/XDD96FJ"
    "kgmAhHI+E5IzfK7Cbdy10eHCm0hI4LMJ/iwvq3FLGPQlA4XMv4RgaxCQ5hcEdAZjLd1IyD"
    "wo4CgyGXwoblp8xi5EF4/FhCNeDaAOO6PXCXWGTNkhoCob57UNjGsKDzqN2CdqUu8PEptg"
    "5UFDhAZWE/fSZyaLESptWG8xpKw3mpynCeVRiQI75W00CRhJSOE8nHiTRMi5aUaZkbbVAm"
    "wYLUaPKrysW3ySubllLxre2eU/YW5oam0bSk1vh3rfEPJA5JBVWglcK+PmLpxkH3hP/Xe7"
    "xS31j3Fa3U6pjzCc0JXd25UN4hd8pJXq485MxlQxY1bFC4jZ8/fGlxDhCnA76Pz8Hh5ImP"
    "xASIcCPwbyAr6nLREZiIyxydydExmMz5CRo+oYl/LHDBdFXIRfZxowcHgiUl/Ljhx4XJcw"
    "tfqaA4F4licBQ/Wi6b+EEKktVcEnA4Je4XopHDP/lCpOBjX4RM6fFidVQnxa54XvEzeL7q"
    "FLseapjd5RI/vqBDzjdnZ2/efHV28ubt1+dffvXV+dcn0RKXv1S11l1efy+Wu9SGVIM5DY"
    "aqNnUatFfTSF+HOy1nTnO8aTi/6+/ACYl9sg2ngkoQLU5zXApaQmJfQeNr+xTbxaV2y1PQ"
    "pqR0Gtow/TiezbDBH7QZmGkxjWZc4bLpUdIsjBHTZ8itnyElQyLyx6Nl0zHMiOqx3PVYUr"
    "RoktI9bK5SxYDOdlMbLgodK8szpUUCe4lXcLZsSPcnpLZI9zd1t98J3++fvPN4rqn0EUmp"
    "NAu7yNY3ELJTjXNDhSOuTrqkQprpnwOG76CA74yujarIzj+SrXQokhJWilEFS6dDkQ6yNF"
    "0js+fvRKBjNgumSQkNyUlOtXCaPyRqDaZvJKDm/O2YZWYuKihMWx4eHrZXBbxth4cT+YSN"
    "loKEiC6UVOeVh1ESybrvfCyhyrzt9aVHnxc21w/dQktJ+bufEVMFym0vAS5ZYKPJ7IwEVE"
    "G0b42qyohSzWJU2lF6PJiftlbvO6lYKkvuNZl6sYSac+/svI7zMW9VOvvktYzlfR4kLquL"
    "YiSgoh9oLxAaFjKehEPnI78raxQ7VCCqz0ebK0uKeES0X0A7M0iImgjIcccWZFYzXiQtp+"
    "aK2v1urhNebDAhdcKLnSW80IUOJKAyu38XUMjk/qrDEWyKLaEIDSx/j7dYhfBoaZaqlVLm"
    "E3RW90T8X3MBa5BXZuuWm4rFSz79OGN/S34XKiYTV4MjnjuYOj5mhErIRa6JBJ7B0heNSH"
    "A5FA0uuxYl3qOVEkza9ApXTv75OGsX+6uWoTGc6xX2xsTrsN7smFBP18dZXPHWKxCIABjF"
    "NwCupPF/5kikcfbLy74LIhkYWBA+VAC64DAOhwi6OMpne+nnFoXW0eQohTBo82jP5lFFDl"
    "BDAFGfobSN+SVyKNrGrG3MAzIwaRuztjEP/qXXNmZtYx6yRqVtzNrGrG3M2sasbcztlSW1"
    "auJsc+9XLdAzQxXXJLwyUvtEelXYaZNsbUsrbTIwZ3g41rXRZqbJsKKi8J93iJUbKuLLo2"
    "ojBf6TJRrWSgRliAyxQvKdTAQbWXpE6UlCTURHwCJL3gOVeWT90DKAmZ9fVmaLN/iMKk5E"
    "32Xn67PJ/paKAnQws/zFvVkSJm2WWG+WSLxMjZigrJymg+poOPJNaca4RRJas9wc9yeuqB"
    "RsoOWwRwIa9c1R59dxseZSzYwk5fYtiwDfJCkyCg5A1ZAlxPYNMa700s1OjWlJfWrc9akx"
    "qek1HMqMaAdjOah848oNJUVSQSw8/5eTk2kpRSpH921hyHjl1TziZKQ22hR2gGXH/kM6J4"
    "/OydM5/1QjJ0/R+9sBekoWv8zCl1mZdIBFY0R7LaR5i9nTnaDqDgoIzPjiqIq+pLwZi5rV"
    "q6jJp775GjtAyALIBPs5FyWqyAzAkE4MqUSKIBPc4xRZHH3hFX0oHRRlA1lNZVRIYnZ9kw"
    "eHIj76Ilf9jJI5MMhi5RfRYhZZOkcjQPj7LGt1GtBjSNToDDVVSaaKolsQOCJn3isG+ExE"
    "dctzJhlSg8wXnqsZUl23c2i6a7QIZDa+inTgoYROXh0dpeQ61IS9TIho/nJz/pJhp8hFaQ"
    "2phItVOM0nbZ2ESO6LDUcxI6rHctdjqaP/N1JrNBWi0yYMJ21Cfj5qSqkupVSHETEsaAtt"
    "vii+rwkpcifOydh5H3anFN/ULzvi2VxjCJ4rT4/EV0eV/AhvN4vb1SJI0LMgKoQk4B3bGJ"
    "nAJbIAn5g8M0KNoM07MOFn0Ak49Ns6pv/xEZjDJ8SAqKMH+M2R5CaKeZKe7vXgBPXNJb/i"
    "3wRSip950+kK4PmCUFHt3JxjBxh87vn0CEULG64AnLnI/1PabXVdck2H9EuHnJ2c1Ik2OD"
    "kpjzYQ1zKnef6iNDKJBu3VjHl5c1YDwTdnpQCKSxkPOs/lZ7NGECZE1ETx9G0NFE+zp7MY"
    "RXEpE7WGXIjtJpRSLDEkRkncViVGSeyFm7m3UM1FJD/dLa+kPTI2piE0j9MSwN3wOGpOPE"
    "3j9E7jaO+WDbxbdsuDDRe8wVY7u1sQ9x4x96CA9ImujaooH8ZbuWGrtYTPBaDQMckcMD6d"
    "bOT7p4RT6xUDh4QCPn4ue3UUuK2wERCdungm2JrpSl6WjAzDfwr/FEJzVE8vd3lwJnNIH7"
    "EzGUkOx+eOoPCIoS4Q6WC/FRQOn1ZMOsbIHpbYtQQphCnAYg16hrbmd3bD7/iD18hnIxbR"
    "Thth9V7sNPN7CQW2ieDJ8TeDBZAh1Ch0IGyvJsPTvedVEEqBzPG0EV+blVMxTUwPWZ74Jt"
    "SctYmlNGezc85G55Z5KSOp2TfNvu0MQFHOohl0sUQ3oKlwwNDEmybehki81XGikgQHzMPa"
    "yIEq4ITuRF/eXK3JWeBAlV4A89jcOOie8P/qvrZBJ0Nb+mq/rvGaXmOedcI8hjOpgoBMTL"
    "b1PCRLNK7lfyZ5OskQii6A6OOdTPnFH30V0oMiSs6CpmQE42uIImByAJ3i1GKd9VxY7ET0"
    "OQ6ZV3ErXeqkbwpxQRaeXZKyuyLpT1JoX/VLOZkboBa131fAote7mVaeFdtX+MSC2Ay5hM"
    "Q+gVZxokntMC1V8aQxcXhA1tWPsm/X+tOM3Jjbw/cBLSB1RUi/2gAmXrJBmcGzcSFF2mhB"
    "7EiFOuq3NlKta5jHbfwsctIi4wm4IjNtKues/IvIfA+eueLj8Q5AOvcN1hBY+NHyE0DIWH"
    "NRV++JX/Pp3Yx9vI/bPDi+odtBn10QJPkFhxAsLCIM5a68wQg4ZHk0AiYysOl36UvZCJqI"
    "HoNfLWwjoRTz5yAL5PiXHxwRuMpni0zNu4TYFcb235HBX4KRfF6OK37G7spPWDGR0coTYa"
    "GfBLcaQ3cCTIIYfwIXGMRz3OMH50G8eq7Hwq/44J2dfnMWfKfgD+ZN55gfLqIP+DSfYdn8"
    "39FTfJuWQZ8XwrUVHDokAADzewkifSTiPojIzyeeTjy6/9VHYGkRDjm27QAddnQMJgKD8Y"
    "zQCT8d8KmcGimTiwi0+GcP8VSLkBNHip9++fjRjzAZAUbiZCCi+CIfkjlhrhxqKRB1sUGu"
    "Dh/GA97it/B3+fJjpvN39HMaCWdGA/SSIp1YCtTAMJVTM5iZte3vkcQWLcZyLerMbHxaJ1"
    "jltDxY5TQXrKLTn+j0Jzr9iU9saEN5qpNt5GCNlIqGY5gS1OO463GUCvMGw5iU0wmRdzyI"
    "Jj+8CB/PTdzI0qJbGcp+DGsvYiTlMXWDYUzK6ddxEIPo0YIY6PIzTkpIRcfY81pHnPOKM8"
    "55/pDjo8IPYrjAaWIdmJGYinCentUpdsxbVRwZcwWPfVzMYhcU7EC6qsIzlMvAOV25fk4g"
    "lRaVy+CcEq0nHLbL658ubv+nuOTxZcG55vJ/7q8ucifKufg+G2nGaVG9jO9cqwo56+ZKVV"
    "JSD+RABrJZsEpaSsUtpPsEOdrFe9SO+/bNTM3AS8nsaWyBsHU2Qy0hsaeY6aSsOqhgSEEF"
    "Oinr5nV+xGrWAXKpEiuDWwDrYpdY2tcj5++e25x1wwUupUkMyvfLm4ovPkXfU+gUJ0JJtx"
    "hV+n2FbR+jtmu9vqL+X88RY/wpRf6QOZYOVEx65/DDgOMK5ybZq5+PRF5w0Xxh8+nwzk9J"
    "Cw0DLeRcAmR2kBm/vu7z4PyK+FFGFPpZUDJfuADaNln6PQZ3ks5HE4rmfIbwp5n4/lcs0Z"
    "HvlrVCLvAYMsvDHsJHlKgHTyVmlQ5+6NndKAl2DsDyo2xGTKexiLg6/1VocqxIyqhUDbk7"
    "r/6FuWGyg7Sktv3vmhcLl/FmR8SMlD4kprDsQNG8TnQ1PBzr6pqZaTIkbTPQ5Au0zFjHL9"
    "cu42NsrVR7/J1FFHAs6OoYXH/gzzKfBoUgF5bQziBF/LJBVwvpwW4T8uQtGHgUfumUeI8W"
    "eEIrrgZakFmI5aNce7pHoeKXpkKEVkFWCPEFJqf6ZdtKoKVjevrz38lU/Ag917XG2LHGmB"
    "yjBhpjRkxNjbF7+4f82QDGsL2a+HWvcWNz7K9NY74a5YG8R59L3+iMoCqIVumLV/+4T6mK"
    "Ob/qlAdC2DzrbF2GsFjLm8zVvGRfGCtWZ5YDI8pTbAJoSk6VKds3nlIlaboApIQ2QnJYPh"
    "R9vPs+Rk2naVqqJ2gVe+V99UeEevtINNacUqJb9B2h6NGzIe3MhaT76kAWpkh4EpYE/xSD"
    "mhKqIo5UWwcED6RoeKSI9UYDnmg+KuOKQLMqNMe1Ys1ewHTD/Kt6C0SfMSsKY74kxEbQKd"
    "FwsrJZz2Au3NcELGZcOnENvrn5mNqbL6+zm+8vny6v+HSUszEOMM1z5TMbPjaKLo0EdGzp"
    "5rGlZpSopRmznZPbJ25bu3l2CODvZNoMuVhgnyDTTne9O92ZqaRVLXF8KRmwcgv9ehwDO0"
    "VLAH/0e1EXuXid2jwHMrQRdVsWkb8QfQxZ+84nPk5F3TtsiWhbDGQnas2nNArUsPgZciwM"
    "lxi1RcPv7EoYQRXGBDPmiaAj/hi8pdkWlUvez3v+q8KIaChiSiM4bPMJEmakbwmKktn5U5"
    "gYYqehCJqtkaDmLe9G4enBvwdfAdsvpR/8fuosowOdFCZ6xgYaM/xoubyz1niI3u6CzhSe"
    "IMihxLaF3tsSkauoI5XREIUWGIKtweD93KGBZ9CrhsIiHmVjgyITt0XjB9HVe9mTwoAE3o"
    "utl1I1fTlTUMzRnNACv9YmMHySfdy59UwmQ0XiDw//OQ6SKrecFz/zru78nhQGRAbiyayi"
    "LeFoEpc4WDA8G41nmLbXN255T9/JjtTVwILc6+MonTUb26iAEW9U+Kog+/tLQWfryAz1NU"
    "LP7dVT343/6lk9/bRR2EOeSbOCA2wxdGEhtdpk2g/1zsMDfclM/FhYN6U5HB9l3PSHqD81"
    "8WAWnnUCh/963YXdqYPGRnFC/jJSGiwUrTLrIoZQ1LBG2JAv8ooBCzOXq84jGchNyVKEiw"
    "PX4l/fLxpi8dty/MM6FvN3UnRGqIGAv5T6xTj4tYMMeD3d5sEJ4pEOhdeeOQLCZsQ3Or4t"
    "8T/m5Fn8sNHMFUU4XI864m/h98KvH8mYJZF5y4+Hh1PiycIoc3DIf3XM0YPjOf5vwHNsYj"
    "wJ6WgbHf+/o2NwIR7VfE0ce/UtmDyh1QTM4RNifti8fFp+Z65titonRMTPW2TJP6YPDpm5"
    "yBGFTyClfP1jonQKRa/xXBQLGQHxx8KGq6PatTnSZuwnfk3azgzDoxybMR9uGRMVx5SFD6"
    "bLdfQRDcUnQx64csfKoHk3XpW9Y5fxpzyp5VB5UuFReZJ1qQznb238gvZqRj6c1XErPyt3"
    "Kz/LuZUn3/scjOUeqRmxlg6pu1N3a3qkFqenLfeZLElLu1OXSXFblVwmGfFokZt0hdN5JK"
    "Hm2929wzlX6Yo8qMshjARUTC7aRzqWWPUpXB2rUienRHVqkV2nFtEexBtprjp5p/YjHqYf"
    "sU7e2Sx55y4z2/jMXCljFRF36xiriDBsxFiJXwRvJH0KRgAdPx6Dh4OTr9+dnLw+fcv/fz"
    "gAhPKPzs7ERyf+R6Lyql9oNkxn8+SI/IXYLcp40+/N1hM7mpjZaHsrJ2bk+DXRnSMBffrQ"
    "aflelu48ENVPhSUlp/g12XbXKzehSax31aZvrPtSbFopKxeIYsMq0lOCK5UqCozbrNNOym"
    "HSO/3Wd/pnrlfiIv67fK9PiKi525+dn9cxJZyfl9sSxLUM3chfjQYgBs3VBPD0pJY166TC"
    "mnWSs2bxO7qFcbHlpoaEyK6sDb3pSZ3ZFVptym23l7/+Dwomty8="
)
