from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
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
        ALTER TABLE "quizsession" ADD "orders" JSONB NOT NULL DEFAULT '[]';
        ALTER TABLE "quizsession" ADD "request_id" VARCHAR(64);
        ALTER TABLE "quizsession" ADD "result" JSONB NOT NULL DEFAULT '{}';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "answer" DROP COLUMN "shown";
        ALTER TABLE "quizsession" DROP COLUMN "orders";
        ALTER TABLE "quizsession" DROP COLUMN "request_id";
        ALTER TABLE "quizsession" DROP COLUMN "result";
        DROP TABLE IF EXISTS "spotteststratum";
        DROP TABLE IF EXISTS "examanswer";
        DROP TABLE IF EXISTS "exam";
        DROP TABLE IF EXISTS "examattempt";
        DROP TABLE IF EXISTS "memorystate";
        DROP TABLE IF EXISTS "spottest";
        DROP TABLE IF EXISTS "examseat";"""


MODELS_STATE = (
    "eJztXWt327aW/StY/lJ7RnFtp0nbdNasZSdux52kvrXd2ztT3yVDJGShpggVIK2oc/vfBw"
    "DfJEiRIikRFj7EsUUckNrE42Cf1/8dzImNHHZ87iDqHbwD/3fgwjniv2QvjMABXCySj8UH"
    "Hpw4siWMm0yYR6El+plChyH+kY2YRfHCw8QVTc8B8xeIPmNGKJBy34GHJ7R6AHP4hBhA0J"
    "oFnwOLuDYWcmCKKQLEtdCxuIlNLH4X7D521J/v4j98NPbII/JmiPJef/sn/xi7NvqMWPTn"
    "4mk8xcixMxBhW3QgPx97q4X87Mr1vpcNxaNOxhZx/LmbNF6svBlx49bYlcA9IhdR6CHRvU"
    "d9AZzrO04IcIRl8KRJk+ARUzI2mkLfEfAL6QL60YcpAMOPODbizfGnYfILPoq7vDo7/err"
    "r755/farb3gT+STxJ1//FXy95LsHghKBn+4O/pLXoQeDFhLGBDf+gorAvZ9BqkYubJ6Djj"
    "9wHroIqJ1iN4efxw5yH70Z//P07JsKpP5+fvP+v85vDnmrI/FdCJ88wZT6Kbx0FlwTcKbg"
    "4w/fCL+wfTcARh8kCCZzvQ8IX5/VQPD1WSmA4lIWP+bP55AqhuAd+lwyeVMiuqBYgdrd5T"
    "/uxEPPGfvDSaN1+On8HxLI+Sq88vH6px+i5il033+8vsihKmZ7EdIfb69/UkMatc/h+YvL"
    "v+dvNra8EXAw8/7ZF7oH/zH1XUtuCBMfOx522bG47X8e9IK5AKIa8zy8AhvCvEcqe5Ed5D"
    "G3KBKojKFXRP4Dv+LhOVKjn5XMvQM7FD2OftFvhF99ury9O//0twzkH87vLsWVs8wQjz49"
    "fJt7DXEn4Neru/8C4k/wv9c/XebfTNzu7n8PxDNB3yNjlyzH0E5/7ejj6KPsm4TzBcSP7r"
    "iRTpGTWq9cKF5cuP9tc33vRL1IsEOuh+iCYoaaoVeQ2wi/XWyQHQOY6NDNACzI7dEAFIeC"
    "6ZNSvY1mZRHJ7wlF/MJ/o5UE9Io/FeTnEAV04enrfaqrwcH4VzQeok+Tp6BwGZ+X8qsU/5"
    "b8uyEv0FrPb9+ff7g8KBmPHUD4K6FPqI6ONlwAC/NsPYTJ2tYBhJeZzoa3HtbFsbDgq3EU"
    "U3sCraclpPY4M8fFFXJGcp/EbYuX5mfz/CfQhY8SBfFdxJNHRIvLlpJ+KFIwwZVRJQeTtF"
    "lHwpTDqqBCfjtgiDEhGCg9kkE5+GeOIfntYBnPMt4DSxoZ3qRD3iTGv4De7Rw6TimEaTnN"
    "dJzXZ1+/jWEUf1QhePvp/OPHonoTjcjxM6JMCV8pcipRzRDsTEu0ZgRbiu2knHhKJHQhTb"
    "LUUx3urpy5K/B2bEaWisFXjl8ssD34DlqwH72CZxFKkaXgOS4IcRB0S0ZgIpXDcMLFhjkG"
    "K3C7uL7+mGE0Lq7yzNwvny4ubw5PJbC8EQ50m+JsxjbXhrC34i/sGTlNd5SitGarYhf7Sq"
    "BzbUS/5UQN/7Zr/i0e0A1104yUZnOgM80g1pIagZeT2lfwwvNVQ+YtI7Sv0AWHzmbIZWT2"
    "CbgKwjJ1xG/JFP3s4z9vk96Gh2Rtyi0zwdbzbQn/sS26csDgZebYeuxixqiL8Zd0pS9+uZ"
    "1xPYKRHtIBgleprvRFMKeYDYrnXeBohVRxvcnVUSXfu8CpVbuO490cu/jVgpJHCufAIY/Y"
    "fQeg+9l3v2CALF0wQZAiCjzyhNwRYB4fODYgrrMCkAEIZpDNRmBKKP8MgUNoWcR3vdFB7r"
    "X1dqN7lyyQi+2jY/Arej+DHu/tIVqlpccfH9krBmb8WDUCyLXoasFH7ojf2gaYAZcfVClg"
    "fFjwOwNvhoDlYP6X8QHcDZctX/9YvOwmjFhWSkePwLdf1eDF3n5VSoyJSzkaIpghTWBMie"
    "jJzHbvFBisLk1ATCT0xLD7kZhajsd8BS6CWeFgWRTVBdVtO1oap7+XQjqizwvMu9vgTWYl"
    "t/MmO94WdX+RBT5lN8eJC/6C3vNfDxSHifha5VFiwltZUasaBwmulr8Sowpg99UCUSYcqH"
    "kX/F0D0Q1X4VMxOZgxn6v3kTofMAPfAWnZlPq+4gDR7Q3u3QXkJxHEb2CBn2+CLpYzwhBg"
    "FnT5CQPw8+BPgHfA/In4rhP0aom92Stm8TkD+LnB9Y7kE/DePCAtXuDMnBt2c26IRmptH4"
    "SwvY5nhe61XHNW6AJFo4HpvHHrq4GZN1n+Jn220YRMiXXwDnfmQv5yXuGkUWhwSkRHH7nu"
    "KZhAHeaQNHRkyYntk2HceBR071FgzOGbm8PjuWjgs1Vr05CMuYJh+cHn3RyU0C/BxdE6/u"
    "UxbraWgLnhuy6iryJGZAqx41ME5CENUQYWiILANCFNn+LPiBSBwCHWE2A+fcbPiIEbZGPG"
    "P2OsmFmlv9sY0mTrpAnzJ78rnecrYg8SER2pk14Sr4STgDUYhGmR7ekGJ7seiglmYingqz"
    "dfNbAiyqD6cJaXNSe0XZ/QFvaGxFdWUk+65IAiaF+7ziocR5q82XDIp16sfPiB2K/iDAcK"
    "BSqd/aBcf0qnW+g2+NmoJf2qJfL/BjpJ1F5PO0QvKokx6HRh0Fn4bDaONp66OGaE9ETyTQ"
    "0g35Ti+Kbg/+VB6o3FJq5WD0pOGhmpKtVgmJBWYCi29nyaPK5DONhthFBa5qXjI5O1jr0Z"
    "121mxFFsrN87BJZsrQrZHFxTIawfTNe/XHy8BH+7uXx/dXsV5hGM1Ud5UXyUhHvfXJ5/LI"
    "nRZOMFouM/fPxnEdrqmG91D9s71L5urch0k0wE/zleQMbG/Pth0mh8KmS3OT5Pjt8OeHiG"
    "0CAODuJ/UaSY++sGqLqP7Q3R00EM0TkWkWNt0juoe9g3HLli4vkKsq+CNI0ltmiN5sdd/I"
    "w6s0mfvq1zSslzFalDylvjLvUiWaMiHQh9GyNXlROqPO1zWsakfm6R+pm4HlId/MuhT4kY"
    "5DdHfvjp9wXb6kNnwFsC9Z1GXEvUXkcnr+7pKn73x0eVe0353E+JmLm/+dwfkAHMWDJbOX"
    "4zCzoc3LENVwoVv/p4VBDeNxKEIn5CVM+CijU8LbTRQr6DTPF90uWmbsGonW/J72TSDLlE"
    "YI8qFWSyHCzdpu7NaZE9Rc3Ux+jUOdzUJti8NkFu+esAwB+DXgY3COsCl6zpprDIFgqLyO"
    "2gA/Q+oAWk3hwNdAmsi2B6d2wamJAzeiuOIReh3Pf/fYMcWFLCIV+oVRsss3ymgEdQ5S1h"
    "eM/b3fBu9EWCfw38jChW+Zk3QeJD0E+dTI4DRQK5lDiOWCNaQnEZd6SXkpCLVYfztjjwLv"
    "QdDtK+HyYKawlEszzFA8VjikUfLZG48R30vexIXyDYgnhjD7G2y8Qt7+eOd6MXEi2987Nb"
    "sALBT9Bd3RHxs6Zq9z6MZRxahFiFTieffFwIPwi+BxUDB9njBKcg4CDAilAJsyhSHqkxgT"
    "oYv4H4UqYMojejxH+cZa5Y4R2VmiT/fFyAVO3j18FLbJNJe2gvMv1dmrzMXB7uDV5oOrV5"
    "g5e6JmJGHW78fm2ksVU3yLj8TShLBGYJHZlxK18h0MTOjF5SHrRtW166T5QiaCOBiWKtLL"
    "eiZ4SGZEcXN9TJju5hr5kDSCxgxm+A4ITYigQh5QmWo/a64FflbNBHVmWPLLAiY3VVKvpQ"
    "QBdE+x6RfP9/auQPELbfok+XS+h80H5xjPi0WY3VRELPcXj2po5XBW9ViqK8li9Vi2TmCP"
    "jI78qaOckWRc1Gv/lG37zk8k4qLbcPOOmuzHLgpd24NEpeTs/loPttyXhZbTAgjfdGL94b"
    "dWzB27WBDghT1b7RARB/T/YTjbDokNRP85ttif0k047unHD6uxQ54cgQkif3M4RvkQ+Ouf"
    "/W5H48CCppYDnJS6jgaAGopoNp1KrPxEm/pfLBShT+aejgjbTECjpYjL3mynZebJ90HGX5"
    "943C5XcZKt8Jjt3EhMBN4qJSYnrGd7+kqKjcBld7EclI7ZGTe8GBsSFusYRm60X3627DfT"
    "8jta/gmWIFplhB50xGw2IF0aGmJXKbuowNB7fUYl4HteTw2Rq52mfy4fgsFsHLaBA1amSE"
    "O0AHAF6lutJ3+OW2xCHVyEiTcCVcRYqjq6YrUkfV9ZUyLkX0AwhFAASiAzCDjP+zR6I2KP"
    "bAErJ3QFKuYEE4vKLC56FoOIoEj4q1MbrsWOlQF62q0dc13nQ90yeamCmHAKKxVBqXxJfo"
    "qWBcEo1LonFJfFkjcvguiV3iZ9wRjTui2eSrs6budSril2WqMuaWtsS3IW/rkre7Yc7iDB"
    "4K2iyd3aOcM7PTrdYSZnczBIjvTcjnd4C4CFCylIVd54gx/oTAI4Ah1x6B4BWCyQo8PKHV"
    "A2AEQGAjC0tCDDMwhzbvio+aInnW102URFpi2nF9+1Em7DRkWt9kmnCHa6Ayhs1NlVlt8o"
    "sP+9BiSuKVoNgox3hQ27sJiImEnhh2Tz9YM+i6KnfCCm48EdliXKSH5gsnLCA30Fm9gCuH"
    "QMWALD87p0R2dWbu7bzWy+l4iAWPCvv3AV9m7DBd1UDHKvTEhFJlo6r2I07L6VQsvgv3YR"
    "d99sYhABvQMwrx7XA0/YSxvAyKxoEcZnvMNSus2ATX8G15YVMyY8ev04HMGyNKVcmTy3eI"
    "rJSO9Xt6MQksEdf0vPGcPTZTsvNy29t2O8Oz+7MKRRbiT9XI0peIaFmKpIfDijGNvJCFmg"
    "nnquavMSVm9todv8KErVa+xBIdOC3Usk78oF6foky8iVQ70CxuSE/cKq2nJoijVRDH9uOu"
    "hgtejbCrXdmg4zotSit0uopLlR06026tJfocuEQYd6fAmyGQZNfh2CEEDi3Ch5q7GgEBG5"
    "uRxQh4CM6PvgMPC+jNHiSpy4AYNcwjFGCbFQ3RPd3DZEgeiBnaZEg+aHUglP83wC9qryd+"
    "vZjyS7KJVLBlJQlEdAGxB7Of1yi2KGq/RaLxy2EzjSb/4Ub7SnoIUsGMNAIvI2OOS9nx1I"
    "HGv2d5I4vDsQMMX0gFxsxU2zztZkWexGYZJzU8yeeclrBjc0jb4aDp4Mry6KKsmLjuwXZg"
    "RHXFbkVffp0KfANashSUTcs5omOanLYJWddwLM/YQrf4ceYFz6bgWTItRtVci2jL0m1r8C"
    "2BFICuDVzkifcsaZE5dvGrBSWPFM6/YMByMJ/SgM3IEtlgSiiAIBgTI/CEFp5IfvGEVkim"
    "w5gFQek50qWfG927hy4/O1HZF7T5AsZEGg6GnOnRSOTemBPmyWABGWwQdRU8zCh+EvFUHn"
    "LF0/geKiV0ctRNOs6AIeQKK5pJcWrCCjY/Rp/UOkefVBykT/LnwGCoN0EwkdCTjeiBEguW"
    "iUasWCJiUIz8E4IlsoDiOv+EWMz4mOzaQcHknjS5J/fHCJqqH69QzrPV5csVc5Rt13ER1r"
    "Q7Qjiq8ibGjJ4aRG4YNbVrNXWIQTQKq0UwGJHdmfGie9uPsMCLBWAjn9ScrPFo3HUwSPxC"
    "2tVaqOpHL0NLF1FT++20LYtHXLvO6iCmKnWYL+GIq5wuNt/fVflIy71/E4kX7vrLsKviMd"
    "YcHrFaezYbwbY3Aj1yyvHvYGMUjpmB6kcy3WOjZLGJhEkit3mY/AL6bKM9NyNoFqIdL0QU"
    "zQVQlI2Z0qGiWg8tSu9bxP7uQnA0pQENf/pSgnAGzKFqEIUzYPQGzEDHDo9KBjrtDlnFQG"
    "fa9Vnz1fDKG+0QQw1n2a4DhAlmGWAwi+EaXxDXWFCp6vhIQwdRVVazJs6f56KPYb7ieu7R"
    "W/cTHy4S1G6Ngm6Zw3MudZGTe0scGnnLDxUN9BnOW+JwybvQGIHfyaQlAD+Sicbfnz8MEx"
    "23BOHnsBuNkRCFhMbMIlRVzK0JFje8o1vRj85g+A7i+oToqC0avKfvZUcawyHDijw+xFuC"
    "EUUV6QyFB0Uu37E1g444vLSdLbdBf++j7jSGZn8jrRQ0OXpur2MFWFw+66dk9corCo1LxS"
    "iGmlgFlxi1qBFctoAi6Eq4bhGGbFHSRewJDEwpmQMErRlg2PMQ/YIBsnQB16PABLpPI7DE"
    "3kyEcfEemCj4QvlngiMADp5jb3SQA7bHW927UXbuIEhshkDkgAakA5oo+uwiZLNj8LDwqb"
    "j9wzvAh4sfmLv/BSiS75U/Kv9D7AL8v2AYOjUDzQypOuqWVDW0YGtaMBzrTVBMiWzRoyec"
    "agN26JFrVxN/nljAuPO0cedhbEyF9qAwgjoElqZ4SYvlXsBUyPXm/nH8bS/ofrj+5eLjJf"
    "jbzeX7q9urEOmYqJYXxUf8AxzYRG8uzz8WqmjP0VjumGOFvla6JeXFtufdcHp20t6dpjO3"
    "ELHAbFo9JC+7PQzPWgPYhT/SHLstYwvUPWxxLA4Cx/2282li16vl4WiSZG++Epu0eRsAWO"
    "GoZ9K/dZP+zWQd38DfsY5zA+N7Vwfmy1vUn+I/BH5RYccoB+3aRXeE/+jUmDGcsfjXBmTr"
    "ucuWkttTUq7h1dE64hUm7TpOIxCeIEJ1BMtOTKrynmnIGOkCetUHlrScZnpGFyeVyN9g/I"
    "woU8JXipxKVDMEO1N1RZI9BXYVAZmRgJ40eB0SvJwCL/rFzkjDxGqJhAFQwEEoRZZKjSDE"
    "QdAt82+PpXIoTrjYMGGswO3i+vpjhle4uLrLIfjLp4vLm8PToywJW5zPgXKwEYOTEzUUzq"
    "4pnKikcSPNKiu0r9tavMU3wi4ntU/gVbA3qVNBW+pGnHKS3oaHZF3iITvJ1hM3f6S8Wlti"
    "qKeDbB7A3EwbVLRlapCWndSTMbzmqJ5quNZV6tpF0j+J4/tO+hjFLtXS60j6LxEXCeclKQ"
    "MItREVybClTj6SMpZDrKfgV+mCXCx91s9t7t0HimRP/JU+fMn/YHw8PYA5fEIAAooW0jwE"
    "mD+ZY0+4Q/nUlfJTTGV2bnHHQKq8lBoLCTbXn08UOQ4NN7HRtlnhIhXgXMCumplIpDTbQT"
    "vlJbAqQKrcnScvtyuvnt7U7178d+Ta1AjnRMIgXAdhvejJgWTHKSM11qW3LGM1XjxiXOul"
    "m/mdZCUNabFr0sJG0HawizZ4lTlR8y53/S6n2MVsttG0zImahHc7fpWIo6Q4BJXbKWKBLX"
    "rpH7TYi3p3z2dMBWClmSIR2sxKMagh36GRop2n7i69dAdzzEzIliaTOiu10czegXdnz+mh"
    "AtKpyRkykRhS7I24rU6xN/E8bsjOZaQ0m/rd+W0g2NAwmJLYJ9AqDFsRm9yBVUs/z89Rzi"
    "KTGh7r7VnRJOwAvatUV/qil1uVNvdEDpwwOvBFTrxJ9UG192wHcpqWGPWiKVxt0YvWjHrm"
    "vCCFBbBEShIbeEQY3gB0gehJpCd4EIU7oPfwDvCTAp82vNG9f3b67RkIjg7gX7x37Mhf0O"
    "cFpshWG/T6uNG9ex59GKRNCNIkxKkQHDT1APNErQQGHsIEB+OgzMADmKApXwqkhc9Fn71I"
    "rNy2F+WUMPXLTP2ydfU5wjE8YL4gmG+NGVC/Q/JzUOyBdoTZppHYu4nCHoYVZyK4hebZFL"
    "JiG2ZTGNRo7yKbQnZDbUZP5CWHRFPoliIkQnOj0mMFYbOu73pdD3WHTRzks6LGPrnrd2kj"
    "ix+8N3mVWUkzKXdtneRnv4apFhKJfWIzTRmpHrJThMRDBzTwMPGrnZEimVOmdFQj5FqVji"
    "qeOcdzqKr305gC1jHUplcOODY2KDjgtCGinANOWz7qccC/ovcz6CUJYw+hZRHf9cC/A7JA"
    "LraPwIT/LVlbElO5YU7aGVmK3LJLyMAzoph/zRICuJe7qJNEBB3LkS57rqRqo9aGq+2aq0"
    "29h7pkbUpEz+Dz12c1eNrXZ6U8rbiUCyAIhnADEBMJPTHs3oFmzlcH0gjDREJPDLu3F2zk"
    "CbfPDnByN9vg5J+WMwzOrg/+XHvCzypVt8qtNhHaYvKPWDsYsF/tlDgOWTZ2U06LGUSzyz"
    "JknjijeHzMbbDYKMQN17jjJcfQZt3QZoYA6oEA6sL7T0vPv3xx0bEoudtBhdEb3o3GUEhK"
    "ttwVZT8YwTQgjxS2rgZ260/EA07QD6IzzcDolR515enovQOxsjBY5vqokiYNWlpxy7VU6Q"
    "1aOHAFpAQDh0IV4hvHfAH+HbiE7x9HYEmFF6oLljP+4wbZmAELui7xwAQBKvLWqMjRDvs1"
    "Nbq2TnI+IUWMQTmvFDbvhlTqHbscpXRSi1M6qSCVTvKs0jN0/EbZSWMBXXm5HkA0NVF0Pv"
    "oVTjDlevgWttZPiDEo18yyzTVqUWd7nafa1qjEKaJDxLcBoRzf8QhDAE2nyPKA2PbIfC72"
    "QvtdvCniIEkb48/K1z9+PoGBOydk/PNgXOeKcPZwl3s3kB4BRmRDSpYAfcbMYwBPZdo64j"
    "or8bu4Gt7KJogdgyveJpgugO8O4v6iSfhsX7B7kebAX4hr34kgloWzeogaidAY/Cx0AP7p"
    "KMlh55HQ3Coz1vGvzu9j9AOjH+inHxgbchc2ZLk+FDG8Q59LJnAsoEkGhiod4PIfd5ntv+"
    "ByH6sAH69/+iFqnvfD11nj6njaG4WrE4XrRzJRaVni40rV6vewQceldbIl0Cx+X5O9tm/l"
    "QKLcYGuL2uu5r3Xv17NfBdK7xw86GDLUKHQvJWJi9jaP2TMFPDdYSqtCJEwBz40LeNax+0"
    "aFLFsbPDUs6qlwzmgJg44OBb3a9bjSe+O7B2p1WFxZpxHTsE29GhbCYOY7iIrSDhyLUcS/"
    "LfhHh7y3kfgNE/voHYCAIY6FHTZNWEAbSq4OApe8IouSKhY93cjweIbH603NPD2rU0GPty"
    "rn8c4KVfQodDcgSxIpY5ratVeiSUK6vZPCQBiqjwjaiH7Aj6L0tWJvzlyv3KEd2dJOWtYw"
    "BgYyXzC+AWJnBQLhoCCUmPHilxWwpOnuUPiMrYJr/HVN8aNPkQ3CgXA0Ep4zcqPMb9K93O"
    "XelUJL6HoA8yEurH9LEfsoBIXDtYxvZBDb4BCGdwRkytsyjoblsaPQYMilsDUTCoCwK94L"
    "j5+ZUA24NsC4bg+8JbZE7SqhIRAauAdFbawZdB+NW9Cu1AX+ftTWgYpEdags7KdHfqq7jP"
    "ZvaigNb0pVhjd5hQG54ms1DRRJSZk4kWKcCF8o1CpYRXBIKFOlgA35NK+CVehTKnjk4ttk"
    "ymaldJy13XPK/sLe0DSalTQa/641/oHEIemgCrRS2NdHLF276I7wH73HK/WNdV/RSq2OOZ"
    "/QnNDVrQflHQqnnPTlykPOXDZkccMGCbj5+SOQFucAcTrg+/gcHD488TfxAES4EfhXXAZ3"
    "BB7EZVHG9ugYPMz5CRo+oYfgWOCByUrJRfZxo3sXgiUl/LgRxIXJcwtfqaA4F4mk3hQ/zj"
    "z2EAQpSFZzScDhhHhfikYu/+RL6juIfRkxpceL1VF5ZpdkfojnFf+Hz1eZ4cX2UcPsLhf4"
    "8QUdcr49O3v9+uuzk9dvv3nz1ddfv/nmJF7iipeq1rqLqx/EcpfZkGowp+Grqk2dhu31NN"
    "LX4U7LmdMCbxqN7/o7cEpin2zDmaASRJmyIGwpaCmJfQWNr+0T7KhLppRnxs5IbZgYe1hq"
    "eheZsW08nWKLP2gzMLNiBs2kUkHTo6StjBEzZ8itnyElQ0LRM0bLpu8wJ2re5a7fJUULBT"
    "tWuqdGzXWqMdHZburAhdKxsjxTWiywl3iFZ8uGdH9Kaot0f1N3+53w/cHJu4hndb6+REqn"
    "UdhFtr6BkJ16nBsqHHFN0qWuki716dnxc8jwHSj4zvjaqIrs/CPdyoQiaWGlGFWwdCYU6S"
    "BP0zUye/5OBDp2s2CajNCQnOR0C6f5Q6LWYPjGAnqO345ZZuYhRYGR8vDwqL0u4G07PJzI"
    "J2y0FKREdrUQ9IZxL1Mexkkk6875REKXcdvrpEefFw7XDz2lpaR87ufEdIFy20uALG3ZZH"
    "TGArog2rdGVWVEqWYxKu0oPR7MT1ur910wGYz4VFUHtMLzOJbQc+ydvanjfMxblY4+eS1n"
    "eZ+HicvqohgL6OgH2guE1gxZT8Kh85HflTWKHVKImvPR5sqSJh4R7RfQzgwSoiYCcr3xDL"
    "JZM14kK6fnitr9bm4SXmwwIE3Ci50lvDCFDiSgMrt/F1DI5P66wxFuii2hiAwsf0+2WI3w"
    "aGmWqpVS5hN0V3dE/Ky5gDXIK7N1y03F4iWffpyzv6W/CxWDiavBMc8dDp0AM0Il5CLXRA"
    "rPcOmL30h4ORINL3szSvzHWUYwbdNTrpz883HeLvZXLUNjNNYr7I2p6bDe7JhST9fHWVzy"
    "1isQigAYxzcArqTxf/ZIpHEOysu+CyMZGFgQ/qoA9MBhEg4RdnFUzPbSzy2U1tH0W4pgMO"
    "bRns2jmhyghgCiOUMZG/NL5FCMjdnYmAdkYDI2ZmNjHvykNzZmY2MeskZlbMzGxmxszMbG"
    "bGzM7ZUlvWribHPv1y3QM0cV1yS8clL7RHpV2GnTbG1LK206MGd4ONa10eaGybCiovCft4"
    "iVGyqSy6NqIwX+k6Ua1koEZYkMsULynUwEG1t6ROlJQm1ER2BGlrwHKvPIBqFlALMgv6zM"
    "Fm/xEaVORN9l5+uzyf6WiQJ0MZsFi3uzJEzGLLHeLJGaTI2YoLycoYPqaDhypjRj3GIJo1"
    "lujju/jtV7aPUZPS23b/HsfLmmyFKo4tWQpcT2DTGuftHNzi9ZSXN+2fX5Ja1zNHyVOdEO"
    "3uWgMl9r9yopkqqK8iRaTpNlpTSpYdw3120KuOyIF8v65dU85OSkNtqMdzCGO/YgMll5TF"
    "aezhmoGll5VPO3A/S0LH+Zhy+3MpkQi8aI9lpK8wazp1tB1h0oKMzk4qiKwKS8GYub1aup"
    "yYe+/Qq7QMgCyAT/ORdFqsgUwIhQjMhEiiAT7OMEzTj6wi/6ULooygaynspISWN2fZN7ly"
    "L+9kW2+iklc2CRxSooo8VmZOkejQDh81lW67Sgz5Co0hmdECSdKspuQeCKrHlfMMBHIqpb"
    "oDPNkVpkvvA9w5Gayp1DOzPEi0Bu46tICB5JmPTV8blLrkPNDl6xyJBOXrrxxgy7KielNW"
    "QeVqtwhsfbOvmT3hcbvsWcqHmXu36XJv5/I7XGUCEmccJwEicUx6OhlOpSSnUYEWsGHaHN"
    "qyL8mpAit+KcjN33UXda8U39siO+wzWG8LmK9EhydVTJj/B206RdLYIEPQuiQkgC3rGDkQ"
    "08IkvwicEzJdQK27wDD/wM+gAOg7auHXx8BObwCTEgKukBfnMkuQk1T9LTve7dsMK55FeC"
    "m0BK8TNvOlkBPF8QKuqd23PsAouPvYAeoWjhwBWAUw8Ff0p7ualMbuiQfumQs5OTOvEGJy"
    "fl8QbiWu40zydKI1N02F7PqJfXZzUQfH1WCqC4lPOh8z1+NmsEYUpETxRP39ZA8TR/OktQ"
    "FJdycWvIg9hpQiklEkNilHSz5Yu9cDO3Imq4iPSnu+WVjEfGxjSE4XFaArgbHkfPgWdonN"
    "5pHOPdsoF3y255sOGCN9h6Z7cL4t0h5h0oSJ/42qiK8mG8lRe1Wkv4nAMKXZvMAePDyUGB"
    "f0o0tL5g4JBQwN+fx744Ct1W2AiITj08FWzNZCUvS0aG4T+FfwqhBaqnl7vcuw9zSB+x+z"
    "CSHE7AHUHhEUM9IBLCfgcCx2AmHWNkD0vszQQphCnAYg16ho7hd3bD7wQvr5HPRiJinDai"
    "+r3Ybeb3EglsE8GT428HCyBDqFHIRtReT4anj2gNGcKC7PGkEV+bl9MxUUwPeZ74JtSctU"
    "mkDGezc87GZJd5KW/SsG+GfdsZgKKgRTPoEoluQNPhgGGIN0O8DZF4q+NEJQkOWIS1kQNV"
    "yAndir78uV6DU+FAlV0Ai9hcu+iO8B91p23YydCWvtrTNVnTa4yzTpjHaCRVEJCpwbaeh2"
    "SpxrX8zyRPJxlC0QUQfbyTSb/4o68ielBEyc2gLRnB5BqiCNgcQFedXKyznpXlTkSf44h5"
    "FbcyxU76phAXZOE7JUm7K5ItpYX2Vb+Ug7kBanH7fQUsnt7NtPK82L7CJxbEZsilJPYJtI"
    "oTTWaHaamKp42JwwOyrn6Un13rTzNyY24P3we0gNQTIf16A5iaZIMyg+fjQlTaqCJ2pEId"
    "DVpbmdY1zOMOfhZZaZH1BDyRmzaTdVb+RWS+B99e8ffxDkA6DwzWEMzw4yxIACFjzUVlvS"
    "d+LaB3c/bxPm5z7waGbhd99kCY5hccQrCYEWEo9+QNRsAly6MRsJGF7aDLQMpB0Eb0GPw6"
    "ww4SSjF/DrJAbnD53hWBq3y0yOS8S4g9YWz/HVl8Eozk83Jc8TP2VkHCigcZrfwgLPQP4a"
    "3G0HsANkGMP4EHLOK73vG9ey+mnuez6Cve+2en356F3yn8g/mTOeaHi/gDPsynWDb/V/wU"
    "32Vl0OeFcG0Fhy4JAcD8XoJIH4m4DyLyIoqnE48efPURWM4Ihxw7TogOOzoGDwKD8ZTQB3"
    "464EM586ZsLiLQ4p/dJ0MtRk4cKX765ePHIMJkBBhJkoGI8ov8lcwJ8+SrlgJxFxvk6ghg"
    "POAtfot+l5MfM5O/o5/TSDQyGqCXFunEUqAHhplcpuHIrG1/jyW2aDGWa1FnZuPTOsEqp+"
    "XBKqeFYBWT/sSkPzHpTwJiwxjKM51sI/dtrFQ0fIcZQfMed/0epcK8wWtMy5lE1Dt+iTY/"
    "vAgfz03cyLKiW3mV/RjWXsSblMfUDV5jWs5Mx0G8RJ8qYqDLzzgZIR0dY9/UOuK8qTjjvC"
    "kecgJU+EEMK5wm1oEZi+kI5+lZnXLHvFXFkbFQ8jjAxVa7oGAX0lUVnpFcDs7JygtyAum0"
    "qFyE55R4PeGwXVz9dH7zP+qixxeKc83F/9xdnhdOlHPxfTbSjLOiZhnfuVYVcdbNlaq0pH"
    "mRA3mRzYJVslI6biHdJ8gxLt6jdtx3YGZqBl5GZk9jC4StsxlqKYk9xcwkZTVBBUMKKjBJ"
    "WTev8yNWsw6Qy5RYGdwCWBe71NK+Hrlg99zmqBsucBlNYlC+X/5EfPEJ+oFCV50IJdtiVO"
    "n3FbV9jNuu9fqK+381R4zxpxT5Q+ZYOlAx6Z3DDwOuJ5ybZK9BPhJ5wUPzhcOHw7sgJS20"
    "LLSQYwmQ6UHu/fV1n3v3V8SPMqLQz4KS+cID0HHIMugxvJN0PnqgaM5HCH+ah8D/iqU6Ct"
    "yyVsgDPkN2edhD9IgS9fCpxKgywQ89uxulwS4AWH6UzYmZNBYxVxdMhSbHirSMTlWou/Pq"
    "X9gbJjvIShrb/655sWgZb3ZEzEmZQ2IGyw4UzatUV8PDsa6umRsmQ9I2Q01eoWUmOn65dp"
    "kcY2ul2uNzFlHAsaCrY3D1gT/LfBIWglzMhHYGKeKXLbpaSA92h5Anf8HAo/BLp8R/nIEn"
    "tOJq4AyyGWLFKNee7qFU/LJUiNAqyAohvsAUVL98Wwm0dEzPfv47mYj/Is91ozF2rDGm31"
    "EDjTEnpqfG2L39Q/7fAMaovZ74da9xY3scrE1jvhoVgbxDn0tndE5QF0Sr9MXLf9xlVMWC"
    "X3XGAyFqnne2LkNYrOVNxmpRsi+MNaszy4ER5Sk2ATQjp8uQ7RtPqZI0XQAyQhshOSwfij"
    "7mfoBR02GaleoJWs2mfKD+iFDvAInGmlNGdIu+IxQ9+g6knbmQdF8daIYpEp6EJcE/alAz"
    "QlXEkW7rgOCBNA2PFLHeaMADLUBlXBFoVoXmuFas2QsYbph/VX+B6DNmqjDmC0IcBN0SDS"
    "cvm/cM5sJ9DUA149KJa/D19cfM3nxxld98f/l0ccmHoxyNSYBpkSufOvCxUXRpLGBiSzeP"
    "LbXjRC3NmO2C3D5x28bNs0MAfyeTZsglAvsEmXG6693pzs4krWqJ40vJgFVY6NfjGNopWg"
    "L4Y9CLvsgl69TmOZChg6jXsoj8uehjyNp3MfFxJureZUtE22IgO9FrPOWOHswXATb8MXhL"
    "G7XE44L3857/qjEiBork+B4eLPkAibKvtwRFy0z0GUwssapSBO3WSFD7hnej8fDg3wM/I4"
    "rbzpQPQT91nG0GOihs9IwtNGb4ccZP6yq6oRkeorfbsDONBwhyKXEcoeO1ROQy7khnNERR"
    "AYZgazB4P7do4Nni1mgdgWNa65VDTze9DBRzNCdU4bLYBIZPso9brx4bPlQk/vDxn+MwX2"
    "7LcfEz7+o26EljQGSMlUwY2RKOJiFngwXDdxA/ytL22+sN7+l72ZG+CkeYVnscZypmYwcp"
    "yM5GNY0Uib1fCjpbR2ao0wg9t9fGAg/ty2f91LFGHu0p9R4/Kqs/RKBF1bHWQ/dRRn9+iP"
    "vTdH7N8LQTOIKRdBt1pw8aG0U7BDOmNOQhnlDr4h5Q3LBG8EMg8gUDM8w8riWOZDgqJUsR"
    "9Aq8Gf/6QemDGb8txz/Kxj9/J0WnhFoIBKtGUFKAXzvIgdfTbe7dMKriUPge2SMgmG++pv"
    "MVmP8xJ8/iPwdNPVFKwPOpK/4W1nt+/UhGXoj8QUFUL5wQX5Z3mIND/qtrj+5d3w1+A77r"
    "EOtJSMc7xvjfjo7BuXhU+xVxndV34OEJrR7AHD4hFgT/yqfld+aKlajgQEQU8Iws+cf03i"
    "VTD7mifAOkFD9zkUPIm77Cc1HyYATEHwsHro5qVxjIGuOe+DVpAbAsn3Jsxvx1y8iOJDIm"
    "ejBTdKCPmA4+GJq4h4XNu/EN6x27nFfYSS23sJMKv7CTvGNYNH5r4xe219N/+6yOc+xZuX"
    "PsWcE5Nj3vCzCW+9XlxFq61e1Os6vpV6dOslnu+VWSXHOnjl/itjo5fjHiU5WzZ4XrbCyh"
    "5+zu3m2Wq3QqP9ByCGMBHVMk9pFUIlF9lKtjVQLYjKhJkLDrBAnGD3IjzdWkIDTekMP0hj"
    "QpCJulINxlfo6AmStlrGLibh1jFROGjRgr8YvgjWZcQWQjgI4fj8H9wck3705OXp2+5T/v"
    "DwCh/KOzM/HRSfCRqB8ZlMuMknI8uSILG/ZUeTv6vdl6YscQMxttb+XEjHx/TXTnWMCcPk"
    "xysZelOw9E9dNhSSkofk223fXKTWQS61216RvrvhSbVsrKOaLYmqn0lPBKpYoCkzbrtJNy"
    "mMxOv/Wd/pnrlVjFf5fv9SkRPXf7szdv6pgS3rwptyWIazm6kU+NBiCGzfUE8PSkljXrpM"
    "KadVKwZvE7esrovnJTQ0pkV9aG3vSkzuwKrTblttvLX/8Pz4cRgw=="
)
