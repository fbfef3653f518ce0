from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "bindguard" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "subject" VARCHAR(128) NOT NULL UNIQUE,
    "failures" INT NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ,
    "updated_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
COMMENT ON TABLE "bindguard" IS 'Roster-binding failure counters per openid and per worker; a lock survives Redis loss.';
CREATE TABLE IF NOT EXISTS "enterprise" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(64) NOT NULL UNIQUE,
    "name" VARCHAR(128) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS "card" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(64) NOT NULL,
    "job_codes" JSONB NOT NULL,
    "title" VARCHAR(64) NOT NULL,
    "body" TEXT NOT NULL,
    "topic" VARCHAR(64) NOT NULL,
    "risk" VARCHAR(16) NOT NULL DEFAULT 'normal',
    "source" VARCHAR(255) NOT NULL,
    "version" INT NOT NULL DEFAULT 1,
    "content_hash" VARCHAR(64) NOT NULL,
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_card_enterpr_5fee23" UNIQUE ("enterprise_id", "code")
);
CREATE TABLE IF NOT EXISTS "department" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(64) NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "level" VARCHAR(16) NOT NULL,
    "path" VARCHAR(255) NOT NULL DEFAULT '/',
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    "parent_id" INT REFERENCES "department" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_department_enterpr_28f2e3" UNIQUE ("enterprise_id", "code")
);
COMMENT ON TABLE "department" IS 'A node of the enterprise tree (company, workshop, team); `path` lists ancestor ids.';
CREATE TABLE IF NOT EXISTS "inboundclaim" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(160) NOT NULL UNIQUE,
    "value" VARCHAR(160) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "inboundclaim" IS 'Dedup claims written when Redis cannot be reached, so a retry still finds the first one.';
CREATE TABLE IF NOT EXISTS "job" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(64) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_job_enterpr_559f70" UNIQUE ("enterprise_id", "code")
);
CREATE TABLE IF NOT EXISTS "jobrun" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(128) NOT NULL UNIQUE,
    "ran_at" TIMESTAMPTZ NOT NULL,
    "result" JSONB NOT NULL
);
COMMENT ON TABLE "jobrun" IS 'One scheduler firing, unique per (job, period): a second firing the same day is a no-op.';
CREATE TABLE IF NOT EXISTS "question" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(64) NOT NULL,
    "job_codes" JSONB NOT NULL,
    "qtype" VARCHAR(8) NOT NULL,
    "stem" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "answer" VARCHAR(8) NOT NULL,
    "explanation" TEXT NOT NULL,
    "topic" VARCHAR(64) NOT NULL,
    "difficulty" SMALLINT NOT NULL DEFAULT 1,
    "source" VARCHAR(255) NOT NULL,
    "version" INT NOT NULL DEFAULT 1,
    "content_hash" VARCHAR(64) NOT NULL,
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_question_enterpr_cacf59" UNIQUE ("enterprise_id", "code")
);
CREATE TABLE IF NOT EXISTS "worker" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "employee_no" VARCHAR(32) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "id_number_enc" TEXT NOT NULL,
    "id_number_hash" VARCHAR(64) NOT NULL,
    "id_tail_hash" VARCHAR(64) NOT NULL,
    "phone_enc" TEXT,
    "phone_hash" VARCHAR(64),
    "employment_type" VARCHAR(16) NOT NULL DEFAULT 'regular',
    "hire_date" DATE,
    "status" VARCHAR(16) NOT NULL DEFAULT 'active',
    "is_supervisor" BOOL NOT NULL DEFAULT False,
    "flags" JSONB NOT NULL,
    "department_id" INT NOT NULL REFERENCES "department" ("id") ON DELETE CASCADE,
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    "job_id" INT NOT NULL REFERENCES "job" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_worker_enterpr_27d34c" UNIQUE ("enterprise_id", "employee_no")
);
CREATE INDEX IF NOT EXISTS "idx_worker_id_numb_28bd62" ON "worker" ("id_number_hash");
CREATE INDEX IF NOT EXISTS "idx_worker_phone_h_3645ac" ON "worker" ("phone_hash");
COMMENT ON TABLE "worker" IS 'A roster entry. ID number and phone are encrypted; lookups go through keyed hashes.';
CREATE TABLE IF NOT EXISTS "campaign" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(128) NOT NULL,
    "account" VARCHAR(32) NOT NULL,
    "push_time" VARCHAR(5) NOT NULL,
    "start_date" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "alert_threshold" DOUBLE PRECISION NOT NULL,
    "questions_per_quiz" SMALLINT NOT NULL DEFAULT 3,
    "quiz_pass_ratio" DOUBLE PRECISION NOT NULL DEFAULT 0.6,
    "quiz_passes_required" SMALLINT NOT NULL DEFAULT 1,
    "min_identity_level" SMALLINT NOT NULL DEFAULT 1,
    "status" VARCHAR(16) NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    "job_id" INT NOT NULL REFERENCES "job" ("id") ON DELETE CASCADE,
    "supervisor_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "alert" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(128) NOT NULL UNIQUE,
    "kind" VARCHAR(32) NOT NULL,
    "summary" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "campaign_id" INT REFERENCES "campaign" ("id") ON DELETE CASCADE,
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    "supervisor_id" INT REFERENCES "worker" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "alert" IS 'A supervisor alert; `key` makes each alert condition fire once.';
CREATE TABLE IF NOT EXISTS "delivery" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(128) NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL,
    "account" VARCHAR(32) NOT NULL,
    "openid" VARCHAR(64) NOT NULL,
    "channel" VARCHAR(16) NOT NULL DEFAULT 'template',
    "payload" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'pending',
    "attempts" SMALLINT NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ NOT NULL,
    "claimed_until" TIMESTAMPTZ,
    "last_error" VARCHAR(255) NOT NULL DEFAULT '',
    "wechat_msgid" VARCHAR(32) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ NOT NULL,
    "sent_at" TIMESTAMPTZ,
    "campaign_id" INT REFERENCES "campaign" ("id") ON DELETE CASCADE,
    "worker_id" INT REFERENCES "worker" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_delivery_status_d37255" ON "delivery" ("status");
