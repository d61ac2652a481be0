import shutil

import pytest

from assistant.corpus import load_corpus
from assistant.errors import CorpusError
from tests.conftest import FIXTURE_NOTES, SEED

GOOD = (FIXTURE_NOTES / "weight.md").read_text()


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_loads_every_note_in_sub_folders_and_skips_readme(tmp_path):
    write(tmp_path, "a/b/weight.md", GOOD)
    write(tmp_path, "README.md", "# how to add notes")
    shutil.copy(SEED, tmp_path / "seed.md")
    documents = load_corpus(tmp_path)
    paths = {d.source_id: d.source.path for d in documents}
    assert paths == {"knee-and-lower-back-pain": "seed.md", "weight": "a/b/weight.md"}


def test_seed_body_is_the_shared_article_verbatim():
    shared = SEED.parents[2].parent / "shared" / "seed" / "knee-and-lower-back-pain.txt"
    if not shared.exists():
        pytest.fail(f"the shared seed article is expected beside the repository at {shared}")
    (document,) = load_corpus(SEED.parent)
    assert document.body == shared.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        pytest.param(
            ("title: Weight and joint pain\n", ""), "field 'title' is missing", id="missing-field"
        ),
        pytest.param(
            ("source_type: trial", "source_type: blog"), "field 'source_type'", id="bad-source-type"
        ),
        pytest.param(
            ("reviewed_on: 2026-01-10", "reviewed_on: last week"),
            "field 'reviewed_on'",
            id="bad-date",
        ),
        pytest.param(
            ("doi: 10.1001/jama.2013.277669", "doi: jama-2013"), "field 'doi'", id="bad-doi"
        ),
        pytest.param(("id: weight", "id: Weight Note"), "field 'id'", id="bad-id"),
        pytest.param(("---\nid", "id"), "front matter", id="no-front-matter"),
        pytest.param(
            ("evidence_note:", "evidence_note: [unclosed"), "not valid YAML", id="broken-yaml"
        ),
    ],
)
def test_bad_front_matter_names_file_and_field(tmp_path, change, fragment):
    write(tmp_path, "notes/weight.md", GOOD.replace(*change))
    with pytest.raises(CorpusError, match=fragment) as error:
        load_corpus(tmp_path)
    assert "notes/weight.md" in str(error.value)


def test_duplicate_ids_are_rejected(tmp_path):
    write(tmp_path, "one.md", GOOD)
    write(tmp_path, "two.md", GOOD)
    with pytest.raises(CorpusError, match=r"already used by one\.md"):
        load_corpus(tmp_path)


def test_all_problems_are_reported_together(tmp_path):
    write(tmp_path, "one.md", GOOD.replace("title: Weight and joint pain\n", ""))
    write(
        tmp_path,
        "two.md",
        GOOD.replace("id: weight", "id: other").replace("year: 2026", "year: soon"),
    )
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    assert "one.md" in str(error.value)
    assert "two.md" in str(error.value)


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="no corpus notes"):
        load_corpus(tmp_path)
