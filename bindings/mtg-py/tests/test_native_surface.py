"""Every native function the Python package calls exists, and the type
stub (_native.pyi) declares exactly the module's names, with the functions'
parameters.

Several test modules skip their byte-level tests when a native function is
missing (written while the natives were being built); this test makes such
a gap fail loudly instead of turning into skips.
"""

import inspect
import os

import pytest

import mutagen_rs._native as native

NATIVE_FUNCTIONS = [
    "id3_unsynch_decode", "id3_unsynch_encode", "id3_read", "id3_parse_v1",
    "id3_find_v1_in_tail", "id3_make_v1", "id3_save", "id3_delete",
    "id3_spec_read", "id3_spec_write", "id3_timestamp_parse",
    "id3_unwrap_frame_body", "vorbis_parse", "vorbis_write",
    "ape_load", "ape_render", "ape_save", "ape_delete",
    "mpeg_info", "mp3_open", "id3_open_into", "mpeg_frame", "mpeg_xing", "mpeg_vbri",
    "mpeg_lame_version", "mpeg_lame_header", "aac_info", "ac3_info",
]


@pytest.mark.parametrize("name", NATIVE_FUNCTIONS)
def test_native_function_present(name):
    assert callable(getattr(native, name, None)), name


def _stub_definitions():
    import ast
    path = os.path.join(os.path.dirname(native.__file__), "_native.pyi")
    with open(path) as f:
        tree = ast.parse(f.read())
    return {node.name: node for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.ClassDef))}


def test_stub_names_match_the_module():
    stub = _stub_definitions()
    names = {n for n in dir(native) if not n.startswith("__")}
    assert sorted(names - set(stub)) == []
    assert sorted(set(stub) - names) == []


def test_stub_parameters_match_the_functions():
    stub = _stub_definitions()
    checked = 0
    for name, node in stub.items():
        obj = getattr(native, name)
        if not hasattr(node, "args") or not callable(obj):
            continue
        try:
            sig = inspect.signature(obj)
        except (TypeError, ValueError):
            continue
        args = node.args
        declared = [a.arg for a in args.posonlyargs + args.args]
        declared += [args.vararg.arg] if args.vararg else []
        declared += [a.arg for a in args.kwonlyargs]
        declared += [args.kwarg.arg] if args.kwarg else []
        assert list(sig.parameters) == declared, name
        checked += 1
    assert checked >= 20
