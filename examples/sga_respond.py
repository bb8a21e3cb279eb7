"""SGA-DS in a few lines: see its training sequences, then let the shipped checkpoint answer a user.

    DIALENV_DATA=../shared/data python examples/sga_respond.py

The model generates, per turn, a belief state, queries the MultiWOZ database with it, then generates the
system act and a delexicalized response ("[name] is in the [area]"); its own belief state and response are
its only memory of the dialogue (the shortened SGA context). Needs torch and transformers.
"""

from pathlib import Path

from baselines.sga.generate import SGASystem
from baselines.sga.model import load_checkpoint
from baselines.sga.sequences import ds_segments, ds_turns, segments_text
from dialenv.multiwoz import MultiWOZDatabase, load_split

# 1. The training sequence of one corpus turn: b_{t-1} r_{t-1} u_t | b_t db_t a_t r_t.
db = MultiWOZDatabase.load()
dialogue = load_split("test")["PMUL4648"]
print(segments_text(ds_segments(ds_turns(dialogue, db)[4])), "\n")

# 2. A trained SGA-DS talking to scripted user turns, end-to-end (its own b_{t-1} and r_{t-1}).
checkpoint = Path(__file__).resolve().parents[1] / "baselines/sga/checkpoints/sga-ds-cpu-small-sim"
model, tokenizer, info = load_checkpoint(checkpoint)
system = SGASystem(model, tokenizer, db=db)
belief, response = "", ""
for user in [
    "i am looking for a cheap restaurant in the centre of town .",
    "i would like italian food please .",
    "can i have the address and phone number ?",
    "thank you , goodbye .",
]:
    (turn,) = system.respond([(belief, response, user)])  # a batch of one dialogue
    print(
        f"user:   {user}\nbelief: {turn.belief}\ndb:     {turn.db}\nacts:   {turn.act_text}\nsystem: {turn.response}\n"
    )
    belief, response = turn.belief_text, turn.response