CREATE INDEX IF NOT EXISTS "idx_delivery_next_at_a34d79" ON "delivery" ("next_attempt_at");
COMMENT ON TABLE "delivery" IS 'The outbox: one row per message to send, unique by `key` so a decision is made once.';
CREATE TABLE IF NOT EXISTS "enrollment" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL DEFAULT 'enrolled',
    "completed_at" TIMESTAMPTZ,
    "completed_identity_level" SMALLINT,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "campaign_id" INT NOT NULL REFERENCES "campaign" ("id") ON DELETE CASCADE,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_enrollment_campaig_0370a0" UNIQUE ("campaign_id", "worker_id")
);
CREATE TABLE IF NOT EXISTS "identity" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "account" VARCHAR(32) NOT NULL,
    "openid" VARCHAR(64) NOT NULL,
    "method" VARCHAR(16) NOT NULL,
    "level" SMALLINT NOT NULL,
    "bound_at" TIMESTAMPTZ NOT NULL,
    "active" BOOL NOT NULL DEFAULT True,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_identity_account_1e2a2e" UNIQUE ("account", "openid")
);
COMMENT ON TABLE "identity" IS 'One WeChat identity (account + openid) bound to one worker, with how it was verified.';
CREATE TABLE IF NOT EXISTS "cardread" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "card_version" INT NOT NULL,
    "identity_level" SMALLINT NOT NULL,
    "read_at" TIMESTAMPTZ NOT NULL,
    "campaign_id" INT REFERENCES "campaign" ("id") ON DELETE CASCADE,
    "card_id" INT NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE,
    "identity_id" INT NOT NULL REFERENCES "identity" ("id") ON DELETE CASCADE,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "quizsession" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "question_ids" JSONB NOT NULL,
    "position" SMALLINT NOT NULL DEFAULT 0,
    "correct" SMALLINT NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "campaign_id" INT REFERENCES "campaign" ("id") ON DELETE CASCADE,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "quizsession" IS 'One chat quiz: its questions in order, how far the worker is, and the score.';
