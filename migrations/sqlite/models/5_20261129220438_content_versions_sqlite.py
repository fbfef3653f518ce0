from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "cardversion" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" INT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "job_codes" JSON NOT NULL,
    "title" VARCHAR(64) NOT NULL,
    "body" TEXT NOT NULL,
    "topic" VARCHAR(64) NOT NULL,
    "risk" VARCHAR(16) NOT NULL,
    "source" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "card_id" INT NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_cardversion_card_id_40f593" UNIQUE ("card_id", "version")
) /* Every version a card has had, as it was: reads point at (card, version). */;
        CREATE TABLE IF NOT EXISTS "questionversion" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" INT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "job_codes" JSON NOT NULL,
    "qtype" VARCHAR(8) NOT NULL,
    "stem" TEXT NOT NULL,
    "options" JSON NOT NULL,
    "answer" VARCHAR(8) NOT NULL,
    "explanation" TEXT NOT NULL,
    "topic" VARCHAR(64) NOT NULL,
    "difficulty" SMALLINT NOT NULL DEFAULT 1,
    "source" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "question_id" INT NOT NULL REFERENCES "question" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_questionver_questio_9e0480" UNIQUE ("question_id", "version")
) /* Every version a question has had, as it was: answers point at (question, version). */;
-- every existing card and question keeps its current content as its current version
INSERT INTO "cardversion" ("card_id", "version", "content_hash", "job_codes", "title", "body", "topic", "risk", "source", "created_at")
    SELECT "id", "version", "content_hash", "job_codes", "title", "body", "topic", "risk", "source", strftime('%Y-%m-%d %H:%M:%f+00:00', 'now') FROM "card";
