"""The ``dialenv`` command line.

    dialenv list                         registered environments
    dialenv info ID                      an env's documentation page, spaces and reference agents
    dialenv demo                         a few dialogues on the embedded default, then an evaluation table
    dialenv evaluate ID [--agent ...]    evaluate built-in or your own agents (table, --json PATH)
    dialenv play ID --as user|system     talk to the built-in partner yourself (transcript saved as JSONL)
    dialenv regress [--update] [ID ...]  check (or re-pin) the regression fingerprints
    dialenv evaluate-corpus [TASK] ...   offline metrics: MultiWOZ predictions (standard evaluator) or
                                         PERSONA-CHAT agents (Hits@1, F1, perplexity, persona probing)
    dialenv data status|fetch|import     datasets: where they are, download, import a local copy
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from pathlib import Path
from typing import Any

from dialenv.errors import DialenvError
from dialenv.metrics import format_table
from dialenv.registration import all_specs, load_entry_point, make, spec


def _cmd_list(args: argparse.Namespace) -> int:
    rows = [(s.id, s.kind, s.learner or "-", s.description) for s in all_specs()]
    width = max(len(row[0]) for row in rows)
    print(f"{'id'.ljust(width)}  kind  you play  description")
    for env_id, kind, learner, description in rows:
        print(f"{env_id.ljust(width)}  {kind.ljust(4)}  {learner.ljust(8)}  {description}")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    env_spec = spec(args.env_id)
    env = make(args.env_id)
    print(f"{env_spec.id}: {env_spec.description}")
    print(f"kind: {env_spec.kind}; entry point: {env_spec.entry_point}; datasets: {list(env_spec.datasets) or 'none'}")
    print(f"reference agents: {env_spec.reference_agents}")
    dialogue = getattr(env, "unwrapped_dialogue", env)
    for agent in dialogue.possible_agents:
        print(f"\n[{agent}] observation space: {dialogue.observation_space(agent)}")
        print(f"[{agent}] action space: {dialogue.action_space(agent)}")
    print(inspect.getdoc(sys.modules[type(dialogue).__module__]) or "")
    return 0


def _parse_agent_overrides(values: list[str], env_id: str) -> dict[str, str]:
    env_spec = spec(env_id)
    overrides = {}
    for value in values or []:
        side, sep, reference = value.partition("=")
        if not sep:
            if env_spec.kind != "gym":
                raise DialenvError(f"{env_id} is a joint env: give --agent SIDE=AGENT (e.g. --agent system=random)")
            side, reference = env_spec.learner, value
        overrides[side] = reference
    return overrides


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from dialenv.evaluation import evaluate

    report = evaluate(
        args.env_id,
        _parse_agent_overrides(args.agent, args.env_id),
        episodes=args.episodes,
        seed=args.seed,
        env_kwargs=json.loads(args.env_kwargs),
        progress=True,
    )
    print(f"{args.env_id}  agents: {report.agents}  episodes: {args.episodes}  seeds: {args.seed}..")
    print(format_table({args.env_id: report.metrics}))
    print(f"{len(report.episodes) / report.seconds:.0f} dialogues/s ({report.seconds:.2f} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(report.as_dict(), indent=2, default=str) + "\n")
        print(f"wrote {args.json}")
    return 0


def _cmd_play(args: argparse.Namespace) -> int:
    from dialenv.play import play_in_terminal

    return play_in_terminal(args.env_id, args.side, seed=args.seed, out=args.out)


def _cmd_demo(args: argparse.Namespace) -> int:
    from dialenv.demo import run_demo

    return run_demo(episodes=args.episodes, dialogues=args.dialogues)


def _cmd_regress(args: argparse.Namespace) -> int:
    from dialenv import regress

    results = regress.run(args.env_ids or None, pin=args.update)
    for result in results:
        print(f"{result.status:9s} {result.env_id}  {result.detail}")
    return 1 if any(r.status in ("changed", "unpinned") for r in results) else 0


CORPUS_EVALUATORS = {
    "multiwoz": "dialenv.multiwoz.corpus_eval:main",
    "personachat": "dialenv.personachat.offline:main",
}


def _cmd_evaluate_corpus(args: argparse.Namespace) -> int:
    """``evaluate-corpus [TASK] ...``: the task's offline evaluator (MultiWOZ when no task is named)."""
    rest = list(args.rest)
    task = rest.pop(0) if rest and rest[0] in CORPUS_EVALUATORS else "multiwoz"
    return load_entry_point(CORPUS_EVALUATORS[task])(rest)


def _cmd_external(entry_point: str) -> Any:
    def run(args: argparse.Namespace) -> int:
        return load_entry_point(entry_point)(args.rest)

    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dialenv", description="Multi-agent dialogue environments.")
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("list", help="list registered environments").set_defaults(run=_cmd_list)

    info = commands.add_parser("info", help="show an environment's documentation and spaces")
    info.add_argument("env_id")
    info.set_defaults(run=_cmd_info)

    demo = commands.add_parser("demo", help="readable dialogues, then an evaluation table (no data needed)")
    demo.add_argument("--dialogues", type=int, default=2, help="dialogues to print per setting")
    demo.add_argument("--episodes", type=int, default=500, help="episodes per row of the table")
    demo.set_defaults(run=_cmd_demo)

    evaluate = commands.add_parser("evaluate", help="evaluate agents on an environment")
    evaluate.add_argument("env_id")
    evaluate.add_argument(
        "--agent",
        action="append",
        help="NAME|module:attr|random for the side you play; SIDE=AGENT for joint envs (repeatable)",
    )
    evaluate.add_argument("--episodes", type=int, default=100)
    evaluate.add_argument("--seed", type=int, default=0, help="first episode seed (episodes use seed, seed+1, ...)")
    evaluate.add_argument("--env-kwargs", default="{}", help='JSON keyword arguments for make(), e.g. \'{"max_turns": 10}\'')
    evaluate.add_argument("--json", help="write the full report (per-episode metrics) to this path")
    evaluate.set_defaults(run=_cmd_evaluate)

    play = commands.add_parser("play", help="talk to the built-in partner in the terminal")
    play.add_argument("env_id", help="a joint env id, e.g. moviebooking-joint-v0")
    play.add_argument("--as", dest="side", required=True, help="the side you play (user or system)")
    play.add_argument("--seed", type=int, default=None)
    play.add_argument("--out", help="JSONL transcript path (default: dialenv-play-<id>-<seed>.jsonl)")
    play.set_defaults(run=_cmd_play)

    regress = commands.add_parser("regress", help="check the pinned regression fingerprints")
    regress.add_argument("env_ids", nargs="*")
    regress.add_argument("--update", action="store_true", help="re-pin (only together with a version bump)")
    regress.set_defaults(run=_cmd_regress)

    corpus = commands.add_parser(
        "evaluate-corpus",
        help="offline corpus metrics: [multiwoz] PREDICTIONS (Inform, Success, BLEU, Combined, JGA) | "
        "personachat [--agent ...] (Hits@1, F1, perplexity, persona probing)",
        add_help=False,
    )
    corpus.add_argument("rest", nargs=argparse.REMAINDER)
    corpus.set_defaults(run=_cmd_evaluate_corpus)

    data = commands.add_parser("data", help="datasets: status, fetch NAME, import NAME DIR", add_help=False)
    data.add_argument("rest", nargs=argparse.REMAINDER)
    data.set_defaults(run=_cmd_external("dialenv.data.cli:cli_main"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except DialenvError as error:
        print(f"dialenv: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
