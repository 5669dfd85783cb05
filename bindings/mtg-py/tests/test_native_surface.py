"""Every native function the Python package calls exists.

Several test modules skip their byte-level tests when a native function is
missing (written while the natives were being built); this test makes such
a gap fail loudly instead of turning into skips.
"""

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