INSERT INTO "questionversion" ("question_id", "version", "content_hash", "job_codes", "qtype", "stem", "options", "answer", "explanation", "topic", "difficulty", "source", "created_at")
    SELECT "id", "version", "content_hash", "job_codes", "qtype", "stem", "options", "answer", "explanation", "topic", "difficulty", "source", strftime('%Y-%m-%d %H:%M:%f+00:00', 'now') FROM "question";"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "cardversion";
        DROP TABLE IF EXISTS "questionversion";"""


MODELS_STATE = (
    "eJztXWtz2zbW/isYfVlnXiWv47RpJ93ZGdtxu+4m8dZxL7NpR4FIyEJNESxA2lF28t8X4B"
    "UkQYoUSYmw8KEXkzgg9QAEznnOwTn/nayIjRz27NRB1J+8Av+duHCF+P/kb0zBBHpedllc"
    "8OHcCVvCtMmc+RRaop8FdBjil2zELIo9HxNXND0FLPAQvceMUBDKfQc+3qH1R7CCd4gBBK"
    "1ldB1YxLWxkAMLTBEgroWeiYfYxOJPwe5tT/0FLv4rQDOf3CJ/iSjv9cMf/DJ2bfQJseRP"
    "7262wMixcxBhW3QQXp/5ay+8dun634cNxavOZxZxgpWbNfbW/pK4aWvshsDdIhdR6CPRvU"
    "8DAZwbOE4McIJl9KZZk+gVJRkbLWDgCPiFdAn95KIEYHyJYyNGjr8NC3/grXjK05PnX33z"
    "1bcvXn71LW8Svkl65Zsv0c/LfnskGCLw7mbyJbwPfRi1CGHMcOMDVAbufAmpGrm4eQE6/s"
    "JF6BKg9ordCn6aOci99Zf8z+cn39Yg9cvp9fk/T6+PeKsn4rcQ/vFEn9S7+NZJdE/AKcHH"
    "X74VfnH7fgBMLmQIZt/6EBC+OGmA4IuTSgDFrTx+LFitIFVMwRv0qeLjlUR0QbEGtZuL32"
    "7ES68Y+8uR0Tp6e/pbCORqHd95c/Xuh6S5hO75m6uzAqriay9D+uP7q3dqSJP2BTx/dvnv"
    "/GBjy58CBzP/j6HQnfx9EbhWuCHMA+z42GXPxGP/MRkEcwFEPeZFeAU2hPm3NOwl7KCIuU"
    "WRQGUG/TLyr/kdH6+QGv28ZGEM7Fj0WfI/+s3wy7cX729O3/47B/nr05sLceckN8WTq0cv"
    "C8OQdgJ+vbz5JxB/gv9cvbsojkza7uY/E/FOMPDJzCUPM2jLPzu5nFzKjyRceRDfurNWOk"
    "VBarNyoRi4eP/b5frei3qRYYdcH1GPYobaoVeS2wq/fWyQPQOY6dDtACzJHdAEFEbB4k6p"
    "3iZfZRnJ7wlF/Ma/0DoE9JK/FeR2iAK62Po6l7oaHYxfkvmQXM3egsKH1F4qrlL8V/Lfhv"
    "xIaz19f376+mJSMR97gPBXQu9QEx1tvACWvrPNEGZrWw8QXuQ6G9962BTH0oKvxlF82nNo"
    "3T1Aas9y37i4Q05I4UratnxrdbIqXoEuvA1REL9FvHlCtLjsIaQfyhRMdGday8FkbTaRMN"
    "WwKqiQDxOGGBOCkdITMiiTPwoMyYfJQ/qV8R5Y1sjwJj3yJin+JfTer6DjVEIoy2mm47w4"
    "+eZlCqP4ow7B929P37wpqzfJjJzdI8qU8FUipxLVDMHetERrSbCl2E6qiadMQhfSJE89Ne"
    "Huqpm7Em9nEUqRpTDVzwhxEHQrQMykCijOudg4YazB7ezq6k3OKD+7LJJLP789u7g+eh4C"
    "yxvhaHsuT0hs8w0d+2s+YPfIabsolqU1+7D7WBojtWErBqkgaiikfVNI6YRuqV7lpDT7Bn"
    "rb3NKNvhV4BalDBS82EVqSRzmhQ4UuspvaIZeTOSTgajg3yUrtSHb8FODP77PexodkY9Yo"
    "94FtpowyE35XjNuIwct9Y5uxS0mPPuZf1pW++BV2xs0IJnpIDwheSl3pi2BBMRsVVenhZI"
    "VU0ZXZ3WktZelhadVuEju2wi5+6lFyS+EKOOQWu68AdD8F7t8YIA8umCNIEQU+uUPuFDCf"
    "TxwbENdZA8gABEvIllOwIJRfQ+AIWhYJXH86KQzbYA/63SUecrH95Bn4FZ0voc97+5is0m"
    "HQGp/ZawaW3KyaAuRadO3xmTvlj7YBZsDlhioFjE8L/mTgLxGwHMz/MmFs+6Fjw+GficFu"
    "Q4rlpXQManv5VQNe7OVXlcSYuFWgIaIvpA2Mkoie5GL/cW3R6tIGxExCTwz7n4nScjzjK3"
    "AZzJoYwbKoLqjuOlbQxK09FtIRffIw726LkcxL7mYke94WdR/IEp+yH3PijA/QOf/ficKY"
    "SO/VmhJz3spKWjUwJLha/lTMKoDdpx6iTMQA8y74WAPRDVfhpWMlmLGAq/eJOh8xA98Bth"
    "SWgND3FQZEvw/43fUgt0QQf4AFfrqOunhYEoYAs6DLLQzA7cF3gHfAgrn4rXP09AH7y6fM"
    "4t8M4HaD6z8J34D35oPQ4wVOjN2wH7shmamN3ehxex1thf61XGMr9IGi0cB03rj11cDMSF"
    "aPZMC2+iAlsR7GcG9R0I9nCOetTrdKIrvbnCaTvram/imYSB3mkLQMZCmIHZJj3EQU9B9R"
    "YNzh27vD02/RwGer1qYxOXMFw/JDwLuZVNAv0c3pJv7lNm22kYC55rsuok8TRmQBsRNQBE"
    "IjDVEGPERB5JoIXZ/iz4QUgcAh1h1gAb3H94iBa2Rjxq8xVk4OMtxjDGmyc9KEBfM/lcHz"
    "1ZqVJKIjdTJI7pD4I2AtJqEssjvd4HjfUzHDTCwFfPXmqwZWnDKoN86KssZC27eF5tlbEl"
    "95ST3pkglF0L5ynXU8jzQZ2XjKSwMbvvxI/FfpIX2FAiUf4K/Wn+SMAf2e3zVqybBqSfjf"
    "FjpJ0l5PP8QgKolx6PTh0PECtpwlG09THHNCeiL5dQMgv67E8etS/JcPqT8Tm7haPaiwNH"
    "JSdarBOCGtwVBs7cVMb1yHcLDbCiFZ5rHjE+YbnflLrtssiaPYWL93CKzYWhWyBbgWQlg/"
    "mK5+PntzAf59fXF++f4yToWXqo/hTXEpO+59fXH6puKMJpt5iM7+CvDnMrT1Z77VPezOqH"
    "3RWZHpJx8G/jzzIGMz/vswaTU/FbK7nJ/Hz16OeHrG0CAODuJ/UaT49jdNUHUfu5uiz0cx"
    "RVdYnBzrkt5B3cOh4cgVEz9QkH01pGkqsUNvNDd38T3qzSf9/GUTK6XIVUhGyksTLvUoWS"
    "NF9JTJHdqNHP+TzNshlwkcKmT7TbeqKYA1kRom1+X2uS4Ln3IPAP4Y9aIvctkCNdZMtSMG"
    "r2Gq2mpHTYFGUeiuZ7Hc9/+6Rg6syGtZrF4zVp9qCdC82ingEcpXRxjOebtr3o2+SPCfwS"
    "0EilWRC22QeB310yQ3yEiRQC4ljrNCbtdv4yLtSK8lp0y6xCevO+LRLvHTiGZHR992frlR"
    "gPgWuusbIv7dcCM7jyMBxxZfVbOJhW8+Kznvo99BxdzhNnwxwX+EFaEhzKJKVbJkR1tfOg"
    "LprVwefH9JSXC7zN2x4icqd01+fVaCVM2Q9zCIXfJQjW0g5d/SZjALWay2GFA5MViLQd0Q"
    "b6IO1j3fGKdrNQ3RbRVj8qFggYXnVYsp4k3kyfQxnSLetZu//2NGwswTmCjWyuqiZTmhMV"
    "UuEw/UqXKZj32n1fRNBcz8jRCcE7tVCcOkvS741TkZhshJ5BMPK/I91SVyiwV0QXToGcn3"
    "/7s2ACbtd+hodAldQWfEjkZGAtquyEYmoec8PPm6SQgfb1WJYngvD2P7Si97KfDSPUigv+"
    "ouhOvwrt86nWVRTs9J2P9iaBzLW0xI4+TbcUE7afPeqZdhRJiq9o0egPgl2080wqJHKllm"
    "1brSyY2LoI6eiZR/S5mJTOj3IqWcoxnLLGTKOHemlNNJUEs+hh95BQGZLAD1JCRNWg152E"
    "2uShmiYCpS9k5CirnXXtkuih2SjmMq2PUa4SxWki3CciUxPWNyNYnBTX52bRBuYYNrvIjk"
    "pA6o9nwpRKglbqmEZutF/+uuKZVoEswNClwNo2ESzG2fYC4xajoit22g0nhwkxbzJqhlxm"
    "dn5Brb5OOJlCuDl9MgTJG6x1SkTibhKrgKiaOrpyskU3VzdsMLEV8MYhEAgehAlITj/4ha"
    "bgxgHzxA9gqElCvwCIdXVGU4Eg2nieCTcj7DPjtWhnElq2ryc00M18D0iSZuyjGAaDyVJh"
    "DOBMK9MoFwJhDOBMKNfEaOPxCuT/xMENxIg+AOO2nJ43KQGJK/K91qKMOmlOF++Jr0ZLaC"
    "rJFPbVczNbbcaiNNc7NEgAT+nHx6FZbdpOQhLAGxQozxNwQ+AQy59hREQwjma/DxDq0/Ak"
    "YABDaycEjDYAZW0OZd8VlTpmyGeojJ9LxzrkZEW7XQSOLmpvBEAh9/+Vb4xe311Of614lN"
    "luwKFFtlyY7K/bQBMZPQE8P+rVtrCV1XFa1WQ71mIjs87OWjlefEOaVH+lV7cO0QqJiQ1c"
    "yrJLIv3nUww2wQhnWMOVBL+/eELzOiStmI5yr0xQelyjpUH6Yqy+lUP6qP6FQXffJnMQBb"
    "8DAK8d2QMcOckngcXIwDOcxblgMrCZt6YHseTgcyf4YoVWVwrN4h8lI61m0ehHF+QFzT82"
    "crdttOyS7K7W7b7Q3P/m0ViizE36qVIykT2QrCPYTDD22sGB/II1momYjdaT+MkpjZa/et"
    "OplzPpqdutATt1ovoAmB7xQCv/tTK+MFr8GhlX35Uj1I/TC1s9Kbmt6d1vtTc+02elRPgU"
    "uEk3IB/CUCWW4Sjh1C4MgifKq56ykQsLEl8abAR3D15Dvw0YP+8mPIWTIgZg3zCQXYZmWH"
    "6kDPMFlNR+JlNVlNJ53sHVOPuLOnuiIXQw0ZVJF+QRcQB/Bq+a1OZiTtd8ij/f+4iTSTPW"
    "6rfUWeglQY/q3Ay8kYcyk/n3rQ+A8s6155OvaAYV53H910bAph7lPbPmmhtcSOzXsqA9uu"
    "JpCWmCrM8o55C3VMJNE1ZWGtHS2VSFLY0fkCStV2NMq367n2hsxoxeRM0UqVE+HFsS0mFV"
    "7flusYw4wUim80GZHdm/47QLFlsvLEdrCV164ga3w++/b5pAPSLdlhXT966ep9xJUdtlv7"
    "Edcj35+L9BEY/SYznc5O0hEZFVP9vKQjRm+0blKJkFKadzJdVWfe5doNmdHcGG1b7RBjdT"
    "fu9lincTaO0NloFPlHpMiXVKomHDZ0EO1ayv1U9DHOIW7EXtdUi2lXd0dHZbOAhLIEe9vq"
    "QxojkEWddcShlVtnrGj8SeYdYfiRzDX+/TUV7duA0KWY/UiQMB6+IUzANA23wgCUU3RXm3"
    "9yTvDNMbJXLgK/Iq4i+yARBEdxog7wfyDKNvEEzPnftsgOJJIGRSM/BQ/YX4IleYjzPIuE"
    "zpj/TLscJTvYU5QeSCnPSJwto84BmbQ2Hsi+jVmTIqaPY5cmRUx3YmDFVwfSCsNMQk8M+/"
    "eCb+UlPeRKcOFutgWRIsvpSaNoQps0ihfg2hO+V7CKZ4Q4CLpV21giVBjAOZcaasxS7aDv"
    "MTu7unqTG66zy2La7p/fnl3w9SQcJ94IR+6U8jexII5DHpBiKa7FUxYziOaXZZH5Q5SS4H"
    "Nui8VGIW5ClPa85JiwAVPQblxOb2k7dNlDZ9bnNOxELzxLrPgsrGrVnRpPCpRrCsUthZ2Z"
    "8ffBXLzgHP0gOtMMjEHZQDc0Bs5FlraJihGU709rWcGopZW23MgMvkZ24IFQgIEHin0fue"
    "Bhyf91jWzMgAVdl/hgjkR5N2uJ7GmUJJwin64B87HjgAUfDxaejF9gynzB65XJwSEfZEJY"
    "TF7yPrErcCzHjUiW4xqW5bhIs9xDJ2gVxJIK6EpUDQDiYUex6G4LtQhbGXLzFY5qxZ4b+6"
    "+rt9o/4wY9n6sz2V92v5eZ7C+lldgEZO4QP5N2Y4sPuoYRMukjtk8f0YQdMnGTJjpqYJXs"
    "OnArtDJxZ5NiRuM2jeKimCAbAgdRQSpwLNKqaKJi2hHvbSr+DxP7ySsAAUMcCztuGlIRjL"
    "8isOFalEuDwCVPiacOjRrqQYb9MOzHYNrOIMdPKHS3MNozKWOw79t5ybsSkJRGsLqAVCax"
    "r/pRk78vAtcSowbmAXZ87LJn4rH/mAwypr1VlRoJUZIGsyv2ZTnQvXpn/ktuZXgT7XdBw5"
    "uUNsJWdj9X+WYCE4X9UL2O5oTGtJSKB459Kc2d8QlRazF9UwE9528TPa5aiyvpcMxHqzJ6"
    "N+hTxbqZtNcFvDpt7eK3m/rpmCprb67e/ZA0L87R4gGAigNn1UuBJGJqcjb55GEakdT4pE"
    "oqocu8HfSjR588h+uHiRLX9NsviOkC5a6XAJ942GozO1MBXRAdWqOy8WKBLf6mCnqm/ghL"
    "XnJ3jpTnndX7Pg6xMBJQq5UylEnoOfcGyZ9/jyhTLo2V006S0GnO9ZY7T5xJECm5l5C1qt"
    "1QlNNzEhpXcndAjStZZ1eyOWgg7QI9ZRv5JdtTNMKjI3XdKDrhLXTXN0T8u+EX2yVEYWh2"
    "t+ZrDd9+VuDo5d9CxWRCdtokn++G0BBy4bWU8Iy/9XRE4tuJaHzbX1IS3C5zgjLvr1wq+P"
    "VZkTv/0sgZkcz1Gp+E9Dlsdk1I+tjm6IEL3noNYhEAQdIJ4FoJ/8eeAv7fKJ/JKxCvdMAj"
    "fKgA9MFR0nyadPGkHDcwzCOUHhR5lBIYjAtlYBeKJhbDGEA0RoPxQxk/lPFDGT+U8UMZP9"
    "To563xQ2m7BBg/lPFDGT+Uxn4oczD6scRZF9i1hhxBQeqQeIIaX45McHX05OiZ2Hta8OMU"
    "psmYaiT9FODP7xGr5naz29N6Xhd/ZlLDRifCLJHBWki+AthnKefKAHYBobZIVy0yVS8gDc"
    "9lRYcAAWZTAEVia3FUy+IzSn0KrM/ON5/8+pBLj+ZitowWd5MGu28mV/qYWhnPRTljQTex"
    "oPl9rF7L69VrWW532+LxKJRrvmxQZClUwk0lcFOxQ0OMqwF0Oz06L2n06H3r0fLe13IoC6"
    "Imb+6+S3vvrVbx3mp3m1LFIzMlTc7hdjmHVd9vD+i1CM/a25rbT5VnE0u5r2Q0hazFCjKi"
    "nNe4mo9gSdvbtO1GSiLt/+kKMcbfUqSJWeGQ1GBhEa202lbYK7LBgtDwho9Wnoj0ewVETl"
    "0ALQt54TcFyKLETgz0nN/dqCbY3xjwKFl5PoCizEPUY/ykMNfvR4pWfFT523wEYX0oJnXE"
    "gMgOvEY+CFhdVTC5LlryVjNFbTDDf2ylSlTzHzLYJQBrXId5MT2dOP07ENNPocVkzMnoZK"
    "r3pt4Gnr2l3ysvaez1fRt5yTLezlQpSBljJYdlDwq3XJt0fDg21bgL02RMfq/YHlRomZml"
    "WK1dSuVON2qVp4DybxZRwLGg62fg8jV/l9WcXxB+Jm8ptDNIEb9t0bXHh/k74BByF3gM3B"
    "IQH/MAd2jN1UARUI1Y2d810DMaJIASWgVZI8QXGEVZ2HzbEGjepng9zvDNvwk/YMZj1rvG"
    "KI9RC42xIKanxth/AVmThLuEXyuNG9uzaG2a8dWoDGR1UGlJUBdEdx1WmgHV9uBOWXIojA"
    "fNpTrIpPUhdrYBNCeny5QdGs9QJWm7AOSEtkJyXA7BIb79CKO20zQvNRC0mn3ykfqzEucY"
    "2x4cU4ju7sOfUHQbODDsf6S1z5eYopngeNTskRrUnFAdcaTbOiB4oHI8jDCFWky5TGKHMy"
    "2ryz3SiYbZjAUeoveYEYUXubZIdkl2h5Wy1VRCH5Otz+LjDrxtFYGZCphTzNsHZNrIg9QP"
    "95ZWfEhJ7pBIW5O5q0cARUKCVshlAocEWY2jwCQ72z7ZmXot7AHH17nO9MWxtNBvxjEm4D"
    "sCGFfy1Be5bJ3qEBvmINq1fvup6GPMVkx9kr3DDY/Lmx4sQPZszl+jKudPGzzOeD/ncVkP"
    "TRExUGT2fWxY8gliajxm8cp8WaUIqo71tYOC2te8G42h4L8D3yOKu34qr6N+moSRjHQzQS"
    "4ljiO0mY5QXKQdaTwv4oCazvNCz/CiQsIG/HkWnzjvnM83d8hdI0CGjJA65euPJWjZUoRU"
    "fGdaFyEFsza9FqAz0eV9kDlb5Emtdj1UJ0rVxL09SGog8Wm0ADFurieAz4+Pm3hujo+rXT"
    "finjL5bBsHgyRisjtUORNKvOQuA3C//A8tH5sg"
)
