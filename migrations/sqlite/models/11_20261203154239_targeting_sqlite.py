from tortoise import BaseDBAsyncClient

# SQLite cannot drop NOT NULL from a column: the campaign table is rebuilt (SQLite's documented
# procedure, https://www.sqlite.org/lang_altertable.html#otheralter), which needs foreign keys off,
# and that pragma is a no-op inside a transaction; the rebuild runs in its own BEGIN…COMMIT.
RUN_IN_TRANSACTION = False


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        PRAGMA foreign_keys=OFF;
        BEGIN;
        CREATE TABLE "campaign_new" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "account" VARCHAR(32) NOT NULL,
    "push_time" VARCHAR(5) NOT NULL,
    "start_date" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "alert_threshold" REAL NOT NULL,
    "questions_per_quiz" SMALLINT NOT NULL DEFAULT 3,
    "quiz_pass_ratio" REAL NOT NULL DEFAULT 0.6,
    "quiz_passes_required" SMALLINT NOT NULL DEFAULT 1,
    "min_identity_level" SMALLINT NOT NULL DEFAULT 1,
    "status" VARCHAR(16) NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    "job_id" INT REFERENCES "job" ("id") ON DELETE CASCADE,
    "supervisor_id" INT REFERENCES "worker" ("id") ON DELETE CASCADE,
    "audience" JSON NOT NULL DEFAULT '{}',
    "owner_id" INT REFERENCES "department" ("id") ON DELETE CASCADE,
    "content" JSON NOT NULL DEFAULT '{}',
    "kind" VARCHAR(16) NOT NULL DEFAULT 'manual',
    "rule" VARCHAR(32) NOT NULL DEFAULT '',
    "updated_at" TIMESTAMP
);
        INSERT INTO "campaign_new" ("id", "name", "account", "push_time", "start_date", "deadline",
            "alert_threshold", "questions_per_quiz", "quiz_pass_ratio", "quiz_passes_required",
            "min_identity_level", "status", "created_at", "enterprise_id", "job_id", "supervisor_id")
        SELECT "id", "name", "account", "push_time", "start_date", "deadline",
            "alert_threshold", "questions_per_quiz", "quiz_pass_ratio", "quiz_passes_required",
            "min_identity_level", "status", "created_at", "enterprise_id", "job_id", "supervisor_id"
        FROM "campaign";
        DROP TABLE "campaign";
        ALTER TABLE "campaign_new" RENAME TO "campaign";
        ALTER TABLE "enrollment" ADD "due_on" DATE;
        ALTER TABLE "enrollment" ADD "source" VARCHAR(16) NOT NULL DEFAULT 'audience';
        ALTER TABLE "enrollment" ADD "since" TIMESTAMP;
        CREATE TABLE IF NOT EXISTS "rulefiring" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "key" VARCHAR(200) NOT NULL UNIQUE,
    "rule" VARCHAR(32) NOT NULL,
    "outcome" VARCHAR(16) NOT NULL,
    "detail" JSON NOT NULL,
    "fired_at" TIMESTAMP NOT NULL,
    "campaign_id" INT REFERENCES "campaign" ("id") ON DELETE CASCADE,
    "enterprise_id" INT NOT NULL REFERENCES "enterprise" ("id") ON DELETE CASCADE,
    "worker_id" INT REFERENCES "worker" ("id") ON DELETE CASCADE
) /* One event rule applied to one workforce event: `key` (rule and event) makes each fire once, */;
        COMMIT;
        PRAGMA foreign_keys=ON;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "rulefiring";"""


MODELS_STATE = (
    "eJztXW133Lax/is4+yXS7UpXVmI31+npOZKspEptq5Hkpm3Us+KSWC0sLrEBSMmbNv/9Ys"
    "D31yWX5C4h4YMticSA5IO3wTODmf+MFtTCNj88sTFzR2/Rf0aOscDil/SNMRoZy2V8GS64"
    "xtSWJY2oyJS7zDChnplhcywuWZibjCxdQh0oeoK4t8TskXDKkJT7Dt094NUdWhgPmCNsmH"
    "P/OjKpYxGQQzPCMKKOiQ/hIRY1xVOIc99RfZ5DfvXwxKX32J1jJmr95d/iMnEs/AXz8M/l"
    "w2RGsG2lICIWVCCvT9zVUl67cNzvZUF41enEpLa3cOLCy5U7p05UmjgSuHvsYGa4GKp3mQ"
    "fAOZ5tBwCHWPpvGhfxXzEhY+GZ4dkAP0jn0A8vJgAMLglsoOXE23D5gffwlIPjV9/88Ztv"
    "v37zzbeiiHyT6Moff/c/L/52X1Ai8PFm9Lu8b7iGX0LCGOMmGigP3NncYMXIBcUz0IkXzk"
    "IXArVT7BbGl4mNnXt3Lv58dfxtBVJ/P7k6+8vJ1Z4otQ/fQsXg8YfUx+DWsX8P4EzAJ16+"
    "EX5B+W4ADC/ECMZjvQ8Ivz6ugeDXx6UAwq00ftxbLAxW0AVv8JeSwZsQUQXFCtRuzv9xAy"
    "+94PxXO4nW3oeTf0ggF6vgzvvLjz+ExRPonr2/PM2gCqM9D+mP15cfiyENy2fw/OSI7/zF"
    "IqY7Rjbh7r/7Qnf0p5nnmHJBmHrEdonDD+Gxfx71gjkAUY15Fl7AhnL3nslaZAVZzE2GAZ"
    "WJ4eaRfyfuuGSBi9FPS2bawApED8Nf1OvhFx/Or29OPvwtBfm7k5tzuHOc6uLh1b03mWaI"
    "KkE/X9z8BcGf6F+XH8+zLROVu/nXCN7J8Fw6cejTxLCSnx1eDi+lW9JYLA1y70wa6RQZqf"
    "XKRUHDBevfNuf3TtSLGDvsuJgtGeG4GXo5uY3w28UC2TGAsQ7dDMCc3AvqgLApmD0Uqrfh"
    "qMwj+T1lWNz4K15JQC/EWxliH1IAXbD7OktUNTgYfw/7Q3g1fgtmPEX7pewsJb5SfBt2fa"
    "315Prs5N35qKQ/dgDhz5Q94Do62nABzI2z9RDGc1sHEJ6nKhvefFgXx9yEX4wjDO2pYT48"
    "GcyapMY43KHHNHMlKpu/tTheZK8YjnEvUYBvgTcPiRaHP0n6IU/B+HfGlRxMXGYdCVMOaw"
    "EV8suIY85B0Fd6JIMy+neGIfll9BSNMlEDjwtp3qRD3iTCP4fe9cKw7VIIk3KK6ThfH//x"
    "TQQj/FGF4PWHk/fv8+pN2CMnj5jxQvhKkSsSVQzBzrREc06JWbCclBNPsYQqpEmaeqrD3Z"
    "UzdznezqSMYbNgq35KqY0NpwTEWCqD4lSIDRPGCtxOLy/fpzblpxdZcunTh9Pzq71XElhR"
    "iPjLc75DEkss6MRdiQZ7xHbTSTEvrdjA7mJq9NWGjRikjKimkHZNIUUduqF6lZJSbAx0tr"
    "hFC30j8DJSLxW8YIvQkDxKCb1U6Px9UzPkUjIvCbgKzi2xS21Jdvzkkd+u49qGh2Rt1ig1"
    "wNZTRvEWfluM24DBS42x9dhFpEcX/S+uSl38MivjegRDPaQDBC8SVamLYEYxGxRVuSThDF"
    "lEV8Z3x5WU5ZIkZu06vmML4pCDJaP3zFggm94T5y0ynC+e8xVH9MlBU2wwzJBLH7AzRtwV"
    "HcdC1LFXyODIQHODz8doRpm4htGeYZrUc9zxKNNsvT3o1qFL7BBr/xD9jM/mhitquwtnae"
    "m0Jnr2iqO52FaNEXZMtlqKnjsWj7YQ4cgRG1WGuOgW4snInWNk2kT8pd3YdkPHyuafQGM3"
    "IcXSUio6tb35pgYv9uabUmIMbmVoCH+ENIExIaImudi9X5s/uzQBMZZQE8Pue2JiOp6IGT"
    "gPZoWPYF5UFVS37Suo/daeC+mIvyyJqG6DlkxLbqclO14WVW/IHJ+ym+3EqWigM/HrqGAz"
    "Ed2r3EpMRSkzLFVjIyHU8gPoVYg4B0vMOPgAiypEWyOoRqjwiWMlhHNPqPehOu8zA98hPo"
    "edAOj7BRuIbh9w6ywNsRPB4gEm+unKr+JpTjlG3DQcscNAYj/4EYkKuDeFb53igyfizg+4"
    "KcYMEvsGx92XbyBqc5G0eKFjvW/Yzb4h7Km1zehBeRX3Ct1ruXqv0AWKWgNTeeFWVwPTLV"
    "nekh7faEAmxDpow515QT+fJpw2Ot2aENne4jQadbU0dU/B+OqwgKShI0tG7CUZxrVHQfce"
    "Bdocvrk5PBqLGj6raG4akjEXGJYfPFHNqIR+8W+O1/Ev91GxtQTMlVh1MTsIGZGZQWyPYS"
    "Q3aZhxtMQM+aYJafqEP0NSxEA2NR8Q99gjecQcXWGLcHGN83xwkP4eo0mTrZMm3Jt+LnSe"
    "L9esEiIqUie9xA4JBgFv0AmTItvTDY523RVjzGAqELO3mDVIwSmD6s1ZVlbv0Ha9Q1taGx"
    "JfaUk16ZIRw4Z16diroB8p0rJBl080rHz5gdivokP6BQpU8gB/uf6UjBjQ7fldrZb0q5bI"
    "nw10krC8mnaIXlQSbdDpwqCz9Ph8Ei48dXFMCamJ5OsaQL4uxfF1zv/LNZg7gUW8WD0o2W"
    "mkpKpUg2FCWoEhLO3ZSG9Ch7CJ0wihpMxzx0fGG524c6HbzKldsLB+b1OjZGktkM3ANQNh"
    "9WC6/HT6/hz97er87OL6IgiFF6mP8iZcio97X52fvC85o8knS8wmv3rktzy01We+i2vY3q"
    "b269aKTDfxMMhvk6XB+UR8H6GN+meB7Db759HhmwF3zwAaLMDB4i+GC8b+ug5aXMf2uuir"
    "QXTRBYGTY23COxTX8NJwFIqJ6xWQfRWkaSSxRWu02O6SR9yZTfrVmzq7lCxXkdikvNHuUs"
    "+SNcrTgYZnEewUhTUqj1yclNHRi1tEL6aOi4s2/uXQJ0Q08psjP/wI8sC2eoY94CWBeXYj"
    "riUsr6KTV/d01YDMMNqe1sr9WAffbmdd/kynzZCLBV5QuO3UOecnp6mDY1LkhaKmg7x36h"
    "6qA2xvHmA7M/11AOCPfi2D64R1gYvndB0dfwvR8eVy0AF67/DSYO4CD3QKrItgcnVs6pqc"
    "MXsVcI2ngdz3f73CtlEShzybbVAZLNOMBsADZFlLGM5EuStRjbpIiM8gj5iRIk/TJki88+"
    "upE8ttoEhgh1HbhjmiJRTnUUVqKQl5I1kQKaclHs0CdQ60d8wI1NESiSvPxt/LitQCoqVT"
    "ZnreLcDwg+Gsbij8X3M9PwuOsAztYEDFQi7ffJLzOvW/g0HXwdYkxsn3M/WxokzCDOlVw7"
    "XL1wGiFohupRI4uXNGvft56o4ZPLFQfRDXJzlIi107OmjENgFUh9aQyW9p0piZ8KsbNGgy"
    "om2DRl3jKF18yuxs7QEzs+7ZsvKWKExulN7Fy0Ar2dxG2mV6/JzC32zbP7X78/HAFQAmBX"
    "NlueE0JTQk0yk8UCXTqUvcZna/SED3Xx/BKbUa5d4Oy6uCX5V1r49gmi5dkoJApVURiAMB"
    "VRDtu0eK9f+hkSk/KL9FU75D2WLQ7hCceqxZdrhYQs1+ePy6ztkTUaoURXkvm2QPywPDxr"
    "14Km/mG5UX1Qv95gt982SRO8kR2d7PuLsEkb5zXuOI+Fk5NaeD7pcl7VqzQYfUJvst58RO"
    "qFFbNXwNCNOidaMDIP4erycKYdEhqZ/kN9sS+3GABdU54eS35Dnh0BCSJfdThG+eD464/9"
    "bkftQJKmlgOchLqOBwAqimg1lYqs94GcnE9hIFndS+czoY+l5zZTsr9pJ0HJ0Eu9NDkjCT"
    "bHAQISGm5rG+53QMIbPA1Z5EUlIvyLM557XWELdIQrH5ovt5V2db1zGqewWugtHQMao3j1"
    "EdbmpaIrepy9hwcEtM5nVQizefrZGrvScfjs9iHryUBqHzXD+nPNdJEq6Eq0hwdNV0RWKr"
    "uj5A+jm4vKNABBkIKoCs0uIfpIPmiLjoyeBvkaRc0ZIKeCGx2x4UHIeC+/mQ6F1WXOhQF8"
    "6q4edqb7qe6RNFzJRDAFFbKrVL4nP0VNAuidolUbskPq8eOXyXxC7x0+6I2h1RL/LVwfJe"
    "dATK52Wq0uaWtsS3Jm/rkre7Yc6isA0FtFkypEM5Z2YlS60lzG7mGFHPndIvbxF1MGL0Se"
    "bzW2DOxRsilyKOHWuM/CZE0xW6e8CrO8QpMpCFTSIJMcLRwrBEVaLX5Mmzvh6i0/ZsnTUD"
    "v7cGumFQXGcRVCZ+7LB3JzrlUQmKjWLI+rlbm4AYS6iJYfc8gzk3HKfIb7CCBI9FtngA0s"
    "WLpR0kCBroqF4aK5saBR2yfJOcENnV5ri3jVkv2+AhJrTIrd8jMc1YQTSmgfZVw4UBVRSS"
    "rNphOCmnUjLgLvyEHfzFnQQAbMDDFIhvh4zp57zK8+BibEPAvGFu55ywDka/4+a0De5OMG"
    "NFoXHLV4i0lIr5GXrh/p+w0PTcyYLfN1Oys3LbW3Y7w7P7vQrDJhZv1cikF4tsBOEODib0"
    "vVnRNpBnMlFz8KJq3owJMb3W7lp10ieuFDv/oiZulVZAfRih1WGE7Z8fGi54NY4P7cqWGi"
    "WZKLSmJlNQVNlTU+XWWlRPkEPBSDlD7hyjOEqMwA5jtGdS0dWc1RgBbHxOl2PkYmOx/x26"
    "Wxru/E5ylhxBr+EuZYhYPG9Q7ekZOtLvQKysOtLvqNV+R/5sgF9YXk38erFUl0TFqCCDSg"
    "JhqAJiD1Ytt9EZmbD8Fnm0/x02kabj+G20riS7IIONfyPwUjJ6u5TuTx1o/C8s/mG+O3aA"
    "4TNJH5caapuHj6yI99cscqKCO/mMTw6xLQFpOxwU7VwF/ETLDqFibJO2UTTXEAqPxMTX5H"
    "7u+u9WQCqkSoyriQUoy5Nla5ALvpTYu1vIwS60s+QAFsQhB0tG75mx+Ioj0yai/yKx93/C"
    "FpqJPb6B/D4xRg946ULEgge8wjKGwdw/SZxhGPp50K2z54iNApN1GZYYrRxiJ3Bsz/bHED"
    "BhQbkrPbylh3hYlf8y4+hN4K1c7MDbeC4uZS8yPEUyKCXH2AGLiI5LqV3EN98zHtXaNB5V"
    "7BqPspsev6s3QTCWUHPr3QP/408TjSigWESjGNqa/Skyh+I6W3Mkpv0Fdm1s1gEDdcDAl2"
    "PxS2R6LlDO03mgyxVznC7XcebMpO096FVZe1pKT/W98LWa2rWaOsQDEQUUvd8ZsdUZU9+9"
    "oQPMzTABbORfmJHV3mm79k6LGqRdgPyqetSyKnRxAuZlO+DKiP+Xjr0aRVSlCuMl6HGVw8"
    "US63tREElo1JLdeiRR1ZiDHBAV7QZtkd0+EqeIx1izeSTF2rNeCLa9EKgRCEx8g0Vw0GeG"
    "qh/tzOFb0X24JjCei8v3gEkMBXy+B4zegCmgyL2mkAJKOt9UUUCpcn1mytPEzkYrxFCdp7"
    "drgdSu0wN0ndab/We02c+pVHU88gwbs6IQMU28r06gjmE2cT1nvK17JQ4XiTC3cAsUVIu3"
    "mvFpCV0qW+LQyDdzqGh8ptOWMPxIpwp/v3gZ7rbP9P5TUI3CSEDygQk3KStKANMEiytR0T"
    "XUozIYno3FagoVtUVD1PS9rEhhOIBFsIgzMeeGDfpq2y5y7dd3FlanMDQv17u9gBnFj+2X"
    "VR+L80f11tU+qaQoTWQBkZRMIVlOIyVzVq537r90MPoZiwHqolAQ7QXhi9EfkB+Ddx9Nxd"
    "8WxEyHUOqhg/wTcedoTp+CPISQcJCIz7TysQN6e0qht1Mi+nIQQ7jK2Sksrb2duibFdODs"
    "Em5HB87eMsG4ELMDbYRhLKEmht1blDfyyGrnfrU7i2gX/ldyNduAkE3KqUnHKkK/1nJJEd"
    "oTeSywTpxSamPDKVvGQqFMA06FVF9tFmkHXbfZ6eXl+1RznV5k00p++nB6LuYT2U6iEPHN"
    "svkxMaO2Dac2G+KZFNOIpqdliIcMqY5Fn9tgsikQ115w+vzUVhdbfX5q6M4zieXQ4U+tab"
    "ATWYlaeOasaxOwOXdgYrvChspmtntmtKYCr70pvOAU/wCVKQZGr2ygIzcDZ5C7YlTECCbv"
    "jytZQb+kGZVcywxe4aVtrJCU4GgPVn4xTy6W6A/IgVgZ++iJERcCYjzNxX9X2CIcmYbjUB"
    "dNMRKjw5wXcYEd1qsd3XSgjS6x6z/QxqNhe41c3SIBVWmoHkB82b5uqu90Gji3bWFp/eCn"
    "A65YXMMSdZbXRaJsjbhapmHb8DVRUuKnOeUY4dkMmy6kHjbpYgFrofU2WhSJI8NYcfGuYv"
    "4T6jhwTdSBmFfu3O/XmaBaPTzl1vGlx5AtGQpCdmX8RUb4JjMZKYs69gp+l8HC/UdZFPND"
    "dCHKBDmXxeoAz5chvvx3+4rfioFjeUu49x26Y0JZWN2FhZYG5+QRdABxdQw/5HAGi6FvXf"
    "yKi4vi02tH59L6gdYPhrS0aZNpFyZTOT/kMbzBX0oGcCSgSO6uKh3g/B83qeU/l8g1UgHe"
    "X378ISyeze6qssalU2gOUeEC/+ECLStwKy5XrT4HBToOiaRTjGxfOdApRnLrmj4nt0X8DJ"
    "sYvMinuTzne0JkVznfR3+aeY6//Zp6xHaJww/hgX8e9bKm9ZIJXmfV2GAqrTBt6uwQm2eH"
    "qGPm1OkNXvyxh5514SvPGRWrw3BnnUbMgjK1/Ps5GMw8GzPkn3Qah/wbRLvfE7WN4TdCrf"
    "23yEAcCyysoGjMAlqG5OoM5NADuix28e/rQZrH0zxeb2pmL+EYmLFJFPNYSpumdu2EJ6oC"
    "SBpsFWKJIe0U4LFD3ykMhKGKDncXrMvJg9/lK/OvyVKasFJ+FdSEVW4hbES4CJVvApg0ol"
    "xSQkOaSlUjXX6VqDXovpGAmv23jh5XrsXldDju4kUTI2JYXhXwtm1EpMuSACzlU0FCZFcT"
    "QW8Y9zLkjcizvrb7QCShSr/tddDjL0tb6IehEld37GfEVIFy21OAS5fEbNI7IwFVEO1bo7"
    "LIbEZM8aYF9Ez1Uey05PbsKK9aq/ddHMZWI7J8l33v+PXrGp1PlCrtffJeGkayCNxb66IY"
    "CWwxPH8LFX0LEJpzbD6AR9S9eCpvxDAViOr90ebK0iNmvHCdL51DExIqTaCdJUaAg+KQPR"
    "7yKjfjRdJyas6o3a/m2i1igw6p3SJ25hahT38nVoGOQsn+PV5TFMKjpR2mlqfNB8NZ3VD4"
    "v+aIbRO3u29TRcVolW8/yRickt/CoDMJva84mDFlEnIwwSfwDMZ61CLB7VA0uO3OGfXu5y"
    "nBpBGrcKoQ1ydZQ9DvtSxrYV+vMLAlhsN6O1tCH1vvCnMuSq9QIIIMFFaChFYi/lljON3m"
    "B5l8i4KZDi2paCpkuGgvLD4Oq9jPO8H084hCc2CylUIYtD2wZ3ugIjuGIYCoNw3aqPocSQ"
    "NtVNVG1QFZVLRRVRtVBz/otVFVG1WHrFFpo6o2qmqjqjaqaqNqe2VJrVAh21z7VTsBk6GK"
    "axJeGamXRHpVGCaTbG1Ls6SaKQjHGaNkppsMKZv7Tx757RrzckNFfHtcbaQgv/FEwVpndU"
    "3IkQWSbxFxeWRA4BCRjzILEmJBLqyZweSJWf94NiJ8LIPuyUO0kJKx+Hxul5WvP5P7SyoA"
    "u0P43J/cdaKtrs0SicHUiAnKymk6qI6GI+6T4rm8eq+YlNvesnjUutt2sVMU0wbDZoFKWA"
    "1ZQuylISbUALaZHp2W1Hr0rvXo5NrXsCkzojozz46bMuNcU1NTyUhtNJNtv926dgPQWY10"
    "VqPOt5E1shoVjd8O0FMytFcWvszMpB2DGyPaa5iwK8IfrmHHPSrgIeKb4yoWgoliPCpWL1"
    "6Y6PrWAXEQyCKDA4mxwI6L6AwZISsQMgIMGxwohCmeC/TBuXFP+hnJAjPxLD4u5CK6fsit"
    "w7BofYbFBUYXyKTLlZ9BiM/pk7M/RpBcSEYiMw2PY4hAFqpXkhNBlEHQMXI/hzQCoifius"
    "HHkkSHSRdLz9VEh45KNjQjdzQJZBY+mxplvlehRAbAGYgMepouAu3d5afT9+fob1fnZxfX"
    "FwEvFO0u5E24FOdavTo/eZ9LLCDnoSYcW0JEmxU3J904cYo8DdYwIaRYhdMkyPZ3zol1sW"
    "ErZkR1W+66LfWp1Y3UGk2F6OO+wznum++PmlKqSynVYUTMuWGDNl90TKdRbmTYJxPnLKxO"
    "Kb6pX3bEs4XGELxXnh6J744r+RFRbhaXq0WQ4EcgKkASiYpt4qcgpI7vMjGjzAzKvEV3Yg"
    "96h/b8so7lX95HC+MBcwSpjCH+OZbcRDFP0tOzbp2nueQz/ASN8iEGY+RRFJ2uEFksKRP7"
    "EsNaEEdmkPTpEeYnbzZmLvb/lMZGHaRd0yH90iHHR3WSLYpS5U7DR7lkizBQmuAXllfTdb"
    "37NIvUc8XerBGECRE1UXz1pgaKr7K7s2TOz9zhE+waxG5CKcUSQ2KUVAg0n3bLYBv6ZDDN"
    "RSSvao8MhXbTmsdRnsdRs+NpGqd3Gkd7t2zg3bJbHmy44LWiwfqkfXKEWAH5U0SalVNA3C"
    "9tpkqvJYJOhIr9CGdqsPmAXDhZkzozI/+i0tHFs1aiRd4igy2wBeyKgebkfu57vkgjO8QF"
    "exD3fK0yxQH185hbR8gRhhz8xUXBISW0Z6DlnLoUYpHBA8ZIaF37Y2Rhk1h+lb6UjQ0Ls0"
    "P085zYGLxxxHvQJXb827cOWOxEb5FHi54M4n6HGP6MTTEKxvJ9Ba7kkbgr31PnTppp74DW"
    "ugseJdTrO2RRzMUbuMiknuMe3jq3MO5cj4efeOsdv/q/4+Cbgj+4N10Q140viI4uNHYo/t"
    "/oLb5Ly+AvS9Dp0Z5DAwCIeBbo72MgvCh408Pbwav7nz5GT3MqICe2HaDD9w/RHWAwmVF2"
    "h+ZUdOVUS1lCBNAS127jrhYhB3zdx0/v3/vU2hhxGntBQfA40SQLoTrLppYCURUbOCn5MI"
    "5EiV/C3+XwF4uNdlzqhakLe0YD9JIineiJamCYOgET9My67FIsscXACHIuasF7ZLNR1uGX"
    "ylm6VzmWTvt9ab8v7fel+bkdpVGNlIqGbZgS1O2463aUCvMGzZiU08cXd9yIlti82MTBG7"
    "RjRnQrTdlPBPZn0ZJym7pBMybl9HAcRCN6rMD4W77HSQmpGP/tda0tzuuKPc7r/CbHR0Vs"
    "xIjRHMxITEU4Xx3XCdYqSlVsGXMBW31cgM3Io3lKHIOtqvAM5TJwTleu7wyp0qRyGuxTov"
    "lEwHZ68fHk6p/FIVtPC/Y1p/+8OT/J7SgX8D0bacZpUT2N71yrCjnr5kpVUlI35EAactrI"
    "qzItpeIS0r1noPYsGbfjvn0zUzPwUjIvyLMktawS/tAMtYTEC8VMn0bTbkxDcmPSp9E2D3"
    "AEs1kHyKViywxuAqyLXWJqX4+cv3pus9cNF7iUJjEo3y9vCh8+xT8wQ7593vMrXWJc6fcV"
    "lr2Pyq71+orqP1hgzsVbQkShBZEOVFx654jNgOOCc5OsFcIRUSZvuHixhDyeb/2zeIZp4q"
    "XsS4jORpn26+s5t87PWGxlIMLRktHF0kWGbdMnv8bgSdL56I7hhegh4m3ufP8rnqjId8ta"
    "YRd5HFvlOSrDV5SoB28FvUrnqezZ3SgJdg7AisRAaTE1T2h1HzkpGgpNthVJGZViF3e2rf"
    "CW1oaJQNKS2va/a14snMabbREzUnqTmMKyA0XzIlHV8HCsq2tmusmQtM1Aky/QMmMdv1y7"
    "jLexdc4SMDFmMUMCC7Y6RBfvxLsspkEEzOUctDODYXHbZKul9GC3KX3wlhzdg1+6TOKOHv"
    "BKqIGQLhnzfAKQnp5RqPilqRDQKugKYzHB5FS/bFkJtHRMT1//TKfwI/Rc1xpjxxpjso0a"
    "aIwZMTU1xu7tH/JnAxjD8mri173GTayJPzdNxGyUB7I8ZWxOUBVEq/TFPpLGxkDBXN6kr+"
    "Yl+8JYsQC7AhiIy7EJoCk5Vbps33hKlaTpBJAS2gjJYflQ9DH2fYyadtO0VE/QKjbkffUH"
    "wtb7SDTWnFKiW/QdYfjesw3WmQtJ92GR5oRh8CQsOfxTDGpKqIo4Um0eAB5I0eORcNYbD7"
    "ij+ahMKg6aVaE5qXXW7Bl0NyI+1Vti9kh40THmU0ptbDglGk5WNusZLIT76oDFjEsnrsGX"
    "l+9Ta/PpRXbx/fTh9Fx0R9kb4wOmea58Zhv3jU6XRgL6bOnmZ0stvDSYK5fgRrRRTu4lcd"
    "vazbNDAD/TaTPkYoGXBJl2uuvd6S6e0zrA8V2qMnVxzE3063EM7BQtAfzRr0Vd5OJ5qkVO"
    "QRszt21KQahjyNp3PmR+6tT9i02rmN56cA8O2IjXmMi0f+3wOBX1nIlfFUZEQxFv34ONpe"
    "ggYbzHlqAoGfsyhYkJsyrDhtUaCWZdiWoU7h7iO8gjZqTtSHnn11PH2WagncLCj8TEEw4J"
    "TkVlrfGA2q6DyhTuINhh1LZBx2uJyHlUkcJoBN5YrYeLmr5pKSggJ/AkCI3aEo2fRFXXfk"
    "0KAyKP08jYgC3haHK6aLBgeDae+Hmj2qKRSlSl5toSRFCexEnPJjYu4LVeTuKzanS2jsxQ"
    "h5FMPNYSDt8Z9/xRvZW3kfNyoj/NyayApgsxu3TwDRX/1UXuOqxOndG1kSO330NKvbmjDr"
    "TOpRtHBWv4dfsiX3E0J9ylbDWWJ+0YfYLzfMidi8/3o7rPxWMF/mGg8cXbbH4/7kdLF/dG"
    "GfB6esytEziM74FbhTVGQOqJOUzMOOKPBX2EHzaeuRAl3fWYA3+DYVLc35dO5RAaxT+waE"
    "ypJyPXL9Ce+NWxxreO5/i/Ic+xqfkA0tEMOfmf/UN0Aq9qHVDHXn0XJDdM5DIMEiNioUhA"
    "cHrIaojm9ElcZrcOnbnYgcj0YU7DPUhWeBClNQwSGe7XDp6etjM8iHuS3DRNj0E6KNHc0m"
    "k9dvoPX0zHU9eZD9s5vNTJfChKVbi85DIfhv23Nn5BeTVdU4/r+P0dl/v9Hef8/pLjPgdj"
    "uctQRqylx9DuNJmaLkPF8QMr8hoWxw3UWQ2bxEunHivyY6vwCowk1Bzd3XsECpWuyMWtHM"
    "JIQMXob32cl49Vn8LZsSq2ZUpUn/3e9dlv7eK1keaqo6tpR69hOnrp6GoqJDlMMnOljFVE"
    "3K1jrCLCsBFjBb8AbzQXCiIfI3x4f4huR0ffvj06Onj1Rvx/O0KUiUvHx3DpyL8EqfH8TI"
    "BhvIEHBwJMEbcoJEG/D1tP7GhiZqPlrZyYke3XRHeOBPTuQ8dNel6680BUPxWmlJzi12TZ"
    "Xa/chCax3lWbvrHuS7FppaycYEbMeZGeEtypVFGMuMw67aQcJr3Sb32lfxR6JSniv8vX+o"
    "SImqv98evXdUwJr1+X2xLgXoZuFEOjAYhBcTUBfHVUy5p1VGHNOspZs8QT3cKDS+WmhoTI"
    "rqwNvelJndkVWi3KbZeX3/8fUVKjBg=="
)
