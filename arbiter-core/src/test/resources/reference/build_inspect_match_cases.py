"""Builds inspect-match-cases.jsonl: verdicts of Inspect's own `match` and `includes` on the cases of its tests.

Source: UKGovernmentBEIS/inspect_ai 499e6152e7b8fc8cbd8ac5283536572aa6e4ab17:
  src/inspect_ai/scorer/_common.py (match_str and the number helpers it calls, taken from the AST and executed as is),
  src/inspect_ai/_util/text.py (strip_punctuation, strip_numeric_punctuation), src/inspect_ai/scorer/_unicode.py
  (unicode_number_to_float, executed whole), src/inspect_ai/scorer/_match.py (`includes`: casefold, then `in`;
  `match` passes ignore_punctuation's default True), and str_match_scorer's loop over targets (first match wins, else
  the last target's answer). Cases: every case of tests/scorer/test_match.py, then text cases of this file's own.
Run: python3 build_inspect_match_cases.py INSPECT_REPO OUT_FILE
"""
import ast, json, sys

repo, out = sys.argv[1:3]
ns = {}
exec(open(f"{repo}/src/inspect_ai/scorer/_unicode.py").read(), ns)
for path, names in [(f"{repo}/src/inspect_ai/_util/text.py", {"strip_punctuation", "strip_numeric_punctuation"}),
                    (f"{repo}/src/inspect_ai/scorer/_common.py", {"match_str", "_parse_number", "_is_number",
                     "first_number_normalized", "all_numbers_normalized", "normalize_number"})]:
    exec("import math, re, string\nfrom typing import Callable, Literal", ns)
    for node in ast.parse(open(path).read()).body:
        if isinstance(node, ast.FunctionDef) and node.name in names:
            exec(compile(ast.Module([node], []), path, "exec"), ns)

def match(output, targets, location="end", numeric=False, ignore_case=True):
    answer = None
    for t in targets:
        answer, ok = ns["match_str"](output, t, location=location, ignore_case=ignore_case, numeric=numeric)
        if ok:
            return answer, True
    return answer, False

def includes(output, targets, ignore_case=True):
    answer = None
    for t in targets:
        v, tt = (output.casefold(), t.casefold()) if ignore_case else (output, t)
        answer = v
        if tt in v:
            return v, True
    return answer, False

