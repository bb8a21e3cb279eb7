"""The built-in persona bank: size, shape, originality."""

from dialenv.personachat import corpus
from dialenv.personachat.bank import PERSONAS
from dialenv.personachat.phrases import ALL_SENTENCES, TOPICS

from .conftest import needs_data


def test_bank_size_and_shape():
    assert len(PERSONAS) >= 100
    for persona in PERSONAS:
        assert 4 <= len(persona.original) <= 5
        assert len(persona.revised) == len(persona.original)
        for original, revised in zip(persona.original, persona.revised):
            for sentence in (original, revised):
                assert sentence == sentence.strip().lower() and sentence.endswith(".") and len(sentence) < 120
            assert original != revised
    assert PERSONAS[0].sentences("revised") == PERSONAS[0].revised


def test_bank_sentences_are_distinct():
    originals = [sentence for persona in PERSONAS for sentence in persona.original]
    revised = [sentence for persona in PERSONAS for sentence in persona.revised]
    assert len(set(originals)) == len(originals)
    assert len(set(revised)) == len(revised)


def test_phrases_cover_topics():
    assert all(topic.questions and topic.keywords for topic in TOPICS.values())
    assert all(sentence for sentence in ALL_SENTENCES)


@needs_data
def test_no_bank_sentence_is_taken_from_the_dataset():
    dataset = set()
    for view in corpus.VIEWS:
        for dialogue in corpus.cached_dialogues(view):
            dataset.update(dialogue.your_persona + dialogue.partner_persona)
            dataset.update(text for _, text in dialogue.utterances())

    def squeeze(text):
        return "".join(character for character in text if character.isalnum())

    dataset_squeezed = {squeeze(text) for text in dataset}
    for persona in PERSONAS:
        for sentence in persona.original + persona.revised:
            assert squeeze(sentence) not in dataset_squeezed, sentence
