#!/usr/bin/env python3
"""Writes db/demo/users.json: the demo hall's users with PBKDF2 password verifiers.

The demo passwords are public (they are printed in the README for the demo hall); only their
verifiers go into db/demo. Format, matching windowdesk::crypto::checkPasswordVerifier:
    pbkdf2-sha256$<iterations>$<salt, standard base64>$<32-byte hash, standard base64>
Re-running changes the salts (and so the file) but every verifier still checks.
"""
import base64
import hashlib
import json
import os
import pathlib

ITERATIONS = 120000
HALL = {"hall_id": "430104-ZWFW", "hall_name": "长沙市岳麓区政务服务中心", "window_no": "A07"}
USERS = [
    ("u-demo-clerk", "clerk", "李娜", ["clerk"], "Clerk@2026"),
    ("u-demo-supervisor", "supervisor", "王强", ["supervisor"], "Super@2026"),
    ("u-demo-trainer", "trainer", "赵敏", ["trainer"], "Train@2026"),
    ("u-demo-admin", "admin", "陈静", ["clerk", "supervisor", "trainer"], "Admin@2026"),
]


def verifier(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, ITERATIONS, 32)
    return "pbkdf2-sha256${}${}${}".format(
        ITERATIONS, base64.b64encode(salt).decode("ascii"), base64.b64encode(digest).decode("ascii"))


def main() -> None:
    users = [{"id": uid, "username": username, "name": name, "roles": roles, "window_no": HALL["window_no"],
              "password_verifier": verifier(password)}
             for uid, username, name, roles, password in USERS]
    out = pathlib.Path(__file__).resolve().parent.parent / "db" / "demo" / "users.json"
    with out.open("w", encoding="utf-8") as f:
        json.dump({"hall": HALL, "users": users}, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
