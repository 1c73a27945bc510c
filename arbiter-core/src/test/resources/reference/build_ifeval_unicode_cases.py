"""Builds ifeval-unicode-cases.jsonl: lm-eval's own IFEval checkers on answers with no-break spaces, non-ASCII
letters, combining marks, Unicode digits, NaN/Infinity JSON and a lone \\r.

Source: EleutherAI/lm-evaluation-harness 4e7e0d47f, lm_eval/tasks/ifeval/instructions.py and instructions_util.py,
executed as is (check_following of each instruction class) under CPython 3.11 with nltk and langdetect; the one
change is that instructions_util's import-time punkt_tab download is skipped (no checker here reads sentences).
Run: python3 build_ifeval_unicode_cases.py LMEVAL_REPO OUT_FILE
"""
import json, os, re, sys, tempfile, types

repo, out = sys.argv[1:3]
pkg = tempfile.mkdtemp()
os.makedirs(f"{pkg}/lm_eval/tasks/ifeval")
for d in ["lm_eval", "lm_eval/tasks", "lm_eval/tasks/ifeval"]:
    open(f"{pkg}/{d}/__init__.py", "w").close()
for name in ["instructions.py", "instructions_util.py"]:
    text = open(f"{repo}/lm_eval/tasks/ifeval/{name}").read()
    open(f"{pkg}/lm_eval/tasks/ifeval/{name}", "w").write(re.sub(r"(?m)^download_nltk_resources\(\)$", "pass", text))
if "immutabledict" not in sys.modules:
    try:
        import immutabledict  # noqa: F401
    except ImportError:
        sys.modules["immutabledict"] = types.SimpleNamespace(immutabledict=dict)
sys.path.insert(0, pkg)
from lm_eval.tasks.ifeval import instructions as I  # noqa: E402

R = {
 "detectable_format:json_format": I.JsonFormat,
 "length_constraints:number_words": I.NumberOfWords,
 "keywords:existence": I.KeywordChecker,
 "keywords:forbidden_words": I.ForbiddenWords,
 "keywords:frequency": I.KeywordFrequencyChecker,
 "startend:end_checker": I.EndChecker,
 "detectable_format:multiple_sections": I.SectionChecker,
 "length_constraints:nth_paragraph_first_word": I.ParagraphFirstWordCheck,
 "detectable_format:title": I.TitleChecker,
 "detectable_format:number_highlighted_sections": I.HighlightSectionChecker,
 "length_constraints:number_paragraphs": I.ParagraphChecker,
 "combination:two_responses": I.TwoResponsesChecker,
 "combination:repeat_prompt": I.RepeatPromptThenAnswer,
 "startend:quotation": I.QuotationChecker,
 "detectable_content:postscript": I.PostscriptChecker,
 "detectable_format:number_bullet_lists": I.BulletListChecker,
 "detectable_content:number_placeholders": I.PlaceholderChecker,
 "detectable_format:constrained_response": I.ConstrainedResponseChecker,
}
cases = [
 ("detectable_format:json_format", {}, '{"a": NaN}'),
 ("detectable_format:json_format", {}, '```json\n{"a": Infinity, "b": [-Infinity]}\n```'),
 ("detectable_format:json_format", {}, '{"a": -INF}'),
 ("detectable_format:json_format", {}, '{"a": +Infinity}'),
 ("detectable_format:json_format", {}, '{"a": nan}'),
 ("length_constraints:number_words", {"num_words": 3, "relation": "at least"}, "हिन्दी भाषा"),
 ("length_constraints:number_words", {"num_words": 3, "relation": "less than"}, "हिन्दी भाषा"),
 ("length_constraints:number_words", {"num_words": 2, "relation": "at least"}, "x² ½"),
 ("keywords:existence", {"keywords": ["café"]}, "CAFÉ OLÉ"),
 ("keywords:forbidden_words", {"forbidden_words": ["naïve"]}, "So NAÏVE."),
 ("keywords:forbidden_words", {"forbidden_words": ["2"]}, "x²2"),
 ("keywords:frequency", {"keyword": "CAFÉ", "frequency": 2, "relation": "at least"}, "café and Café"),
 ("startend:end_checker", {"end_phrase": "Any other questions?"}, "Thanks. Any other questions?\u00a0"),
 ("detectable_format:multiple_sections", {"section_spliter": "Section", "num_sections": 2}, "Section\u00a01\na\nSection\u00a02\nb"),
 ("detectable_format:multiple_sections", {"section_spliter": "Section", "num_sections": 2}, "Section ١\na\nSection ٢\nb"),
 ("length_constraints:nth_paragraph_first_word", {"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "Intro.\n\n\u00a0Then,\u00a0more."),
 ("length_constraints:nth_paragraph_first_word", {"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "Intro.\n\nThen\u00a0more."),
 ("detectable_format:title", {}, "<<\u00a0>>\nverse"),
 ("detectable_format:number_highlighted_sections", {"num_highlights": 1}, "*\u00a0* and plain"),
 ("detectable_format:number_highlighted_sections", {"num_highlights": 1}, "**\u00a0** and plain"),
 ("length_constraints:number_paragraphs", {"num_paragraphs": 3}, "First.\n***\n\u00a0\n***\nThird."),
 ("combination:two_responses", {}, "Same.\n******\nSame.\u00a0"),
 ("combination:repeat_prompt", {"prompt_to_repeat": "Write a poem."}, "\u00a0Write a poem. Roses."),
 ("startend:quotation", {}, "\u00a0\"wrapped\"\u00a0"),
 ("detectable_content:postscript", {"postscript_marker": "P.S."}, "Body.\np.\u00a0s. see you"),
 ("detectable_format:number_bullet_lists", {"num_bullets": 2}, "\u00a0* one\n\u00a0* two"),
 ("detectable_content:number_placeholders", {"num_placeholders": 1}, "[a\rb]"),
 ("detectable_format:number_bullet_lists", {"num_bullets": 1}, "intro\r* one"),
]
with open(out, "w") as f:
    for id_, kw, resp in cases:
        inst = R[id_](id_)
        inst.build_description(**kw)
        f.write(json.dumps({"id": id_, "kwargs": kw, "response": resp, "follows": bool(inst.check_following(resp))},
                           ensure_ascii=True) + "\n")
