"""A corpus folder shared by a team: two users importing into it at the same moment both keep all their files,
and each one's index (in their own cache) picks up the other's files on the next start. Run as two processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES

YTTRANDE = (FIXTURES / "yttrande_socn_2021_132.txt").read_text(encoding="utf-8")


def _yttranden(folder: Path, user: str, count: int) -> list[Path]:
    """`count` yttranden of one user, each a document of its own (its own dnr and a position of its own)."""
    folder.mkdir(parents=True)
    paths = []
    for number in range(count):
        text = YTTRANDE.replace("SOCN 2021/132", f"SOCN 2024/{user}{number}").replace(
            "Socialnämnden ser positivt på att Region Stockholm",
            f"Socialnämnden ({user} {number}, {user}markering) betonar barnrättsperspektivet i arbete nummer {number} och att Region Stockholm")
        path = folder / f"yttrande-{user}-{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _environment(home: Path, user: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("CONFIG_DIR", "CACHE_DIR", "DATA_DIR"):
        env[f"REMISSDRAFT_{name}"] = str(home / user / name.lower())
    env.pop("REMISSDRAFT_CORPUS", None)
    return env


def _cli(*args) -> list[str]:
    return [sys.executable, "-m", "remissdraft.cli", *map(str, args)]


def test_two_users_importing_at_once_keep_everything_and_see_each_other(tmp_path):
    shared = tmp_path / "delad-korpus"
    shared.mkdir()
    files = {user: _yttranden(tmp_path / f"in-{user}", user, 4) for user in ("anna", "bo")}
    envs = {user: _environment(tmp_path, user) for user in files}
    for user in files:  # each has an index of the folder as it was
        subprocess.run(_cli("corpus", "list", "--corpus", shared, "--json"), env=envs[user], check=True, capture_output=True)
    imports = {user: subprocess.Popen(_cli("corpus", "import", *files[user], "--corpus", shared), env=envs[user],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE) for user in files}
    for process in imports.values():
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    written = sorted(shared.rglob("*.yaml"))
    assert len(written) == 8 and not list(shared.rglob("*.tmp"))  # every document in a file of its own, no leftovers
    for user in files:
        listed = subprocess.run(_cli("corpus", "list", "--corpus", shared, "--json", "--no-bundled"), env=envs[user],
                                check=True, capture_output=True, text=True)
        texts = " ".join(snippet["text"] for snippet in json.loads(listed.stdout))
        assert all(f"({other} {number}," in texts for other in files for number in range(4)), user
        probe = ("import json, sys; from pathlib import Path; from remissdraft.corpus import load_corpus;"
                 "from remissdraft.match.index import TERMS, get_index;"
                 "corpus = load_corpus(Path(sys.argv[1]), bundled=False, analysis=TERMS); index = get_index(corpus.snippets);"
                 "print(json.dumps([index.n_docs, len(corpus.snippets), [word in index.vocab for word in sys.argv[2:]]]))")
        indexed = subprocess.run([sys.executable, "-c", probe, shared, "annamarkering", "bomarkering"], env=envs[user],
                                 check=True, capture_output=True, text=True)
        n_docs, count, words = json.loads(indexed.stdout)
        assert n_docs == count and words == [True, True], user  # the ranking knows the other's positions too