CREATE TABLE IF NOT EXISTS "answer" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "position" SMALLINT NOT NULL,
    "question_version" INT NOT NULL,
    "choice" VARCHAR(8) NOT NULL,
    "correct" BOOL NOT NULL,
    "identity_level" SMALLINT NOT NULL,
    "answered_at" TIMESTAMPTZ NOT NULL,
    "identity_id" INT NOT NULL REFERENCES "identity" ("id") ON DELETE CASCADE,
    "question_id" INT NOT NULL REFERENCES "question" ("id") ON DELETE CASCADE,
    "session_id" INT NOT NULL REFERENCES "quizsession" ("id") ON DELETE CASCADE,
    "worker_id" INT NOT NULL REFERENCES "worker" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_answer_session_b79a84" UNIQUE ("session_id", "position")
);
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);
CREATE TABLE IF NOT EXISTS "campaign_question" (
    "campaign_id" INT NOT NULL REFERENCES "campaign" ("id") ON DELETE CASCADE,
    "question_id" INT NOT NULL REFERENCES "question" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_campaign_qu_campaig_9b37a0" ON "campaign_question" ("campaign_id", "question_id");
CREATE TABLE IF NOT EXISTS "campaign_card" (
    "campaign_id" INT NOT NULL REFERENCES "campaign" ("id") ON DELETE CASCADE,
    "card_id" INT NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_campaign_ca_campaig_fc6f2f" ON "campaign_card" ("campaign_id", "card_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXW1z2zYS/isYfUrm1JzjpG4n6XTGdpyeWzvu2c6100yHgUhIQkwRCkDaUTr57wfw/Q"
    "WkSJGUCAtfnIjEguSDt8Wzi91/RgtiIZs9O7YRdUevwD8jBy4Q/0/2xhiM4HKZXBYXXDix"
    "/ZIwLjJhLoWmqGcKbYb4JQsxk+Kli4kjih4D5i0RvceMUODLvQYf79DqI1jAO8QAguY8uA"
    "5M4lhYyIEppggQx0TPxEMsYvKnYGfWUX2egz97yHDJDLlzRHmtH/7ml7FjoS+IRT+Xd8YU"
    "I9vKQIQtUYF/3XBXS//aueO+9QuKV50YJrG9hZMUXq7cOXHi0tjxgZshB1HoIlG9Sz0BnO"
    "PZdghwhGXwpkmR4BVTMhaaQs8W8AvpAvrRxRSA4SWOjWg5/jbM/8CZeMp3h89f/vDyxxdH"
    "L3/kRfw3ia/88C34vOTbA0EfgXe3o2/+fejCoIQPY4Ibb6AicKdzSOXIhcVz0PEXzkMXAb"
    "VT7Bbwi2EjZ+bO+c/nhz9WIPW/4+vT/xxfP+GlnopvIXzwBEPqXXjrMLgn4EzBx1++EX5h"
    "+W4AjC4kCCZjvQ8IXxzWQPDFYSmA4lYWP+YtFpBKuuAt+lIyeFMiqqBYgdrt2Z+34qUXjH"
    "2202g9uTz+0wdysQrvXFy9+yUqnkL39OLqJIeqGO1FSH+9uXonhzQqn8PzvcO/84OFTXcM"
    "bMzcv/tCd/TT1HNMf0GYeNh2scOeicf+POoFcwFENeZ5eAU2hLkz6tfiV5DH3KRIoGJAt4"
    "j8G37HxQskRz8rmWsDKxR9Fv1HvR5+fnl2c3t8+XsG8jfHt2fizmGmi0dXnxzlmiGuBPxx"
    "fvsfIH6Cv67eneVbJi53+9dIvBP0XGI45MGAVvqzo8vRpWxLwsUS4pljNNIpclLrlQtJw4"
    "Xr3zbn907UiwQ75LiILilmqBl6BbmN8NvFAtkxgIkO3QzAgtwedUCxKZjeSdXbaFQWkXxL"
    "KOI3fkMrH9Bz/laQ70Mk0IW7r9NUVYOD8VvUH6KryVtQ+BDvl/KzFP9K/m3IDbTW45vT4z"
    "dno5L+2AGEfxB6h+roaMMFsDDO1kOYzG0dQHiWqWx482FdHAsTvhxHMbQn0Lx7gNQyMmNc"
    "3CGHJHclLlu8tThc5K9AB858FMS3iDePiBaHPfj0Q5GCCe6MKzmYpMw6EqYcVgkV8mHEEG"
    "NCMFB6fAZl9LdmSPplSGKkC+jdLKBtl0KYllNMm3lx+MNRDKP4UYXgzeXxxUVRkeGvzMTj"
    "jXtEmRS+UuRkoooh2Jk+aM4JNiULRznFlEioQo9kSaY6LF05R1dg6ExCKTIlm/ITQmwEnR"
    "IQE6kcihMuNkwYK3A7ubq6yGy/T87zNNL7y5Oz6yfPfWB5IRwsxMUOiS2+dGN3xRvsHtlN"
    "J8WitGIDu4upMVAQNuKKcqKaLNo1WRR36IbqVUZKsTHQ2eIWL/SNwMtJ7St44WagIU2UEd"
    "pX6B58HqIZchmZfQKugl1L7Udb0hr/9fDXm6S24SFZmx/KDLD15NBDTIlti1sbMHiZMbYe"
    "u2gh6KT/JVWpi19uZVyPYKSHdIDgeaoqdRHMKWZDIiVPODq/eLyakYSXTG6Oq6jJCS82i4"
    "utdRG75soyot8JKQ4uL4VtjyJgEk+wtwwsEQVkiRxsAehY/s9gCL8GENjEvAPMo/f4HjFw"
    "jSzM+DXGip5j/T1GO5RtnS5l3uSTlG8pZ6xSItqxLIQxHASsQSdMi2xPQT3YdVdMMBNTAb"
    "IMPmtgCTFVTazkZTtgVnZmxHwUxIq3tDb0p8pKqkmRjSiC1pVjr8J+pEjLhl0+1bD+yxe2"
    "kLvRoGIPDokClfbuKNef0u4k3Rp3tVrSr1ri/9tAJ4nKq2lD60UlgaavkTdBMSWiJpDde7"
    "wvPTY3ooWnLo4ZITWR/L4GkN+X4vh94eCAC6lriEVcrh6U7DQyUlWqwTAhrcBQLO35YwBc"
    "h7Cx0wihtMxjx8c/jGa4c67bzIktWVjf2gSWLK0S2RxcUyGsHkxX708uzsDv12en5zfn4T"
    "mJWH30b2Y9BK7Pji9KzHrMWCJqfPbw16ZuAvIatrepfdFakenGhQp/NZaQMYN/HyaN+qdE"
    "dpv98+DZ0YC7ZwgN4uAg/osiydhf10HldWyviz4fRBddYGFsaOMRJK9h33DkionrSci+Ct"
    "I0ltiePsj1eRff+2t/N9uUozq7lDxXkdqkHBW8/fb6FN6jYY2KdKA+WDZuR45/IpNmyCUC"
    "+wrZbs/iKQpghbuQPgi1+UGo3FDuAMBfg1rURS6ZoIZ6jHHA4NU8x1huqMnRKBLd9SSUe/"
    "vbNbJhyVGofGijodpUC4DmQgZweITy1RKGU17umlejLhL8M/gOgWKZ50ITJN4E9dRxJxso"
    "EsihxLYXyGk7Ns7iitSacoqkS+gc2xKPZr7CA+odLW3b2elGAuIldFa3RPytuZCdhp6AQ/"
    "OvqljE/Dc3Csb74Duo6Dt8D5+P/hBgRagPswhhFk3ZwdIXt0B8KxMkwZ1T4s3mmTtm+ETp"
    "qsmvGwVI5Qx5B43YxnV5aA2Z/pYmjZlzfN6gQdO+5A0adY2/idxZ93Stn65Z10W3kY/Jh9"
    "wOzOQP1vED+vY88VEuIFdxfjssr6aZ/+hlDUr36GUppStuFYkrgYlkriyPaJcRGlJYO/FA"
    "lcLaudi1G3XfWED33wDBCbEaxbeMyquCX5WRoY/gli5ZYrNRj4wEVEG07x7J1/+7JgBG5b"
    "doaHQIXUB7wIZGRjzaLC5LIqFmPzz8vo4LHy9ViqJ/Lwtj8+BAO4kJ1N5JoLuAQITr8I5r"
    "zCGbN1Mrs3JqdsLuJ0NtWN6gQ2oj35ajHaYW761aGQaEaZf0aZpJakuh1o4KO3j2Lf0tRf"
    "YtopzzNGqGWisybzHL2ppGjTtBJeHmd+wS0i3q9NXEG41K6QNeA1t2xlU0m+hpzdXJvNg+"
    "reI6rF+nPrxi3tjA8TQlpqbXqSJeptFn69wPfe1Mk7W+yeS7f7snHT9Sx/Eb1J5dB6HbPA"
    "hdtIVpidymrjjDwS01mddBTedlaZWXRUfuUydyX+zLKqEl0n6u5bSElS61Nmzf7RwB4rkT"
    "8uUVIA4ClDz4QfMWiDH+hsAlgCHHGoOgGcFkFSZqZQRAYCETi90wwAwsoFWW7rWvh2jqRO"
    "eA7RI7nQO2Ywg7N6XruEIlKDaKKxQESG0CYiKhJobd24LNOXQcGftZlW0nFtmie4yLFks7"
    "jMIz0FG9hCubQEmHLHfaTInsymWzNya0F+fMIUaNKKzfIz7NiLjOA+6r0BUDSnZOq9rskZ"
    "ZTKeJuF9YOB31xjRCADaweEvHtWD/6sbE/DuOHDTnMGwZQLgjrCMo7bk4bMtdAlMrOvJev"
    "EFmpLeo0na0PvTiqPiCu6bnGgs2aKdl5ORUB7X6zst9hmh7TJMOET3HzZkyJ6XVi18u+9n"
    "lQzAKtJm4VBmhtDmxpDty+BX+44NUw4O/KDriE1PUDuUgtgfHdcbUtMFNurTXwGDhEGNim"
    "wJ0jkJxE4NghBJ6YhHc1ZzX2U2qxOVmOgYvg4ulr8HEJ3flHn29jQPQa5hIKsCXJ4NXTM3"
    "QMg4FYCHUMg1Erw4LOPtLaylril15BZJS4oqsCYg8WGbfRidGo/BYpi38PmwTSZ0U3WlfS"
    "XZCKjX8j8DIyeruU7U8daPx7dsa22B07wDCruw+uO9aFMDPUNj+ibM6xbfGaisA2iwCqJK"
    "aSbXnL49oqOtW3PaxduY9OBUSV7KOz4VLL99EoW67jSHtpRiskZ/Qute/U0wN0h5EouUHH"
    "Q1Znum4PaVTIYimm/o0sdDlZbd/ZtX0nbpB2h7yr6lFLL+/C/2m/TdiPONPQ7syhj2CDr0"
    "/kqmwQHdAGYqyeRXTA6A3WJJoin6RbuTQ1VbWVy5TTcZsGNtGNB2ta3O7xQ21YHKBhUSvy"
    "j0iRL6hUdfjqbSYwG5CSIN31tA4tqqKymUNCmlypaYBVhRFIPMxaJ3FrYMIZKhqfyKQlDM"
    "pl2sx8f0WuqmZZ2zZPUzUQJLQ1r48tYBx+SLIBTIcmKt/+pWMhrfeHvXIQ+ANxFdkFkSB4"
    "EgaUAP8CQVSEp2DCf1siio0IbhO0/Bg8YHcO5uQBYBc8QAZEpkv+mVbRI7a3p0itjal4GG"
    "FUB21s7HnfqqOWdHEQUEctac8BLPhEQBphmEioiWH3Bu+NDKL7HOzaX7g24EzScmoyJoow"
    "JLVcA7iihO8lBOIJITaCTtkyFgnlGnDCpfpqs1g76LrNTq6uLjLNdXKeT0L3/vLkjM8nfj"
    "vxQjiwnGjjpw5HPHTTXWqkO+yh9d712K9ELTwL3J6hMyj1so13/KX9VIQBGsm28un748rt"
    "fFDSjEuu3dK/QZa3BL4AAw8Uuy5ywMOc/7lGFmbAhI5DXDBBgLe9OUfWOIhCS5FLV4C52L"
    "bBlLcH84+vTjFlrtiQF3f1fT5I25514NsuscvtmA5qbZkOKvZMB4XkndD2GlmfYwFVt509"
    "gLjf5mfVN1MN7M19Lr7CwiRZc0PDU/lS+yks0PHhFx2iYftrmQ7RUJiJtSeVzqOsLAmiz3"
    "j3m0dZOzxpt4aeVbJrzynRysSddYoZDcvUcmhggmzwbEQFqcCxiNPuiJQ8T3htY/E/TKyn"
    "rwAEDHEsrLCoT0Uw/orAgiuRjwcCh3xHlnKfhr4epNkPzX70pu304jdOobNJtt9YSm/Yd2"
    "395FUJSAotWJ6hJJHYVYKS0U9TzzFFq4GJh20XO+yZeOzPo17atLO0JQMhSmIvVMm6nPZQ"
    "LV+ZP6dLad5E+VVQ8yaFhbDRvp+rfIbARLJ/KJ9HM0JDmkrFA4c+lWac833UGnTfWEDN/l"
    "tHjyvX4go6HHPRoojeLfpSMm9G5VUBr0pbO/vztro7xsraxdW7X6Li+T6ad+ctOSlSPhWk"
    "RHTStzpDHsZOOLX9zmMJVfptr4MefVnaXD+MlLi6Yz8npgqU254CXLLEZpPeGQuogmjfGp"
    "WFp1Ns8jeV0DPVDulZye0ZUp63Vu+7cElnxKNmI2UokVCz7/US5PoeUSadGku7XUpCpT7X"
    "WdArXr0r4ubOIWsUYD0vp2Yn1Kbk9oBqU7LKpuT99a1vSdXWssZfQmd1S8Tfmj20jUm+bz"
    "azonf6b2/kOOn0t1DRh5AVF8kGZiDUh1xY6VJ4hn07bpHwdiQa3nbnlHizeUYwzXNLhwa/"
    "buS54m9ryHf89QYxVsq/J7fH1RQ8/spSBWtZyEUaViAkXwHsMhCDB7ADCLXEuXtx5H4KqW"
    "+nDpwiAGZjAMUJfWG6NvlcKbeKd1m5toRv3QaQGg6NuKu8nCaw6hBY/D6Wky/Vu9u03PY0"
    "u4PW3baTaNOEUmRKbNXrQnbHYvuGGNcS6GbnKrKS2k1j124aU+xgNt+oKXOiOhXBrlMR6F"
    "TTOrS6ji4wHBakRnQB2fjtAL39ydOtKaRd+eCHI1TCNSRjt5xmSCaKOkm2KV8q+Z4eOS5d"
    "PQPnb/i7LCb8gtjgL+civB+kIjW2SVdL3jCvgU3InbdkYEZAyL+AO7RCFhDmACRNst3LM2"
    "p4IqLF0iYrhPi6rh0S+yYj0mAXACw3JuXE1LQldR9gUB/rLODXyBaHLSOYZAw+rRSBLHeX"
    "KQiqgui2HWYSoJraj4uSfWGsWFYMDowLsb0JoBk5Vbps33j6ukXTCSAjtBGSw+Ja+hj7AU"
    "ZNu2lWqidoFRvygfojUg0YTV3iJaJbzAZL0cyzoV//QGPjzjFFhqBI5eyrHNSMUBXvqto8"
    "IHjUoqlBhbzDSdzWgXY0zAzmLRG9x4xICLrKoLQF2S3GppVzAl10tg6D005tOGtk3I4F9P"
    "mszW3dSSqdZsR9QW6fyHvtC9ohgOKoZSPkEoF9gky7z/biPiufCzvAUdXUYnkcCxP9ehzD"
    "oI0tAVQuKVkeuWSeamF222Lmx+FYMSXHSffR8pjZwoV7B2QZOjCcjpYvSYlpY5GGTRbmol"
    "lGTL+elbrzBXIose0OkoOexRUp3C/C3H6t+0U60aGiUIjjD0Z4LKN1rtDMSRCFAOnTm+WY"
    "zz+mYN4K3izhnXGVNwtMynQatUq7g3SxXy93Byk9jl2RZqH0PLYiFsxezrWLodEAxLC4mg"
    "A+P6iVqeKgIlPFQTFTRXBcvQmHnBLRZ6PK+OIC9VS+c+1+efn2f6GpgCI="
)
