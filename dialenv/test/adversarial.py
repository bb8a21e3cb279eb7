"""Hypothesis strategies for hostile actions: what a buggy agent, an LLM or a fuzzer might send."""

from __future__ import annotations

from hypothesis import strategies as st

from dialenv.acts import MAX_TEXT_LENGTH

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=50),
    st.binary(max_size=20),
)
_texts = st.one_of(
    st.just(""),
    st.text(max_size=200),  # arbitrary unicode, control characters included
    st.text(alphabet="日本語のテキスト😀é\u0000\u202e", min_size=1, max_size=50),
    st.integers(MAX_TEXT_LENGTH, 20 * MAX_TEXT_LENGTH).map(lambda n: "x" * n),  # oversized
)
_acts = st.one_of(
    st.fixed_dictionaries(
        {"intent": st.text(max_size=20)},
        optional={"domain": _scalars, "slot": _scalars, "value": _scalars},
    ),
    st.dictionaries(st.text(max_size=10), _scalars, max_size=5),
    st.lists(_scalars, max_size=6).map(tuple),
    _scalars,
)
_structured = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(_texts, _scalars),
        "acts": st.one_of(st.lists(_acts, max_size=40), _scalars, st.dictionaries(st.text(max_size=5), _scalars)),
        "belief": st.one_of(st.dictionaries(st.one_of(st.text(max_size=12), st.integers()), _scalars), _scalars),
    },
)


def adversarial_actions() -> st.SearchStrategy:
    """Strings, dicts with wrong or unknown fields, lists, numbers, bytes, None."""
    return st.one_of(
        _texts,
        _structured,
        st.dictionaries(st.text(max_size=8), _scalars, max_size=4),
        st.lists(_scalars, max_size=5),
        _scalars,
    )
