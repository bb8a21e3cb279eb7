"""Language helpers shared by the rule NLUs and template NLGs of the dialogue tasks.

The movie-booking and MultiWOZ simulators (:mod:`simulators.moviebooking`, :mod:`simulators.multiwoz`) and
the MultiWOZ rule system (:mod:`baselines.multiwoz`) read and write the same kinds of English: number
words, clock times, known phrases found in text, alternative wordings picked with a seeded generator. What
is the same logic in all of them lives here, one module per job, so that a fix reaches every task:

* :mod:`~simulators.language.numbers` - the words of small numbers;
* :mod:`~simulators.language.times` - clock-time patterns and the 12-hour clock;
* :mod:`~simulators.language.spotting` - longest-match phrase regexes, masking, clause bounds;
* :mod:`~simulators.language.templates` - seeded choice among wordings, "a, b and c" lists.

What a task means by its words (which slots a phrase names, which wording a template set uses) stays in the
task's own package.
"""
