import pytest

import dialenv
from dialenv.errors import DialenvError, UnknownEnvError


def test_registered_ids_cover_the_movie_task():
    ids = dialenv.registered_ids()
    assert {"moviebooking-v0", "moviebooking-joint-v0", "moviebooking-user-v0"} <= set(ids)


def test_spec_kinds_and_learners():
    assert dialenv.spec("moviebooking-joint-v0").kind == "aec"
    system_view = dialenv.spec("moviebooking-v0")
    assert (system_view.kind, system_view.learner) == ("gym", "system")
    assert dialenv.spec("moviebooking-user-v0").learner == "user"


def test_unknown_version_lists_existing_versions():
    with pytest.raises(UnknownEnvError, match="moviebooking-v0"):
        dialenv.make("moviebooking-v7")


def test_unknown_name_suggests_close_matches():
    with pytest.raises(UnknownEnvError, match="Did you mean: moviebooking-v0"):
        dialenv.make("movibooking-v0")


def test_malformed_id_and_duplicate_registration():
    with pytest.raises(DialenvError, match="name-vN"):
        dialenv.register("no version", "x:y", "aec")
    with pytest.raises(DialenvError, match="already registered"):
        dialenv.register("moviebooking-v0", "x:y", "gym")


def test_make_passes_kwargs_and_attaches_spec():
    env = dialenv.make("moviebooking-joint-v0", max_turns=5)
    assert env.max_turns == 5
    assert env.dialenv_spec.id == "moviebooking-joint-v0"


def test_bad_entry_point_names_the_problem():
    dialenv.register("broken-test-v0", "dialenv.no_such_module:Env", "aec")
    with pytest.raises(DialenvError, match="cannot import 'dialenv.no_such_module'"):
        dialenv.make("broken-test-v0")


def test_importing_dialenv_does_not_import_heavy_packages():
    import subprocess
    import sys

    code = "import sys, dialenv; print(sorted(m for m in ('torch', 'transformers', 'simulators', 'baselines') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