# (test name or note, output, targets, location, numeric): tests/scorer/test_match.py in file order
MATCH = [
    ("test_number_eol", "28 + 32 = 60\nThis solves the problem.", ["60"], "end", True),
    ("test_non_number_eol_markdown", "**ANSWER: 28 + 32 = 60**\nThis solves the problem.", ["60"], "end", True),
    ("test_non_numeric_match", "28 + 32 = 60%\nThis solves the problem.", ["60", "60%"], "any", True),
    ("test_non_numeric_match_end", "28 + 32 = 60%", ["60%"], "end", True),
    ("test_non_numeric_match_plain", "28 + 32 = 60%", ["32"], "end", True),
    ("test_numeric_end_no_digit_suffix_match", "The answer is 25", ["5"], "end", True),
    ("test_numeric_end_no_digit_suffix_match_multidigit", "the value is 110", ["10"], "end", True),
    ("test_numeric_begin_no_digit_prefix_match", "50 is the answer", ["5"], "begin", True),
    ("test_numeric_any_no_digit_substring_match", "got 25 here", ["5"], "any", True),
    ("test_numeric_any_finds_number_in_middle", "first 7 then 25 then done", ["25"], "any", True),
    ("test_numeric_negative_target_wrong_sign", "5", ["-5"], "end", True),
    ("test_numeric_negative_target_correct", "the result is -5", ["-5"], "end", True),
    ("test_numeric_negative_target_correct_with_trailing_text", "the result is -5 exactly", ["-5"], "end", True),
    ("test_numeric_decimal_target", "pi is approximately 3.14", ["3.14"], "end", True),
    ("test_numeric_decimal_target_wrong", "pi is approximately 33.14", ["3.14"], "end", True),
    ("test_numeric_scientific_target", "the value is 1000", ["1e3"], "end", True),
    ("test_numeric_normalization_preserved", "2.0", ["2"], "end", True),
    ("test_numeric_negative_normalization", "result: -5.0", ["-5"], "end", True),
    ("test_numeric_exact_rejects_trailing_text", "5 some text", ["5"], "exact", True),
    ("test_numeric_exact_rejects_trailing_alpha", "5abc", ["5"], "exact", True),
    ("test_numeric_exact_clean_match", "5", ["5"], "exact", True),
    ("test_numeric_unicode_minus_in_output", "answer: \u22125", ["-5"], "end", True),
    ("test_numeric_vulgar_fraction_in_output", "the result is \u00bd", ["0.5"], "end", True),
    ("test_numeric_negative_vulgar_fraction_in_output", "got -\u00bd as the result", ["-0.5"], "any", True),
    ("test_numeric_mixed_fraction_in_output", "answer 2\u00bd", ["2.5"], "end", True),
    ("test_numeric_chinese_numeral_in_output", "result: \u4e09", ["3"], "end", True),
    ("test_numeric_fullwidth_digits_in_output", "the answer is \uff11\uff12\uff13", ["123"], "end", True),
    ("test_numeric_unicode_minus_with_trailing_text", "the answer is -\u00bd extra", ["-0.5"], "end", True),
    ("test_numeric_unicode_minus_with_leading_text", "leading text then -\u00bd", ["-0.5"], "begin", True),
    ("test_numeric_any_answer_when_no_match", "got 7 and 11", ["25"], "any", True),
    # text matching (numeric=False): case folding, punctuation stripped from both ends, locations
    ("text: end, punctuation and case", "The capital is PARIS.", ["paris"], "end", False),
    ("text: begin", "Paris, of course.", ["paris"], "begin", False),
    ("text: begin fails mid-sentence", "It is Paris.", ["paris"], "begin", False),
    ("text: exact", "  Paris!  ", ["paris"], "exact", False),
    ("text: exact fails with extra words", "Paris it is", ["paris"], "exact", False),
    ("text: any", "I think paris is right", ["PARIS"], "any", False),
    ("text: casefold sharp s", "Die Antwort ist STRASSE", ["stra\u00dfe"], "end", False),
    ("text: inner punctuation kept", "answer: e.g.", ["eg"], "end", False),
    ("numeric: currency and thousands", "It costs $1,234.", ["1234"], "end", True),
    ("numeric: latex-escaped dollar", "The total is \\$20", ["20"], "end", True),
    ("numeric: text target with numeric on", "answer: yes", ["yes"], "end", True),
    ("numeric: precision 5 significant digits", "x = 3.141592", ["3.14159"], "end", True),
    ("numeric: percent target is text", "growth was 60%", ["60"], "end", True),
]
INCLUDES = [
    ("includes: casefold", "The answer is PARIS", ["paris"]),
    ("includes: casefold sharp s", "STRASSE", ["stra\u00dfe"]),
    ("includes: second target", "blue sky", ["red", "sky"]),
    ("includes: absent", "blue sky", ["green"]),
]
with open(out, "w") as f:
    for name, output, targets, location, numeric in MATCH:
        answer, ok = match(output, targets, location, numeric)
        f.write(json.dumps({"scorer": "match", "case": name, "output": output, "targets": targets, "location": location,
                            "numeric": numeric, "correct": ok, "answer": answer}, ensure_ascii=False) + "\n")
    for name, output, targets in INCLUDES:
        answer, ok = includes(output, targets)
        f.write(json.dumps({"scorer": "includes", "case": name, "output": output, "targets": targets,
                            "correct": ok, "answer": answer}, ensure_ascii=False) + "\n")
