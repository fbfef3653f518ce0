from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "apisession" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "account" VARCHAR(32) NOT NULL,
    "openid" VARCHAR(64) NOT NULL,
    "session_key_enc" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_apisession_expires_a803c3" ON "apisession" ("expires_at");
COMMENT ON TABLE "apisession" IS 'A mini-program login: anxun''s own bearer token, stored only as a hash, for one (account,';
        CREATE TABLE IF NOT EXISTS "subscribegrant" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "template_id" VARCHAR(64) NOT NULL,
    "remaining" INT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "identity_id" INT NOT NULL REFERENCES "identity" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_subscribegr_identit_9dff36" UNIQUE ("identity_id", "template_id")
);
COMMENT ON TABLE "subscribegrant" IS 'Subscribe-message permissions one identity granted for one template: each acceptance of';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "apisession";
        DROP TABLE IF EXISTS "subscribegrant";"""


MODELS_STATE = (
    "eJztXW1z2zYS/isYfWkyp+QcJ0076U1nbMftuefEd7Z77TTtMBAJSagpggVI28pN/vsBfH"
    "8BKVIkJSLCFycisSD5YAEsnl0s/jdZEQvZ7PmJjag3eQP+N3HgCvH/5G9MwQS6bnpZXPDg"
    "zA5KwqTIjHkUmqKeObQZ4pcsxEyKXQ8TRxQ9Acx3Eb3HjFAQyH0HPt6h9UewgneIAQTNZX"
    "gdmMSxsJADc0wRII6JnouHWMTkT8HOoqf6fAf/5SPDIwvkLRHltX74g1/GjoUeEYt/unfG"
    "HCPbykGELVFBcN3w1m5w7cLxfggKiledGSax/ZWTFnbX3pI4SWnsBMAtkIMo9JCo3qO+AM"
    "7xbTsCOMYyfNO0SPiKGRkLzaFvC/iFdAn9+GIGwOgSx0a0HH8bFnzgQjzl2fGLV9+8+vbl"
    "61ff8iLBmyRXvvkcfl767aFggMD728nn4D70YFgigDHFjTdQGbizJaRy5KLiBej4Cxehi4"
    "HaK3Yr+GjYyFl4S/7zxfG3NUj99+T67J8n1094qafiWwjvPGGXeh/dOg7vCTgz8PGXb4Vf"
    "VL4fAOMLKYJpXx8CwpfHDRB8eVwJoLiVx4/5qxWkEhW8RY8VnTcjogqKNajdnv96K156xd"
    "hfdhatJ+9Ofg2AXK2jO5dX73+Mi2fQPbu8Oi2gKnp7GdKfbq7eyyGNyxfw/Nnh3/nBwqY3"
    "BTZm3h9DoTv5x9x3zGBCmPnY9rDDnovHfj8ZBHMBRD3mRXgFNoR5CxrUElRQxNykSKBiQK"
    "+M/Ft+x8MrJEc/L1loAysSfR7/Rz0Nv3h3fnN78u7fOcjfntyeizvHORWPrz55XWiGpBLw"
    "y8XtP4H4CX67en9ebJmk3O1vE/FO0PeI4ZAHA1rZz44vx5fyLQlXLsQLx2hlUxSkNhsXko"
    "aL5r9dju+9mBcpdsjxEHUpZqgdeiW5rfDbxwTZM4CpDd0OwJLcASmgWBTM76Tmbdwry0j+"
    "QCjiN/6F1gGgF/ytIF+HSKCLVl9nmapGB+PnWB/iq+lbUPiQrJeKoxT/Sv5tyAut1pObs5"
    "O355MKfewBwl8IvUNNbLTxAljqZ5shTMe2HiA8z1U2vvGwKY6lAV+Oo+jaM2jePUBqGbk+"
    "Lu6QY1K4kpQt31odr4pXoAMXAQriW8Sbx0SLwx4C+qFMwYR3prUcTFpmEwlTDauECvkwYY"
    "gxIRgaPQGDMvmjwJB8mDwkvYzXwNJCmjfpkTdJ8C+hd7OCtl0JYVZOMRvn5fE3rxMYxY86"
    "BG/enVxels2bWCONe0SZFL5K5GSiiiHYm5VoLgk2JdNJNfGUSqhCmuSppybcXTVzV+LtTE"
    "IpMiVL9VNCbASdChBTqQKKMy42ThhrcDu9urrMLcpPL4rk0s/vTs+vn7wIgOWFcDg9lxUS"
    "W3xCx96aN9g9stsOimVpxTp2H0NjaDZsxSAVRDWFtG8KKVHoluZVTkqxPtDb5JZM9K3AK0"
    "gdKnjREqEleZQTOlTownVTO+RyMocEXA3nllmldiQ7/uPjTzdpbeNDsjFrlOtgmymjdAm/"
    "K8ZtxODl+thm7BLSow/9S6tSF7/CzLgZwdgO6QHBi0xV6iJYMMxGRVW6OB4hZXRlendaS1"
    "m6ODNqN4kdW2EHP3MpWVC4AjZZYOcNgM6j73zFAHlwwAxBiijwyB1ypoB5XHEsQBx7DSAD"
    "ECwhW07BnFB+DYEn0DSJ73jTSaHZBnvQ7w5xkYOtp8/BL+hsCT1e28d4lA6C1rhmrxlY8m"
    "XVFCDHpGuXa+6UP9oCmAGHL1QpYFwt+JOBt0TAtDH/pcPY9kPHBs1viMZuQ4rlpVQManv9"
    "qgEv9vpVJTEmbhVoiLCHtIExI6Imudh/XFs4urQBMZVQE8P+NTEzHBt8BC6DWRMjWBZVBd"
    "VdxwrquLUvhXREjy7m1W3RknnJ3bRkz9Oi6g1Z4lP2s5w45Q30o8+rmUhWE+nN2sXEjBdb"
    "JMU2riWuOXqIPhNSvIF5KWz7lNvTwqRAlAGXG9rh5BgY3+JnyAh8x817m5h3gPn0Ht8jBq"
    "6RxW1zmzBW3p4y3GO0ub9zc5/5sz+l7ttq+yojoqKhP8julagTsBZKmBXZHd99tG9VTDET"
    "QwE3eviogSV+7vp5tijbw0y7t0hJZWfabGP6rrWl8ZuXVNP4nXAD3rpy7HWkR4q0bKTymY"
    "YNXn4kFlQSJi4xoLIh5NX2UzZmvd8IUm2WDGuWBP+2sEni8qpwEzswSTT92Af96PpsacQT"
    "T1Mcc0JqIvl1AyC/rsTx6xID6UHqGWISl5sHFSuNnFSdaTBOSGswFFN7ca8xtyFs7LRCKC"
    "vzpeMTZLwwvCW3bZbElkysP9gEVkytEtkCXHMhrB5MVz+fXp6Df1+fn13cXESbsRPzMbgp"
    "LqUBx9fnJ5cVUYLMcBE1/vLxpzK09VHH8hp2t6h92dmQ6WdHBv5kuJAxg38fJq30UyK7S/"
    "08ev56xOoZQYM4OIj/okjS9zcpqLyO3anoi1Go6AqL2KUuGwzkNRwajtww8XwJ2VdDmiYS"
    "u7MHuT3v4ftg7u9nmfK6ySqlyFVkFimvS5uHDtpl+sWwRhIPqs5e0Y0c/5PM2iGXChwqZP"
    "tN+KEogDW7D3S2he2zLRS6cg8A/hTWoi5y6QA11lwpIwavYbKUakdNgUaR2K6nkdwP/7pG"
    "NqzIrFDMnzpWn2oJ0LzZKeARxldHGM54uWtejbpI8M/gKwSKZZELbZB4G9bTZHfKSJFADi"
    "W2vUJO175xnlSk1pBTJl2i2N+OeLTbejgi7ejo284PNxIQ30FnfUvE34YT2VkUCTi2+Kqa"
    "SSx4c6PkvA+/gwrd4Wv4Yoq5ECtCA5hFnuR4yA6nvqQFklu5TGzekhJ/sczdMaMnSmdNft"
    "0oQSpnyHtoxC47IcfWkNlvadOYhX2UWzRodmtqi0bdEG8iD9Y92xinazYN0W0VY/KhsAIz"
    "+YNLScp05Mm038iTAOUScjXpoKLyarr5+99rJJZ5AhPJWFmdNjsnNKbc2eKBKuXO9rBnt1"
    "LfREDrb4jgjFitkujH5VXBb9e74jziYsmOw7qtxJGAKogOrZF8/r9rA2BcfoeORofQFbRH"
    "7GhkxKft0jymEmrq4fHXTUL4eKlKFIN7eRjb5xrdS4rR7kEC/eUXJdyGd7zWCRWKcmoqYf"
    "+DoXYsb6GQ2sm345Tqmcl7p16GEWHaJ32aZZK6UqiNj54YPfuW/ZYy+xZTzkUaNUetlZm3"
    "hGXtTKMmSlBLuAWKXUG6xUpfT7zRuNSQG7yyZwEEKOhzAHon3oTutTcwi2KHNK/rvOG9Rv"
    "WKkWSLUNSMmJpxqIrEncafrY+cG2qtms7+bQbfw1tP6QT1OlH4qFbxOsv19lmu40VNR+S2"
    "Dc4ZD26ZwbwJavo4yE7HQerU4OqkBk+iWyVERTbytZqosLKlNibyu10iQHxvRh7fBMm2KX"
    "kI0uitEGP8DUWibIYcawrCZgSzNfgYptomAAILmVishkV27RW0eFVce8pp/IZ6iM6Ws3Pq"
    "RLB3JeCqfUtRcZ28L4aPv3wr/KLyavrk+neu60xDFSjqROc79g6bS+g4Mvaz7jjPRGSHAT"
    "MeWrl2lJdnpL3ahWubQIlCVodxZkT2FcQ5GBM6SLjmGPNIlObvCR9mRKbnEesq9ESHku3c"
    "qnd7ZOVUysHbh7fDQY+eEQGwhddDIq7T3e/b+WFDDvOWKZVLwjqn8p6b04bMMxClsl3w1T"
    "NEXmqHNk1v88MgoasPiFt6nrFii3ZGdlFud9Nub3j2v1ahyET8rdrgmBHZCsI9uFeHXqwc"
    "dPKrL2mgFqcXbtGMGTE91+7bdNJxI4p58dXErcaJr12qHV2qu4+CGC94DYIg9uVLdSH1gv"
    "Q4Um9qcnda70/NlWtwzLJDhJNyHpwwnO7v4NghBJ6YhKuas54GB5WxJXGnwENw9fQ78NGF"
    "3vJjwFkyILRGnIsMsCU5F22gZ+jMECPxsurMEJNO6x19pktnT3VFbH8NGVQRzq8KiAN4tb"
    "xW+3Dj8jvk0f4+biJN78Ddal7JqiAVC/9W4OVk9HIpr089WPwHtnO5rI49YJi33Uenjk0h"
    "zHW17Td+m0tsW7ymMrDt8qoqialkWd5xE7yKGxO6boGvXUdn0sxK1tH5JLTV62iUL9dz/s"
    "IsoxWRM8VVanZjdRTbordW937I9wjDjCSGb6iMyOrN/h3gwBqycsV0sJXXriCrfT779vkk"
    "DdJt83xdPWrZ6n3ElR22W/sLPtNpfy7SL2DRr3c6q+wkHdGiYqqel3TE6I3WTZohpKTLuy"
    "xdVbe8y5UbMkOWXrRtNUOM1d24222d2tk4QmejNuS/IEO+ZFI14bB3eVTciIwE6aqncxJX"
    "FY3NAhLSY6zaprJVGIE06qzzcXkt3DpjReNPMusIg3Jnmua+v+ZUsHbn421/INhIkNAevi"
    "GWgElaJ8kCMJvyqXr5l80xtTlG9spB4BfETWQPxILgSZSoA/wNhNkmnoIZ/22J7EAiaVDY"
    "8lPwgL0lWJIHgD3wABkQZ4ryz7TKUbKDPUXqgczkGYmyZdQ5IOPS2gPZ92JWp4jpY9ulTh"
    "HTnRhY8dGBtMIwlVATw/694Ft5SQ85s3gwm21BpGTl1KRRFKFNGsULcOsJ30tYxVNCbASd"
    "qmksFio04IxLDdVmiXXQd5udXl1d5prr9KJ4BuDP707P+XgStBMvhEN3SrlPzIltkwckGY"
    "pr8cyKaUTzw7LI/CEODuM6t8VgIxHXIUp7HnJ02IBOkD4up3dmOnTYQ2fW5ySoRC08S6y4"
    "cbinvGWhWFDYmRm/8WfiBWfoR1GZYmAMygY6wWLgTGRpm8gYwez9aS0rGJY0k5IbmcG3yP"
    "JdEAgw8ECx5yEHPCz5n2tkYQZM6DjEAzMEeEcwl8iahknCKfLoGjAP2zaY8/Zgwc74OabM"
    "E7xemRwc8kE6hEXnJe8TuwLHctSIZDmqYVmOSqctQ9tvFcSSCKhKVA0A4mFHsai+FmoRtj"
    "Lk5Csc1ZI5N/JfV0+1f0YFet5Xp7O/7H4u09lfSiOxDsjUB98rywjp9BHDHnyv4yZ1dNTA"
    "Jtm171RYZeLOJsOMRmUaxUUxQTb4NqKCVOBYJKeiiRPTnvDapuJ/mFhP3wAIGOJYWFHRgI"
    "pg/BWBBdfiuDQIHPKMuPLQqKEepNkPzX4MZu0Msv2EQmebw9gTKb1g37fzklclICm1YPUB"
    "UqnEvs6Pmvxj7jumaDUw87HtYYc9F4/9fjJIm/Z2qtRIiJIkmF0yL2cD3atn5r+ypTRvov"
    "wsqHmT0kTYat3PTT5DYCJZP1SPozmhMQ2l4oFjH0pze3wC1FqobyKgpv42seOqrbiSDcc8"
    "tCqjd4seK8bNuLwq4NVZa+e/3tarY2KsXV69/zEuXtTR4gaAig1n1UNBRkSfydmky8MkIq"
    "nxTpVEQhW9HbTTo0fX5vZhbMQ17fsFMVWg3PUQ4BEXm220MxFQBdGhLSoLz+fY5G8qoWfq"
    "t7DkJXfnSHnR2bzvYxMLIz41WxlDqYSaujdI/vx7RJl0aKxUu4yESjrXW+48sSdBpOReQt"
    "bq7IainJpKqF3J3QHVrmSVXcmHu9GgI1XbyBv/DjrrWyL+NtTQLi75odnMGu0M3t4ocNLZ"
    "b6FCh5CVFMnndyE0gFx46TJ4RrqdtEh0OxaNbntLSvzFMieY5bmlXYNfN4pc8ecN5Dv+dI"
    "MYq+Tf09vTegoef2KZgo085OKUbCAk3wDsMZCAB7ADCLVE+g6RuWMOaeCnDoMiAGZTAEWi"
    "D+G6NvlYKfeK91n5Zk/4h9x2MQezZRgFrNOC9O0cyPSTVqRWUU4zW02YLX4fy1mZ+mVvVm"
    "53Jt9RZ7XtJZs9oRSZEif2piMBErFDQ4ybD3S7DRd5SR2/se/4jezc17IpC6I6j8C+jzrR"
    "x9vroxt0Dobx0CMNcjDI+m8P6LVYvo/nQMEifI1OvdDc0r6C8wtZHCRkRDnPQzUfweKyi6"
    "TsRkoiqf/ZCjHG31KEza9wQGqwIKlokn00qBVZYE5ocMNDK1cwQW+AyDEAoGkiN+hTgMxL"
    "7MRAz/ndCXOkfsWAS8nK9QAUaa/CGqMnBbkPPlK04q3K3+YjCPJlskxFDIhsCWvkAZ/VZU"
    "nN5omN38qQ5ErV/MdWpkQ1/5EFuwRgjUs/L6b9WnG8edQVWihjTkalpXpv5q3vWlsmSMhL"
    "6vX6vhd5yemTLYfjnJRerOSw7MHgzuZqHx+OTS3ugpqM6ay0aD0osTLTlWK1dZlJ/77Rqj"
    "wBlPdZRAHHgq6fg4u3/F1WM35B+JncpbDOIEX8tknXLm/m74BNyJ3vMrAgIHIDgju05mag"
    "iEpBrOzvGugZDTbECKuCrBHiA4wkTX6+bAA0L1O8HmU80Ud5D2QxZtuohcVYEFPTYuw/ob"
    "5OSlLCr5XFjS0jHJsMPhqVgawO9i4JqoLorsO9U6DaRj+WJYfCWLGjITkwHsT2NoDm5FRR"
    "2aHxDEyStgNATmgrJMflEByi74cYtVXTvNRA0CrW5UPzR5y3Z7Td0CkR3V3Hn1C08G0Y1D"
    "/Ss2CWmCJDcDxy9kgOak6ojjhSbRwQPFA5HkYshVqoXCqxQ01LzykZqaJhZjDfRfQeMyLx"
    "ItceGlKS3eHJIXIqoQ9l6/MwFhsuWkVgJgI6u8D2AZnpebLtKNuS3CGRtnonU48AikQhrZ"
    "BLBQ4JMr35a5DNX/KxsAccVT1fu4hjaaDfjGNEwHcEULmTuYvIpeNUh9gwG9Gu59mciDrG"
    "vIqpz117uOFxuSVctHZAlqHTGuuDr0pQ8O/A4ixyWZK2NlC8DetpEikw0vECOZTYtpiwOk"
    "JxnlSksF5EMROd9ULNCJIcFGLzrhFtKu6IRmEfs0KADBkEc8LHH1Mwb6UgmOjOtC4IBqZl"
    "es25qgOI+1ivV4eDVCYTqjkkrDKbkCIezEGyMomu0QLEqLiaAL44anTO2lHNOWtH5XPWwm"
    "RLbTjkjIjewF/FF5eop13GWH7+PzHF2ag="
)
