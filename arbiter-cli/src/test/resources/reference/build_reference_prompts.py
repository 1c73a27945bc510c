"""Builds the reference prompts the byte-for-byte tests compare with, from the references' own templates.

Source: EleutherAI/lm-evaluation-harness at commit 4e7e0d47f33bc71070c1d38394bafbb52b117163:
  lm_eval/tasks/minerva_math/utils.py (doc_to_text, list_fewshot_samples; their code is executed as is),
  lm_eval/tasks/gsm8k/gsm8k-cot.yaml (doc_to_text, fewshot samples; rendered with jinja2 as lm-eval does),
  lm_eval/tasks/gsm8k/gsm8k.yaml (doc_to_text, doc_to_target, num_fewshot 5, no fewshot_config: the default
  sampler of lm_eval/api/samplers.py, Random(1234).sample(train_docs, 5) once per test document in order),
  lm_eval/api/task.py build_qa_turn + lm_eval/api/utils.py Message.to_text (the text layout: question,
  target_delimiter " ", answer, fewshot_delimiter "\\n\\n", then the question with no delimiter).
Run: python3 build_reference_prompts.py MINERVA_UTILS_PY GSM8K_COT_YAML DATASETS_DIR OUT_DIR GSM8K_YAML
"""
import ast, json, random, sys
import jinja2, yaml

utils_py, cot_yaml, datasets, out, gsm8k_yaml = sys.argv[1:6]

ns = {}
for node in ast.parse(open(utils_py).read()).body:
    if isinstance(node, ast.FunctionDef) and node.name in ("doc_to_text", "list_fewshot_samples"):
        exec(compile(ast.Module([node], []), "utils", "exec"), ns)
with open(f"{out}/lm-eval-minerva_math-4shot.jsonl", "w") as f:
    for line in open(f"{datasets}/math500/test.jsonl").readlines()[:2]:
        d = json.loads(line)
        prompt = "".join(ns["doc_to_text"](s) + " " + s["solution"] + "\n\n" for s in ns["list_fewshot_samples"]())
        f.write(json.dumps({"unique_id": d["unique_id"], "prompt": prompt + ns["doc_to_text"](d)}) + "\n")

cfg = yaml.safe_load(open(cot_yaml))
text = jinja2.Template(cfg["doc_to_text"], keep_trailing_newline=True)
with open(f"{out}/lm-eval-gsm8k_cot-8shot.jsonl", "w") as f:
    for i, line in enumerate(open(f"{datasets}/gsm8k/test.jsonl").readlines()[:2]):
        d = json.loads(line)
        prompt = "".join(text.render(**s) + " " + s["target"] + "\n\n" for s in cfg["fewshot_config"]["samples"])
        f.write(json.dumps({"index": i, "prompt": prompt + text.render(**d)}) + "\n")

g = yaml.safe_load(open(gsm8k_yaml))
text = jinja2.Template(g["doc_to_text"], keep_trailing_newline=True)
target = jinja2.Template(g["doc_to_target"], keep_trailing_newline=True)
train = [json.loads(line) for line in open(f"{datasets}/gsm8k/train.jsonl")]
rnd = random.Random(1234)
with open(f"{out}/lm-eval-gsm8k-5shot.jsonl", "w") as f:
    for i, line in enumerate(open(f"{datasets}/gsm8k/test.jsonl").readlines()[:2]):
        d = json.loads(line)
        prompt = "".join(text.render(**s) + " " + target.render(**s) + "\n\n" for s in rnd.sample(train, g["num_fewshot"]))
        f.write(json.dumps({"index": i, "prompt": prompt + text.render(**d)}) + "\n")
