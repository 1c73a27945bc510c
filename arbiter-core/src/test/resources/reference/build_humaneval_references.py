"""Builds humaneval-chat-references.jsonl, the reference side of HumanEvalReferenceTest, with the references' own code.

Sources:
  EleutherAI/lm-evaluation-harness 4e7e0d47f33bc71070c1d38394bafbb52b117163:
    lm_eval/tasks/humaneval/humaneval_instruct.yaml (doc_to_text, gen_prefix), rendered with jinja2 as
    lm_eval/utils.py apply_template does (BaseLoader, keep_trailing_newline=True); the turns are
    lm_eval/api/task.py build_qa_turn's [user doc_to_text, assistant gen_prefix] as local-chat-completions sends them;
    lm_eval/tasks/humaneval/utils.py build_predictions_instruct (executed as is).
  openai/simple-evals ee3b0318d8d1d9d72755a4120879be65f7c07e9e humaneval_eval.py: the `instruction` literal and
    `find_code` (both taken from the file's AST and executed as is).
Run: python3 build_humaneval_references.py LM_EVAL_REPO SIMPLE_EVALS_REPO HUMANEVAL_JSONL_GZ OUT_FILE
"""
import ast, gzip, json, re, sys
import jinja2, yaml

lm_eval, simple_evals, data, out = sys.argv[1:5]
env = jinja2.Environment(loader=jinja2.BaseLoader, keep_trailing_newline=True)
cfg = yaml.safe_load(open(f"{lm_eval}/lm_eval/tasks/humaneval/humaneval_instruct.yaml").read().replace("!function", ""))
ns = {}
for node in ast.parse(open(f"{lm_eval}/lm_eval/tasks/humaneval/utils.py").read()).body:
    if isinstance(node, ast.FunctionDef) and node.name == "build_predictions_instruct":
        exec(compile(ast.Module([node], []), "utils", "exec"), ns)
se = {"re": re}
for node in ast.walk(ast.parse(open(f"{simple_evals}/humaneval_eval.py").read())):
    if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "instruction":
        se["instruction"] = ast.literal_eval(node.value)
    if isinstance(node, ast.FunctionDef) and node.name == "find_code":
        exec(compile(ast.Module([node], []), "humaneval_eval", "exec"), se)

problems = [json.loads(l) for l in gzip.open(data, "rt")]
answers = [
    "```python\ndef f(x):\n    return x\n```\nSome words after.",
    "    return sorted(numbers)\n```\nThat is all.",
    "Here you go:\n```python\nfrom typing import List\n\n\ndef has_close_elements(numbers: List[float], threshold: float) -> bool:\n    return False\n```",
    "no code here at all",
    "```python\nreturn 1\n```",
]
with open(out, "w") as f:
    for p in problems[:2]:
        lm = [{"role": "user", "content": env.from_string(cfg["doc_to_text"]).render(**p)},
              {"role": "assistant", "content": env.from_string(cfg["gen_prefix"]).render(**p)}]
        f.write(json.dumps({"task_id": p["task_id"], "lm_eval_messages": lm,
                            "simple_evals_messages": [{"role": "user", "content": se["instruction"] + p["prompt"]}],
                            "answers": answers,
                            "lm_eval_programs": ns["build_predictions_instruct"]([answers], [p])[0],
                            "simple_evals_programs": [p["prompt"] + se["find_code"](a) for a in answers]}) + "\n")
