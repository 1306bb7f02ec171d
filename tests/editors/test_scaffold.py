"""``python -m generator new``: an editor's answers become a content file that the
models accept as written; bad answers are asked again; nothing is ever replaced."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import scaffold
from generator.models import Advisor, Organisation, Program


@pytest.fixture
def root(tmp_path: Path) -> Path:
    organisations = tmp_path / "content" / "organisations"
    organisations.mkdir(parents=True)
    # the scaffold only checks that the referenced organisation's file exists
    (organisations / "lanaudiere-economique.yaml").write_text(
        "id: lanaudiere-economique\nemail: a@example.org\n"
    )
    return tmp_path


def run_new(root: Path, kind: str, lines: list[str], lang: str = "fr") -> tuple[int, str]:
    args = argparse.Namespace(kind=kind, lang=lang, root=root, answers=None)
    out = io.StringIO()
    status = scaffold.run(args, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    return status, out.getvalue()


PROGRAM_ANSWERS = [
    "essor-numerique",  # id
    "Essor numérique : virage 4.0",  # name fr (a colon: must be quoted in YAML)
    "Digital Essor",  # name en
    "Aide au virage numérique des PME.",
    "Support for SMEs going digital.",
    "lanaudiere-economique",  # operator
    "grant, coaching",  # kinds
    "",  # audiences: default sme
    "14, 4",  # regions: "4" means "04"
    "",  # status: default open
    "https://www.exemple.qc.ca/essor",  # source
]


def test_program_file_validates_with_the_model(root: Path) -> None:
    status, out = run_new(root, "program", PROGRAM_ANSWERS)

    assert status == 0, out
    path = root / "content" / "programs" / "essor-numerique.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/program.schema.json\n")
    program = Program.model_validate(yaml.safe_load(text))
    assert program.name.fr == "Essor numérique : virage 4.0"
    assert program.regions == ["04", "14"]
    assert [k.value for k in program.kinds] == ["grant", "coaching"]
    assert program.status == "open"
    # optional fields are present, commented out, with a French explanation
    assert "# funders:" in text and "# website: https://" in text and "# Bailleurs de fonds" in text
    assert "Fiche créée : content/programs/essor-numerique.yaml" in out


def test_bad_id_is_asked_again_with_the_rule(root: Path) -> None:
    status, out = run_new(root, "program", ["Essor Numérique", *PROGRAM_ANSWERS])

    assert status == 0
    assert "Réponse refusée : « Essor Numérique ». Attendu : un identifiant : lettres minuscules" in out
    assert out.count("Identifiant du programme") == 2


def test_questions_in_english(root: Path) -> None:
    status, out = run_new(root, "program", ["Bad Id", *PROGRAM_ANSWERS], lang="en")

    assert status == 0
    assert "Answer refused: “Bad Id”. Expected: an id: lower-case letters" in out
    assert "Record created: content/programs/essor-numerique.yaml" in out


def test_refuses_to_overwrite(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    programs = root / "content" / "programs"
    programs.mkdir()
    existing = programs / "essor-numerique.yaml"
    existing.write_text("# do not touch\n")

    status, out = run_new(root, "program", PROGRAM_ANSWERS[:1])  # the taken id, then input ends

    assert status == 1
    assert existing.read_text() == "# do not touch\n"
    assert "content/programs/essor-numerique.yaml existe déjà" in out
    assert "Réponse manquante pour « id »" in capsys.readouterr().err


def test_unknown_organisation_is_asked_again(root: Path) -> None:
    answers = [*PROGRAM_ANSWERS[:5], "lanaudiere-eco", *PROGRAM_ANSWERS[5:]]
    status, out = run_new(root, "program", answers)

    assert status == 0
    assert "Aucune organisation « lanaudiere-eco » dans content/organisations/." in out
    assert "Vouliez-vous dire : lanaudiere-economique ?" in out


def test_sample_advisor_by_default(root: Path) -> None:
    status, out = run_new(
        root,
        "advisor",
        [
            "sample-lanaudiere-joliette",
            "Camille Exemple",
            "lanaudiere-economique",
            "14",
            "j6e, J6K",
            "fr, en",
            "",  # attested: in_progress
            "",  # no source: a sample
            "",  # email: default <id>@example.org
        ],
    )

    assert status == 0, out
    text = (root / "content" / "advisors" / "sample-lanaudiere-joliette.yaml").read_text()
    advisor = Advisor.model_validate(yaml.safe_load(text))
    assert advisor.sample is True
    assert advisor.email == "sample-lanaudiere-joliette@example.org"
    assert advisor.serves.fsas == ["J6E", "J6K"]
    assert advisor.region == "14"


def test_real_advisor_needs_a_source_and_gets_no_sample_flag(root: Path) -> None:
    status, out = run_new(
        root,
        "advisor",
        [
            "marie-tremblay",
            "Marie Tremblay",
            "lanaudiere-economique",
            "14",
            "",  # no FSA: municipalities instead
            "Joliette, Saint-Charles-Borromée",
            "",
            "attested",
            "https://www.exemple.qc.ca/equipe",
            "marie@exemple.qc.ca",
        ],
    )

    assert status == 0, out
    advisor = Advisor.model_validate(
        yaml.safe_load((root / "content" / "advisors" / "marie-tremblay.yaml").read_text())
    )
    assert advisor.sample is False
    assert advisor.serves.municipalities == ["Joliette", "Saint-Charles-Borromée"]


def test_sample_advisor_email_must_be_example_org(root: Path) -> None:
    answers = ["sample-x", "Exemple", "lanaudiere-economique", "14", "J6E", "", "", "", "x@exemple.qc.ca", ""]
    status, out = run_new(root, "advisor", answers)

    assert status == 0
    assert "le courriel doit finir par @example.org" in out


def test_organisation_from_an_answers_file(root: Path) -> None:
    answers = root / "answers.json"
    answers.write_text(
        json.dumps(
            {
                "id": "mrc-de-joliette",
                "name_fr": "MRC de Joliette",
                "name_en": "MRC de Joliette",
                "kind": "mrc",
                "regions": ["14"],
                "source": "002_fd6d11168443032a.txt",
            }
        )
    )
    args = argparse.Namespace(kind="organisation", lang="fr", root=root, answers=answers)

    assert scaffold.run(args, stdout=io.StringIO()) == 0
    text = (root / "content" / "organisations" / "mrc-de-joliette.yaml").read_text()
    organisation = Organisation.model_validate(yaml.safe_load(text))
    assert organisation.regions == ["14"]
    assert organisation.sources[0].seed == "002_fd6d11168443032a.txt"


def test_answers_file_with_a_bad_value_writes_nothing(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = root / "answers.json"
    answers.write_text(
        json.dumps({"id": "x", "name_fr": "X", "name_en": "X", "kind": "club", "regions": "all"})
    )
    args = argparse.Namespace(kind="organisation", lang="en", root=root, answers=answers)

    assert scaffold.run(args, stdout=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert "kind: Answer refused: “club”. Expected: one value among: erac, mrc" in err
    assert "source: No answer for “source”" in err
    assert not (root / "content" / "organisations" / "x.yaml").exists()


@pytest.mark.parametrize("kind", sorted(scaffold.KINDS))
def test_every_field_of_the_model_is_in_the_file(root: Path, kind: str) -> None:
    """Every field of the model appears in the scaffold, set or commented out."""
    _, model = scaffold.KINDS[kind]
    text = scaffold.RENDERERS[kind](_any_answers(kind))
    for name in model.model_fields:
        assert f"\n{name}:" in text or f"\n# {name}:" in text, f"{kind}: {name} missing"


def _any_answers(kind: str) -> dict[str, object]:
    common = {"id": "x", "name_fr": "X", "name_en": "X", "source": {"url": "https://a.example.org"}}
    return {
        "program": {
            **common,
            "summary_fr": "S",
            "summary_en": "S",
            "operator": "o",
            "kinds": ["grant"],
            "audiences": ["sme"],
            "regions": "all",
            "status": "open",
        },
        "organisation": {**common, "kind": "mrc", "regions": ["14"]},
        "advisor": {
            **common,
            "name": "X",
            "organisation": "o",
            "region": "14",
            "fsas": ["J6E"],
            "languages": ["fr"],
            "attested": "attested",
            "email": "x@example.org",
        },
    }[kind]


def test_an_erac_needs_an_email_and_an_example_one_makes_a_sample(root: Path) -> None:
    answers = [
        "erac-test",
        "ERAC test",
        "ERAC test",
        "erac",
        "14",
        "",
        "erac-test@example.org",
        "https://www.quebec.ca/",
    ]
    status, out = run_new(root, "organisation", answers)

    assert status == 0, out
    assert "Une ERAC reçoit les demandes de sa région : son courriel est obligatoire" in out
    text = (root / "content" / "organisations" / "erac-test.yaml").read_text()
    organisation = Organisation.model_validate(yaml.safe_load(text))
    assert (organisation.email, organisation.sample, organisation.to_confirm) == (
        "erac-test@example.org",
        True,
        True,
    )


def test_advisor_organisation_must_have_an_email(root: Path) -> None:
    (root / "content" / "organisations" / "mrc-sans-courriel.yaml").write_text("id: mrc-sans-courriel\n")
    answers = [
        "sample-x",
        "Exemple",
        "mrc-sans-courriel",
        "lanaudiere-economique",
        "14",
        "J6E",
        "",
        "",
        "",
        "",
    ]
    status, out = run_new(root, "advisor", answers)

    assert status == 0, out
    assert (
        "Cet organisme n'a pas de courriel, or les demandes passent par lui : "
        "ajoutez email: à content/organisations/mrc-sans-courriel.yaml"
    ) in out


def test_python_m_generator_new_reads_piped_stdin(root: Path) -> None:
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "generator", "new", "program", "--root", str(root)],
        cwd=repo,
        input="\n".join(PROGRAM_ANSWERS) + "\n",
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert (root / "content" / "programs" / "essor-numerique.yaml").is_file()
    # a second run with the same id is refused and input then runs out: exit 1
    again = subprocess.run(
        [sys.executable, "-m", "generator", "new", "program", "--root", str(root)],
        cwd=repo,
        input="essor-numerique\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 1
    assert "content/programs/essor-numerique.yaml existe déjà" in again.stdout
