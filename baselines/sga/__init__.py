"""SGA: Simplified Generative Architectures for a GPT-2 dialogue system and user simulator (paper 000).

The paper's SGA-DS predicts the belief state ``b_t``, system act ``a_t`` and delexicalized response
``r_t`` from the previous belief state and response and the current user utterance only,
``p(b_t, a_t, r_t | b_{t-1}, r_{t-1}, u_t)``, instead of the whole dialogue history (UBAR, SimpleTOD);
SGA-US predicts the user act and utterance from the previous response and the user's goal state,
``p(ua_t, u_t | r_{t-1}, g_t)``. Both are GPT-2 language models trained by supervised learning
(eq. 1, 2), later jointly reinforced by policy gradient in the MultiWOZ environment (JRUD, sec. 3.3).

Modules, in reading order:

* :mod:`~baselines.sga.sequences` - the training sequences (Figure 2), serialisation of beliefs, acts,
  goals and the database result, and the robust inverse parsing (no torch needed);
* :mod:`~baselines.sga.model` - tokenizer (DistilGPT-2's, or a byte-level BPE trained here), GPT-2
  model, checkpoints, batched KV-cache decoding;
* :mod:`~baselines.sga.train` - the supervised training loop and its command line;
* :mod:`~baselines.sga.generate` - the DS/US turn pipelines, corpus context-to-response predictions
  scored by :func:`dialenv.multiwoz.corpus_eval.evaluate_predictions`;
* :mod:`~baselines.sga.efficiency` - SGA's short context against UBAR's full history (Table 7);
* :mod:`~baselines.sga.agents` - SGA-DS and SGA-US as dialenv agents for the MultiWOZ environments;
* :mod:`~baselines.sga.online` - the online systems x users matrix of Table 2;
* :mod:`~baselines.sga.jrud` - the JRUD policy gradient and its training loop.

Commands (``DIALENV_DATA`` must point at the data mirror; see ``baselines/sga/README.md``)::

    python -m baselines.sga.train --model ds --config cpu-small --train-split val --out DIR --max-minutes 25
    python -m baselines.sga.generate --checkpoint DIR --split test
    python -m baselines.sga.efficiency --config cpu-small
    python -m baselines.sga.online --goals 100
    python -m baselines.sga.jrud --out DIR

The package imports torch only in the model, training, generation, efficiency, agent, online and JRUD
modules, so the sequence code can be used without it.
"""

from baselines.sga.sequences import (
    db_result,
    ds_segments,
    ds_turns,
    parse_belief,
    parse_goal_state,
    parse_system_acts,
    parse_user_acts,
    serialize_acts,
    serialize_belief,
    serialize_goal,
    us_segments,
    us_turns,
)

__all__ = [
    "db_result",
    "ds_segments",
    "ds_turns",
    "parse_belief",
    "parse_goal_state",
    "parse_system_acts",
    "parse_user_acts",
    "serialize_acts",
    "serialize_belief",
    "serialize_goal",
    "us_segments",
    "us_turns",
]
